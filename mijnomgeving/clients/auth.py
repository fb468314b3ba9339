"""ZGW JSON Web Tokens (STANDARDS §1): HS256, fresh per request, claims in the standard's order."""

import base64
import hashlib
import hmac
import json
import time
from collections.abc import Mapping

from .actor import Actor

# Serialised exactly in this order: Open Zaak's documentation's test vector depends on it.
_HEADER = {"typ": "JWT", "alg": "HS256"}


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _segment(value: Mapping[str, object]) -> str:
    return _b64url(json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode())


def _now() -> int:
    return int(time.time())


def zgw_jwt(*, client_id: str, secret: str, actor: Actor, issued_at: int | None = None) -> str:
    """A signed token with iss, iat, client_id, user_id and user_representation (in that order).

    No `exp` claim: Open Zaak judges age by `iat` (JWT_EXPIRY, default one hour) and the
    client makes a new token for every request, so a token lives for milliseconds.
    """
    payload: dict[str, object] = {
        "iss": client_id,
        "iat": _now() if issued_at is None else issued_at,
        "client_id": client_id,
        "user_id": actor.user_id,
        "user_representation": actor.user_representation,
    }
    signing_input = f"{_segment(_HEADER)}.{_segment(payload)}"
    signature = hmac.new(secret.encode(), signing_input.encode("ascii"), hashlib.sha256).digest()
    return f"{signing_input}.{_b64url(signature)}"
