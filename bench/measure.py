"""The measurements: page times with their back office cost, throughput, download memory."""

import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from bench.client import Backoffice, BenchError, log_in, new_session, timed_get
from bench.memory import RssSampler
from bench.stats import Timing, median
from demo.backoffice.seed import uid
from demo.backoffice.seed.bench import FEW, MANY, case_key

BSN = "999991954"  # Sierra Kooyman: 25 zaken
CASE_UUID = uid("zaak:sierra-evenement")  # 8 statuses, 10 visible documents
LARGE_ZAAK_UUID = uid("zaak:sierra-02")
LARGE_DOCUMENT_UUID = uid("document:sierra-groot-document")
SMALL_DOCUMENT_UUID = uid("document:sierra-evenement-aanvraag")

# The flat-latency figures (issue 6): Sierra's overview and case page.
PAGES = {
    "overview": "/mijn-zaken/",
    "case": f"/mijn-zaken/{CASE_UUID}/",
}
LARGE_DOWNLOAD = f"/mijn-zaken/{LARGE_ZAAK_UUID}/documenten/{LARGE_DOCUMENT_UUID}/download/"


@dataclass(frozen=True)
class Resident:
    """One size of the calibrated figures: a resident with `zaken` zaken and their case
    (8 statuses, 10 visible documents)."""

    zaken: int
    bsn: str
    case: str

    def pages(self) -> dict[str, str]:
        return {
            "dashboard": "/mijn-omgeving/",
            "open": "/mijn-zaken/",
            "closed": "/mijn-zaken/afgerond/",
            "case": f"/mijn-zaken/{self.case}/",
        }


# The calibrated figures' three sizes (demo/backoffice/seed/bench.py, DEMO_BENCH_RESIDENTS).
RESIDENTS = (
    Resident(3, FEW.bsn, str(uid(f"zaak:{case_key(FEW)}"))),
    Resident(25, BSN, str(CASE_UUID)),
    Resident(120, MANY.bsn, str(uid(f"zaak:{case_key(MANY)}"))),
)
PAGE_NAMES = ("dashboard", "open", "closed", "case")


@dataclass(frozen=True)
class PageFigure:
    """n timed views of one page on one portal variant, each with its back office cost."""

    timing: Timing
    calls: list[int]
    round_trips: list[int]
    example: str  # the cost account (calls per resource, critical path) of the median view
    work_ms: list[float] | None = None  # the cost model's back office time per view, summed

    def as_dict(self) -> dict[str, Any]:
        figure = {
            **self.timing.as_dict(),
            "upstream_calls": _spread(self.calls),
            "round_trips": _spread(self.round_trips),
            "cost_of_median_view": self.example.splitlines(),
        }
        if self.work_ms is not None:
            figure["backoffice_work_ms"] = _spread(self.work_ms)
        return figure


def _spread(values: Sequence[float]) -> dict[str, float]:
    return {
        "median": round(median(values), 1),
        "min": round(min(values), 1),
        "max": round(max(values), 1),
    }


def measure_page(
    portal_url: str,
    path: str,
    backoffice: Backoffice,
    *,
    runs: int,
    warmup: int,
    bsn: str = BSN,
) -> PageFigure:
    """Log in as bsn, view the page `warmup` times untimed, then `runs` times timed, one at
    a time.

    Before each timed view the back office's request log is emptied and after it read, so
    every view has its own count of upstream calls and dependent round trips (and, with the
    cost model, the back office time the model charged for it, summed over its calls).
    """
    session = log_in(portal_url, bsn)
    url = f"{portal_url}{path}"
    for _ in range(warmup):
        _ok(timed_get(session, url).status, url)
    times: list[float] = []
    costs = []
    work: list[float] = []
    for _ in range(runs):
        view, cost, log = backoffice.logged(lambda: timed_get(session, url))
        _ok(view.status, url)
        times.append(view.ms)
        costs.append(cost)
        charged = [entry["cost"]["ms"] for entry in log if entry.get("cost")]
        if charged:
            work.append(sum(charged))
    middle = sorted(range(runs), key=lambda i: times[i])[runs // 2]
    return PageFigure(
        timing=Timing.of(times),
        calls=[cost.calls for cost in costs],
        round_trips=[cost.round_trips for cost in costs],
        example=costs[middle].describe(),
        work_ms=work if len(work) == runs else None,
    )


def _ok(status: int, url: str) -> None:
    if status != 200:
        raise BenchError(f"{url} gaf HTTP {status}, niet 200.")


@dataclass(frozen=True)
class Throughput:
    clients: int
    seconds: float
    requests: int
    errors: int
    timing: Timing | None

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "clients": self.clients,
            "seconds": round(self.seconds, 2),
            "requests": self.requests,
            "requests_per_second": round(self.per_second, 2),
            "errors": self.errors,
            "latency": self.timing.as_dict() if self.timing else None,
        }


def measure_throughput(
    portal_url: str,
    *,
    clients: int,
    seconds: float,
    residents: Sequence[tuple[str, Sequence[str]]] = ((BSN, tuple(PAGES.values())),),
) -> Throughput:
    """`clients` residents at once, each its own logged-in session, for `seconds`: client i
    logs in as residents[i % len(residents)] and cycles that resident's pages. A request
    counts when it completes (any status); non-200 answers and exceptions are errors.
    Requests still running at the end are awaited and counted (the duration is measured up
    to the last one)."""

    def session_of(index: int) -> Any:
        return log_in(portal_url, residents[index % len(residents)][0])

    sessions = list(ThreadPoolExecutor(4).map(session_of, range(clients)))
    lock = threading.Lock()
    times: list[float] = []
    errors = [0]
    start = threading.Event()
    stop_at = [0.0]

    def resident(index: int) -> None:
        session = sessions[index]
        urls = [f"{portal_url}{path}" for path in residents[index % len(residents)][1]]
        start.wait()
        turn = index
        while time.perf_counter() < stop_at[0]:
            url = urls[turn % len(urls)]
            turn += 1
            try:
                view = timed_get(session, url)
                failed = view.status != 200
                ms = view.ms
            except Exception:
                failed, ms = True, 0.0
            with lock:
                times.append(ms)
                errors[0] += failed

    threads = [threading.Thread(target=resident, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    began = time.perf_counter()
    stop_at[0] = began + seconds
    start.set()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    ok_times = [ms for ms in times if ms > 0]
    return Throughput(
        clients=clients,
        seconds=elapsed,
        requests=len(times),
        errors=errors[0],
        timing=Timing.of(ok_times) if ok_times else None,
    )


@dataclass(frozen=True)
class DownloadMemory:
    bytes_received: int
    seconds: float
    rss_before: int
    rss_peak: int
    samples: int

    @property
    def growth(self) -> int:
        return self.rss_peak - self.rss_before

    def as_dict(self) -> dict[str, Any]:
        return {
            "bytes_received": self.bytes_received,
            "seconds": round(self.seconds, 2),
            "rss_before_bytes": self.rss_before,
            "rss_peak_bytes": self.rss_peak,
            "growth_bytes": self.growth,
            "growth_mb": round(self.growth / 1e6, 2),
            "samples": self.samples,
        }


def measure_download(
    portal_url: str, worker_pids: Callable[[], list[int]], *, expected_bytes: int
) -> DownloadMemory:
    """Summed RSS of the variant's gunicorn workers, sampled every 20 ms from /proc, while one
    resident downloads the large document through the portal (read in 1 MiB pieces and
    thrown away). A small download first, so that loading the download code is not counted."""
    session = log_in(portal_url, BSN)
    small = f"{portal_url}/mijn-zaken/{CASE_UUID}/documenten/{SMALL_DOCUMENT_UUID}/download/"
    _ok(timed_get(session, small).status, small)
    url = f"{portal_url}{LARGE_DOWNLOAD}"
    received = 0
    started = time.perf_counter()
    with RssSampler(worker_pids) as sampler, session.get(url, stream=True, timeout=300) as response:
        _ok(response.status_code, url)
        for chunk in response.iter_content(1024 * 1024):
            received += len(chunk)
    seconds = time.perf_counter() - started
    if received != expected_bytes:
        raise BenchError(f"Download gaf {received} bytes, verwacht {expected_bytes}.")
    return DownloadMemory(received, seconds, sampler.baseline, sampler.peak, len(sampler.samples))


__all__ = [
    "PAGES",
    "PAGE_NAMES",
    "RESIDENTS",
    "measure_download",
    "measure_page",
    "measure_throughput",
    "new_session",
]
