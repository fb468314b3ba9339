"""Who reaches the desk and the admin: residents never, desk employees not the configuration."""

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse

from mijnomgeving.accounts.session import LAST_ACTIVITY_KEY
from mijnomgeving.audit.models import ProcessingLogEntry, Purpose
from mijnomgeving.clients.calls import record_upstream_calls
from tests.fixtures.oidc import log_in_resident

pytestmark = pytest.mark.django_db

ZAAK = "6d3a0f8e-2f0b-4f7e-9a53-4f8f1e2b9c11"
DOCUMENT = "0f1e2d3c-4b5a-4697-8877-665544332211"
DESK_URLS = [
    ("balie:start", {}),
    ("balie-zaken:list", {}),
    ("balie-zaken:list-closed", {}),
    ("balie-zaken:detail", {"uuid": ZAAK}),
    ("balie-zaken:document-download", {"uuid": ZAAK, "document_uuid": DOCUMENT}),
]
ADMIN_URLS = [
    ("admin:index", {}),
    ("admin:audit_processinglogentry_changelist", {}),
    ("admin:auth_group_changelist", {}),
]


@pytest.mark.parametrize(("name", "kwargs"), DESK_URLS + ADMIN_URLS)
def test_a_resident_reaches_no_desk_or_admin_page(client: Client, name: str, kwargs: dict) -> None:
    log_in_resident(client, "999993653")

    with record_upstream_calls() as calls:
        response = client.get(reverse(name, kwargs=kwargs))

    assert response.status_code in {302, 403}
    if response.status_code == 302:
        assert response.url.startswith(reverse("maykin_2fa:login"))
    assert calls.count == 0
    assert "999993653" not in response.content.decode()


def test_a_resident_cannot_start_a_look_up(client: Client) -> None:
    log_in_resident(client, "999993653")

    response = client.post(
        reverse("balie:start"), {"bsn": "999990755", "purpose": Purpose.DESK_QUESTION}
    )

    assert response.status_code == 403
    assert not ProcessingLogEntry.objects.exists()


@pytest.mark.parametrize(("name", "kwargs"), DESK_URLS)
def test_anonymous_visitors_go_to_the_staff_login(client: Client, name: str, kwargs: dict) -> None:
    response = client.get(reverse(name, kwargs=kwargs))

    assert response.status_code == 302
    assert response.url.startswith(reverse("maykin_2fa:login"))


def test_an_administrator_without_the_desk_permission_gets_no_desk(
    admin_client_staff: Client,
) -> None:
    assert admin_client_staff.get(reverse("balie:start")).status_code == 403


def test_a_desk_employee_reaches_the_desk(desk_client: Client) -> None:
    response = desk_client.get(reverse("balie:start"))

    assert response.status_code == 200
    assert "Inwoner opzoeken" in response.text


def test_a_desk_employee_cannot_reach_the_configuration(
    desk_client: Client, admin_client_staff: Client
) -> None:
    config_models = [m for m in admin.site._registry if m._meta.app_label == "zaken"]
    if not config_models:
        pytest.skip("no zaken configuration models registered in the admin yet")
    for model in config_models:
        opts = model._meta
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        assert desk_client.get(changelist).status_code == 403, changelist
        assert admin_client_staff.get(changelist).status_code == 200, changelist
    assert desk_client.get(reverse("admin:audit_processinglogentry_changelist")).status_code == 403


def test_an_idle_desk_session_ends_and_forgets_the_look_up(desk_client: Client) -> None:
    desk_client.post(reverse("balie:start"), {"bsn": "999993653", "purpose": Purpose.COMPLAINT})
    session = desk_client.session
    session[LAST_ACTIVITY_KEY] = 0.0  # long ago
    session.save()

    with record_upstream_calls() as calls:
        response = desk_client.get(reverse("balie-zaken:list"))

    assert response.status_code == 302
    assert "balie.lookup" not in desk_client.session
    assert calls.count == 0
    assert desk_client.get(reverse("balie:start")).status_code == 302
