"""The demo's staff accounts (`make demo`): an administrator and a desk employee; idempotent."""

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django_otp import devices_for_user
from django_otp.plugins.otp_totp.models import TOTPDevice

from balie.groups import ADMINISTRATORS, DESK_EMPLOYEES
from demo.staff import (
    DEMO_PASSWORD,
    DEMO_STAFF,
    TOTP_DIGITS,
    TOTP_STEP,
    TOTP_T0,
    DemoStaffMember,
)

GROUPS = {"beheerder": ADMINISTRATORS, "balie": DESK_EMPLOYEES}
# two_factor's login asks for a code only from the user's device named "default".
DEVICE_NAME = "default"


class Command(BaseCommand):
    help = (
        "Create (or reset) the demo staff accounts 'beheerder' and 'balie', each with a "
        "two-factor device on the fixed key of demo/staff.py."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.MIJNOMGEVING_ENVIRONMENT == "production":
            raise CommandError("Demo staff accounts are never created in production.")
        for member in DEMO_STAFF:
            user = _staff_user_ensure(member)
            if _demo_device_ensure(user, member):
                self.stdout.write(f"{member.username}: code from the demo key (demo/staff.py).")
            else:
                self.stdout.write(f"{member.username}: has a device of its own, left alone.")
        self.stdout.write(
            f"Demo staff: beheerder, balie (password {DEMO_PASSWORD}); "
            "the current codes are on the demo back office's page /_demo/medewerkers/."
        )


def _staff_user_ensure(member: DemoStaffMember) -> Any:
    user, _created = get_user_model().objects.get_or_create(username=member.username)
    user.first_name, user.last_name = member.first_name, member.last_name
    user.is_staff, user.is_active = True, True
    if not user.check_password(DEMO_PASSWORD):  # a new salt each time would change the row
        user.set_password(DEMO_PASSWORD)
    user.save()
    user.groups.set([Group.objects.get(name=GROUPS[member.username])])
    return user


def _demo_device_ensure(user: Any, member: DemoStaffMember) -> bool:
    """Give the user a confirmed TOTP device on the member's fixed key; False when the user
    already has a default device of its own (set up by hand), which stays as it is."""
    existing = [d for d in devices_for_user(user, confirmed=None) if d.name == DEVICE_NAME]
    # What makes the code on /_demo/medewerkers/ verify; a second run finds them all in place.
    wanted = {
        "key": member.totp_key,
        "step": TOTP_STEP,
        "t0": TOTP_T0,
        "digits": TOTP_DIGITS,
        "drift": 0,
        "confirmed": True,
        "throttling_failure_count": 0,
    }
    if not existing:
        TOTPDevice.objects.create(user=user, name=DEVICE_NAME, **wanted)
        return True
    device = existing[0]
    if not isinstance(device, TOTPDevice) or device.key != member.totp_key:
        return False
    changed = [field for field, value in wanted.items() if getattr(device, field) != value]
    if changed:
        for field in changed:
            setattr(device, field, wanted[field])
        device.save(update_fields=changed)
    return True
