"""A DigiD configuration that cannot work is reported at start-up."""

from mijnomgeving.accounts.checks import check_digid_settings


def test_default_settings_pass() -> None:
    assert check_digid_settings() == []


def test_unknown_minimum_level_is_an_error(settings) -> None:
    settings.OIDC_MIN_LOA = "supergoed"
    assert [message.id for message in check_digid_settings()] == ["accounts.E002"]


def test_minimum_level_without_a_claim_is_an_error(settings) -> None:
    settings.OIDC_MIN_LOA = "midden"
    settings.OIDC_LOA_CLAIM = ""
    assert [message.id for message in check_digid_settings()] == ["accounts.E003"]


def test_missing_middleware_is_a_warning(settings) -> None:
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if "IdleTimeout" not in m]
    assert [message.id for message in check_digid_settings()] == ["accounts.W001"]


def test_missing_no_store_middleware_is_a_warning(settings) -> None:
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if "NoStore" not in m]
    assert [message.id for message in check_digid_settings()] == ["accounts.W002"]
