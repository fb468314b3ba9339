"""Starting a desk look-up: a valid BSN and a purpose first, or nothing is fetched or shown."""

import pytest
from django.test import Client
from django.urls import reverse

from balie.session import LOOKUP_KEY
from mijnomgeving.audit.models import PageKind, ProcessingLogEntry, Purpose
from mijnomgeving.clients.calls import record_upstream_calls

pytestmark = pytest.mark.django_db

SUZANNE = "999993653"


def test_without_a_purpose_nothing_is_fetched_or_logged(desk_client: Client) -> None:
    with record_upstream_calls() as calls:
        response = desk_client.post(reverse("balie:start"), {"bsn": SUZANNE})
        overview = desk_client.get(reverse("balie-zaken:list"))

    assert response.status_code == 400
    assert "Kies waarom u de gegevens van de inwoner bekijkt." in response.text
    assert LOOKUP_KEY not in desk_client.session
    assert overview.status_code == 302
    assert overview.url == reverse("balie:start")
    assert calls.count == 0
    assert not ProcessingLogEntry.objects.exists()


def test_other_purpose_needs_an_explanation(desk_client: Client) -> None:
    response = desk_client.post(
        reverse("balie:start"), {"bsn": SUZANNE, "purpose": Purpose.OTHER, "purpose_text": "  "}
    )

    assert response.status_code == 400
    assert "Schrijf op waarom u de gegevens bekijkt." in response.text
    assert not ProcessingLogEntry.objects.exists()


@pytest.mark.parametrize("bsn", ["999993654", "12345678", "abcdefghi", "000000000"])
def test_a_bsn_that_fails_the_elfproef_gets_a_dutch_error(desk_client: Client, bsn: str) -> None:
    response = desk_client.post(
        reverse("balie:start"), {"bsn": bsn, "purpose": Purpose.DESK_QUESTION}
    )

    assert response.status_code == 400
    assert "Dit is geen geldig BSN." in response.text
    assert not ProcessingLogEntry.objects.exists()


def test_a_valid_look_up_is_logged_and_keeps_the_bsn_out_of_the_url(
    desk_client: Client, desk_user: object
) -> None:
    response = desk_client.post(
        reverse("balie:start"),
        {"bsn": "9999 936 53", "purpose": Purpose.OTHER, "purpose_text": "Brief kwijt"},
    )

    assert response.status_code == 302
    assert response.url == reverse("balie-zaken:list")
    assert SUZANNE not in response.url
    entry = ProcessingLogEntry.objects.get()
    assert entry.kind == PageKind.LOOKUP
    assert entry.staff_username == "j.balie"
    assert entry.staff_full_name == "Joke de Balie"
    assert entry.purpose == Purpose.OTHER
    assert entry.purpose_text == "Brief kwijt"
    assert SUZANNE not in entry.identifier_encrypted
    assert (entry.identifier_kind, entry.identifier_tail) == ("bsn", "53")
    assert (entry.subject_service, entry.subject_kind) == ("", "")  # the resident, no subject


def test_ending_the_look_up_forgets_the_bsn(desk_client: Client) -> None:
    desk_client.post(reverse("balie:start"), {"bsn": SUZANNE, "purpose": Purpose.COMPLAINT})

    response = desk_client.post(reverse("balie:end"))

    assert response.status_code == 302
    assert LOOKUP_KEY not in desk_client.session
    assert desk_client.get(reverse("balie-zaken:list")).url == reverse("balie:start")


def test_the_export_purpose_is_not_a_desk_purpose(desk_client: Client) -> None:
    form = desk_client.get(reverse("balie:start"))
    response = desk_client.post(
        reverse("balie:start"), {"bsn": SUZANNE, "purpose": Purpose.ACCOUNTABILITY}
    )

    assert str(Purpose.ACCOUNTABILITY.label) not in form.text
    assert str(Purpose.PHONE_QUESTION.label) in form.text
    assert response.status_code == 400
    assert LOOKUP_KEY not in desk_client.session
    assert not ProcessingLogEntry.objects.exists()


def test_a_session_carrying_the_export_purpose_is_no_look_up(desk_client: Client) -> None:
    session = desk_client.session
    session[LOOKUP_KEY] = {
        "id": "6d3a0f8e-2f0b-4f7e-9a53-4f8f1e2b9c11",
        "bsn": SUZANNE,
        "purpose": str(Purpose.ACCOUNTABILITY),
        "purpose_text": "",
    }
    session.save()

    with record_upstream_calls() as calls:
        response = desk_client.get(reverse("balie-zaken:list"))

    assert response.url == reverse("balie:start")
    assert calls.count == 0
    assert not ProcessingLogEntry.objects.exists()
