"""The OIDC settings a login uses: the admin's OIDCConfig where filled in, else the environment's."""

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.conf import settings
from mozilla_django_oidc.utils import import_from_settings

from .models import OIDCConfig

# Each OIDCConfig field and the Django setting (environment variable) it stands in for.
SETTING_OF_FIELD: dict[str, str] = {
    "client_id": "OIDC_RP_CLIENT_ID",
    "client_secret": "OIDC_RP_CLIENT_SECRET",
    "issuer": "OIDC_OP_ISSUER",
    "authorization_endpoint": "OIDC_OP_AUTHORIZATION_ENDPOINT",
    "token_endpoint": "OIDC_OP_TOKEN_ENDPOINT",
    "user_endpoint": "OIDC_OP_USER_ENDPOINT",
    "jwks_endpoint": "OIDC_OP_JWKS_ENDPOINT",
    "logout_endpoint": "OIDC_OP_LOGOUT_ENDPOINT",
    "sign_algo": "OIDC_RP_SIGN_ALGO",
    "scopes": "OIDC_RP_SCOPES",
    "bsn_claim": "OIDC_BSN_CLAIM",
    "loa_claim": "OIDC_LOA_CLAIM",
    "min_loa": "OIDC_MIN_LOA",
    "verify_kid": "OIDC_VERIFY_KID",
    "timeout": "OIDC_TIMEOUT",
}
FIELD_OF_SETTING = {setting: field for field, setting in SETTING_OF_FIELD.items()}


@dataclass(frozen=True, slots=True)
class OIDCSettings:
    """One consistent set of OIDC settings, read once per login request."""

    client_id: str
    client_secret: str
    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    user_endpoint: str
    jwks_endpoint: str
    logout_endpoint: str
    sign_algo: str
    scopes: str
    bsn_claim: str
    loa_claim: str
    min_loa: str
    verify_kid: bool
    timeout: float  # seconds, for each call to the provider
    from_database: bool  # OIDCConfig is enabled (some values may still be the environment's)

    def setting(self, name: str, *default: Any) -> Any:
        """mozilla-django-oidc's ``get_settings``: these values first, other settings as usual."""
        field = FIELD_OF_SETTING.get(name)
        if field is not None:
            return getattr(self, field)
        return import_from_settings(name, *default)

    @property
    def missing(self) -> list[str]:
        """The settings without which no login can succeed (names of the environment variables)."""
        needed = ["client_id", "authorization_endpoint", "token_endpoint"]
        if self.sign_algo.startswith(("RS", "ES")):
            needed.append("jwks_endpoint")
        else:  # HS256: the ID token is signed with the client secret
            needed.append("client_secret")
        return [SETTING_OF_FIELD[field] for field in needed if not getattr(self, field)]

    def missing_explained(self) -> str:
        """For the log: what is missing, and where an operator would set it."""
        names = ", ".join(self.missing)
        if self.from_database:
            return f"{names}: set neither in the admin's OIDC configuration nor in the environment"
        return f"{names}: not set in the environment (the admin's OIDC configuration is off)"


def oidc_settings_get() -> OIDCSettings:
    """The settings in force now: an enabled OIDCConfig's filled-in fields win over the env."""
    values = {field: getattr(settings, name) for field, name in SETTING_OF_FIELD.items()}
    config = OIDCConfig.get_solo()
    if config.enabled:
        for field in SETTING_OF_FIELD:
            value = getattr(config, field)
            if value not in ("", None):
                values[field] = value
    return OIDCSettings(**values, from_database=config.enabled)


class OIDCSettingsMixin:
    """For mozilla-django-oidc's backend and views: its settings look-ups (``get_settings``
    and the ``OIDC_*`` attributes its methods read) answer from the settings in force."""

    @cached_property
    def oidc(self) -> OIDCSettings:
        return oidc_settings_get()

    def get_settings(self, attr: str, *args: Any) -> Any:
        return self.oidc.setting(attr, *args)

    @property
    def OIDC_RP_CLIENT_ID(self) -> str:
        return self.oidc.client_id
