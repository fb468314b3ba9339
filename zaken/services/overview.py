"""The overview of a person's zaken and the dashboard summary: what the page shows, no more.

The back office pages, sorts and counts (`page`, `pageSize`, `ordering`, `count`), so the
upstream work of a page does not grow with the number of zaken a person has (issue 9; on real
Open Zaak an `expand` costs ~50 ms per zaak, so expanding every zaak of a list took seconds).
Dependent round trips of a list page: (0) the catalogus's zaaktypen, which decide the query
(cached); (1) the page shown, with its rollen so every row is checked against the person,
beside the count of the other half; (2) the status (open) or result (closed) of the rows on
the page, beside the statustypen or resultaattypen of their zaaktypen (catalogi, cached);
(3) only for a type no list held. At most PAGE_SIZE + 5 calls, whatever the number of zaken.

Deviation (docs/standards.md): the counts are the back office's. A zaak without a status yet
(hidden unless SHOW_ZAKEN_WITHOUT_STATUS) cannot be filtered out by the Zaken API; a row the
page leaves out is taken off its count, but one on another page (or in the other half) is
counted for the moment it is being created.
"""

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from math import ceil

from mijnomgeving.accounts.identity import Identity
from mijnomgeving.clients.actor import Actor
from mijnomgeving.clients.base import UpstreamError, UpstreamNotFound, parallel_map
from mijnomgeving.clients.catalogi_resources import ResultaatType, StatusType, ZaakType
from mijnomgeving.clients.vertrouwelijkheid import Vertrouwelijkheid
from mijnomgeving.clients.zaken import ZakenPage, person_filters
from mijnomgeving.clients.zaken_resources import Resultaat, Status, Zaak
from mijnomgeving.clients.zgw import ZgwClients
from zaken.configuration import TypeSettings
from zaken.labels import resultaat_label, status_label, zaaktype_label
from zaken.models import StatusChange
from zaken.viewmodels import (
    LatestChange,
    ZaakStatusFilter,
    ZaakSummary,
    ZakenOverview,
    ZakenSummary,
)
from zaken.visibility import VisibilityPolicy, visibility_policy

from .changes import recorded_change_for
from .common import clients_for, expected_date, has_rol, use_expand

logger = logging.getLogger("mijnomgeving.zaken")

PAGE_SIZE = 10
# Open Zaak's largest pageSize; only reached when the administrator set different maxima
# per zaaktype and the resident pages far (the queries are then merged here).
MAX_PAGE_SIZE = 500
# The open zaken the dashboard looks at for the latest change: the most recently started.
DASHBOARD_CANDIDATES = 8
# What a row on the page carries with expand: its rollen, to check it against the person
# (~8 ms per zaak on Open Zaak; the status and zaaktype come cheaper from rounds 2 and 0).
ROW_EXPAND = ("rollen",)


@dataclass(frozen=True, slots=True)
class ZaakQuery:
    """One query for the person's visible zaken: up to `maximum`, of `zaaktypen` (None: any
    zaaktype; the visibility rules are then checked per row)."""

    maximum: Vertrouwelijkheid
    zaaktypen: tuple[str, ...] | None


@dataclass(frozen=True, slots=True)
class Rows:
    """The zaken shown, how many the shown half and the other half hold, and the page."""

    zaken: tuple[Zaak, ...]
    count: int
    other_count: int
    page: int


def zaken_list_for(
    *, identity: Identity, status: ZaakStatusFilter, page: int, actor: Actor | None = None
) -> ZakenOverview:
    """One page (PAGE_SIZE, newest first) of the person's visible open or closed zaken.

    Open zaken show their status and expected date, closed ones their result and end date.
    A page number past the end gives the last page, one below 1 the first. Raises
    UpstreamError when the zaken or their zaaktypen cannot be fetched (nothing honest can be
    shown then); a status or resultaat that fails is a marked gap in its row.
    """
    clients = clients_for(identity, actor)
    policy = visibility_policy()
    catalogus = {zaaktype.url: zaaktype for zaaktype in clients.catalogi.zaaktypen()}
    queries = zaak_queries(list(catalogus.values()), policy)
    closed = status == "closed"
    rows = _rows(clients, identity, queries, closed=closed, page=max(page, 1))
    zaaktypen = _zaaktypen(clients, catalogus, rows.zaken)
    shown = _checked(identity, policy, rows.zaken, zaaktypen)
    summaries = summarize(
        clients, shown, zaaktypen, policy.types, with_status=not closed, with_resultaat=closed
    )
    count = rows.count - (len(rows.zaken) - len(shown))  # what the page left out, uncounted
    open_count, closed_count = (rows.other_count, count) if closed else (count, rows.other_count)
    return ZakenOverview(
        status=status,
        zaken=tuple(summaries),
        open_count=open_count,
        closed_count=closed_count,
        page=rows.page,
        num_pages=max(1, ceil(rows.count / PAGE_SIZE)),  # the back office pages by its count
    )


def zaken_summary_for(*, identity: Identity, actor: Actor | None = None) -> ZakenSummary:
    """The number of open zaken and the most recent status change, in calls that do not grow
    with the number of zaken: among the DASHBOARD_CANDIDATES most recently started open zaken
    and the most recently closed one (whose last change is its end status, zrc-007), and the
    newest change a notification brought (StatusChange), which may be on an older zaak.

    A change to an older zaak from before the portal's subscription is not seen here; the
    overview shows every status.
    """
    clients = clients_for(identity, actor)
    policy = visibility_policy()
    catalogus = {zaaktype.url: zaaktype for zaaktype in clients.catalogi.zaaktypen()}
    queries = zaak_queries(list(catalogus.values()), policy)
    person = _person(identity)
    expand = ROW_EXPAND if use_expand() else ()
    open_calls = [
        partial(
            _page_of,
            clients,
            person,
            query,
            closed=False,
            size=DASHBOARD_CANDIDATES,
            expand=expand,
        )
        for query in queries
    ]
    closed_calls = [
        partial(
            _page_of,
            clients,
            person,
            query,
            closed=True,
            size=1,
            ordering="-einddatum",
            expand=expand,
        )
        for query in queries
    ]
    pages = _all(parallel_map(_call, [*open_calls, *closed_calls], return_exceptions=True))
    open_pages, closed_pages = pages[: len(queries)], pages[len(queries) :]
    newest_open = _merged(open_pages, DASHBOARD_CANDIDATES)
    last_closed = sorted(
        (zaak for page in closed_pages for zaak in page.zaken),
        key=lambda zaak: zaak.einddatum or zaak.startdatum,
        reverse=True,
    )[:1]
    candidates = [*newest_open, *last_closed]
    zaaktypen = _zaaktypen(clients, catalogus, candidates)
    shown = _checked(identity, policy, candidates, zaaktypen)
    left_out = sum(1 for zaak in newest_open if zaak not in shown)
    summaries = summarize(
        clients, shown, zaaktypen, policy.types, with_status=True, with_resultaat=False
    )
    changed = [s for s in summaries if s.status_set_at is not None and s.has_status]
    latest = max(changed, key=lambda summary: summary.status_set_at or 0, default=None)
    latest_change = (
        LatestChange(
            zaak_uuid=latest.uuid,
            zaak_title=latest.title,
            identificatie=latest.identificatie,
            status_label=latest.status_label,
            datum=latest.status_set_at,
        )
        if latest is not None and latest.status_set_at is not None
        else None
    )
    recorded = recorded_change_for(identity, after=latest_change.datum if latest_change else None)
    if recorded is not None and recorded.zaak_url not in {zaak.url for zaak in candidates}:
        latest_change = (
            _recorded_change(clients, identity, policy, catalogus, recorded) or latest_change
        )
    return ZakenSummary(
        open_count=sum(page.count for page in open_pages) - left_out,
        latest_change=latest_change,
    )


def _recorded_change(
    clients: ZgwClients,
    identity: Identity,
    policy: VisibilityPolicy,
    catalogus: dict[str, ZaakType],
    recorded: StatusChange,
) -> LatestChange | None:
    """The change a notification brought to a zaak outside the dashboard's candidates, if
    that zaak is still the person's, visible and at that status; else None (the candidates'
    answer stands, also when the back office fails here)."""
    try:
        expand = ROW_EXPAND if use_expand() else ()
        fetches: list[Callable[[], Zaak | StatusType]] = [
            partial(clients.zaken.zaak, recorded.zaak_url, expand=expand),
            partial(clients.catalogi.statustype, recorded.statustype_url),
        ]
        zaak, statustype = parallel_map(_call_any, fetches)
        assert isinstance(zaak, Zaak) and isinstance(statustype, StatusType)
        rollen = zaak.expanded_rollen
        if rollen is None:
            rollen = tuple(clients.zaken.rollen(zaak.url))
        zaaktype = _zaaktypen(clients, catalogus, [zaak])[zaak.zaaktype]
    except UpstreamError:
        return None
    if (
        zaak.status != recorded.status_url
        or not has_rol(identity, rollen)
        or not policy.zaak_visible(zaak, zaaktype)
    ):
        return None
    return LatestChange(
        zaak_uuid=zaak.uuid,
        zaak_title=zaak.omschrijving or zaaktype_label(zaaktype, policy.types),
        identificatie=zaak.identificatie,
        status_label=status_label(statustype, zaaktype, policy.types),
        datum=recorded.datum_status_gezet,
    )


def zaak_queries(catalogus: Sequence[ZaakType], policy: VisibilityPolicy) -> list[ZaakQuery]:
    """The queries that find exactly the person's visible zaken, so the back office's count
    is the number shown: one plain query when every zaaktype is shown with the same maximum
    (the usual case), else one `zaaktype__in` search per maximum."""
    if not catalogus:
        return [ZaakQuery(policy.max_zaak_vertrouwelijkheid, None)]
    groups: dict[Vertrouwelijkheid, list[str]] = {}
    for zaaktype in catalogus:
        if policy.zaaktype_shown(zaaktype):
            groups.setdefault(policy.zaaktype_maximum(zaaktype), []).append(zaaktype.url)
    if len(groups) == 1 and len(next(iter(groups.values()))) == len(catalogus):
        return [ZaakQuery(next(iter(groups)), None)]
    return [
        ZaakQuery(maximum, tuple(sorted(urls)))
        for maximum, urls in sorted(groups.items(), key=lambda item: item[0].rank)
    ]


def _person(identity: Identity) -> dict[str, str]:
    return person_filters(bsn=identity.bsn or "", kvk=identity.kvk or "")


def _page_of(
    clients: ZgwClients,
    person: dict[str, str],
    query: ZaakQuery,
    *,
    closed: bool,
    size: int,
    page: int = 1,
    ordering: str = "-startdatum",
    expand: Sequence[str] = (),
) -> ZakenPage:
    return clients.zaken.zaken_page(
        person,
        max_vertrouwelijkheid=query.maximum,
        zaaktypen=query.zaaktypen,
        closed=closed,
        ordering=ordering,
        page=page,
        page_size=size,
        expand=expand,
    )


def _rows(
    clients: ZgwClients, identity: Identity, queries: list[ZaakQuery], *, closed: bool, page: int
) -> Rows:
    """Round 1: the page shown and the count of the other half, at once. With several
    queries their first page*PAGE_SIZE zaken are merged here (rare: see zaak_queries)."""
    if not queries:  # the administrator hides every zaaktype
        return Rows(zaken=(), count=0, other_count=0, page=1)
    person = _person(identity)
    expand = ROW_EXPAND if use_expand() else ()
    single = len(queries) == 1
    size = PAGE_SIZE if single else min(page * PAGE_SIZE, MAX_PAGE_SIZE)
    shown_calls = [
        partial(
            _page_of,
            clients,
            person,
            query,
            closed=closed,
            size=size,
            page=page if single else 1,
            expand=expand,
        )
        for query in queries
    ]
    count_calls = [
        partial(_page_of, clients, person, query, closed=not closed, size=1) for query in queries
    ]
    outcomes = parallel_map(_call, [*shown_calls, *count_calls], return_exceptions=True)
    shown, counted = outcomes[: len(queries)], _all(outcomes[len(queries) :])
    other_count = sum(found.count for found in counted)
    if single and isinstance(shown[0], UpstreamNotFound) and page > 1:
        return _last_page(clients, person, queries[0], closed, expand, other_count)
    pages = _all(shown)
    count = sum(found.count for found in pages)
    if single:
        return Rows(pages[0].zaken, count, other_count, page)
    last = max(1, ceil(count / PAGE_SIZE))
    page = min(page, last)
    merged = _merged(pages, page * PAGE_SIZE)
    return Rows(tuple(merged[(page - 1) * PAGE_SIZE :]), count, other_count, page)


def _last_page(
    clients: ZgwClients,
    person: dict[str, str],
    query: ZaakQuery,
    closed: bool,
    expand: Sequence[str],
    other_count: int,
) -> Rows:
    """A page number past the end (Open Zaak answers 404): the last page instead."""
    first = _page_of(clients, person, query, closed=closed, size=PAGE_SIZE, expand=expand)
    last = max(1, ceil(first.count / PAGE_SIZE))
    if last == 1:
        return Rows(first.zaken, first.count, other_count, 1)
    found = _page_of(
        clients, person, query, closed=closed, size=PAGE_SIZE, page=last, expand=expand
    )
    return Rows(found.zaken, found.count, other_count, last)


def _call(call: Callable[[], ZakenPage]) -> ZakenPage:
    return call()


def _call_any(call: Callable[[], Zaak | StatusType]) -> Zaak | StatusType:
    return call()


def _all(outcomes: Sequence[ZakenPage | BaseException]) -> list[ZakenPage]:
    """Every page, or the first failure raised: a list without its zaken is an outage."""
    for outcome in outcomes:
        if isinstance(outcome, BaseException):
            raise outcome
    return [outcome for outcome in outcomes if isinstance(outcome, ZakenPage)]


def _merged(pages: Sequence[ZakenPage], limit: int) -> list[Zaak]:
    zaken = [zaak for page in pages for zaak in page.zaken]
    zaken.sort(key=lambda zaak: zaak.startdatum, reverse=True)
    return zaken[:limit]


def _zaaktypen(
    clients: ZgwClients, catalogus: dict[str, ZaakType], zaken: Sequence[Zaak]
) -> dict[str, ZaakType]:
    """The zaaktype of every zaak: from the catalogus listing, else fetched (cached)."""
    missing = {zaak.zaaktype for zaak in zaken} - catalogus.keys()
    fetched = clients.catalogi.zaaktypen_by_url(missing) if missing else {}
    return {**catalogus, **fetched}


def _checked(
    identity: Identity,
    policy: VisibilityPolicy,
    zaken: Sequence[Zaak],
    zaaktypen: dict[str, ZaakType],
) -> list[Zaak]:
    """The rows the person may see: a rol for them when the rollen came along (a back office
    that ignores the betrokkene filter must not show someone else's case, STANDARDS §3.2
    rule 4), and every visibility rule (a zaak without status yet; a zaaktype from outside
    the catalogus)."""
    shown = [
        zaak
        for zaak in zaken
        if (zaak.expanded_rollen is None or has_rol(identity, zaak.expanded_rollen))
        and policy.zaak_visible(zaak, zaaktypen[zaak.zaaktype])
    ]
    if any(zaak.expanded_rollen is not None and zaak not in shown for zaak in zaken):
        logger.warning("zaken list: a zaak without a rol for the person dropped (filter ignored?)")
    return shown


def summarize(
    clients: ZgwClients,
    zaken: Sequence[Zaak],
    zaaktypen: dict[str, ZaakType],
    types: TypeSettings | None,
    *,
    with_status: bool,
    with_resultaat: bool,
) -> list[ZaakSummary]:
    """A ZaakSummary per zaak: round 2 fetches the statussen (or resultaten) of these zaken
    beside the statustypen (or resultaattypen) of their zaaktypen; a type no list held comes
    in one more round."""
    status_urls = [zaak.status for zaak in zaken if with_status and zaak.status]
    resultaat_urls = [zaak.resultaat for zaak in zaken if with_resultaat and zaak.resultaat]
    type_of = sorted({zaak.zaaktype for zaak in zaken})
    found = _Fetched(clients)
    parallel_map(
        lambda task: task(),
        [
            *(partial(found.status, url) for url in status_urls),
            *(partial(found.resultaat, url) for url in resultaat_urls),
            *(partial(found.statustypen, url) for url in type_of if status_urls),
            *(partial(found.resultaattypen, url) for url in type_of if resultaat_urls),
        ],
    )
    found.fill_missing_types()
    return [
        _summary(
            zaak,
            zaaktypen[zaak.zaaktype],
            found.statussen.get(zaak.status) if with_status and zaak.status else None,
            found.resultaten.get(zaak.resultaat) if with_resultaat and zaak.resultaat else None,
            found.statustypen_by_url,
            found.resultaattypen_by_url,
            types,
        )
        for zaak in zaken
    ]


class _Fetched:
    """What round 2 (and 3) found, each by URL; a failed call is its UpstreamError, a gap in
    the row rather than an outage of the page."""

    def __init__(self, clients: ZgwClients) -> None:
        self.clients = clients
        self.statussen: dict[str, Status | UpstreamError] = {}
        self.resultaten: dict[str, Resultaat | UpstreamError] = {}
        self.statustypen_by_url: dict[str, StatusType | UpstreamError] = {}
        self.resultaattypen_by_url: dict[str, ResultaatType | UpstreamError] = {}

    def status(self, url: str) -> None:
        try:
            self.statussen[url] = self.clients.zaken.status(url)
        except UpstreamError as error:
            self.statussen[url] = error

    def resultaat(self, url: str) -> None:
        try:
            self.resultaten[url] = self.clients.zaken.resultaat(url)
        except UpstreamError as error:
            self.resultaten[url] = error

    def statustypen(self, zaaktype_url: str) -> None:
        try:
            found = self.clients.catalogi.statustypen(zaaktype_url)
        except UpstreamError:
            return  # each statustype is then fetched on its own (fill_missing_types)
        self.statustypen_by_url.update({statustype.url: statustype for statustype in found})

    def resultaattypen(self, zaaktype_url: str) -> None:
        try:
            found = self.clients.catalogi.resultaattypen(zaaktype_url)
        except UpstreamError:
            return
        self.resultaattypen_by_url.update({found_type.url: found_type for found_type in found})

    def fill_missing_types(self) -> None:
        """One more round for the types no list held (an older zaaktype version's, say)."""
        statustypen = {
            status.statustype
            for status in self.statussen.values()
            if isinstance(status, Status)
            and status.expanded_statustype is None
            and status.statustype not in self.statustypen_by_url
        }
        resultaattypen = {
            resultaat.resultaattype
            for resultaat in self.resultaten.values()
            if isinstance(resultaat, Resultaat)
            and resultaat.expanded_resultaattype is None
            and resultaat.resultaattype not in self.resultaattypen_by_url
        }
        parallel_map(
            lambda task: task(),
            [
                *(partial(self._statustype, url) for url in sorted(statustypen)),
                *(partial(self._resultaattype, url) for url in sorted(resultaattypen)),
            ],
        )

    def _statustype(self, url: str) -> None:
        try:
            self.statustypen_by_url[url] = self.clients.catalogi.statustype(url)
        except UpstreamError as error:
            self.statustypen_by_url[url] = error

    def _resultaattype(self, url: str) -> None:
        try:
            self.resultaattypen_by_url[url] = self.clients.catalogi.resultaattype(url)
        except UpstreamError as error:
            self.resultaattypen_by_url[url] = error


def _summary(
    zaak: Zaak,
    zaaktype: ZaakType,
    status: Status | UpstreamError | None,
    resultaat: Resultaat | UpstreamError | None,
    statustypen: dict[str, StatusType | UpstreamError],
    resultaattypen: dict[str, ResultaatType | UpstreamError],
    types: TypeSettings | None = None,
) -> ZaakSummary:
    statustype: StatusType | UpstreamError | None = None
    if isinstance(status, Status):
        statustype = status.expanded_statustype or statustypen.get(status.statustype)
    resultaattype: ResultaatType | UpstreamError | None = None
    if isinstance(resultaat, Resultaat):
        resultaattype = resultaat.expanded_resultaattype or resultaattypen.get(
            resultaat.resultaattype
        )
    return ZaakSummary(
        uuid=zaak.uuid,
        identificatie=zaak.identificatie,
        omschrijving=zaak.omschrijving,
        zaaktype_label=zaaktype_label(zaaktype, types),
        status_label=status_label(statustype, zaaktype, types)
        if isinstance(statustype, StatusType)
        else "",
        status_unavailable=status is not None and not isinstance(statustype, StatusType),
        status_set_at=status.datum_status_gezet if isinstance(status, Status) else None,
        startdatum=zaak.startdatum,
        is_closed=zaak.is_closed,
        expected_date=None if zaak.is_closed else expected_date(zaak, zaaktype),
        einddatum=zaak.einddatum,
        resultaat_label=resultaat_label(resultaattype)
        if isinstance(resultaattype, ResultaatType)
        else "",
        resultaat_unavailable=resultaat is not None
        and not isinstance(resultaattype, ResultaatType),
        is_opgeschort=zaak.is_opgeschort,
    )
