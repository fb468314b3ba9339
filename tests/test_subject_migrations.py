"""The service-neutral columns (issue 10, point 5): the migrations carry existing rows over.

The processing log's bsn_*/zaak_* columns and the outbox's zaak_url become an identifier with
its kind and a subject (audit 0003-0004, notificaties 0004). Rows written in the old schema
(through the historical models) must arrive with the same content: the encrypted BSN still
opens and is found by its hash, the zaak is the subject, the CSV says what it said, the
outbox's dedupe keys still match what the code computes now, and the log stays immutable.

The migrations run on a database of their own (a temporary SQLite file), so the suite's
database and its test transaction are left alone.
"""

import hashlib
import json
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from django.apps.registry import Apps
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.executor import MigrationExecutor

from mijnomgeving.accounts.identity import IdentifierKind, Identity, identifier_hash
from mijnomgeving.audit import crypto
from mijnomgeving.audit.export import HEADER, csv_lines
from mijnomgeving.audit.models import ImmutableEntryError, PageKind, ProcessingLogEntry
from mijnomgeving.subjects import zaak_subject
from notificaties.handlers import Delivery
from notificaties.models import DeliveryThrottle, OutgoingMessage
from notificaties.recipients import dedupe_key

pytestmark = pytest.mark.django_db

ALIAS = "migrations_under_test"
BEFORE = [
    ("audit", "0002_overview_attempts_exports"),
    ("notificaties", "0003_throttle_fallback_auth"),
]
AFTER = [
    ("audit", "0004_subject_of_earlier_entries"),
    ("notificaties", "0004_identifier_and_subject"),
]

SUZANNE = "999993653"
ZAAK = uuid.UUID("6d3a0f8e-2f0b-4f7e-9a53-4f8f1e2b9c11")
OTHER_ZAAK = uuid.UUID("0b5e4f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b")
DOCUMENT = uuid.UUID("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a")
ZAAK_URL = "https://zaken.test/zaken/api/v1/zaken/6d3a0f8e-2f0b-4f7e-9a53-4f8f1e2b9c11"
STATUS_URL = "https://zaken.test/zaken/api/v1/statussen/1"


@pytest.fixture
def database(tmp_path: Any) -> Iterator[BaseDatabaseWrapper]:
    """An empty SQLite database beside the suite's, under its own alias."""
    connections.settings[ALIAS] = {
        **connections.settings["default"],
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(tmp_path / "migrations.sqlite3"),
        "OPTIONS": {},
    }
    connection = connections[ALIAS]
    # Opened here: the test case refuses to open connections to databases it was not given,
    # and it is given only "default" (an alias it knew would get the whole schema set up).
    connection.connect()
    try:
        yield connection
    finally:
        connections[ALIAS].close()
        del connections[ALIAS]
        del connections.settings[ALIAS]


def migrate(connection: BaseDatabaseWrapper, targets: list[tuple[str, str]]) -> Apps:
    """Migrate to the targets; the historical models of that state."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def old_log_rows(apps: Apps) -> None:
    """One of each page kind, as the desk wrote them before: a resident's, about zaken."""
    entry = apps.get_model("audit", "ProcessingLogEntry")
    person = {
        "staff_user_id": 7,
        "staff_username": "j.balie",
        "staff_full_name": "Joke de Balie",
        "bsn_encrypted": crypto.encrypt(SUZANNE),
        "bsn_hash": identifier_hash(SUZANNE),
        "bsn_tail": SUZANNE[-2:],
        "purpose": "telefoon",
        "lookup_id": uuid.uuid4(),
    }
    rows = [
        {"kind": "opzoeken"},
        {
            "kind": "overzicht",
            "zaken_list": "afgerond",
            "page_number": 2,
            "zaak_identificaties": ["ZAAK-2026-0001", "ZAAK-2026-0002"],
        },
        {"kind": "zaak", "zaak_identificatie": "ZAAK-2026-0001", "zaak_uuid": ZAAK},
        {"kind": "document", "zaak_uuid": ZAAK, "document_uuid": DOCUMENT},
        {"kind": "poging", "zaak_uuid": OTHER_ZAAK},
        {"kind": "export", "purpose": "verantwoording", "purpose_text": "CSV-export"},
    ]
    for row in rows:
        entry.objects.using(ALIAS).create(**(person | row))


def old_dedupe_key() -> str:
    """How recipients.dedupe_key made a key before the subject columns."""
    parts = [identifier_hash(SUZANNE), ZAAK_URL, STATUS_URL, "status_update"]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


def old_outbox_rows(apps: Apps) -> None:
    apps.get_model("notificaties", "OutgoingMessage").objects.using(ALIAS).create(
        dedupe_key=old_dedupe_key(),
        identifier_hash=identifier_hash(SUZANNE),
        zaak_url=ZAAK_URL,
        resource_url=STATUS_URL,
        kind="status_update",
        channel="email",
        subject="Er is nieuws over uw zaak",
        body="Er is nieuws over uw zaak 'Parkeervergunning'.",
        status="sent",
    )
    apps.get_model("notificaties", "DeliveryThrottle").objects.using(ALIAS).create(
        identifier_hash=identifier_hash(SUZANNE), zaak_url=ZAAK_URL
    )


@pytest.fixture
def upgraded(database: BaseDatabaseWrapper) -> BaseDatabaseWrapper:
    old = migrate(database, BEFORE)
    old_log_rows(old)
    old_outbox_rows(old)
    migrate(database, AFTER)
    return database


def entry_of(kind: str) -> ProcessingLogEntry:
    return ProcessingLogEntry.objects.using(ALIAS).get(kind=kind)


def test_every_log_entry_arrives_with_its_number_and_subject(upgraded: Any) -> None:
    entries = ProcessingLogEntry.objects.using(ALIAS)

    assert entries.count() == 6
    assert {e.identifier_kind for e in entries} == {IdentifierKind.BSN}
    assert {crypto.decrypt(e.identifier_encrypted) for e in entries} == {SUZANNE}
    assert {e.identifier_tail for e in entries} == {"53"}
    assert entries.filter(identifier_hash=identifier_hash(SUZANNE)).count() == 6
    assert set(entries.values_list("kind", flat=True)) == {
        PageKind.LOOKUP,
        PageKind.OVERVIEW,
        PageKind.DETAIL,
        PageKind.DOCUMENT,
        PageKind.ATTEMPT,
        PageKind.EXPORT,
    }
    zaak = entry_of(PageKind.DETAIL)
    assert (zaak.subject_service, zaak.subject_kind) == ("zaken", "zaak")
    assert (zaak.subject_uuid, zaak.subject_label) == (ZAAK, "ZAAK-2026-0001")
    document = entry_of(PageKind.DOCUMENT)
    assert (document.subject_kind, document.subject_uuid, document.document_uuid) == (
        "zaak",
        ZAAK,
        DOCUMENT,
    )
    attempt = entry_of(PageKind.ATTEMPT)
    assert (attempt.subject_service, attempt.subject_uuid) == ("zaken", OTHER_ZAAK)
    overview = entry_of(PageKind.OVERVIEW)
    assert (overview.subject_service, overview.list_name, overview.page_number) == (
        "zaken",
        "afgerond",
        2,
    )
    assert overview.listed_labels == ["ZAAK-2026-0001", "ZAAK-2026-0002"]
    for kind in (PageKind.LOOKUP, PageKind.EXPORT):
        assert (entry_of(kind).subject_service, entry_of(kind).subject_kind) == ("", "")


def test_the_csv_of_an_old_entry_says_what_it_said(upgraded: Any) -> None:
    lines = list(csv_lines([entry_of(PageKind.DETAIL), entry_of(PageKind.OVERVIEW)]))
    rows = [dict(zip(HEADER, line.rstrip("\r\n").split(";"), strict=True)) for line in lines[1:]]

    assert rows[0]["betrokkene_nummer"] == SUZANNE
    assert (rows[0]["bekeken"], rows[0]["onderwerp"]) == ("Zaak", "ZAAK-2026-0001")
    assert rows[0]["onderwerp_uuid"] == str(ZAAK)
    assert (rows[1]["bekeken"], rows[1]["lijst"]) == ("Zakenoverzicht", "Afgeronde zaken")
    assert rows[1]["onderwerpen_in_lijst"] == "ZAAK-2026-0001, ZAAK-2026-0002"


def test_old_entries_stay_immutable(upgraded: Any) -> None:
    entries = ProcessingLogEntry.objects.using(ALIAS)

    with pytest.raises(ImmutableEntryError):
        entries.update(subject_label="achteraf")
    with pytest.raises(ImmutableEntryError):
        entries.all().delete()
    entry = entry_of(PageKind.DETAIL)
    with pytest.raises(ImmutableEntryError):
        entry.save(using=ALIAS)
    assert entries.count() == 6


def test_the_outbox_row_arrives_and_its_dedupe_key_still_matches(upgraded: Any) -> None:
    message = OutgoingMessage.objects.using(ALIAS).get()
    delivery = Delivery(
        identity=Identity(bsn=SUZANNE),
        subject=zaak_subject(url=ZAAK_URL, label="Parkeervergunning"),
        resource_url=STATUS_URL,
        kind="status_update",
        link="https://portal.test/mijn-zaken/x/",
    )

    assert (message.identifier_kind, message.identifier_hash) == ("bsn", identifier_hash(SUZANNE))
    assert (message.subject_service, message.subject_kind) == ("zaken", "zaak")
    assert (message.subject_url, message.subject_label) == (ZAAK_URL, "")
    assert message.body == "Er is nieuws over uw zaak 'Parkeervergunning'."
    assert message.dedupe_key == old_dedupe_key()
    assert dedupe_key(identifier_hash(SUZANNE), delivery) == message.dedupe_key
    throttle = DeliveryThrottle.objects.using(ALIAS).get()
    assert (throttle.identifier_kind, throttle.subject_url) == ("bsn", ZAAK_URL)


def test_the_migrations_go_back_to_the_old_columns(upgraded: Any) -> None:
    old = migrate(upgraded, BEFORE)

    entries = old.get_model("audit", "ProcessingLogEntry").objects.using(ALIAS)
    zaak = entries.get(kind="zaak")
    assert (zaak.zaak_uuid, zaak.zaak_identificatie) == (ZAAK, "ZAAK-2026-0001")
    assert crypto.decrypt(zaak.bsn_encrypted) == SUZANNE
    assert not entries.filter(kind="detail").exists()
    message = old.get_model("notificaties", "OutgoingMessage").objects.using(ALIAS).get()
    assert (message.zaak_url, message.dedupe_key) == (ZAAK_URL, old_dedupe_key())


def test_going_back_is_refused_once_a_kvk_number_is_logged(upgraded: Any) -> None:
    entry = entry_of(PageKind.LOOKUP)
    ProcessingLogEntry.objects.using(ALIAS).bulk_create(
        [
            ProcessingLogEntry(
                staff_user_id=entry.staff_user_id,
                staff_username=entry.staff_username,
                identifier_kind=IdentifierKind.KVK,
                identifier_encrypted=crypto.encrypt("69599084"),
                identifier_hash=identifier_hash("69599084"),
                identifier_tail="84",
                purpose=entry.purpose,
                kind=PageKind.LOOKUP,
            )
        ]
    )

    with pytest.raises(RuntimeError, match="KVK"):
        migrate(upgraded, [("audit", "0003_identifier_and_subject")])
