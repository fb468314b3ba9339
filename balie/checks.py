"""System checks: production never lets a password-only staff login through."""

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, register


@register()
def check_staff_second_factor(
    app_configs: Sequence[Any] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    bypass = list(getattr(settings, "MAYKIN_2FA_ALLOW_MFA_BYPASS_BACKENDS", []))
    if settings.MIJNOMGEVING_ENVIRONMENT == "production" and bypass:
        return [
            Error(
                "Staff may log in without a second factor (MAYKIN_2FA_ALLOW_MFA_BYPASS_BACKENDS).",
                hint="Only dev.py and test.py may set it; production keeps it empty.",
                id="balie.E001",
            )
        ]
    return []
