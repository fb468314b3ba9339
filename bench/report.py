"""Targets, the printed table, bench/results.json and the README's section of it."""

import json
import os
import platform
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.stats import ratio

MEMORY_TARGET_BYTES = 20 * 1_000_000
# Issue 9, on the cost model: the lists and the dashboard for the most zaken, and against
# the fewest; the case page; the calls a view makes, whatever the number of zaken.
PAGE_TARGET_MS = 400.0
GROWTH_TARGET = 1.5
CASE_TARGET_MS = 300.0
CALLS_TARGET = 15
PAGE_LABELS = {
    "dashboard": "dashboard",
    "open": "open list",
    "closed": "closed list",
    "case": "case page",
}


@dataclass(frozen=True)
class Target:
    name: str
    limit: str
    value: float
    holds: bool

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "limit": self.limit,
            "value": round(self.value, 2),
            "holds": self.holds,
        }


def targets(results: dict[str, Any]) -> list[Target]:
    """Issue 9's targets, on the cost model: results["sizes"][zaken]["pages"][page][variant]
    with variants "cold", "ours" (warm) and "baseline"; issue 6's memory target on the
    download. A results file from before the cost model (no "sizes") keeps its own."""
    sizes = results["sizes"]
    few, many = min(sizes, key=int), max(sizes, key=int)
    found = []
    for page in ("dashboard", "open", "closed"):
        label = PAGE_LABELS[page]
        most = sizes[many]["pages"][page]["ours"]["median_ms"]
        least = sizes[few]["pages"][page]["ours"]["median_ms"]
        found.append(
            Target(
                f"{label} median, {many} zaken",
                f"<= {PAGE_TARGET_MS:.0f} ms",
                most,
                most <= PAGE_TARGET_MS,
            )
        )
        growth = ratio(most, least) or 0.0
        found.append(
            Target(
                f"{label} median, {many} / {few} zaken",
                f"<= {GROWTH_TARGET:g}x",
                growth,
                0 < growth <= GROWTH_TARGET,
            )
        )
    for zaken in sorted(sizes, key=int):
        case = sizes[zaken]["pages"]["case"]["ours"]["median_ms"]
        found.append(
            Target(
                f"case page median, {zaken} zaken",
                f"<= {CASE_TARGET_MS:.0f} ms",
                case,
                case <= CASE_TARGET_MS,
            )
        )
    for page, label in PAGE_LABELS.items():
        calls = max(
            size["pages"][page][variant]["upstream_calls"]["max"]
            for size in sizes.values()
            for variant in ("cold", "ours")
        )
        found.append(
            Target(
                f"{label}: upstream calls a view, any size, cold or warm",
                f"<= {CALLS_TARGET}",
                calls,
                calls <= CALLS_TARGET,
            )
        )
    if "download" in results:
        growth_bytes = results["download"]["ours"]["growth_bytes"]
        found.append(
            Target(
                "memory growth, 200 MB download",
                f"<= {MEMORY_TARGET_BYTES / 1e6:.0f} MB",
                growth_bytes / 1e6,
                growth_bytes <= MEMORY_TARGET_BYTES,
            )
        )
    return found


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:,.0f} ms" if value >= 100 else f"{value:.1f} ms"


def _x(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}x"


def _spread(values: dict[str, float]) -> str:
    low, mid, high = values["min"], values["median"], values["max"]
    return f"{mid:g}" if low == high else f"{mid:g} ({low:g}-{high:g})"


def size_rows(results: dict[str, Any]) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """The cost model's figures: a row per page and number of zaken (header, rows)."""
    header = (
        "page",
        "zaken",
        "median",
        "p95",
        "median, cold",
        "calls, warm / cold",
        "round trips, warm / cold",
        "back office work",
        "baseline",
        "baseline / ours",
    )
    rows: list[tuple[str, ...]] = []
    for page, label in PAGE_LABELS.items():
        for zaken, size in sorted(results["sizes"].items(), key=lambda item: int(item[0])):
            figures = size["pages"][page]
            ours, cold, base = figures["ours"], figures["cold"], figures.get("baseline")
            work = ours.get("backoffice_work_ms")
            rows.append(
                (
                    label,
                    zaken,
                    _ms(ours["median_ms"]),
                    _ms(ours["p95_ms"]),
                    _ms(cold["median_ms"]),
                    f"{ours['upstream_calls']['median']:g} / {cold['upstream_calls']['median']:g}",
                    f"{ours['round_trips']['median']:g} / {cold['round_trips']['median']:g}",
                    _ms(work["median"]) if work else "-",
                    _ms(base["median_ms"]) if base else "-",
                    _x(ratio(base["median_ms"], ours["median_ms"])) if base else "-",
                )
            )
    return header, rows


def table_rows(results: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """(figure, ours, baseline, baseline / ours) rows for the printed table: the flat-latency
    pages, then throughput and download."""
    return page_rows(results) + capacity_rows(results)


def page_rows(results: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """The overview and case page of 25 zaken on the flat latency (issue 6's figures)."""
    rows: list[tuple[str, str, str, str]] = []
    if "pages" not in results:
        return rows
    for page, label in (
        ("overview", "overview, 25 zaken"),
        ("case", "case page, 8 statuses, 10 docs"),
    ):
        figures = results["pages"][page]
        base = figures["baseline"]
        for variant, cache in (("cold", "cold cache"), ("ours", "warm cache")):
            ours = figures[variant]
            for stat in ("median_ms", "p95_ms"):
                rows.append(
                    (
                        f"{label}: {stat[:-3]}, {cache}",
                        _ms(ours[stat]),
                        _ms(base[stat]),
                        _x(ratio(base[stat], ours[stat])),
                    )
                )
        for variant, cache in (("cold", "cold"), ("ours", "warm")):
            ours = figures[variant]
            rows.append(
                (
                    f"{label}: upstream calls, {cache}",
                    _spread(ours["upstream_calls"]),
                    _spread(base["upstream_calls"]),
                    _x(ratio(base["upstream_calls"]["median"], ours["upstream_calls"]["median"])),
                )
            )
            rows.append(
                (
                    f"{label}: dependent round trips, {cache}",
                    _spread(ours["round_trips"]),
                    _spread(base["round_trips"]),
                    _x(ratio(base["round_trips"]["median"], ours["round_trips"]["median"])),
                )
            )
    return rows


def capacity_rows(results: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """Throughput and the large download's memory, ours beside the baseline."""
    rows: list[tuple[str, str, str, str]] = []
    if "throughput" in results:
        ours, base = results["throughput"]["ours"], results["throughput"]["baseline"]
        clients = ours["clients"]
        rows.append(
            (
                f"{clients} residents at once: requests/s",
                f"{ours['requests_per_second']:.1f}",
                f"{base['requests_per_second']:.1f}",
                _x(ratio(ours["requests_per_second"], base["requests_per_second"])),
            )
        )
        ours_p95 = ours["latency"]["p95_ms"] if ours["latency"] else None
        base_p95 = base["latency"]["p95_ms"] if base["latency"] else None
        rows.append(
            (
                f"{clients} residents at once: p95",
                _ms(ours_p95),
                _ms(base_p95),
                _x(ratio(base_p95, ours_p95)) if ours_p95 and base_p95 else "-",
            )
        )
        rows.append(
            (
                f"{clients} residents at once: errors",
                f"{ours['errors']} of {ours['requests']}",
                f"{base['errors']} of {base['requests']}",
                "",
            )
        )
    if "download" in results:
        ours, base = results["download"]["ours"], results["download"]["baseline"]
        rows.append(
            (
                "200 MB download: peak RSS growth",
                f"{ours['growth_mb']:.1f} MB",
                f"{base['growth_mb']:.1f} MB",
                "",
            )
        )
    return rows


def format_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A Markdown table (readable in a terminal too): first column left, the rest right."""
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        parts = [
            str(c).ljust(widths[0]) if i == 0 else str(c).rjust(widths[i])
            for i, c in enumerate(cells)
        ]
        return "| " + " | ".join(parts) + " |"

    rule = (
        "|"
        + "|".join(("-" * (w + 1) + ":") if i else ("-" * (w + 2)) for i, w in enumerate(widths))
        + "|"
    )
    return "\n".join([line(header), rule, *(line(row) for row in rows)])


def targets_table(found: Sequence[Target]) -> str:
    rows = [(t.name, t.limit, f"{t.value:.1f}", "yes" if t.holds else "NO") for t in found]
    return format_table(("target", "limit", "measured", "holds"), rows)


def machine() -> dict[str, Any]:
    """CPU model, cores, memory and Python of this machine (from /proc on Linux)."""
    cpu = platform.processor() or platform.machine()
    memory = None
    cpuinfo, meminfo = Path("/proc/cpuinfo"), Path("/proc/meminfo")
    if cpuinfo.exists():
        for text_line in cpuinfo.read_text().splitlines():
            if text_line.startswith("model name"):
                cpu = text_line.split(":", 1)[1].strip()
                break
    if meminfo.exists():
        for text_line in meminfo.read_text().splitlines():
            if text_line.startswith("MemTotal:"):
                memory = int(text_line.split()[1]) * 1024
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_bytes": memory,
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


# --- The README's benchmark section -------------------------------------------------------

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


def main(argv: Sequence[str] | None = None) -> int:
    """python -m bench.report --readme: the README's table from bench/results*.json."""
    import argparse

    root = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(prog="python -m bench.report", description=main.__doc__)
    parser.add_argument("--readme", action="store_true", help="rewrite README.md's section")
    args = parser.parse_args(argv)
    files = [root / "bench" / "results.json", root / "bench" / "results-production.json"]
    if args.readme:
        changed = update_readme(root / "README.md", files)
        print("README.md bijgewerkt." if changed else "README.md was al bij.")
        return 0
    loaded = [json.loads(path.read_text()) for path in files if path.exists()]
    print(readme_section(loaded))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
