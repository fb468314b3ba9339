"""The figures as Markdown tables, readable in a terminal too: rows per page and size, the
flat-latency pages, throughput and download, and the targets."""

from collections.abc import Sequence
from typing import Any

from bench.stats import ratio
from bench.targets import PAGE_LABELS, Target


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
