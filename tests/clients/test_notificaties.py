"""The Notificaties client and the idempotent registration of the portal's abonnement."""

from io import StringIO
from typing import Any

import jwt
import pytest
from django.core.management import CommandError, call_command

from notificaties.models import Subscription
from notificaties.subscription import subscription_register
from tests.factories import notificaties as nf

pytestmark = pytest.mark.django_db

CALLBACK = "https://portal.test/api/notificaties/webhook/"


@pytest.fixture
def nrc(notificaties_service: Any, requests_mock: Any, settings: Any) -> Any:
    settings.SITE_URL = "https://portal.test"
    settings.NOTIFICATIES_ZAKEN_BRONORGANISATIE = "002220647"
    return requests_mock


def _created(request: Any, context: Any) -> dict[str, Any]:
    body = request.json()
    nf.assert_abonnement_body_valid(body)
    context.status_code = 201
    return nf.abonnement(
        callback_url=body["callbackUrl"], auth=body["auth"], kanalen=body["kanalen"]
    )


def test_registers_an_abonnement_with_a_generated_secret(nrc: Any) -> None:
    nrc.get(nf.NRC_ROOT + "abonnement", json=[])
    nrc.post(nf.NRC_ROOT + "abonnement", json=_created)
    registration = subscription_register()
    assert registration.action == "created"
    body = nrc.request_history[-1].json()
    assert body["callbackUrl"] == CALLBACK
    assert body["kanalen"] == [{"naam": "zaken", "filters": {"bronorganisatie": "002220647"}}]
    subscription = Subscription.objects.get()
    scheme, token = body["auth"].split(" ")
    assert scheme == "Bearer"
    claims = jwt.decode(token, subscription.secret, algorithms=["HS256"])
    assert claims["client_id"] == subscription.client_id
    assert len(subscription.secret) >= 32
    assert nrc.request_history[-1].headers["Authorization"].startswith("Bearer ")  # ZGW JWT
    assert subscription.abonnement_url.startswith(nf.NRC_ROOT + "abonnement/")


def test_registering_again_changes_nothing(nrc: Any) -> None:
    nrc.get(nf.NRC_ROOT + "abonnement", json=[])
    nrc.post(nf.NRC_ROOT + "abonnement", json=_created)
    first = subscription_register()
    existing = nf.abonnement(
        callback_url=CALLBACK,
        auth=nrc.request_history[-1].json()["auth"],
        kanalen=[{"naam": "zaken", "filters": {"bronorganisatie": "002220647"}}],
        uuid=first.subscription.abonnement_url.rsplit("/", 1)[-1],
    )
    nrc.get(nf.NRC_ROOT + "abonnement", json=[existing])
    calls = nrc.call_count
    assert subscription_register().action == "unchanged"
    assert nrc.call_count == calls + 1  # only the GET
    assert Subscription.objects.count() == 1


def test_an_outdated_abonnement_for_our_callback_is_updated(nrc: Any) -> None:
    stale = nf.abonnement(callback_url=CALLBACK, auth="Bearer old")
    nrc.get(nf.NRC_ROOT + "abonnement", json=[stale])

    def put(request: Any, context: Any) -> dict[str, Any]:
        nf.assert_abonnement_body_valid(request.json())
        return {**stale, **request.json()}

    nrc.put(stale["url"], json=put)
    assert subscription_register().action == "updated"
    assert nrc.last_request.method == "PUT"


def test_a_refusal_gives_a_clear_error(nrc: Any) -> None:
    nrc.get(nf.NRC_ROOT + "abonnement", json=[])
    problem = {
        "type": "about:blank",
        "code": "invalid",
        "title": "Invalid input.",
        "status": 400,
        "detail": "",
        "instance": "urn:uuid:1",
        "invalidParams": [
            {
                "name": "callbackUrl",
                "code": "invalid-callback-url",
                "reason": "Callback URL niet bereikbaar",
            }
        ],
    }
    nrc.post(nf.NRC_ROOT + "abonnement", status_code=400, json=problem)
    with pytest.raises(CommandError, match="kon de webhook niet bereiken"):
        call_command("register_subscription", stdout=StringIO())
    assert "invalid-callback-url" in Subscription.objects.get().last_error


def test_the_command_reports_what_it_did(nrc: Any) -> None:
    nrc.get(nf.NRC_ROOT + "abonnement", json=[])
    nrc.post(nf.NRC_ROOT + "abonnement", json=_created)
    out = StringIO()
    call_command("register_subscription", stdout=out)
    assert "Abonnement created" in out.getvalue()


def test_the_command_without_a_configured_service_fails_clearly(db: None) -> None:
    with pytest.raises(Exception, match="No API service with slug"):
        call_command("register_subscription", stdout=StringIO())


def test_the_webhook_accepts_the_auth_it_registered(nrc: Any, client: Any) -> None:
    from django.urls import reverse

    nrc.get(nf.NRC_ROOT + "abonnement", json=[])
    nrc.post(nf.NRC_ROOT + "abonnement", json=_created)
    subscription_register()
    auth = nrc.request_history[-1].json()["auth"]
    response = client.post(
        reverse("notificaties:webhook"),
        nf.test_notificatie(),
        content_type="application/json",
        HTTP_AUTHORIZATION=auth,
    )
    assert response.status_code == 204
