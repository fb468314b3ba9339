"""The Catalogi API client (Catalogi 1.3.1), cached: catalogi data is the same for everyone.

Only catalogi resources go into the cache, never resident data. The cache holds the JSON as
served (parsed again on the way out: cheap, and safe across deploys), under keys made from
the URL (and query) for CATALOGI_CACHE_SECONDS; 0 switches the cache off. A cache that
fails (Redis down) is skipped with a warning: it only ever saves calls.
"""

import hashlib
import logging
import time
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Literal, TypeVar, overload

from django.conf import settings
from django.core.cache import cache

from .actor import Actor
from .base import ApiClient, Params, load_service
from .catalogi_resources import (
    Catalogus,
    InformatieObjectType,
    ResultaatType,
    StatusType,
    ZaakType,
    ZaakTypeInformatieObjectType,
)
from .errors import UpstreamError
from .parallel import parallel_map
from .parsing import Json

logger = logging.getLogger("mijnomgeving.clients")

T = TypeVar("T")

_KEY_PREFIX = "mijnomgeving:catalogi:v1:"


def cache_key(url: str, params: Params | None = None) -> str:
    query = "&".join(f"{name}={value}" for name, value in sorted((params or {}).items()))
    return _KEY_PREFIX + hashlib.sha256(f"{url}?{query}".encode()).hexdigest()


class CatalogiClient(ApiClient):
    # --- Single resources (cached) ------------------------------------------------------------

    def zaaktype(self, url: str) -> ZaakType:
        return self.fetch_cached(url, ZaakType.from_api)

    def statustype(self, url: str) -> StatusType:
        return self.fetch_cached(url, StatusType.from_api)

    def resultaattype(self, url: str) -> ResultaatType:
        return self.fetch_cached(url, ResultaatType.from_api)

    def informatieobjecttype(self, url: str) -> InformatieObjectType:
        return self.fetch_cached(url, InformatieObjectType.from_api)

    # --- Lists (cached as a whole) ------------------------------------------------------------

    def statustypen(self, zaaktype_url: str) -> list[StatusType]:
        """All steps of the zaaktype's process, ordered by volgnummer.

        Also puts each statustype in the cache under its own URL, so the statustype of
        every status of the zaak is found there.
        """
        params = {"zaaktype": zaaktype_url, "status": "alles"}
        statustypen = self._cached_list("statustypen", StatusType.from_api, params, seed=True)
        return sorted(statustypen, key=lambda statustype: statustype.volgnummer)

    def resultaattypen(self, zaaktype_url: str) -> list[ResultaatType]:
        """Every possible result of the zaaktype (each also cached under its own URL)."""
        params = {"zaaktype": zaaktype_url, "status": "alles"}
        return self._cached_list("resultaattypen", ResultaatType.from_api, params, seed=True)

    def zaaktype_informatieobjecttypen(
        self, zaaktype_url: str
    ) -> list[ZaakTypeInformatieObjectType]:
        params = {"zaaktype": zaaktype_url, "status": "alles"}
        return self._cached_list(
            "zaaktype-informatieobjecttypen", ZaakTypeInformatieObjectType.from_api, params
        )

    def zaaktypen(self, *, catalogus: str | None = None) -> list[ZaakType]:
        """The published zaaktypen (of one catalogus, when given)."""
        params = {"catalogus": catalogus} if catalogus else {}
        return self._cached_list("zaaktypen", ZaakType.from_api, params, seed=True)

    def catalogussen(self) -> list[Catalogus]:
        return self._cached_list("catalogussen", Catalogus.from_api, {})

    # --- Many at once ---------------------------------------------------------------------------

    def zaaktypen_by_url(self, urls: Iterable[str]) -> dict[str, ZaakType]:
        return self.fetch_many(urls, ZaakType.from_api)

    def statustypen_by_url(self, urls: Iterable[str]) -> dict[str, StatusType]:
        return self.fetch_many(urls, StatusType.from_api)

    def resultaattypen_by_url(self, urls: Iterable[str]) -> dict[str, ResultaatType]:
        return self.fetch_many(urls, ResultaatType.from_api)

    def informatieobjecttypen_by_url(self, urls: Iterable[str]) -> dict[str, InformatieObjectType]:
        return self.fetch_many(urls, InformatieObjectType.from_api)

    @overload
    def fetch_many(
        self,
        urls: Iterable[str],
        parse: Callable[[Json], T],
        *,
        return_exceptions: Literal[False] = False,
    ) -> dict[str, T]: ...

    @overload
    def fetch_many(
        self, urls: Iterable[str], parse: Callable[[Json], T], *, return_exceptions: Literal[True]
    ) -> dict[str, T | UpstreamError]: ...

    def fetch_many(
        self, urls: Iterable[str], parse: Callable[[Json], T], *, return_exceptions: bool = False
    ) -> dict[str, T] | dict[str, T | UpstreamError]:
        """{url: resource} for distinct URLs; only those not cached are fetched, in parallel.

        With `return_exceptions=True` a URL that failed maps to its UpstreamError.
        """
        unique = list(dict.fromkeys(urls))
        keys = {url: cache_key(url) for url in unique}
        cached = self._cache_get_many(list(keys.values()))
        results: dict[str, T | UpstreamError] = {}
        missing: list[str] = []
        for url in unique:
            data = cached.get(keys[url])
            if isinstance(data, Mapping):
                results[url] = self.parse(parse, data, url)
            else:
                missing.append(url)

        def fetch_one(url: str) -> tuple[T, Json]:
            started = time.perf_counter()
            data = self.get_object(url)
            return self.parse(parse, data, url, since=started), data

        fetched = parallel_map(fetch_one, missing, return_exceptions=True)
        to_cache: dict[str, Any] = {}
        for url, outcome in zip(missing, fetched, strict=True):
            if isinstance(outcome, UpstreamError):
                if not return_exceptions:
                    raise outcome
                results[url] = outcome
            else:
                results[url], to_cache[keys[url]] = outcome[0], dict(outcome[1])
        self._cache_set_many(to_cache)
        return {url: results[url] for url in unique}

    # --- Cache plumbing -----------------------------------------------------------------------

    def fetch_cached(self, url: str, parse: Callable[[Json], T]) -> T:
        key = cache_key(url)
        data = self._cache_get_many([key]).get(key)
        if isinstance(data, Mapping):
            return self.parse(parse, data, url)
        started = time.perf_counter()
        data = self.get_object(url)
        resource = self.parse(parse, data, url, since=started)
        self._cache_set_many({key: dict(data)})
        return resource

    def _cached_list(
        self, path: str, parse: Callable[[Json], T], params: Params, *, seed: bool = False
    ) -> list[T]:
        url = self.url(path)
        key = cache_key(url, params)
        data = self._cache_get_many([key]).get(key)
        if not isinstance(data, list):
            started = time.perf_counter()
            data = [dict(item) for item in self.get_all(url, params=params or None)]
            resources = [self.parse(parse, item, url, since=started) for item in data]
            entries: dict[str, Any] = {key: data}
            if seed:
                entries.update({cache_key(item["url"]): item for item in data})
            self._cache_set_many(entries)
            return resources
        return [self.parse(parse, item, url) for item in data]

    @staticmethod
    def _timeout() -> int:
        return int(settings.CATALOGI_CACHE_SECONDS)

    def _cache_get_many(self, keys: list[str]) -> dict[str, Any]:
        if self._timeout() <= 0 or not keys:
            return {}
        try:
            return cache.get_many(keys)
        except Exception as error:  # a cache outage must not become a page outage
            logger.warning(
                "catalogi cache unavailable (%s): reading upstream", type(error).__name__
            )
            return {}

    def _cache_set_many(self, entries: dict[str, Any]) -> None:
        if self._timeout() <= 0 or not entries:
            return
        try:
            cache.set_many(entries, timeout=self._timeout())
        except Exception as error:
            logger.warning("catalogi cache unavailable (%s): not stored", type(error).__name__)


def build_catalogi_client(actor: Actor) -> CatalogiClient:
    """The Catalogi client for the Service with slug settings.CATALOGI_SERVICE_SLUG."""
    return CatalogiClient(load_service(settings.CATALOGI_SERVICE_SLUG), actor)
