"""Logout: the portal session ends, and the provider's too (RP-initiated logout)."""

import re
from html import unescape
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from tests.fixtures.oidc import OIDCProvider, log_in_resident, log_in_with_oidc

pytestmark = pytest.mark.django_db

BSN = "999993653"


def _handoff_form(content: str) -> tuple[str, dict[str, str]]:
    form = re.search(
        r'<form method="post" action="([^"]+)" data-session-handoff>(.*?)</form>', content, re.S
    )
    assert form, content
    fields = dict(
        re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form.group(2))
    )
    return unescape(form.group(1)), {name: unescape(value) for name, value in fields.items()}


def test_get_asks_for_confirmation_and_keeps_the_session(resident_client: Client) -> None:
    response = resident_client.get(reverse("accounts:logout"))

    assert response.status_code == 200
    assert "Wilt u uitloggen?" in response.content.decode()
    assert "_auth_user_id" in resident_client.session


def test_logout_needs_a_csrf_token(db: None) -> None:
    client = Client(enforce_csrf_checks=True)
    log_in_resident(client, BSN)

    response = client.post(reverse("accounts:logout"))

    assert response.status_code == 403
    assert "_auth_user_id" in client.session


def test_logout_ends_the_portal_and_the_provider_session(
    client: Client, oidc_settings: OIDCProvider
) -> None:
    log_in_with_oidc(client, oidc_settings, BSN)
    id_token = client.session["oidc_id_token"]

    response = client.post(reverse("accounts:logout"))

    assert response.status_code == 200
    assert dict(client.session) == {}
    endpoint, params = _handoff_form(response.content.decode())
    assert endpoint == oidc_settings.end_session_endpoint
    assert params == {
        "id_token_hint": id_token,
        "post_logout_redirect_uri": "http://testserver/account/uitgelogd/",
        "client_id": "mijnomgeving",
    }
    assert oidc_settings.origin() in response["Content-Security-Policy"]
    back = oidc_settings.end_session(params)
    assert urlsplit(back).path == reverse("accounts:logged-out")
    page = client.get(urlsplit(back).path)
    assert page.status_code == 200
    assert "U bent uitgelogd" in page.content.decode()


def test_the_id_token_never_goes_into_a_url(client: Client, oidc_settings: OIDCProvider) -> None:
    log_in_with_oidc(client, oidc_settings, BSN)

    response = client.post(reverse("accounts:logout"))

    assert "Location" not in response
    assert 'method="post"' in response.content.decode()


def test_without_a_provider_endpoint_logout_is_local(
    client: Client, oidc_settings: OIDCProvider, settings
) -> None:
    log_in_with_oidc(client, oidc_settings, BSN)
    settings.OIDC_OP_LOGOUT_ENDPOINT = ""

    response = client.post(reverse("accounts:logout"))

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:logged-out")
    assert "_auth_user_id" not in client.session


def test_anonymous_logout_goes_to_the_logged_out_page(client: Client) -> None:
    assert client.post(reverse("accounts:logout"))["Location"] == reverse("accounts:logged-out")
    assert client.get(reverse("accounts:logout"))["Location"] == reverse("accounts:logged-out")


def test_logging_out_in_a_tab_from_before_a_new_login_explains_and_offers_a_way_back(
    db: None, oidc_settings: OIDCProvider
) -> None:
    client = Client(enforce_csrf_checks=True)
    log_in_with_oidc(client, oidc_settings, BSN)
    old_tab = client.get(reverse("dashboard"))
    old_token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', old_tab.text).group(1)
    log_in_with_oidc(client, oidc_settings, BSN)  # in another tab: a new CSRF token

    response = client.post(
        reverse("accounts:logout"),
        {"csrfmiddlewaretoken": old_token},
        headers={"Referer": "http://testserver/mijn-omgeving/"},
    )

    assert response.status_code == 403
    assert "Uw sessie is verlopen of de pagina was te lang open." in response.text
    back = client.get(reverse("dashboard"))  # the way back: a page with a fresh form
    new_token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', back.text).group(1)
    done = client.post(reverse("accounts:logout"), {"csrfmiddlewaretoken": new_token})
    assert done.status_code == 200
    assert "_auth_user_id" not in client.session
