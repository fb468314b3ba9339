"""maykin-2fa's OTP middleware, repaired for the installed django-otp, and its pages for staff only.

maykin-2fa 1.0.2 applies MAYKIN_2FA_ALLOW_MFA_BYPASS_BACKENDS by overriding
``OTPMiddleware._verify_user``; django-otp 1.6 renamed that hook to ``_verify_user_sync``
(and added an async one), so the override is never called and the setting does nothing.
This subclass hooks both names. Drop that part once maykin-2fa follows django-otp.

maykin-2fa's own pages (set-up wizard, QR code, backup tokens, account security) only ask for
a login, so a resident logged in with DigiD could open them and bind a TOTP device to their
account. ``process_view`` keeps them to staff: a resident gets a 404, an anonymous visitor the
staff login. The login and recovery steps stay open: they are how staff log in (the user is
not logged in yet during them). It lives here because this class is already in MIDDLEWARE;
keep it when dropping the repair above.
"""

import functools
from collections.abc import Callable
from typing import Any

from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from maykin_2fa.middleware import OTPMiddleware as MaykinOTPMiddleware
from maykin_2fa.middleware import is_verified

TWO_FACTOR_NAMESPACE = "maykin_2fa"
OPEN_TO_ALL = {"login", "recovery"}


class OTPMiddleware(MaykinOTPMiddleware):
    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> HttpResponse | None:
        return staff_only_two_factor(request)

    def _verify_user_sync(self, request: HttpRequest, user: Any) -> Any:
        user = super()._verify_user_sync(request, user)
        return _with_bypass(request, user)

    async def _verify_user_async_via_auser(self, request: HttpRequest, auser: Any) -> Any:
        user = await super()._verify_user_async_via_auser(request, auser)
        return _with_bypass(request, user)


def _with_bypass(request: HttpRequest, user: Any) -> Any:
    if user.is_authenticated:
        user.backend = request.session.get(BACKEND_SESSION_KEY)
        user.is_verified = functools.partial(is_verified, user)
    return user


def staff_only_two_factor(request: HttpRequest) -> HttpResponse | None:
    """None to go on; the staff login for anonymous visitors; a 404 for anyone not staff."""
    match = request.resolver_match
    if match is None or TWO_FACTOR_NAMESPACE not in match.namespaces:
        return None
    if match.url_name in OPEN_TO_ALL:
        return None
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("maykin_2fa:login"))
    if not (user.is_active and user.is_staff):
        raise Http404
    return None
