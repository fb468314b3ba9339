"""The one place that speaks HTTP: auth, timeouts, paging, errors (DESIGN rules 4-6)."""

import logging
import time
from collections.abc import Callable, Iterable, Mapping
from typing import Any, ClassVar, TypeVar
from urllib.parse import urljoin, urlsplit

import requests
from django.conf import settings
from zgw_consumers.constants import AuthTypes

from .actor import Actor
from .auth import zgw_jwt
from .calls import UpstreamCall, record
from .config import ServiceConfig, load_service
from .errors import (
    ClientConfigurationError,
    ForeignUrlError,
    UpstreamError,
    UpstreamInvalidResponse,
    UpstreamNotFound,
    UpstreamRejected,
    UpstreamUnavailable,
)
from .parallel import parallel_map
from .parsing import Json, ParseError
from .redact import strip_query
from .sessions import session_for
from .streaming import StreamingDownload

__all__ = [
    "ApiClient",
    "ClientConfigurationError",
    "ForeignUrlError",
    "ServiceConfig",
    "UpstreamError",
    "UpstreamInvalidResponse",
    "UpstreamNotFound",
    "UpstreamRejected",
    "UpstreamUnavailable",
    "client_for_url",
    "load_service",
    "parallel_map",
    "strip_query",
]

logger = logging.getLogger("mijnomgeving.clients")

T = TypeVar("T")
Params = Mapping[str, str | int]

_MAX_REDIRECTS = 3


# --- The client -----------------------------------------------------------------------------


class ApiClient:
    """Base of every API client: GET JSON, follow pages, stream, map failures to typed errors.

    Built from a ServiceConfig and the Actor on whose behalf calls are made. Only URLs under
    the service's api_root are ever requested (ForeignUrlError otherwise), so credentials
    cannot leave for another host. Timeouts: (UPSTREAM_CONNECT_TIMEOUT,
    UPSTREAM_READ_TIMEOUT) from settings for every call; the Service's single `timeout`
    field is not used, so one environment setting bounds every back office alike.
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
        """The credentials for one call: a fresh ZGW JWT each time, or the static API key."""
        config = self.config
        if config.auth_type == AuthTypes.zgw:
            token = zgw_jwt(client_id=config.client_id, secret=config.secret, actor=self.actor)
            return {"Authorization": f"Bearer {token}"}
        if config.auth_type == AuthTypes.api_key and config.header_key:
            return {config.header_key: config.header_value}
        return {}

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
    ) -> requests.Response:
        """One call (plus redirects that stay under the api_root), or a typed error."""
        for _ in range(_MAX_REDIRECTS + 1):
            response = self._send_once(
                method, url, params=params, body=body, accept=accept, stream=stream
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
    ) -> requests.Response:
        if not self.owns(url):
            raise self._error(
                ForeignUrlError,
                "URL outside the service's api_root, not requested",
                method=method,
                url=url,
                duration=0.0,
            )
        headers = {"Accept": accept, **self.extra_headers, **self.auth_headers()}
        if stream:
            # A download passes through as it is: no compression, so its length is the
            # upstream's own and a body that breaks off is detected (streaming.py).
            headers["Accept-Encoding"] = "identity"
        timeout = (settings.UPSTREAM_CONNECT_TIMEOUT, settings.UPSTREAM_READ_TIMEOUT)
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
                headers=headers,
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

    def get_json(self, url_or_path: str, *, params: Params | None = None) -> Any:
        """The decoded JSON body of a GET (any JSON value)."""
        return self._json("GET", self._absolute(url_or_path), params=params)

    def _json(
        self, method: str, url: str, *, params: Params | None = None, body: Json | None = None
    ) -> Any:
        started = time.perf_counter()
        response = self._send(method, url, params=params, body=body)
        try:
            return response.json()
        except ValueError:
            pass
        raise self._error(
            UpstreamInvalidResponse,
            "body is not JSON",
            method=method,
            url=url,
            duration=time.perf_counter() - started,
            status_code=response.status_code,
        )

    def get_object(self, url_or_path: str, *, params: Params | None = None) -> Json:
        """A GET whose body must be a JSON object."""
        started = time.perf_counter()
        data = self.get_json(url_or_path, params=params)
        if not isinstance(data, Mapping):
            raise self._shape_error(url_or_path, "body is not a JSON object", since=started)
        return data

    def get_all(self, url_or_path: str, *, params: Params | None = None) -> list[Json]:
        """Every item of a list endpoint: a plain JSON array, or DRF pages followed via `next`.

        Stops with UpstreamInvalidResponse after UPSTREAM_MAX_PAGES pages rather than
        return part of a list as if it were all of it.
        """
        url = self._absolute(url_or_path)
        started = time.perf_counter()
        return self._all_pages(url, self.get_json(url, params=params), self.get_json, started)

    def search_all(self, url_or_path: str, body: Json) -> list[Json]:
        """Every item a ZGW search (`POST …/_zoek`) finds; its next pages take the same body."""
        url = self._absolute(url_or_path)

        def load(page_url: str) -> Any:
            return self._json("POST", page_url, body=body)

        started = time.perf_counter()
        return self._all_pages(url, load(url), load, started)

    def _all_pages(
        self, url: str, data: Any, load: Callable[[str], Any], started: float
    ) -> list[Json]:
        if isinstance(data, list):
            return self._objects(data, url, started)
        items: list[Json] = []
        seen = {url}
        max_pages = int(settings.UPSTREAM_MAX_PAGES)
        for page_number in range(1, max_pages + 1):
            if not isinstance(data, Mapping) or not isinstance(data.get("results"), list):
                raise self._shape_error(
                    url, "body is neither a list nor a page of results", since=started
                )
            items.extend(self._objects(data["results"], url, started))
            next_url = data.get("next")
            if not next_url:
                return items
            if not isinstance(next_url, str) or next_url in seen:
                raise self._shape_error(url, "page link 'next' is invalid or loops", since=started)
            if page_number == max_pages:
                break
            seen.add(next_url)
            url = next_url
            data = load(url)
        raise self._shape_error(
            url, f"more than {max_pages} pages (UPSTREAM_MAX_PAGES)", since=started
        )

    def fetch(
        self, url_or_path: str, parse: Callable[[Json], T], *, params: Params | None = None
    ) -> T:
        """GET one resource and parse it; a payload that does not parse is an invalid response."""
        url = self._absolute(url_or_path)
        started = time.perf_counter()
        return self.parse(parse, self.get_object(url, params=params), url, since=started)

    def fetch_all(
        self, url_or_path: str, parse: Callable[[Json], T], *, params: Params | None = None
    ) -> list[T]:
        url = self._absolute(url_or_path)
        started = time.perf_counter()
        items = self.get_all(url, params=params)
        return [self.parse(parse, item, url, since=started) for item in items]

    def parse(
        self, parse: Callable[[Json], T], data: Json, url: str, *, since: float | None = None
    ) -> T:
        """`parse(data)`, or UpstreamInvalidResponse logged with the time since `since`."""
        try:
            return parse(data)
        except ParseError as error:
            reason = f"unexpected payload: {error}"
        raise self._shape_error(url, reason, since=since)

    def stream(
        self, url_or_path: str, *, params: Params | None = None, chunk_size: int = 64 * 1024
    ) -> StreamingDownload:
        """A GET whose body is read chunk by chunk; close it (or read it to the end)."""
        url = self._absolute(url_or_path)
        started = time.perf_counter()
        response = self._send("GET", url, params=params, accept="*/*", stream=True)

        def on_error(reason: str) -> UpstreamError:
            return self._error(
                UpstreamUnavailable,
                reason,
                method="GET",
                url=url,
                duration=time.perf_counter() - started,
                status_code=response.status_code,
            )

        return StreamingDownload(response, chunk_size=chunk_size, on_error=on_error)

    # --- Helpers ----------------------------------------------------------------------------

    def _absolute(self, url_or_path: str) -> str:
        return url_or_path if "://" in url_or_path else self.url(url_or_path)

    def _objects(self, items: list[Any], url: str, started: float) -> list[Json]:
        if not all(isinstance(item, Mapping) for item in items):
            raise self._shape_error(url, "list holds something other than objects", since=started)
        return items

    def _shape_error(
        self, url_or_path: str, reason: str, *, since: float | None = None
    ) -> UpstreamError:
        """A body that is not what the API promises; logged with the time the call took."""
        return self._error(
            UpstreamInvalidResponse,
            reason,
            method="GET",
            url=self._absolute(url_or_path),
            duration=time.perf_counter() - since if since is not None else 0.0,
        )


def _classify(status: int) -> tuple[type[UpstreamError], str]:
    if status in (404, 410):
        return UpstreamNotFound, "not found"
    if status == 429 or status >= 500:
        return UpstreamUnavailable, "unavailable"
    if 300 <= status < 400:
        return UpstreamInvalidResponse, "unexpected redirect or not-modified"
    return UpstreamRejected, "request refused"


def client_for_url(url: str, clients: Iterable[ApiClient]) -> ApiClient:
    """The client whose api_root holds `url` (the longest root wins), else ForeignUrlError.

    E.g. a zaaktype URL picks the Catalogi client out of (zaken, catalogi, documenten).
    """
    owners = [client for client in clients if client.owns(url)]
    if not owners:
        error = ForeignUrlError(
            "URL under no configured service", service="-", url=strip_query(url)
        )
        logger.warning("upstream: no configured service for %s", error.url)
        raise error
    return max(owners, key=lambda client: len(client.api_root))
