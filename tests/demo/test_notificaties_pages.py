"""The demo pages: the mailbox reads what Django's filebased backend wrote; the zaken page."""

import json
import re
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
import requests
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.test import RequestFactory

from demo.backoffice import pages
from demo.backoffice.seed import uid

LINK = "http://127.0.0.1:8000/mijn-zaken/8949cc4c-2968-5aa0-990a-612811257405/"


@pytest.fixture
def mailbox(tmp_path, monkeypatch):
    monkeypatch.setenv("DEMO_MAILBOX_DIR", str(tmp_path))
    return tmp_path


def send(directory, *messages: EmailMessage) -> None:
    """As the portal does: one connection of Django's filebased backend (one file)."""
    connection = get_connection(
        "django.core.mail.backends.filebased.EmailBackend", file_path=str(directory)
    )
    connection.send_messages(list(messages))


def mail(subject: str, minutes_ago: int, to: str = "suzanne.moulin@example.nl") -> EmailMessage:
    sent = datetime.now(UTC) - timedelta(minutes=minutes_ago)
    return EmailMessage(
        subject,
        f"Beste inwoner,\n\nBekijk uw zaak: {LINK}\n",
        "noreply@example.nl",
        [to],
        headers={"Date": format_datetime(sent)},
    )


def test_every_message_of_every_file_is_read_newest_first(mailbox):
    send(mailbox, mail("Oud", 30), mail("Middel", 20))
    send(mailbox, mail("Nieuw", 1, to="sierra.kooyman@example.nl"))

    found = pages.read_mailbox(mailbox)

    assert [m.subject for m in found] == ["Nieuw", "Middel", "Oud"]
    assert found[0].to == "sierra.kooyman@example.nl"
    assert found[0].links == [LINK]
    assert "Bekijk uw zaak" in found[0].body


def test_an_html_only_part_gives_text_and_its_links(mailbox):
    message = EmailMultiAlternatives("Html", "", "noreply@example.nl", ["a@example.nl"])
    message.attach_alternative(f'<p>Zie <a href="{LINK}">uw zaak</a>.</p>', "text/html")
    message.body = ""
    send(mailbox, message)

    (found,) = pages.read_mailbox(mailbox)

    assert LINK in found.links


def test_the_page_shows_subject_recipient_time_and_a_clickable_link_and_escapes(mailbox):
    send(mailbox, mail("<script>alert(1)</script> Nieuws over uw zaak", 2))

    response = pages.mailbox(RequestFactory().get("/_demo/mailbox/"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
    assert "suzanne.moulin@example.nl" in html
    assert re.search(rf'<a href="{re.escape(LINK)}"[^>]*>', html)
    assert re.search(r'<time datetime="[^"]+">\d+ \w+ \d{4}, \d\d:\d\d:\d\d</time>', html)


def test_json_gives_the_same_for_tests(mailbox):
    send(mailbox, mail("Nieuws", 2))

    body = pages.mailbox(RequestFactory().get("/_demo/mailbox/", {"format": "json"}))

    (only,) = json.loads(body.content)["mails"]
    assert only["subject"] == "Nieuws" and only["links"] == [LINK]


def test_without_a_mailbox_folder_the_page_says_how_to_set_it(monkeypatch):
    monkeypatch.delenv("DEMO_MAILBOX_DIR", raising=False)

    response = pages.mailbox(RequestFactory().get("/_demo/mailbox/"))

    assert "DEMO_MAILBOX_DIR" in response.content.decode()


def test_an_empty_mailbox_says_so(mailbox):
    assert "Nog geen e-mails." in pages.mailbox(RequestFactory().get("/")).content.decode()


def test_the_zaken_page_lists_the_residents_cases_with_a_next_status_button(demo_backoffice):
    html = requests.get(f"{demo_backoffice.base_url}/_demo/zaken/", timeout=10).text
    parkeer = uid("zaak:suzanne-parkeervergunning")
    bijstand = uid("zaak:suzanne-bijzondere-bijstand")

    assert "Suzanne Moulin (BSN 999993653)" in html
    assert f'action="/_demo/zaken/{parkeer}/next-status"' in html
    assert f'action="/_demo/zaken/{bijstand}/next-status"' not in html  # closed: end status
    assert "Merel Kooyman" in html and "Geen zaken." in html


def test_the_button_moves_the_zaak_on_and_comes_back_with_a_message(demo_backoffice):
    parkeer = uid("zaak:suzanne-parkeervergunning")
    try:
        response = requests.post(
            f"{demo_backoffice.base_url}/_demo/zaken/{parkeer}/next-status",
            data={},
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            timeout=10,
        )
        assert response.url.endswith(f"/_demo/zaken/?verzet={parkeer}#zaak-{parkeer}")
        assert response.history[0].status_code == 303
        assert "heeft nu de status" in response.text
        assert "(4 van 5)" in response.text
    finally:
        demo_backoffice.reset()


def test_the_index_links_the_pages(demo_backoffice):
    html = requests.get(f"{demo_backoffice.base_url}/_demo/", timeout=10).text

    assert 'href="/_demo/zaken/"' in html and 'href="/_demo/mailbox/"' in html
    assert '<html lang="nl">' in html


def test_the_time_is_shown_in_dutch_time_whatever_the_process_runs_in():
    # 23:30 UTC in winter is 00:30 the next day in Amsterdam; the back office runs in UTC.
    assert pages._dutch_time(datetime(2026, 12, 1, 23, 30, 5, tzinfo=UTC)) == (
        "2 december 2026, 00:30:05"
    )
    assert pages._dutch_time(datetime(2026, 7, 1, 10, 0, tzinfo=UTC)) == "1 juli 2026, 12:00:00"
