"""Catalogi API 1.3.1 as Open Zaak 1.30 serves it: the read endpoints the portal uses."""

from collections.abc import Callable
from datetime import date
from typing import Any
from uuid import UUID

from django.http import HttpRequest, HttpResponse

from demo.backoffice.http import (
    Links,
    Query,
    api_view,
    detail_view,
    paginated_response,
)
from demo.backoffice.models import (
    Catalogus,
    InformatieObjectType,
    ResultaatType,
    RolType,
    StatusType,
    ZaakType,
    ZaakTypeInformatieObjectType,
)
from demo.backoffice.seed import uid
from demo.backoffice.store import State, state

SELECTIELIJST = "https://selectielijst.openzaak.nl/api/v1"
PAGING = ("page", "pageSize")
STATUS_CHOICES = ("alles", "concept", "definitief")


def _validity(begin: date | None) -> dict[str, Any]:
    """Geldigheid as Open Zaak 1.30 sends it. eindeObject is null for a type without an end
    (its spec calls it a required string; real Open Zaak sends null). Statustypen, roltypen
    and resultaattypen (`begin=None`) have no geldigheid of their own there: all four null."""
    day = None if begin is None else begin.isoformat()
    return {
        "beginGeldigheid": day,
        "eindeGeldigheid": None,
        "beginObject": day,
        "eindeObject": None,
    }


def catalogus_json(catalogus: Catalogus, links: Links, current: State) -> dict[str, Any]:
    catalogi = current.seed.catalogi
    return {
        "url": links("catalogus", catalogus.uuid),
        "domein": catalogus.domein,
        "rsin": catalogus.rsin,
        "contactpersoonBeheerNaam": catalogus.contactpersoon,
        "contactpersoonBeheerTelefoonnummer": "14 010",
        "contactpersoonBeheerEmailadres": "informatiebeheer@demodam.example",
        "zaaktypen": [links("zaaktype", key) for key in catalogi.zaaktypen],
        "besluittypen": [],
        "informatieobjecttypen": [
            links("informatieobjecttype", key) for key in catalogi.informatieobjecttypen
        ],
        "naam": catalogus.naam,
        "versie": "1",
        "begindatumVersie": catalogus.begindatum_versie.isoformat(),
    }


def zaaktype_json(zaaktype: ZaakType, links: Links, current: State) -> dict[str, Any]:
    catalogi = current.seed.catalogi
    ztiots = [z for z in catalogi.ztiots.values() if z.zaaktype == zaaktype.uuid]
    return {
        "url": links("zaaktype", zaaktype.uuid),
        "identificatie": zaaktype.identificatie,
        "omschrijving": zaaktype.omschrijving,
        "omschrijvingGeneriek": "",
        "vertrouwelijkheidaanduiding": zaaktype.vertrouwelijkheidaanduiding,
        "doel": zaaktype.doel,
        "aanleiding": zaaktype.aanleiding,
        "toelichting": zaaktype.toelichting,
        "indicatieInternOfExtern": zaaktype.indicatie_intern_of_extern,
        "handelingInitiator": zaaktype.handeling_initiator,
        "onderwerp": zaaktype.onderwerp,
        "handelingBehandelaar": zaaktype.handeling_behandelaar,
        "doorlooptijd": zaaktype.doorlooptijd,
        "servicenorm": zaaktype.servicenorm,
        "opschortingEnAanhoudingMogelijk": True,
        "verlengingMogelijk": zaaktype.verlenging_mogelijk,
        "verlengingstermijn": zaaktype.verlengingstermijn,
        "trefwoorden": list(zaaktype.trefwoorden),
        "publicatieIndicatie": False,
        "publicatietekst": "",
        "verantwoordingsrelatie": [],
        "productenOfDiensten": [],
        "selectielijstProcestype": f"{SELECTIELIJST}/procestypen/{uid('procestype:' + zaaktype.identificatie)}",
        "referentieproces": {"naam": zaaktype.referentieproces, "link": ""},
        "concept": False,
        "verantwoordelijke": current.seed.catalogi.catalogus.rsin,
        # Always there in Open Zaak: objects of empty strings for a zaaktype not copied from
        # another catalogus.
        "broncatalogus": {"url": "", "domein": "", "rsin": ""},
        "bronzaaktype": {"url": "", "identificatie": "", "omschrijving": ""},
        **_validity(zaaktype.begin_geldigheid),
        "versiedatum": zaaktype.begin_geldigheid.isoformat(),
        "catalogus": links("catalogus", catalogi.catalogus.uuid),
        "statustypen": [
            links("statustype", st.uuid) for st in current.statustypen_of(zaaktype.uuid)
        ],
        "resultaattypen": [
            links("resultaattype", rt.uuid)
            for rt in catalogi.resultaattypen.values()
            if rt.zaaktype == zaaktype.uuid
        ],
        "eigenschappen": [],
        "informatieobjecttypen": [
            links("informatieobjecttype", z.informatieobjecttype) for z in ztiots
        ],
        "roltypen": [
            links("roltype", rt.uuid)
            for rt in catalogi.roltypen.values()
            if rt.zaaktype == zaaktype.uuid
        ],
        "besluittypen": [],
        "deelzaaktypen": [],
        "gerelateerdeZaaktypen": [],
        "zaakobjecttypen": [],
    }


def _of_zaaktype(key: UUID, links: Links, current: State) -> dict[str, Any]:
    catalogi = current.seed.catalogi
    return {
        "zaaktype": links("zaaktype", key),
        "zaaktypeIdentificatie": catalogi.zaaktypen[key].identificatie,
        "catalogus": links("catalogus", catalogi.catalogus.uuid),
    }


def statustype_json(statustype: StatusType, links: Links, current: State) -> dict[str, Any]:
    return {
        "url": links("statustype", statustype.uuid),
        "omschrijving": statustype.omschrijving,
        "omschrijvingGeneriek": statustype.omschrijving_generiek,
        "statustekst": statustype.statustekst,
        **_of_zaaktype(statustype.zaaktype, links, current),
        "volgnummer": statustype.volgnummer,
        "isEindstatus": current.is_eindstatus(statustype),
        "informeren": statustype.informeren,
        "doorlooptijd": None,
        "toelichting": "",
        "checklistitemStatustype": [],
        "eigenschappen": [],
        "zaakobjecttypen": [],
        **_validity(None),
    }


def resultaattype_json(
    resultaattype: ResultaatType, links: Links, current: State
) -> dict[str, Any]:
    generiek = uid("resultaattypeomschrijving:" + resultaattype.omschrijving_generiek)
    return {
        "url": links("resultaattype", resultaattype.uuid),
        **_of_zaaktype(resultaattype.zaaktype, links, current),
        "omschrijving": resultaattype.omschrijving,
        "resultaattypeomschrijving": f"{SELECTIELIJST}/resultaattypeomschrijvingen/{generiek}",
        "omschrijvingGeneriek": resultaattype.omschrijving_generiek,
        "selectielijstklasse": f"{SELECTIELIJST}/resultaten/{uid('selectielijstklasse:' + str(resultaattype.uuid))}",
        "toelichting": resultaattype.toelichting,
        "archiefnominatie": resultaattype.archiefnominatie,
        "archiefactietermijn": resultaattype.archiefactietermijn,
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
        "besluittypen": [],
        "besluittypeOmschrijving": [],
        "informatieobjecttypen": [],
        "informatieobjecttypeOmschrijving": [],
        **_validity(None),
    }


def roltype_json(roltype: RolType, links: Links, current: State) -> dict[str, Any]:
    return {
        "url": links("roltype", roltype.uuid),
        **_of_zaaktype(roltype.zaaktype, links, current),
        "omschrijving": roltype.omschrijving,
        "omschrijvingGeneriek": roltype.omschrijving_generiek,
        **_validity(None),
    }


def informatieobjecttype_json(
    iot: InformatieObjectType, links: Links, current: State
) -> dict[str, Any]:
    catalogi = current.seed.catalogi
    zaaktypen = [z.zaaktype for z in catalogi.ztiots.values() if z.informatieobjecttype == iot.uuid]
    return {
        "url": links("informatieobjecttype", iot.uuid),
        "catalogus": links("catalogus", catalogi.catalogus.uuid),
        "omschrijving": iot.omschrijving,
        "vertrouwelijkheidaanduiding": iot.vertrouwelijkheidaanduiding,
        "concept": False,
        "besluittypen": [],
        "informatieobjectcategorie": iot.informatieobjectcategorie,
        "trefwoord": [],
        "omschrijvingGeneriek": {
            "informatieobjecttypeOmschrijvingGeneriek": "",
            "definitieInformatieobjecttypeOmschrijvingGeneriek": "",
            "herkomstInformatieobjecttypeOmschrijvingGeneriek": "",
            "hierarchieInformatieobjecttypeOmschrijvingGeneriek": "",
            "opmerkingInformatieobjecttypeOmschrijvingGeneriek": "",
        },
        "zaaktypen": [links("zaaktype", key) for key in dict.fromkeys(zaaktypen)],
        **_validity(catalogi.catalogus.begindatum_versie),
    }


def ztiot_json(ztiot: ZaakTypeInformatieObjectType, links: Links, current: State) -> dict[str, Any]:
    return {
        "url": links("zaaktypeinformatieobjecttype", ztiot.uuid),
        **_of_zaaktype(ztiot.zaaktype, links, current),
        "informatieobjecttype": links("informatieobjecttype", ztiot.informatieobjecttype),
        "volgnummer": ztiot.volgnummer,
        "richting": ztiot.richting,
        "statustype": links.optional("statustype", ztiot.statustype),
    }


def _listing(
    request: HttpRequest,
    items: list[Any],
    render: Callable[[Any, Links, State], dict[str, Any]],
    current: State,
    status: str | None,
) -> HttpResponse:
    if status == "concept":  # every seeded type is definitief
        items = []
    links = Links(request)
    return paginated_response(request, items, lambda item: render(item, links, current))


def _zaaktype_filter(query: Query, items: list[Any]) -> list[Any]:
    zaaktype = query.url("zaaktype", "zaaktype")
    identificatie = query.string("zaaktypeIdentificatie")
    current = state()
    return [
        item
        for item in items
        if (zaaktype is None or item.zaaktype == zaaktype)
        and (
            identificatie is None
            or current.seed.catalogi.zaaktypen[item.zaaktype].identificatie == identificatie
        )
    ]


@api_view
def catalogus_list(request: HttpRequest) -> HttpResponse:
    query = Query(request, ("domein", "rsin", *PAGING))
    current = state()
    catalogus = current.seed.catalogi.catalogus
    matches = query.string("domein") in (None, catalogus.domein) and query.string("rsin") in (
        None,
        catalogus.rsin,
    )
    return _listing(request, [catalogus] if matches else [], catalogus_json, current, None)


@api_view
def zaaktype_list(request: HttpRequest) -> HttpResponse:
    query = Query(request, ("catalogus", "identificatie", "status", "datumGeldigheid", *PAGING))
    current = state()
    catalogus = query.url("catalogus", "catalogus")
    identificatie = query.string("identificatie")
    peildatum = query.date("datumGeldigheid")
    items = [
        zaaktype
        for zaaktype in current.seed.catalogi.zaaktypen.values()
        if catalogus in (None, current.seed.catalogi.catalogus.uuid)
        and identificatie in (None, zaaktype.identificatie)
        and (peildatum is None or zaaktype.begin_geldigheid <= peildatum)
    ]
    return _listing(request, items, zaaktype_json, current, query.choice("status", STATUS_CHOICES))


@api_view
def statustype_list(request: HttpRequest) -> HttpResponse:
    query = Query(request, ("zaaktype", "zaaktypeIdentificatie", "status", *PAGING))
    current = state()
    items = sorted(
        current.seed.catalogi.statustypen.values(), key=lambda st: (str(st.zaaktype), st.volgnummer)
    )
    return _listing(
        request,
        _zaaktype_filter(query, items),
        statustype_json,
        current,
        query.choice("status", STATUS_CHOICES),
    )


@api_view
def resultaattype_list(request: HttpRequest) -> HttpResponse:
    query = Query(request, ("zaaktype", "zaaktypeIdentificatie", "status", *PAGING))
    current = state()
    items = list(current.seed.catalogi.resultaattypen.values())
    return _listing(
        request,
        _zaaktype_filter(query, items),
        resultaattype_json,
        current,
        query.choice("status", STATUS_CHOICES),
    )


@api_view
def roltype_list(request: HttpRequest) -> HttpResponse:
    query = Query(
        request, ("zaaktype", "zaaktypeIdentificatie", "omschrijvingGeneriek", "status", *PAGING)
    )
    current = state()
    generiek = query.string("omschrijvingGeneriek")
    items = [
        rt
        for rt in current.seed.catalogi.roltypen.values()
        if generiek in (None, rt.omschrijving_generiek)
    ]
    return _listing(
        request,
        _zaaktype_filter(query, items),
        roltype_json,
        current,
        query.choice("status", STATUS_CHOICES),
    )


@api_view
def informatieobjecttype_list(request: HttpRequest) -> HttpResponse:
    query = Query(request, ("catalogus", "zaaktype", "omschrijving", "status", *PAGING))
    current = state()
    catalogi = current.seed.catalogi
    zaaktype = query.url("zaaktype", "zaaktype")
    omschrijving = query.string("omschrijving")
    catalogus = query.url("catalogus", "catalogus")
    linked = {z.informatieobjecttype for z in catalogi.ztiots.values() if z.zaaktype == zaaktype}
    items = [
        iot
        for iot in catalogi.informatieobjecttypen.values()
        if (zaaktype is None or iot.uuid in linked)
        and omschrijving in (None, iot.omschrijving)
        and catalogus in (None, catalogi.catalogus.uuid)
    ]
    return _listing(
        request, items, informatieobjecttype_json, current, query.choice("status", STATUS_CHOICES)
    )


@api_view
def ztiot_list(request: HttpRequest) -> HttpResponse:
    query = Query(request, ("zaaktype", "informatieobjecttype", "richting", "status", *PAGING))
    current = state()
    iot = query.url("informatieobjecttype", "informatieobjecttype")
    richting = query.choice("richting", ("inkomend", "intern", "uitgaand"))
    items = [
        z
        for z in _zaaktype_filter(query, list(current.seed.catalogi.ztiots.values()))
        if iot in (None, z.informatieobjecttype) and richting in (None, z.richting)
    ]
    return _listing(request, items, ztiot_json, current, query.choice("status", STATUS_CHOICES))


catalogus_detail = detail_view(
    lambda s: {s.seed.catalogi.catalogus.uuid: s.seed.catalogi.catalogus}, catalogus_json
)
zaaktype_detail = detail_view(lambda s: s.seed.catalogi.zaaktypen, zaaktype_json)
statustype_detail = detail_view(lambda s: s.seed.catalogi.statustypen, statustype_json)
resultaattype_detail = detail_view(lambda s: s.seed.catalogi.resultaattypen, resultaattype_json)
roltype_detail = detail_view(lambda s: s.seed.catalogi.roltypen, roltype_json)
informatieobjecttype_detail = detail_view(
    lambda s: s.seed.catalogi.informatieobjecttypen, informatieobjecttype_json
)
ztiot_detail = detail_view(lambda s: s.seed.catalogi.ztiots, ztiot_json)
