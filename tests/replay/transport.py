"""Open Zaak as it was recorded (tests/corpus/realzgw), replayed behind requests-mock.

`Replay(requests_mock)` answers every request to the corpus hosts from the recorded exchanges
of ALL scenarios (a request recorded in any scenario may serve); nothing else is made up.

Matching: a request is answered by a recorded exchange with

* the same method and path (URL-decoded);
* the same query parameters, compared as a sorted multiset of URL-decoded (name, value) pairs
  (so their order and their percent-encoding do not matter);
* the same JSON body (compared as parsed JSON; no body matches no body);
* and where the real server's answer depends on a request header, the same header: `Accept-Crs`
  on the Zaken API (without it 412, README point 14) and `Accept` on a download (406 for
  `application/json`, point 24). Other headers (Authorization is never recorded) do not count.

Several recordings of one request: the one of the scenario being replayed (`Replay.scenario`),
else the first in corpus order. The answer is the recorded status, headers and body; a binary
body is rebuilt at its recorded length from `first64_base64`, padded with zero bytes. A page the
corpus truncated (`response_truncated`: only its first rows kept, `count`/`next` as served) is
not served as if it were whole: such a request is unanswerable, except through the rule below.

Derivation, the one rule (`_derived`), for the portal's paged zaken lists: a zaken list request
(`GET …/zaken` or `POST …/zaken/_zoek`) that was not recorded as such is answered from a
recorded `GET …/zaken` list with the same filters (every parameter except `page`, `pageSize` and
`expand`; the values of a `_zoek` body compared as the query would carry them: `false`, `a,b`),
by slicing the recorded rows for the asked page and size (Open Zaak's default size is 100):

* `count` is the recorded count; `next`/`previous` are rebuilt as Open Zaak writes them
  (absolute, parameters sorted, no `page` on the link to page 1); a page past the end is the
  recorded 404 "Ongeldige pagina." (README point 6);
* each row keeps only the `_expand` relations asked for, and only a recorded list whose
  `expand` was a superset of the asked one may serve;
* a truncated recording (`response_truncated`) holds only its first rows: a page that starts
  within them is served with the rows held and the recorded `count` (marked `partial`); a page
  that starts beyond them is unanswerable;
* another `ordering` may be served only from a recording that holds the whole query (its rows
  are then sorted as asked; the dashboard asks for the most recently closed zaak that way).

Three more rules, each a fact about Open Zaak rather than an invention:

* Catalogi lists default to `status=definitief` (Catalogi 1.3.1, the `status` parameter), so a
  Catalogi list request without `status` is the same request as one with `status=definitief`.
* A detail GET (`…/<collection>/<uuid>`, no query) that was not recorded as such is answered
  with the resource's JSON wherever the corpus holds it whole: a detail answer, a list row or an
  object inside `_expand` (Open Zaak serialises them alike; `_expand` is left out, as a plain
  detail has none), with the headers of a recorded detail answer of the same API.
* A truncated list other than the zaken list (statustypen of a zaaktype, statussen of a zaak, …)
  is completed from those whole resources when they hold exactly `count` rows matching its
  filters (in the order of `ORDERINGS`); a list that cannot be completed is served with the rows
  it holds and its `count` set to them, and the answer is marked `partial` (the page then shows
  fewer steps than the real one; the tests say which scenarios get a partial list).

And a fifth: a `POST …/zaken/_zoek` by `uuid__in` is answered with those zaken as the corpus
holds them with the asked relations embedded (`_by_uuid`).

Unanswerable requests are collected in `unanswered` (printed by `assert_all_answered`) and the
call fails as a connection error, so the page goes on and every missing request shows; the
test then fails. Nothing is ever answered with an invented 404.
"""

import base64
import functools
import json
import re
import threading
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

import requests
from requests_mock import create_response

from tests.corpus import OPENNOTIFICATIES, OPENZAAK, Exchange, exchanges, scenario_names

HOSTS = (OPENZAAK, OPENNOTIFICATIES)
ZAKEN_LIST = "/zaken/api/v1/zaken"
ZAKEN_ZOEK = "/zaken/api/v1/zaken/_zoek"
PAGING = frozenset({"page", "pageSize", "expand"})
DEFAULT_PAGE_SIZE = 100  # Open Zaak's (README point 6)

Query = tuple[tuple[str, str], ...]

CATALOGI_LIST = re.compile(r"^/catalogi/api/v1/[a-z-]+$")
DETAIL = re.compile(r"^/(?:zaken|catalogi|documenten)/api/v1/[a-z-]+/[0-9a-f-]{36}$")
# How Open Zaak orders the lists a page may need completed (its default orderings).
ORDERINGS: dict[str, tuple[str, bool]] = {
    "/catalogi/api/v1/statustypen": ("volgnummer", False),
    "/catalogi/api/v1/resultaattypen": ("url", False),
    "/zaken/api/v1/statussen": ("datumStatusGezet", True),
    "/zaken/api/v1/rollen": ("url", False),
}


class Unanswerable(requests.exceptions.ConnectionError):
    """A request the corpus cannot answer: the portal sees a failed call, the test fails."""


def _query(query_string: str) -> Query:
    return tuple(sorted(parse_qsl(query_string, keep_blank_values=True)))


def _canonical(body: Any) -> str:
    return "" if body is None else json.dumps(body, sort_keys=True, separators=(",", ":"))


def _as_query_value(value: Any) -> str:
    """A `_zoek` body value as a query parameter carries it (`false`, `a,b`)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(map(_as_query_value, value))
    return str(value)


@dataclass(frozen=True)
class Request:
    """A request as the replay compares it: decoded path, sorted query, parsed JSON body."""

    method: str
    path: str
    query: Query
    body: Any
    accept: str | None = None
    accept_crs: str | None = None

    @property
    def key(self) -> tuple[str, str, Query, str]:
        return (self.method, self.path, self.query, _canonical(self.body))

    def describe(self) -> str:
        query = "&".join(f"{name}={value}" for name, value in self.query)
        body = f" body={_canonical(self.body)}" if self.body is not None else ""
        headers = f" [Accept: {self.accept}; Accept-Crs: {self.accept_crs}]"
        return f"{self.method} {self.path}{'?' + query if query else ''}{body}{headers}"

    # --- The zaken list rule ----------------------------------------------------------------

    def list_filters(self) -> Query | None:
        """The filters of a zaken list request (None for anything else)."""
        pairs = [(name, value) for name, value in self.query if name not in PAGING]
        if self.method == "GET" and self.path == ZAKEN_LIST:
            return tuple(sorted(pairs))
        if self.method == "POST" and self.path == ZAKEN_ZOEK and isinstance(self.body, dict):
            pairs += [
                (name, _as_query_value(value))
                for name, value in self.body.items()
                if name not in PAGING
            ]
            return tuple(sorted(pairs))
        return None

    def paging(self) -> tuple[int, int, frozenset[str]]:
        """(page, pageSize, expand paths), from the query or else a `_zoek` body."""
        values: dict[str, Any] = dict(self.query)
        if isinstance(self.body, dict):
            values = {**{k: v for k, v in self.body.items() if k in PAGING}, **values}
        expand = values.get("expand") or ""
        paths = expand if isinstance(expand, list) else str(expand).split(",")
        return (
            int(values.get("page", 1)),
            int(values.get("pageSize", DEFAULT_PAGE_SIZE)),
            frozenset(path for path in paths if path),
        )

    @classmethod
    def of(cls, method: str, path_and_query: str, body: Any, headers: dict[str, str]) -> "Request":
        parts = urlsplit(path_and_query)
        lowered = {name.lower(): value for name, value in headers.items()}
        path = unquote(parts.path)
        query = _query(parts.query)
        if CATALOGI_LIST.match(path) and "status" not in dict(query):
            query = tuple(sorted((*query, ("status", "definitief"))))
        return cls(
            method=method.upper(),
            path=path,
            query=query,
            body=body,
            accept=lowered.get("accept"),
            accept_crs=lowered.get("accept-crs"),
        )


@dataclass(frozen=True)
class Recorded:
    source: str  # scenario#index
    request: Request
    exchange: Exchange


@dataclass(frozen=True)
class RecordedList:
    """A recorded zaken list page: which rows of the whole query it holds."""

    recorded: Recorded
    filters: Query
    expand: frozenset[str]
    offset: int  # index of its first row in the whole query
    rows: tuple[dict[str, Any], ...]  # the rows kept (a truncated page keeps its first ones)
    count: int
    truncated: bool

    @property
    def complete(self) -> bool:
        """Every row of the whole query is held (so it may be sorted another way)."""
        return self.offset == 0 and len(self.rows) == self.count


@dataclass(frozen=True)
class Answer:
    status: int
    headers: dict[str, str]
    content: bytes
    source: str
    json: Any = None  # the JSON served, for the tests' expectations
    partial: bool = False  # a truncated list served with only the rows the corpus holds


@dataclass(frozen=True)
class Corpus:
    """Every recorded exchange, indexed for the replay (built once per test session)."""

    exact: dict[tuple[str, str, Query, str], list[Recorded]]
    lists: list[RecordedList]
    past_the_end: Recorded | None  # Open Zaak's 404 for a page past the end
    resources: dict[str, dict[str, Any]]  # path → a whole resource, wherever it was seen
    expanded_zaken: dict[str, dict[str, Any]]  # zaak path → the zaak with the most `_expand`
    detail_headers: dict[str, dict[str, str]]  # API root path → headers of a detail answer


def _request_body(exchange: Exchange) -> Any:
    body = exchange.request_body
    return body.get("json") if isinstance(body, dict) else None


@functools.cache
def corpus() -> Corpus:
    exact: dict[tuple[str, str, Query, str], list[Recorded]] = {}
    lists: list[RecordedList] = []
    past_the_end: Recorded | None = None
    resources: dict[str, dict[str, Any]] = {}
    expanded_zaken: dict[str, dict[str, Any]] = {}
    detail_headers: dict[str, dict[str, str]] = {}
    for name in scenario_names():
        for index, exchange in enumerate(exchanges(name)):
            request = Request.of(
                exchange.method, exchange.path, _request_body(exchange), exchange.request_headers
            )
            recorded = Recorded(f"{name}#{index}", request, exchange)
            exact.setdefault(request.key, []).append(recorded)
            if exchange.status == 200 and isinstance(exchange.json, (dict, list)):
                _collect(exchange.json, resources)
                _collect_zaken(exchange.json, expanded_zaken)
                if DETAIL.match(request.path) and not request.query:
                    detail_headers.setdefault(_api_root(request.path), exchange.headers)
            if request.method != "GET" or request.path != ZAKEN_LIST:
                continue
            if exchange.status == 404 and past_the_end is None:
                past_the_end = recorded
            listed = _recorded_list(recorded)
            if listed is not None and not any(_same(listed, other) for other in lists):
                lists.append(listed)
    return Corpus(
        exact=exact,
        lists=lists,
        past_the_end=past_the_end,
        resources=resources,
        expanded_zaken=expanded_zaken,
        detail_headers=detail_headers,
    )


def _collect_zaken(data: Any, zaken: dict[str, dict[str, Any]]) -> None:
    """Every zaak in an answer with its `_expand`, keeping the one that embeds the most."""
    rows = data.get("results") if isinstance(data, dict) and "results" in data else [data]
    for row in rows if isinstance(rows, list) else []:
        url = row.get("url") if isinstance(row, dict) else None
        if not isinstance(url, str) or "/zaken/api/v1/zaken/" not in url:
            continue
        path = urlsplit(url).path
        known = zaken.get(path, {}).get("_expand") or {}
        if path not in zaken or len(row.get("_expand") or {}) > len(known):
            zaken[path] = row


def _api_root(path: str) -> str:
    return "/".join(path.split("/")[:4])


def _collect(data: Any, resources: dict[str, dict[str, Any]]) -> None:
    """Every whole resource in an answer (list rows and `_expand` objects too), by path."""
    if isinstance(data, list):
        for item in data:
            _collect(item, resources)
        return
    if not isinstance(data, dict):
        return
    for value in data.values():
        if isinstance(value, (dict, list)):
            _collect(value, resources)
    url = data.get("url")
    if isinstance(url, str) and url.startswith(OPENZAAK):
        path = urlsplit(url).path
        if DETAIL.match(path):
            resources.setdefault(path, {k: v for k, v in data.items() if k != "_expand"})


def _recorded_list(recorded: Recorded) -> RecordedList | None:
    data = recorded.exchange.json
    if recorded.exchange.status != 200 or not isinstance(data, dict):
        return None
    filters = recorded.request.list_filters()
    assert filters is not None
    page, size, expand = recorded.request.paging()
    return RecordedList(
        recorded=recorded,
        filters=filters,
        expand=expand,
        offset=(page - 1) * size,
        rows=tuple(data["results"]),
        count=data["count"],
        truncated=recorded.exchange.truncated is not None,
    )


def _same(one: RecordedList, other: RecordedList) -> bool:
    """The same list recorded again (in another scenario): one is enough."""
    return (one.filters, one.expand, one.offset, one.count, one.rows) == (
        other.filters,
        other.expand,
        other.offset,
        other.count,
        other.rows,
    )


def _binary(body: dict[str, Any]) -> bytes:
    """The recorded bytes' start, padded with zero bytes to the recorded length."""
    start = base64.b64decode(body["first64_base64"])
    length = int(body["length"])
    assert len(start) <= length
    return start + bytes(length - len(start))


def _content(body: Any) -> tuple[bytes, Any]:
    if not body:
        return b"", None
    if "json" in body:
        return json.dumps(body["json"]).encode(), body["json"]
    if "text" in body:
        return str(body["text"]).encode(), None
    if "binary" in body:
        return _binary(body["binary"]), None
    raise AssertionError(f"unknown recorded body {sorted(body)}")


def _headers(recorded: dict[str, str], content: bytes) -> dict[str, str]:
    headers = {name: value for name, value in recorded.items() if name != "Content-Length"}
    headers["Content-Length"] = str(len(content))
    return headers


def _pruned(resource: dict[str, Any], paths: frozenset[str]) -> dict[str, Any]:
    """The resource with only the `_expand` relations in `paths` (dotted, nested too); an
    `_expand` left empty is left out, as Open Zaak leaves it out."""
    result = {name: value for name, value in resource.items() if name != "_expand"}
    expanded = resource.get("_expand")
    if not isinstance(expanded, dict):
        return result
    kept: dict[str, Any] = {}
    for name, value in expanded.items():
        if name not in {path.split(".", 1)[0] for path in paths}:
            continue
        inner = frozenset(path.split(".", 1)[1] for path in paths if path.startswith(name + "."))
        if isinstance(value, list):
            kept[name] = [
                _pruned(item, inner) if isinstance(item, dict) else item for item in value
            ]
        else:
            kept[name] = _pruned(value, inner) if isinstance(value, dict) else value
    if kept:
        result["_expand"] = kept
    return result


@dataclass
class Replay:
    """The requests-mock matcher; `scenario` is the scenario being replayed (preferred)."""

    mocker: Any
    scenario: str = ""
    unanswered: list[str] = field(default_factory=list)
    served: list[tuple[Request, Answer]] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        self.corpus = corpus()
        self.mocker.add_matcher(self._match)

    def assert_all_answered(self) -> None:
        assert not self.unanswered, "requests the corpus cannot answer:\n" + "\n".join(
            self.unanswered
        )

    def served_lists(self) -> list[tuple[Request, Answer]]:
        """The zaken list requests answered, in order, with what they got."""
        return [(sent, answer) for sent, answer in self.served if sent.list_filters() is not None]

    def recorded_json(self, method: str, url: str, body: Any = None) -> Any:
        """The recorded JSON answer to exactly this request (headers aside), else None."""
        parts = urlsplit(url)
        key = Request.of(method, f"{parts.path}?{parts.query}", body, {}).key
        found = [r for r in self.corpus.exact.get(key, []) if r.exchange.status < 300]
        return found[0].exchange.json if found else None

    # --- Answering ------------------------------------------------------------------------------

    def _match(self, prepared: requests.PreparedRequest) -> requests.Response:
        url = prepared.url or ""
        parts = urlsplit(url)
        body = prepared.body
        request = Request.of(
            prepared.method or "GET",
            f"{parts.path}?{parts.query}",
            json.loads(body) if body else None,
            dict(prepared.headers),
        )
        answer, reason = (
            (None, f"not a corpus host ({url.split('?')[0]})")
            if f"{parts.scheme}://{parts.netloc}" not in HOSTS
            else self._answer(request)
        )
        with self._lock:
            if answer is None:
                self.unanswered.append(f"{request.describe()}\n    -> {reason}")
            else:
                self.served.append((request, answer))
        if answer is None:
            raise Unanswerable(f"the corpus cannot answer {request.describe()}")
        return create_response(
            prepared, status_code=answer.status, headers=answer.headers, content=answer.content
        )

    def _answer(self, request: Request) -> tuple[Answer | None, str]:
        candidates = [
            recorded
            for recorded in self.corpus.exact.get(request.key, [])
            if _agrees(recorded.request, request)
        ]
        whole = [recorded for recorded in candidates if recorded.exchange.truncated is None]
        if candidates and not whole:
            if request.list_filters() is None:
                return self._completed(request, candidates[0]), ""
            cut = candidates[0].exchange.truncated or {}
            kept, rows = cut.get("results_kept"), cut.get("results_in_page")
            return None, f"recorded only truncated ({kept} of the {rows} rows of the page kept)"
        if whole:
            ours = [r for r in whole if r.source.startswith(self.scenario + "#")]
            recorded = (ours or whole)[0]
            content, data = _content(recorded.exchange.body)
            headers = _headers(recorded.exchange.headers, content)
            return Answer(recorded.exchange.status, headers, content, recorded.source, data), ""
        if request.key in self.corpus.exact:
            return None, "recorded only with other Accept/Accept-Crs headers"
        if (
            request.path == ZAKEN_ZOEK
            and isinstance(request.body, dict)
            and "uuid__in" in request.body
        ):
            return self._by_uuid(request)
        if request.list_filters() is not None:
            return self._derived(request)
        if request.method == "GET" and not request.query and request.path in self.corpus.resources:
            data = self.corpus.resources[request.path]
            content = json.dumps(data).encode()
            recorded_headers = self.corpus.detail_headers.get(_api_root(request.path), {})
            headers = _headers(recorded_headers, content)
            return Answer(200, headers, content, "a whole resource seen in the corpus", data), ""
        return None, "not recorded"

    def _completed(self, request: Request, recorded: Recorded) -> Answer:
        """A truncated list, completed from the corpus's whole resources when they hold all of
        its rows, else served with the rows it holds (marked partial)."""
        data = dict(recorded.exchange.json)
        filters = {name: value for name, value in request.query if name not in ("status", "page")}
        prefix = request.path + "/"
        matching = [
            resource
            for path, resource in self.corpus.resources.items()
            if path.startswith(prefix)
            and all(str(resource.get(name)) == value for name, value in filters.items())
        ]
        field_name, descending = ORDERINGS.get(request.path, ("url", False))
        partial = len(matching) != data["count"] or data.get("next") is not None
        rows = (
            list(data["results"])
            if partial
            else sorted(matching, key=lambda row: str(row.get(field_name)), reverse=descending)
        )
        data.update(count=len(rows), next=None, results=rows)
        content = json.dumps(data).encode()
        headers = _headers(recorded.exchange.headers, content)
        source = f"{'partial' if partial else 'completed'}: {recorded.source}"
        return Answer(200, headers, content, source, data, partial=partial)

    def _by_uuid(self, request: Request) -> tuple[Answer | None, str]:
        """Rule five: a `_zoek` by `uuid__in` (the portal asks its rows' status or resultaat
        that way) is answered with those zaken as the corpus holds them with the relations
        asked embedded; a zaak it holds without them is unanswerable. The other filters of the
        search (the person, the maximum) held for every row when it was recorded."""
        _page, _size, expand = request.paging()
        rows = []
        for uuid in request.body["uuid__in"]:
            zaak = self.corpus.expanded_zaken.get(f"/zaken/api/v1/zaken/{uuid}")
            embedded = set((zaak or {}).get("_expand") or {})
            wanted = {path.split(".", 1)[0] for path in expand}
            needed = {name for name in wanted if (zaak or {}).get(name)}  # a null one: nothing
            if zaak is None or not needed <= embedded:
                return None, f"zaak {uuid} not held with {','.join(sorted(expand))} embedded"
            rows.append(_pruned(zaak, expand))
        data = {"count": len(rows), "next": None, "previous": None, "results": rows}
        content = json.dumps(data).encode()
        recorded = next(iter(self.corpus.lists)).recorded
        headers = _headers(recorded.exchange.headers, content)
        return Answer(200, headers, content, "zaken held whole, by uuid", data), ""

    def _derived(self, request: Request) -> tuple[Answer | None, str]:
        """The zaken list rule (see the module docstring)."""
        filters = request.list_filters() or ()
        page, size, expand = request.paging()
        ordering = dict(filters).get("ordering", "")
        same = [
            listed
            for listed in self.corpus.lists
            if _unordered(listed.filters) == _unordered(filters)
            and _agrees(listed.recorded.request, request)
            and (listed.filters == filters or listed.complete)
        ]
        if not same:
            return None, "no recorded zaken list with these filters"
        same.sort(key=lambda listed: not listed.recorded.source.startswith(self.scenario + "#"))
        reasons = []
        start = (page - 1) * size
        for listed in same:
            source = listed.recorded.source
            if not expand <= listed.expand:
                reasons.append(
                    f"{source} was recorded with expand={','.join(sorted(listed.expand))}"
                )
                continue
            if page > 1 and start >= listed.count and self.corpus.past_the_end is not None:
                recorded = self.corpus.past_the_end
                content, data = _content(recorded.exchange.body)
                headers = _headers(recorded.exchange.headers, content)
                return Answer(404, headers, content, f"past the end of {source}", data), ""
            end = min(start + size, listed.count)
            held = listed.offset + len(listed.rows)
            empty = listed.count == 0 and page == 1  # nothing to hold: the empty page
            beyond = end > held and not listed.truncated  # another recording may hold them
            if not empty and (start < listed.offset or start >= held or beyond):
                reasons.append(
                    f"{source} holds rows {listed.offset + 1}-{held} of {listed.count}"
                    f"{' (truncated)' if listed.truncated else ''}, rows {start + 1}-{end} asked"
                )
                continue
            partial = end > held  # a truncated recording: the rows it holds, the real count
            rows_held = (
                listed.rows if listed.filters == filters else _reordered(listed.rows, ordering)
            )
            rows = [
                _pruned(row, expand)
                for row in rows_held[start - listed.offset : min(end, held) - listed.offset]
            ]
            data = {
                "count": listed.count,
                "next": _link(request, page + 1) if end < listed.count else None,
                "previous": _link(request, page - 1) if page > 1 else None,
                "results": rows,
            }
            content = json.dumps(data).encode()
            headers = _headers(listed.recorded.exchange.headers, content)
            how = "partly sliced" if partial else "sliced"
            return Answer(200, headers, content, f"{how} from {source}", data, partial), ""
        return None, "zaken list not derivable: " + "; ".join(reasons)


def _unordered(filters: Query) -> Query:
    return tuple(pair for pair in filters if pair[0] != "ordering")


def _reordered(rows: tuple[dict[str, Any], ...], ordering: str) -> tuple[dict[str, Any], ...]:
    """A complete recorded list sorted as asked (`-einddatum`, say); nulls last, as Open Zaak."""
    name = ordering.lstrip("-")
    descending = ordering.startswith("-")
    present = sorted(
        (row for row in rows if row.get(name) is not None),
        key=lambda row: str(row[name]),
        reverse=descending,
    )
    return (*present, *(row for row in rows if row.get(name) is None))


def _agrees(recorded: Request, sent: Request) -> bool:
    """The request headers the real server's answer depends on are the same."""
    if sent.path.startswith("/zaken/api/") and recorded.accept_crs != sent.accept_crs:
        return False
    return not (sent.path.endswith("/download") and recorded.accept != sent.accept)


def _link(request: Request, page: int) -> str:
    """A `next`/`previous` link as Open Zaak writes it."""
    params = sorted(
        [(name, value) for name, value in request.query if name != "page"]
        + ([("page", str(page))] if page > 1 else [])
    )
    return f"{OPENZAAK}{request.path}" + (f"?{urlencode(params)}" if params else "")
