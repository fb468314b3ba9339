"""The benchmark's own arithmetic and table (bench/stats.py, bench/report.py)."""

import statistics

import pytest

from bench.report import format_table, table_rows, targets
from bench.stats import Timing, median, percentile, ratio


def test_percentile_interpolates_like_the_inclusive_quantiles() -> None:
    values = [12.0, 3.0, 7.0, 1.0, 30.0, 9.0, 4.0]
    expected = statistics.quantiles(values, n=100, method="inclusive")
    assert percentile(values, 0.95) == pytest.approx(expected[94])
    assert percentile(values, 0.5) == pytest.approx(statistics.median(values))
    assert median([1, 2, 3, 4]) == 2.5
    assert percentile([5.0], 0.95) == 5.0


def test_percentile_refuses_nonsense() -> None:
    with pytest.raises(ValueError):
        percentile([], 0.5)
    with pytest.raises(ValueError):
        percentile([1.0], 1.5)


def test_timing_summarises_runs() -> None:
    timing = Timing.of([100.0, 110.0, 120.0, 130.0, 400.0])
    assert (timing.n, timing.median_ms, timing.min_ms, timing.max_ms) == (5, 120.0, 100.0, 400.0)
    assert timing.p95_ms == pytest.approx(346.0)


def test_ratio_is_baseline_over_ours() -> None:
    assert ratio(1000.0, 100.0) == 10.0
    assert ratio(1000.0, 0.0) is None


def _page(median_ms: float, calls: int = 1, trips: int = 1) -> dict:
    spread = {"median": calls, "min": calls, "max": calls}
    return {
        "median_ms": median_ms,
        "p95_ms": median_ms * 1.1,
        "upstream_calls": spread,
        "round_trips": {"median": trips, "min": trips, "max": trips},
    }


def _results(cold: float, warm: float, base: float) -> dict:
    page = {"cold": _page(cold), "ours": _page(warm), "baseline": _page(base, 16, 16)}
    return {"pages": {"overview": page, "case": page}}


def _sizes(page_ms: dict[int, float], case_ms: float = 200, calls: int = 9) -> dict:
    """results["sizes"] with every list page at page_ms[zaken], the case page at case_ms."""
    return {
        str(zaken): {
            "pages": {
                page: {
                    "cold": _page(ms * 1.3, calls + 3),
                    "ours": _page(ms, calls),
                    "baseline": _page(ms * 3, 16, 16),
                }
                for page, ms in (
                    ("dashboard", list_ms),
                    ("open", list_ms),
                    ("closed", list_ms),
                    ("case", case_ms),
                )
            }
        }
        for zaken, list_ms in page_ms.items()
    }


def _download(growth_bytes: int) -> dict:
    return {"ours": {"growth_bytes": growth_bytes}}


def test_targets_follow_issue_9_on_the_cost_model() -> None:
    results = {"sizes": _sizes({3: 250, 25: 300, 120: 370}), "download": _download(19_000_000)}

    found = {t.name: t for t in targets(results)}

    assert found["open list median, 120 zaken"].limit == "<= 400 ms"
    assert found["open list median, 120 zaken"].holds
    growth = found["dashboard median, 120 / 3 zaken"]
    assert growth.limit == "<= 1.5x" and growth.value == pytest.approx(370 / 250) and growth.holds
    assert found["case page median, 120 zaken"].limit == "<= 300 ms"
    assert found["case page median, 3 zaken"].holds
    calls = found["closed list: upstream calls a view, any size, cold or warm"]
    assert calls.limit == "<= 15" and calls.value == 12 and calls.holds  # the cold views' 9 + 3
    assert found["memory growth, 200 MB download"].holds
    assert len(found) == 3 * 2 + 3 + 4 + 1


def test_targets_fail_when_a_limit_is_passed() -> None:
    results = {
        "sizes": _sizes({3: 200, 25: 300, 120: 401}, case_ms=301, calls=13),
        "download": _download(21_000_000),
    }

    found = targets(results)

    assert not any(t.holds for t in found)


def test_table_has_a_row_per_figure_with_the_ratio() -> None:
    rows = table_rows(_results(170, 120, 1300))
    by_name = {row[0]: row for row in rows}
    assert by_name["overview, 25 zaken: median, warm cache"] == (
        "overview, 25 zaken: median, warm cache",
        "120 ms",
        "1,300 ms",
        "10.8x",
    )
    assert by_name["overview, 25 zaken: upstream calls, warm"][1:] == ("1", "16", "16.0x")


def test_format_table_aligns_columns_as_markdown() -> None:
    text = format_table(("figure", "ours"), [("a", "1 ms"), ("longer name", "10 ms")])
    lines = text.splitlines()
    assert lines[0] == "| figure      |  ours |"
    assert lines[1] == "|-------------|------:|"
    assert lines[3] == "| longer name | 10 ms |"
    assert len({len(line) for line in lines}) == 1
