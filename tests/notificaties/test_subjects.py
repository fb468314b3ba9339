"""The outbox records what a message is about (a subject) and whose number it is (its kind).

The dedupe key of a resident's message about a zaak is the one it always was: rows from
before the subject columns keep stopping a second message.
"""

import hashlib
import json
from typing import Any

import pytest
from django.core import mail

from mijnomgeving.accounts.identity import IdentifierKind, Identity, identifier_hash
from mijnomgeving.subjects import Service, Subject, SubjectKind, zaak_subject
from notificaties import recipients
from notificaties.handlers import Delivery
from notificaties.models import MessageTemplate, OutgoingMessage
from notificaties.recipients import NO_ADDRESS_LOOKUP, dedupe_key, delivery_record
from notificaties.texts import message_text
from tests.factories import zgw
from tests.notificaties.conftest import World, deliver, store

pytestmark = pytest.mark.django_db

Status = OutgoingMessage.Status
Kind = OutgoingMessage.Kind
ZAAK_URL = "https://zaken.test/api/v1/zaken/1"
STATUS_URL = "https://zaken.test/api/v1/statussen/1"


def delivery(identity: Identity, subject: Subject | None = None) -> Delivery:
    return Delivery(
        identity=identity,
        subject=subject or zaak_subject(url=ZAAK_URL, label="Omgevingsvergunning"),
        resource_url=STATUS_URL,
        kind=Kind.STATUS_UPDATE,
        link="https://portal.test/mijn-zaken/x/",
    )


def test_a_message_records_its_subject_and_the_kind_of_number(world: World) -> None:
    deliver(world.status_notificatie())

    message = OutgoingMessage.objects.get()
    assert (message.identifier_kind, message.identifier_hash) == (
        IdentifierKind.BSN,
        identifier_hash(zgw.TEST_BSN),
    )
    assert (message.subject_service, message.subject_kind) == (Service.ZAKEN, SubjectKind.ZAAK)
    assert message.subject_url == world.zaak["url"]
    assert message.subject_label == "Omgevingsvergunning"
    assert zgw.TEST_BSN not in json.dumps(
        {f.name: str(getattr(message, f.attname)) for f in OutgoingMessage._meta.fields}
    )


def test_a_residents_zaak_message_keeps_the_dedupe_key_it_always_had() -> None:
    hashed = identifier_hash(zgw.TEST_BSN)
    # recipients.dedupe_key before the subject columns, written out.
    before = hashlib.sha256(
        json.dumps([hashed, ZAAK_URL, STATUS_URL, "status_update"]).encode()
    ).hexdigest()

    assert dedupe_key(hashed, delivery(Identity(bsn=zgw.TEST_BSN))) == before


def test_a_row_recorded_before_the_upgrade_stops_the_same_message(world: World) -> None:
    notification = store(world.status_notificatie())
    hashed = identifier_hash(zgw.TEST_BSN)
    key = hashlib.sha256(
        json.dumps([hashed, ZAAK_URL, STATUS_URL, "status_update"]).encode()
    ).hexdigest()
    old = OutgoingMessage.objects.create(
        dedupe_key=key,
        identifier_kind="bsn",
        identifier_hash=hashed,
        subject_service="zaken",
        subject_kind="zaak",
        subject_url=ZAAK_URL,
        resource_url=STATUS_URL,
        kind=Kind.STATUS_UPDATE,
        status=Status.SENT,
    )

    assert delivery_record(delivery(Identity(bsn=zgw.TEST_BSN)), notification) == old
    assert OutgoingMessage.objects.count() == 1


def test_other_kinds_of_number_or_subject_get_keys_of_their_own() -> None:
    """Same hash, same URL, same resource: only the kinds differ, and so do the keys."""
    hashed = identifier_hash(zgw.TEST_BSN)
    taken: Any = "taken"  # a service to come
    taak: Any = "taak"

    keys = {
        dedupe_key(hashed, delivery(Identity(bsn=zgw.TEST_BSN))),
        dedupe_key(hashed, delivery(Identity(kvk="69599084"))),
        dedupe_key(hashed, delivery(Identity(bsn=zgw.TEST_BSN), Subject(taken, taak, ZAAK_URL))),
    }

    assert len(keys) == 3


def test_a_business_is_not_looked_up_in_open_klant_by_its_kvk_number(
    world: World, monkeypatch: Any
) -> None:
    notification = store(world.status_notificatie())

    def never(**kwargs: Any) -> Any:
        raise AssertionError("Open Klant asked without a BSN")

    monkeypatch.setattr(recipients, "contact_addresses_get", never)

    message = delivery_record(delivery(Identity(kvk="69599084")), notification)

    assert (message.status, message.skip_reason) == (Status.SKIPPED, NO_ADDRESS_LOOKUP)
    assert (message.identifier_kind, message.identifier_hash) == (
        IdentifierKind.KVK,
        identifier_hash("69599084"),
    )
    assert not mail.outbox


def test_a_text_may_name_the_subject_as_onderwerp_or_as_zaak() -> None:
    MessageTemplate.objects.filter(kind=Kind.STATUS_UPDATE).update(
        subject="Nieuws over {onderwerp}",
        body="Over '{onderwerp}' (eerder: '{zaak}'): {link}",
        sms_body="{zaak}: {link}",
    )

    text = message_text(Kind.STATUS_UPDATE, label="Parkeervergunning", link="https://p.test/z")

    assert text.subject == "Nieuws over Parkeervergunning"
    assert text.body == "Over 'Parkeervergunning' (eerder: 'Parkeervergunning'): https://p.test/z"
    assert text.sms_body == "Parkeervergunning: https://p.test/z"


def test_the_default_texts_still_name_the_zaak() -> None:
    text = message_text(Kind.NEW_DOCUMENT, label="Parkeervergunning", link="https://p.test/z")

    assert "uw zaak 'Parkeervergunning'" in text.body
    assert "https://p.test/z" in text.sms_body


def test_a_label_is_filled_in_once_never_read_as_a_placeholder() -> None:
    text = message_text(Kind.STATUS_UPDATE, label="Vergunning {link}", link="https://p.test/z")

    assert "uw zaak 'Vergunning {link}'" in text.body
