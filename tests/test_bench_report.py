"""The README's benchmark section is written from bench/results*.json, and kept in step."""

import json
from pathlib import Path

from bench.report import README_END, README_START, readme_section, update_readme

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
