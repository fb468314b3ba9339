"""ZGW JWT (docs/standards.md §1), API key and no-auth on the wire."""

import base64
import json
import time

import jwt
from zgw_consumers.constants import AuthTypes
from zgw_consumers.models import Service

from mijnomgeving.accounts.identity import Identity, pseudonym, resident_actor
from mijnomgeving.clients.actor import Actor
from mijnomgeving.clients.auth import zgw_jwt
from mijnomgeving.clients.zgw import build_zgw_clients
from tests.factories import zgw

STANDARDS_VECTOR = (
    "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9."
    "eyJpc3MiOiJkb2NzIiwiaWF0IjoxNjAyODU3MzAxLCJjbGllbnRfaWQiOiJkb2NzIiwidXNlcl9pZCI6ImRvY3NAZXhhbXBsZS5jb20iLCJ1c2VyX3JlcHJlc2VudGF0aW9uIjoiRG9jdW1lbnRhdGlvbiBFeGFtcGxlIn0."
    "DZu7E780xG4zqRiT8ZhrBeMudz45301wNVDT0ra-Iyw"
)


def _segment(token: str, index: int) -> str:
    part = token.split(".")[index]
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)).decode()


def test_zgw_jwt_reproduces_the_standards_test_vector() -> None:
    token = zgw_jwt(
        client_id="docs",
        secret="example-secret",
        actor=Actor(user_id="docs@example.com", user_representation="Documentation Example"),
        issued_at=1602857301,
    )

    assert token == STANDARDS_VECTOR
    assert _segment(token, 0) == '{"typ":"JWT","alg":"HS256"}'
    assert list(json.loads(_segment(token, 1))) == [
        "iss",
        "iat",
        "client_id",
        "user_id",
        "user_representation",
    ]


def test_every_request_carries_a_jwt_with_the_actors_pseudonym(zgw_services, requests_mock) -> None:
    identity = Identity(bsn=zgw.TEST_BSN)
    client = build_zgw_clients(resident_actor(identity)).zaken
    payload = zgw.zaak()
    requests_mock.get(payload["url"], json=payload, headers=zgw.ZAKEN_RESPONSE_HEADERS)

    before = int(time.time())
    client.zaak(payload["url"])

    header = requests_mock.last_request.headers["Authorization"]
    assert header.startswith("Bearer ")
    claims = jwt.decode(header.removeprefix("Bearer "), zgw_services.secret, algorithms=["HS256"])
    assert claims["iss"] == claims["client_id"] == zgw_services.client_id
    assert before <= claims["iat"] <= int(time.time())
    assert claims["user_id"] == pseudonym(identity)
    assert claims["user_representation"] == "MijnOmgeving (inwoner)"
    assert zgw.TEST_BSN not in json.dumps(claims)


def test_the_jwt_is_made_anew_for_each_request(zgw_clients, requests_mock, monkeypatch) -> None:
    clock = iter(range(1_700_000_000, 1_700_000_100, 60))
    monkeypatch.setattr("mijnomgeving.clients.auth._now", lambda: next(clock))
    payload = zgw.zaak()
    requests_mock.get(payload["url"], json=payload)

    zgw_clients.zaken.zaak(payload["url"])
    zgw_clients.zaken.zaak(payload["url"])

    issued = [
        jwt.decode(
            call.headers["Authorization"].removeprefix("Bearer "),
            options={"verify_signature": False},
        )["iat"]
        for call in requests_mock.request_history
    ]
    assert issued == [1_700_000_000, 1_700_000_060]


def test_api_key_auth_sends_the_configured_header(zgw_services, zgw_actor, requests_mock) -> None:
    Service.objects.filter(pk=zgw_services.zaken.pk).update(
        auth_type=AuthTypes.api_key, header_key="Authorization", header_value="Token abc123"
    )
    payload = zgw.zaak()
    requests_mock.get(payload["url"], json=payload)

    build_zgw_clients(zgw_actor).zaken.zaak(payload["url"])

    assert requests_mock.last_request.headers["Authorization"] == "Token abc123"


def test_no_auth_sends_no_credentials(make_zgw_services, zgw_actor, requests_mock) -> None:
    make_zgw_services(auth_type=AuthTypes.no_auth)
    payload = zgw.zaak()
    requests_mock.get(payload["url"], json=payload)

    build_zgw_clients(zgw_actor).zaken.zaak(payload["url"])

    assert "Authorization" not in requests_mock.last_request.headers
