"""Exponential backoff shared by notifications and messages."""

from datetime import datetime, timedelta
from typing import Protocol

from django.conf import settings
from django.utils import timezone


def next_attempt(attempts: int) -> datetime:
    """After the n-th failed attempt: base, 2x base, 4x base, ... seconds from now."""
    delay = settings.NOTIFICATION_RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0)
    return timezone.now() + timedelta(seconds=delay)


class Attempted(Protocol):
    """A received notification or an outgoing message: each is tried again until the maximum."""

    attempts: int
    last_error: str
    status: str
    next_attempt_at: datetime

    def save(self, *, update_fields: list[str]) -> None: ...


def attempt_failed(row: Attempted, error: str) -> None:
    """Record a failed attempt: try again later, or give up after NOTIFICATION_MAX_ATTEMPTS
    (the row then waits for an administrator's "opnieuw proberen")."""
    row.last_error = error
    if row.attempts >= settings.NOTIFICATION_MAX_ATTEMPTS:
        row.status = "failed"
    else:
        row.status = "pending"
        row.next_attempt_at = next_attempt(row.attempts)
    row.save(update_fields=["status", "last_error", "next_attempt_at"])
