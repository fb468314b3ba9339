"""What a list row needs of a status or a resultaat, kept by its URL, so a list page costs no
call per row once its rows were seen (issue 9: on Open Zaak every such call takes ~50 ms of a
2-core server).

A status never changes once it is set (the Zaken API creates statussen, it does not update
them): its type and moment are cached like catalogi data. A resultaat can be corrected: its
entry is dropped when the notification of that arrives (notificaties/handlers.py), and the
case page always reads it fresh. Only reference fields go into the cache (a statustype or
resultaattype URL and a moment), never the statustoelichting or a resultaat's toelichting,
nothing about the person: a status URL says nothing on its own. The lifetime is
CATALOGI_CACHE_SECONDS (0 switches it off); a cache that fails only costs calls."""

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.cache import cache

from .zaken_resources import Resultaat, Status

logger = logging.getLogger("mijnomgeving.clients")

_KEY_PREFIX = "mijnomgeving:status:v1:"


@dataclass(frozen=True, slots=True)
class StatusRef:
    """A status as a list row shows it: its statustype and when it was set."""

    url: str
    statustype: str
    datum_status_gezet: datetime

    @classmethod
    def of(cls, status: Status) -> "StatusRef":
        return cls(status.url, status.statustype, status.datum_status_gezet)


def _key(url: str) -> str:
    return _KEY_PREFIX + hashlib.sha256(url.encode()).hexdigest()


def _seconds() -> int:
    return int(settings.CATALOGI_CACHE_SECONDS)


def remembered(urls: Iterable[str]) -> dict[str, StatusRef]:
    """The statussen among `urls` the cache holds, by URL."""
    wanted = {_key(url): url for url in urls}
    refs = {}
    for key, value in _get_many(list(wanted)).items():
        try:
            assert isinstance(value, dict)
            refs[wanted[key]] = StatusRef(
                wanted[key], str(value["statustype"]), datetime.fromisoformat(value["datum"])
            )
        except (AssertionError, KeyError, TypeError, ValueError):
            continue  # an entry of another shape: fetched again
    return refs


def remember(refs: Iterable[StatusRef]) -> None:
    _set_many(
        {
            _key(ref.url): {
                "statustype": ref.statustype,
                "datum": ref.datum_status_gezet.isoformat(),
            }
            for ref in refs
        }
    )


@dataclass(frozen=True, slots=True)
class ResultaatRef:
    """A resultaat as a list row shows it: its resultaattype."""

    url: str
    resultaattype: str

    @classmethod
    def of(cls, resultaat: Resultaat) -> "ResultaatRef":
        return cls(resultaat.url, resultaat.resultaattype)


def remembered_resultaten(urls: Iterable[str]) -> dict[str, ResultaatRef]:
    wanted = {_key(url): url for url in urls}
    found = _get_many(list(wanted))
    return {
        wanted[key]: ResultaatRef(wanted[key], value["resultaattype"])
        for key, value in found.items()
        if isinstance(value, dict) and isinstance(value.get("resultaattype"), str)
    }


def remember_resultaten(refs: Iterable[ResultaatRef]) -> None:
    _set_many({_key(ref.url): {"resultaattype": ref.resultaattype} for ref in refs})


def forget(url: str) -> None:
    """Drop a resultaat (or status) that changed or went away."""
    if _seconds() <= 0:
        return
    try:
        cache.delete(_key(url))
    except Exception as error:
        logger.warning("status cache unavailable (%s): not dropped", type(error).__name__)


def _get_many(keys: list[str]) -> dict[str, object]:
    if _seconds() <= 0 or not keys:
        return {}
    try:
        return dict(cache.get_many(keys))
    except Exception as error:  # a cache outage must not become a page outage
        logger.warning("status cache unavailable (%s): reading upstream", type(error).__name__)
        return {}


def _set_many(entries: dict[str, object]) -> None:
    if _seconds() <= 0 or not entries:
        return
    try:
        cache.set_many(entries, timeout=_seconds())
    except Exception as error:
        logger.warning("status cache unavailable (%s): not stored", type(error).__name__)
