"""Shared pages: the start page, the MijnOmgeving overview, simple info pages and the error pages."""

import logging
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template import loader
from django.utils.functional import SimpleLazyObject, empty
from django.utils.http import url_has_allowed_host_and_scheme

from balie.models import USE_BALIE
from mijnomgeving.accounts.decorators import resident_required
from zaken.views import dashboard_summary as zaken_dashboard_summary

logger = logging.getLogger(__name__)

# The 500 page if even the template cannot render (a broken template or static manifest).
PLAIN_SERVER_ERROR = (
    '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">'
    "<title>Er ging iets mis - MijnOmgeving</title></head><body>"
    '<a href="#main-content">Direct naar de inhoud</a><main id="main-content">'
    "<h1>Er ging iets mis</h1><p>Door een fout bij ons kunnen we deze pagina nu niet laten zien. "
    "Probeer het over een paar minuten opnieuw.</p></main></body></html>"
)


def home(request: HttpRequest) -> HttpResponse:
    """The start page; a logged-in visitor goes on to where they work: a resident to the
    overview, staff to the desk (with its permission) or the admin."""
    user = request.user
    if user.is_authenticated and user.is_staff:
        return redirect("balie:start" if user.has_perm(USE_BALIE) else "admin:index")
    if user.is_authenticated:
        return redirect("dashboard")
    return render(request, "mijnomgeving/home.html")


@resident_required
def dashboard(request: HttpRequest) -> HttpResponse:
    # Each service adds its own summary to this context (MijnZaken: "zaken_summary"), and the
    # template shows it in its block of the same name.
    context = {"zaken_summary": zaken_dashboard_summary(request)}
    return render(request, "mijnomgeving/dashboard.html", context)


def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "mijnomgeving/privacy.html")


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "mijnomgeving/accessibility.html")


def contact(request: HttpRequest) -> HttpResponse:
    return render(request, "mijnomgeving/contact.html")


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "400.html", status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: a form sent with an old token, e.g. "Uitloggen" in a tab that was
    open while the resident logged in again elsewhere. The way back shows a fresh form."""
    referer = request.META.get("HTTP_REFERER", "")
    safe = url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    back_url = referer if referer and safe else ""
    return render(request, "403_csrf.html", {"back_url": back_url}, status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page, from what the request already holds in memory only: the database, the
    session store or the cache may be what failed. So no RequestContext (its processors read
    the session and the user, the staff menu the permissions): the visitor is the user the
    request loaded before it failed, and the logout form's token comes from the CSRF cookie."""
    try:
        context = {"user": _user_already_loaded(request), "csrf_token": get_token(request)}
        body = loader.get_template("500.html").render(context)
    except Exception:
        logger.exception("The 500 page could not be rendered; serving the plain version")
        body = PLAIN_SERVER_ERROR
    return HttpResponseServerError(body)


def _user_already_loaded(request: HttpRequest) -> Any:
    """The user this request already loaded (the idle-timeout middleware does, on every
    request), never loading it: AuthenticationMiddleware makes request.user lazy, and loading
    it now would ask the session store and the database. A failure before it was loaded shows
    the page as to a visitor who is not logged in."""
    user = getattr(request, "user", None)
    if type(user) is SimpleLazyObject:
        user = user._wrapped  # the user once something asked for it; `empty` until then
        if user is empty:
            # Unopened, e.g. django-otp's wrapper (set after the idle-timeout middleware read
            # the user) around the one AuthenticationMiddleware loaded and kept here.
            user = getattr(request, "_cached_user", None)
    return user if user is not None and user is not empty else AnonymousUser()
