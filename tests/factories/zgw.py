"""Spec-valid Open Zaak 1.30 payloads (Zaken, Catalogi, Documenten) for tests that mock HTTP.

Every factory returns a plain dict as the API serves it, with absolute URLs under
`base` (default http://zaken.test, the root `zgw_services` configures), and validates it
against the official Open Zaak spec before returning it: a fixture that drifts from the
spec fails at once. Keyword overrides use the API's own (camelCase) names and replace
whole fields: `zaak(status=None, einddatum="2024-05-01")`. Pass `validate=False` only to
build a deliberately broken payload.

Catalogi resources have fixed default UUIDs, so `zaak()` points at `zaaktype()` and
`status()` at `statustype()` without any wiring; resident data gets fresh UUIDs.

What is validated is the payload itself, except for two known false alarms, which are
papered over in the copy that goes to the validator (never in the payload returned):
* openapi-core rejects `null` for a property declared as a nullable `allOf`
  (zaak.verlenging, rol.contactpersoonRol, `_expand.resultaat`, ...) although the spec
  allows it: such null properties are left out of the copy;
* the VNG Catalogi 1.3.1 spec, which Open Zaak's `_expand.zaaktype` refers to, types
  `ZaakType.informatieobjecttypen` as a string while every server serves a list.
"""

import uuid as uuid_lib
from typing import Any

from tests.specs import ZAKEN_RESPONSE_HEADERS, assert_response_valid

BASE = "http://zaken.test"
TEST_BSN = "999993653"  # a test BSN from the BRP proefomgeving range (passes the 11-proof)
TEST_KVK = "68750110"
BRONORGANISATIE = "002220647"

CATALOGUS_UUID = "6f0bbd2f-7e07-4b0e-9c8a-3f1b0f1a0001"
ZAAKTYPE_UUID = "6f0bbd2f-7e07-4b0e-9c8a-3f1b0f1a0002"
STATUSTYPE_UUIDS = (
    "6f0bbd2f-7e07-4b0e-9c8a-3f1b0f1a0011",
    "6f0bbd2f-7e07-4b0e-9c8a-3f1b0f1a0012",
    "6f0bbd2f-7e07-4b0e-9c8a-3f1b0f1a0013",
)
RESULTAATTYPE_UUID = "6f0bbd2f-7e07-4b0e-9c8a-3f1b0f1a0021"
INFORMATIEOBJECTTYPE_UUID = "6f0bbd2f-7e07-4b0e-9c8a-3f1b0f1a0031"
ZAAKTYPE_INFORMATIEOBJECTTYPE_UUID = "6f0bbd2f-7e07-4b0e-9c8a-3f1b0f1a0041"
ROLTYPE_UUID = "6f0bbd2f-7e07-4b0e-9c8a-3f1b0f1a0051"

Payload = dict[str, Any]


def zaken_url(path: str, *, base: str = BASE) -> str:
    return f"{base}/zaken/api/v1/{path.lstrip('/')}"


def catalogi_url(path: str, *, base: str = BASE) -> str:
    return f"{base}/catalogi/api/v1/{path.lstrip('/')}"


def documenten_url(path: str, *, base: str = BASE) -> str:
    return f"{base}/documenten/api/v1/{path.lstrip('/')}"


def new_uuid() -> str:
    return str(uuid_lib.uuid4())


# Properties declared as a nullable allOf: null is valid, but openapi-core says it is not.
_NULLABLE_ALLOF = frozenset(
    {
        "zaakgeometrie",
        "verlenging",
        "opschorting",
        "processobject",
        "contactpersoonRol",
        "authenticatieContext",
        "ondertekening",
        "integriteit",
        "brondatumArchiefprocedure",
        "hoofdzaak",  # in _expand
        "status",  # in _expand
        "resultaat",  # in _expand
    }
)


def _spec_view(payload: Payload, *, in_expand: bool = False) -> Payload:
    """The copy the validator sees (see the module docstring for the two false alarms)."""
    view: Payload = {}
    for key, value in payload.items():
        if value is None and key in _NULLABLE_ALLOF and (in_expand or key not in _TOP_LEVEL_URLS):
            continue
        if key == "_expand" and isinstance(value, dict):
            value = _spec_view(value, in_expand=True)
        elif in_expand and key == "zaaktype" and isinstance(value, dict):
            value = {
                **_spec_view(value),
                "informatieobjecttypen": ",".join(value.get("informatieobjecttypen", [])),
            }
        elif isinstance(value, dict):
            value = _spec_view(value)
        elif isinstance(value, list):
            value = [_spec_view(item) if isinstance(item, dict) else item for item in value]
        view[key] = value
    return view


# Same names outside `_expand` are plain nullable URL fields that the spec requires.
_TOP_LEVEL_URLS = frozenset({"hoofdzaak", "status", "resultaat"})


def _finish(
    api: str, payload: Payload, overrides: dict[str, Any], *, validate: bool, headers: Any = None
) -> Payload:
    payload.update(overrides)
    if validate:
        assert_response_valid(api, "GET", payload["url"], _spec_view(payload), headers=headers)
    return payload


def assert_valid(api: str, url_or_path: str, body: Any, *, headers: Any = None) -> None:
    """assert_response_valid for a GET, with the same allowance as the factories."""
    if isinstance(body, dict):
        body = _spec_view(body)
    elif isinstance(body, list):
        body = [_spec_view(item) if isinstance(item, dict) else item for item in body]
    assert_response_valid(api, "GET", url_or_path, body, headers=headers)


# --- Catalogi ---------------------------------------------------------------------------------


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
    return _finish("catalogi", payload, overrides, validate=validate)


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
    return _finish("catalogi", payload, overrides, validate=validate)


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
    return _finish("catalogi", payload, overrides, validate=validate)


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
    return _finish("catalogi", payload, overrides, validate=validate)


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
    return _finish("catalogi", payload, overrides, validate=validate)


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
    return _finish("catalogi", payload, overrides, validate=validate)


# --- Zaken ------------------------------------------------------------------------------------


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
    return _finish("zaken", payload, overrides, validate=validate, headers=ZAKEN_RESPONSE_HEADERS)


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
    return _finish("zaken", payload, overrides, validate=validate)


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
    return _finish("zaken", payload, overrides, validate=validate)


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
    return _finish("zaken", payload, overrides, validate=validate)


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
    return _finish("zaken", payload, overrides, validate=validate)


# --- Documenten -------------------------------------------------------------------------------


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
    return _finish("documenten", payload, overrides, validate=validate)


# --- Lists ------------------------------------------------------------------------------------


def page(
    results: list[Payload],
    *,
    next: str | None = None,
    previous: str | None = None,
    count: int | None = None,
) -> Payload:
    """A DRF page as every paginated ZGW list serves it."""
    return {
        "count": len(results) if count is None else count,
        "next": next,
        "previous": previous,
        "results": results,
    }
