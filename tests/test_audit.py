"""The processing log: written per page, never editable, BSN masked on screen, CSV for admins."""

import csv
import io
import uuid

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.test import Client
from django.urls import reverse

from mijnomgeving.accounts.models import User
from mijnomgeving.accounts.staff import StaffMember
from mijnomgeving.audit import crypto
from mijnomgeving.audit.log import Seen, record
from mijnomgeving.audit.models import ImmutableEntryError, PageKind, ProcessingLogEntry, Purpose
from tests.fixtures.staff import MODEL_BACKEND

pytestmark = pytest.mark.django_db

SUZANNE = "999993653"
CHANGELIST = "admin:audit_processinglogentry_changelist"


@pytest.fixture
def entry() -> ProcessingLogEntry:
    return record(
        staff=StaffMember(user_id=7, username="j.balie", full_name="Joke de Balie"),
        bsn=SUZANNE,
        purpose=Purpose.PHONE_QUESTION,
        purpose_text="",
        lookup_id=uuid.uuid4(),
        seen=Seen(PageKind.ZAAK, "ZAAK-2026-0001", uuid.uuid4()),
    )


@pytest.fixture
def superuser_client(db: None) -> Client:
    user = User.objects.create_superuser("root", "root@example.nl", "x")
    client = Client()
    client.force_login(user, backend=MODEL_BACKEND)
    return client


def test_the_bsn_is_stored_encrypted_and_found_by_its_hash(entry: ProcessingLogEntry) -> None:
    assert SUZANNE not in entry.bsn_encrypted
    assert crypto.decrypt(entry.bsn_encrypted) == SUZANNE
    assert entry.bsn_tail == "53"


def test_an_entry_cannot_be_changed_or_deleted(entry: ProcessingLogEntry) -> None:
    entry.purpose_text = "achteraf aangepast"
    with pytest.raises(ImmutableEntryError):
        entry.save()
    with pytest.raises(ImmutableEntryError):
        entry.delete()
    assert ProcessingLogEntry.objects.get().purpose_text == ""


def test_not_even_a_superuser_can_add_change_or_delete_in_the_admin(
    superuser_client: Client, entry: ProcessingLogEntry
) -> None:
    add = reverse("admin:audit_processinglogentry_add")
    change = reverse("admin:audit_processinglogentry_change", args=[entry.pk])
    delete = reverse("admin:audit_processinglogentry_delete", args=[entry.pk])

    assert superuser_client.get(add).status_code == 403
    assert superuser_client.post(change, {"purpose_text": "x"}).status_code == 403
    assert superuser_client.post(delete, {"post": "yes"}).status_code == 403
    page = superuser_client.get(change)
    assert page.status_code == 200  # read-only view
    assert 'name="_save"' not in page.text
    listing = superuser_client.get(reverse(CHANGELIST))
    assert "delete_selected" not in listing.text
    entry.refresh_from_db()
    assert entry.purpose_text == ""


def test_lists_show_the_bsn_masked(superuser_client: Client, entry: ProcessingLogEntry) -> None:
    listing = superuser_client.get(reverse(CHANGELIST))
    detail = superuser_client.get(reverse("admin:audit_processinglogentry_change", args=[entry.pk]))

    assert "*******53" in listing.text
    assert SUZANNE not in listing.text
    assert SUZANNE not in detail.text


def test_a_full_bsn_finds_its_entries(superuser_client: Client, entry: ProcessingLogEntry) -> None:
    found = superuser_client.get(reverse(CHANGELIST), {"q": SUZANNE})
    other = superuser_client.get(reverse(CHANGELIST), {"q": "999990755"})

    assert "ZAAK-2026-0001" in found.text
    assert "ZAAK-2026-0001" not in other.text


def test_the_list_filters_on_date(superuser_client: Client, entry: ProcessingLogEntry) -> None:
    day = entry.created_at
    response = superuser_client.get(
        reverse(CHANGELIST),
        {"created_at__year": day.year, "created_at__month": day.month, "created_at__day": day.day},
    )

    assert response.status_code == 200
    assert "ZAAK-2026-0001" in response.text


def export(client: Client, *entries: ProcessingLogEntry) -> object:
    return client.post(
        reverse(CHANGELIST),
        {"action": "export_csv", ACTION_CHECKBOX_NAME: [str(e.pk) for e in entries]},
    )


def test_administrators_export_csv_with_the_full_bsn(
    admin_client_staff: Client, entry: ProcessingLogEntry
) -> None:
    response = export(admin_client_staff, entry)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    body = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(body)))
    assert len(rows) == 1
    assert rows[0]["bsn"] == SUZANNE
    assert rows[0]["medewerker_gebruikersnaam"] == "j.balie"
    assert rows[0]["doel"] == "Telefonische vraag"
    assert rows[0]["bekeken"] == "Zaak"
    assert rows[0]["zaaknummer"] == "ZAAK-2026-0001"


def test_desk_employees_cannot_read_or_export_the_log(
    desk_client: Client, entry: ProcessingLogEntry
) -> None:
    assert desk_client.get(reverse(CHANGELIST)).status_code == 403
    response = export(desk_client, entry)

    assert response.status_code == 403
    assert SUZANNE not in response.content.decode()
