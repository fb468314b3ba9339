"""Catalogi API payloads (Open Zaak 1.30, Catalogi 1.3.1)."""

from typing import Any

from ._common import (
    BASE,
    BRONORGANISATIE,
    CATALOGUS_UUID,
    INFORMATIEOBJECTTYPE_UUID,
    RESULTAATTYPE_UUID,
    ROLTYPE_UUID,
    STATUSTYPE_UUIDS,
    ZAAKTYPE_INFORMATIEOBJECTTYPE_UUID,
    ZAAKTYPE_UUID,
    Payload,
    catalogi_url,
    finish,
)


def catalogus(
    *, uuid: str = CATALOGUS_UUID, base: str = BASE, validate: bool = True, **overrides: Any
) -> Payload:
    url = catalogi_url(f"catalogussen/{uuid}", base=base)
    payload = {
        "url": url,
        "domein": "DEMO",
        "rsin": BRONORGANISATIE,
        "contactpersoonBeheerNaam": "Team Zaakgericht Werken",
        "contactpersoonBeheerTelefoonnummer": "",
        "zaaktypen": [catalogi_url(f"zaaktypen/{ZAAKTYPE_UUID}", base=base)],
        "besluittypen": [],
        "informatieobjecttypen": [
            catalogi_url(f"informatieobjecttypen/{INFORMATIEOBJECTTYPE_UUID}", base=base)
        ],
        "naam": "Demo-catalogus",
        "versie": "1",
        "begindatumVersie": "2024-01-01",
    }
    return finish("catalogi", payload, overrides, validate=validate)


def zaaktype(
    *, uuid: str = ZAAKTYPE_UUID, base: str = BASE, validate: bool = True, **overrides: Any
) -> Payload:
    url = catalogi_url(f"zaaktypen/{uuid}", base=base)
    payload = {
        "url": url,
        "identificatie": "ZT-OMGEVINGSVERGUNNING",
        "omschrijving": "Omgevingsvergunning",
        "omschrijvingGeneriek": "",
        "vertrouwelijkheidaanduiding": "zaakvertrouwelijk",
        "doel": "Beoordelen van een aanvraag voor een omgevingsvergunning.",
        "aanleiding": "Een inwoner vraagt een vergunning aan.",
        "toelichting": "",
        "indicatieInternOfExtern": "extern",
        "handelingInitiator": "aanvragen",
        "onderwerp": "Omgevingsvergunning",
        "handelingBehandelaar": "behandelen",
        "doorlooptijd": "P56D",
        "servicenorm": None,
        "opschortingEnAanhoudingMogelijk": True,
        "verlengingMogelijk": True,
        "verlengingstermijn": "P42D",
        "trefwoorden": [],
        "publicatieIndicatie": False,
        "publicatietekst": "",
        "verantwoordingsrelatie": [],
        "productenOfDiensten": [],
        "selectielijstProcestype": "",
        "referentieproces": {"naam": "Vergunningverlening", "link": ""},
        "concept": False,
        "verantwoordelijke": "002220647",
        "beginGeldigheid": "2024-01-01",
        "eindeGeldigheid": None,
        "versiedatum": "2024-01-01",
        "beginObject": "2024-01-01",
        "eindeObject": "2024-01-01",
        "catalogus": catalogi_url(f"catalogussen/{CATALOGUS_UUID}", base=base),
        "statustypen": [catalogi_url(f"statustypen/{u}", base=base) for u in STATUSTYPE_UUIDS],
        "resultaattypen": [catalogi_url(f"resultaattypen/{RESULTAATTYPE_UUID}", base=base)],
        "eigenschappen": [],
        "informatieobjecttypen": [
            catalogi_url(f"informatieobjecttypen/{INFORMATIEOBJECTTYPE_UUID}", base=base)
        ],
        "roltypen": [catalogi_url(f"roltypen/{ROLTYPE_UUID}", base=base)],
        "besluittypen": [],
        "deelzaaktypen": [],
        "gerelateerdeZaaktypen": [],
        "zaakobjecttypen": [],
    }
    return finish("catalogi", payload, overrides, validate=validate)


_STATUSTYPE_TEXTS = (
    ("Ontvangen", "We hebben uw aanvraag ontvangen."),
    ("In behandeling", "We beoordelen uw aanvraag."),
    ("Afgerond", "We hebben een besluit genomen over uw aanvraag."),
)


def statustype(
    *,
    volgnummer: int = 1,
    uuid: str | None = None,
    base: str = BASE,
    validate: bool = True,
    **overrides: Any,
) -> Payload:
    """Statustype `volgnummer` (1-3) of the default zaaktype; 3 is the end status."""
    index = max(0, min(volgnummer, len(STATUSTYPE_UUIDS)) - 1)
    omschrijving, statustekst = _STATUSTYPE_TEXTS[index]
    payload = {
        "url": catalogi_url(f"statustypen/{uuid or STATUSTYPE_UUIDS[index]}", base=base),
        "omschrijving": omschrijving,
        "omschrijvingGeneriek": "",
        "statustekst": statustekst,
        "zaaktype": catalogi_url(f"zaaktypen/{ZAAKTYPE_UUID}", base=base),
        "zaaktypeIdentificatie": "ZT-OMGEVINGSVERGUNNING",
        "volgnummer": volgnummer,
        "isEindstatus": volgnummer == len(STATUSTYPE_UUIDS),
        "informeren": True,
        "doorlooptijd": None,
        "toelichting": None,
        "checklistitemStatustype": [],
        "catalogus": catalogi_url(f"catalogussen/{CATALOGUS_UUID}", base=base),
        "eigenschappen": [],
        "zaakobjecttypen": [],
        "beginGeldigheid": None,
        "eindeGeldigheid": None,
        "beginObject": "2024-01-01",
        "eindeObject": "2024-01-01",
    }
    return finish("catalogi", payload, overrides, validate=validate)


def resultaattype(
    *, uuid: str = RESULTAATTYPE_UUID, base: str = BASE, validate: bool = True, **overrides: Any
) -> Payload:
    payload = {
        "url": catalogi_url(f"resultaattypen/{uuid}", base=base),
        "zaaktype": catalogi_url(f"zaaktypen/{ZAAKTYPE_UUID}", base=base),
        "zaaktypeIdentificatie": "ZT-OMGEVINGSVERGUNNING",
        "omschrijving": "Verleend",
        "resultaattypeomschrijving": "https://selectielijst.openzaak.nl/api/v1/resultaattypeomschrijvingen/fb65d251-1518-4185-865f-b8bdcfad07b1",
        "omschrijvingGeneriek": "Verleend",
        "selectielijstklasse": "https://selectielijst.openzaak.nl/api/v1/resultaten/cc5ae4e3-a9e6-4386-bcee-46be4986a829",
        "toelichting": "",
        "archiefnominatie": "blijvend_bewaren",
        "archiefactietermijn": "P10Y",
        "brondatumArchiefprocedure": {
            "afleidingswijze": "afgehandeld",
            "datumkenmerk": "",
            "einddatumBekend": False,
            "objecttype": "",
            "registratie": "",
            "procestermijn": None,
        },
        "procesobjectaard": "",
        "indicatieSpecifiek": None,
        "procestermijn": None,
        "catalogus": catalogi_url(f"catalogussen/{CATALOGUS_UUID}", base=base),
        "besluittypen": [],
        "besluittypeOmschrijving": [],
        "informatieobjecttypen": [],
        "informatieobjecttypeOmschrijving": [],
        "beginGeldigheid": None,
        "eindeGeldigheid": None,
        "beginObject": "2024-01-01",
        "eindeObject": "2024-01-01",
    }
    return finish("catalogi", payload, overrides, validate=validate)


def informatieobjecttype(
    *,
    uuid: str = INFORMATIEOBJECTTYPE_UUID,
    base: str = BASE,
    validate: bool = True,
    **overrides: Any,
) -> Payload:
    payload = {
        "url": catalogi_url(f"informatieobjecttypen/{uuid}", base=base),
        "catalogus": catalogi_url(f"catalogussen/{CATALOGUS_UUID}", base=base),
        "omschrijving": "Besluit",
        "vertrouwelijkheidaanduiding": "openbaar",
        "beginGeldigheid": "2024-01-01",
        "eindeGeldigheid": None,
        "concept": False,
        "besluittypen": [],
        "informatieobjectcategorie": "Besluit",
        "trefwoord": [],
        "omschrijvingGeneriek": {
            "informatieobjecttypeOmschrijvingGeneriek": "",
            "definitieInformatieobjecttypeOmschrijvingGeneriek": "",
            "herkomstInformatieobjecttypeOmschrijvingGeneriek": "",
            "hierarchieInformatieobjecttypeOmschrijvingGeneriek": "",
            "opmerkingInformatieobjecttypeOmschrijvingGeneriek": "",
        },
        "zaaktypen": [catalogi_url(f"zaaktypen/{ZAAKTYPE_UUID}", base=base)],
        "beginObject": "2024-01-01",
        "eindeObject": "2024-01-01",
    }
    return finish("catalogi", payload, overrides, validate=validate)


def zaaktype_informatieobjecttype(
    *,
    uuid: str = ZAAKTYPE_INFORMATIEOBJECTTYPE_UUID,
    base: str = BASE,
    validate: bool = True,
    **overrides: Any,
) -> Payload:
    payload = {
        "url": catalogi_url(f"zaaktype-informatieobjecttypen/{uuid}", base=base),
        "zaaktype": catalogi_url(f"zaaktypen/{ZAAKTYPE_UUID}", base=base),
        "zaaktypeIdentificatie": "ZT-OMGEVINGSVERGUNNING",
        "informatieobjecttype": catalogi_url(
            f"informatieobjecttypen/{INFORMATIEOBJECTTYPE_UUID}", base=base
        ),
        "volgnummer": 1,
        "richting": "uitgaand",
        "statustype": None,
        "catalogus": catalogi_url(f"catalogussen/{CATALOGUS_UUID}", base=base),
    }
    return finish("catalogi", payload, overrides, validate=validate)
