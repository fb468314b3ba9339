"""The client layer reads every answer real Open Zaak and Open Notificaties gave (tests/corpus/realzgw).

Every recorded 2xx JSON body is parsed with the resource the portal reads it into, chosen by the
request's method and path (`ROUTES`): a zaak with its `_expand`, statussen, rollen, resultaten,
zaakinformatieobjecten (a plain array), the catalogi, documents, paginated lists, the abonnement;
and every notification Open Notificaties delivered goes through the webhook's own parsing. A path
no route knows fails the test, so a new corpus file is never skipped silently; the three kinds
the portal never reads are named in `NOT_READ` with the reason.

After the parsing: the behaviours of real Open Zaak that matter to the portal (README of the
corpus, "Observed behaviour"), on the recorded answers themselves.
"""

import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC
from typing import Any
from urllib.parse import urlsplit

import pytest

from mijnomgeving.clients.catalogi_resources import (
    Catalogus,
    InformatieObjectType,
    ResultaatType,
    StatusType,
    ZaakType,
    ZaakTypeInformatieObjectType,
)
from mijnomgeving.clients.documenten_resources import EnkelvoudigInformatieObject
from mijnomgeving.clients.duur import Duur
from mijnomgeving.clients.notificaties_resources import Abonnement, Problem
from mijnomgeving.clients.zaken import ZakenPage, _zaken_page
from mijnomgeving.clients.zaken_resources import (
    Resultaat,
    Rol,
    Status,
    Zaak,
    ZaakInformatieObject,
)
from notificaties.payload import Notificatie, parse_notificatie
from tests.corpus import OPENNOTIFICATIES, OPENZAAK, exchanges, scenario, scenario_names

UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
Parse = Callable[[Any], object]


# --- How the portal reads each kind of answer --------------------------------------------------


def one(resource: Any) -> Parse:
    """A single resource."""
    return resource.from_api


def page(resource: Any) -> Parse:
    """A DRF page, as ApiClient.get_all reads one: `results` a list of objects."""

    def parse(data: Any) -> list[object]:
        assert isinstance(data, Mapping) and isinstance(data.get("results"), list), "not a page"
        assert isinstance(data.get("count"), int), "a page without count"
        return [resource.from_api(item) for item in data["results"]]

    return parse


def array(resource: Any) -> Parse:
    """A plain JSON array (zaakinformatieobjecten, the abonnementen)."""

    def parse(data: Any) -> list[object]:
        assert isinstance(data, list), "not a plain array"
        return [resource.from_api(item) for item in data]

    return parse


def not_read(data: Any) -> None:
    """A kind the portal never reads (NOT_READ): only its shape is checked."""
    items = data.get("results") if isinstance(data, Mapping) else data
    assert isinstance(items, list) and all(isinstance(item, Mapping) for item in items)


@dataclass(frozen=True)
class Route:
    kind: str
    methods: frozenset[str]
    path: re.Pattern[str]
    parse: Parse


def route(kind: str, methods: str, path: str, parse: Parse) -> Route:
    return Route(kind, frozenset(methods.split()), re.compile(f"^{path}$"), parse)


ZAKEN, CATALOGI, DOCUMENTEN, NRC = (
    "/zaken/api/v1/",
    "/catalogi/api/v1/",
    "/documenten/api/v1/",
    "/api/v1/",
)
ROUTES = [
    # Zaken API 1.5
    route("zaken-page", "GET", f"{ZAKEN}zaken", _zaken_page),
    route("zaken-search", "POST", f"{ZAKEN}zaken/_zoek", _zaken_page),
    route("zaak", "POST", f"{ZAKEN}zaken", one(Zaak)),
    route("zaak", "GET PATCH PUT", f"{ZAKEN}zaken/{UUID}", one(Zaak)),
    route("statussen", "GET", f"{ZAKEN}statussen", page(Status)),
    route("status", "POST", f"{ZAKEN}statussen", one(Status)),
    route("status", "GET", f"{ZAKEN}statussen/{UUID}", one(Status)),
    route("rollen", "GET", f"{ZAKEN}rollen", page(Rol)),
    route("rol", "POST", f"{ZAKEN}rollen", one(Rol)),
    route("rol", "GET", f"{ZAKEN}rollen/{UUID}", one(Rol)),
    route("resultaten", "GET", f"{ZAKEN}resultaten", page(Resultaat)),
    route("resultaat", "GET", f"{ZAKEN}resultaten/{UUID}", one(Resultaat)),
    route(
        "zaakinformatieobjecten",
        "GET",
        f"{ZAKEN}zaakinformatieobjecten",
        array(ZaakInformatieObject),
    ),
    route(
        "zaakinformatieobject", "POST", f"{ZAKEN}zaakinformatieobjecten", one(ZaakInformatieObject)
    ),
    route(
        "zaakinformatieobject",
        "GET",
        f"{ZAKEN}zaakinformatieobjecten/{UUID}",
        one(ZaakInformatieObject),
    ),
    # Catalogi API 1.3
    route("zaaktypen", "GET", f"{CATALOGI}zaaktypen", page(ZaakType)),
    route("zaaktype", "GET", f"{CATALOGI}zaaktypen/{UUID}", one(ZaakType)),
    route("statustypen", "GET", f"{CATALOGI}statustypen", page(StatusType)),
    route("statustype", "GET", f"{CATALOGI}statustypen/{UUID}", one(StatusType)),
    route("resultaattypen", "GET", f"{CATALOGI}resultaattypen", page(ResultaatType)),
    route("resultaattype", "GET", f"{CATALOGI}resultaattypen/{UUID}", one(ResultaatType)),
    route(
        "informatieobjecttypen",
        "GET",
        f"{CATALOGI}informatieobjecttypen",
        page(InformatieObjectType),
    ),
    route(
        "informatieobjecttype",
        "GET",
        f"{CATALOGI}informatieobjecttypen/{UUID}",
        one(InformatieObjectType),
    ),
    route(
        "zaaktype-informatieobjecttypen",
        "GET",
        f"{CATALOGI}zaaktype-informatieobjecttypen",
        page(ZaakTypeInformatieObjectType),
    ),
    route("catalogussen", "GET", f"{CATALOGI}catalogussen", page(Catalogus)),
    route("catalogus", "GET", f"{CATALOGI}catalogussen/{UUID}", one(Catalogus)),
    # Documenten API 1.4
    route(
        "documenten",
        "GET",
        f"{DOCUMENTEN}enkelvoudiginformatieobjecten",
        page(EnkelvoudigInformatieObject),
    ),
    route(
        "documenten-search",
        "POST",
        f"{DOCUMENTEN}enkelvoudiginformatieobjecten/_zoek",
        page(EnkelvoudigInformatieObject),
    ),
    route(
        "document",
        "POST",
        f"{DOCUMENTEN}enkelvoudiginformatieobjecten",
        one(EnkelvoudigInformatieObject),
    ),
    route(
        "document",
        "GET",
        f"{DOCUMENTEN}enkelvoudiginformatieobjecten/{UUID}",
        one(EnkelvoudigInformatieObject),
    ),
    # Notificaties API 1.0 (Open Notificaties)
    route("abonnementen", "GET", f"{NRC}abonnement", array(Abonnement)),
    route("abonnement", "POST", f"{NRC}abonnement", one(Abonnement)),
    route("abonnement", "GET PUT", f"{NRC}abonnement/{UUID}", one(Abonnement)),
    # Never read by the portal (NOT_READ)
    route("roltypen", "GET", f"{CATALOGI}roltypen", not_read),
    route("objectinformatieobjecten", "GET", f"{DOCUMENTEN}objectinformatieobjecten", not_read),
    route("kanalen", "GET", f"{NRC}kanaal", not_read),
]
NOT_READ = {
    "roltypen": "rollen carry omschrijving and omschrijvingGeneriek themselves",
    "objectinformatieobjecten": "the documents come with objectinformatieobjecten__object",
    "kanalen": "the abonnement names its kanalen; Open Notificaties checks them",
}


def route_of(method: str, path: str) -> Route:
    found = [
        candidate
        for candidate in ROUTES
        if method in candidate.methods and candidate.path.match(urlsplit(path).path)
    ]
    assert found, f"no route for {method} {urlsplit(path).path}: add one to ROUTES"
    return found[0]


# --- The recorded answers -----------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    id: str
    method: str
    path: str
    body: Any


def _recorded() -> Iterator[tuple[str, str, str, int, Any]]:
    """(scenario#index, method, path, status, JSON body) of every recorded exchange, the API
    writes that triggered the delivered notifications included."""
    for name in scenario_names():
        for index, exchange in enumerate(exchanges(name)):
            yield f"{name}#{index}", exchange.method, exchange.path, exchange.status, exchange.json
    for trigger in scenario("notificaties-delivered")["triggers"]:
        for item in trigger["exchanges"]:
            request, response = item["request"], item["response"]
            yield (
                f"notificaties-delivered/{trigger['action']}",
                request["method"],
                request["path"],
                response["status"],
                (response.get("body") or {}).get("json"),
            )


def answers() -> list[Answer]:
    """Every 2xx JSON body, once (the same answer recorded in several scenarios is one)."""
    seen: set[str] = set()
    found = []
    for source, method, path, status, body in _recorded():
        if not 200 <= status < 300 or body is None:
            continue
        key = json.dumps([method, path, body], sort_keys=True)
        if key not in seen:
            seen.add(key)
            found.append(Answer(source, method, path, body))
    return found


ANSWERS = answers()


def _answer_id(answer: Answer) -> str:
    kind = next(
        (
            r.kind
            for r in ROUTES
            if answer.method in r.methods and r.path.match(urlsplit(answer.path).path)
        ),
        "unknown",
    )
    return f"{answer.id}:{answer.method}-{kind}"


@pytest.mark.parametrize("answer", ANSWERS, ids=[_answer_id(answer) for answer in ANSWERS])
def test_every_recorded_answer_parses(answer: Answer) -> None:
    parsed = route_of(answer.method, answer.path).parse(answer.body)

    if isinstance(parsed, ZakenPage):
        assert len(parsed.zaken) == len(answer.body["results"])


def test_every_recorded_path_has_a_route() -> None:
    """Error answers and bodies that are not JSON too: a new kind of request is noticed."""
    unknown = {
        f"{method} {re.sub(UUID, '{uuid}', urlsplit(path).path)}"
        for _, method, path, _, _ in _recorded()
        if method not in ("HEAD", "DELETE")
        and not urlsplit(path).path.endswith("/download")
        and not any(
            method in candidate.methods and candidate.path.match(urlsplit(path).path)
            for candidate in ROUTES
        )
    }
    assert not unknown, f"no route for: {sorted(unknown)}"


def test_the_kinds_the_portal_does_not_read_are_named() -> None:
    assert {r.kind for r in ROUTES if r.parse is not_read} == set(NOT_READ)


DELIVERED = scenario("notificaties-delivered")["delivered_in_order_received"]


@pytest.mark.parametrize(
    "delivered",
    DELIVERED,
    ids=[
        f"{index}:{item['body']['kanaal']}-{item['body']['resource']}-{item['body']['actie']}"
        for index, item in enumerate(DELIVERED)
    ],
)
def test_every_delivered_notification_parses(delivered: dict[str, Any]) -> None:
    notificatie = parse_notificatie(delivered["body"])

    assert notificatie.kanaal == delivered["body"]["kanaal"]
    assert notificatie.aanmaakdatum.tzinfo is not None
    assert notificatie.kenmerken == delivered["body"]["kenmerken"]


# --- Behaviours that matter (README of the corpus, "Observed behaviour") -------------------------


def recorded_json(name: str, index: int = 0) -> Any:
    return exchanges(name)[index].json


def test_a_zaak_without_documents_read_with_expand_has_none_not_unknown() -> None:
    """Open Zaak leaves the empty relation out of `_expand` (point 1): that is "no documents",
    not "not expanded" (the case page answered 500 on it, issue 9)."""
    data = recorded_json("direct-zaak-detail-expand-without-documents")
    assert "zaakinformatieobjecten" not in data["_expand"]

    zaak = Zaak.from_api(data)

    assert zaak.expanded_zaakinformatieobjecten == ()
    assert zaak.expanded_rollen is not None and len(zaak.expanded_rollen) == 1
    assert zaak.expanded_status is not None and zaak.expanded_resultaat is not None


def test_a_zaak_with_documents_read_with_expand_has_each_link() -> None:
    data = recorded_json("direct-zaak-detail-expand-with-documents")

    zaak = Zaak.from_api(data)

    assert zaak.expanded_zaakinformatieobjecten is not None
    assert [zio.url for zio in zaak.expanded_zaakinformatieobjecten] == list(
        zaak.zaakinformatieobjecten
    )
    assert all(zio.zaak == zaak.url for zio in zaak.expanded_zaakinformatieobjecten)


def test_a_zaak_without_status_has_no_status_expanded() -> None:
    zaak = Zaak.from_api(recorded_json("direct-zaak-detail-expand-no-status"))

    assert zaak.status is None and zaak.expanded_status is None
    assert zaak.expanded_zaaktype is not None
    assert zaak.expanded_zaakinformatieobjecten == ()


def test_a_zaak_whose_expand_found_nothing_has_no_expand_key() -> None:
    data = recorded_json("direct-zaak-expand-nothing-to-expand")
    assert "_expand" not in data

    zaak = Zaak.from_api(data)

    assert zaak.expanded_zaaktype is None and zaak.expanded_status is None
    assert zaak.expanded_resultaat is None
    assert zaak.expanded_rollen is None  # the zaak has rollen: not asked, so unknown


def test_opschorting_and_verlenging_read_as_open_zaak_serves_them() -> None:
    opgeschort = Zaak.from_api(recorded_json("direct-zaak-detail-opschorting"))
    verlengd = Zaak.from_api(recorded_json("direct-zaak-detail-verlenging"))

    assert opgeschort.is_opgeschort and opgeschort.opschorting is not None
    assert opgeschort.opschorting.reden == "Wacht op advies van de welstandscommissie"
    assert opgeschort.verlenging is None  # `verlenging: null` (point 18)
    assert not verlengd.is_opgeschort
    assert verlengd.verlenging is not None and verlengd.verlenging.duur == Duur.parse("P42D")


def test_a_gemachtigde_and_a_vestiging_are_read_from_their_rol() -> None:
    rollen = page(Rol)(recorded_json("direct-rollen-gemachtigde"))
    (vestiging,) = page(Rol)(recorded_json("direct-rollen-vestiging"))

    assert sorted((rol.indicatie_machtiging, rol.omschrijving_generiek) for rol in rollen) == [
        ("", "initiator"),
        ("gemachtigde", "belanghebbende"),
    ]
    assert isinstance(vestiging, Rol)
    assert (vestiging.kvk_nummer, vestiging.vestigings_nummer) == ("69599084", "000038509504")
    assert vestiging.naam == "Realzgw Filiaal Centrum"


def test_statussen_come_newest_first_with_only_the_newest_marked_last() -> None:
    statussen = page(Status)(recorded_json("direct-statussen"))

    moments = [status.datum_status_gezet for status in statussen]
    assert moments == sorted(moments, reverse=True)
    assert [status.indicatie_laatst_gezette_status for status in statussen] == [
        True,
        *[False] * (len(statussen) - 1),
    ]


def test_zaakinformatieobjecten_of_a_zaak_without_documents_are_an_empty_array() -> None:
    assert array(ZaakInformatieObject)(recorded_json("direct-zaakinformatieobjecten-none")) == []


def test_a_document_is_read_with_its_download_url_and_uuid() -> None:
    data = recorded_json("direct-document-detail")

    document = EnkelvoudigInformatieObject.from_api(data)

    assert document.inhoud is not None and document.inhoud.endswith("/download?versie=1")
    assert str(document.uuid) in data["url"]
    assert document.inhoud_is_vervallen is None and document.tonen_aan_initiator is None


def test_a_statustype_with_an_empty_toelichting_reads_as_empty() -> None:
    statustypen = page(StatusType)(recorded_json("direct-catalogi-statustypen"))

    assert statustypen and all(statustype.toelichting == "" for statustype in statustypen)


def test_open_notificaties_refusal_names_the_reason() -> None:
    refused = next(
        exchange for exchange in exchanges("notificaties-abonnement") if exchange.status == 400
    )

    problem = Problem.from_api(refused.json)

    assert problem.invalid_params[0][:2] == ("callbackUrl", "no-auth-on-callback-url")
    assert "no-auth-on-callback-url" in problem.describe()


def test_a_delivered_zaak_notification_keeps_a_kenmerk_with_a_dot() -> None:
    notificaties: list[Notificatie] = [parse_notificatie(item["body"]) for item in DELIVERED]
    zaak = next(n for n in notificaties if n.resource == "zaak" and n.actie == "create")
    link = next(n for n in notificaties if n.resource == "zaakinformatieobject")

    assert "zaaktype.catalogus" in zaak.kenmerken
    assert zaak.aanmaakdatum.utcoffset() == UTC.utcoffset(None)
    assert link.kanaal == "zaken" and link.hoofd_object == zaak.hoofd_object
    assert all(n.hoofd_object.startswith(OPENZAAK) for n in notificaties)
    assert all(not n.resource_url.startswith(OPENNOTIFICATIES) for n in notificaties)
