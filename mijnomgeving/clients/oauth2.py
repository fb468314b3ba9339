"""OAuth2 client credentials (RFC 6749 §4.4) for a back office that asks for them (a BRP
broker, an Objects API behind a gateway): a token fetched through the client layer, kept until
shortly before it expires, shared by every call of the process for that client and scope."""

import base64
import threading
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlsplit

from .actor import PORTAL, Actor
from .config import endpoint_config
from .errors import UpstreamInvalidResponse
from .transport import Transport

# A token is used until this many seconds before it expires (a call in flight must not
# arrive with an expired one), and for at most an hour when the server says nothing.
EXPIRY_MARGIN_SECONDS = 30
DEFAULT_LIFETIME_SECONDS = 300

_tokens: dict[tuple[str, str, str], tuple[str, float]] = {}
_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class OAuth2ClientCredentialsAuth:
    """`Authorization: Bearer <access token>` from the token endpoint, with the client id and
    secret sent as HTTP Basic credentials (what RFC 6749 §2.3.1 requires servers to accept)."""

    token_url: str
    client_id: str
    secret: str = field(repr=False)
    scope: str = ""

    def headers(self, actor: Actor) -> dict[str, str]:
        return {"Authorization": f"Bearer {self._token()}"}

    def _token(self) -> str:
        key = (self.token_url, self.client_id, self.scope)
        with _lock:
            cached = _tokens.get(key)
            if cached is not None and cached[1] > time.monotonic():
                return cached[0]
        token, lifetime = self._fetch()
        with _lock:
            _tokens[key] = (token, time.monotonic() + max(lifetime - EXPIRY_MARGIN_SECONDS, 0))
        return token

    def _fetch(self) -> tuple[str, int]:
        config = endpoint_config(
            self.token_url, slug="oauth2-token", label=f"OAuth2 {urlsplit(self.token_url).netloc}"
        )
        transport = Transport(config, PORTAL)
        pair = f"{quote(self.client_id, safe='')}:{quote(self.secret, safe='')}"
        basic = base64.b64encode(pair.encode()).decode("ascii")
        form = {"grant_type": "client_credentials", **({"scope": self.scope} if self.scope else {})}
        started = time.perf_counter()
        response = transport._send(
            "POST", self.token_url, form=form, headers={"Authorization": f"Basic {basic}"}
        )
        try:
            data: Any = response.json()
        except ValueError:
            data = None
        token = data.get("access_token") if isinstance(data, dict) else None
        if not isinstance(token, str) or not token:
            raise transport._error(
                UpstreamInvalidResponse,
                "token answer without access_token",
                method="POST",
                url=self.token_url,
                duration=time.perf_counter() - started,
                status_code=response.status_code,
            )
        lifetime = data.get("expires_in")
        return token, int(lifetime) if isinstance(lifetime, int) else DEFAULT_LIFETIME_SECONDS


def forget_tokens() -> None:
    """Drop every kept token (tests; a rotated secret)."""
    with _lock:
        _tokens.clear()
