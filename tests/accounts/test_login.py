"""The DigiD login over the real OIDC provider (oidc-provider-mock), end to end."""

import logging
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.urls import reverse
from mozilla_django_oidc.utils import generate_code_challenge

from mijnomgeving.accounts.identity import Identity, identifier_hash
from mijnomgeving.accounts.models import User
from mijnomgeving.accounts.session import IDENTITY_KEY, get_identity
from tests.fixtures.oidc import (
    OIDC_LOW_LOA_SUBJECT,
    OIDCProvider,
    finish_oidc_login,
    free_port,
    log_in_with_oidc,
    start_oidc_login,
)

pytestmark = pytest.mark.django_db

BSN = "999993653"
NEXT = "/mijn-zaken/?pagina=2"


def _failure_page(client: Client, response, reason: str):
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith(reverse("accounts:login-failed"))
    assert parse_qs(urlsplit(location).query)["reden"] == [reason]
    page = client.get(location)
    assert page.status_code == 200
    return page


def test_login_page_explains_digid_and_keeps_a_local_next(client: Client) -> None:
    response = client.get(reverse("accounts:login"), {"next": NEXT})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Inloggen met DigiD" in content
    assert content.count("<h1") == 1
    assert 'href="/oidc/authenticate/?next=%2Fmijn-zaken%2F%3Fpagina%3D2"' in content


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/", "javascript:alert(1)"]
)
def test_login_page_drops_an_unsafe_next(client: Client, next_url: str) -> None:
    response = client.get(reverse("accounts:login"), {"next": next_url})
    assert 'href="/oidc/authenticate/"' in response.content.decode()


def test_authorization_request_carries_pkce_state_and_nonce(
    client: Client, oidc_settings: OIDCProvider
) -> None:
    authorize_url = start_oidc_login(client, NEXT)

    assert authorize_url.startswith(oidc_settings.authorization_endpoint)
    params = {key: values[0] for key, values in parse_qs(urlsplit(authorize_url).query).items()}
    stored = client.session["oidc_states"][params["state"]]
    assert params["response_type"] == "code"
    assert params["code_challenge_method"] == "S256"
    assert params["code_challenge"] == generate_code_challenge(stored["code_verifier"], "S256")
    assert params["nonce"] == stored["nonce"]
    assert len(params["state"]) >= 32
    assert params["redirect_uri"] == "http://testserver/oidc/callback/"


def test_login_creates_a_user_by_hashed_bsn_and_returns_to_next(
    client: Client, oidc_settings: OIDCProvider
) -> None:
    response = log_in_with_oidc(client, oidc_settings, BSN, NEXT)

    assert response.status_code == 302
    assert response["Location"] == NEXT
    user = User.objects.get()
    assert user.login_type == User.LoginType.DIGID
    assert user.identifier_hash == identifier_hash(BSN)
    assert not user.has_usable_password()
    assert client.session[IDENTITY_KEY]["bsn"] == BSN
    assert client.session["oidc_id_token"]
    assert client.session["mijnomgeving.loa"] == "midden"
    request = response.wsgi_request
    assert get_identity(request) == Identity(bsn=BSN)


def test_no_bsn_is_stored_in_the_user_table(client: Client, oidc_settings: OIDCProvider) -> None:
    log_in_with_oidc(client, oidc_settings, BSN)

    for row in User.objects.values():
        assert all(BSN not in str(value) for value in row.values()), row


def test_a_second_login_finds_the_same_user(client: Client, oidc_settings: OIDCProvider) -> None:
    log_in_with_oidc(client, oidc_settings, BSN)
    client.logout()
    log_in_with_oidc(client, oidc_settings, BSN)
    log_in_with_oidc(Client(), oidc_settings, "999990755")

    assert User.objects.count() == 2


def test_logging_in_as_someone_else_replaces_the_identity(
    client: Client, oidc_settings: OIDCProvider
) -> None:
    log_in_with_oidc(client, oidc_settings, BSN)
    response = log_in_with_oidc(client, oidc_settings, "999990755")

    assert get_identity(response.wsgi_request) == Identity(bsn="999990755")


def test_without_next_the_login_lands_on_the_dashboard(
    client: Client, oidc_settings: OIDCProvider
) -> None:
    response = log_in_with_oidc(client, oidc_settings, BSN)
    assert response["Location"] == reverse("dashboard")


def test_no_bsn_in_logs_or_urls_during_a_login(
    client: Client, oidc_settings: OIDCProvider, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)

    authorize_url = start_oidc_login(client, NEXT)
    callback_url = oidc_settings.authorize(authorize_url, BSN)
    response = finish_oidc_login(client, callback_url)
    client.get(reverse("accounts:login-failed"), {"reden": "onbekend"})
    client.post(reverse("accounts:logout"))

    assert response.status_code == 302
    assert caplog.records, "the login logs something"
    for record in caplog.records:
        assert BSN not in record.getMessage(), record
        assert BSN not in str(record.__dict__), record
    for url in (authorize_url, callback_url, response["Location"]):
        assert BSN not in url


def test_cancelled_login_explains_in_dutch(client: Client, oidc_settings: OIDCProvider) -> None:
    authorize_url = start_oidc_login(client, NEXT)
    response = finish_oidc_login(client, oidc_settings.deny(authorize_url))

    page = _failure_page(client, response, "geannuleerd")
    assert "U heeft het inloggen met DigiD afgebroken" in page.content.decode()
    assert "/account/inloggen/?next=%2Fmijn-zaken%2F%3Fpagina%3D2" in page.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    ("subject", "reason", "message"),
    [
        ("ongeldig-bsn", "ongeldig-bsn", "is niet geldig"),
        ("zonder-bsn", "geen-bsn", "geen burgerservicenummer (BSN) gekregen"),
    ],
)
def test_a_missing_or_invalid_bsn_is_refused(
    client: Client, oidc_settings: OIDCProvider, subject: str, reason: str, message: str
) -> None:
    response = log_in_with_oidc(client, oidc_settings, subject)

    page = _failure_page(client, response, reason)
    assert message in page.content.decode()
    assert not User.objects.exists()
    assert "_auth_user_id" not in client.session


def test_a_level_below_the_minimum_is_refused(
    client: Client, oidc_settings: OIDCProvider, settings
) -> None:
    settings.OIDC_MIN_LOA = "midden"

    response = log_in_with_oidc(client, oidc_settings, OIDC_LOW_LOA_SUBJECT)

    page = _failure_page(client, response, "niveau-te-laag")
    assert "niet hoog genoeg" in page.content.decode()
    assert not User.objects.exists()


def test_a_level_at_the_minimum_is_accepted(
    client: Client, oidc_settings: OIDCProvider, settings
) -> None:
    settings.OIDC_MIN_LOA = "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract"

    response = log_in_with_oidc(client, oidc_settings, BSN, NEXT)

    assert response["Location"] == NEXT


def test_a_tampered_state_is_rejected(client: Client, oidc_settings: OIDCProvider) -> None:
    authorize_url = start_oidc_login(client)
    callback = urlsplit(oidc_settings.authorize(authorize_url, BSN))
    params = parse_qs(callback.query)

    response = client.get(callback.path, {"code": params["code"][0], "state": "vervalst"})

    page = _failure_page(client, response, "controle-mislukt")
    assert "We konden niet controleren" in page.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_nonce_mismatch_is_rejected(client: Client, oidc_settings: OIDCProvider) -> None:
    authorize_url = start_oidc_login(client)
    callback_url = oidc_settings.authorize(authorize_url, BSN)
    session = client.session
    for entry in session["oidc_states"].values():
        entry["nonce"] = "een-andere-nonce"
    session.save()

    response = finish_oidc_login(client, callback_url)

    _failure_page(client, response, "controle-mislukt")
    assert "_auth_user_id" not in client.session


def test_a_replayed_callback_is_rejected(client: Client, oidc_settings: OIDCProvider) -> None:
    authorize_url = start_oidc_login(client)
    callback_url = oidc_settings.authorize(authorize_url, BSN)
    finish_oidc_login(client, callback_url)

    response = finish_oidc_login(client, callback_url)

    _failure_page(client, response, "controle-mislukt")


def test_a_callback_without_a_login_in_progress_has_expired(
    client: Client, oidc_settings: OIDCProvider
) -> None:
    callback_url = oidc_settings.authorize(start_oidc_login(Client()), BSN)

    response = finish_oidc_login(client, callback_url)

    _failure_page(client, response, "verlopen")


def test_an_unreachable_provider_is_explained(
    client: Client, oidc_settings: OIDCProvider, settings
) -> None:
    authorize_url = start_oidc_login(client)
    callback_url = oidc_settings.authorize(authorize_url, BSN)
    settings.OIDC_OP_TOKEN_ENDPOINT = f"http://127.0.0.1:{free_port()}/token"

    response = finish_oidc_login(client, callback_url)

    page = _failure_page(client, response, "onbereikbaar")
    assert "We konden DigiD niet bereiken" in page.content.decode()


def test_a_token_for_another_client_is_rejected(
    client: Client, oidc_settings: OIDCProvider, settings
) -> None:
    authorize_url = start_oidc_login(client)
    callback_url = oidc_settings.authorize(authorize_url, BSN)
    settings.OIDC_RP_CLIENT_ID = "een-andere-client"  # the token's aud is still "mijnomgeving"

    response = finish_oidc_login(client, callback_url)

    _failure_page(client, response, "controle-mislukt")


def test_a_token_from_another_issuer_is_rejected(
    client: Client, oidc_settings: OIDCProvider, settings
) -> None:
    settings.OIDC_OP_ISSUER = "https://digid.example"

    response = log_in_with_oidc(client, oidc_settings, BSN)

    _failure_page(client, response, "controle-mislukt")


def test_login_without_a_configured_provider_is_explained(client: Client, settings) -> None:
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = ""

    response = client.get(reverse("oidc_authentication_init"))

    page = _failure_page(client, response, "niet-ingesteld")
    assert "niet mogelijk" in page.content.decode()


def test_an_unknown_failure_code_shows_a_general_message(client: Client) -> None:
    response = client.get(reverse("accounts:login-failed"), {"reden": "<script>"})
    assert response.status_code == 200
    assert "Het inloggen is niet gelukt" in response.content.decode()
    assert "<script>" not in response.content.decode()


def test_a_logged_in_resident_skips_the_login_page(
    client: Client, oidc_settings: OIDCProvider
) -> None:
    log_in_with_oidc(client, oidc_settings, BSN)

    response = client.get(reverse("accounts:login"), {"next": NEXT})

    assert response.status_code == 302
    assert response["Location"] == NEXT
