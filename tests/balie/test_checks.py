"""Production refuses a staff login without the second factor."""

from typing import Any

from balie.checks import check_staff_second_factor


def test_production_refuses_a_second_factor_bypass(settings: Any) -> None:
    settings.MIJNOMGEVING_ENVIRONMENT = "production"
    settings.MAYKIN_2FA_ALLOW_MFA_BYPASS_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]

    assert [message.id for message in check_staff_second_factor()] == ["balie.E001"]


def test_production_without_a_bypass_passes(settings: Any) -> None:
    settings.MIJNOMGEVING_ENVIRONMENT = "production"
    settings.MAYKIN_2FA_ALLOW_MFA_BYPASS_BACKENDS = []

    assert check_staff_second_factor() == []


def test_development_may_bypass(settings: Any) -> None:
    settings.MIJNOMGEVING_ENVIRONMENT = "development"
    settings.MAYKIN_2FA_ALLOW_MFA_BYPASS_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]

    assert check_staff_second_factor() == []
