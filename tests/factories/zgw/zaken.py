"""Zaken API payloads (Open Zaak 1.30, Zaken 1.5.1)."""

from typing import Any

from tests.specs import ZAKEN_RESPONSE_HEADERS

from ._common import (
    BASE,
    BRONORGANISATIE,
    RESULTAATTYPE_UUID,
    ROLTYPE_UUID,
    TEST_BSN,
    ZAAKTYPE_UUID,
    Payload,
    catalogi_url,
    documenten_url,
    finish,
    new_uuid,
    zaken_url,
)
from .catalogi import statustype


def zaak(
    *, uuid: str | None = None, base: str = BASE, validate: bool = True, **overrides: Any
) -> Payload:
    """An open zaak with a current status (statustype 2) and no resultaat.

    Expanded resources go in as `_expand={"zaaktype": zaaktype(), ...}`.
    """
    uuid = uuid or new_uuid()
    url = zaken_url(f"zaken/{uuid}", base=base)
    payload = {
        "url": url,
        "uuid": uuid,
        "identificatie": "ZAAK-2024-0000000001",
        "bronorganisatie": BRONORGANISATIE,
        "omschrijving": "Aanvraag omgevingsvergunning dakkapel",
        "toelichting": "",
        "zaaktype": catalogi_url(f"zaaktypen/{ZAAKTYPE_UUID}", base=base),
        "registratiedatum": "2024-03-01",
        "verantwoordelijkeOrganisatie": BRONORGANISATIE,
        "startdatum": "2024-03-01",
        "einddatum": None,
        "einddatumGepland": "2024-04-26",
        "uiterlijkeEinddatumAfdoening": "2024-05-01",
        "publicatiedatum": None,
        "laatstGemuteerd": "2024-03-04T09:30:00Z",
        "laatstGeopend": None,
        "communicatiekanaal": "",
        "communicatiekanaalNaam": "",
        "productenOfDiensten": [],
        "vertrouwelijkheidaanduiding": "zaakvertrouwelijk",
        "betalingsindicatie": "",
        "betalingsindicatieWeergave": "",
        "laatsteBetaaldatum": None,
        "zaakgeometrie": None,
        "verlenging": None,
        "opschorting": {"indicatie": False, "eerdereOpschorting": False, "reden": ""},
        "selectielijstklasse": "",
        "hoofdzaak": None,
        "deelzaken": [],
        "relevanteAndereZaken": [],
        "eigenschappen": [],
        "rollen": [],
        "status": zaken_url(f"statussen/{new_uuid()}", base=base),
        "zaakinformatieobjecten": [],
        "zaakobjecten": [],
        "kenmerken": [],
        "archiefnominatie": None,
        "archiefstatus": "nog_te_archiveren",
        "archiefactiedatum": None,
        "resultaat": None,
        "processobjectaard": "",
        "startdatumBewaartermijn": None,
        "processobject": None,
    }
    return finish("zaken", payload, overrides, validate=validate, headers=ZAKEN_RESPONSE_HEADERS)


def status(
    *,
    zaak: str | None = None,
    volgnummer: int = 2,
    uuid: str | None = None,
    base: str = BASE,
    validate: bool = True,
    **overrides: Any,
) -> Payload:
    """A status of `zaak` (URL) with the default zaaktype's statustype `volgnummer`.

    Pass `url=some_zaak["status"]` to make it that zaak's current status.
    """
    uuid = uuid or new_uuid()
    payload = {
        "url": zaken_url(f"statussen/{uuid}", base=base),
        "uuid": uuid,
        "zaak": zaak or zaken_url(f"zaken/{new_uuid()}", base=base),
        "statustype": statustype(volgnummer=volgnummer, base=base, validate=False)["url"],
        "datumStatusGezet": "2024-03-04T09:30:00Z",
        "statustoelichting": "",
        "indicatieLaatstGezetteStatus": True,
        "gezetdoor": None,
        "zaakinformatieobjecten": [],
    }
    if "url" in overrides:
        payload["uuid"] = overrides["url"].rstrip("/").rsplit("/", 1)[-1]
    return finish("zaken", payload, overrides, validate=validate)


def rol(
    *,
    zaak: str | None = None,
    bsn: str | None = TEST_BSN,
    kvk: str | None = None,
    omschrijving_generiek: str = "initiator",
    uuid: str | None = None,
    base: str = BASE,
    validate: bool = True,
    **overrides: Any,
) -> Payload:
    """A rol of a natuurlijk persoon (`bsn`) or, with `kvk`, of a niet-natuurlijk persoon."""
    uuid = uuid or new_uuid()
    if kvk:
        betrokkene_type = "niet_natuurlijk_persoon"
        identificatie: Payload = {
            "annIdentificatie": "",
            "kvkNummer": kvk,
            "vestigingsNummer": "",
            "statutaireNaam": "Bakkerij De Korenschoof B.V.",
            "innRechtsvorm": "",
            "bezoekadres": "",
        }
    else:
        betrokkene_type = "natuurlijk_persoon"
        identificatie = {
            "anpIdentificatie": "",
            "geslachtsnaam": "Jansen",
            "voorvoegselGeslachtsnaam": "",
            "voorletters": "J.",
            "voornamen": "Jan",
            "geslachtsaanduiding": "",
            "geboortedatum": "",
        }
        if bsn:  # minLength 9: absent rather than blank
            identificatie["inpBsn"] = bsn
    payload = {
        "url": zaken_url(f"rollen/{uuid}", base=base),
        "uuid": uuid,
        "zaak": zaak or zaken_url(f"zaken/{new_uuid()}", base=base),
        "betrokkene": "",
        "betrokkeneType": betrokkene_type,
        "afwijkendeNaamBetrokkene": "",
        "roltype": catalogi_url(f"roltypen/{ROLTYPE_UUID}", base=base),
        "omschrijving": "Aanvrager",
        "omschrijvingGeneriek": omschrijving_generiek,
        "roltoelichting": "",
        "registratiedatum": "2024-03-01T08:00:00Z",
        "indicatieMachtiging": "",
        "contactpersoonRol": None,
        "statussen": [],
        "beginGeldigheid": None,
        "eindeGeldigheid": None,
        "betrokkeneIdentificatie": identificatie,
        "authenticatieContext": None,
    }
    return finish("zaken", payload, overrides, validate=validate)


def resultaat(
    *,
    zaak: str | None = None,
    uuid: str | None = None,
    base: str = BASE,
    validate: bool = True,
    **overrides: Any,
) -> Payload:
    uuid = uuid or new_uuid()
    payload = {
        "url": zaken_url(f"resultaten/{uuid}", base=base),
        "uuid": uuid,
        "zaak": zaak or zaken_url(f"zaken/{new_uuid()}", base=base),
        "resultaattype": catalogi_url(f"resultaattypen/{RESULTAATTYPE_UUID}", base=base),
        "toelichting": "",
    }
    if "url" in overrides:
        payload["uuid"] = overrides["url"].rstrip("/").rsplit("/", 1)[-1]
    return finish("zaken", payload, overrides, validate=validate)


def zaakinformatieobject(
    *,
    zaak: str | None = None,
    informatieobject: str | None = None,
    uuid: str | None = None,
    base: str = BASE,
    validate: bool = True,
    **overrides: Any,
) -> Payload:
    uuid = uuid or new_uuid()
    payload = {
        "url": zaken_url(f"zaakinformatieobjecten/{uuid}", base=base),
        "uuid": uuid,
        "informatieobject": informatieobject
        or documenten_url(f"enkelvoudiginformatieobjecten/{new_uuid()}", base=base),
        "zaak": zaak or zaken_url(f"zaken/{new_uuid()}", base=base),
        "aardRelatieWeergave": "Hoort bij, omgekeerd: kent",
        "titel": "Besluit omgevingsvergunning",
        "beschrijving": "",
        "registratiedatum": "2024-03-10T10:00:00Z",
        "vernietigingsdatum": None,
        "status": None,
    }
    return finish("zaken", payload, overrides, validate=validate)
