"""Processing a stored notificatie: claim, dispatch through HANDLERS, record the outbox rows.

States of a ReceivedNotification:

    pending --claim--> processing --handled--> done (outcome says what was decided)
       ^                    |  \\--no handler--> ignored (unknown kanaal/resource/actie)
       |                    \\--error--> pending (backoff) ... --last try--> failed
       \\--sweep: "processing" longer than NOTIFICATION_PROCESSING_TIMEOUT_SECONDS (a crash)
    failed --admin "retry"--> pending

Handlers only read; the outbox rows they lead to are unique per dedupe key, so processing
the same notificatie again (a retry after a crash) adds nothing twice.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from .errors import error_summary
from .handlers import HANDLERS
from .models import OutgoingMessage, ReceivedNotification
from .payload import InvalidNotificatie, parse_notificatie
from .recipients import delivery_record
from .retry import attempt_failed

logger = logging.getLogger("mijnomgeving.notificaties")

Status = ReceivedNotification.Status


def notification_process(pk: int) -> list[int]:
    """Process one notificatie if it is due; returns the ids of outbox rows ready to send."""
    now = timezone.now()
    claimed = ReceivedNotification.objects.filter(
        pk=pk, status=Status.PENDING, next_attempt_at__lte=now
    ).update(status=Status.PROCESSING, claimed_at=now, attempts=F("attempts") + 1)
    if not claimed:
        return []
    notification = ReceivedNotification.objects.get(pk=pk)
    try:
        notificatie = parse_notificatie(notification.payload)
    except InvalidNotificatie as error:  # stored by an older version; never valid again
        _finish(notification, Status.FAILED, f"ongeldig: {error}")
        return []
    handler = HANDLERS.get(notificatie.key)
    if handler is None:
        _finish(notification, Status.IGNORED, "geen handler voor {}/{}/{}".format(*notificatie.key))
        return []
    messages: list[OutgoingMessage] = []
    try:
        outcome = handler(notificatie)
        for delivery in outcome.deliveries:
            messages.append(delivery_record(delivery, notification))
    except Exception as error:
        logger.warning("notificatie #%s failed: %s", pk, type(error).__name__)
        attempt_failed(notification, error_summary(error))
        # Rows already made for other residents go out now, not after this one's backoff;
        # the retry finds them by their dedupe key and adds nothing twice.
        return _ready(messages)
    summary = ", ".join(
        f"#{m.pk} {m.status}{' ' + m.skip_reason if m.skip_reason else ''}" for m in messages
    )
    _finish(notification, Status.DONE, outcome.reason + (f": {summary}" if summary else ""))
    return _ready(messages)


def _ready(messages: list[OutgoingMessage]) -> list[int]:
    return [m.pk for m in messages if m.status == OutgoingMessage.Status.PENDING]


def _finish(notification: ReceivedNotification, status: str, outcome: str) -> None:
    notification.status = status
    notification.outcome = outcome[:2000]
    notification.processed_at = timezone.now()
    notification.last_error = "" if status != Status.FAILED else notification.last_error
    notification.save(update_fields=["status", "outcome", "processed_at", "last_error"])


def notifications_release_stuck() -> int:
    """Back to pending: notificaties a crashed worker left "processing"."""
    cutoff = timezone.now() - timedelta(seconds=settings.NOTIFICATION_PROCESSING_TIMEOUT_SECONDS)
    return ReceivedNotification.objects.filter(
        status=Status.PROCESSING, claimed_at__lt=cutoff
    ).update(status=Status.PENDING, next_attempt_at=timezone.now())


def notification_retry(notification: ReceivedNotification) -> bool:
    """The admin's retry: a failed (or ignored) notificatie is processed again from scratch."""
    if notification.status not in (Status.FAILED, Status.IGNORED):
        return False
    notification.status = Status.PENDING
    notification.attempts = 0
    notification.next_attempt_at = timezone.now()
    notification.save(update_fields=["status", "attempts", "next_attempt_at"])
    return True
