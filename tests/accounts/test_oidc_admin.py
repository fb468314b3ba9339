"""The admin's DigiD login configuration: everything editable, the client secret write-only."""

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from mijnomgeving.accounts.models import OIDCConfig, User

pytestmark = pytest.mark.django_db

SECRET = "het-client-geheim-van-de-broker"
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


@pytest.fixture
def superuser_client() -> Client:
    user = User.objects.create_superuser("beheer", password="een-goed-wachtwoord-42")
    client = Client()
    client.force_login(user, backend=MODEL_BACKEND)
    return client


@pytest.fixture
def url() -> str:
    return reverse("admin:accounts_oidcconfig_change")


def form_data(**changes: Any) -> dict[str, Any]:
    data = {
        "enabled": "on",
        "client_id": "mijnomgeving",
        "client_secret": "",
        "issuer": "https://broker.test",
        "authorization_endpoint": "https://broker.test/authorize",
        "token_endpoint": "https://broker.test/token",
        "user_endpoint": "",
        "jwks_endpoint": "https://broker.test/jwks",
        "logout_endpoint": "",
        "bsn_claim": "",
        "loa_claim": "",
        "min_loa": "midden",
        "sign_algo": "RS256",
        "scopes": "",
        "verify_kid": "unknown",
        "timeout": "",
    }
    return {key: value for key, value in {**data, **changes}.items() if value is not None}


def save(client: Client, url: str, **changes: Any) -> OIDCConfig:
    response = client.post(url, form_data(**changes))
    assert response.status_code == 302, re.findall(
        r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', response.text
    )
    return OIDCConfig.get_solo()


def test_an_administrator_sets_up_the_login(superuser_client: Client, url: str) -> None:
    config = save(superuser_client, url, client_secret=SECRET)

    assert config.enabled
    assert config.client_secret == SECRET
    assert config.min_loa == "midden"
    assert config.verify_kid is None


def test_the_secret_is_never_shown_again(superuser_client: Client, url: str) -> None:
    save(superuser_client, url, client_secret=SECRET)

    page = superuser_client.get(url)

    assert page.status_code == 200
    assert SECRET not in page.text
    assert "Er is een geheim opgeslagen" in page.text


def test_an_empty_secret_field_keeps_the_secret(superuser_client: Client, url: str) -> None:
    save(superuser_client, url, client_secret=SECRET)

    config = save(superuser_client, url, client_id="een-andere-client")

    assert config.client_id == "een-andere-client"
    assert config.client_secret == SECRET


def test_a_new_secret_replaces_it_and_clearing_removes_it(
    superuser_client: Client, url: str
) -> None:
    save(superuser_client, url, client_secret=SECRET)

    assert save(superuser_client, url, client_secret="nieuw").client_secret == "nieuw"
    assert save(superuser_client, url, clear_client_secret="on").client_secret == ""


def test_a_level_that_does_not_exist_is_refused(superuser_client: Client, url: str) -> None:
    response = superuser_client.post(url, form_data(min_loa="supergoed"))

    assert response.status_code == 200
    assert not OIDCConfig.objects.filter(enabled=True).exists()
