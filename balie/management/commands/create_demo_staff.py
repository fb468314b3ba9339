"""The demo's staff accounts (`make demo`): an administrator and a desk employee; idempotent."""

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from balie.groups import ADMINISTRATORS, DESK_EMPLOYEES

DEMO_PASSWORD = "demo-medewerker"  # noqa: S105  (demo only; the command refuses production)
DEMO_STAFF = (
    ("beheerder", "Bea", "Beheer", ADMINISTRATORS),
    ("balie", "Bas", "Balie", DESK_EMPLOYEES),
)


class Command(BaseCommand):
    help = "Create (or reset) the demo staff accounts 'beheerder' and 'balie'."

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.MIJNOMGEVING_ENVIRONMENT == "production":
            raise CommandError("Demo staff accounts are never created in production.")
        user_model = get_user_model()
        for username, first_name, last_name, group_name in DEMO_STAFF:
            user, _created = user_model.objects.get_or_create(username=username)
            user.first_name, user.last_name = first_name, last_name
            user.is_staff, user.is_active = True, True
            user.set_password(DEMO_PASSWORD)
            user.save()
            user.groups.set([Group.objects.get(name=group_name)])
        self.stdout.write(f"Demo staff: beheerder, balie (password {DEMO_PASSWORD}).")
