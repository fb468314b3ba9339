"""The staff groups carry exactly the permissions their work needs."""

import pytest
from django.contrib.auth.models import Group

from balie.groups import ADMINISTRATORS, DESK_EMPLOYEES

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
