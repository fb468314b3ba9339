"""The benchmark's memory sampler (bench/memory.py) on this very process and on fakes."""

import os
import subprocess
import sys
import time

import pytest

from bench.memory import RssSampler, children_of, rss_bytes

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def test_rss_of_this_process_grows_with_what_it_holds() -> None:
    before = rss_bytes(os.getpid())
    held = bytearray(64 * 1024 * 1024)
    held[::4096] = b"x" * len(held[::4096])  # touch every page so it is resident
    after = rss_bytes(os.getpid())
    assert after - before >= 60 * 1024 * 1024
    del held


def test_rss_of_a_gone_process_is_zero() -> None:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert rss_bytes(child.pid) == 0


def test_children_of_lists_direct_children() -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(5)"])
    try:
        assert child.pid in children_of(os.getpid())
    finally:
        child.kill()
        child.wait()


def test_sampler_reports_baseline_peak_and_growth() -> None:
    values = iter([100, 150, 400, 120] + [120] * 1000)
    sampler = RssSampler(pids=lambda: [1], interval=0.001, read_rss=lambda pid: next(values))
    with sampler:
        while len(sampler.samples) < 5:
            time.sleep(0.001)
    assert sampler.baseline == 100
    assert sampler.peak == 400
    assert sampler.growth == 300


def test_sampler_sums_all_processes() -> None:
    sampler = RssSampler(pids=lambda: [1, 2, 3], read_rss=lambda pid: pid * 10)
    assert sampler.sample() == 60
