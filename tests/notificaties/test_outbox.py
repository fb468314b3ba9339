"""Retries with backoff, the failed state and the admin's retry; a crash mid-send."""

import smtplib
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.admin.sites import site
from django.core import mail
from django.test import RequestFactory
from django.utils import timezone

from mijnomgeving.accounts.identity import identifier_hash
from notificaties.errors import error_clean
from notificaties.models import NotificationPreference, OutgoingMessage, ReceivedNotification
from notificaties.outbox import messages_recover_interrupted
from notificaties.tasks import process_notification_task, sweep
from tests.factories import klantinteracties as ki
from tests.factories import zgw
from tests.notificaties.conftest import MARY, Resident, World, deliver, later, store

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


def test_a_refused_address_is_not_kept_in_last_error(
    world: World, monkeypatch: Any, settings: Any
) -> None:
    settings.NOTIFICATION_MAX_ATTEMPTS = 1

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise smtplib.SMTPRecipientsRefused(
            {"inwoner@example.nl": (550, b"5.1.1 <inwoner@example.nl> User unknown")}
        )

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    deliver(world.status_notificatie())
    message = OutgoingMessage.objects.get()
    assert message.status == Status.FAILED
    assert message.last_error.startswith("SMTPRecipientsRefused: ")
    assert "User unknown" in message.last_error  # what went wrong stays readable
    assert "inwoner@example.nl" not in message.last_error
    assert "example.nl" not in message.last_error


def test_a_phone_number_in_a_channel_error_is_not_kept(
    world: World, notifynl: Any, monkeypatch: Any
) -> None:
    NotificationPreference.objects.create(
        identifier_hash=identifier_hash(zgw.TEST_BSN), channel="sms"
    )

    def refuse(message: Any) -> str:
        raise ValueError(f"phone_number {message.recipient} is not a valid number")

    monkeypatch.setattr("notificaties.outbox.message_deliver", refuse)
    deliver(world.status_notificatie())
    message = OutgoingMessage.objects.get()
    assert "0612345678" not in message.last_error
    assert message.last_error == "ValueError: phone_number [nummer] is not a valid number"


def test_the_processing_error_keeps_no_bsn(world: World) -> None:
    world.mock.get(ki.url("partijen"), exc=RuntimeError(f"no partij for {zgw.TEST_BSN}"))
    received = deliver(world.status_notificatie())
    assert received.status == NStatus.PENDING
    assert zgw.TEST_BSN not in received.last_error
    assert received.last_error.startswith("RuntimeError: ")


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        ("{'a.b+c@mail.example.nl': (550, b'no')}", "{'[e-mailadres]': (550, b'no')}"),
        ("call +31 6 12345678 or 06-12345678.", "call [nummer] or [nummer]."),
        ("tel:0031612345678", "tel:[nummer]"),
        ("bsn=999993653&x=1", "bsn=[nummer]&x=1"),
        # kept: ids in URLs, times, status codes
        (
            "http://x.test/zaken/api/v1/zaken/12345678-1234-4123-8123-123456789012",
            "http://x.test/zaken/api/v1/zaken/12345678-1234-4123-8123-123456789012",
        ),
        (
            "at 2026-01-14 10:00, HTTP 503 after 1200 ms",
            "at 2026-01-14 10:00, HTTP 503 after 1200 ms",
        ),
    ],
)
def test_error_clean(text: str, cleaned: str) -> None:
    assert error_clean(text) == cleaned


def test_when_one_resident_fails_the_others_message_goes_out_now(
    world: World, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """The initiator's address lookup fails; Mary's row, made just before, is not held back."""
    settings.NOTIFICATION_RETRY_BASE_SECONDS = 3600
    world.rollen.append(
        zgw.rol(zaak=world.zaak["url"], bsn=MARY, omschrijving_generiek="mede_initiator")
    )
    world.residents[MARY] = Resident(MARY, email="mary@example.nl")
    # Residents are handled in BSN order: Mary (999990755) first, then the initiator.
    initiator_partij = f"00000000-0000-4000-8000-{zgw.TEST_BSN.zfill(12)}"
    world.mock.get(
        ki.url(f"digitaleadressen?verstrektDoorPartij__uuid={initiator_partij}"),
        status_code=503,
    )
    received = store(world.status_notificatie())
    with django_capture_on_commit_callbacks(execute=True):
        process_notification_task.call(received.pk)
    received.refresh_from_db()
    assert received.status == NStatus.PENDING  # the initiator's part waits an hour
    assert [email.to for email in mail.outbox] == [["mary@example.nl"]]
    assert OutgoingMessage.objects.get().status == Status.SENT


def test_the_recovery_does_not_undo_a_newer_attempt(
    world: World, monkeypatch: Any, settings: Any
) -> None:
    """Two sweeps at once: one settles the row and it is sent again; the other's stale view
    of the row must not put it back (which would send it a third time)."""
    _crash_after_send(monkeypatch)
    with pytest.raises(SystemExit):
        deliver(world.status_notificatie())
    monkeypatch.undo()
    later(settings.NOTIFICATION_SENDING_TIMEOUT_SECONDS + 1)
    message = OutgoingMessage.objects.get()

    def meanwhile_sent_again(stale: Any) -> bool:
        OutgoingMessage.objects.filter(pk=stale.pk).update(
            status=Status.SENT, sending_started_at=timezone.now()
        )
        return False  # "not arrived": the stale decision would make it pending again

    monkeypatch.setattr("notificaties.outbox.sent_by_reference", meanwhile_sent_again)
    assert messages_recover_interrupted() == 0
    message.refresh_from_db()
    assert message.status == Status.SENT
