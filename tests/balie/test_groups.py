"""The staff groups carry exactly the permissions their work needs."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from zgw_consumers.models import Service

from balie.groups import ADMINISTRATORS, DESK_EMPLOYEES, sync_groups

pytestmark = pytest.mark.django_db


def _codenames(group_name: str) -> set[str]:
    group = Group.objects.get(name=group_name)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}


def test_administrators_run_the_notification_service_but_not_residents_choices() -> None:
    codenames = _codenames(ADMINISTRATORS)

    assert "notificaties.change_messagetemplate" in codenames
    assert "notificaties.change_outgoingmessage" in codenames  # retry what failed
    assert "notificaties.change_subscription" in codenames
    assert "notificaties.view_notificationpreference" in codenames
    assert "notificaties.change_notificationpreference" not in codenames
    assert not {c for c in codenames if c.startswith("notificaties.delete_")}


def test_desk_employees_only_use_the_desk() -> None:
    assert _codenames(DESK_EMPLOYEES) == {"balie.use_balie"}


def test_administrators_configure_the_services() -> None:
    codenames = _codenames(ADMINISTRATORS)

    assert {
        f"zgw_consumers.{action}_service" for action in ("view", "add", "change", "delete")
    } <= codenames
    assert not {c for c in codenames if c.startswith("zgw_consumers.") and "service" not in c}


def test_an_administrator_can_add_a_service_and_a_desk_employee_cannot(
    admin_client_staff: Client, desk_client: Client
) -> None:
    add = reverse("admin:zgw_consumers_service_add")

    assert admin_client_staff.get(add).status_code == 200
    assert (
        admin_client_staff.get(reverse("admin:zgw_consumers_service_changelist")).status_code == 200
    )
    assert desk_client.get(add).status_code == 403
    assert not Service.objects.exists()


def test_syncing_again_adds_nothing_twice_and_removes_nothing() -> None:
    before = _codenames(ADMINISTRATORS)

    sync_groups(apps)

    assert _codenames(ADMINISTRATORS) == before
    assert _codenames(DESK_EMPLOYEES) == {"balie.use_balie"}
