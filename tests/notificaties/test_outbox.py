"""Retries with backoff, the failed state and the admin's retry; a crash mid-send."""

from datetime import timedelta
from typing import Any

import pytest
from django.contrib.admin.sites import site
from django.core import mail
from django.test import RequestFactory
from django.utils import timezone

from notificaties.models import OutgoingMessage, ReceivedNotification
from notificaties.tasks import sweep
from tests.factories import zgw
from tests.notificaties.conftest import World, deliver, later

pytestmark = pytest.mark.django_db

Status = OutgoingMessage.Status
NStatus = ReceivedNotification.Status


def admin_action(model: type, action: str, queryset: Any, admin_user: Any) -> None:
    request = RequestFactory().post("/")
    request.user = admin_user
    request._messages = type("M", (), {"add": lambda *a, **k: None})()
    model_admin = site._registry[model]
    getattr(model_admin, action)(request, queryset)


def test_a_back_office_outage_is_retried_with_backoff_and_ends_failed(
    world: World, settings: Any, admin_user: Any
) -> None:
    settings.NOTIFICATION_MAX_ATTEMPTS = 3
    settings.NOTIFICATION_RETRY_BASE_SECONDS = 60
    world.mock.get(zgw.zaken_url("rollen"), status_code=503)
    before = timezone.now()
    received = deliver(world.status_notificatie())
    assert (received.status, received.attempts) == (NStatus.PENDING, 1)
    assert "UpstreamUnavailable" in received.last_error
    assert timedelta(seconds=59) < received.next_attempt_at - before < timedelta(seconds=62)
    sweep()  # not due yet: nothing happens
    received.refresh_from_db()
    assert received.attempts == 1
    later(1)
    sweep()
    received.refresh_from_db()
    assert received.attempts == 2
    assert (
        timedelta(seconds=118) < received.next_attempt_at - timezone.now() < timedelta(seconds=121)
    )
    later(1)
    sweep()
    received.refresh_from_db()
    assert (received.status, received.attempts) == (NStatus.FAILED, 3)
    assert not mail.outbox

    world.mount()  # the back office is back; the administrator retries
    admin_action(ReceivedNotification, "retry", ReceivedNotification.objects.all(), admin_user)
    sweep()
    received.refresh_from_db()
    assert received.status == NStatus.DONE
    assert len(mail.outbox) == 1


def test_a_mail_server_outage_is_retried_then_failed_then_retried_by_an_admin(
    world: World, settings: Any, admin_user: Any, monkeypatch: Any
) -> None:
    settings.NOTIFICATION_MAX_ATTEMPTS = 2

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    deliver(world.status_notificatie())
    message = OutgoingMessage.objects.get()
    assert (message.status, message.attempts) == (Status.PENDING, 1)
    assert message.recipient == "inwoner@example.nl"  # kept for the retry
    later(1)
    sweep()
    message.refresh_from_db()
    assert (message.status, message.attempts) == (Status.FAILED, 2)
    assert "mail server down" in message.last_error

    monkeypatch.undo()
    admin_action(OutgoingMessage, "retry", OutgoingMessage.objects.all(), admin_user)
    sweep()
    message.refresh_from_db()
    assert message.status == Status.SENT
    assert len(mail.outbox) == 1


def _crash_after_send(monkeypatch: Any) -> None:
    def crash(message: Any, reference: str) -> None:
        raise SystemExit("worker killed after the channel accepted the message")

    monkeypatch.setattr("notificaties.outbox.message_mark_sent", crash)


def test_a_crash_after_an_email_was_sent_neither_resends_nor_loses_it(
    world: World, monkeypatch: Any, settings: Any
) -> None:
    _crash_after_send(monkeypatch)
    with pytest.raises(SystemExit):
        deliver(world.status_notificatie())
    assert len(mail.outbox) == 1
    message = OutgoingMessage.objects.get()
    assert message.status == Status.SENDING
    monkeypatch.undo()

    sweep()  # the worker restarts at once: the message is not sent again
    message.refresh_from_db()
    assert message.status == Status.SENDING
    assert len(mail.outbox) == 1

    later(settings.NOTIFICATION_SENDING_TIMEOUT_SECONDS + 1)
    sweep()  # SMTP cannot tell whether it went out: visible for an administrator, not resent
    message.refresh_from_db()
    assert message.status == Status.FAILED
    assert "niet bekend of de e-mail is verstuurd" in message.last_error
    assert len(mail.outbox) == 1


def test_notifynl_email_carries_the_text_and_a_reference(world: World, notifynl: Any) -> None:
    deliver(world.status_notificatie())
    [request] = notifynl
    assert request["email_address"] == "inwoner@example.nl"
    assert request["personalisation"]["onderwerp"] == "Er is nieuws over uw zaak"
    assert request["reference"].startswith("mijnomgeving-")
    assert OutgoingMessage.objects.get().status == Status.SENT


def test_a_crash_after_notifynl_accepted_is_settled_by_reference_without_resending(
    world: World, notifynl: Any, monkeypatch: Any, settings: Any
) -> None:
    _crash_after_send(monkeypatch)
    with pytest.raises(SystemExit):
        deliver(world.status_notificatie())
    monkeypatch.undo()
    later(settings.NOTIFICATION_SENDING_TIMEOUT_SECONDS + 1)
    sweep()
    assert OutgoingMessage.objects.get().status == Status.SENT
    assert len(notifynl) == 1


def test_a_crash_before_notifynl_got_it_is_sent_after_the_timeout(
    world: World, notifynl: Any, monkeypatch: Any, settings: Any
) -> None:
    def crash_before(message: Any) -> str:
        raise SystemExit("worker killed before sending")

    monkeypatch.setattr("notificaties.outbox.message_deliver", crash_before)
    with pytest.raises(SystemExit):
        deliver(world.status_notificatie())
    monkeypatch.undo()
    assert OutgoingMessage.objects.get().status == Status.SENDING
    later(settings.NOTIFICATION_SENDING_TIMEOUT_SECONDS + 1)
    sweep()  # NotifyNL does not know the reference: pending again
    sweep()  # and sent
    assert OutgoingMessage.objects.get().status == Status.SENT
    assert len(notifynl) == 1


def test_a_crashed_worker_leaves_no_notificatie_stuck_in_processing(
    world: World, settings: Any
) -> None:
    received = deliver(world.status_notificatie())
    ReceivedNotification.objects.filter(pk=received.pk).update(status=NStatus.PROCESSING)
    OutgoingMessage.objects.all().delete()
    mail.outbox.clear()
    sweep()  # still within the processing timeout: left alone
    assert ReceivedNotification.objects.get().status == NStatus.PROCESSING
    later(settings.NOTIFICATION_PROCESSING_TIMEOUT_SECONDS + 1)
    sweep()
    assert ReceivedNotification.objects.get().status == NStatus.DONE
    assert len(mail.outbox) == 1
