"""Documenten API payloads (Open Zaak 1.30, Documenten 1.4.2)."""

from typing import Any

from ._common import (
    BASE,
    BRONORGANISATIE,
    INFORMATIEOBJECTTYPE_UUID,
    Payload,
    catalogi_url,
    documenten_url,
    finish,
    new_uuid,
)


def enkelvoudiginformatieobject(
    *, uuid: str | None = None, base: str = BASE, validate: bool = True, **overrides: Any
) -> Payload:
    """A final, public PDF of 12,345 bytes; `inhoud` is its download URL (versie 1).

    Documenten 1.5+/1.6+ fields (`inhoudIsVervallen`, `tonenAanInitiator`) are absent, as
    Open Zaak 1.30 serves them; add them as overrides to test a newer back office.
    """
    uuid = uuid or new_uuid()
    url = documenten_url(f"enkelvoudiginformatieobjecten/{uuid}", base=base)
    payload = {
        "url": url,
        "identificatie": "DOCUMENT-2024-0000000001",
        "bronorganisatie": BRONORGANISATIE,
        "creatiedatum": "2024-03-10",
        "titel": "Besluit omgevingsvergunning",
        "vertrouwelijkheidaanduiding": "openbaar",
        "auteur": "Gemeente Demo",
        "status": "definitief",
        "formaat": "application/pdf",
        "taal": "nld",
        "versie": 1,
        "beginRegistratie": "2024-03-10T10:00:00Z",
        "bestandsnaam": "besluit.pdf",
        "inhoud": f"{url}/download?versie=1",
        "bestandsomvang": 12345,
        "link": "",
        "beschrijving": "",
        "ontvangstdatum": None,
        "verzenddatum": None,
        "indicatieGebruiksrecht": None,
        "verschijningsvorm": "",
        "ondertekening": None,
        "integriteit": None,
        "informatieobjecttype": catalogi_url(
            f"informatieobjecttypen/{INFORMATIEOBJECTTYPE_UUID}", base=base
        ),
        "locked": False,
        "bestandsdelen": [],
        "trefwoorden": [],
    }
    return finish("documenten", payload, overrides, validate=validate)
