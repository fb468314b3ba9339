"""The desk sees the resident's MijnZaken (demo back office), under a banner, every page logged."""

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from mijnomgeving.audit.models import OverviewList, PageKind, ProcessingLogEntry, Purpose
from mijnomgeving.clients.calls import record_upstream_calls
from tests.fixtures.backoffice import DemoBackoffice
from tests.fixtures.failing_upstream import FailingUpstream
from tests.fixtures.services import ZgwServices

from .conftest import SUZANNE, seed_uid

pytestmark = pytest.mark.django_db

PARKEER = seed_uid("zaak:suzanne-parkeervergunning")
AANVRAAG = seed_uid("document:suzanne-parkeer-aanvraag")


@pytest.fixture
def looking_up(desk_client: Client, demo_services: ZgwServices) -> Client:
    response = desk_client.post(
        reverse("balie:start"), {"bsn": SUZANNE, "purpose": Purpose.PHONE_QUESTION}
    )
    assert response.status_code == 302
    return desk_client


def kinds() -> list[str]:
    return list(ProcessingLogEntry.objects.order_by("id").values_list("kind", flat=True))


def test_the_overview_shows_her_cases_under_the_banner(looking_up: Client) -> None:
    response = looking_up.get(reverse("balie-zaken:list"))

    assert response.status_code == 200
    text = response.text
    assert "U bekijkt de omgeving van een inwoner (BSN eindigt op …53)" in text
    assert "Telefonische vraag" in text
    assert "Einde inzage" in text
    assert SUZANNE not in text
    detail_url = reverse("balie-zaken:detail", kwargs={"uuid": PARKEER})
    assert f'href="{detail_url}"' in text  # the shared template links to the desk's pages
    assert reverse("zaken:detail", kwargs={"uuid": PARKEER}) not in text
    assert kinds() == [PageKind.LOOKUP, PageKind.OVERVIEW]


def test_every_desk_page_writes_exactly_one_entry(looking_up: Client) -> None:
    looking_up.get(reverse("balie-zaken:list"))
    looking_up.get(reverse("balie-zaken:list-closed"))
    detail = looking_up.get(reverse("balie-zaken:detail", kwargs={"uuid": PARKEER}))
    download = looking_up.get(
        reverse(
            "balie-zaken:document-download", kwargs={"uuid": PARKEER, "document_uuid": AANVRAAG}
        )
    )

    assert detail.status_code == 200
    assert "U bekijkt de omgeving van een inwoner" in detail.text
    desk_download = reverse(
        "balie-zaken:document-download", kwargs={"uuid": PARKEER, "document_uuid": AANVRAAG}
    )
    assert f'href="{desk_download}"' in detail.text
    assert "/mijn-zaken/" not in detail.text
    assert download.status_code == 200
    assert b"".join(download.streaming_content)
    assert kinds() == [
        PageKind.LOOKUP,
        PageKind.OVERVIEW,
        PageKind.OVERVIEW,
        PageKind.DETAIL,
        PageKind.DOCUMENT,
    ]
    zaak_entry = ProcessingLogEntry.objects.get(kind=PageKind.DETAIL)
    assert (zaak_entry.subject_service, zaak_entry.subject_kind) == ("zaken", "zaak")
    assert zaak_entry.subject_uuid == PARKEER
    assert zaak_entry.subject_label == detail.context["zaak"].identificatie
    assert zaak_entry.subject_label
    document_entry = ProcessingLogEntry.objects.get(kind=PageKind.DOCUMENT)
    assert (document_entry.subject_uuid, document_entry.document_uuid) == (PARKEER, AANVRAAG)
    assert (document_entry.subject_service, document_entry.subject_kind) == ("zaken", "zaak")
    assert len(set(ProcessingLogEntry.objects.values_list("lookup_id", flat=True))) == 1
    assert set(ProcessingLogEntry.objects.values_list("purpose", flat=True)) == {"telefoon"}


def test_the_overview_entry_names_the_list_the_page_and_the_zaken_on_it(
    looking_up: Client,
) -> None:
    open_page = looking_up.get(reverse("balie-zaken:list"))
    closed_page = looking_up.get(reverse("balie-zaken:list-closed"))

    open_entry, closed_entry = ProcessingLogEntry.objects.filter(kind=PageKind.OVERVIEW).order_by(
        "id"
    )
    listed = [zaak.identificatie for zaak in open_page.context["overview"].zaken]
    assert listed  # Suzanne has open zaken in the seed
    assert (open_entry.list_name, open_entry.page_number) == (OverviewList.ZAKEN_OPEN, 1)
    assert (open_entry.subject_service, open_entry.subject_kind) == ("zaken", "zaak")
    assert open_entry.listed_labels == listed
    assert all(identificatie in open_page.text for identificatie in listed)
    assert closed_entry.list_name == OverviewList.ZAKEN_CLOSED
    assert closed_entry.listed_labels == [
        zaak.identificatie for zaak in closed_page.context["overview"].zaken
    ]


def test_the_overview_entry_has_the_page_that_was_shown(
    looking_up: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("zaken.services.overview.PAGE_SIZE", 1)
    first = looking_up.get(reverse("balie-zaken:list"))
    assert first.context["overview"].num_pages > 1

    second = looking_up.get(reverse("balie-zaken:list"), {"pagina": "2"})
    past_the_end = looking_up.get(reverse("balie-zaken:list"), {"pagina": "999"})

    entries = list(ProcessingLogEntry.objects.filter(kind=PageKind.OVERVIEW).order_by("id"))
    num_pages = first.context["overview"].num_pages
    assert [entry.page_number for entry in entries] == [1, 2, num_pages]
    assert entries[1].listed_labels == [second.context["overview"].zaken[0].identificatie]
    assert entries[0].listed_labels != entries[1].listed_labels
    assert len(entries[2].listed_labels) == 1
    assert past_the_end.context["overview"].page == num_pages


def test_another_residents_case_is_logged_as_an_attempt(looking_up: Client) -> None:
    mary = seed_uid("zaak:mary-parkeervergunning")

    response = looking_up.get(reverse("balie-zaken:detail", kwargs={"uuid": mary}))

    assert response.status_code == 404
    assert kinds() == [PageKind.LOOKUP, PageKind.ATTEMPT]
    attempt = ProcessingLogEntry.objects.get(kind=PageKind.ATTEMPT)
    assert (attempt.subject_uuid, attempt.subject_label) == (mary, "")
    assert (attempt.subject_service, attempt.subject_kind) == ("zaken", "zaak")


def test_a_refused_download_is_an_attempt_never_a_download(looking_up: Client) -> None:
    mary = seed_uid("zaak:mary-parkeervergunning")
    not_on_that_zaak = reverse(
        "balie-zaken:document-download", kwargs={"uuid": mary, "document_uuid": AANVRAAG}
    )

    response = looking_up.get(not_on_that_zaak)

    assert response.status_code == 404
    assert kinds() == [PageKind.LOOKUP, PageKind.ATTEMPT]
    attempt = ProcessingLogEntry.objects.get(kind=PageKind.ATTEMPT)
    assert (attempt.subject_uuid, attempt.document_uuid) == (mary, AANVRAAG)
    assert not ProcessingLogEntry.objects.filter(kind=PageKind.DOCUMENT).exists()


def test_a_back_office_outage_is_one_attempt(
    looking_up: Client, make_zgw_services: Callable[..., object]
) -> None:
    make_zgw_services(api_root_base="http://127.0.0.1:9")  # nothing listens there

    response = looking_up.get(reverse("balie-zaken:list-closed"))

    assert response.status_code == 503
    assert reverse("balie:start") in response.content.decode()  # back to the desk, not home
    assert kinds() == [PageKind.LOOKUP, PageKind.ATTEMPT]
    attempt = ProcessingLogEntry.objects.get(kind=PageKind.ATTEMPT)
    assert (attempt.list_name, attempt.page_number) == (OverviewList.ZAKEN_CLOSED, 1)
    assert attempt.listed_labels == []


def test_a_download_failing_before_its_first_byte_is_the_503_page_and_an_attempt(
    looking_up: Client,
    demo_backoffice: DemoBackoffice,
    make_zgw_services: Callable[..., object],
) -> None:
    download = reverse(
        "balie-zaken:document-download", kwargs={"uuid": PARKEER, "document_uuid": AANVRAAG}
    )
    with FailingUpstream(demo_backoffice.base_url) as upstream:
        upstream.download = "drop"  # the headers, then the connection closes: no byte of it
        make_zgw_services(
            api_root_base=upstream.base_url,
            client_id=demo_backoffice.client_id,
            secret=demo_backoffice.secret,
        )

        response = looking_up.get(download)

    assert response.status_code == 503
    assert "Dit document is tijdelijk niet beschikbaar" in response.content.decode()
    assert reverse("balie:start") in response.content.decode()
    # The employee did not get the document: the log says she tried, not that she saw it.
    assert kinds() == [PageKind.LOOKUP, PageKind.ATTEMPT]
    attempt = ProcessingLogEntry.objects.get(kind=PageKind.ATTEMPT)
    assert (attempt.subject_uuid, attempt.document_uuid) == (PARKEER, AANVRAAG)


def test_a_malformed_uuid_asks_nothing_and_logs_nothing(looking_up: Client) -> None:
    with record_upstream_calls() as calls:
        response = looking_up.get(reverse("balie-zaken:detail", kwargs={"uuid": "niet-een-uuid"}))

    assert response.status_code == 404
    assert calls.count == 0
    assert kinds() == [PageKind.LOOKUP]


DESK_PAGES = [
    ("balie-zaken:list", {}),
    ("balie-zaken:list-closed", {}),
    ("balie-zaken:detail", {"uuid": str(PARKEER)}),
    ("balie-zaken:document-download", {"uuid": str(PARKEER), "document_uuid": str(AANVRAAG)}),
]


@pytest.mark.parametrize("method", ["head", "post", "put", "delete"])
@pytest.mark.parametrize(("name", "kwargs"), DESK_PAGES)
def test_desk_pages_only_answer_get_and_log_nothing_else(
    looking_up: Client, method: str, name: str, kwargs: dict
) -> None:
    with record_upstream_calls() as calls:
        response = getattr(looking_up, method)(reverse(name, kwargs=kwargs))

    assert response.status_code == 405
    assert calls.count == 0
    assert kinds() == [PageKind.LOOKUP]


def test_the_start_page_answers_get_and_post_only(desk_client: Client) -> None:
    assert desk_client.head(reverse("balie:start")).status_code == 405
    assert desk_client.put(reverse("balie:start")).status_code == 405
    assert not ProcessingLogEntry.objects.exists()


def test_after_the_end_nothing_is_fetched(
    looking_up: Client, demo_backoffice: DemoBackoffice
) -> None:
    looking_up.post(reverse("balie:end"))
    demo_backoffice.clear_requests_log()

    response = looking_up.get(reverse("balie-zaken:detail", kwargs={"uuid": PARKEER}))

    assert response.status_code == 302
    assert demo_backoffice.requests_log() == []
    assert kinds() == [PageKind.LOOKUP]
