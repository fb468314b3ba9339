"""django-tasks tasks: the worker's way in. The sweep does the same work without a worker."""

import logging

from django.db import transaction
from django.utils import timezone
from django_tasks import default_task_backend, task

from .models import OutgoingMessage, ReceivedNotification
from .outbox import message_send, messages_recover_interrupted
from .processing import notification_process, notifications_release_stuck

logger = logging.getLogger("mijnomgeving.notificaties")


@task()
def process_notification_task(pk: int) -> None:
    for message_pk in notification_process(pk):
        enqueue_message(message_pk)
    _schedule_retry(ReceivedNotification.objects.filter(pk=pk).first(), process_notification_task)


@task()
def send_message_task(pk: int) -> None:
    message_send(pk)
    _schedule_retry(OutgoingMessage.objects.filter(pk=pk).first(), send_message_task)


def enqueue_message(pk: int) -> None:
    def enqueue() -> None:
        try:
            send_message_task.enqueue(pk)
        except Exception:
            logger.exception("could not enqueue message #%s; the sweep will send it", pk)

    transaction.on_commit(enqueue)


def _schedule_retry(row: ReceivedNotification | OutgoingMessage | None, job: object) -> None:
    """A row waiting for its next attempt gets a deferred task, where the backend can defer."""
    if row is None or row.status != "pending" or row.next_attempt_at <= timezone.now():
        return
    if not default_task_backend.supports_defer:
        return  # the sweep (manage.py process_notifications) takes it when it is due
    try:
        job.using(run_after=row.next_attempt_at).enqueue(row.pk)  # type: ignore[attr-defined]
    except Exception:
        logger.exception("could not defer a retry of #%s; the sweep will do it", row.pk)


def sweep() -> dict[str, int]:
    """Everything due: stuck rows released, pending notificaties processed, messages sent."""
    counts = {
        "released": notifications_release_stuck(),
        "recovered": messages_recover_interrupted(),
    }
    now = timezone.now()
    due = ReceivedNotification.objects.filter(
        status=ReceivedNotification.Status.PENDING, next_attempt_at__lte=now
    ).values_list("pk", flat=True)
    counts["notifications"] = 0
    for pk in list(due):
        notification_process(pk)
        counts["notifications"] += 1
    due_messages = OutgoingMessage.objects.filter(
        status=OutgoingMessage.Status.PENDING, next_attempt_at__lte=timezone.now()
    ).values_list("pk", flat=True)
    counts["messages"] = 0
    for pk in list(due_messages):
        message_send(pk)
        counts["messages"] += 1
    return counts
