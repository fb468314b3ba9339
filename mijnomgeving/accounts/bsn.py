"""The BSN as it arrives in an OIDC claim: normalised and checked with the 11-proef."""

import re

# SAML-based brokers pass DigiD's NameID through as "s00000000:<bsn>" (the BSN sector code).
_SECTOR_PREFIX = "s00000000:"
_NINE_DIGITS = re.compile(r"[0-9]{9}")
_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def elfproef(bsn: str) -> bool:
    """True when ``bsn`` is nine digits that pass the BSN variant of the 11-proef.

    The weighted sum 9·d1 + 8·d2 + … + 2·d8 - 1·d9 must be a multiple of 11; all zeros is
    no BSN.
    """
    if not isinstance(bsn, str) or not _NINE_DIGITS.fullmatch(bsn):
        return False
    total = sum(int(digit) * weight for digit, weight in zip(bsn, _WEIGHTS, strict=True))
    return total % 11 == 0 and bsn != "000000000"


def bsn_from_claim(value: object) -> str:
    """The BSN text from a claim value ("" when absent); not yet checked with the 11-proef."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = f"{value:09d}"
    if not isinstance(value, str):
        return ""
    value = value.strip()
    if value.startswith(_SECTOR_PREFIX):
        value = value.removeprefix(_SECTOR_PREFIX)
    return value
