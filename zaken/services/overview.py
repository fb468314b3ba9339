"""The overview of a resident's cases and the dashboard summary (issue 3, parts 1 and 7)."""

from functools import partial
from math import ceil

from mijnomgeving.accounts.identity import Identity
from mijnomgeving.clients.base import UpstreamError
from mijnomgeving.clients.catalogi_resources import ResultaatType, StatusType, ZaakType
from mijnomgeving.clients.zaken_resources import Resultaat, Status, Zaak
from mijnomgeving.clients.zgw import ZgwClients
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


def zaken_list_for(*, identity: Identity, status: ZaakStatusFilter, page: int) -> ZakenOverview:
    """One page (PAGE_SIZE, newest first) of the person's visible open or closed zaken.

    A page number past the end gives the last page, one below 1 the first. Raises
    UpstreamError when the zaken or their zaaktypen cannot be fetched (nothing honest can
    be shown then); a status or resultaat that fails is a gap in its row.
    """
    clients = clients_for(identity)
    visible = _visible_zaken(clients, identity, visibility_policy())
    open_zaken = [zaak for zaak, _ in visible if not zaak.is_closed]
    closed_zaken = [zaak for zaak, _ in visible if zaak.is_closed]
    chosen = closed_zaken if status == "closed" else open_zaken
    num_pages = max(1, ceil(len(chosen) / PAGE_SIZE))
    page = min(max(page, 1), num_pages)
    on_page = chosen[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    zaaktypen = {zaak.url: zaaktype for zaak, zaaktype in visible}
    return ZakenOverview(
        status=status,
        zaken=tuple(summarize(clients, on_page, zaaktypen)),
        open_count=len(open_zaken),
        closed_count=len(closed_zaken),
        page=page,
        num_pages=num_pages,
    )


def zaken_summary_for(*, identity: Identity) -> ZakenSummary:
    """The number of open cases and the most recent status change among the visible zaken."""
    clients = clients_for(identity)
    visible = _visible_zaken(clients, identity, visibility_policy())
    zaaktypen = {zaak.url: zaaktype for zaak, zaaktype in visible}
    summaries = summarize(clients, [zaak for zaak, _ in visible], zaaktypen, resultaten=False)
    changed = [summary for summary in summaries if summary.status_set_at and summary.has_status]
    latest = max(changed, key=lambda summary: summary.status_set_at, default=None)  # type: ignore[arg-type,return-value]
    return ZakenSummary(
        open_count=sum(1 for summary in summaries if not summary.is_closed),
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


def _visible_zaken(
    clients: ZgwClients, identity: Identity, policy: VisibilityPolicy
) -> list[tuple[Zaak, ZaakType]]:
    """The zaken that pass every visibility rule, newest first, each with its zaaktype."""
    zaken = zaken_of(clients, identity, policy)  # round trip 1 (all pages)
    zaaktypen = {zaak.zaaktype: zaak.expanded_zaaktype for zaak in zaken if zaak.expanded_zaaktype}
    missing = {zaak.zaaktype for zaak in zaken} - zaaktypen.keys()
    fetched = run_round(  # round trip 2, only without expand; mostly cache hits
        {url: partial(clients.catalogi.zaaktype, url) for url in sorted(missing)}
    )
    zaaktypen.update({url: required(value) for url, value in fetched.items()})
    visible = [
        (zaak, zaaktypen[zaak.zaaktype])
        for zaak in zaken
        if policy.zaak_visible(zaak, zaaktypen[zaak.zaaktype])
    ]
    return sorted(visible, key=lambda pair: pair[0].startdatum, reverse=True)


def summarize(
    clients: ZgwClients,
    zaken: list[Zaak],
    zaaktypen: dict[str, ZaakType],
    *,
    resultaten: bool = True,
) -> list[ZaakSummary]:
    """A ZaakSummary per zaak; what `expand` did not embed is fetched in one parallel round.

    `zaaktypen` maps zaak URL to its zaaktype. The statustypen (and resultaattypen) of the
    zaaktypen involved come in the same round, from the cache mostly; a type that is not
    among them (a back office inconsistency) costs one more round.
    """
    tasks: dict[str, Task] = {}
    for zaak in zaken:
        zaaktype = zaaktypen[zaak.url]
        status = zaak.expanded_status
        if zaak.status and status is None:
            tasks[f"status {zaak.status}"] = partial(clients.zaken.status, zaak.status)
        if zaak.status and (status is None or status.expanded_statustype is None):
            tasks[f"statustypen {zaaktype.url}"] = partial(
                clients.catalogi.statustypen, zaaktype.url
            )
        resultaat = zaak.expanded_resultaat
        if resultaten and zaak.resultaat and resultaat is None:
            tasks[f"resultaat {zaak.resultaat}"] = partial(clients.zaken.resultaat, zaak.resultaat)
        if (
            resultaten
            and zaak.resultaat
            and (resultaat is None or resultaat.expanded_resultaattype is None)
        ):
            for url in zaaktype.resultaattypen:
                tasks[f"resultaattype {url}"] = partial(clients.catalogi.resultaattype, url)
    fetched = run_round(tasks)  # round trip 3 without expand; nothing with it

    statustypen: dict[str, StatusType | UpstreamError] = {}
    resultaattypen: dict[str, ResultaatType | UpstreamError] = {}
    for key, value in fetched.items():
        kind, url = key.split(" ", 1)
        if kind == "statustypen" and ok(value):
            statustypen.update({statustype.url: statustype for statustype in value})
        elif kind == "resultaattype":
            resultaattypen[url] = value

    statussen: dict[str, Status | UpstreamError | None] = {}
    resultaten_by_zaak: dict[str, Resultaat | UpstreamError | None] = {}
    for zaak in zaken:
        statussen[zaak.url] = zaak.expanded_status or (
            fetched[f"status {zaak.status}"] if zaak.status else None
        )
        resultaten_by_zaak[zaak.url] = zaak.expanded_resultaat or (
            fetched.get(f"resultaat {zaak.resultaat}") if zaak.resultaat and resultaten else None
        )
    _fill_missing_types(clients, statussen, resultaten_by_zaak, statustypen, resultaattypen)
    return [
        _summary(
            zaak,
            zaaktypen[zaak.url],
            statussen[zaak.url],
            resultaten_by_zaak[zaak.url],
            statustypen,
            resultaattypen,
        )
        for zaak in zaken
    ]


def _fill_missing_types(
    clients: ZgwClients,
    statussen: dict[str, Status | UpstreamError | None],
    resultaten: dict[str, Resultaat | UpstreamError | None],
    statustypen: dict[str, StatusType | UpstreamError],
    resultaattypen: dict[str, ResultaatType | UpstreamError],
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
        (statustypen if kind == "statustype" else resultaattypen)[url] = value


def _summary(
    zaak: Zaak,
    zaaktype: ZaakType,
    status: Status | UpstreamError | None,
    resultaat: Resultaat | UpstreamError | None,
    statustypen: dict[str, StatusType | UpstreamError],
    resultaattypen: dict[str, ResultaatType | UpstreamError],
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
        zaaktype_label=zaaktype_label(zaaktype),
        status_label=status_label(statustype) if isinstance(statustype, StatusType) else "",
        status_unavailable=zaak.status is not None and not isinstance(statustype, StatusType),
        status_set_at=status.datum_status_gezet if isinstance(status, Status) else None,
        startdatum=zaak.startdatum,
        is_closed=zaak.is_closed,
        expected_date=None if zaak.is_closed else expected_date(zaak, zaaktype),
        einddatum=zaak.einddatum,
        resultaat_label=resultaat_label(resultaattype)
        if isinstance(resultaattype, ResultaatType)
        else "",
        resultaat_unavailable=isinstance(resultaat, UpstreamError)
        or (isinstance(resultaat, Resultaat) and not isinstance(resultaattype, ResultaatType)),
        is_opgeschort=zaak.is_opgeschort,
    )
