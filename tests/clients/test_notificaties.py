"""The Notificaties client and the idempotent registration of the portal's abonnement."""

import time
from io import StringIO
from typing import Any

import jwt
import pytest
from django.core.management import CommandError, call_command

from notificaties.auth import auth_header_for
from notificaties.models import Subscription
from notificaties.subscription import subscription_register, wanted_kanalen
from tests.factories import notificaties as nf

pytestmark = pytest.mark.django_db

CALLBACK = "https://portal.test/api/notificaties/webhook/"


@pytest.fixture
def nrc(notificaties_service: Any, requests_mock: Any, settings: Any) -> Any:
    settings.SITE_URL = "https://portal.test"
    settings.NOTIFICATIES_ZAKEN_BRONORGANISATIE = "002220647"
    return requests_mock


def served(payload: dict[str, Any]) -> dict[str, Any]:
    """An abonnement as Open Notificaties serves it: `auth` is write-only, never shown back.

    (The 1.0.1 spec lists `auth` as required in the response too; Open Notificaties'
    AbonnementSerializer has `"auth": {"write_only": True}`.)
    """
    return {key: value for key, value in payload.items() if key != "auth"}


def _created(request: Any, context: Any) -> dict[str, Any]:
    body = request.json()
    nf.assert_abonnement_body_valid(body)
    context.status_code = 201
    return served(
        nf.abonnement(callback_url=body["callbackUrl"], auth=body["auth"], kanalen=body["kanalen"])
    )


def _registered_once(nrc: Any) -> tuple[Any, dict[str, Any]]:
    """Register against an empty NRC; then the NRC lists that abonnement (without auth)."""
    nrc.get(nf.NRC_ROOT + "abonnement", json=[])
    nrc.post(nf.NRC_ROOT + "abonnement", json=_created)
    registration = subscription_register()
    body = nrc.request_history[-1].json()
    listed = served(
        nf.abonnement(
            callback_url=CALLBACK,
            auth=body["auth"],
            kanalen=body["kanalen"],
            uuid=registration.subscription.abonnement_url.rsplit("/", 1)[-1],
        )
    )
    nrc.get(nf.NRC_ROOT + "abonnement", json=[listed])
    return registration, listed


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


def test_registering_again_changes_nothing(nrc: Any, monkeypatch: Any) -> None:
    _registered_once(nrc)
    # An hour later: a fresh JWT would carry a new iat; the registered header must not change.
    monkeypatch.setattr("mijnomgeving.clients.auth._now", lambda: int(time.time()) + 3600)
    calls = nrc.call_count
    assert subscription_register().action == "unchanged"
    assert nrc.call_count == calls + 1  # only the GET: no PUT, so no new callback checks
    assert Subscription.objects.count() == 1


def test_the_auth_header_is_the_same_every_time(
    subscription: Subscription, monkeypatch: Any
) -> None:
    first = auth_header_for(subscription)
    monkeypatch.setattr("mijnomgeving.clients.auth._now", lambda: int(time.time()) + 86400)
    assert auth_header_for(subscription) == first
    claims = jwt.decode(first.split(" ", 1)[1], subscription.secret, algorithms=["HS256"])
    assert claims["iat"] == int(subscription.created_at.timestamp())


def test_an_abonnement_registered_by_another_secret_is_updated(nrc: Any) -> None:
    """A fresh database (new secret) finds the old abonnement: the NRC must get the new auth."""
    _, listed = _registered_once(nrc)
    Subscription.objects.all().delete()

    def put(request: Any, context: Any) -> dict[str, Any]:
        nf.assert_abonnement_body_valid(request.json())
        return served({**listed, **request.json()})

    nrc.put(listed["url"], json=put)
    assert subscription_register().action == "updated"
    subscription = Subscription.objects.get()
    assert nrc.last_request.json()["auth"] == auth_header_for(subscription)


def test_changed_kanalen_are_updated(nrc: Any, settings: Any) -> None:
    _, listed = _registered_once(nrc)
    settings.NOTIFICATIES_KANALEN = ["zaken", "documenten"]
    nrc.put(listed["url"], json=lambda request, context: served({**listed, **request.json()}))
    assert subscription_register().action == "updated"
    assert nrc.last_request.json()["kanalen"] == [
        {"naam": "zaken", "filters": {"bronorganisatie": "002220647"}},
        {"naam": "documenten", "filters": {}},
    ]


def test_kanalen_default_to_zaken_with_the_bronorganisatie_filter(settings: Any) -> None:
    settings.NOTIFICATIES_ZAKEN_BRONORGANISATIE = "002220647"
    assert settings.NOTIFICATIES_KANALEN == ["zaken"]  # the default (NOTIFICATIES_KANALEN unset)
    assert [k.as_api() for k in wanted_kanalen()] == [
        {"naam": "zaken", "filters": {"bronorganisatie": "002220647"}}
    ]
    settings.NOTIFICATIES_ZAKEN_BRONORGANISATIE = ""
    settings.NOTIFICATIES_KANALEN = ["zaken", "objecten", "zaken"]
    assert [k.as_api() for k in wanted_kanalen()] == [
        {"naam": "zaken", "filters": {}},
        {"naam": "objecten", "filters": {}},
    ]


def test_an_outdated_abonnement_for_our_callback_is_updated(nrc: Any) -> None:
    stale = served(nf.abonnement(callback_url=CALLBACK, auth="Bearer old"))
    nrc.get(nf.NRC_ROOT + "abonnement", json=[stale])

    def put(request: Any, context: Any) -> dict[str, Any]:
        nf.assert_abonnement_body_valid(request.json())
        return served({**stale, **request.json()})

    nrc.put(stale["url"], json=put)
    assert subscription_register().action == "updated"
    assert nrc.last_request.method == "PUT"


def test_a_refusal_gives_a_clear_error(nrc: Any) -> None:
    nrc.get(nf.NRC_ROOT + "abonnement", json=[])
    problem = nf.abonnement_refusal("invalid-callback-url", "Callback URL niet bereikbaar")
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
