"""The OIDC provider's key set (JWKS), fetched through the client layer: its timeout, a pooled
session that refuses cookies, typed errors, and no redirect away from the provider."""

from typing import Any

from .actor import PORTAL
from .base import ApiClient
from .config import endpoint_config


def jwks_keys(jwks_endpoint: str, *, timeout: float) -> list[dict[str, Any]]:
    """The keys (JWK objects) the provider publishes at its JWKS endpoint, freshly fetched.

    Raises UpstreamError when the provider does not answer with a key set.
    """
    config = endpoint_config(
        jwks_endpoint, slug="oidc-jwks", label="OIDC provider", timeout=timeout
    )
    client = ApiClient(config, PORTAL)
    data = client.get_object(jwks_endpoint)
    keys = data.get("keys")
    if not isinstance(keys, list) or not all(isinstance(key, dict) for key in keys):
        raise client._shape_error(jwks_endpoint, "no list of keys")
    return keys
