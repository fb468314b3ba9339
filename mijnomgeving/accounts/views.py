"""Login, logout and session pages; the OIDC round trip itself is in oidc_views.py."""

import logging
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import auth
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .failures import LoginFailure
from .logout import provider_logout
from .session import LOGOUT_REASON_IDLE, get_identity, pop_logout_reason, seconds_left, touch

logger = logging.getLogger(__name__)


def safe_next(request: HttpRequest) -> str:
    """The local page to return to after login, or "" when ``next`` is missing or unsafe."""
    next_url = request.GET.get("next", "")
    allowed = url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return next_url if next_url and allowed and next_url.startswith("/") else ""


def _login_url(next_url: str) -> str:
    query = f"?{urlencode({'next': next_url})}" if next_url else ""
    return f"{reverse('accounts:login')}{query}"


@require_GET
@never_cache
def login(request: HttpRequest) -> HttpResponse:
    next_url = safe_next(request)
    if get_identity(request) is not None:
        return redirect(next_url or resolve_url(settings.LOGIN_REDIRECT_URL))
    start_url = reverse("oidc_authentication_init")
    if next_url:
        start_url += f"?{urlencode({'next': next_url})}"
    context = {
        "start_url": start_url,
        "idle_logout": pop_logout_reason(request) == LOGOUT_REASON_IDLE,
        "idle_minutes": settings.SESSION_IDLE_TIMEOUT // 60,
    }
    return render(request, "accounts/login.html", context)


@require_GET
@never_cache
def login_failed(request: HttpRequest) -> HttpResponse:
    failure = LoginFailure.from_code(request.GET.get("reden"))
    context = {"failure": failure, "retry_url": _login_url(safe_next(request))}
    return render(request, "accounts/login_failed.html", context)


@require_http_methods(["GET", "POST"])
@never_cache
def logout(request: HttpRequest) -> HttpResponse:
    """GET asks for confirmation; POST ends the portal session, then the provider's."""
    if request.method == "GET":
        if not request.user.is_authenticated:
            return redirect("accounts:logged-out")
        return render(request, "accounts/logout_confirm.html")
    handoff = provider_logout(request) if request.user.is_authenticated else None
    if request.user.is_authenticated:
        logger.info("User %s logged out", request.user.pk)
    auth.logout(request)
    if handoff is None:
        return redirect("accounts:logged-out")
    response = render(request, "accounts/logout_provider.html", {"handoff": handoff})
    response._csp_update = {"form-action": [handoff.origin]}  # type: ignore[attr-defined]
    return response


@require_GET
def logged_out(request: HttpRequest) -> HttpResponse:
    return render(
        request, "accounts/logged_out.html", {"login_again_url": reverse("accounts:login")}
    )


@require_GET
@never_cache
def session_expired(request: HttpRequest) -> HttpResponse:
    """Where the timeout script goes when time is up; back to the page if the session lives."""
    next_url = safe_next(request)
    if request.user.is_authenticated:  # another tab kept the session alive
        return redirect(next_url or resolve_url(settings.LOGIN_REDIRECT_URL))
    pop_logout_reason(request)
    context = {
        "login_again_url": _login_url(next_url),
        "idle_minutes": settings.SESSION_IDLE_TIMEOUT // 60,
    }
    return render(request, "accounts/session_expired.html", context)


@login_required
@require_POST
def session_extend(request: HttpRequest) -> HttpResponse:
    """The "Ingelogd blijven" button: any request renews the session, this one only that."""
    touch(request)
    return HttpResponse(status=204)


@require_GET
@never_cache
def session_status(request: HttpRequest) -> JsonResponse:
    """Seconds left without renewing the session (the middleware leaves this URL alone)."""
    return JsonResponse({"seconds_left": seconds_left(request)})
