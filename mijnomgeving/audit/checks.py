"""System checks: production keeps the processing log readable when DJANGO_SECRET_KEY changes."""

from collections.abc import Sequence
from typing import Any

from cryptography.fernet import Fernet
from django.conf import settings
from django.core.checks import CheckMessage, Error, register


@register()
def check_audit_encryption_keys(
    app_configs: Sequence[Any] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    keys = list(settings.AUDIT_ENCRYPTION_KEYS)
    messages: list[CheckMessage] = []
    if settings.MIJNOMGEVING_ENVIRONMENT == "production" and not keys:
        messages.append(
            Error(
                "AUDIT_ENCRYPTION_KEYS is not set: the BSNs (and KVK numbers) in the processing "
                "log are encrypted with a key derived from DJANGO_SECRET_KEY, and a new secret "
                "makes them unreadable.",
                hint="Set AUDIT_ENCRYPTION_KEYS to one or more Fernet keys, newest first "
                "(python -c 'from cryptography.fernet import Fernet; "
                "print(Fernet.generate_key().decode())').",
                id="audit.E001",
            )
        )
    for position, key in enumerate(keys, start=1):
        try:
            Fernet(key)
        except ValueError:
            messages.append(
                Error(
                    f"Key {position} in AUDIT_ENCRYPTION_KEYS is not a Fernet key.",
                    hint="A Fernet key is 32 bytes, url-safe base64 encoded (44 characters).",
                    id="audit.E002",
                )
            )
    return messages
