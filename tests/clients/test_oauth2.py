"""OAuth2 client credentials: a Service that asks for them gets a Bearer token per call."""

import base64
from urllib.parse import parse_qs

import pytest
from zgw_consumers.constants import AuthTypes

from mijnomgeving.clients.errors import ClientConfigurationError, UpstreamInvalidResponse
from mijnomgeving.clients.oauth2 import forget_tokens
from mijnomgeving.clients.zgw import build_zgw_clients
from tests.factories import zgw

TOKEN_URL = "http://zaken.test/oauth2/token"


@pytest.fixture
def oauth2_zaken(zgw_services):
    zgw_services.zaken.auth_type = AuthTypes.oauth2_client_credentials
    zgw_services.zaken.client_id = "portaal"
    zgw_services.zaken.secret = "geheim:met-teken"
    zgw_services.zaken.oauth2_token_url = TOKEN_URL
    zgw_services.zaken.oauth2_scope = "zaken.lezen"
    zgw_services.zaken.save()
    forget_tokens()
    yield zgw_services
    forget_tokens()


def test_calls_carry_the_token_the_endpoint_gave_and_fetch_it_once(
    oauth2_zaken, zgw_actor, requests_mock
) -> None:
    token = requests_mock.post(TOKEN_URL, json={"access_token": "t-1", "expires_in": 3600})
    zaak = zgw.zaak()
    requests_mock.get(zaak["url"], json=zaak, headers=zgw.ZAKEN_RESPONSE_HEADERS)
    clients = build_zgw_clients(zgw_actor)

    clients.zaken.zaak(zaak["url"])
    clients.zaken.zaak(zaak["url"])

    assert token.call_count == 1
    sent = token.last_request
    assert parse_qs(sent.text) == {"grant_type": ["client_credentials"], "scope": ["zaken.lezen"]}
    expected = base64.b64encode(b"portaal:geheim%3Amet-teken").decode()
    assert sent.headers["Authorization"] == f"Basic {expected}"
    assert requests_mock.last_request.headers["Authorization"] == "Bearer t-1"


def test_an_expiring_token_is_fetched_again(oauth2_zaken, zgw_actor, requests_mock) -> None:
    token = requests_mock.post(
        TOKEN_URL,
        [{"json": {"access_token": "kort", "expires_in": 10}}, {"json": {"access_token": "t-2"}}],
    )
    zaak = zgw.zaak()
    requests_mock.get(zaak["url"], json=zaak, headers=zgw.ZAKEN_RESPONSE_HEADERS)
    clients = build_zgw_clients(zgw_actor)

    clients.zaken.zaak(zaak["url"])  # 10 s is within the margin: not kept
    clients.zaken.zaak(zaak["url"])

    assert token.call_count == 2
    assert requests_mock.last_request.headers["Authorization"] == "Bearer t-2"


def test_a_token_answer_without_a_token_is_an_invalid_response(
    oauth2_zaken, zgw_actor, requests_mock
) -> None:
    requests_mock.post(TOKEN_URL, json={"error": "invalid_client"})

    with pytest.raises(UpstreamInvalidResponse):
        build_zgw_clients(zgw_actor).zaken.zaak(zgw.zaak()["url"])


def test_oauth2_without_a_token_url_is_a_configuration_error(oauth2_zaken, zgw_actor) -> None:
    oauth2_zaken.zaken.oauth2_token_url = ""
    oauth2_zaken.zaken.save()

    with pytest.raises(ClientConfigurationError, match="token URL"):
        build_zgw_clients(zgw_actor)
