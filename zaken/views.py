"""MijnZaken pages: parse the input, call a service, render. Errors map to pages in one place."""

import logging
from collections.abc import Callable
from functools import wraps
from typing import Any, cast
from uuid import UUID

from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from mijnomgeving.accounts.decorators import resident_required
from mijnomgeving.accounts.session import owned_zaken, require_identity
from mijnomgeving.clients.base import ClientConfigurationError, UpstreamError
from mijnomgeving.templatetags.nlds import Link
from zaken.files import content_disposition
from zaken.services import (
    DocumentDownload,
    ZaakNotFound,
    document_download_for,
    zaak_get_for,
    zaken_list_for,
    zaken_summary_for,
)
from zaken.viewmodels import ZaakStatusFilter, ZakenSummary

logger = logging.getLogger(__name__)

PAGE_PARAM = "pagina"
RETRY_AFTER_SECONDS = "60"


def upstream_errors_as_pages(
    view: Callable[..., HttpResponse] | None = None, *, subject: str = "zaken"
) -> Any:
    """Not found, not yours or hidden: the styled 404. A back office down: the 503 page,
    about the zaken or (``@upstream_errors_as_pages(subject="document")``) a download."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            try:
                return view(request, *args, **kwargs)
            except ZaakNotFound:
                raise Http404 from None
            except (UpstreamError, ClientConfigurationError) as error:
                # The client layer logged the call itself (upstream, URL, duration).
                logger.warning(
                    "MijnZaken page %s unavailable: %s", request.path, type(error).__name__
                )
                desk = request.resolver_match is not None and (
                    request.resolver_match.namespace == "balie-zaken"
                )
                context = {
                    "is_document": subject == "document",
                    "back_url": reverse("balie:start") if desk else reverse("dashboard"),
                    "back_label": _("Terug naar de balie")
                    if desk
                    else _("Terug naar uw overzicht"),
                }
                response = render(request, "zaken/unavailable.html", context, status=503)
                response["Retry-After"] = RETRY_AFTER_SECONDS
                return response

        return wrapper

    return decorate(view) if view is not None else decorate


def parse_uuid(value: str) -> UUID:
    """A UUID from the URL; anything else is the same 404 as a zaak that does not exist."""
    try:
        return UUID(value)
    except ValueError:
        raise Http404 from None


def parse_page(request: HttpRequest) -> int:
    """?pagina=N; a missing or non-numeric value is the first page."""
    value = request.GET.get(PAGE_PARAM, "1").strip()
    return int(value) if value.isdigit() and len(value) < 7 else 1


@resident_required
@upstream_errors_as_pages
def zaak_list(request: HttpRequest, status: ZaakStatusFilter = "open") -> HttpResponse:
    overview = zaken_list_for(
        identity=require_identity(request),
        status=status,
        page=parse_page(request),
        owned=owned_zaken(request),
    )
    crumbs = [Link(_("Overzicht"), reverse("dashboard")), Link(_("Mijn zaken"))]
    context = {"overview": overview, "page_param": PAGE_PARAM, "crumbs": crumbs}
    return render(request, "zaken/zaak_list.html", context)


@resident_required
@upstream_errors_as_pages
def zaak_detail(request: HttpRequest, uuid: str) -> HttpResponse:
    zaak = zaak_get_for(identity=require_identity(request), uuid=parse_uuid(uuid))
    crumbs = [
        Link(_("Overzicht"), reverse("dashboard")),
        Link(_("Mijn zaken"), reverse("zaken:list-closed" if zaak.is_closed else "zaken:list")),
        Link(zaak.identificatie or zaak.title),
    ]
    return render(request, "zaken/zaak_detail.html", {"zaak": zaak, "crumbs": crumbs})


@resident_required
@upstream_errors_as_pages(subject="document")
def document_download(request: HttpRequest, uuid: str, document_uuid: str) -> HttpResponse:
    download = document_download_for(
        identity=require_identity(request),
        zaak_uuid=parse_uuid(uuid),
        document_uuid=parse_uuid(document_uuid),
    )
    return download_response(download)


def download_started(download: DocumentDownload) -> DocumentDownload:
    """The download once the back office has sent the first bytes of the content. One that
    fails before that (its headers sent, then a dropped connection or the read timeout)
    raises its UpstreamError here, while the styled 503 page can still be answered; after
    the first byte has gone out, a failure can only cut the connection."""
    download.stream.wait_for_first_chunk()
    return download


def download_response(download: DocumentDownload) -> HttpResponse:
    """The document streamed to the browser (resident or desk), never stored on the way.
    Nothing is answered before the first bytes are in (see download_started)."""
    download_started(download)
    response = StreamingHttpResponse(download.stream, content_type=download.content_type)
    if download.content_length is not None:
        response["Content-Length"] = str(download.content_length)
    response["Content-Disposition"] = content_disposition(download.filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return cast(HttpResponse, response)  # the decorators are typed for HttpResponse


def dashboard_summary(request: HttpRequest) -> ZakenSummary:
    """The dashboard's MijnZaken block; a back office failure gives a note, never a crash."""
    try:
        return zaken_summary_for(identity=require_identity(request), owned=owned_zaken(request))
    except (UpstreamError, ClientConfigurationError) as error:
        logger.warning("MijnZaken summary unavailable: %s", type(error).__name__)
        return ZakenSummary(is_unavailable=True)
