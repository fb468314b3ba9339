"""Sending from the outbox, exactly once where the channel allows it, never silently lost.

States of an OutgoingMessage:

    pending --claim--> sending --accepted--> sent
       ^                  |  \\--refused/error--> pending (backoff) ... --last try--> failed
       |                  |
       |                  \\--crash (still "sending" after NOTIFICATION_SENDING_TIMEOUT_SECONDS):
       |                        NotifyNL: ask by reference -> sent, or pending (send again)
       |                        e-mail:   failed, "unknown whether sent" (an admin decides)
    skipped (no address, opted out, rate limited; recorded, never sent)
    failed --admin "retry"--> pending

The claim is a conditional UPDATE, committed before the channel is called: two workers
never send the same row, and a crash after sending leaves the row "sending", never "pending".
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from .channels import message_deliver, sent_by_reference
from .errors import error_summary
from .models import OutgoingMessage
from .retry import attempt_failed

logger = logging.getLogger("mijnomgeving.notificaties")

Status = OutgoingMessage.Status

UNKNOWN_AFTER_CRASH = (
    "Onderbroken tijdens het versturen: niet bekend of de e-mail is verstuurd. "
    "Controleer de mailserver en kies dan 'opnieuw proberen' of laat het zo."
)


def message_send(pk: int) -> str:
    """Try to send one message now; returns its status afterwards."""
    now = timezone.now()
    claimed = OutgoingMessage.objects.filter(
        pk=pk, status=Status.PENDING, next_attempt_at__lte=now
    ).update(status=Status.SENDING, sending_started_at=now, attempts=F("attempts") + 1)
    message = OutgoingMessage.objects.get(pk=pk)
    if not claimed:
        return str(message.status)
    try:
        reference = message_deliver(message)
    except Exception as error:
        logger.warning("message #%s not sent: %s", pk, type(error).__name__)
        attempt_failed(message, error_summary(error))
        return str(message.status)
    message_mark_sent(message, reference)
    return str(message.status)


def message_mark_sent(message: OutgoingMessage, reference: str) -> None:
    message.status = Status.SENT
    message.sent_at = timezone.now()
    message.provider_reference = reference[:200]
    message.recipient = ""  # not needed any more
    message.last_error = ""
    message.save(
        update_fields=["status", "sent_at", "provider_reference", "recipient", "last_error"]
    )


def messages_recover_interrupted() -> int:
    """Settle messages left "sending" by a crash, once NOTIFICATION_SENDING_TIMEOUT_SECONDS passed.

    Each change is conditional on the row still being the same "sending" attempt, so a second
    sweep running at the same moment cannot undo a decision (and so send a message twice).
    """
    cutoff = timezone.now() - timedelta(seconds=settings.NOTIFICATION_SENDING_TIMEOUT_SECONDS)
    stuck = OutgoingMessage.objects.filter(status=Status.SENDING, sending_started_at__lt=cutoff)
    count = 0
    for message in stuck:
        try:
            known = sent_by_reference(message)
        except Exception as error:  # NotifyNL down: ask again at the next sweep
            logger.warning("message #%s: lookup failed (%s)", message.pk, type(error).__name__)
            continue
        same_attempt = OutgoingMessage.objects.filter(
            pk=message.pk, status=Status.SENDING, sending_started_at=message.sending_started_at
        )
        if known is True:
            changed = same_attempt.update(
                status=Status.SENT,
                sent_at=timezone.now(),
                recipient="",
                last_error="",
            )
        elif known is False:
            changed = same_attempt.update(
                status=Status.PENDING,
                next_attempt_at=timezone.now(),
                last_error="Onderbroken tijdens het versturen; niet aangekomen, opnieuw.",
            )
        else:
            changed = same_attempt.update(status=Status.FAILED, last_error=UNKNOWN_AFTER_CRASH)
        count += changed
    return count


def message_retry(message: OutgoingMessage) -> bool:
    """The admin's retry: a failed message goes back to pending with fresh attempts."""
    if message.status != Status.FAILED:
        return False
    message.status = Status.PENDING
    message.attempts = 0
    message.next_attempt_at = timezone.now()
    message.save(update_fields=["status", "attempts", "next_attempt_at"])
    return True
