"""The API clients' common reading: JSON, pages, searches, parsing, streams (docs/architecture.md rule 4).

The HTTP call itself is transport.py's; only mijnomgeving/clients/ speaks HTTP.
"""

import logging
import time
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from django.conf import settings

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
from .streaming import StreamingDownload
from .transport import Params, Transport

__all__ = [
    "ApiClient",
    "ClientConfigurationError",
    "ForeignUrlError",
    "Params",
    "ServiceConfig",
    "UpstreamError",
    "UpstreamInvalidResponse",
    "UpstreamNotFound",
    "UpstreamRejected",
    "UpstreamUnavailable",
    "load_service",
    "parallel_map",
    "strip_query",
]

logger = logging.getLogger("mijnomgeving.clients")

T = TypeVar("T")


class ApiClient(Transport):
    """Base of every API client: GET JSON, follow pages, search, parse at the boundary into
    typed resources, stream; failures are typed errors (never an empty list).

    Built from a ServiceConfig and the Actor on whose behalf calls are made (transport.py).
    """

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
