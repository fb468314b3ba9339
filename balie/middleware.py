"""maykin-2fa's OTP middleware, repaired for the installed django-otp.

maykin-2fa 1.0.2 applies MAYKIN_2FA_ALLOW_MFA_BYPASS_BACKENDS by overriding
``OTPMiddleware._verify_user``; django-otp 1.6 renamed that hook to ``_verify_user_sync``
(and added an async one), so the override is never called and the setting does nothing.
This subclass hooks both names. Drop it once maykin-2fa follows django-otp.
"""

import functools
from typing import Any

from django.contrib.auth import BACKEND_SESSION_KEY
from django.http import HttpRequest
from maykin_2fa.middleware import OTPMiddleware as MaykinOTPMiddleware
from maykin_2fa.middleware import is_verified


class OTPMiddleware(MaykinOTPMiddleware):
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
