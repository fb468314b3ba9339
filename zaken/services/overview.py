"""The overview of a resident's cases and the dashboard summary (issue 3, parts 1 and 7).

Round trips, for the resident with 25 zaken: with `expand` the list call carries zaaktype,
status(type) and resultaat(type), so a page is one call. Without it: (1) the list; (2) the
distinct zaaktypen with their statustypen (open zaken) or resultaattypen (closed ones), all
catalogi and mostly cached; (3) the statussen of the open zaken on the page, or the
resultaten of the closed ones.
"""

from collections.abc import Collection
from dataclasses import dataclass, field
from functools import partial
from math import ceil
from typing import Any

from mijnomgeving.accounts.identity import Identity
from mijnomgeving.clients.actor import Actor
from mijnomgeving.clients.base import UpstreamError
from mijnomgeving.clients.catalogi_resources import ResultaatType, StatusType, ZaakType
from mijnomgeving.clients.zaken_resources import Resultaat, Status, Zaak
from mijnomgeving.clients.zgw import ZgwClients
from zaken.configuration import TypeSettings
from zaken.labels import resultaat_label, status_label, zaaktype_label
from zaken.viewmodels import (
    LatestChange,
    ZaakStatusFilter,
    ZaakSummary,
    ZakenOverview,
    ZakenSummary,
)
from zaken.visibility import VisibilityPolicy, visibility_policy

from .common import Task, clients_for, expected_date, ok, required, run_round, zaken_of

PAGE_SIZE = 10

StatusTypen = dict[str, StatusType | UpstreamError]
ResultaatTypen = dict[str, ResultaatType | UpstreamError]


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
    visible, types = _visible_zaken(
        clients, identity, visibility_policy(), shows=status, shown=status
    )
    open_zaken = [zaak for zaak in visible if not zaak.is_closed]
    closed_zaken = [zaak for zaak in visible if zaak.is_closed]
    chosen = closed_zaken if status == "closed" else open_zaken
    num_pages = max(1, ceil(len(chosen) / PAGE_SIZE))
    page = min(max(page, 1), num_pages)
    on_page = chosen[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    urls = {zaak.url for zaak in on_page}
    summaries = summarize(
        clients,
        on_page,
        visible,
        types,
        status_for=set() if status == "closed" else urls,
        resultaat_for=urls if status == "closed" else set(),
    )
    return ZakenOverview(
        status=status,
        zaken=tuple(summaries),
        open_count=len(open_zaken),
        closed_count=len(closed_zaken),
        page=page,
        num_pages=num_pages,
    )


def zaken_summary_for(*, identity: Identity, actor: Actor | None = None) -> ZakenSummary:
    """The number of open cases and the most recent status change among the visible zaken.

    A closed zaak's last change is its end status, set on its einddatum (zrc-007), so only
    the open zaken and the most recently closed ones need their status fetched.
    """
    clients = clients_for(identity, actor)
    visible, types = _visible_zaken(clients, identity, visibility_policy(), shows="open")
    last_closed = max((zaak.einddatum for zaak in visible if zaak.einddatum), default=None)
    candidates = [zaak for zaak in visible if not zaak.is_closed or zaak.einddatum == last_closed]
    summaries = summarize(
        clients,
        candidates,
        visible,
        types,
        status_for={zaak.url for zaak in candidates},
        resultaat_for=set(),
    )
    changed = [s for s in summaries if s.status_set_at is not None and s.has_status]
    latest = max(changed, key=lambda summary: summary.status_set_at or 0, default=None)
    return ZakenSummary(
        open_count=sum(1 for zaak in visible if not zaak.is_closed),
        latest_change=LatestChange(
            zaak_uuid=latest.uuid,
            zaak_title=latest.title,
            identificatie=latest.identificatie,
            status_label=latest.status_label,
            datum=latest.status_set_at,
        )
        if latest is not None and latest.status_set_at is not None
        else None,
    )


class VisibleZaken(list[Zaak]):
    """The visible zaken, newest first, each zaaktype at hand by zaak URL."""

    def __init__(
        self, zaken: list[Zaak], zaaktypen: dict[str, ZaakType], types: TypeSettings | None = None
    ) -> None:
        super().__init__(zaken)
        self.zaaktypen = zaaktypen
        self.types = types  # the administrator's labels

    def zaaktype_of(self, zaak: Zaak) -> ZaakType:
        return self.zaaktypen[zaak.zaaktype]


@dataclass(frozen=True, slots=True)
class FetchedTypes:
    """Statustypen and resultaattypen by URL: what the catalogi lists held (or their error)."""

    statustypen: StatusTypen = field(default_factory=dict)
    resultaattypen: ResultaatTypen = field(default_factory=dict)


def _visible_zaken(
    clients: ZgwClients,
    identity: Identity,
    policy: VisibilityPolicy,
    *,
    shows: ZaakStatusFilter,
    shown: ZaakStatusFilter | None = None,
) -> tuple[VisibleZaken, FetchedTypes]:
    """The zaken that pass every visibility rule, and the catalogi types fetched on the way.

    Without expand, the second round fetches the distinct zaaktypen and, beside them, the
    statustypen (open zaken: `shows` "open") or the resultaattypen (closed ones) of each
    zaaktype (catalogi, mostly cache hits), so the third round is resident data only. With
    `shown`, only that half of the zaken is shown (the other is counted: zaken_of).
    """
    zaken = zaken_of(clients, identity, policy, shown=shown)  # round trip 1 (all pages)
    rows = [zaak for zaak in zaken if shown is None or zaak.is_closed == (shown == "closed")]
    zaaktypen = {zaak.zaaktype: zaak.expanded_zaaktype for zaak in zaken if zaak.expanded_zaaktype}
    tasks: dict[str, Task] = {
        f"zaaktype {url}": partial(clients.catalogi.zaaktype, url)
        for url in sorted({zaak.zaaktype for zaak in zaken} - zaaktypen.keys())
    }
    if shows == "open":
        for url in sorted({zaak.zaaktype for zaak in rows if _needs_statustype(zaak)}):
            tasks[f"statustypen {url}"] = partial(clients.catalogi.statustypen, url)
    else:
        for url in sorted({zaak.zaaktype for zaak in rows if _needs_resultaattype(zaak)}):
            tasks[f"resultaattypen {url}"] = partial(clients.catalogi.resultaattypen, url)
    fetched = run_round(tasks)  # round trip 2, only without expand
    types = FetchedTypes()
    for key, value in fetched.items():
        kind, url = key.split(" ", 1)
        if kind == "zaaktype":
            zaaktypen[url] = required(value)
        elif ok(value):
            found = types.statustypen if kind == "statustypen" else types.resultaattypen
            found.update({resource.url: resource for resource in value})
    visible = [zaak for zaak in zaken if policy.zaak_visible(zaak, zaaktypen[zaak.zaaktype])]
    visible.sort(key=lambda zaak: zaak.startdatum, reverse=True)
    return VisibleZaken(visible, zaaktypen, policy.types), types


def _needs_resultaattype(zaak: Zaak) -> bool:
    resultaat = zaak.expanded_resultaat
    return zaak.resultaat is not None and (
        resultaat is None or resultaat.expanded_resultaattype is None
    )


def _needs_statustype(zaak: Zaak) -> bool:
    status = zaak.expanded_status
    return zaak.status is not None and (status is None or status.expanded_statustype is None)


def summarize(
    clients: ZgwClients,
    zaken: list[Zaak],
    visible: VisibleZaken,
    types: FetchedTypes,
    *,
    status_for: Collection[str],
    resultaat_for: Collection[str],
) -> list[ZaakSummary]:
    """A ZaakSummary per zaak, with the status of the zaken in `status_for` and the result of
    those in `resultaat_for` (zaak URLs); what expand did not embed is fetched in one round,
    the types no list or expansion delivered in one more."""
    tasks: dict[str, Task] = {}
    for zaak in zaken:
        if zaak.url in status_for and zaak.status and zaak.expanded_status is None:
            tasks[f"status {zaak.status}"] = partial(clients.zaken.status, zaak.status)
        if zaak.url in resultaat_for and zaak.resultaat and zaak.expanded_resultaat is None:
            tasks[f"resultaat {zaak.resultaat}"] = partial(clients.zaken.resultaat, zaak.resultaat)
    fetched = run_round(tasks)  # round trip 3 without expand; nothing with it
    statussen: dict[str, Any] = {}
    resultaten: dict[str, Any] = {}
    for zaak in zaken:
        if zaak.url in status_for and zaak.status:
            statussen[zaak.url] = zaak.expanded_status or fetched[f"status {zaak.status}"]
        if zaak.url in resultaat_for and zaak.resultaat:
            resultaten[zaak.url] = zaak.expanded_resultaat or fetched[f"resultaat {zaak.resultaat}"]
    statustypen: StatusTypen = dict(types.statustypen)
    resultaattypen: ResultaatTypen = dict(types.resultaattypen)
    _fill_missing_types(clients, statussen, resultaten, statustypen, resultaattypen)
    return [
        _summary(
            zaak,
            visible.zaaktype_of(zaak),
            statussen.get(zaak.url),
            resultaten.get(zaak.url),
            statustypen,
            resultaattypen,
            visible.types,
        )
        for zaak in zaken
    ]


def _fill_missing_types(
    clients: ZgwClients,
    statussen: dict[str, Any],
    resultaten: dict[str, Any],
    statustypen: StatusTypen,
    resultaattypen: ResultaatTypen,
) -> None:
    """Fetch (one round) the statustypen and resultaattypen no list or expansion delivered."""
    tasks: dict[str, Task] = {}
    for status in statussen.values():
        if (
            isinstance(status, Status)
            and status.expanded_statustype is None
            and status.statustype not in statustypen
        ):
            tasks[f"statustype {status.statustype}"] = partial(
                clients.catalogi.statustype, status.statustype
            )
    for resultaat in resultaten.values():
        if (
            isinstance(resultaat, Resultaat)
            and resultaat.expanded_resultaattype is None
            and resultaat.resultaattype not in resultaattypen
        ):
            tasks[f"resultaattype {resultaat.resultaattype}"] = partial(
                clients.catalogi.resultaattype, resultaat.resultaattype
            )
    for key, value in run_round(tasks).items():
        kind, url = key.split(" ", 1)
        if kind == "statustype":
            statustypen[url] = value
        else:
            resultaattypen[url] = value


def _summary(
    zaak: Zaak,
    zaaktype: ZaakType,
    status: Status | UpstreamError | None,
    resultaat: Resultaat | UpstreamError | None,
    statustypen: StatusTypen,
    resultaattypen: ResultaatTypen,
    types: TypeSettings | None = None,
) -> ZaakSummary:
    statustype: Any = None
    if isinstance(status, Status):
        statustype = status.expanded_statustype or statustypen.get(status.statustype)
    resultaattype: Any = None
    if isinstance(resultaat, Resultaat):
        resultaattype = resultaat.expanded_resultaattype or resultaattypen.get(
            resultaat.resultaattype
        )
    has_statustype = isinstance(statustype, StatusType)
    has_resultaattype = isinstance(resultaattype, ResultaatType)
    return ZaakSummary(
        uuid=zaak.uuid,
        identificatie=zaak.identificatie,
        omschrijving=zaak.omschrijving,
        zaaktype_label=zaaktype_label(zaaktype, types),
        status_label=status_label(statustype, zaaktype, types) if has_statustype else "",
        status_unavailable=status is not None and not has_statustype,
        status_set_at=status.datum_status_gezet if isinstance(status, Status) else None,
        startdatum=zaak.startdatum,
        is_closed=zaak.is_closed,
        expected_date=None if zaak.is_closed else expected_date(zaak, zaaktype),
        einddatum=zaak.einddatum,
        resultaat_label=resultaat_label(resultaattype) if has_resultaattype else "",
        resultaat_unavailable=resultaat is not None and not has_resultaattype,
        is_opgeschort=zaak.is_opgeschort,
    )
