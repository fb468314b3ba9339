"""The desk sees the resident's MijnZaken (demo back office), under a banner, every page logged."""

import pytest
from django.test import Client
from django.urls import reverse

from mijnomgeving.audit.models import PageKind, ProcessingLogEntry, Purpose
from tests.fixtures.backoffice import DemoBackoffice
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
        PageKind.ZAAK,
        PageKind.DOCUMENT,
    ]
    zaak_entry = ProcessingLogEntry.objects.get(kind=PageKind.ZAAK)
    assert zaak_entry.zaak_uuid == PARKEER
    assert zaak_entry.zaak_identificatie
    document_entry = ProcessingLogEntry.objects.get(kind=PageKind.DOCUMENT)
    assert (document_entry.zaak_uuid, document_entry.document_uuid) == (PARKEER, AANVRAAG)
    assert len(set(ProcessingLogEntry.objects.values_list("lookup_id", flat=True))) == 1
    assert set(ProcessingLogEntry.objects.values_list("purpose", flat=True)) == {"telefoon"}


def test_another_residents_case_is_not_found(looking_up: Client) -> None:
    mary = seed_uid("zaak:mary-parkeervergunning")

    response = looking_up.get(reverse("balie-zaken:detail", kwargs={"uuid": mary}))

    assert response.status_code == 404
    assert kinds()[-1] == PageKind.ZAAK


def test_after_the_end_nothing_is_fetched(
    looking_up: Client, demo_backoffice: DemoBackoffice
) -> None:
    looking_up.post(reverse("balie:end"))
    demo_backoffice.clear_requests_log()

    response = looking_up.get(reverse("balie-zaken:detail", kwargs={"uuid": PARKEER}))

    assert response.status_code == 302
    assert demo_backoffice.requests_log() == []
    assert kinds() == [PageKind.LOOKUP]
