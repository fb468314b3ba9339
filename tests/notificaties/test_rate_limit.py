"""The rate limit holds when two workers decide for the same resident and zaak at once."""

from typing import Any

import pytest
from django.core import mail
from django.db import IntegrityError, transaction

from mijnomgeving.accounts.identity import Identity, identifier_hash
from mijnomgeving.subjects import zaak_subject
from notificaties import recipients
from notificaties.handlers import Delivery
from notificaties.models import DeliveryThrottle, OutgoingMessage, ReceivedNotification
from notificaties.recipients import delivery_record
from notificaties.tasks import sweep
from tests.factories import zgw
from tests.notificaties.conftest import World, step_config, store

pytestmark = pytest.mark.django_db

Status = OutgoingMessage.Status
Kind = OutgoingMessage.Kind


def stored(world: World) -> ReceivedNotification:
    return store(world.status_notificatie())


def delivery(world: World, resource_url: str, kind: str) -> Delivery:
    return Delivery(
        identity=Identity(bsn=zgw.TEST_BSN),
        subject=zaak_subject(url=world.zaak["url"], label="Omgevingsvergunning"),
        resource_url=resource_url,
        kind=kind,
        link="https://portal.test/mijn-zaken/x/",
    )


def interleave(monkeypatch: Any, other_worker: Any) -> None:
    """The first address lookup runs `other_worker` to its end before it returns.

    That is the race: worker A has passed its early rate-limit check and asks Open Klant;
    meanwhile worker B checks, finds nothing, and records its message.
    """
    real = recipients.contact_addresses_get
    calls: list[int] = []

    def lookup(**kwargs: Any) -> Any:
        addresses = real(**kwargs)
        if not calls:
            calls.append(1)
            other_worker()
        return addresses

    monkeypatch.setattr(recipients, "contact_addresses_get", lookup)


def test_two_interleaved_decisions_send_one_message_and_rate_limit_the_other(
    world: World, settings: Any, monkeypatch: Any
) -> None:
    settings.NOTIFICATION_RATE_LIMIT_SECONDS = 3600
    notification = stored(world)
    status = delivery(world, world.status_url, Kind.STATUS_UPDATE)
    document = delivery(world, world.zio["url"], Kind.NEW_DOCUMENT)
    interleave(monkeypatch, lambda: delivery_record(document, notification))

    first = delivery_record(status, notification)

    second = OutgoingMessage.objects.get(kind=Kind.NEW_DOCUMENT)
    assert second.status == Status.PENDING  # B was first to record
    assert (first.status, first.skip_reason) == (Status.SKIPPED, "rate_limited")
    assert first.recipient == ""  # the address A looked up is not kept
    sweep()
    outcomes = sorted(
        (m.status, m.skip_reason)
        for m in OutgoingMessage.objects.filter(subject_url=world.zaak["url"])
    )
    assert outcomes == [(Status.SENT, ""), (Status.SKIPPED, "rate_limited")]
    assert len(mail.outbox) == 1


def test_the_same_delivery_decided_twice_at_once_is_one_row(
    world: World, settings: Any, monkeypatch: Any
) -> None:
    settings.NOTIFICATION_RATE_LIMIT_SECONDS = 3600
    notification = stored(world)
    status = delivery(world, world.status_url, Kind.STATUS_UPDATE)
    interleave(monkeypatch, lambda: delivery_record(status, notification))
    first = delivery_record(status, notification)
    assert OutgoingMessage.objects.count() == 1
    assert first.status == Status.PENDING  # the other worker's row, not a rate-limited copy


def test_action_required_is_not_rate_limited_even_when_it_loses_the_race(
    world: World, settings: Any, monkeypatch: Any
) -> None:
    settings.NOTIFICATION_RATE_LIMIT_SECONDS = 3600
    step_config(world, action_required=True)
    notification = stored(world)
    action = delivery(world, world.status_url, Kind.ACTION_REQUIRED)
    document = delivery(world, world.zio["url"], Kind.NEW_DOCUMENT)
    interleave(monkeypatch, lambda: delivery_record(document, notification))
    assert delivery_record(action, notification).status == Status.PENDING


def test_one_throttle_row_per_resident_and_subject(world: World) -> None:
    notification = stored(world)
    delivery_record(delivery(world, world.status_url, Kind.STATUS_UPDATE), notification)
    delivery_record(delivery(world, world.zio["url"], Kind.NEW_DOCUMENT), notification)
    throttle = DeliveryThrottle.objects.get()
    assert throttle.identifier_hash == identifier_hash(zgw.TEST_BSN)
    assert (throttle.identifier_kind, throttle.subject_url) == ("bsn", world.zaak["url"])
    with pytest.raises(IntegrityError), transaction.atomic():
        DeliveryThrottle.objects.create(
            identifier_kind=throttle.identifier_kind,
            identifier_hash=throttle.identifier_hash,
            subject_url=throttle.subject_url,
        )
