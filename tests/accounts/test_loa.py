"""DigiD levels of assurance in order."""

import pytest

from mijnomgeving.accounts.loa import loa_at_least, loa_level

SAML = "urn:oasis:names:tc:SAML:2.0:ac:classes:"


@pytest.mark.parametrize(
    ("value", "level"),
    [
        (f"{SAML}PasswordProtectedTransport", "basis"),
        (f"{SAML}MobileTwoFactorContract", "midden"),
        (f"{SAML}Smartcard", "substantieel"),
        (f"{SAML}SmartcardPKI", "hoog"),
        ("Substantieel", "substantieel"),
        ("hoog", "hoog"),
        ("urn:unknown", ""),
        (None, ""),
        (3, ""),
    ],
)
def test_loa_level_names_known_values(value: object, level: str) -> None:
    assert loa_level(value) == level


def test_loa_order_from_basis_to_hoog() -> None:
    assert loa_at_least(f"{SAML}MobileTwoFactorContract", "midden")
    assert loa_at_least(f"{SAML}SmartcardPKI", "substantieel")
    assert loa_at_least("midden", f"{SAML}PasswordProtectedTransport")
    assert not loa_at_least(f"{SAML}PasswordProtectedTransport", "midden")
    assert not loa_at_least("substantieel", "hoog")


def test_unknown_levels_meet_no_minimum() -> None:
    assert not loa_at_least("urn:unknown", "basis")
    assert not loa_at_least("", "basis")
    assert not loa_at_least("hoog", "urn:unknown")
