"""parallel_map: bounded, ordered, first error or per-item errors; sequential when switched off."""

import threading
import time

import pytest

from mijnomgeving.clients.base import UpstreamNotFound, parallel_map
from mijnomgeving.clients.calls import record_upstream_calls
from tests.factories import zgw


def _not_found(item: int) -> UpstreamNotFound:
    return UpstreamNotFound("not found", service="test", url=f"http://x.test/{item}")


def test_results_come_back_in_the_order_of_the_items() -> None:
    def slow_for_small(item: int) -> int:
        time.sleep(0.01 * (5 - item))
        return item * 10

    assert parallel_map(slow_for_small, range(5)) == [0, 10, 20, 30, 40]


def test_no_more_than_the_maximum_run_at_once(settings) -> None:
    settings.UPSTREAM_MAX_PARALLEL = 3
    running, peak, lock = 0, 0, threading.Lock()

    def task(item: int) -> int:
        nonlocal running, peak
        with lock:
            running += 1
            peak = max(peak, running)
        time.sleep(0.02)
        with lock:
            running -= 1
        return item

    assert parallel_map(task, range(9)) == list(range(9))
    assert peak == 3


def test_the_first_error_is_raised() -> None:
    def task(item: int) -> int:
        if item in (2, 4):
            raise _not_found(item)
        return item

    with pytest.raises(UpstreamNotFound) as raised:
        parallel_map(task, range(6))
    assert raised.value.url == "http://x.test/2"


def test_per_item_errors_leave_a_marked_gap() -> None:
    def task(item: int) -> int:
        if item == 1:
            raise _not_found(item)
        return item

    result = parallel_map(task, range(3), return_exceptions=True)

    assert result[0] == 0 and result[2] == 2
    assert isinstance(result[1], UpstreamNotFound)


def test_bugs_are_never_turned_into_gaps() -> None:
    def task(item: int) -> int:
        raise KeyError(item)

    with pytest.raises(KeyError):
        parallel_map(task, range(3), return_exceptions=True)


def test_switched_off_everything_runs_in_the_calling_thread(settings) -> None:
    settings.UPSTREAM_PARALLEL = False
    threads: list[int] = []

    def task(item: int) -> int:
        threads.append(threading.get_ident())
        if item == 2:
            raise _not_found(item)
        return item

    assert parallel_map(task, [0, 1]) == [0, 1]
    result = parallel_map(task, [0, 2, 1], return_exceptions=True)
    with pytest.raises(UpstreamNotFound):
        parallel_map(task, [2, 1])

    assert set(threads) == {threading.get_ident()}
    assert isinstance(result[1], UpstreamNotFound)


def test_calls_made_in_worker_threads_are_counted(zgw_clients, requests_mock) -> None:
    payloads = [zgw.statustype(volgnummer=n) for n in (1, 2, 3)]
    for payload in payloads:
        requests_mock.get(payload["url"], json=payload)

    with record_upstream_calls() as calls:
        parallel_map(zgw_clients.catalogi.statustype, [p["url"] for p in payloads])

    assert calls.count == 3
    assert {call.service for call in calls.calls} == {"Open Zaak Catalogi"}
    assert all(call.status_code == 200 and call.duration >= 0 for call in calls.calls)
