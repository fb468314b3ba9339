"""mozilla-django-oidc's views, so that every failed login lands on a clear page.

Settings OIDC_AUTHENTICATE_CLASS and OIDC_CALLBACK_CLASS point the "oidc/" URLs here.
"""

import logging
from typing import Any
from urllib.parse import urlencode

import jwt
from django.contrib import auth
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.views.generic import View
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from .failures import LoginFailure, LoginRejected
from .oidc_settings import OIDCSettingsMixin
from .session import ID_TOKEN_KEY, DigiDLogin, start_resident_session

logger = logging.getLogger(__name__)

# What the provider round trip can raise, and what it means for the resident, in order.
# OSError covers the HTTP library's errors (they derive from IOError); see _failure_for.
_ERRORS: tuple[tuple[type[Exception], LoginFailure], ...] = (
    (SuspiciousOperation, LoginFailure.SECURITY_CHECK),  # state, nonce or signature
    (jwt.PyJWKClientConnectionError, LoginFailure.UNREACHABLE),  # the provider's key set
    (jwt.PyJWTError, LoginFailure.SECURITY_CHECK),
    (ValueError, LoginFailure.PROVIDER_ERROR),  # e.g. a token response that is not JSON
    (KeyError, LoginFailure.PROVIDER_ERROR),  # e.g. a JWKS without "keys"
    (OSError, LoginFailure.UNREACHABLE),
)


def login_failed_url(failure: LoginFailure, next_url: str | None = None) -> str:
    params = {"reden": failure.value}
    if next_url:
        params["next"] = next_url
    return f"{reverse('accounts:login-failed')}?{urlencode(params)}"


class DigiDAuthenticationRequestView(OIDCSettingsMixin, OIDCAuthenticationRequestView):
    """Starts the flow (PKCE, state, nonce): refuses clearly when no provider is configured.

    The OIDC settings are those in force for this request (``oidc_settings_get()``).
    """

    def __init__(self, **kwargs: Any) -> None:
        # Not super(): mozilla-django-oidc's __init__ reads the settings before any request.
        View.__init__(self, **kwargs)

    @property
    def OIDC_OP_AUTH_ENDPOINT(self) -> str:
        return self.oidc.authorization_endpoint

    def get(self, request: HttpRequest) -> HttpResponse:
        if self.oidc.missing:
            logger.error("DigiD login impossible: %s", self.oidc.missing_explained())
            return HttpResponseRedirect(login_failed_url(LoginFailure.NOT_CONFIGURED))
        return super().get(request)


class DigiDCallbackView(OIDCAuthenticationCallbackView):
    """The provider's redirect back: logs in, or sends the resident to the failure page."""

    failure = LoginFailure.UNKNOWN
    cause = ""

    def get(self, request: HttpRequest) -> HttpResponse:
        error = request.GET.get("error")
        if error:
            self.failure = (
                LoginFailure.CANCELLED if error == "access_denied" else LoginFailure.PROVIDER_ERROR
            )
            logger.info("DigiD login: the provider answered error=%r", error[:40])
        elif "oidc_states" not in request.session:
            self.failure = LoginFailure.EXPIRED
        try:
            return super().get(request)
        except LoginRejected as exc:
            self.failure = exc.failure
        except tuple(kind for kind, _ in _ERRORS) as exc:
            self.failure = _failure_for(exc)
            self.cause = type(exc).__name__
        return self.login_failure()

    def login_failure(self) -> HttpResponse:
        user = getattr(self, "user", None)
        if user is not None and not user.is_active:
            self.failure = LoginFailure.INACTIVE
        logger.warning("DigiD login failed: %s %s", self.failure.value, self.cause)
        next_url = self.request.session.get("oidc_login_next")
        return HttpResponseRedirect(login_failed_url(self.failure, next_url))

    def login_success(self) -> HttpResponse:
        login: DigiDLogin | None = getattr(self.user, "digid_login", None)
        if login is None:  # authenticated by some other backend: not a DigiD login
            return self.login_failure()
        # Read before login(): it flushes the session when another user was logged in.
        next_url = self.success_url
        id_token = self.request.session.get(ID_TOKEN_KEY)
        auth.login(self.request, self.user)  # always: a new session key after login
        start_resident_session(self.request, login, id_token)
        logger.info("DigiD login succeeded for user %s (level %s)", self.user.pk, login.loa or "-")
        return HttpResponseRedirect(next_url)


def _failure_for(exc: Exception) -> LoginFailure:
    response = getattr(exc, "response", None)
    status = getattr(response, "status_code", None)
    if isinstance(status, int) and 400 <= status < 500:
        return LoginFailure.SECURITY_CHECK  # the provider refused the code or the verifier
    return next(failure for kind, failure in _ERRORS if isinstance(exc, kind))
