"""The MijnZaken block on the dashboard: the number of open zaken and the latest change."""

from collections.abc import MutableSet
from functools import partial

from mijnomgeving.accounts.identity import Identity
from mijnomgeving.clients.actor import Actor
from mijnomgeving.clients.base import UpstreamError, parallel_map
from mijnomgeving.clients.catalogi_resources import ZaakType
from mijnomgeving.clients.parsing import ParseError, uuid_from_url
from mijnomgeving.clients.zgw import ZgwClients
from zaken.labels import status_label, zaaktype_label
from zaken.models import StatusChange
from zaken.viewmodels import LatestChange, ZakenSummary
from zaken.visibility import VisibilityPolicy, visibility_policy

from .access import owned_zaak
from .changes import recorded_change_for
from .common import Task, ZaakNotFound, clients_for, required
from .queries import (
    ROW_EXPAND,
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

# The open zaken the dashboard looks at for the latest change: the most recently started.
DASHBOARD_CANDIDATES = 8


def zaken_summary_for(
    *, identity: Identity, actor: Actor | None = None, owned: MutableSet[str] | None = None
) -> ZakenSummary:
    """The number of open zaken and the most recent status change, in calls that do not grow
    with the number of zaken: among the DASHBOARD_CANDIDATES most recently started open zaken
    and the most recently closed one (whose last change is its end status, zrc-007), and the
    newest change a notification brought (StatusChange), which may be on an older zaak.

    A change to an older zaak from before the portal's subscription is not seen here; the
    overview shows every status.
    """
    clients = clients_for(identity, actor)
    policy = visibility_policy()
    catalogus, queries = catalogus_and_queries(clients, policy)
    person = person_of(identity)
    expand = row_expand(owned)
    open_calls = [
        partial(
            page_of,
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
            page_of,
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
    pages = all_pages(parallel_map(call, [*open_calls, *closed_calls], return_exceptions=True))
    open_pages, closed_pages = pages[: len(queries)], pages[len(queries) :]
    newest_open = merged(open_pages, DASHBOARD_CANDIDATES)
    last_closed = sorted(
        (zaak for page in closed_pages for zaak in page.zaken),
        key=lambda zaak: zaak.einddatum or zaak.startdatum,
        reverse=True,
    )[:1]
    candidates = [*newest_open, *last_closed]
    zaaktypen = zaaktypen_of(clients, catalogus, candidates)
    shown = checked(clients, identity, policy, candidates, zaaktypen, owned)
    left_out = sum(1 for zaak in newest_open if zaak not in shown)
    summaries = summarize(
        clients,
        shown,
        zaaktypen,
        policy.types,
        with_status=True,
        with_resultaat=False,
        search=expanded_search(clients, identity, queries),
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
    that zaak is still the person's (owned_zaak), visible and at that status; else None (the
    candidates' answer stands, also when the back office fails here)."""

    def statustype(_zaak_url: str) -> dict[str, Task]:  # beside the zaak: one round trip
        return {"statustype": partial(clients.catalogi.statustype, recorded.statustype_url)}

    try:
        zaak, beside = owned_zaak(  # the one ownership check (access.py)
            clients,
            identity,
            uuid_from_url(recorded.zaak_url),
            expand=ROW_EXPAND,
            alongside=statustype,
        )
        found = beside.get("statustype") or clients.catalogi.statustype(recorded.statustype_url)
        zaaktype = zaaktypen_of(clients, catalogus, [zaak])[zaak.zaaktype]
        status_type = required(found)
    except (UpstreamError, ZaakNotFound, ParseError):
        return None
    if zaak.status != recorded.status_url or not policy.zaak_visible(zaak, zaaktype):
        return None
    return LatestChange(
        zaak_uuid=zaak.uuid,
        zaak_title=zaak.omschrijving or zaaktype_label(zaaktype, policy.types),
        identificatie=zaak.identificatie,
        status_label=status_label(status_type, zaaktype, policy.types),
        datum=recorded.datum_status_gezet,
    )
