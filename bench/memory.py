"""Resident memory of processes from /proc, sampled in a thread while something runs."""

import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

PROC = Path("/proc")
_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def rss_bytes(pid: int, proc: Path = PROC) -> int:
    """The resident set size of pid in bytes (second field of /proc/<pid>/statm, in pages);
    0 when the process is gone."""
    try:
        fields = (proc / str(pid) / "statm").read_text().split()
    except (FileNotFoundError, ProcessLookupError):
        return 0
    return int(fields[1]) * _PAGE_SIZE


def children_of(pid: int, proc: Path = PROC) -> list[int]:
    """The direct children of pid (gunicorn's workers of its master)."""
    try:
        text = (proc / str(pid) / "task" / str(pid) / "children").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return []
    return [int(child) for child in text.split()]


@dataclass
class RssSampler:
    """Samples the summed RSS of `pids()` every `interval` seconds until stopped.

    ``baseline`` is the first sample (taken in ``start()``, before the measured action),
    ``peak`` the largest; ``growth`` their difference. Use as a context manager.
    """

    pids: Callable[[], Iterable[int]]
    interval: float = 0.02
    read_rss: Callable[[int], int] = rss_bytes
    samples: list[int] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def sample(self) -> int:
        value = sum(self.read_rss(pid) for pid in self.pids())
        self.samples.append(value)
        return value

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def start(self) -> "RssSampler":
        self.sample()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self.sample()

    def __enter__(self) -> "RssSampler":
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def baseline(self) -> int:
        return self.samples[0]

    @property
    def peak(self) -> int:
        return max(self.samples)

    @property
    def growth(self) -> int:
        return self.peak - self.baseline
