"""The queries that find a person's visible zaken one page at a time, and what the list
pages and the dashboard share about their rows: the zaaktypen, the checks a row must pass."""

import logging
from collections.abc import Callable, MutableSet, Sequence, Set
from dataclasses import dataclass

from mijnomgeving.accounts.identity import Identity
from mijnomgeving.clients.base import parallel_map
from mijnomgeving.clients.catalogi_resources import ZaakType
from mijnomgeving.clients.vertrouwelijkheid import Vertrouwelijkheid
from mijnomgeving.clients.zaken import ZakenPage, person_filters
from mijnomgeving.clients.zaken_resources import Zaak
from mijnomgeving.clients.zgw import ZgwClients
from zaken.visibility import VisibilityPolicy

from .common import has_rol, use_expand

logger = logging.getLogger("mijnomgeving.zaken")

PAGE_SIZE = 10
# Open Zaak's largest pageSize; only reached when the administrator set different maxima
# per zaaktype and the resident pages far (the queries are then merged here).
MAX_PAGE_SIZE = 500
# What a row on the page carries with expand: its rollen, to check it against the person
# (~8 ms per zaak on Open Zaak; its status comes from the row cache or one search for the
# page, its zaaktype from the cached catalogus).
ROW_EXPAND = ("rollen",)


@dataclass(frozen=True, slots=True)
class ZaakQuery:
    """One query for the person's visible zaken: up to `maximum`, of `zaaktypen` (None: any
    zaaktype; the visibility rules are then checked per row)."""

    maximum: Vertrouwelijkheid
    zaaktypen: tuple[str, ...] | None


def catalogus_and_queries(
    clients: ZgwClients, policy: VisibilityPolicy
) -> tuple[dict[str, ZaakType], list[ZaakQuery]]:
    """The catalogus's zaaktypen by URL (cached) and the queries they decide."""
    catalogus = {zaaktype.url: zaaktype for zaaktype in clients.catalogi.zaaktypen()}
    return catalogus, zaak_queries(list(catalogus.values()), policy)


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


def person_of(identity: Identity) -> dict[str, str]:
    return person_filters(bsn=identity.bsn, kvk=identity.kvk)


def page_of(
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


def call(call: Callable[[], ZakenPage]) -> ZakenPage:
    return call()


def all_pages(outcomes: Sequence[ZakenPage | BaseException]) -> list[ZakenPage]:
    """Every page, or the first failure raised: a list without its zaken is an outage."""
    for outcome in outcomes:
        if isinstance(outcome, BaseException):
            raise outcome
    return [outcome for outcome in outcomes if isinstance(outcome, ZakenPage)]


def merged(pages: Sequence[ZakenPage], limit: int) -> list[Zaak]:
    zaken = [zaak for page in pages for zaak in page.zaken]
    zaken.sort(key=lambda zaak: zaak.startdatum, reverse=True)
    return zaken[:limit]


def zaaktypen_of(
    clients: ZgwClients, catalogus: dict[str, ZaakType], zaken: Sequence[Zaak]
) -> dict[str, ZaakType]:
    """The zaaktype of every zaak: from the catalogus listing, else fetched (cached)."""
    missing = {zaak.zaaktype for zaak in zaken} - catalogus.keys()
    fetched = clients.catalogi.zaaktypen_by_url(missing) if missing else {}
    return {**catalogus, **fetched}


def row_expand(owned: Set[str] | None) -> tuple[str, ...]:
    """What a page of rows asks to have embedded: their rollen, unless this session already
    saw which zaken are the person's (then only a row it does not know is checked, below)."""
    return ROW_EXPAND if use_expand() and not owned else ()


def checked(
    clients: ZgwClients,
    identity: Identity,
    policy: VisibilityPolicy,
    zaken: Sequence[Zaak],
    zaaktypen: dict[str, ZaakType],
    owned: MutableSet[str] | None = None,
) -> list[Zaak]:
    """The rows the person may see: a rol for them (a back office that ignores the
    betrokkene filter must not show someone else's case, docs/standards.md §3.2 rule 4), and
    every visibility rule (a zaak without status yet; a zaaktype from outside the catalogus).

    The rol is checked on the rollen that came along, else on `owned` (zaken this session saw
    the person own: a rol taken away shows in the list until the session ends; every case
    page checks the rollen again), else on the rollen fetched now, at once. Without expand the
    back office's filter is trusted, as before.
    """
    mine = _with_rol(clients, identity, zaken, owned)
    if len(mine) < len(zaken):
        logger.warning("zaken list: a zaak without a rol for the person dropped (filter ignored?)")
    if owned is not None:
        owned |= {zaak.url for zaak in mine}
    return [zaak for zaak in mine if policy.zaak_visible(zaak, zaaktypen[zaak.zaaktype])]


def _with_rol(
    clients: ZgwClients, identity: Identity, zaken: Sequence[Zaak], owned: Set[str] | None
) -> list[Zaak]:
    if not use_expand():
        return list(zaken)
    unknown = [
        zaak
        for zaak in zaken
        if zaak.expanded_rollen is None and (owned is None or zaak.url not in owned)
    ]
    fetched = dict(
        zip(
            (zaak.url for zaak in unknown),
            parallel_map(lambda zaak: clients.zaken.rollen(zaak.url), unknown),
            strict=True,
        )
    )
    return [
        zaak
        for zaak in zaken
        if (
            has_rol(identity, zaak.expanded_rollen)
            if zaak.expanded_rollen is not None
            else zaak.url not in fetched or has_rol(identity, fetched[zaak.url])
        )
    ]


def expanded_search(
    clients: ZgwClients, identity: Identity, queries: Sequence[ZaakQuery]
) -> Callable[[list[str], tuple[str, ...]], Sequence[Zaak]] | None:
    """A search for rows by UUID with relations embedded (summaries.Search), still filtered
    on the person and the highest maximum of the queries; None without expand."""
    if not use_expand() or not queries:
        return None
    person = person_of(identity)
    maximum = max((query.maximum for query in queries), key=lambda level: level.rank)

    def search(uuids: list[str], relations: tuple[str, ...]) -> Sequence[Zaak]:
        return clients.zaken.zaken_page(
            person,
            max_vertrouwelijkheid=maximum,
            uuids=uuids,
            page_size=len(uuids),
            expand=relations,
        ).zaken

    return search
