"""Storing a received notificatie durably, and handing it to the task worker."""

import logging

from django.db import IntegrityError, transaction

from .models import ReceivedNotification
from .payload import Notificatie

logger = logging.getLogger("mijnomgeving.notificaties")


def notification_store(
    notificatie: Notificatie, payload: dict[str, object]
) -> ReceivedNotification:
    """The stored row (an earlier one when the NRC delivers the same message again).

    Committed before this returns; the task is enqueued after the commit. Should enqueueing
    fail, the row stays pending and `manage.py process_notifications` picks it up.
    """
    key = notificatie.dedupe_key()
    existing = ReceivedNotification.objects.filter(dedupe_key=key).first()
    if existing is not None:
        logger.info("notificatie #%s delivered again; stored once", existing.pk)
        return existing
    try:
        with transaction.atomic():
            received = ReceivedNotification.objects.create(
                payload=payload,
                dedupe_key=key,
                kanaal=notificatie.kanaal,
                resource=notificatie.resource,
                actie=notificatie.actie,
                resource_url=notificatie.resource_url,
                hoofd_object=notificatie.hoofd_object,
            )
    except IntegrityError:  # the same delivery, in parallel
        return ReceivedNotification.objects.get(dedupe_key=key)
    transaction.on_commit(lambda: enqueue_notification(received.pk))
    return received


def enqueue_notification(pk: int) -> None:
    from .tasks import process_notification_task

    try:
        process_notification_task.enqueue(pk)
    except Exception:  # the sweep takes it up; the row is safe
        logger.exception("could not enqueue notificatie #%s; the sweep will process it", pk)
