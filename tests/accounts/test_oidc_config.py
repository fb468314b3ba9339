"""The login's OIDC settings from the admin's OIDCConfig (or YAML), the environment as fallback.

The logins run against the real OIDC provider of the suite (tests/fixtures/oidc.py).
"""

from dataclasses import fields
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from mijnomgeving.accounts.models import OIDCConfig, User
from mijnomgeving.accounts.oidc_settings import (
    SETTING_OF_FIELD,
    OIDCSettings,
    oidc_settings_get,
)
from tests.fixtures.oidc import (
    OIDC_CLIENT_SECRET,
    OIDC_LOW_LOA_SUBJECT,
    OIDCProvider,
    finish_oidc_login,
    free_port,
    log_in_with_oidc,
    start_oidc_login,
)

pytestmark = pytest.mark.django_db

BSN = "999993653"


def configure(**values: object) -> OIDCConfig:
    """The admin's OIDCConfig, switched on, with these fields filled in."""
    config = OIDCConfig.get_solo()
    config.enabled = True
    for name, value in values.items():
        setattr(config, name, value)
    config.save()
    return config


def provider_values(provider: OIDCProvider, client_id: str = "uit-de-database") -> dict:
    return {
        "client_id": client_id,
        "client_secret": OIDC_CLIENT_SECRET,
        "issuer": provider.issuer,
        "authorization_endpoint": provider.authorization_endpoint,
        "token_endpoint": provider.token_endpoint,
        "user_endpoint": provider.userinfo_endpoint,
        "jwks_endpoint": provider.jwks_uri,
        "logout_endpoint": provider.end_session_endpoint,
        "sign_algo": "RS256",
        "verify_kid": False,  # the provider's ID tokens carry no "kid"
    }


@pytest.fixture
def dead_environment(settings) -> str:
    """The environment's OIDC settings point at a provider that does not answer."""
    dead = f"http://127.0.0.1:{free_port()}"
    settings.OIDC_RP_CLIENT_ID = "uit-de-omgeving"
    settings.OIDC_OP_ISSUER = dead
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{dead}/authorize"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{dead}/token"
    settings.OIDC_OP_USER_ENDPOINT = f"{dead}/userinfo"
    settings.OIDC_OP_JWKS_ENDPOINT = f"{dead}/jwks"
    settings.OIDC_OP_LOGOUT_ENDPOINT = f"{dead}/logout"
    settings.OIDC_VERIFY_KID = True  # would fail: the provider's tokens carry no "kid"
    settings.OIDC_BSN_CLAIM = "bsn"
    settings.OIDC_LOA_CLAIM = "acr"
    settings.OIDC_MIN_LOA = ""
    return dead


def failure_reason(client: Client, response) -> tuple[str, str]:
    """The failure code the login redirects to, and the Dutch page it shows."""
    assert response.status_code == 302, response
    location = response["Location"]
    assert location.startswith(reverse("accounts:login-failed")), location
    page = client.get(location)
    assert page.status_code == 200
    return parse_qs(urlsplit(location).query)["reden"][0], page.content.decode()


def test_the_fields_match_the_settings_they_stand_in_for() -> None:
    model_fields = {field.name for field in OIDCConfig._meta.concrete_fields if field.name != "id"}
    assert model_fields == {*SETTING_OF_FIELD, "enabled"}
    assert {field.name for field in fields(OIDCSettings)} == {*SETTING_OF_FIELD, "from_database"}


def test_without_a_configuration_the_environment_applies(settings) -> None:
    settings.OIDC_RP_CLIENT_ID = "uit-de-omgeving"
    settings.OIDC_TIMEOUT = 7.5

    oidc = oidc_settings_get()

    assert oidc.client_id == "uit-de-omgeving"
    assert oidc.timeout == 7.5
    assert oidc.from_database is False


def test_a_configuration_that_is_switched_off_is_ignored(settings) -> None:
    settings.OIDC_RP_CLIENT_ID = "uit-de-omgeving"
    configure(client_id="uit-de-database", enabled=False)

    assert oidc_settings_get().client_id == "uit-de-omgeving"


def test_filled_in_fields_win_and_empty_ones_fall_back(settings) -> None:
    settings.OIDC_RP_CLIENT_ID = "uit-de-omgeving"
    settings.OIDC_BSN_CLAIM = "bsn"
    settings.OIDC_VERIFY_KID = True
    configure(client_id="uit-de-database", bsn_claim="", verify_kid=False, timeout=None)

    oidc = oidc_settings_get()

    assert oidc.client_id == "uit-de-database"
    assert oidc.bsn_claim == "bsn"
    assert oidc.verify_kid is False  # a switch set to "no" is a value, not an empty field
    assert oidc.timeout == settings.OIDC_TIMEOUT


def test_the_database_configuration_is_what_the_login_uses(
    client: Client, oidc_provider: OIDCProvider, dead_environment: str
) -> None:
    configure(**provider_values(oidc_provider))

    authorize_url = start_oidc_login(client, "/mijn-zaken/")

    assert authorize_url.startswith(oidc_provider.authorization_endpoint)
    assert parse_qs(urlsplit(authorize_url).query)["client_id"] == ["uit-de-database"]
    # The ID token's audience is the database's client: the backend checks against that one.
    response = finish_oidc_login(client, oidc_provider.authorize(authorize_url, BSN))
    assert response["Location"] == "/mijn-zaken/"
    assert User.objects.filter(login_type=User.LoginType.DIGID).count() == 1


def test_a_wrong_client_id_in_the_database_fails_clearly_then_the_right_one_works(
    client: Client, oidc_provider: OIDCProvider, dead_environment: str
) -> None:
    configure(**provider_values(oidc_provider, client_id="mijnomgeving"))
    authorize_url = start_oidc_login(client)
    callback_url = oidc_provider.authorize(authorize_url, BSN)
    configure(client_id="een-verkeerde-client")  # the provider issued the code to another

    reason, page = failure_reason(client, finish_oidc_login(client, callback_url))

    assert reason == "controle-mislukt"
    assert "We konden niet controleren of het inloggen veilig ging" in page
    assert "_auth_user_id" not in client.session

    configure(client_id="mijnomgeving")
    response = log_in_with_oidc(client, oidc_provider, BSN)
    assert response["Location"] == reverse("dashboard")
    assert "_auth_user_id" in client.session


def test_an_unreachable_token_endpoint_in_the_database_is_explained(
    client: Client, oidc_settings: OIDCProvider
) -> None:
    configure(token_endpoint=f"http://127.0.0.1:{free_port()}/token")

    reason, page = failure_reason(client, log_in_with_oidc(client, oidc_settings, BSN))

    assert reason == "onbereikbaar"
    assert "We konden DigiD niet bereiken" in page


def test_the_minimum_level_from_the_database_is_applied(
    client: Client, oidc_settings: OIDCProvider
) -> None:
    configure(min_loa="midden")

    reason, page = failure_reason(
        client, log_in_with_oidc(client, oidc_settings, OIDC_LOW_LOA_SUBJECT)
    )

    assert reason == "niveau-te-laag"
    assert "niet hoog genoeg" in page
    assert log_in_with_oidc(Client(), oidc_settings, BSN).status_code == 302


def test_the_bsn_claim_from_the_database_is_applied(
    client: Client, oidc_settings: OIDCProvider
) -> None:
    configure(bsn_claim="burgerservicenummer")

    reason, _page = failure_reason(client, log_in_with_oidc(client, oidc_settings, BSN))

    assert reason == "geen-bsn"
    assert not User.objects.exists()


def test_verify_kid_from_the_database_is_applied(
    client: Client, oidc_settings: OIDCProvider
) -> None:
    configure(verify_kid=True)  # the provider's ID tokens carry no "kid" to match

    reason, _page = failure_reason(client, log_in_with_oidc(client, oidc_settings, BSN))

    assert reason == "controle-mislukt"


def test_the_environment_still_works_beside_a_partial_configuration(
    client: Client, oidc_settings: OIDCProvider
) -> None:
    configure(min_loa="basis")  # the rest: the environment (oidc_settings)

    response = log_in_with_oidc(client, oidc_settings, BSN, "/mijn-zaken/")

    assert response["Location"] == "/mijn-zaken/"


def test_logout_ends_the_session_at_the_database_providers_endpoint(
    client: Client, oidc_provider: OIDCProvider, dead_environment: str
) -> None:
    configure(**provider_values(oidc_provider))
    log_in_with_oidc(client, oidc_provider, BSN)

    response = client.post(reverse("accounts:logout"))

    content = response.content.decode()
    assert f'action="{oidc_provider.end_session_endpoint}"' in content
    assert 'name="client_id" value="uit-de-database"' in content
    assert dead_environment not in content


def test_an_incomplete_configuration_is_explained_before_the_provider(
    client: Client, settings, caplog: pytest.LogCaptureFixture
) -> None:
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = ""
    settings.OIDC_OP_TOKEN_ENDPOINT = ""
    configure(authorization_endpoint="https://digid-broker.test/authorize")  # no token endpoint

    reason, page = failure_reason(client, client.get(reverse("oidc_authentication_init")))

    assert reason == "niet-ingesteld"
    assert "niet mogelijk" in page
    assert (
        "OIDC_OP_TOKEN_ENDPOINT, OIDC_OP_JWKS_ENDPOINT: set neither in the admin's OIDC "
        "configuration nor in the environment" in caplog.text
    )
