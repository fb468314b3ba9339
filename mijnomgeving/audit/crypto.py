"""The BSN (or KVK number) in the processing log is stored encrypted (Fernet) and found by
its keyed hash.

Keys come from AUDIT_ENCRYPTION_KEYS (Fernet keys, newest first: older ones still decrypt,
so keys can be rotated). Without it a key is derived from SECRET_KEY: then a new SECRET_KEY
makes older entries unreadable (their hash and masked digits stay usable).
"""

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings


def _fernet() -> MultiFernet:
    keys = list(settings.AUDIT_ENCRYPTION_KEYS)
    if not keys:
        digest = hashlib.sha256(f"audit:{settings.SECRET_KEY}".encode()).digest()
        keys = [base64.urlsafe_b64encode(digest).decode()]
    return MultiFernet([Fernet(key) for key in keys])


def encrypt(value: str) -> str:
    return _fernet().encrypt(value.encode()).decode()


def decrypt(token: str) -> str:
    """The plain value, or "" when no configured key opens it."""
    try:
        return _fernet().decrypt(token.encode()).decode()
    except (InvalidToken, ValueError):
        return ""


# How many digits a number of each kind (mijnomgeving.accounts.identity.IdentifierKind) has.
DIGITS = {"bsn": 9, "kvk": 8}


def mask(tail: str, identifier_kind: str = "bsn") -> str:
    """What a list shows: only the last two digits ("*******53"; a KVK number "******53")."""
    return "*" * (DIGITS.get(identifier_kind, 9) - len(tail)) + tail if tail else ""
