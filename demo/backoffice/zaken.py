"""Zaken API 1.5.1 endpoints as Open Zaak 1.30 answers them (read-only)."""

from collections.abc import Callable
from datetime import date
from typing import Any
from uuid import UUID

from django.http import HttpRequest, HttpResponse

from demo.backoffice.http import (
    CRS,
    ApiError,
    Links,
    Query,
    api_view,
    detail_response,
    detail_view,
    get_or_404,
    list_response,
    paginated_response,
)
from demo.backoffice.models import VERTROUWELIJKHEID, Rol, Zaak, vertrouwelijkheid_rank
from demo.backoffice.store import State, state
from demo.backoffice.zaken_render import (
    EXPAND_CHOICES,
    expand_paths,
    expanded_zaak,
    resultaat_json,
    rol_json,
    status_json,
    zio_json,
)

PAGING = ("page", "pageSize")
ROL_IDENTIFICATIE = {
    "natuurlijkPersoon__inpBsn": ("natuurlijk_persoon", "inpBsn"),
    "natuurlijkPersoon__anpIdentificatie": ("natuurlijk_persoon", "anpIdentificatie"),
    "natuurlijkPersoon__inpA_nummer": ("natuurlijk_persoon", "inpA_nummer"),
    "nietNatuurlijkPersoon__innNnpId": ("niet_natuurlijk_persoon", "innNnpId"),
    "nietNatuurlijkPersoon__annIdentificatie": ("niet_natuurlijk_persoon", "annIdentificatie"),
    "nietNatuurlijkPersoon__kvkNummer": ("niet_natuurlijk_persoon", "kvkNummer"),
    "nietNatuurlijkPersoon__vestigingsNummer": ("niet_natuurlijk_persoon", "vestigingsNummer"),
    "vestiging__kvkNummer": ("vestiging", "kvkNummer"),
    "vestiging__vestigingsNummer": ("vestiging", "vestigingsNummer"),
    "medewerker__identificatie": ("medewerker", "identificatie"),
    "organisatorischeEenheid__identificatie": ("organisatorische_eenheid", "identificatie"),
}
ROL_GENERIEK = (
    "adviseur",
    "behandelaar",
    "belanghebbende",
    "beslisser",
    "initiator",
    "klantcontacter",
    "mede_initiator",
    "zaakcoordinator",
)
BETROKKENE_TYPES = (
    "medewerker",
    "natuurlijk_persoon",
    "niet_natuurlijk_persoon",
    "organisatorische_eenheid",
    "vestiging",
)
ORDERING_FIELDS = (
    "startdatum",
    "einddatum",
    "publicatiedatum",
    "archiefactiedatum",
    "registratiedatum",
    "identificatie",
)
ORDERING_CHOICES = ORDERING_FIELDS + tuple(f"-{name}" for name in ORDERING_FIELDS)
DATE_LOOKUPS: dict[str, Callable[[date, date], bool]] = {
    "": lambda value, bound: value == bound,
    "__gt": lambda value, bound: value > bound,
    "__gte": lambda value, bound: value >= bound,
    "__lt": lambda value, bound: value < bound,
    "__lte": lambda value, bound: value <= bound,
}
ZAAK_FILTERS = (
    *(f"rol__betrokkeneIdentificatie__{name}" for name in ROL_IDENTIFICATIE),
    "rol__betrokkeneType",
    "rol__omschrijvingGeneriek",
    "maximaleVertrouwelijkheidaanduiding",
    "zaaktype",
    "identificatie",
    "bronorganisatie",
    "einddatum__isnull",
    "status__statustype",
    *(f"startdatum{lookup}" for lookup in DATE_LOOKUPS),
    "ordering",
    "expand",
    *PAGING,
)


def require_crs(request: HttpRequest) -> None:
    """vng-api-common's GeoMixin: the client must say which CRS it wants (zaak resources)."""
    requested = request.headers.get("Accept-Crs")
    if requested is None:
        raise ApiError(412, "precondition_failed", "'Accept-Crs' header ontbreekt")
    if requested != CRS:
        raise ApiError(406, "not_acceptable", f"CRS '{requested}' is niet ondersteund")


def _rol_predicates(query: Query, prefix: str) -> list[Callable[[Rol], bool]]:
    """One test per rol filter given; on /zaken each may be met by a different rol, as
    Django's chained filters on Open Zaak's reverse relation do."""
    predicates: list[Callable[[Rol], bool]] = []
    for name, (betrokkene_type, field) in ROL_IDENTIFICATIE.items():
        wanted = query.string(f"{prefix}betrokkeneIdentificatie__{name}")
        if wanted is not None:
            predicates.append(
                lambda rol, kind=betrokkene_type, field=field, wanted=wanted: (
                    rol.betrokkene_type == kind
                    and rol.betrokkene_identificatie.get(field) == wanted
                )
            )
    betrokkene_type = query.choice(f"{prefix}betrokkeneType", BETROKKENE_TYPES)
    if betrokkene_type is not None:
        predicates.append(lambda rol: rol.betrokkene_type == betrokkene_type)
    generiek = query.choice(f"{prefix}omschrijvingGeneriek", ROL_GENERIEK)
    if generiek is not None:
        predicates.append(lambda rol: rol.omschrijving_generiek == generiek)
    return predicates


def _zaak_passes(zaak: Zaak, query: Query, current: State) -> bool:
    seed = current.seed
    rollen = current.rollen_of(zaak.uuid)
    if not all(any(test(rol) for rol in rollen) for test in _rol_predicates(query, "rol__")):
        return False
    maximum = query.choice("maximaleVertrouwelijkheidaanduiding", VERTROUWELIJKHEID)
    if maximum and vertrouwelijkheid_rank(
        zaak.vertrouwelijkheidaanduiding
    ) > vertrouwelijkheid_rank(maximum):
        return False
    zaaktype = query.url("zaaktype", "zaaktype")
    statustype = query.url("status__statustype", "statustype")
    current_statustype = seed.statussen[zaak.status].statustype if zaak.status else None
    einddatum_isnull = query.boolean("einddatum__isnull")
    checks = [
        zaaktype in (None, zaak.zaaktype),
        query.string("identificatie") in (None, zaak.identificatie),
        query.string("bronorganisatie") in (None, seed.catalogi.catalogus.rsin),
        einddatum_isnull is None or (zaak.einddatum is None) == einddatum_isnull,
        statustype is None or statustype == current_statustype,
    ]
    for lookup, compare in DATE_LOOKUPS.items():
        bound = query.date(f"startdatum{lookup}")
        checks.append(bound is None or compare(zaak.startdatum, bound))
    return all(checks)


def _ordered(zaken: list[Zaak], ordering: list[str], current: State) -> list[Zaak]:
    """Open Zaak's default is newest first (-pk); NULLs sort last ascending, first descending."""
    result = list(reversed(zaken))
    for field in reversed(ordering):
        name = field.lstrip("-")
        descending = field.startswith("-")

        def key(zaak: Zaak, name: str = name, descending: bool = descending) -> tuple[bool, Any]:
            value = _sort_value(zaak, name, current)
            return (value is None) != descending, value if value is not None else ""

        result.sort(key=key, reverse=descending)
    return result


def _sort_value(zaak: Zaak, name: str, current: State) -> Any:
    if name == "archiefactiedatum":
        return None  # set only once archived; none of the seed is
    return {
        "startdatum": zaak.startdatum,
        "einddatum": zaak.einddatum,
        "publicatiedatum": None,
        "registratiedatum": zaak.registratiedatum,
        "identificatie": zaak.identificatie,
    }[name]


@api_view
def zaak_list(request: HttpRequest) -> HttpResponse:
    require_crs(request)
    query = Query(request, ZAAK_FILTERS)
    current = state()
    zaken = [zaak for zaak in current.seed.zaken.values() if _zaak_passes(zaak, query, current)]
    zaken = _ordered(zaken, query.multiple("ordering", ORDERING_CHOICES), current)
    paths = expand_paths(query.multiple("expand", EXPAND_CHOICES))
    links = Links(request)
    return paginated_response(
        request, zaken, lambda zaak: expanded_zaak(zaak, paths, links, current)
    )


@api_view
def zaak_detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    require_crs(request)
    query = Query(request, ("expand",))
    current = state()
    zaak = get_or_404(current.seed.zaken, uuid)
    paths = expand_paths(query.multiple("expand", EXPAND_CHOICES))
    return detail_response(request, expanded_zaak(zaak, paths, Links(request), current))


@api_view
def status_list(request: HttpRequest) -> HttpResponse:
    query = Query(request, ("zaak", "statustype", "indicatieLaatstGezetteStatus", *PAGING))
    current = state()
    zaak = query.url("zaak", "zaak")
    statustype = query.url("statustype", "statustype")
    laatste = query.boolean("indicatieLaatstGezetteStatus")
    # Newest first, later-created first on a tie: Open Zaak's ("-datum_status_gezet", "-pk").
    indexed = sorted(
        enumerate(current.seed.statussen.values()),
        key=lambda pair: (pair[1].datum_status_gezet, pair[0]),
        reverse=True,
    )
    statussen = [status for _, status in indexed]
    found = [
        status
        for status in statussen
        if zaak in (None, status.zaak)
        and statustype in (None, status.statustype)
        and (laatste is None or (current.seed.zaken[status.zaak].status == status.uuid) == laatste)
    ]
    links = Links(request)
    return paginated_response(request, found, lambda status: status_json(status, links, current))


@api_view
def rol_list(request: HttpRequest) -> HttpResponse:
    names = (
        *(f"betrokkeneIdentificatie__{name}" for name in ROL_IDENTIFICATIE),
        "betrokkeneType",
        "omschrijvingGeneriek",
    )
    query = Query(request, ("zaak", "roltype", *names, *PAGING))
    current = state()
    zaak = query.url("zaak", "zaak")
    roltype = query.url("roltype", "roltype")
    predicates = _rol_predicates(query, "")
    found = [
        rol
        for rol in current.seed.rollen.values()
        if zaak in (None, rol.zaak)
        and roltype in (None, rol.roltype)
        and all(test(rol) for test in predicates)
    ]
    links = Links(request)
    return paginated_response(request, found, lambda rol: rol_json(rol, links, current))


@api_view
def resultaat_list(request: HttpRequest) -> HttpResponse:
    query = Query(request, ("zaak", "resultaattype", *PAGING))
    current = state()
    zaak = query.url("zaak", "zaak")
    resultaattype = query.url("resultaattype", "resultaattype")
    found = [
        resultaat
        for resultaat in current.seed.resultaten.values()
        if zaak in (None, resultaat.zaak) and resultaattype in (None, resultaat.resultaattype)
    ]
    links = Links(request)
    return paginated_response(
        request, found, lambda resultaat: resultaat_json(resultaat, links, current)
    )


@api_view
def zio_list(request: HttpRequest) -> HttpResponse:
    """Not paginated: a plain JSON array (zaken-1.5.1 /zaakinformatieobjecten)."""
    query = Query(request, ("zaak", "informatieobject"))
    current = state()
    zaak = query.url("zaak", "zaak")
    informatieobject = query.url("informatieobject", "enkelvoudiginformatieobject")
    links = Links(request)
    found = [
        zio_json(zio, links, current)
        for zio in current.seed.zios.values()
        if zaak in (None, zio.zaak) and informatieobject in (None, zio.informatieobject)
    ]
    return list_response(request, found)


status_detail = detail_view(lambda s: s.seed.statussen, status_json)
rol_detail = detail_view(lambda s: s.seed.rollen, rol_json)
resultaat_detail = detail_view(lambda s: s.seed.resultaten, resultaat_json)
zio_detail = detail_view(lambda s: s.seed.zios, zio_json)
