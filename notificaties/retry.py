"""Exponential backoff shared by notifications and messages."""

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone


def next_attempt(attempts: int) -> datetime:
    """After the n-th failed attempt: base, 2x base, 4x base, ... seconds from now."""
    delay = settings.NOTIFICATION_RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0)
    return timezone.now() + timedelta(seconds=delay)
