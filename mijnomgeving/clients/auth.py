"""How a client proves who it is, as objects a Service's configuration picks (auth_for):
ZGW JSON Web Tokens (docs/standards.md §1: HS256, fresh per request, claims in the standard's order),
an API key header, Open Klant's `Token` header, NotifyNL's service JWT, or nothing."""

import base64
import hashlib
import hmac
import json
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

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


class Auth(Protocol):
    """The credentials of one call, made anew for each (a token may carry the time)."""

    def headers(self, actor: Actor) -> dict[str, str]: ...


@dataclass(frozen=True, slots=True)
class NoAuth:
    def headers(self, actor: Actor) -> dict[str, str]:
        return {}


@dataclass(frozen=True, slots=True)
class ZgwJwtAuth:
    """Open Zaak, Open Notificaties: a fresh ZGW JWT per call, naming the actor."""

    client_id: str
    secret: str = field(repr=False)

    def headers(self, actor: Actor) -> dict[str, str]:
        token = zgw_jwt(client_id=self.client_id, secret=self.secret, actor=actor)
        return {"Authorization": f"Bearer {token}"}


@dataclass(frozen=True, slots=True)
class ApiKeyAuth:
    """A static key in a header of the Service's choosing (e.g. Authorization: Token …, as
    Open Klant and the Objects API take it)."""

    header: str
    value: str = field(repr=False)

    def headers(self, actor: Actor) -> dict[str, str]:
        return {self.header: self.value}


@dataclass(frozen=True, slots=True)
class NotifyJwtAuth:
    """NotifyNL (the GOV.UK Notify API): an HS256 JWT with the service id as `iss` and `iat`,
    signed with the secret; both are the tail of the API key (`name-<service id>-<secret>`)."""

    api_key: str = field(repr=False)

    def headers(self, actor: Actor) -> dict[str, str]:
        service_id, secret = self.api_key[-73:-37], self.api_key[-36:]
        payload = {"iss": service_id, "iat": _now()}
        signing_input = f"{_segment(_HEADER)}.{_segment(payload)}"
        signature = hmac.new(secret.encode(), signing_input.encode("ascii"), hashlib.sha256)
        return {"Authorization": f"Bearer {signing_input}.{_b64url(signature.digest())}"}
