"""The README's benchmark section: results.json as Markdown, written between its markers."""

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.tables import (
    capacity_rows,
    format_table,
    page_rows,
    size_rows,
    table_rows,
    targets_table,
)
from bench.targets import Target

README_START = "<!-- bench:start (written by make bench: python -m bench.report --readme) -->"
README_END = "<!-- bench:end -->"
SHAPE_TITLES = {
    "embedded": "Embedded shape (`make bench`)",
    "production": "Production shape (`make bench SHAPE=production`)",
}


def markdown(results: dict[str, Any]) -> str:
    """One results.json as Markdown: the machine and settings, the figures, the targets."""
    if "sizes" not in results:
        return _markdown_flat(results)
    m, s = results["machine"], results["settings"]
    memory = f"{(m['memory_bytes'] or 0) / 2**30:.0f} GiB"
    found = [Target(**target) for target in results["targets"]]
    verdict = "all targets hold" if results["all_targets_hold"] else "NOT every target holds"
    header, rows = size_rows(results)
    parts = [
        f"#### {SHAPE_TITLES.get(s['shape'], s['shape'])}",
        "",
        f"Run {results['generated_at'][:10]} on {m['cpu']}, {m['cores']} cores, {memory}, "
        f"Python {m['python']}; back office costed as Open Zaak ({s['cost_model']}), "
        f"{s['runs']} runs per figure, {s['clients']} residents for "
        f"{s['throughput_seconds']:g} s; {verdict}.",
        "",
        format_table(header, rows),
        "",
        format_table(("figure", "ours", "baseline", "baseline / ours"), capacity_rows(results)),
    ]
    if "pages" in results:
        parts += [
            "",
            f"On a flat {s['latency_ms']:g} ± {s['jitter_ms']:g} ms per request instead "
            "(issue 6's figures, no targets):",
            "",
            format_table(("figure", "ours", "baseline", "baseline / ours"), page_rows(results)),
        ]
    return "\n".join([*parts, "", targets_table(found)])


def _markdown_flat(results: dict[str, Any]) -> str:
    """A results file from before the cost model: the flat latency's figures only."""
    m, s = results["machine"], results["settings"]
    memory = f"{(m['memory_bytes'] or 0) / 2**30:.0f} GiB"
    found = [Target(**target) for target in results["targets"]]
    verdict = "all targets hold" if results["all_targets_hold"] else "NOT every target holds"
    return "\n".join(
        [
            f"#### {SHAPE_TITLES.get(s['shape'], s['shape'])}",
            "",
            f"Run {results['generated_at'][:10]} on {m['cpu']}, {m['cores']} cores, {memory}, "
            f"Python {m['python']}; back office latency {s['latency_ms']:g} ± "
            f"{s['jitter_ms']:g} ms, {s['runs']} runs per figure, {s['clients']} residents "
            f"for {s['throughput_seconds']:g} s; {verdict}.",
            "",
            format_table(("figure", "ours", "baseline", "baseline / ours"), table_rows(results)),
            "",
            targets_table(found),
        ]
    )


def readme_section(all_results: Sequence[dict[str, Any]]) -> str:
    if not all_results:
        return "No benchmark has been run yet: `make bench` writes the table here."
    return "\n\n".join(markdown(results) for results in all_results)


def update_readme(readme: Path, result_files: Sequence[Path]) -> bool:
    """Rewrite the text between the README's markers from the results files that exist;
    True when the README changed. A README without the markers is left alone (False)."""
    text = readme.read_text()
    if README_START not in text or README_END not in text:
        return False
    loaded = [json.loads(path.read_text()) for path in result_files if path.exists()]
    before, rest = text.split(README_START, 1)
    _, after = rest.split(README_END, 1)
    new = f"{before}{README_START}\n{readme_section(loaded)}\n{README_END}{after}"
    if new == text:
        return False
    readme.write_text(new)
    return True
