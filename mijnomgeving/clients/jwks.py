"""The OIDC provider's key set (JWKS), fetched through the client layer: its timeout, a pooled
session that refuses cookies, typed errors, and no redirect away from the provider."""

from typing import Any
from urllib.parse import urlsplit

from .actor import Actor
from .base import ApiClient
from .config import ServiceConfig

PORTAL = Actor(user_id="mijnomgeving", user_representation="MijnOmgeving")


def jwks_keys(jwks_endpoint: str, *, timeout: float) -> list[dict[str, Any]]:
    """The keys (JWK objects) the provider publishes at its JWKS endpoint, freshly fetched.

    Raises UpstreamError when the provider does not answer with a key set.
    """
    parts = urlsplit(jwks_endpoint)
    root = f"{parts.scheme}://{parts.netloc}{parts.path.rsplit('/', 1)[0]}/"
    config = ServiceConfig(
        slug="oidc-jwks", label="OIDC provider", api_root=root, auth_type="", timeout=timeout
    )
    client = ApiClient(config, PORTAL)
    data = client.get_object(jwks_endpoint)
    keys = data.get("keys")
    if not isinstance(keys, list) or not all(isinstance(key, dict) for key in keys):
        raise client._shape_error(jwks_endpoint, "no list of keys")
    return keys
