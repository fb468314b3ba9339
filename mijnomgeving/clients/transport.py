"""One HTTP call to a back office: the Service's root, credentials, timeouts, redirects that
stay under the root, and every failure as a typed, logged error (docs/architecture.md rules 4-6)."""

import logging
import time
from collections.abc import Mapping
from typing import ClassVar
from urllib.parse import urljoin, urlsplit

import requests
from django.conf import settings

from .actor import Actor
from .calls import UpstreamCall, record
from .config import ServiceConfig
from .errors import (
    ForeignUrlError,
    UpstreamError,
    UpstreamInvalidResponse,
    UpstreamNotFound,
    UpstreamRejected,
    UpstreamUnavailable,
)
from .parsing import Json
from .redact import strip_query
from .sessions import session_for

logger = logging.getLogger("mijnomgeving.clients")

Params = Mapping[str, str | int]

_MAX_REDIRECTS = 3


class Transport:
    """Sends one request for a client: only to URLs under the service's api_root
    (ForeignUrlError otherwise), so credentials cannot leave for another host, with the
    (UPSTREAM_CONNECT_TIMEOUT, UPSTREAM_READ_TIMEOUT) timeouts of every call (the Service's
    single `timeout` field is not used: one environment setting bounds every back office).
    ApiClient builds the JSON, paging and streaming on it.
    """

    #: Headers every call of this client sends (the Zaken client adds Accept-Crs).
    extra_headers: ClassVar[Mapping[str, str]] = {}

    def __init__(self, config: ServiceConfig, actor: Actor) -> None:
        self.config = config
        self.actor = actor
        self._root = urlsplit(config.api_root)
        self._session = session_for(config)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.config.slug} {self.config.api_root}>"

    @property
    def label(self) -> str:
        return self.config.label

    @property
    def api_root(self) -> str:
        return self.config.api_root

    def owns(self, url: str) -> bool:
        """Whether `url` lies under this service's api_root (same scheme, host, port, path)."""
        try:
            parts = urlsplit(url)
            port, root_port = parts.port, self._root.port
        except ValueError:
            return False
        defaults = {"http": 80, "https": 443}
        return (
            parts.scheme.lower() == self._root.scheme.lower()
            and parts.hostname is not None
            and parts.hostname == self._root.hostname
            and (port or defaults.get(parts.scheme.lower()))
            == (root_port or defaults.get(self._root.scheme.lower()))
            and parts.username is None
            and parts.password is None
            and "\\" not in parts.netloc
            and parts.path.startswith(self._root.path)
            and ".." not in parts.path.split("/")
        )

    def url(self, path: str) -> str:
        """An absolute URL for a path relative to the api_root (`"zaken"` → `…/api/v1/zaken`)."""
        return self.config.api_root + path.lstrip("/")

    # --- Requests ---------------------------------------------------------------------------

    def auth_headers(self) -> dict[str, str]:
        """The credentials for one call (config.auth: a fresh ZGW JWT each time, an API key…)."""
        return self.config.auth.headers(self.actor)

    def _error(
        self,
        kind: type[UpstreamError],
        reason: str,
        *,
        method: str,
        url: str,
        duration: float,
        status_code: int | None = None,
    ) -> UpstreamError:
        error = kind(
            reason,
            service=self.label,
            url=strip_query(url),
            duration=duration,
            status_code=status_code,
        )
        logger.warning(
            "upstream %s failed: %s %s -> %s%s in %.0f ms",
            self.label,
            method,
            error.url,
            reason,
            f" (HTTP {status_code})" if status_code is not None else "",
            duration * 1000,
        )
        return error

    def _send(
        self,
        method: str,
        url: str,
        *,
        params: Params | None = None,
        body: Json | None = None,
        accept: str = "application/json",
        stream: bool = False,
        headers: Mapping[str, str] | None = None,
        form: Mapping[str, str] | None = None,
    ) -> requests.Response:
        """One call (plus redirects that stay under the api_root), or a typed error.
        `headers` are this call's own (a BRP broker's purpose, say), beside the client's;
        `form` a form-encoded body (an OAuth2 token request) instead of JSON."""
        for _ in range(_MAX_REDIRECTS + 1):
            response = self._send_once(
                method,
                url,
                params=params,
                body=body,
                accept=accept,
                stream=stream,
                headers=headers,
                form=form,
            )
            if not response.is_redirect:
                return response
            response.close()
            url = urljoin(url, response.headers["Location"])
            params = None  # the Location carries its own query
        raise self._error(
            UpstreamInvalidResponse, "too many redirects", method=method, url=url, duration=0.0
        )

    def _send_once(
        self,
        method: str,
        url: str,
        *,
        params: Params | None,
        body: Json | None,
        accept: str,
        stream: bool,
        headers: Mapping[str, str] | None = None,
        form: Mapping[str, str] | None = None,
    ) -> requests.Response:
        if not self.owns(url):
            raise self._error(
                ForeignUrlError,
                "URL outside the service's api_root, not requested",
                method=method,
                url=url,
                duration=0.0,
            )
        sent = {"Accept": accept, **self.extra_headers, **(headers or {}), **self.auth_headers()}
        if stream:
            # A download passes through as it is: no compression, so its length is the
            # upstream's own and a body that breaks off is detected (streaming.py).
            sent["Accept-Encoding"] = "identity"
        timeout = (
            (self.config.timeout, self.config.timeout)
            if self.config.timeout is not None
            else (settings.UPSTREAM_CONNECT_TIMEOUT, settings.UPSTREAM_READ_TIMEOUT)
        )
        failure: str | None = None
        response: requests.Response | None = None
        started = time.perf_counter()
        # Never pass the requests exception on (not even as __context__): its message
        # holds the full URL with its query, and so a BSN.
        try:
            response = self._session.request(
                method,
                url,
                params=params,
                json=body,
                data=form,
                headers=sent,
                timeout=timeout,
                stream=stream,
                allow_redirects=False,
            )
        except requests.Timeout as error:
            failure = f"timeout ({type(error).__name__})"
        except requests.ConnectionError as error:
            failure = f"connection failed ({type(error).__name__})"
        except requests.RequestException as error:
            failure = f"request failed ({type(error).__name__})"
        duration = time.perf_counter() - started
        status = response.status_code if response is not None else None
        record(UpstreamCall(self.label, method, strip_query(url), status, duration))
        if response is None:
            raise self._error(
                UpstreamUnavailable,
                failure or "no response",
                method=method,
                url=url,
                duration=duration,
            )
        logger.debug(
            "upstream %s: %s %s -> %s in %.0f ms",
            self.label,
            method,
            strip_query(url),
            status,
            duration * 1000,
        )
        if 200 <= response.status_code < 300 or response.is_redirect:
            return response
        response.close()
        kind, reason = _classify(response.status_code)
        raise self._error(
            kind, reason, method=method, url=url, duration=duration, status_code=status
        )


def _classify(status: int) -> tuple[type[UpstreamError], str]:
    if status in (404, 410):
        return UpstreamNotFound, "not found"
    if status == 429 or status >= 500:
        return UpstreamUnavailable, "unavailable"
    if 300 <= status < 400:
        return UpstreamInvalidResponse, "unexpected redirect or not-modified"
    return UpstreamRejected, "request refused"
