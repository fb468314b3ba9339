"""DigiD levels of assurance (betrouwbaarheidsniveaus), in order, as claim values name them.

Accepted values, lowest to highest (short names are case-insensitive):

==============  ===================================================================
basis           urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport
midden          urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract
substantieel    urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard
hoog            urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI
==============  ===================================================================

Any other value is unknown and counts as below every minimum.
"""

_SAML_CLASSES = "urn:oasis:names:tc:SAML:2.0:ac:classes:"
LEVELS: tuple[str, ...] = ("basis", "midden", "substantieel", "hoog")
_URNS = {
    f"{_SAML_CLASSES}PasswordProtectedTransport": "basis",
    f"{_SAML_CLASSES}MobileTwoFactorContract": "midden",
    f"{_SAML_CLASSES}Smartcard": "substantieel",
    f"{_SAML_CLASSES}SmartcardPKI": "hoog",
}


def loa_level(value: object) -> str:
    """The short name ("basis" … "hoog") of a claim value, or "" when it is not a known level."""
    if not isinstance(value, str):
        return ""
    value = value.strip()
    if value in _URNS:
        return _URNS[value]
    return value.lower() if value.lower() in LEVELS else ""


def loa_at_least(value: object, minimum: str) -> bool:
    """True when ``value`` is a known level at or above ``minimum`` (a value ``loa_level`` knows)."""
    level, floor = loa_level(value), loa_level(minimum)
    if not level or not floor:
        return False
    return LEVELS.index(level) >= LEVELS.index(floor)
