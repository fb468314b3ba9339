"""The processing log: written per page, never editable, BSN masked on screen, CSV for admins."""

import csv
import io
import uuid
from typing import Any

import pytest
from cryptography.fernet import Fernet
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.checks import run_checks
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from mijnomgeving.accounts.identity import IdentifierKind, Identity, identifier_hash
from mijnomgeving.accounts.models import User
from mijnomgeving.accounts.staff import StaffMember
from mijnomgeving.audit import crypto
from mijnomgeving.audit.checks import check_audit_encryption_keys
from mijnomgeving.audit.export import UNREADABLE_NUMBER
from mijnomgeving.audit.log import Seen, record
from mijnomgeving.audit.models import (
    ImmutableEntryError,
    OverviewList,
    PageKind,
    ProcessingLogEntry,
    Purpose,
)
from mijnomgeving.subjects import Service, SubjectKind, zaak_subject
from tests.fixtures.staff import MODEL_BACKEND

pytestmark = pytest.mark.django_db

SUZANNE = "999993653"
MARY = "999990755"
BAKKERIJ = "69599084"  # a KVK number
CHANGELIST = "admin:audit_processinglogentry_changelist"


JOKE = StaffMember(user_id=7, username="j.balie", full_name="Joke de Balie")


def make_entry(
    bsn: str = SUZANNE,
    seen: Seen | None = None,
    purpose: Purpose = Purpose.PHONE_QUESTION,
    purpose_text: str = "",
    staff: StaffMember = JOKE,
    identity: Identity | None = None,
) -> ProcessingLogEntry:
    return record(
        staff=staff,
        identity=identity or Identity(bsn=bsn),
        purpose=purpose,
        purpose_text=purpose_text,
        lookup_id=uuid.uuid4(),
        seen=seen or Seen(PageKind.DETAIL, zaak_subject(uuid=uuid.uuid4(), label="ZAAK-2026-0001")),
    )


@pytest.fixture
def entry() -> ProcessingLogEntry:
    return make_entry()


@pytest.fixture
def superuser_client(db: None) -> Client:
    user = User.objects.create_superuser("root", "root@example.nl", "x")
    client = Client()
    client.force_login(user, backend=MODEL_BACKEND)
    return client


def test_the_bsn_is_stored_encrypted_and_found_by_its_hash(entry: ProcessingLogEntry) -> None:
    assert entry.identifier_kind == IdentifierKind.BSN
    assert SUZANNE not in entry.identifier_encrypted
    assert crypto.decrypt(entry.identifier_encrypted) == SUZANNE
    assert entry.identifier_hash == identifier_hash(SUZANNE)
    assert entry.identifier_tail == "53"


def test_a_zaak_page_records_its_subject(entry: ProcessingLogEntry) -> None:
    assert (entry.kind, entry.subject_service, entry.subject_kind) == (
        PageKind.DETAIL,
        Service.ZAKEN,
        SubjectKind.ZAAK,
    )
    assert entry.subject_label == "ZAAK-2026-0001"
    assert entry.subject_uuid is not None


def test_a_kvk_number_is_stored_like_a_bsn_and_said_to_be_one() -> None:
    entry = make_entry(identity=Identity(kvk=BAKKERIJ))

    assert entry.identifier_kind == IdentifierKind.KVK
    assert BAKKERIJ not in entry.identifier_encrypted
    assert crypto.decrypt(entry.identifier_encrypted) == BAKKERIJ
    assert (entry.identifier_hash, entry.identifier_tail) == (identifier_hash(BAKKERIJ), "84")
    assert crypto.mask(entry.identifier_tail, entry.identifier_kind) == "******84"


def test_an_entry_cannot_be_changed_or_deleted(entry: ProcessingLogEntry) -> None:
    entry.purpose_text = "achteraf aangepast"
    with pytest.raises(ImmutableEntryError):
        entry.save()
    with pytest.raises(ImmutableEntryError):
        entry.delete()
    loaded = ProcessingLogEntry.objects.get()
    loaded.purpose_text = "achteraf aangepast"
    with pytest.raises(ImmutableEntryError):
        loaded.save()
    assert ProcessingLogEntry.objects.get().purpose_text == ""


def test_entries_cannot_be_changed_or_deleted_in_bulk(entry: ProcessingLogEntry) -> None:
    entries = ProcessingLogEntry.objects.all()
    entry.purpose_text = "achteraf aangepast"

    with pytest.raises(ImmutableEntryError):
        entries.update(purpose_text="achteraf aangepast")
    with pytest.raises(ImmutableEntryError):
        ProcessingLogEntry.objects.update(purpose_text="achteraf aangepast")
    with pytest.raises(ImmutableEntryError):
        entries.filter(pk=entry.pk).delete()
    with pytest.raises(ImmutableEntryError):
        ProcessingLogEntry.objects.bulk_update([entry], ["purpose_text"])
    with pytest.raises(ImmutableEntryError):
        ProcessingLogEntry.objects.update_or_create(pk=entry.pk, defaults={"purpose_text": "x"})

    assert ProcessingLogEntry.objects.get().purpose_text == ""


def test_the_log_still_grows(entry: ProcessingLogEntry) -> None:
    make_entry(MARY)
    ProcessingLogEntry.objects.bulk_create([])

    assert ProcessingLogEntry.objects.count() == 2


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


def test_a_zaaknummer_listed_in_an_overview_finds_that_entry(superuser_client: Client) -> None:
    listed = make_entry(
        seen=Seen(PageKind.OVERVIEW, zaak_subject(), listed_labels=("ZAAK-2026-0042",))
    )
    make_entry(seen=Seen(PageKind.OVERVIEW, zaak_subject(), listed_labels=("ZAAK-2026-0007",)))

    found = superuser_client.get(reverse(CHANGELIST), {"q": "ZAAK-2026-0042"})

    assert [e.pk for e in found.context["cl"].result_list] == [listed.pk]


def test_the_list_filters_on_date(superuser_client: Client, entry: ProcessingLogEntry) -> None:
    day = timezone.localtime(entry.created_at)  # the admin filters on the Dutch calendar day
    response = superuser_client.get(
        reverse(CHANGELIST),
        {"created_at__year": day.year, "created_at__month": day.month, "created_at__day": day.day},
    )

    assert response.status_code == 200
    assert "ZAAK-2026-0001" in response.text


def export(client: Client, *entries: ProcessingLogEntry, **data: str) -> Any:
    return client.post(
        reverse(CHANGELIST),
        {"action": "export_csv", ACTION_CHECKBOX_NAME: [str(e.pk) for e in entries], **data},
    )


def exported_rows(response: Any) -> list[dict[str, str]]:
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")  # the BOM: Excel then reads UTF-8
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))


def test_administrators_export_csv_with_the_full_bsn(
    admin_client_staff: Client, entry: ProcessingLogEntry
) -> None:
    response = export(admin_client_staff, entry)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = exported_rows(response)
    assert len(rows) == 1
    assert (rows[0]["soort_nummer"], rows[0]["betrokkene_nummer"]) == ("BSN", SUZANNE)
    assert rows[0]["medewerker_gebruikersnaam"] == "j.balie"
    assert rows[0]["doel"] == "Telefonische vraag"
    assert rows[0]["bekeken"] == "Zaak"
    assert (rows[0]["dienst"], rows[0]["soort_onderwerp"]) == ("MijnZaken", "Zaak")
    assert rows[0]["onderwerp"] == "ZAAK-2026-0001"
    assert rows[0]["onderwerp_uuid"] == str(entry.subject_uuid)


def test_the_csv_says_which_kind_of_number_it_shows(admin_client_staff: Client) -> None:
    entry = make_entry(identity=Identity(kvk=BAKKERIJ))

    row = exported_rows(export(admin_client_staff, entry))[0]

    assert (row["soort_nummer"], row["betrokkene_nummer"]) == ("KVK-nummer", BAKKERIJ)


def test_the_csv_opens_in_columns_with_accents_in_dutch_excel(
    admin_client_staff: Client,
) -> None:
    entry = make_entry(
        staff=StaffMember(user_id=8, username="z.balie", full_name="Zoë Çelik, België"),
        purpose=Purpose.OTHER,
        purpose_text="Vraag over één brief; twee keer",
    )

    body = b"".join(export(admin_client_staff, entry).streaming_content).decode("utf-8-sig")
    header, line = body.splitlines()

    assert header.split(";")[:6] == [
        "tijdstip",
        "medewerker_id",
        "medewerker_gebruikersnaam",
        "medewerker_naam",
        "soort_nummer",
        "betrokkene_nummer",
    ]
    assert "Zoë Çelik, België" in line  # a comma is no separator
    assert '"Vraag over één brief; twee keer"' in line  # a ";" in a cell is quoted


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("https://kwaadwillend.example","klik")',
        "+31 6 12345678",
        "-1+1",
        "@SUM(A1:A9)",
        "\tverborgen",
        "\rverborgen",
    ],
)
def test_cells_that_would_run_as_a_formula_are_made_text(
    admin_client_staff: Client, text: str
) -> None:
    entry = make_entry(purpose=Purpose.OTHER, purpose_text=text)

    row = exported_rows(export(admin_client_staff, entry))[0]

    assert row["toelichting_doel"] == f"'{text}"


def test_harmless_cells_are_left_as_they_are(admin_client_staff: Client) -> None:
    entry = make_entry(purpose=Purpose.OTHER, purpose_text="Brief 3 = kwijt")

    row = exported_rows(export(admin_client_staff, entry))[0]

    assert row["toelichting_doel"] == "Brief 3 = kwijt"
    assert row["betrokkene_nummer"] == SUZANNE


def test_an_overview_entry_exports_its_list_page_and_zaken(admin_client_staff: Client) -> None:
    seen = Seen(
        PageKind.OVERVIEW,
        zaak_subject(),
        list_name=OverviewList.ZAKEN_CLOSED,
        page_number=2,
        listed_labels=("ZAAK-1", "=ZAAK-2"),
    )
    entry = make_entry(seen=seen)

    row = exported_rows(export(admin_client_staff, entry))[0]

    assert (row["bekeken"], row["lijst"], row["pagina"]) == (
        "Zakenoverzicht",
        "Afgeronde zaken",
        "2",
    )
    assert row["onderwerpen_in_lijst"] == "ZAAK-1, =ZAAK-2"
    assert (row["dienst"], row["onderwerp"], row["onderwerp_uuid"]) == ("MijnZaken", "", "")


def test_an_export_is_itself_logged_once_per_resident_in_it(
    admin_client_staff: Client, admin_staff: User
) -> None:
    suzanne = [make_entry(SUZANNE), make_entry(SUZANNE)]
    mary = make_entry(MARY)
    make_entry("999992223")  # not exported

    response = export(admin_client_staff, *suzanne, mary)
    rows = exported_rows(response)

    assert len(rows) == 3
    assert PageKind.EXPORT.label not in {row["bekeken"] for row in rows}
    exports = ProcessingLogEntry.objects.filter(kind=PageKind.EXPORT)
    assert {e.identifier_hash for e in exports} == {
        identifier_hash(SUZANNE),
        identifier_hash(MARY),
    }
    assert {crypto.decrypt(e.identifier_encrypted) for e in exports} == {SUZANNE, MARY}
    assert {e.identifier_tail for e in exports} == {"53", "55"}
    assert {e.identifier_kind for e in exports} == {IdentifierKind.BSN}
    assert {(e.subject_service, e.subject_kind) for e in exports} == {("", "")}
    assert {(e.staff_user_id, e.staff_username, e.staff_full_name) for e in exports} == {
        (admin_staff.pk, "b.beheer", "Bea Beheer")
    }
    assert {e.purpose for e in exports} == {Purpose.ACCOUNTABILITY}
    assert {e.purpose_text for e in exports} == {
        "CSV-export van 2 verwerkingen",
        "CSV-export van 1 verwerking",
    }
    assert len({e.lookup_id for e in exports}) == 1


def test_the_privacy_officer_finds_the_export_by_the_residents_bsn(
    admin_client_staff: Client, entry: ProcessingLogEntry
) -> None:
    export(admin_client_staff, entry)

    found = admin_client_staff.get(reverse(CHANGELIST), {"q": SUZANNE})
    other = admin_client_staff.get(reverse(CHANGELIST), {"q": MARY})

    results = found.context["cl"].result_list
    assert {(e.kind, e.staff_username) for e in results} == {
        (PageKind.DETAIL, "j.balie"),
        (PageKind.EXPORT, "b.beheer"),
    }
    assert not other.context["cl"].result_list


def test_exporting_everything_leaves_out_the_exports_own_entries(
    admin_client_staff: Client, entry: ProcessingLogEntry
) -> None:
    first = exported_rows(export(admin_client_staff, entry, select_across="1", index="0"))
    second = exported_rows(export(admin_client_staff, entry, select_across="1", index="0"))

    assert len(first) == 1
    assert [row["bekeken"] for row in second] == ["Zaak", PageKind.EXPORT.label]


def test_a_bsn_no_key_opens_is_marked_not_left_empty(
    admin_client_staff: Client, settings: Any
) -> None:
    settings.AUDIT_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    entry = make_entry()
    settings.AUDIT_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]  # the old key is gone

    row = exported_rows(export(admin_client_staff, entry))[0]

    assert row["betrokkene_nummer"] == UNREADABLE_NUMBER == "onleesbaar (sleutel ontbreekt)"
    assert entry.identifier_tail == "53"  # the masked digits stay usable


def test_a_rotated_key_still_opens_older_entries(admin_client_staff: Client, settings: Any) -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.AUDIT_ENCRYPTION_KEYS = [old]
    entry = make_entry()
    settings.AUDIT_ENCRYPTION_KEYS = [new, old]

    assert exported_rows(export(admin_client_staff, entry))[0]["betrokkene_nummer"] == SUZANNE


def test_production_refuses_a_log_key_derived_from_the_secret_key(settings: Any) -> None:
    settings.MIJNOMGEVING_ENVIRONMENT = "production"
    settings.AUDIT_ENCRYPTION_KEYS = []

    assert [message.id for message in check_audit_encryption_keys()] == ["audit.E001"]
    assert "audit.E001" in {message.id for message in run_checks()}  # registered


def test_production_with_its_own_log_keys_passes(settings: Any) -> None:
    settings.MIJNOMGEVING_ENVIRONMENT = "production"
    settings.AUDIT_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]

    assert check_audit_encryption_keys() == []


def test_development_may_derive_the_log_key(settings: Any) -> None:
    settings.MIJNOMGEVING_ENVIRONMENT = "development"
    settings.AUDIT_ENCRYPTION_KEYS = []

    assert check_audit_encryption_keys() == []


def test_a_malformed_log_key_is_an_error_everywhere(settings: Any) -> None:
    settings.MIJNOMGEVING_ENVIRONMENT = "development"
    settings.AUDIT_ENCRYPTION_KEYS = ["geen-fernet-sleutel"]

    assert [message.id for message in check_audit_encryption_keys()] == ["audit.E002"]


def test_desk_employees_cannot_read_or_export_the_log(
    desk_client: Client, entry: ProcessingLogEntry
) -> None:
    assert desk_client.get(reverse(CHANGELIST)).status_code == 403
    response = export(desk_client, entry)

    assert response.status_code == 403
    assert SUZANNE not in response.content.decode()
