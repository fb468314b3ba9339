"""The webhook: auth first, the test kanaal, validation, stored before the 204 (rule 14)."""

from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command

from mijnomgeving.clients.auth import zgw_jwt
from notificaties.auth import NRC_ACTOR
from notificaties.models import ReceivedNotification, Subscription
from tests.factories import notificaties as nf
from tests.factories.notificaties import problem_violations

pytestmark = pytest.mark.django_db


def test_without_authorization_answers_401(post_notificatie: Any) -> None:
    response = post_notificatie(nf.notificatie(), auth=None)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    assert response["Content-Type"] == "application/problem+json"
    assert not problem_violations(response.json(), "Fout")
    assert not ReceivedNotification.objects.exists()


@pytest.mark.parametrize(
    "auth",
    [
        "Bearer not-a-jwt",
        "Token abc",
        "Bearer " + zgw_jwt(client_id="unknown", secret="x" * 40, actor=NRC_ACTOR),
    ],
)
def test_wrong_authorization_answers_403(post_notificatie: Any, auth: str) -> None:
    response = post_notificatie(nf.notificatie(), auth=auth)
    assert response.status_code == 403
    assert not ReceivedNotification.objects.exists()


def test_a_token_signed_with_another_secret_answers_403(
    post_notificatie: Any, subscription: Subscription
) -> None:
    forged = zgw_jwt(client_id=subscription.client_id, secret="y" * 48, actor=NRC_ACTOR)
    assert post_notificatie(nf.notificatie(), auth=f"Bearer {forged}").status_code == 403


def test_an_old_token_is_accepted_because_iat_is_not_checked(
    post_notificatie: Any, subscription: Subscription
) -> None:
    old = zgw_jwt(
        client_id=subscription.client_id,
        secret=subscription.secret,
        actor=NRC_ACTOR,
        issued_at=1_000_000_000,
    )
    assert post_notificatie(nf.test_notificatie(), auth=f"Bearer {old}").status_code == 204


def test_the_test_kanaal_answers_204_and_stores_nothing(post_notificatie: Any) -> None:
    response = post_notificatie(nf.test_notificatie())
    assert response.status_code == 204
    assert not ReceivedNotification.objects.exists()


def test_the_test_kanaal_without_auth_is_still_refused(post_notificatie: Any) -> None:
    assert post_notificatie(nf.test_notificatie(), auth=None).status_code == 401


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"hoofdObject": None}, "hoofdObject"),
        ({"resourceUrl": "not a url"}, "resourceUrl"),
        ({"kanaal": "k" * 51}, "kanaal"),
        ({"aanmaakdatum": "gisteren"}, "aanmaakdatum"),
        ({"kenmerken": {"bronorganisatie": 123}}, "kenmerken"),
    ],
)
def test_an_invalid_payload_answers_400_naming_the_field(
    post_notificatie: Any, change: dict[str, Any], field: str
) -> None:
    payload = {**nf.notificatie(), **change}
    response = post_notificatie(payload)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert not problem_violations(body, "ValidatieFout")
    assert [param["name"] for param in body["invalidParams"]] == [field]
    assert not ReceivedNotification.objects.exists()


def test_a_body_that_is_not_json_answers_400(client: Any, webhook_auth: str) -> None:
    from django.urls import reverse

    response = client.post(
        reverse("notificaties:webhook"),
        "{",
        content_type="application/json",
        HTTP_AUTHORIZATION=webhook_auth,
    )
    assert response.status_code == 400


def test_get_is_not_allowed(client: Any) -> None:
    from django.urls import reverse

    assert client.get(reverse("notificaties:webhook")).status_code == 405


def test_unknown_kanaal_is_stored_and_ignored_visibly(
    post_notificatie: Any, django_capture_on_commit_callbacks: Any
) -> None:
    payload = nf.notificatie(
        kanaal="objecten", resource="object", resourceUrl="http://obj.test/api/v2/objects/1"
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert post_notificatie(payload).status_code == 204
    stored = ReceivedNotification.objects.get()
    assert stored.status == ReceivedNotification.Status.IGNORED
    assert "objecten/object/create" in stored.outcome


def test_stored_before_answered_and_a_later_sweep_processes_it(
    post_notificatie: Any, world: Any, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """With no worker running (dummy backend) the message waits, pending, for the sweep."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        assert post_notificatie(world.status_notificatie()).status_code == 204
    stored = ReceivedNotification.objects.get()
    assert stored.status == ReceivedNotification.Status.PENDING
    assert stored.payload == world.status_notificatie() | {"resourceUrl": world.status_url}
    assert not mail.outbox
    call_command("process_notifications")
    stored.refresh_from_db()
    assert stored.status == ReceivedNotification.Status.DONE
    assert len(mail.outbox) == 1


def test_duplicate_delivery_is_stored_once_and_sends_one_message(
    post_notificatie: Any, world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    payload = world.status_notificatie()
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            assert post_notificatie(payload).status_code == 204
    assert ReceivedNotification.objects.count() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["inwoner@example.nl"]
