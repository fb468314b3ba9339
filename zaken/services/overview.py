"""The open and closed lists of a person's zaken: one page of what the list shows, no more.

The back office pages, sorts and counts (`page`, `pageSize`, `ordering`, `count`), so the
upstream work of a page does not grow with the number of zaken a person has (issue 9; on real
Open Zaak an `expand` costs ~50 ms per zaak, so expanding every zaak of a list took seconds).
Dependent round trips of a list page: (0) the catalogus's zaaktypen, which decide the query
(cached); (1) the page shown beside the count of the other half, its rows with their rollen
until the session knows them (queries.checked); (2) the status (open) or result (closed) of
the rows the row cache lacks, in one search, beside the statustypen or resultaattypen of their
zaaktypen (cached); (3) only for a type no list held. Warm: 2 calls at once; cold: 8,
whatever the number of zaken.

Deviation (docs/standards.md): the counts are the back office's. A zaak without a status yet
(hidden unless SHOW_ZAKEN_WITHOUT_STATUS) cannot be filtered out by the Zaken API; a row the
page leaves out is taken off its count, but one on another page (or in the other half) is
counted for the moment it is being created.
"""

from collections.abc import MutableSet, Sequence, Set
from dataclasses import dataclass
from functools import partial
from math import ceil

from mijnomgeving.accounts.identity import Identity
from mijnomgeving.clients.actor import Actor
from mijnomgeving.clients.base import UpstreamNotFound, parallel_map
from mijnomgeving.clients.zaken_resources import Zaak
from mijnomgeving.clients.zgw import ZgwClients
from zaken.viewmodels import ZaakStatusFilter, ZakenOverview
from zaken.visibility import visibility_policy

from .common import clients_for
from .queries import (
    MAX_PAGE_SIZE,
    PAGE_SIZE,
    ZaakQuery,
    all_pages,
    call,
    catalogus_and_queries,
    checked,
    expanded_search,
    merged,
    page_of,
    person_of,
    row_expand,
    zaaktypen_of,
)
from .summaries import summarize


@dataclass(frozen=True, slots=True)
class Rows:
    """The zaken shown, how many the shown half and the other half hold, and the page."""

    zaken: tuple[Zaak, ...]
    count: int
    other_count: int
    page: int


def zaken_list_for(
    *,
    identity: Identity,
    status: ZaakStatusFilter,
    page: int,
    actor: Actor | None = None,
    owned: MutableSet[str] | None = None,
) -> ZakenOverview:
    """One page (PAGE_SIZE, newest first) of the person's visible open or closed zaken.

    Open zaken show their status and expected date, closed ones their result and end date.
    A page number past the end gives the last page, one below 1 the first. Raises
    UpstreamError when the zaken or their zaaktypen cannot be fetched (nothing honest can be
    shown then); a status or resultaat that fails is a marked gap in its row.
    """
    clients = clients_for(identity, actor)
    policy = visibility_policy()
    catalogus, queries = catalogus_and_queries(clients, policy)
    closed = status == "closed"
    rows = _rows(clients, identity, queries, closed=closed, page=max(page, 1), owned=owned)
    zaaktypen = zaaktypen_of(clients, catalogus, rows.zaken)
    shown = checked(clients, identity, policy, rows.zaken, zaaktypen, owned)
    summaries = summarize(
        clients,
        shown,
        zaaktypen,
        policy.types,
        with_status=not closed,
        with_resultaat=closed,
        search=expanded_search(clients, identity, queries),
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


def _rows(
    clients: ZgwClients,
    identity: Identity,
    queries: list[ZaakQuery],
    *,
    closed: bool,
    page: int,
    owned: Set[str] | None,
) -> Rows:
    """Round 1: the page shown and the count of the other half, at once. With several
    queries their first page*PAGE_SIZE zaken are merged here (rare: see zaak_queries)."""
    if not queries:  # the administrator hides every zaaktype
        return Rows(zaken=(), count=0, other_count=0, page=1)
    person = person_of(identity)
    expand = row_expand(owned)
    single = len(queries) == 1
    size = PAGE_SIZE if single else min(page * PAGE_SIZE, MAX_PAGE_SIZE)
    shown_calls = [
        partial(
            page_of,
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
        partial(page_of, clients, person, query, closed=not closed, size=1) for query in queries
    ]
    outcomes = parallel_map(call, [*shown_calls, *count_calls], return_exceptions=True)
    shown, counted = outcomes[: len(queries)], all_pages(outcomes[len(queries) :])
    other_count = sum(found.count for found in counted)
    if single and isinstance(shown[0], UpstreamNotFound) and page > 1:
        return _last_page(clients, person, queries[0], closed, expand, other_count)
    pages = all_pages(shown)
    count = sum(found.count for found in pages)
    if single:
        return Rows(pages[0].zaken, count, other_count, page)
    last = max(1, ceil(count / PAGE_SIZE))
    page = min(page, last)
    newest = merged(pages, page * PAGE_SIZE)
    return Rows(tuple(newest[(page - 1) * PAGE_SIZE :]), count, other_count, page)


def _last_page(
    clients: ZgwClients,
    person: dict[str, str],
    query: ZaakQuery,
    closed: bool,
    expand: Sequence[str],
    other_count: int,
) -> Rows:
    """A page number past the end (Open Zaak answers 404): the last page instead."""
    first = page_of(clients, person, query, closed=closed, size=PAGE_SIZE, expand=expand)
    last = max(1, ceil(first.count / PAGE_SIZE))
    if last == 1:
        return Rows(first.zaken, first.count, other_count, 1)
    found = page_of(clients, person, query, closed=closed, size=PAGE_SIZE, page=last, expand=expand)
    return Rows(found.zaken, found.count, other_count, last)
