"""Issue 9's targets on the cost model (and issue 6's memory target), checked on a results dict."""

from dataclasses import dataclass
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
