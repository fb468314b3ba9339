"""Template context for every page: who is logged in, and the session timeout's settings."""

import math
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from .session import get_identity


@dataclass(frozen=True, slots=True)
class SessionTimeout:
    """What templates/accounts/session_timeout.html and static/js/session-timeout.js need."""

    idle_seconds: int
    warning_seconds: int
    extend_url: str
    status_url: str
    expired_url: str
    logout_url: str

    @property
    def warning_minutes(self) -> int:
        return max(1, math.ceil(self.warning_seconds / 60))


def session(request: HttpRequest) -> dict[str, object]:
    """Context for every page.

    ``session_timeout``: a SessionTimeout for ``accounts/session_timeout.html``, or None when
    nobody is logged in. ``resident_logged_in``: True when a resident or business is logged in
    with DigiD. The flat ``session_*`` names repeat the same values for markup of its own.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {
            "session_timeout": None,
            "session_timeout_seconds": None,
            "resident_logged_in": False,
        }
    timeout = SessionTimeout(
        idle_seconds=settings.SESSION_IDLE_TIMEOUT,
        warning_seconds=min(settings.SESSION_WARNING_BEFORE, settings.SESSION_IDLE_TIMEOUT),
        extend_url=reverse("accounts:session-extend"),
        status_url=reverse("accounts:session-status"),
        expired_url=reverse("accounts:session-expired"),
        logout_url=reverse("accounts:logout"),
    )
    return {
        "session_timeout": timeout,
        "session_timeout_seconds": timeout.idle_seconds,
        "session_warning_seconds": timeout.warning_seconds,
        "session_extend_url": timeout.extend_url,
        "session_status_url": timeout.status_url,
        "session_expired_url": timeout.expired_url,
        "resident_logged_in": get_identity(request) is not None,
    }
