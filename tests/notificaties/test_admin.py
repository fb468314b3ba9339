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
        json=nf.abonnement_refusal("invalid-callback-url"),
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


def _refusing_nrc(requests_mock: Any) -> None:
    requests_mock.get(nf.NRC_ROOT + "abonnement", json=[])
    requests_mock.post(
        nf.NRC_ROOT + "abonnement",
        status_code=400,
        json=nf.abonnement_refusal(
            "no-auth-on-callback-url", "Callback URL accepteert verzoeken zonder auth"
        ),
    )


def _accepting_nrc(requests_mock: Any) -> None:
    def created(request: Any, context: Any) -> dict[str, Any]:
        body = request.json()
        context.status_code = 201
        served = nf.abonnement(
            callback_url=body["callbackUrl"], auth=body["auth"], kanalen=body["kanalen"]
        )
        served.pop("auth")  # write-only in Open Notificaties
        return served

    requests_mock.get(nf.NRC_ROOT + "abonnement", json=[])
    requests_mock.post(nf.NRC_ROOT + "abonnement", json=created)


def test_the_changelist_offers_registration_without_any_row(admin_client_staff: Any) -> None:
    html = admin_client_staff.get(reverse("admin:notificaties_subscription_changelist"))
    content = html.content.decode()
    assert reverse("admin:notificaties_subscription_register") in content
    assert "Abonnement registreren" in content


def test_the_register_button_works_on_a_fresh_install(
    admin_client_staff: Any, notificaties_service: Any, requests_mock: Any, settings: Any
) -> None:
    settings.SITE_URL = "https://portal.test"
    _accepting_nrc(requests_mock)
    assert not Subscription.objects.exists()
    response = admin_client_staff.post(
        reverse("admin:notificaties_subscription_register"), follow=True
    )
    subscription = Subscription.objects.get()
    assert subscription.abonnement_url.startswith(nf.NRC_ROOT + "abonnement/")
    assert response.redirect_chain[-1][0] == reverse("admin:notificaties_subscription_changelist")
    content = response.content.decode()
    assert "Abonnement aangemaakt bij de Notificaties API" in content
    assert subscription.abonnement_url in content


def test_the_register_button_shows_the_refusal_in_dutch(
    admin_client_staff: Any, notificaties_service: Any, requests_mock: Any
) -> None:
    _refusing_nrc(requests_mock)
    response = admin_client_staff.post(
        reverse("admin:notificaties_subscription_register"), follow=True
    )
    content = response.content.decode()
    assert "Registreren is niet gelukt." in content
    assert "zonder Authorization niet met 401 of 403" in content
    assert "no-auth-on-callback-url" in content  # the NRC's own words, for the administrator
    assert "Callback URL accepteert verzoeken zonder auth" in content


def test_the_register_button_without_a_configured_service_says_so(
    admin_client_staff: Any,
) -> None:
    response = admin_client_staff.post(
        reverse("admin:notificaties_subscription_register"), follow=True
    )
    assert "de Notificaties API is niet ingesteld" in response.content.decode()


def test_the_register_button_when_the_nrc_is_down_says_so(
    admin_client_staff: Any, notificaties_service: Any, requests_mock: Any
) -> None:
    requests_mock.get(nf.NRC_ROOT + "abonnement", status_code=503)
    response = admin_client_staff.post(
        reverse("admin:notificaties_subscription_register"), follow=True
    )
    assert "de Notificaties API is niet bereikbaar" in response.content.decode()


def test_registering_needs_a_post(admin_client_staff: Any) -> None:
    response = admin_client_staff.get(reverse("admin:notificaties_subscription_register"))
    assert response.status_code == 405


def test_registering_needs_the_add_permission(django_user_model: Any) -> None:
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user(
        "n.kijker", "k@example.nl", "x-42-wachtwoord", is_staff=True
    )
    user.user_permissions.add(Permission.objects.get(codename="view_subscription"))
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    changelist = client.get(reverse("admin:notificaties_subscription_changelist"))
    assert changelist.status_code == 200
    assert "Abonnement registreren" not in changelist.content.decode()
    response = client.post(reverse("admin:notificaties_subscription_register"))
    assert response.status_code == 403
    assert not Subscription.objects.exists()


def test_the_outbox_shows_when_email_replaced_sms(admin_client_staff: Any, world: World) -> None:
    deliver(world.status_notificatie())
    OutgoingMessage.objects.update(channel_fallback=True)
    response = admin_client_staff.get(
        reverse("admin:notificaties_outgoingmessage_changelist") + "?channel_fallback__exact=1"
    )
    assert "e-mail in plaats van sms" in response.content.decode()
    assert OutgoingMessage.objects.get().pk in response.context["cl"].result_list.values_list(
        "pk", flat=True
    )
