"""DigiD over OIDC: mozilla-django-oidc's backend with the BSN as the only key to a user."""

import logging
import secrets
from typing import Any

import jwt
from django.core.exceptions import SuspiciousOperation
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from mijnomgeving.clients.errors import UpstreamError
from mijnomgeving.clients.jwks import jwks_keys

from .bsn import bsn_from_claim, elfproef
from .failures import LoginFailure, LoginRejected
from .identity import Identity, identifier_hash
from .loa import loa_at_least, loa_level
from .models import User
from .oidc_settings import OIDCSettingsMixin
from .session import DigiDLogin

logger = logging.getLogger(__name__)


class DigiDBackend(OIDCSettingsMixin, OIDCAuthenticationBackend):
    """Finds or creates the resident's user by the keyed hash of the BSN from the claims.

    Raises ``LoginRejected`` (handled by ``oidc_views.DigiDCallbackView``) when the BSN is
    missing or fails the 11-proef, or when the level of assurance is below the minimum.
    The user object it returns carries ``digid_login`` (Identity and level) for the session.

    The OIDC settings come from ``oidc_settings_get()`` (the admin's OIDCConfig, else the
    environment), read when a login needs them: mozilla-django-oidc reads them in __init__,
    but Django builds a backend for every request's ``get_user`` too, which needs none.
    """

    digid_login: DigiDLogin | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.UserModel = User

    # The attributes mozilla-django-oidc's methods read, from the settings in force.
    @property
    def OIDC_OP_TOKEN_ENDPOINT(self) -> str:
        return self.oidc.token_endpoint

    @property
    def OIDC_OP_USER_ENDPOINT(self) -> str:
        return self.oidc.user_endpoint

    @property
    def OIDC_OP_JWKS_ENDPOINT(self) -> str:
        return self.oidc.jwks_endpoint

    @property
    def OIDC_RP_CLIENT_SECRET(self) -> str:
        return self.oidc.client_secret

    @property
    def OIDC_RP_SIGN_ALGO(self) -> str:
        return self.oidc.sign_algo

    @property
    def OIDC_RP_IDP_SIGN_KEY(self) -> None:
        return None  # the provider's keys come from its JWKS endpoint

    def authenticate(self, request: HttpRequest | None, **kwargs: Any) -> User | None:
        # Only the OIDC callback passes a nonce; password logins belong to ModelBackend.
        if request is None or "nonce" not in kwargs:
            return None
        if self.oidc.missing:
            logger.error("DigiD login impossible: %s", self.oidc.missing_explained())
            raise LoginRejected(LoginFailure.NOT_CONFIGURED)
        return super().authenticate(request, **kwargs)

    def retrieve_matching_jwk(self, token: str) -> jwt.PyJWK:
        """The provider's key for ``token``, as mozilla-django-oidc picks it, but with
        ``verify_kid`` from the settings in force (it reads OIDC_VERIFY_KID itself).

        The key set comes through the client layer (docs/architecture.md rule 4): its timeout, no cookies,
        typed errors; a provider that does not answer is a failed login, not a traceback.
        """
        try:
            keys = jwks_keys(self.oidc.jwks_endpoint, timeout=self.oidc.timeout)
        except UpstreamError:
            raise SuspiciousOperation("The provider's key set could not be fetched.") from None
        header = jwt.get_unverified_header(token)
        key = None
        for jwk in keys:
            if self.oidc.verify_kid and jwk.get("kid") != header.get("kid"):
                continue
            if "alg" in jwk and jwk["alg"] != header.get("alg"):
                continue
            key = jwk
        if key is None:
            raise SuspiciousOperation("Could not find a valid JWKS.")
        return jwt.PyJWK(key)

    def verify_token(self, token: str, **kwargs: Any) -> dict[str, Any]:
        payload = super().verify_token(token, **kwargs)
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if self.OIDC_RP_CLIENT_ID not in audiences:
            logger.warning("DigiD login rejected: the ID token is meant for another client")
            raise LoginRejected(LoginFailure.SECURITY_CHECK)
        issuer = self.oidc.issuer
        if issuer and payload.get("iss") != issuer:
            logger.warning("DigiD login rejected: the ID token comes from another issuer")
            raise LoginRejected(LoginFailure.SECURITY_CHECK)
        return payload

    def get_userinfo(
        self, access_token: str, id_token: str, payload: dict[str, Any]
    ) -> dict[str, Any]:
        """The ID token's claims, completed by the userinfo endpoint when there is one."""
        claims = dict(payload)
        if self.OIDC_OP_USER_ENDPOINT:
            userinfo = super().get_userinfo(access_token, id_token, payload)
            if userinfo.get("sub") != payload.get("sub"):
                logger.warning("DigiD login rejected: userinfo is about another subject")
                raise LoginRejected(LoginFailure.SECURITY_CHECK)
            claims.update(userinfo)
        return claims

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        bsn = bsn_from_claim(claims.get(self.oidc.bsn_claim))
        if not bsn:
            raise LoginRejected(LoginFailure.BSN_MISSING)
        if not elfproef(bsn):
            raise LoginRejected(LoginFailure.BSN_INVALID)
        loa_claim = self.oidc.loa_claim
        loa = loa_level(claims.get(loa_claim)) if loa_claim else ""
        minimum = self.oidc.min_loa
        if minimum and not loa_at_least(loa, minimum):
            if not loa_level(minimum) or not loa_claim:
                logger.error("The minimum level or its claim is not valid: see the system checks")
                raise LoginRejected(LoginFailure.NOT_CONFIGURED)
            logger.warning("DigiD login rejected: level %r is below %r", loa or "unknown", minimum)
            raise LoginRejected(LoginFailure.LOA_TOO_LOW)
        self.digid_login = DigiDLogin(identity=Identity(bsn=bsn), loa=loa)
        return True

    def describe_user_by_claims(self, claims: dict[str, Any]) -> str:
        return "a DigiD resident"  # never the BSN: this text goes to the log

    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[User]:
        return User.objects.filter(identifier_hash=self._hash())

    def create_user(self, claims: dict[str, Any]) -> User:
        user = User(
            username=f"digid-{secrets.token_hex(12)}",  # random: reveals nothing about the BSN
            login_type=User.LoginType.DIGID,
            identifier_hash=self._hash(),
        )
        user.set_unusable_password()
        try:
            with transaction.atomic():
                user.save()
        except IntegrityError:  # the same resident's first login in two tabs at once
            user = User.objects.get(identifier_hash=self._hash())
        logger.info("Created DigiD user %s", user.pk)
        return self.update_user(user, claims)

    def update_user(self, user: User, claims: dict[str, Any]) -> User:
        user.digid_login = self.digid_login  # type: ignore[attr-defined]
        return user

    def _hash(self) -> str:
        if self.digid_login is None:
            raise RuntimeError("verify_claims() sets the login before users are looked up")
        return identifier_hash(self.digid_login.identity.number)
