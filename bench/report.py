"""Targets, the printed table, bench/results.json and the README's section of it.

The work is in bench/targets.py (the targets), bench/tables.py (the tables) and bench/readme.py
(the README's section); this module keeps their names importable from here, describes the
machine for results.json and is ``python -m bench.report``.
"""

import json
import os
import platform
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.readme import (
    README_END,
    README_START,
    SHAPE_TITLES,
    markdown,
    readme_section,
    update_readme,
)
from bench.tables import (
    capacity_rows,
    format_table,
    page_rows,
    size_rows,
    table_rows,
    targets_table,
)
from bench.targets import (
    CALLS_TARGET,
    CASE_TARGET_MS,
    GROWTH_TARGET,
    MEMORY_TARGET_BYTES,
    PAGE_LABELS,
    PAGE_TARGET_MS,
    Target,
    targets,
)

__all__ = [
    "CALLS_TARGET",
    "CASE_TARGET_MS",
    "GROWTH_TARGET",
    "MEMORY_TARGET_BYTES",
    "PAGE_LABELS",
    "PAGE_TARGET_MS",
    "README_END",
    "README_START",
    "SHAPE_TITLES",
    "Target",
    "capacity_rows",
    "format_table",
    "machine",
    "main",
    "markdown",
    "page_rows",
    "readme_section",
    "size_rows",
    "table_rows",
    "targets",
    "targets_table",
    "update_readme",
]


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
