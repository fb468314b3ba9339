"""OIDC backend (placeholder until the OIDC flow lands)."""

from mozilla_django_oidc.auth import OIDCAuthenticationBackend


class DigiDBackend(OIDCAuthenticationBackend):
    pass
