"""The resident's MijnZaken pages as the desk sees them: the same services and templates,
acting as the employee, under a banner, and one processing-log entry per request.

GET only: a HEAD or POST would otherwise fetch and log a page nobody saw. Each GET that asks
the back office writes exactly one entry: what the page showed, or, when the service failed,
an attempt (PageKind.ATTEMPT). A UUID that does not parse asks nothing and logs nothing."""

from collections.abc import Callable
from dataclasses import replace
from functools import partial, wraps
from typing import Any, TypeVar

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from mijnomgeving.accounts.staff import staff_actor, staff_member
from mijnomgeving.audit.log import Seen
from mijnomgeving.audit.models import OverviewList, PageKind
from mijnomgeving.clients.actor import Actor
from mijnomgeving.subjects import zaak_subject
from mijnomgeving.templatetags.nlds import Link
from zaken.services import document_download_for, zaak_get_for, zaken_list_for
from zaken.viewmodels import ZaakStatusFilter, ZakenOverview
from zaken.views import (
    PAGE_PARAM,
    download_response,
    download_started,
    parse_page,
    parse_uuid,
    upstream_errors_as_pages,
)

from .access import desk_required
from .services import DeskLookup, lookup_seen
from .session import current_lookup

NAMESPACE = "balie-zaken"
LISTS: dict[ZaakStatusFilter, OverviewList] = {
    "open": OverviewList.ZAKEN_OPEN,
    "closed": OverviewList.ZAKEN_CLOSED,
}
T = TypeVar("T")


def lookup_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """No running look-up (no BSN with a purpose): back to the form, nothing fetched."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        lookup = current_lookup(request)
        if lookup is None:
            return redirect("balie:start")
        return view(request, lookup, *args, **kwargs)

    return wrapper


def _log(request: HttpRequest, lookup: DeskLookup, seen: Seen) -> None:
    lookup_seen(staff=staff_member(request.user), lookup=lookup, seen=seen)


def _fetch_or_log_attempt(
    request: HttpRequest, lookup: DeskLookup, attempt: Seen, fetch: Callable[[], T]
) -> T:
    """The service's answer; when it fails (not found, not hers, hidden, back office down) the
    log gets the attempt instead of the page: the back office was asked about her all the
    same, and a privacy officer must see an employee trying case numbers."""
    try:
        return fetch()
    except Exception:
        _log(request, lookup, replace(attempt, kind=PageKind.ATTEMPT))
        raise


def _listed(list_name: OverviewList, overview: ZakenOverview) -> Seen:
    """What an overview showed: the list, the page (a number past the end gives the last)
    and its zaken by identificatie (by UUID where a zaak has none)."""
    return Seen(
        PageKind.OVERVIEW,
        zaak_subject(),
        list_name=list_name,
        page_number=overview.page,
        listed_labels=tuple(zaak.identificatie or str(zaak.uuid) for zaak in overview.zaken),
    )


def _actor(request: HttpRequest) -> Actor:
    """Every back office call of the desk carries the employee (docs/standards.md Decision 1)."""
    return staff_actor(staff_member(request.user))


def _crumbs(*extra: Link) -> list[Link]:
    return [Link(_("Balie"), reverse("balie:start")), *extra]


@desk_required
@require_GET
@lookup_required
@upstream_errors_as_pages
def zaak_list(
    request: HttpRequest, lookup: DeskLookup, status: ZaakStatusFilter = "open"
) -> HttpResponse:
    page, list_name = parse_page(request), LISTS[status]
    overview = _fetch_or_log_attempt(
        request,
        lookup,
        Seen(PageKind.OVERVIEW, zaak_subject(), list_name=list_name, page_number=page),
        partial(
            zaken_list_for,
            identity=lookup.identity,
            status=status,
            page=page,
            actor=_actor(request),
        ),
    )
    _log(request, lookup, _listed(list_name, overview))
    context = {
        "overview": overview,
        "page_param": PAGE_PARAM,
        "crumbs": _crumbs(Link(_("Zaken van de inwoner"))),
        "lookup": lookup,
    }
    return render(request, "balie/zaak_list.html", context)


@desk_required
@require_GET
@lookup_required
@upstream_errors_as_pages
def zaak_detail(request: HttpRequest, lookup: DeskLookup, uuid: str) -> HttpResponse:
    zaak_uuid = parse_uuid(uuid)
    zaak = _fetch_or_log_attempt(
        request,
        lookup,
        Seen(PageKind.DETAIL, zaak_subject(uuid=zaak_uuid)),
        partial(zaak_get_for, identity=lookup.identity, uuid=zaak_uuid, actor=_actor(request)),
    )
    _log(
        request,
        lookup,
        Seen(PageKind.DETAIL, zaak_subject(uuid=zaak_uuid, label=zaak.identificatie)),
    )
    list_name = f"{NAMESPACE}:list-closed" if zaak.is_closed else f"{NAMESPACE}:list"
    crumbs = _crumbs(
        Link(_("Zaken van de inwoner"), reverse(list_name)), Link(zaak.identificatie or zaak.title)
    )
    context = {"zaak": zaak, "crumbs": crumbs, "lookup": lookup}
    return render(request, "balie/zaak_detail.html", context)


@desk_required
@require_GET
@lookup_required
@upstream_errors_as_pages(subject="document")
def document_download(
    request: HttpRequest, lookup: DeskLookup, uuid: str, document_uuid: str
) -> HttpResponse:
    zaak_uuid, doc_uuid = parse_uuid(uuid), parse_uuid(document_uuid)
    seen = Seen(PageKind.DOCUMENT, zaak_subject(uuid=zaak_uuid), document_uuid=doc_uuid)
    download = _fetch_or_log_attempt(
        request,
        lookup,
        seen,
        lambda: download_started(  # a back office failing before the first byte: an attempt
            document_download_for(
                identity=lookup.identity,
                zaak_uuid=zaak_uuid,
                document_uuid=doc_uuid,
                actor=_actor(request),
            )
        ),
    )
    _log(request, lookup, seen)  # only now: the document is hers, visible, and on its way
    return download_response(download)
