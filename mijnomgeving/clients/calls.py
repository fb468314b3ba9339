"""Counting and timing upstream calls: `with record_upstream_calls() as calls:` around anything."""

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class UpstreamCall:
    """One HTTP call as the client layer made it; `url` carries no query string (no BSN)."""

    service: str
    method: str
    url: str
    status_code: int | None  # None: no answer (timeout, connection error)
    duration: float  # seconds until the response headers arrived (or the failure)


@dataclass(slots=True)
class CallRecorder:
    """Collects the calls made while it is active, from every thread `parallel_map` starts."""

    calls: list[UpstreamCall] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, call: UpstreamCall) -> None:
        with self._lock:
            self.calls.append(call)

    @property
    def count(self) -> int:
        with self._lock:
            return len(self.calls)

    def urls(self) -> list[str]:
        with self._lock:
            return [call.url for call in self.calls]

    @property
    def total_duration(self) -> float:
        with self._lock:
            return sum(call.duration for call in self.calls)


# The recorders active in this context. parallel_map runs each task in a copy of the
# caller's context, so calls made in worker threads land in the caller's recorders.
_active: ContextVar[tuple[CallRecorder, ...]] = ContextVar("upstream_call_recorders", default=())


@contextmanager
def record_upstream_calls() -> Iterator[CallRecorder]:
    """Record every upstream call made inside the block (nested blocks each see their calls)."""
    recorder = CallRecorder()
    token = _active.set((*_active.get(), recorder))
    try:
        yield recorder
    finally:
        _active.reset(token)


def record(call: UpstreamCall) -> None:
    """Called by the client layer for every call it makes."""
    for recorder in _active.get():
        recorder.add(call)
