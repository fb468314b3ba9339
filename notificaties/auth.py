"""The webhook's Authorization: the subscription's own `Bearer <JWT>` (docs/standards.md §4.3).

The value given to the NRC as `auth` is a ZGW-style JWT (HS256) whose `client_id` names a
Subscription; the webhook checks the signature with that subscription's secret. `iat` is not
checked: the NRC sends the same static string for as long as the abonnement lives.
"""

import hashlib
from enum import Enum

import jwt

from mijnomgeving.clients.actor import Actor
from mijnomgeving.clients.auth import zgw_jwt

from .models import Subscription

NRC_ACTOR = Actor(user_id="notificaties", user_representation="Notificaties API")


class AuthResult(Enum):
    OK = "ok"
    MISSING = "missing"  # 401
    INVALID = "invalid"  # 403


def auth_header_for(subscription: Subscription) -> str:
    """The header value the NRC is told to send: `Bearer <JWT>` signed with the secret.

    The same subscription always gives the same value (`iat` is the row's creation time, not
    now), so registering again can tell whether the NRC already holds it.
    """
    token = zgw_jwt(
        client_id=subscription.client_id,
        secret=subscription.secret,
        actor=NRC_ACTOR,
        issued_at=int(subscription.created_at.timestamp()),
    )
    return f"Bearer {token}"


def auth_fingerprint(header: str) -> str:
    """What the Subscription row keeps of the header it registered (the NRC shows it to no one)."""
    return hashlib.sha256(header.encode()).hexdigest()


def check_authorization(header: str | None) -> AuthResult:
    if not header:
        return AuthResult.MISSING
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        return AuthResult.INVALID
    try:
        claims = jwt.decode(token, options={"verify_signature": False})
        client_id = claims.get("client_id") or claims.get("iss")
    except jwt.PyJWTError:
        return AuthResult.INVALID
    if not isinstance(client_id, str):
        return AuthResult.INVALID
    subscription = Subscription.objects.filter(client_id=client_id).first()
    if subscription is None:
        return AuthResult.INVALID
    try:
        jwt.decode(
            token,
            subscription.secret,
            algorithms=["HS256"],
            options={"verify_iat": False, "verify_exp": True, "verify_aud": False},
        )
    except jwt.PyJWTError:
        return AuthResult.INVALID
    return AuthResult.OK
