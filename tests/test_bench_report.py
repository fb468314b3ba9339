"""The README's benchmark section is written from bench/results*.json, and kept in step."""

import json
from pathlib import Path

from bench.report import (
    README_END,
    README_START,
    markdown,
    readme_section,
    targets,
    update_readme,
)

ROOT = Path(__file__).resolve().parent.parent
RESULTS = [ROOT / "bench" / "results.json", ROOT / "bench" / "results-production.json"]


def test_the_readme_shows_the_committed_results() -> None:
    loaded = [json.loads(path.read_text()) for path in RESULTS if path.exists()]
    readme = (ROOT / "README.md").read_text()

    assert loaded, "bench/results.json is missing: run make bench"
    assert f"{README_START}\n{readme_section(loaded)}\n{README_END}" in readme, (
        "README.md's benchmark table is not that of bench/results*.json: "
        "python -m bench.report --readme"
    )


def test_update_rewrites_only_between_the_markers_and_is_idempotent(tmp_path: Path) -> None:
    results = json.loads(RESULTS[0].read_text())
    source = tmp_path / "results.json"
    source.write_text(json.dumps(results))
    readme = tmp_path / "README.md"
    readme.write_text(f"# Titel\n\nvoor\n{README_START}\noud\n{README_END}\nna\n")

    assert update_readme(readme, [source, tmp_path / "absent.json"]) is True
    text = readme.read_text()
    assert text.startswith("# Titel\n\nvoor\n") and text.endswith(f"{README_END}\nna\n")
    assert "oud" not in text
    assert results["machine"]["cpu"] in text and "| target" in text
    assert update_readme(readme, [source]) is False  # nothing new


def test_a_readme_without_markers_is_left_alone(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# Geen tabel\n")

    assert update_readme(readme, RESULTS) is False
    assert readme.read_text() == "# Geen tabel\n"


def _figure(median_ms: float, calls: int, trips: int, work_ms: float | None = None) -> dict:
    figure = {
        "median_ms": median_ms,
        "p95_ms": median_ms + 10,
        "upstream_calls": {"median": calls, "min": calls, "max": calls},
        "round_trips": {"median": trips, "min": trips, "max": trips},
    }
    if work_ms is not None:
        figure["backoffice_work_ms"] = {"median": work_ms, "min": work_ms, "max": work_ms}
    return figure


def _calibrated(legacy: dict, *, with_baseline: bool = True) -> dict:
    """A results file of the cost model's shape, around a flat-latency file's figures."""
    sizes = {
        str(zaken): {
            "bsn": "999990044",
            "pages": {
                page: {
                    "cold": _figure(ms + 100, 14, 3),
                    "ours": _figure(ms, 9, 2, work_ms=2 * ms),
                    **({"baseline": _figure(3 * ms, 16, 16)} if with_baseline else {}),
                }
                for page in ("dashboard", "open", "closed", "case")
            },
        }
        for zaken, ms in (("3", 150.0), ("25", 250.0), ("120", 350.0))
    }
    results = {**legacy, "sizes": sizes}
    results["settings"] = {**legacy["settings"], "cost_model": "openzaak-1.30"}
    found = targets(results)
    results["targets"] = [t.as_dict() for t in found]
    results["all_targets_hold"] = all(t.holds for t in found)
    return results


def test_a_calibrated_run_shows_each_page_and_size_then_the_flat_latency_apart() -> None:
    results = _calibrated(json.loads(RESULTS[0].read_text()))

    text = markdown(results)

    assert "back office costed as Open Zaak (openzaak-1.30)" in text
    assert "| open list   |   120 | 350 ms | 360 ms |       450 ms |" in text
    assert "9 / 14" in text and "700 ms" in text  # calls warm / cold; back office work
    assert "On a flat 50 ± 5 ms per request instead" in text
    assert (
        text.index("| open list")
        < text.index("residents at once")
        < text.index("overview, 25 zaken: median, warm cache")
    )
    assert "open list median, 120 / 3 zaken" in text
    assert text.rstrip().endswith("|")  # the targets close it


def test_a_quick_run_without_every_baseline_and_without_the_flat_figures_renders() -> None:
    legacy = json.loads(RESULTS[0].read_text())
    results = _calibrated({k: v for k, v in legacy.items() if k != "pages"}, with_baseline=False)

    text = markdown(results)

    assert "On a flat" not in text
    row = next(line for line in text.splitlines() if line.startswith("| case page   |     3 |"))
    assert row.rstrip(" |").endswith("-")  # no baseline: "-" in its columns
