"""The resident's choices on the Meldingen page, read and written by identity (hash only)."""

import logging
from dataclasses import dataclass

from mijnomgeving.accounts.identity import Identity, identifier_hash, resident_actor
from mijnomgeving.clients.base import ClientConfigurationError, UpstreamError

from .addresses import contact_addresses_get
from .models import NotificationPreference

logger = logging.getLogger("mijnomgeving.notificaties")


@dataclass(frozen=True, slots=True)
class Preference:
    case_updates: bool = True
    channel: str = NotificationPreference.Channel.EMAIL

    def as_initial(self) -> dict[str, object]:
        return {"case_updates": self.case_updates, "channel": self.channel}


def preference_for_hash(hashed: str) -> Preference:
    row = NotificationPreference.objects.filter(identifier_hash=hashed).first()
    if row is None:
        return Preference()
    return Preference(case_updates=row.case_updates, channel=row.channel)


def preference_for(identity: Identity) -> Preference:
    return preference_for_hash(identifier_hash(identity.number))


def preference_save(identity: Identity, *, case_updates: bool, channel: str) -> None:
    NotificationPreference.objects.update_or_create(
        identifier_hash=identifier_hash(identity.number),
        defaults={"case_updates": case_updates, "channel": channel},
    )


@dataclass(frozen=True, slots=True)
class DeliveryNotice:
    """What the Meldingen page warns about; booleans only (docs/architecture.md rule 2).

    unavailable: Open Klant could not be asked, so nothing is known (no warning is guessed).
    sms_without_phone: SMS chosen, no verified phone number. action_by_email: then
    action-required messages go to the verified e-mail address. without_email: the messages
    that would go by e-mail have no verified address to go to.
    """

    unavailable: bool = False
    sms_without_phone: bool = False
    action_by_email: bool = False
    without_email: bool = False


def delivery_notice_get(*, identity: Identity, preference: Preference) -> DeliveryNotice:
    """Whether the resident's choice can be carried out with the addresses Open Klant holds."""
    if not identity.bsn:  # messages go to residents (BSN) only
        return DeliveryNotice()
    try:
        addresses = contact_addresses_get(bsn=identity.bsn, actor=resident_actor(identity))
    except (UpstreamError, ClientConfigurationError) as error:
        logger.warning("Meldingen: contact details unavailable (%s)", type(error).__name__)
        return DeliveryNotice(unavailable=True)
    if preference.channel == NotificationPreference.Channel.SMS and not addresses.phone:
        return DeliveryNotice(
            sms_without_phone=True,
            action_by_email=bool(addresses.email),
            without_email=not addresses.email,
        )
    if preference.channel == NotificationPreference.Channel.EMAIL and not addresses.email:
        return DeliveryNotice(without_email=True)
    return DeliveryNotice()
