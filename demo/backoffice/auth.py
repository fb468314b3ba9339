"""ZGW JWT checks as Open Zaak does them (vng-api-common JWTAuth + Open Zaak's iat expiry).

Every failure is a 403 problem with Open Zaak's error code. Stricter than Open Zaak in one
way: the `iss` claim must be present too (docs/standards.md §1 says clients send it).
"""

import time
from typing import Any

import jwt

from demo.backoffice.config import JWT_EXPIRY_SECONDS, JWT_LEEWAY_SECONDS, Config
from demo.backoffice.http import ApiError


def denied(code: str, detail: str) -> ApiError:
    return ApiError(403, code, detail)


def claims_from_header(authorization: str, config: Config) -> dict[str, Any]:
    """The verified claims of `Authorization: Bearer <JWT>`, or an ApiError (403)."""
    prefix = "Bearer "
    if not authorization.startswith(prefix):
        raise denied("permission_denied", "Je hebt geen toestemming om deze actie uit te voeren.")
    token = authorization[len(prefix) :].strip()
    try:
        unverified = jwt.decode(token, algorithms=["HS256"], options={"verify_signature": False})
    except jwt.PyJWTError:
        raise denied(
            "jwt-decode-error", "JWT could not be decoded. Possibly you made a copy-paste mistake."
        ) from None
    if "client_id" not in unverified:
        raise denied("missing-client-identifier", "Client identifier is niet aanwezig in JWT")
    if unverified["client_id"] != config.client_id:
        raise denied("invalid-client-identifier", "Client identifier bestaat niet")
    try:
        claims: dict[str, Any] = jwt.decode(
            token,
            config.secret,
            algorithms=["HS256"],
            leeway=JWT_LEEWAY_SECONDS,
            options={"verify_iat": False},
        )
    except jwt.InvalidSignatureError:
        raise denied("invalid-jwt-signature", "Client credentials zijn niet geldig") from None
    except jwt.PyJWTError as error:
        raise denied("jwt-decode-error", f"JWT could not be decoded: {error}") from None
    check_claims(claims)
    return claims


def check_claims(claims: dict[str, Any]) -> None:
    iat = claims.get("iat")
    if not isinstance(iat, int | float) or isinstance(iat, bool):
        raise denied("jwt-missing-iat-claim", "The JWT is mising the 'iat' claim.")
    if time.time() - iat >= JWT_EXPIRY_SECONDS + JWT_LEEWAY_SECONDS:
        raise denied("jwt-expired", "The JWT used for this request is expired")
    if not claims.get("iss"):
        raise denied("jwt-missing-iss-claim", "The JWT is missing the 'iss' claim.")
