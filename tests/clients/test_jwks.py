"""The OIDC provider's key set through the client layer."""

import pytest

from mijnomgeving.clients.errors import ForeignUrlError, UpstreamInvalidResponse
from mijnomgeving.clients.jwks import jwks_keys

JWKS = "https://digid-broker.test/oidc/jwks"


def test_the_keys_are_read_from_the_endpoint(requests_mock) -> None:
    requests_mock.get(JWKS, json={"keys": [{"kty": "RSA", "kid": "1"}]})

    assert jwks_keys(JWKS, timeout=5) == [{"kty": "RSA", "kid": "1"}]
    assert "Cookie" not in requests_mock.last_request.headers


def test_an_answer_without_keys_is_an_invalid_response(requests_mock) -> None:
    requests_mock.get(JWKS, json={"sleutels": []})

    with pytest.raises(UpstreamInvalidResponse):
        jwks_keys(JWKS, timeout=5)


def test_a_redirect_away_from_the_provider_is_not_followed(requests_mock) -> None:
    requests_mock.get(JWKS, status_code=302, headers={"Location": "https://elders.test/jwks"})

    with pytest.raises(ForeignUrlError):
        jwks_keys(JWKS, timeout=5)
