"""The demo back office answers like real Open Zaak 1.30 (tests/corpus/realzgw).

For every kind of request the portal makes of Open Zaak, and the errors it must survive, the
stand-in is asked the same kind of question about its own seeded data. Its answers are compared
with the answers real Open Zaak gave in the recordings on everything that does not depend on
the data: the status code, the headers a client reads (Content-Type, Content-Crs, API-version,
Allow, ETag, Content-Disposition), the paging links and the SHAPE of the JSON: which key paths
exist (`$.results[]._expand.rollen[].contactpersoonRol`), and whether they hold null, an empty
value or a value of which type. `shape_differences` is that comparison;
`test_a_difference_planted_in_the_renderer_is_reported` shows that it fails when it should.
"""

import base64
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from django.test import Client

from demo.backoffice import http, store, zaken_render
from demo.backoffice.seed import uid
from tests.corpus import OPENZAAK, Exchange, all_exchanges
from tests.fixtures.backoffice import DemoBackoffice, zgw_jwt

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")

# ---------------------------------------------------------------------------------------------
# The comparison
# ---------------------------------------------------------------------------------------------

# A Rol's betrokkeneIdentificatie has another shape per betrokkeneType. The variants are kept
# apart (`betrokkeneIdentificatie<vestiging>`); a variant only one side has is data (the other
# side has no such rol), the variants both sides have are compared.
VARIANTS = {"betrokkeneIdentificatie": "betrokkeneType"}

# Null on one side and a value on the other is a difference in the DATA, not in the shape, for
# a field that is nullable by nature: one whose null means "not given / not happened (yet) for
# this record", so that the same server sends null for one record and a value for the next.
# A field counts as such when
# - the recordings show real Open Zaak itself sending null at that path for one record and a
#   value for another (evidence: einddatum, status, resultaat, next, ...), or
# - it is one of these, where the recorded data happened to have only null (or only values)
#   and the stand-in's data has the other: a path ending in one of these.
# A field Open Zaak renders as null whatever the record holds (eindeObject of a zaaktype,
# integriteit, authenticatieContext, ...) is not in here: a stand-in value there is a shape
# difference. Neither is a member of `_expand`: an empty relation is left out, never null.
NULLABLE_BY_NATURE = (
    "laatsteBetaaldatum",  # a zaak that is paid
    "verlenging",  # a zaak that was extended
    "zaakgeometrie",  # a zaak with a location
    "startdatumBewaartermijn",  # a zaak that is closed and archived
    "servicenorm",  # a zaaktype with a service norm
    "verlengingstermijn",  # a zaaktype that allows extension
    "ontvangstdatum",  # an incoming document (received)
    "verzenddatum",  # an outgoing document (sent)
    "zaakinformatieobjecten[].status",  # a document added at a status of the zaak
)
BLANKS = ("empty string", "empty list", "empty object")


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int | float):
        return "number"
    name = {str: "string", list: "list", dict: "object"}[type(value)]
    return name if value else f"empty {name}"


@dataclass
class _Shape:
    kinds: dict[str, Counter[str]]  # path -> how often each kind of value was seen there
    values: dict[str, set[str]]  # path -> the values seen, for the paths asked for

    @classmethod
    def of(cls, documents: Iterable[Any], value_paths: Collection[str]) -> "_Shape":
        shape = cls(defaultdict(Counter), defaultdict(set))

        def visit(value: Any, path: str) -> None:
            shape.kinds[path][_kind(value)] += 1
            if path in value_paths:
                shape.values[path].add(repr(value))
            if isinstance(value, dict):
                for key, item in value.items():
                    variant = f"<{value.get(VARIANTS[key])}>" if key in VARIANTS else ""
                    visit(item, f"{path}.{key}{variant}")
            elif isinstance(value, list):
                for item in value:
                    visit(item, f"{path}[]")

        for document in documents:
            visit(document, "$")
        return shape

    def seen(self, path: str) -> set[str] | None:
        """The kinds at `path`, "absent" included where an object lacked the key; None when
        the parent never was a non-empty object (or list) here, so there is nothing to compare."""
        here = self.kinds.get(path, Counter())
        if path == "$":
            return set(here)
        if path.endswith(">"):  # a variant: compared only when this side has it too
            return set(here) or None
        if path.endswith("[]"):
            containers = self.kinds.get(path[:-2], Counter())["list"]
        else:
            containers = self.kinds.get(path.rsplit(".", 1)[0], Counter())["object"]
        if not containers:
            return None
        absent = (
            {"absent"} if not path.endswith("[]") and sum(here.values()) < containers else set()
        )
        return set(here) | absent


def _values_of(kinds: set[str]) -> set[str]:
    return {kind.removeprefix("empty ") for kind in kinds} - {"null", "absent"}


def _nullable_by_nature(path: str, openzaak: set[str], also: Collection[str]) -> bool:
    if "null" in openzaak and _values_of(openzaak):
        return True  # real Open Zaak itself sent null here for one record and a value for another
    if path.rpartition(".")[0].endswith("._expand"):
        return False
    return any(path.endswith(f".{field}") for field in (*NULLABLE_BY_NATURE, *also))


def shape_differences(
    openzaak: Iterable[Any],
    standin: Iterable[Any],
    *,
    same_values: Collection[str] = (),
    nullable: Collection[str] = (),
) -> list[str]:
    """How the stand-in's JSON answers differ in shape from Open Zaak's answers to the same
    kind of request, one "<path>: <what>" line per difference (empty: none).

    Each side is a pool of answers; per JSON path the kinds of value seen are compared: present
    in every object / in some / in none, null, empty ("", [], {}) or a value and its type.
    `same_values` are paths whose values must be the same too (an error's code and title);
    `nullable` adds fields nullable by nature for these answers (see NULLABLE_BY_NATURE).
    """
    ours, theirs = _Shape.of(openzaak, same_values), _Shape.of(standin, same_values)
    differences: list[str] = []
    for path in sorted(ours.kinds.keys() | theirs.kinds.keys()):
        oz, si = ours.seen(path), theirs.seen(path)
        if oz is None or si is None:
            continue  # e.g. the children of a field that is null on one side: data
        said = f"Open Zaak {sorted(oz)}, stand-in {sorted(si)}"
        if "absent" not in oz and "absent" in si:
            differences.append(f"{path}: the stand-in leaves it out, Open Zaak never ({said})")
        elif oz == {"absent"} and si != {"absent"}:
            differences.append(f"{path}: the stand-in sends it, Open Zaak never ({said})")
        elif si == {"absent"} and oz != {"absent"}:
            differences.append(f"{path}: Open Zaak sends it, the stand-in never ({said})")
        if _values_of(oz) and _values_of(si) and _values_of(oz) != _values_of(si):
            differences.append(f"{path}: other type ({said})")
        left_out = "absent" in oz and oz != {"absent"}  # sometimes left out (never: above)
        for blank in ("null", *BLANKS):
            if blank in si and blank not in oz and left_out:
                differences.append(f"{path}: {blank} where Open Zaak leaves it out ({said})")
        if not _nullable_by_nature(path, oz, nullable):
            if "null" in si and "null" not in oz and _values_of(oz) and not left_out:
                differences.append(f"{path}: null where Open Zaak sends a value ({said})")
            if "null" in oz and not _values_of(oz) and _values_of(si):
                differences.append(f"{path}: a value where Open Zaak only sends null ({said})")
    for path in sorted(same_values):
        if ours.values.get(path, set()) != theirs.values.get(path, set()):
            differences.append(
                f"{path}: Open Zaak says {sorted(ours.values.get(path, set()))}, "
                f"the stand-in {sorted(theirs.values.get(path, set()))}"
            )
    return differences


# Headers compared by value (UUIDs masked), and headers compared only on being there.
HEADERS = ("Content-Type", "Content-Crs", "API-version", "Allow", "Content-Disposition")
PRESENCE_HEADERS = ("ETag", "Content-Length")


def _header_shape(headers: Mapping[str, str]) -> dict[str, str]:
    lower = {name.lower(): value for name, value in headers.items()}
    shape = {name: UUID.sub("<uuid>", lower.get(name.lower(), "(none)")) for name in HEADERS}
    shape.update(
        {name: "(sent)" if name.lower() in lower else "(none)" for name in PRESENCE_HEADERS}
    )
    return shape


def header_differences(
    openzaak: Iterable[Mapping[str, str]], standin: Iterable[Mapping[str, str]]
) -> list[str]:
    ours = [_header_shape(headers) for headers in openzaak]
    theirs = [_header_shape(headers) for headers in standin]
    differences = []
    for name in (*HEADERS, *PRESENCE_HEADERS):
        oz, si = {shape[name] for shape in ours}, {shape[name] for shape in theirs}
        if oz != si:
            differences.append(f"header {name}: Open Zaak {sorted(oz)}, stand-in {sorted(si)}")
    return differences


def _link_shape(link: str, asked: str) -> str:
    """A next/previous link described relative to the request: absolute on the same host and
    path, query keys sorted (as DRF writes them), filters repeated, page one on or back (the
    link to page 1 has no page parameter)."""
    request, target = urlsplit(asked), urlsplit(link)
    asked_params, given = dict(parse_qsl(request.query)), parse_qsl(target.query)
    page = int(asked_params.get("page", "1"))
    parts = [
        "same host"
        if (target.scheme, target.netloc) == (request.scheme, request.netloc)
        else "other host",
        "same path" if target.path == request.path else "other path",
        "sorted"
        if [name for name, _ in given] == sorted(name for name, _ in given)
        else "unsorted",
    ]
    given_params = dict(given)
    parts.append(f"page {int(given_params.get('page', '1')) - page:+d}")
    if "page" not in given_params:
        parts.append("no page parameter")
    parts += [
        f"{name} changed"
        for name, value in given
        if name != "page" and asked_params.get(name) != value
    ]
    parts += [
        f"{name} dropped" for name in asked_params if name != "page" and name not in given_params
    ]
    return ", ".join(parts)


@dataclass(frozen=True)
class Answer:
    url: str  # what was asked, absolute
    status: int
    headers: Mapping[str, str]
    body: Any  # parsed JSON; bytes of a short non-JSON body; None

    @classmethod
    def recorded(cls, exchange: Exchange) -> "Answer":
        body = exchange.body or {}
        if "json" in body:
            content: Any = body["json"]
        elif "binary" in body and body["binary"]["length"] <= 48:  # wholly in first64_base64
            content = base64.b64decode(body["binary"]["first64_base64"])
        else:
            content = body["text"].encode() if "text" in body else None
        return cls(OPENZAAK + exchange.path, exchange.status, exchange.headers, content)


def link_differences(openzaak: Iterable[Answer], standin: Iterable[Answer]) -> list[str]:
    differences = []
    for key in ("next", "previous"):
        oz, si = (
            {
                _link_shape(answer.body[key], answer.url)
                for answer in answers
                if isinstance(answer.body, dict) and answer.body.get(key)
            }
            for answers in (openzaak, standin)
        )
        if oz and si and oz != si:  # a side without any such link: data (one page)
            differences.append(f"$.{key} link: Open Zaak {sorted(oz)}, stand-in {sorted(si)}")
    return differences


def answer_differences(
    openzaak: list[Answer],
    standin: list[Answer],
    *,
    same_values: Collection[str] = (),
    nullable: Collection[str] = (),
) -> list[str]:
    """Everything compared for one kind of request: status, headers, links, JSON shape, and
    the exact text of a short non-JSON error body."""
    differences = []
    oz_status, si_status = {a.status for a in openzaak}, {a.status for a in standin}
    if oz_status != si_status:
        differences.append(f"status: Open Zaak {sorted(oz_status)}, stand-in {sorted(si_status)}")
    differences += header_differences([a.headers for a in openzaak], [a.headers for a in standin])
    differences += link_differences(openzaak, standin)
    differences += shape_differences(
        [a.body for a in openzaak if not isinstance(a.body, bytes | None)],
        [a.body for a in standin if not isinstance(a.body, bytes | None)],
        same_values=same_values,
        nullable=nullable,
    )
    oz_text = {a.body for a in openzaak if isinstance(a.body, bytes) and a.status >= 400}
    si_text = {a.body for a in standin if isinstance(a.body, bytes) and a.status >= 400}
    if oz_text != si_text:
        differences.append(f"error body: Open Zaak {sorted(oz_text)}, stand-in {sorted(si_text)}")
    return differences


# ---------------------------------------------------------------------------------------------
# The kinds of request: which recorded exchanges, and the same question put to the stand-in
# ---------------------------------------------------------------------------------------------

ZAKEN, CATALOGI, DOCUMENTEN = "/zaken/api/v1", "/catalogi/api/v1", "/documenten/api/v1"
LIST_EXPAND = "zaaktype,status,status.statustype,resultaat,resultaat.resultaattype,rollen"
DETAIL_EXPAND = f"{LIST_EXPAND},zaakinformatieobjecten"
PORTAL_EXPAND = "zaaktype,status,rollen"
BSN = "rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn"
KVK = "rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__kvkNummer"
SUZANNE, MARY, SIERRA = "999993653", "999990755", "999991954"
PORTAL_LIST = {
    "maximaleVertrouwelijkheidaanduiding": "zaakvertrouwelijk",
    "ordering": "-startdatum",
}
ERROR_VALUES = (
    "$.code",
    "$.title",
    "$.status",
    "$.detail",
    "$.invalidParams[].name",
    "$.invalidParams[].code",
)
PRESENT = object()  # a query parameter that must be there, whatever its value


@dataclass(frozen=True)
class Request:
    path: str  # below the back office's base URL
    params: tuple[tuple[str, str], ...] = ()
    method: str = "GET"
    json: Any = None
    accept: str = "application/json"
    crs: str | None = "EPSG:4326"  # Accept-Crs, as the portal's Zaken client sends on every call
    jwt: bool = True


def get(
    path: str,
    accept: str = "application/json",
    *,
    crs: str | None = "EPSG:4326",
    jwt: bool = True,
    **params: str,
) -> Request:
    """A GET; "{base}" in a parameter's value is the stand-in's base URL (URL filters)."""
    return Request(path, tuple(params.items()), accept=accept, crs=crs, jwt=jwt)


def recorded(
    method: str,
    template: str,
    status: int = 200,
    *,
    accept: str | None = None,
    **params: Any,
) -> Callable[[Exchange], bool]:
    """Exchanges of `method` on `template` ({uuid} for a UUID) that got `status`; each of
    `params` must have that value (None: absent; PRESENT: any value)."""

    def matches(exchange: Exchange) -> bool:
        path, _, query = exchange.path.partition("?")
        asked = dict(parse_qsl(query))
        return (
            exchange.method == method
            and UUID.sub("{uuid}", path) == template
            and exchange.status == status
            and (accept is None or exchange.request_headers.get("Accept") == accept)
            and all(
                (name in asked) if wanted is PRESENT else asked.get(name) == wanted
                for name, wanted in params.items()
            )
        )

    return matches


def scenario(*names: str) -> Callable[[Exchange], bool]:
    return lambda exchange: exchange.scenario in names


def zaak(key: str) -> str:
    return f"{ZAKEN}/zaken/{uid(f'zaak:{key}')}"


def document(key: str) -> str:
    return f"{DOCUMENTEN}/enkelvoudiginformatieobjecten/{uid(f'document:{key}')}"


def resultaat(key: str) -> str:
    return f"{ZAKEN}/resultaten/{uid('resultaat:' + str(uid(f'zaak:{key}')))}"


def zio(document_key: str) -> str:
    return f"{ZAKEN}/zaakinformatieobjecten/{uid('zio:' + str(uid(f'document:{document_key}')))}"


def zaaktype(identificatie: str) -> str:
    return f"{CATALOGI}/zaaktypen/{uid(f'zaaktype:{identificatie}')}"


@dataclass(frozen=True)
class Kind:
    name: str
    recorded: Callable[[Exchange], bool]
    requests: tuple[Request, ...]
    # The situation the answers are about (a zaak without documents, ...), on the JSON body:
    # recorded answers outside it are left out, and every stand-in answer must be in it.
    where: Callable[[Any], bool] | None = None
    same_values: tuple[str, ...] = ()
    nullable: tuple[str, ...] = ()  # more fields nullable by nature in these answers
    closes: str | None = None  # a seeded zaak the stand-in first moves to its end status

    def __str__(self) -> str:
        return self.name


def open_with_documents(body: Any) -> bool:
    return bool(body["status"] and body["einddatum"] is None and body["zaakinformatieobjecten"])


def open_without_documents(body: Any) -> bool:
    return bool(body["status"] and body["einddatum"] is None and not body["zaakinformatieobjecten"])


def without_status(body: Any) -> bool:
    return body["status"] is None


def closed_without_documents(body: Any) -> bool:
    return body["einddatum"] is not None and not body["zaakinformatieobjecten"]


OPEN_WITH_DOCUMENTS = (
    "suzanne-parkeervergunning",
    "suzanne-omgevingsvergunning",
    "mary-parkeervergunning",
    "sierra-02",
    "sierra-06",
    "stichting-evenement",
)
OPEN_WITHOUT_DOCUMENTS = ("suzanne-interne-heroverweging", "suzanne-geheim")
CLOSED = ("suzanne-bijzondere-bijstand", "sierra-evenement", "sierra-10")
ALL_ZAKEN = (*OPEN_WITH_DOCUMENTS, *OPEN_WITHOUT_DOCUMENTS, *CLOSED, "suzanne-zonder-status")
ZAAK_LISTS = (
    {BSN: SUZANNE},
    {BSN: SUZANNE, **PORTAL_LIST},
    {BSN: SIERRA, **PORTAL_LIST},
    {BSN: SIERRA, **PORTAL_LIST, "einddatum__isnull": "false"},
    {BSN: MARY, **PORTAL_LIST, "einddatum__isnull": "true"},
    {KVK: "69599084"},
)
DOCUMENTS = (
    "suzanne-parkeer-aanvraag",
    "suzanne-parkeer-ontvangst",
    "suzanne-bijstand-besluit",
    "sierra-evenement-vergunning",
    "mary-parkeer-ontvangst",
)
SEARCHED = [str(uid(f"document:{key}")) for key in DOCUMENTS]
ZOEK = f"{DOCUMENTEN}/enkelvoudiginformatieobjecten/_zoek"
NOWHERE = uid("nothing")

KINDS = [
    # Zaken: lists
    Kind(
        "zaken list",
        recorded("GET", f"{ZAKEN}/zaken", expand=None, page=None, pageSize=None),
        tuple(get(f"{ZAKEN}/zaken", **params) for params in ZAAK_LISTS),
    ),
    Kind(
        "zaken list, list expand",
        recorded("GET", f"{ZAKEN}/zaken", expand=LIST_EXPAND),
        tuple(get(f"{ZAKEN}/zaken", **params, expand=LIST_EXPAND) for params in ZAAK_LISTS),
    ),
    Kind(
        "zaken list, expand=rollen",
        recorded("GET", f"{ZAKEN}/zaken", expand="rollen"),
        tuple(get(f"{ZAKEN}/zaken", **params, expand="rollen") for params in ZAAK_LISTS),
    ),
    Kind(
        "zaken list, paged with pageSize",
        scenario("direct-zaken-pagesize-5", "direct-zaken-page-2"),
        (
            get(f"{ZAKEN}/zaken", **{BSN: SIERRA, "pageSize": "5"}),
            get(f"{ZAKEN}/zaken", **{BSN: SIERRA, "pageSize": "5", "page": "2"}),
        ),
    ),
    # Zaken: one zaak
    Kind(
        "zaak detail",
        recorded("GET", f"{ZAKEN}/zaken/{{uuid}}", expand=None),
        tuple(get(zaak(key)) for key in ALL_ZAKEN),
    ),
    Kind(
        "zaak detail, detail expand, open with documents",
        recorded("GET", f"{ZAKEN}/zaken/{{uuid}}", expand=DETAIL_EXPAND),
        tuple(get(zaak(key), expand=DETAIL_EXPAND) for key in OPEN_WITH_DOCUMENTS),
        where=open_with_documents,
    ),
    Kind(
        "zaak detail, detail expand, open without documents",
        recorded("GET", f"{ZAKEN}/zaken/{{uuid}}", expand=DETAIL_EXPAND),
        tuple(get(zaak(key), expand=DETAIL_EXPAND) for key in OPEN_WITHOUT_DOCUMENTS),
        where=open_without_documents,
    ),
    Kind(
        "zaak detail, detail expand, without status",
        recorded("GET", f"{ZAKEN}/zaken/{{uuid}}", expand=DETAIL_EXPAND),
        (get(zaak("suzanne-zonder-status"), expand=DETAIL_EXPAND),),
        where=without_status,
    ),
    Kind(
        "zaak detail, detail expand, closed with resultaat, without documents",
        recorded("GET", f"{ZAKEN}/zaken/{{uuid}}", expand=DETAIL_EXPAND),
        (get(zaak("suzanne-interne-heroverweging"), expand=DETAIL_EXPAND),),
        where=closed_without_documents,
        closes="suzanne-interne-heroverweging",
    ),
    Kind(
        "zaak detail, the portal's expand",
        recorded("GET", f"{ZAKEN}/zaken/{{uuid}}", expand=PORTAL_EXPAND),
        tuple(
            get(zaak(key), expand=PORTAL_EXPAND)
            for key in (*OPEN_WITH_DOCUMENTS, *OPEN_WITHOUT_DOCUMENTS)
        ),
    ),
    Kind(
        "zaak detail, expand=rollen,rollen.roltype",
        recorded("GET", f"{ZAKEN}/zaken/{{uuid}}", expand="rollen,rollen.roltype"),
        tuple(
            get(zaak(key), expand="rollen,rollen.roltype")
            for key in ("suzanne-omgevingsvergunning", "stichting-evenement")
        ),
    ),
    Kind(
        "zaak detail, nothing to expand",
        scenario("direct-zaak-expand-nothing-to-expand"),
        (get(zaak("suzanne-zonder-status"), expand="status,resultaat"),),
    ),
    Kind(
        "zaak HEAD",
        recorded("HEAD", f"{ZAKEN}/zaken/{{uuid}}"),
        (Request(zaak("suzanne-parkeervergunning"), method="HEAD"),),
    ),
    # Zaken: the relations of a zaak
    Kind(
        "statussen list",
        recorded("GET", f"{ZAKEN}/statussen", zaak=PRESENT),
        tuple(
            get(f"{ZAKEN}/statussen", zaak=f"{{base}}{zaak(key)}")
            for key in ("suzanne-parkeervergunning", "sierra-evenement", "suzanne-zonder-status")
        ),
    ),
    Kind(
        "status detail",
        recorded("GET", f"{ZAKEN}/statussen/{{uuid}}"),
        tuple(
            get(f"{ZAKEN}/statussen/{uid(f'status:{key}')}")
            for key in (
                "suzanne-parkeervergunning:1",
                "suzanne-parkeervergunning:3",
                "sierra-evenement:8",
            )
        ),
    ),
    Kind(
        "rollen list",
        recorded("GET", f"{ZAKEN}/rollen", zaak=PRESENT),
        tuple(
            get(f"{ZAKEN}/rollen", zaak=f"{{base}}{zaak(key)}")
            for key in (
                "suzanne-parkeervergunning",
                "suzanne-omgevingsvergunning",
                "stichting-evenement",
            )
        ),
    ),
    Kind(
        "resultaten list",
        recorded("GET", f"{ZAKEN}/resultaten", zaak=PRESENT),
        tuple(get(f"{ZAKEN}/resultaten", zaak=f"{{base}}{zaak(key)}") for key in CLOSED),
    ),
    Kind(
        "resultaat detail",
        recorded("GET", f"{ZAKEN}/resultaten/{{uuid}}"),
        tuple(get(resultaat(key)) for key in CLOSED),
    ),
    Kind(
        "zaakinformatieobjecten (a plain array)",
        recorded("GET", f"{ZAKEN}/zaakinformatieobjecten", zaak=PRESENT),
        (
            get(
                f"{ZAKEN}/zaakinformatieobjecten",
                zaak=f"{{base}}{zaak('suzanne-parkeervergunning')}",
            ),
            get(
                f"{ZAKEN}/zaakinformatieobjecten",
                zaak=f"{{base}}{zaak('suzanne-interne-heroverweging')}",
            ),
            get(
                f"{ZAKEN}/zaakinformatieobjecten",
                zaak=f"{{base}}{zaak('suzanne-bijzondere-bijstand')}",
                informatieobject=f"{{base}}{document('suzanne-bijstand-besluit')}",
            ),
        ),
        nullable=("status",),  # the zaak's status the document was added at, if any
    ),
    Kind(
        "zaakinformatieobject detail",
        recorded("GET", f"{ZAKEN}/zaakinformatieobjecten/{{uuid}}"),
        (get(zio("suzanne-bijstand-besluit")),),
        nullable=("status",),
    ),
    # Catalogi (the portal sends no Accept-Crs there)
    Kind(
        "zaaktype detail",
        recorded("GET", f"{CATALOGI}/zaaktypen/{{uuid}}"),
        tuple(
            get(zaaktype(name), crs=None)
            for name in ("PARKEERVERGUNNING", "OMGEVINGSVERGUNNING", "BIJZONDERE-BIJSTAND")
        ),
    ),
    Kind(
        "zaaktypen list",
        recorded("GET", f"{CATALOGI}/zaaktypen"),
        (get(f"{CATALOGI}/zaaktypen", crs=None, status="alles"),),
    ),
    Kind(
        "statustypen list",
        recorded("GET", f"{CATALOGI}/statustypen"),
        tuple(
            get(
                f"{CATALOGI}/statustypen",
                crs=None,
                zaaktype=f"{{base}}{zaaktype(name)}",
                status="alles",
            )
            for name in ("PARKEERVERGUNNING", "OMGEVINGSVERGUNNING")
        ),
    ),
    Kind(
        "resultaattypen list",
        recorded("GET", f"{CATALOGI}/resultaattypen"),
        (
            get(
                f"{CATALOGI}/resultaattypen",
                crs=None,
                zaaktype=f"{{base}}{zaaktype('BIJZONDERE-BIJSTAND')}",
                status="alles",
            ),
        ),
    ),
    Kind(
        "resultaattype detail",
        recorded("GET", f"{CATALOGI}/resultaattypen/{{uuid}}"),
        (
            get(
                f"{CATALOGI}/resultaattypen/{uid('resultaattype:BIJZONDERE-BIJSTAND:Toegekend')}",
                crs=None,
            ),
        ),
    ),
    Kind(
        "roltypen list",
        recorded("GET", f"{CATALOGI}/roltypen"),
        (
            get(
                f"{CATALOGI}/roltypen",
                crs=None,
                zaaktype=f"{{base}}{zaaktype('OMGEVINGSVERGUNNING')}",
            ),
        ),
    ),
    Kind(
        "informatieobjecttype detail",
        recorded("GET", f"{CATALOGI}/informatieobjecttypen/{{uuid}}"),
        tuple(
            get(f"{CATALOGI}/informatieobjecttypen/{uid(f'iot:{name}')}", crs=None)
            for name in ("aanvraagformulier", "besluit", "intern-advies")
        ),
    ),
    Kind(
        "informatieobjecttypen list",
        recorded("GET", f"{CATALOGI}/informatieobjecttypen"),
        (get(f"{CATALOGI}/informatieobjecttypen", crs=None),),
    ),
    Kind(
        "zaaktype-informatieobjecttypen list",
        recorded("GET", f"{CATALOGI}/zaaktype-informatieobjecttypen"),
        tuple(
            get(
                f"{CATALOGI}/zaaktype-informatieobjecttypen",
                crs=None,
                zaaktype=f"{{base}}{zaaktype(name)}",
                status="alles",
            )
            for name in ("PARKEERVERGUNNING", "OMGEVINGSVERGUNNING")
        ),
    ),
    # Documenten
    Kind(
        "document detail",
        recorded("GET", f"{DOCUMENTEN}/enkelvoudiginformatieobjecten/{{uuid}}", expand=None),
        tuple(get(document(key), crs=None) for key in DOCUMENTS),
    ),
    Kind(
        "document detail, expand=informatieobjecttype",
        recorded(
            "GET",
            f"{DOCUMENTEN}/enkelvoudiginformatieobjecten/{{uuid}}",
            expand="informatieobjecttype",
        ),
        (get(document("suzanne-bijstand-besluit"), expand="informatieobjecttype"),),
    ),
    Kind(
        "documents of a zaak",
        recorded(
            "GET",
            f"{DOCUMENTEN}/enkelvoudiginformatieobjecten",
            objectinformatieobjecten__object=PRESENT,
        ),
        tuple(
            get(
                f"{DOCUMENTEN}/enkelvoudiginformatieobjecten",
                objectinformatieobjecten__object=f"{{base}}{zaak(key)}",
            )
            for key in ("suzanne-parkeervergunning", "sierra-evenement")
        ),
    ),
    Kind(
        "objectinformatieobjecten (a plain array)",
        recorded("GET", f"{DOCUMENTEN}/objectinformatieobjecten"),
        (
            get(
                f"{DOCUMENTEN}/objectinformatieobjecten",
                object=f"{{base}}{zaak('suzanne-parkeervergunning')}",
            ),
        ),
    ),
    Kind(
        "documenten _zoek",
        recorded("POST", ZOEK),
        (
            Request(ZOEK, method="POST", json={"uuid__in": SEARCHED}),
            Request(
                ZOEK,
                method="POST",
                json={"uuid__in": SEARCHED[:1], "expand": ["informatieobjecttype"]},
            ),
            Request(
                ZOEK,
                (("expand", "informatieobjecttype"),),
                method="POST",
                json={"uuid__in": SEARCHED[:2]},
            ),
        ),
    ),
    Kind(
        "download, Accept: application/octet-stream",
        recorded(
            "GET",
            f"{DOCUMENTEN}/enkelvoudiginformatieobjecten/{{uuid}}/download",
            accept="application/octet-stream",
        ),
        tuple(
            get(f"{document(key)}/download", "application/octet-stream") for key in DOCUMENTS[:2]
        ),
    ),
    Kind(
        "download, Accept: */*",
        recorded(
            "GET", f"{DOCUMENTEN}/enkelvoudiginformatieobjecten/{{uuid}}/download", accept="*/*"
        ),
        (
            get(f"{document('suzanne-parkeer-aanvraag')}/download", "*/*"),
            get(f"{document('sierra-evenement-vergunning')}/download", "*/*", versie="1"),
        ),
    ),
    Kind(
        "download, Accept: application/json is 406",
        recorded("GET", f"{DOCUMENTEN}/enkelvoudiginformatieobjecten/{{uuid}}/download", 406),
        tuple(get(f"{document(key)}/download", "application/json") for key in DOCUMENTS[:2]),
    ),
    # Errors
    Kind(
        "zaak that does not exist: 404",
        scenario("direct-zaak-404"),
        (get(f"{ZAKEN}/zaken/{NOWHERE}"),),
        same_values=ERROR_VALUES,
    ),
    Kind(
        "zaken list without Accept-Crs: 412",
        scenario("direct-zaak-no-accept-crs-412"),
        (get(f"{ZAKEN}/zaken", crs=None, **{BSN: SUZANNE}),),
        same_values=ERROR_VALUES,
    ),
    Kind(
        "zaak detail without Accept-Crs: 412",
        scenario("direct-zaak-detail-no-accept-crs-412"),
        (get(zaak("suzanne-parkeervergunning"), crs=None),),
        same_values=ERROR_VALUES,
    ),
    Kind(
        "zaak detail with Accept-Crs EPSG:28992: 406",
        scenario("direct-zaak-accept-crs-28992-406"),
        (get(zaak("suzanne-parkeervergunning"), crs="EPSG:28992"),),
        same_values=ERROR_VALUES,
    ),
    Kind(
        "zaken list without JWT: 403",
        scenario("direct-zaken-no-jwt-403"),
        (get(f"{ZAKEN}/zaken", jwt=False, **{BSN: SUZANNE}),),
        same_values=ERROR_VALUES,
    ),
    Kind(
        "zaken list with an unknown query parameter: 400",
        scenario("direct-zaken-unknown-filter-400"),
        (
            get(
                f"{ZAKEN}/zaken",
                rol__betrokkeneIdentificatie__natuurlijkPersoon__bsn=SUZANNE,
                pageSize="2",
            ),
        ),
        same_values=ERROR_VALUES,
    ),
    Kind(
        "zaken list with an invalid filter value: 400",
        scenario("direct-zaken-invalid-filter-400", "direct-zaken-invalid-vertrouwelijkheid-400"),
        (
            get(f"{ZAKEN}/zaken", **{BSN: SUZANNE, "startdatum__gt": "gisteren"}),
            get(
                f"{ZAKEN}/zaken",
                **{BSN: SUZANNE, "maximaleVertrouwelijkheidaanduiding": "supergeheim"},
            ),
        ),
        same_values=ERROR_VALUES,
    ),
    Kind(
        "zaak detail with an invalid expand: 400",
        recorded("GET", f"{ZAKEN}/zaken/{{uuid}}", 400),
        tuple(
            get(zaak("suzanne-parkeervergunning"), expand=expand)
            for expand in (
                "bestaatniet",
                "zaaktype.statustypen",
                "status.statustype,zaakinformatieobjecten.informatieobject",
            )
        ),
        same_values=ERROR_VALUES,
    ),
    Kind(
        "zaken list, page past the end: 404",
        scenario("direct-zaken-page-99-beyond-end"),
        (get(f"{ZAKEN}/zaken", **{BSN: SIERRA, "page": "99"}),),
        same_values=ERROR_VALUES,
    ),
]


# ---------------------------------------------------------------------------------------------
# Asking the stand-in
# ---------------------------------------------------------------------------------------------


def _answer_of(url: str, status: int, headers: Mapping[str, str], content: bytes) -> Answer:
    if headers.get("Content-Type") == "application/json" and content:
        body: Any = json.loads(content)
    else:
        body = content if status >= 400 else None
    return Answer(url, status, headers, body)


def ask(backoffice: DemoBackoffice, request: Request) -> Answer:
    """The stand-in's answer over real HTTP, with the portal's credentials."""
    headers = {"Accept": request.accept}
    if request.jwt:
        headers["Authorization"] = backoffice.auth_headers(crs=False)["Authorization"]
    if request.crs:
        headers["Accept-Crs"] = request.crs
    params = [
        (name, value.replace("{base}", backoffice.base_url)) for name, value in request.params
    ]
    response = backoffice.session.request(
        request.method,
        f"{backoffice.base_url}{request.path}",
        params=params,
        json=request.json,
        headers=headers,
        timeout=10,
    )
    return _answer_of(response.url, response.status_code, response.headers, response.content)


def recorded_answers(kind: Kind) -> list[Answer]:
    answers = [Answer.recorded(exchange) for exchange in _ALL if kind.recorded(exchange)]
    if kind.where is not None:
        answers = [answer for answer in answers if kind.where(answer.body)]
    return answers


_ALL = [
    exchange
    for exchange in all_exchanges()
    if exchange.path.startswith((ZAKEN, CATALOGI, DOCUMENTEN))
]


def differences_of(kind: Kind, asker: Callable[[Request], Answer]) -> list[str]:
    """What the stand-in (asked through `asker`) does differently from Open Zaak for `kind`."""
    openzaak = recorded_answers(kind)
    assert openzaak, f"no recorded exchange for {kind}"
    standin = [asker(request) for request in kind.requests]
    if kind.where is not None:
        assert all(kind.where(answer.body) for answer in standin), "a request outside its kind"
    return answer_differences(
        openzaak, standin, same_values=kind.same_values, nullable=kind.nullable
    )


@pytest.fixture
def closed(demo_backoffice: DemoBackoffice) -> Iterator[Callable[[str], None]]:
    """Moves a seeded zaak on to its end status (with resultaat); the seed is back afterwards."""

    def close(key: str) -> None:
        while True:
            response = demo_backoffice.session.post(
                f"{demo_backoffice.base_url}/_demo/zaken/{uid(f'zaak:{key}')}/next-status",
                timeout=10,
            )
            if response.status_code == 409:
                return
            response.raise_for_status()

    yield close
    demo_backoffice.reset()


@pytest.mark.parametrize("kind", KINDS, ids=str)
def test_the_stand_in_answers_like_open_zaak(demo_backoffice, request, kind: Kind):
    if kind.closes:
        request.getfixturevalue("closed")(kind.closes)

    differences = differences_of(kind, lambda request: ask(demo_backoffice, request))

    assert differences == []


# ---------------------------------------------------------------------------------------------
# The comparison can fail: differences planted in the stand-in's code are reported exactly
# ---------------------------------------------------------------------------------------------

KIND = {kind.name: kind for kind in KINDS}


@pytest.fixture
def in_process(settings, monkeypatch) -> Callable[[Request], Answer]:
    """Asks a stand-in running in this process (Django's test client on demo.urls, with the
    back office's own middleware and a fresh seed), so its code can be patched."""
    settings.ROOT_URLCONF = "demo.urls"
    settings.MIDDLEWARE = ["demo.backoffice.middleware.ApiMiddleware"]
    settings.ALLOWED_HOSTS = ["*"]
    monkeypatch.setattr(store, "_STATE", [])
    config = store.state().config
    client, base = Client(), "http://testserver"

    def asker(request: Request) -> Answer:
        headers = {"Accept": request.accept}
        if request.jwt:
            headers["Authorization"] = f"Bearer {zgw_jwt(config.client_id, config.secret)}"
        if request.crs:
            headers["Accept-Crs"] = request.crs
        query = urlencode([(name, value.replace("{base}", base)) for name, value in request.params])
        path = f"{request.path}?{query}" if query else request.path
        response = client.generic(
            request.method,
            path,
            json.dumps(request.json) if request.json is not None else "",
            content_type="application/json",
            headers=headers,
        )
        content = b"".join(response.streaming_content) if response.streaming else response.content
        return _answer_of(f"{base}{path}", response.status_code, response.headers, content)

    return asker


def test_the_stand_in_in_process_answers_like_open_zaak_too(in_process):
    assert differences_of(KIND["zaak detail"], in_process) == []
    assert differences_of(KIND["rollen list"], in_process) == []


def plant(monkeypatch: pytest.MonkeyPatch, name: str, change: Callable[[Any], None]) -> None:
    """Let the renderer `zaken_render.<name>` change what it renders, wherever it is used."""
    original = getattr(zaken_render, name)

    def planted(*args: Any, **kwargs: Any) -> Any:
        result = original(*args, **kwargs)
        change(result)
        return result

    for module_name, module in list(sys.modules.items()):
        if module_name.startswith("demo.backoffice") and getattr(module, name, None) is original:
            monkeypatch.setattr(module, name, planted)


@pytest.mark.parametrize(
    ("kind", "function", "change", "reported"),
    [
        (
            "zaak detail",
            "zaak_json",
            lambda body: body.pop("verlenging"),
            ["$.verlenging: the stand-in leaves it out, Open Zaak never"],
        ),
        (
            "zaak detail",
            "zaak_json",
            lambda body: body.update(kleur="rood"),
            ["$.kleur: the stand-in sends it, Open Zaak never"],
        ),
        (
            "zaak detail",
            "zaak_json",
            lambda body: body.update(toelichting=None),
            ["$.toelichting: null where Open Zaak sends a value"],
        ),
        (
            "rollen list",
            "rol_json",
            lambda body: body.update(contactpersoonRol=None),
            ["$.results[].contactpersoonRol: null where Open Zaak sends a value"],
        ),
        (
            "zaak detail, detail expand, without status",
            "expanded_zaak",
            lambda body: body["_expand"].update(status=None, zaakinformatieobjecten=[]),
            [
                "$._expand.status: the stand-in sends it, Open Zaak never",
                "$._expand.zaakinformatieobjecten: the stand-in sends it, Open Zaak never",
            ],
        ),
        (
            "zaken list, list expand",
            "expanded_zaak",
            lambda body: body["_expand"].setdefault("resultaat", None),
            ["$.results[]._expand.resultaat: null where Open Zaak leaves it out"],
        ),
    ],
)
def test_a_difference_planted_in_the_renderer_is_reported(
    in_process, monkeypatch, kind, function, change, reported
):
    plant(monkeypatch, function, change)

    differences = differences_of(KIND[kind], in_process)

    assert [line.split(" (")[0] for line in differences] == reported


def test_a_header_difference_planted_in_the_stand_in_is_reported(in_process, monkeypatch):
    monkeypatch.setattr(http, "allowed_methods", lambda path: None)

    differences = differences_of(KIND["zaken list, list expand"], in_process)

    assert [line.split(":")[0] for line in differences] == ["header Allow"]
