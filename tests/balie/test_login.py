"""Staff log in at /beheer/ with a password and a TOTP code; repeated failures lock them out."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from maykin_2fa.test import get_valid_totp_token

from mijnomgeving.accounts.models import User
from tests.fixtures.staff import PASSWORD

pytestmark = pytest.mark.django_db

STEP = "admin_login_view-current_step"


@pytest.fixture
def real_2fa(settings: Any) -> None:
    settings.MAYKIN_2FA_ALLOW_MFA_BYPASS_BACKENDS = []


def password_step(client: Client, username: str, password: str) -> object:
    return client.post(
        reverse("maykin_2fa:login"),
        {STEP: "auth", "auth-username": username, "auth-password": password},
    )


def test_the_desk_needs_the_second_factor(client: Client, desk_user: User, real_2fa: None) -> None:
    device = TOTPDevice.objects.create(user=desk_user, name="default", confirmed=True)

    after_password = password_step(client, desk_user.username, PASSWORD)

    assert after_password.status_code == 200  # the token step
    assert 'name="token-otp_token"' in after_password.text
    assert client.get(reverse("balie:start")).url.startswith(reverse("maykin_2fa:login"))

    wrong = client.post(reverse("maykin_2fa:login"), {STEP: "token", "token-otp_token": "000000"})
    assert wrong.status_code == 200
    assert client.get(reverse("balie:start")).status_code == 302
    device.refresh_from_db()
    device.throttle_reset()  # django-otp slows down guessing after a wrong code

    token = get_valid_totp_token(desk_user)
    done = client.post(reverse("maykin_2fa:login"), {STEP: "token", "token-otp_token": token})
    assert done.status_code == 302
    assert client.get(reverse("balie:start")).status_code == 200


def test_without_a_device_the_employee_must_set_one_up_first(
    client: Client, desk_user: User, real_2fa: None
) -> None:
    response = password_step(client, desk_user.username, PASSWORD)

    assert response.status_code == 302
    assert response.url == reverse("maykin_2fa:setup")
    assert client.get(reverse("balie:start")).url.startswith(reverse("maykin_2fa:login"))


def test_repeated_failures_lock_the_account_out(
    client: Client, desk_user: User, settings: Any
) -> None:
    settings.AXES_FAILURE_LIMIT = 3
    for _attempt in range(3):
        password_step(client, desk_user.username, "fout-wachtwoord")

    locked = password_step(client, desk_user.username, PASSWORD)

    assert locked.status_code == 429
    assert "U kunt even niet inloggen" in locked.text
    assert client.get(reverse("balie:start")).status_code == 302


def test_below_the_limit_the_right_password_still_works(
    client: Client, desk_user: User, settings: Any
) -> None:
    settings.AXES_FAILURE_LIMIT = 3
    for _attempt in range(2):
        password_step(client, desk_user.username, "fout-wachtwoord")

    response = password_step(client, desk_user.username, PASSWORD)

    assert response.status_code == 302
    assert client.get(reverse("balie:start")).status_code == 200
