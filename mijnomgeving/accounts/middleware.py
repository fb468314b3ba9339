"""Session middleware: idle sessions end on the server; logged-in pages are never stored."""

import logging
from collections.abc import Callable
from functools import cached_property
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import auth
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils.cache import patch_cache_control

from .session import LOGOUT_REASON_IDLE, LOGOUT_REASON_KEY, is_idle, touch_if_stale

logger = logging.getLogger(__name__)


class IdleTimeoutMiddleware:
    """Ends a session after SESSION_IDLE_TIMEOUT seconds without a request, on the server.

    The cookie's max-age alone does not end a session that someone keeps presenting (a stolen
    cookie against cache-backed sessions), so the last activity is kept in the session itself.
    Place after AuthenticationMiddleware (it reads ``request.user``).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    @cached_property
    def _status_path(self) -> str:
        return reverse("accounts:session-status")

    @cached_property
    def _quiet_paths(self) -> frozenset[str]:
        """Pages that handle an ended session themselves: no redirect to the login page."""
        names = (
            "session-status",
            "session-expired",
            "login",
            "login-failed",
            "logout",
            "logged-out",
        )
        return frozenset(reverse(f"accounts:{name}") for name in names)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            if is_idle(request):
                response = self._end_session(request)
                if response is not None:
                    return response
            elif request.path != self._status_path:  # asking how long is left is no activity
                touch_if_stale(request)
        return self.get_response(request)

    def _end_session(self, request: HttpRequest) -> HttpResponse | None:
        logger.info("Session of user %s ended after inactivity", request.user.pk)
        # Staff log in again where they logged in: the two-factor staff login, not DigiD.
        is_staff = request.user.is_staff
        auth.logout(request)
        request.session[LOGOUT_REASON_KEY] = LOGOUT_REASON_IDLE
        if request.path in self._quiet_paths:
            return None
        query = {"next": request.get_full_path()} if request.method == "GET" else {}
        login_url = resolve_url("admin:login" if is_staff else settings.LOGIN_URL)
        return HttpResponseRedirect(f"{login_url}?{urlencode(query)}" if query else login_url)


class NoStoreMiddleware:
    """``Cache-Control: private, no-store`` on every answer to someone logged in.

    On a shared computer, Back after logging out must not show the previous resident's cases
    from the browser's cache, and no proxy may keep a copy. Directives a view set itself stay
    (``never_cache`` adds more); a ``public`` or ``max-age`` cannot make such a page storable.
    Place after AuthenticationMiddleware (it reads ``request.user``).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        logged_in = request.user.is_authenticated  # before the view: logout ends it
        response = self.get_response(request)
        if logged_in or request.user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response
