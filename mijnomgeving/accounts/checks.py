"""System checks: a DigiD configuration that cannot work fails at start-up, not at login."""

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Warning, register

from .loa import LEVELS, loa_level

MIDDLEWARE_PATH = "mijnomgeving.accounts.middleware.IdleTimeoutMiddleware"
NO_STORE_MIDDLEWARE_PATH = "mijnomgeving.accounts.middleware.NoStoreMiddleware"


@register()
def check_digid_settings(
    app_configs: Sequence[Any] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    messages: list[CheckMessage] = []
    if not settings.OIDC_BSN_CLAIM:
        messages.append(Error("OIDC_BSN_CLAIM is empty.", id="accounts.E001"))
    if settings.OIDC_MIN_LOA and not loa_level(settings.OIDC_MIN_LOA):
        messages.append(
            Error(
                f"OIDC_MIN_LOA={settings.OIDC_MIN_LOA!r} is not a DigiD level.",
                hint=f"Use one of {', '.join(LEVELS)} or its SAML class URN.",
                id="accounts.E002",
            )
        )
    if settings.OIDC_MIN_LOA and not settings.OIDC_LOA_CLAIM:
        messages.append(
            Error("OIDC_MIN_LOA is set but OIDC_LOA_CLAIM is empty.", id="accounts.E003")
        )
    if MIDDLEWARE_PATH not in settings.MIDDLEWARE:
        messages.append(
            Warning(
                "Sessions are not ended on the server after inactivity.",
                hint=f"Add {MIDDLEWARE_PATH} to MIDDLEWARE after AuthenticationMiddleware.",
                id="accounts.W001",
            )
        )
    if NO_STORE_MIDDLEWARE_PATH not in settings.MIDDLEWARE:
        messages.append(
            Warning(
                "Logged-in pages may be stored by browsers and proxies (no Cache-Control).",
                hint=f"Add {NO_STORE_MIDDLEWARE_PATH} to MIDDLEWARE after AuthenticationMiddleware.",
                id="accounts.W002",
            )
        )
    return messages
