"""Sessions end after SESSION_IDLE_TIMEOUT idle seconds, on the server; the page warns first."""

import time

import pytest
from django.test import Client
from django.urls import reverse

from mijnomgeving.accounts.session import LAST_ACTIVITY_KEY

pytestmark = pytest.mark.django_db

LOGOUT_BUTTON_TEXT = "Uitloggen"


def _idle_for(client: Client, seconds: float) -> None:
    session = client.session
    session[LAST_ACTIVITY_KEY] = time.time() - seconds
    session.save()


def test_idle_session_is_ended_and_the_resident_sent_to_login(
    resident_client: Client, settings
) -> None:
    _idle_for(resident_client, settings.SESSION_IDLE_TIMEOUT + 1)

    response = resident_client.get(reverse("dashboard"), {"tab": "zaken"})

    assert response.status_code == 302
    assert response["Location"] == "/account/inloggen/?next=%2Fmijn-omgeving%2F%3Ftab%3Dzaken"
    assert "_auth_user_id" not in resident_client.session
    assert "mijnomgeving.identity" not in resident_client.session
    page = resident_client.get(response["Location"])
    assert "U was 15 minuten niet actief" in page.content.decode()
    again = resident_client.get(response["Location"])
    assert "niet actief" not in again.content.decode()


def test_idle_staff_are_sent_to_the_staff_login_not_digid(desk_client: Client, settings) -> None:
    _idle_for(desk_client, settings.SESSION_IDLE_TIMEOUT + 1)

    response = desk_client.get(reverse("balie:start"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login") + "?next=")
    assert "_auth_user_id" not in desk_client.session


def test_activity_within_the_timeout_keeps_the_session(resident_client: Client, settings) -> None:
    _idle_for(resident_client, settings.SESSION_IDLE_TIMEOUT - 30)

    response = resident_client.get(reverse("accounts:logout"))

    assert response.status_code == 200
    assert "_auth_user_id" in resident_client.session
    assert time.time() - resident_client.session[LAST_ACTIVITY_KEY] < 5


def test_the_timeout_is_a_setting(resident_client: Client, settings) -> None:
    settings.SESSION_IDLE_TIMEOUT = 60
    _idle_for(resident_client, 61)

    response = resident_client.get(reverse("accounts:logout"))

    assert response["Location"] == reverse("accounts:logged-out")
    assert "_auth_user_id" not in resident_client.session


def test_an_idle_post_is_not_replayed_after_login(resident_client: Client, settings) -> None:
    _idle_for(resident_client, settings.SESSION_IDLE_TIMEOUT + 1)

    response = resident_client.post(reverse("accounts:session-extend"))

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:login")


def test_extend_renews_the_session(resident_client: Client, settings) -> None:
    _idle_for(resident_client, settings.SESSION_IDLE_TIMEOUT - 10)

    response = resident_client.post(reverse("accounts:session-extend"))

    assert response.status_code == 204
    status = resident_client.get(reverse("accounts:session-status")).json()
    assert status["seconds_left"] > settings.SESSION_IDLE_TIMEOUT - 5


def test_extend_requires_login_and_post(client: Client, resident_client: Client) -> None:
    anonymous = Client().post(reverse("accounts:session-extend"))
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("accounts:login"))
    assert resident_client.get(reverse("accounts:session-extend")).status_code == 405


def test_asking_the_time_left_does_not_renew(resident_client: Client, settings) -> None:
    _idle_for(resident_client, 100)

    first = resident_client.get(reverse("accounts:session-status")).json()["seconds_left"]
    second = resident_client.get(reverse("accounts:session-status")).json()["seconds_left"]

    assert (
        settings.SESSION_IDLE_TIMEOUT - 102
        <= second
        <= first
        <= settings.SESSION_IDLE_TIMEOUT - 100
    )
    assert Client().get(reverse("accounts:session-status")).json() == {"seconds_left": 0}


def test_expired_page_after_the_timer_ran_out(resident_client: Client, settings) -> None:
    _idle_for(resident_client, settings.SESSION_IDLE_TIMEOUT + 1)

    response = resident_client.get(reverse("accounts:session-expired"), {"next": "/mijn-zaken/"})

    assert response.status_code == 200
    content = response.content.decode()
    assert "U bent automatisch uitgelogd" in content
    assert "/account/inloggen/?next=%2Fmijn-zaken%2F" in content
    assert "_auth_user_id" not in resident_client.session


def test_expired_page_returns_when_another_tab_kept_the_session(resident_client: Client) -> None:
    response = resident_client.get(reverse("accounts:session-expired"), {"next": "/mijn-zaken/"})

    assert response.status_code == 302
    assert response["Location"] == "/mijn-zaken/"


def test_pages_carry_the_timeout_markup_for_logged_in_users(
    resident_client: Client, settings
) -> None:
    response = resident_client.get(reverse("accounts:logout"))

    assert response.context["session_timeout"].idle_seconds == settings.SESSION_IDLE_TIMEOUT
    assert response.context["session_timeout"].warning_seconds == settings.SESSION_WARNING_BEFORE
    assert response.context["resident_logged_in"] is True
    assert response.context["session_extend_url"] == reverse("accounts:session-extend")


def test_the_timeout_include_renders_an_accessible_dialog(rf, resident_client: Client) -> None:
    from django.template.loader import render_to_string

    request = resident_client.get(reverse("accounts:logout")).wsgi_request
    html = render_to_string("accounts/session_timeout.html", request=request)

    assert 'id="session-timeout"' in html
    assert 'role="alertdialog"' in html
    assert 'aria-labelledby="session-timeout-title"' in html
    assert "data-session-timeout-extend" in html
    assert 'data-extend-url="/account/sessie/verlengen/"' in html
    assert 'data-timeout-seconds="900"' in html
    assert "Ingelogd blijven" in html
    assert "Over 2 minuten wordt u automatisch uitgelogd" in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_anonymous_pages_have_no_timeout(client: Client) -> None:
    response = client.get(reverse("accounts:login"))
    assert response.context["session_timeout"] is None
    assert response.context["session_timeout_seconds"] is None


def test_a_page_view_soon_after_the_last_writes_no_session(
    resident_client: Client, settings
) -> None:
    from django.contrib.sessions.models import Session

    _idle_for(resident_client, 5)  # active 5 s ago: nothing new to record
    before = Session.objects.get().expire_date

    resident_client.get(reverse("accounts:logout"))
    assert Session.objects.get().expire_date == before

    _idle_for(resident_client, 40)  # older than the resolution: activity and expiry renewed
    resident_client.get(reverse("accounts:logout"))
    assert Session.objects.get().expire_date > before
    assert time.time() - resident_client.session[LAST_ACTIVITY_KEY] < 5
