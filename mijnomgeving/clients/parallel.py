"""The one bounded helper for independent upstream calls (docs/architecture.md rule 6)."""

import contextvars
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from typing import Any, Literal, TypeVar, overload

from django.conf import settings
from django.db import connections

from .errors import UpstreamError

T = TypeVar("T")
R = TypeVar("R")


@overload
def parallel_map(
    fn: Callable[[T], R], items: Iterable[T], *, return_exceptions: Literal[False] = False
) -> list[R]: ...


@overload
def parallel_map(
    fn: Callable[[T], R], items: Iterable[T], *, return_exceptions: Literal[True]
) -> list[R | UpstreamError]: ...


def parallel_map(
    fn: Callable[[T], R], items: Iterable[T], *, return_exceptions: bool = False
) -> list[R] | list[R | UpstreamError]:
    """`[fn(item) for item in items]`, at most UPSTREAM_MAX_PARALLEL calls at a time.

    Results come back in the order of `items`. By default the first error (in item order,
    among those that failed before the rest was cancelled) is re-raised. With
    `return_exceptions=True` an item whose call raised an `UpstreamError` gets that error in
    its place, so a page can show what arrived and mark the gap; any other exception is a
    bug and is raised all the same.

    Each task runs in a copy of the caller's context (call counting follows it). With
    settings.UPSTREAM_PARALLEL off everything runs in the calling thread, one by one: the
    benchmark's baseline. Do not nest calls: each call has its own bound.
    """
    work = list(items)
    limit = max(1, int(settings.UPSTREAM_MAX_PARALLEL))
    if not settings.UPSTREAM_PARALLEL or len(work) <= 1 or limit == 1:
        return _sequential(fn, work, return_exceptions=return_exceptions)

    caller = threading.get_ident()

    def run(item: T) -> R:
        try:
            return fn(item)
        finally:
            if threading.get_ident() != caller:
                # A task that touched the database opened a connection for this worker
                # thread; the thread dies with the pool, so close it here.
                connections.close_all()

    with ThreadPoolExecutor(
        max_workers=min(limit, len(work)), thread_name_prefix="upstream"
    ) as pool:
        futures: list[Future[R]] = [
            pool.submit(contextvars.copy_context().run, run, item) for item in work
        ]
        if not return_exceptions:
            wait(futures, return_when=FIRST_EXCEPTION)
            for future in futures:
                future.cancel()  # no-op for those running or done
            for future in futures:
                if future.done() and not future.cancelled() and future.exception() is not None:
                    raise _exception(future)
            return [future.result() for future in futures]

    results: list[R | UpstreamError] = []
    for future in futures:
        error = future.exception()
        if error is None:
            results.append(future.result())
        elif isinstance(error, UpstreamError):
            results.append(error)
        else:
            raise error
    return results


def _exception(future: "Future[Any]") -> BaseException:
    error = future.exception()
    assert error is not None
    return error


def _sequential(
    fn: Callable[[T], R], work: list[T], *, return_exceptions: bool
) -> list[R] | list[R | UpstreamError]:
    if not return_exceptions:
        return [fn(item) for item in work]
    results: list[R | UpstreamError] = []
    for item in work:
        try:
            results.append(fn(item))
        except UpstreamError as error:
            results.append(error)
    return results
