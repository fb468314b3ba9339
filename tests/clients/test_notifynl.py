"""The NotifyNL client: the Notify API's requests, its service JWT, typed errors."""

import json

import jwt
import pytest

from mijnomgeving.clients.errors import (
    ClientConfigurationError,
    UpstreamInvalidResponse,
    UpstreamUnavailable,
)
from mijnomgeving.clients.notifynl import build_notifynl_client

SERVICE_ID = "11111111-1111-4111-8111-111111111111"
SECRET = "22222222-2222-4222-8222-222222222222"
API_KEY = f"portaal-{SERVICE_ID}-{SECRET}"


@pytest.fixture
def notifynl(settings):
    settings.NOTIFYNL_API_KEY = API_KEY
    settings.NOTIFYNL_BASE_URL = "https://notifynl.test"
    return build_notifynl_client()


def test_an_email_is_sent_with_a_service_jwt_and_the_template(notifynl, requests_mock) -> None:
    requests_mock.post("https://notifynl.test/v2/notifications/email", json={"id": "abc"})

    notification_id = notifynl.send_email(
        email_address="inwoner@example.nl",
        template_id="t-1",
        personalisation={"onderwerp": "Nieuw", "bericht": "Er is iets veranderd."},
        reference="mijnomgeving-1",
    )

    assert notification_id == "abc"
    request = requests_mock.last_request
    assert json.loads(request.body) == {
        "email_address": "inwoner@example.nl",
        "template_id": "t-1",
        "personalisation": {"onderwerp": "Nieuw", "bericht": "Er is iets veranderd."},
        "reference": "mijnomgeving-1",
    }
    token = request.headers["Authorization"].removeprefix("Bearer ")
    claims = jwt.decode(token, SECRET, algorithms=["HS256"])
    assert claims["iss"] == SERVICE_ID and isinstance(claims["iat"], int)
    assert API_KEY not in request.headers["Authorization"]


def test_the_reference_lookup_says_whether_notifynl_has_it(notifynl, requests_mock) -> None:
    requests_mock.get(
        "https://notifynl.test/v2/notifications?reference=r-1", json={"notifications": [{}]}
    )
    requests_mock.get(
        "https://notifynl.test/v2/notifications?reference=r-2", json={"notifications": []}
    )

    assert notifynl.knows_reference("r-1") is True
    assert notifynl.knows_reference("r-2") is False


def test_failures_are_typed_errors(notifynl, requests_mock) -> None:
    requests_mock.post("https://notifynl.test/v2/notifications/sms", status_code=503)
    with pytest.raises(UpstreamUnavailable):
        notifynl.send_sms(
            phone_number="0612345678", template_id="t", personalisation={}, reference="r"
        )
    requests_mock.post("https://notifynl.test/v2/notifications/sms", json={"no": "id"})
    with pytest.raises(UpstreamInvalidResponse):
        notifynl.send_sms(
            phone_number="0612345678", template_id="t", personalisation={}, reference="r"
        )


def test_without_a_full_api_key_there_is_no_client(settings) -> None:
    settings.NOTIFYNL_API_KEY = "too-short"
    with pytest.raises(ClientConfigurationError):
        build_notifynl_client()
