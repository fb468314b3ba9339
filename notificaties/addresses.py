"""Where a resident can be reached: the verified addresses Open Klant holds (docs/standards.md §5).

Used both to address a message and to tell the resident on the Meldingen page what the
portal knows. Only verified addresses count, and none of an inactive partij.
"""

from dataclasses import dataclass, field

from mijnomgeving.clients.actor import Actor
from mijnomgeving.clients.klantinteracties import build_klantinteracties_client
from mijnomgeving.clients.klantinteracties_resources import (
    EMAIL,
    TELEFOONNUMMER,
    preferred_address,
)

# Why Open Klant gave nothing usable (also an OutgoingMessage.skip_reason).
NO_PARTIJ = "no_partij"
PARTIJ_INACTIVE = "partij_inactive"


@dataclass(frozen=True, slots=True)
class ContactAddresses:
    """The verified e-mail address and phone number to use; "" where there is none."""

    email: str = field(default="", repr=False)
    phone: str = field(default="", repr=False)
    problem: str = ""  # NO_PARTIJ or PARTIJ_INACTIVE; then both addresses are ""


def contact_addresses_get(*, bsn: str, actor: Actor) -> ContactAddresses:
    """The resident's addresses from Open Klant; UpstreamError when it cannot be asked."""
    client = build_klantinteracties_client(actor)
    partij = client.partij_for_bsn(bsn)
    if partij is None:
        return ContactAddresses(problem=NO_PARTIJ)
    if not partij.indicatie_actief:  # "contactgegevens van niet-actieve partijen" stay unused
        return ContactAddresses(problem=PARTIJ_INACTIVE)
    adressen = client.digitale_adressen(partij)
    email = preferred_address(partij, adressen, EMAIL)
    phone = preferred_address(partij, adressen, TELEFOONNUMMER)
    return ContactAddresses(
        email=email.adres if email else "",
        phone=phone.adres if phone else "",
    )
