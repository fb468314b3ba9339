"""create_demo_staff: the demo staff get a TOTP device on their fixed key; dev settings no bypass."""

import importlib
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.forms.models import model_to_dict
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from balie.groups import ADMINISTRATORS, DESK_EMPLOYEES
from demo.staff import BALIE, BEHEERDER, DEMO_PASSWORD, DEMO_STAFF, totp_code
from mijnomgeving.accounts.models import User

pytestmark = pytest.mark.django_db

STEP = "admin_login_view-current_step"


def run_command() -> str:
    out = StringIO()
    call_command("create_demo_staff", stdout=out)
    return out.getvalue()


def snapshot() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    users = [
        {
            **model_to_dict(user, exclude=["groups", "user_permissions"]),
            "groups": list(user.groups.values_list("name", flat=True)),
        }
        for user in User.objects.order_by("username")
    ]
    devices = [model_to_dict(device) for device in TOTPDevice.objects.order_by("pk")]
    return users, devices


def test_each_demo_employee_gets_a_confirmed_device_on_the_fixed_key() -> None:
    run_command()

    for member, group in ((BEHEERDER, ADMINISTRATORS), (BALIE, DESK_EMPLOYEES)):
        user = User.objects.get(username=member.username)
        assert user.check_password(DEMO_PASSWORD)
        assert user.is_staff and list(user.groups.values_list("name", flat=True)) == [group]
        (device,) = TOTPDevice.objects.filter(user=user)
        assert device.name == "default"  # the only name two_factor's login asks a code for
        assert device.confirmed
        assert device.key == member.totp_key
        assert (device.step, device.t0, device.digits) == (30, 0, 6)


def test_the_keys_differ_per_employee() -> None:
    assert len({member.totp_key for member in DEMO_STAFF}) == len(DEMO_STAFF)


def test_running_it_twice_changes_nothing() -> None:
    run_command()
    before = snapshot()

    run_command()

    assert snapshot() == before


def test_a_device_set_up_by_hand_is_left_alone() -> None:
    run_command()
    user = User.objects.get(username=BALIE.username)
    TOTPDevice.objects.filter(user=user).delete()
    own = TOTPDevice.objects.create(user=user, name="default", confirmed=True)  # random key
    before = model_to_dict(own)

    output = run_command()

    assert list(TOTPDevice.objects.filter(user=user)) == [own]
    own.refresh_from_db()
    assert model_to_dict(own) == before
    assert "balie: has a device of its own, left alone." in output
    beheerder = TOTPDevice.objects.get(user__username=BEHEERDER.username)
    assert beheerder.key == BEHEERDER.totp_key


def test_a_second_run_repairs_a_throttled_or_unconfirmed_demo_device() -> None:
    run_command()
    device = TOTPDevice.objects.get(user__username=BALIE.username)
    TOTPDevice.objects.filter(pk=device.pk).update(
        confirmed=False, drift=3, throttling_failure_count=7
    )

    run_command()

    device.refresh_from_db()
    assert (device.confirmed, device.drift, device.throttling_failure_count) == (True, 0, 0)


def test_it_refuses_production_settings(settings: Any) -> None:
    settings.MIJNOMGEVING_ENVIRONMENT = "production"

    with pytest.raises(CommandError, match="never created in production"):
        run_command()

    assert not User.objects.filter(username__in=["beheerder", "balie"]).exists()
    assert not TOTPDevice.objects.exists()


def test_the_dev_settings_let_no_backend_skip_the_second_factor() -> None:
    dev = importlib.import_module("mijnomgeving.settings.dev")

    assert dev.MAYKIN_2FA_ALLOW_MFA_BYPASS_BACKENDS == []


def test_with_dev_settings_the_desk_needs_the_code_of_this_moment(
    client: Client, settings: Any
) -> None:
    dev = importlib.import_module("mijnomgeving.settings.dev")
    settings.MAYKIN_2FA_ALLOW_MFA_BYPASS_BACKENDS = dev.MAYKIN_2FA_ALLOW_MFA_BYPASS_BACKENDS
    run_command()

    client.post(
        reverse("maykin_2fa:login"),
        {STEP: "auth", "auth-username": BALIE.username, "auth-password": DEMO_PASSWORD},
    )
    assert client.get(reverse("balie:start")).status_code == 302  # the password alone: no

    done = client.post(
        reverse("maykin_2fa:login"), {STEP: "token", "token-otp_token": totp_code(BALIE)}
    )
    assert done.status_code == 302
    assert client.get(reverse("balie:start")).status_code == 200


def test_another_employees_code_does_not_open_the_desk(client: Client, settings: Any) -> None:
    settings.MAYKIN_2FA_ALLOW_MFA_BYPASS_BACKENDS = []
    run_command()
    client.post(
        reverse("maykin_2fa:login"),
        {STEP: "auth", "auth-username": BALIE.username, "auth-password": DEMO_PASSWORD},
    )

    wrong = client.post(
        reverse("maykin_2fa:login"), {STEP: "token", "token-otp_token": totp_code(BEHEERDER)}
    )

    assert wrong.status_code == 200  # the token step again, with an error
    assert client.get(reverse("balie:start")).status_code == 302
