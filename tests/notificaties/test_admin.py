"""The admin shows the inbox and outbox with their states, and registers the abonnement."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from notificaties.models import MessageTemplate, OutgoingMessage, ReceivedNotification, Subscription
from tests.factories import notificaties as nf
from tests.notificaties.conftest import World, deliver

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_staff(django_user_model: Any) -> Client:
    """A superuser (the Beheerders group's permissions belong to balie/)."""
    user = django_user_model.objects.create_superuser("n.beheer", "n@example.nl", "x-42-wachtwoord")
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.mark.parametrize(
    "model",
    [
        "receivednotification",
        "outgoingmessage",
        "messagetemplate",
        "subscription",
        "notificationpreference",
    ],
)
def test_the_changelists_render(admin_client_staff: Any, world: World, model: str) -> None:
    deliver(world.status_notificatie())
    response = admin_client_staff.get(reverse(f"admin:notificaties_{model}_changelist"))
    assert response.status_code == 200


def test_the_outbox_never_shows_the_address_or_the_secret(
    admin_client_staff: Any, world: World
) -> None:
    deliver(world.status_notificatie())
    message = OutgoingMessage.objects.get()
    html = admin_client_staff.get(
        reverse("admin:notificaties_outgoingmessage_change", args=[message.pk])
    )
    assert "inwoner@example.nl" not in html.content.decode()
    subscription = Subscription.objects.create()
    html = admin_client_staff.get(
        reverse("admin:notificaties_subscription_change", args=[subscription.pk])
    )
    assert subscription.secret not in html.content.decode()


def test_default_texts_exist_for_every_kind() -> None:
    kinds = set(MessageTemplate.objects.values_list("kind", flat=True))
    assert kinds == set(OutgoingMessage.Kind.values)


def test_the_register_action_shows_the_refusal(
    admin_client_staff: Any, notificaties_service: Any, requests_mock: Any
) -> None:
    subscription = Subscription.objects.create()
    requests_mock.get(nf.NRC_ROOT + "abonnement", json=[])
    requests_mock.post(
        nf.NRC_ROOT + "abonnement",
        status_code=400,
        json={
            "code": "invalid",
            "title": "Invalid input.",
            "status": 400,
            "detail": "",
            "instance": "urn:uuid:1",
            "invalidParams": [
                {"name": "callbackUrl", "code": "invalid-callback-url", "reason": "x"}
            ],
        },
    )
    response = admin_client_staff.post(
        reverse("admin:notificaties_subscription_changelist"),
        {"action": "register", "_selected_action": [subscription.pk]},
        follow=True,
    )
    assert "kon de webhook niet bereiken" in response.content.decode()


def test_ignored_notificaties_are_listed_by_status(admin_client_staff: Any) -> None:
    ReceivedNotification.objects.create(
        payload={},
        dedupe_key="k",
        kanaal="objecten",
        resource="object",
        actie="create",
        resource_url="http://x.test/1",
        hoofd_object="http://x.test/1",
        status=ReceivedNotification.Status.IGNORED,
        outcome="geen handler",
    )
    response = admin_client_staff.get(
        reverse("admin:notificaties_receivednotification_changelist") + "?status__exact=ignored"
    )
    assert "geen handler" in response.content.decode()
