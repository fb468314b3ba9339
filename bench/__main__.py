"""`make bench` (python -m bench): MijnZaken's page times for residents with 3, 25 and 120
zaken on a back office costed like real Open Zaak 1.30, the upstream calls per view,
throughput and download memory, each beside the sequential baseline measured in the same run;
and the overview and case page on a flat latency per request, as issue 6 measured them.

Prints a table and writes bench/results.json. See bench/README.md for what each figure means.
"""

import argparse
import dataclasses
import json
import os
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.client import Backoffice, BenchError
from bench.measure import (
    PAGE_NAMES,
    PAGES,
    RESIDENTS,
    measure_download,
    measure_page,
    measure_throughput,
)
from bench.report import (
    format_table,
    machine,
    size_rows,
    table_rows,
    targets,
    targets_table,
    update_readme,
)
from bench.stack import (
    VARIANTS,
    BenchStack,
    GunicornSettings,
    bench_stack_settings,
    generated_secrets,
)
from demo.processes import StackError, say

ROOT = Path(__file__).resolve().parent.parent


def _env_number(name: str, default: float) -> float:
    value = os.environ.get(name)
    return float(value) if value else default


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    e = os.environ
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--shape",
        choices=("embedded", "production"),
        default=e.get("BENCH_SHAPE") or "embedded",
        help="embedded: SQLite, local-memory cache, one gunicorn per variant; production: "
        "PostgreSQL, Redis, 2 gunicorns per variant behind nginx, 2 task workers (BENCH_SHAPE)",
    )
    parser.add_argument(
        "--cost-model",
        default=e.get("DEMO_COST_MODEL") or "openzaak-1.30",
        help="the back office's cost model for the figures the targets are checked on "
        "(demo/backoffice/costs.py; DEMO_COST_MODEL)",
    )
    parser.add_argument(
        "--latency-ms",
        type=float,
        default=_env_number("DEMO_LATENCY_MS", 50),
        help="the flat latency per request of the issue 6 figures; 0 leaves them out",
    )
    parser.add_argument("--jitter-ms", type=float, default=_env_number("DEMO_LATENCY_JITTER_MS", 5))
    parser.add_argument(
        "--large-document-mb", type=int, default=int(_env_number("DEMO_LARGE_DOCUMENT_MB", 200))
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=int(_env_number("BENCH_RUNS", 20)),
        help="timed views per figure",
    )
    parser.add_argument("--warmup", type=int, default=int(_env_number("BENCH_WARMUP", 3)))
    parser.add_argument("--clients", type=int, default=int(_env_number("BENCH_CLIENTS", 20)))
    parser.add_argument("--seconds", type=float, default=_env_number("BENCH_SECONDS", 30))
    parser.add_argument(
        "--workers",
        type=int,
        default=int(_env_number("BENCH_GUNICORN_WORKERS", 2)),
        help="gunicorn workers per instance",
    )
    parser.add_argument(
        "--threads",
        type=int,
        default=int(_env_number("BENCH_GUNICORN_THREADS", 8)),
        help="threads per gunicorn worker (gthread)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="5 runs per figure, 10 s throughput, no baseline for 3 and 120 zaken",
    )
    parser.add_argument(
        "--output",
        type=Path,
        help="default: bench/results.json (embedded), bench/results-production.json (production)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (logs)")
    args = parser.parse_args(argv)
    if args.output is None:
        name = "results.json" if args.shape == "embedded" else f"results-{args.shape}.json"
        args.output = ROOT / "bench" / name
    if args.quick:
        args.runs, args.warmup, args.seconds = min(args.runs, 5), 1, min(args.seconds, 10)
    return args


def run(args: argparse.Namespace, directory: Path) -> dict[str, Any]:
    backoffice_env = {
        "DEMO_COST_MODEL": args.cost_model,
        "DEMO_LATENCY_MS": str(args.latency_ms),
        "DEMO_LATENCY_JITTER_MS": str(args.jitter_ms),
        "DEMO_LARGE_DOCUMENT_MB": str(args.large_document_mb),
        "DEMO_BENCH_RESIDENTS": "true",
    }
    production = args.shape == "production"
    proxy = None
    if production:
        from bench.production import NginxProxy, ensure_packages

        ensure_packages()
        proxy = NginxProxy(directory / "nginx")
    stack = BenchStack(
        bench_stack_settings(directory, extra_env=generated_secrets()),
        gunicorn=GunicornSettings(workers=args.workers, threads=args.threads),
        instances=2 if production else 1,
        workers=2 if production else 0,
        proxy=proxy,
        backoffice_env=backoffice_env,
    )
    try:
        if production:
            from bench.production import start_postgres, start_redis

            say("PostgreSQL en Redis starten...")
            database_url = start_postgres(stack, directory)
            redis_url = start_redis(stack, directory)
            stack.settings = dataclasses.replace(
                stack.settings,
                database_url=database_url,
                extra_env={**stack.settings.extra_env, "REDIS_URL": redis_url},
            )
        say(
            f"Stack starten ({args.shape}): back office, OIDC, {len(VARIANTS)} portalvarianten onder gunicorn..."
        )
        stack.start()
        return measure_all(args, stack)
    finally:
        stack.stop()


def measure_all(args: argparse.Namespace, stack: BenchStack) -> dict[str, Any]:
    backoffice = Backoffice(stack.backoffice_url)
    backoffice.set_latency(0, 0)
    backoffice.set_cost_model(args.cost_model)
    results: dict[str, Any] = {"sizes": {}}
    for resident in RESIDENTS:
        size: dict[str, Any] = {"bsn": resident.bsn, "pages": {}}
        results["sizes"][str(resident.zaken)] = size
        for page in PAGE_NAMES:
            path = resident.pages()[page]
            size["pages"][page] = {"path": path}
            for variant in _variants(args, resident.zaken):
                say(f"  {page}, {resident.zaken} zaken, op {variant}: {args.runs} keer...")
                figure = measure_page(
                    stack.portals[variant].url,
                    path,
                    backoffice,
                    runs=args.runs,
                    warmup=args.warmup,
                    bsn=resident.bsn,
                )
                size["pages"][page][variant] = figure.as_dict()
    backoffice.clear_log()
    results["throughput"] = {}
    mix = [(resident.bsn, list(resident.pages().values())) for resident in RESIDENTS]
    for variant in ("ours", "baseline"):
        say(f"  doorvoer op {variant}: {args.clients} inwoners, {args.seconds:.0f} s...")
        results["throughput"][variant] = measure_throughput(
            stack.portals[variant].url, clients=args.clients, seconds=args.seconds, residents=mix
        ).as_dict()
        backoffice.clear_log()
    if args.large_document_mb > 0:
        results["download"] = {}
        for variant in ("ours", "baseline"):
            say(f"  download van {args.large_document_mb} MB op {variant}...")
            results["download"][variant] = measure_download(
                stack.portals[variant].url,
                lambda v=variant: stack.worker_pids(v),
                expected_bytes=args.large_document_mb * 1024 * 1024,
            ).as_dict()
    if args.latency_ms > 0:
        backoffice.set_cost_model("")
        backoffice.set_latency(args.latency_ms, args.jitter_ms)
        results["pages"] = {}
        for page, path in PAGES.items():
            results["pages"][page] = {"path": path}
            for variant in ("cold", "ours", "baseline"):
                say(f"  {page} op {variant}, {args.latency_ms:g} ms per call: {args.runs} keer...")
                figure = measure_page(
                    stack.portals[variant].url, path, backoffice, runs=args.runs, warmup=args.warmup
                )
                results["pages"][page][variant] = figure.as_dict()
        backoffice.set_latency(0, 0)
        backoffice.set_cost_model(args.cost_model)
    backoffice.clear_log()
    return results


def _variants(args: argparse.Namespace, zaken: int) -> tuple[str, ...]:
    """Every variant; --quick keeps the baseline to 25 zaken (it takes seconds a view)."""
    if args.quick and zaken != 25:
        return ("cold", "ours")
    return ("cold", "ours", "baseline")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)
    directory = Path(tempfile.mkdtemp(prefix="mijnomgeving-bench-"))
    started = time.monotonic()
    try:
        figures = run(args, directory)
    except (BenchError, StackError) as error:
        say(f"\nDe benchmark is mislukt: {error}\nLogbestanden: {directory / 'logs'}", error=True)
        args.keep = True
        return 1
    except KeyboardInterrupt:
        say("\nAfgebroken.", error=True)
        return 130
    finally:
        if not args.keep:
            shutil.rmtree(directory, ignore_errors=True)
    found = targets(figures)
    results = {
        "generated_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "duration_seconds": round(time.monotonic() - started, 1),
        "machine": machine(),
        "settings": {
            "shape": args.shape,
            "cost_model": args.cost_model,
            "latency_ms": args.latency_ms,
            "jitter_ms": args.jitter_ms,
            "large_document_mb": args.large_document_mb,
            "runs": args.runs,
            "warmup": args.warmup,
            "clients": args.clients,
            "throughput_seconds": args.seconds,
            "gunicorn": {
                "workers": args.workers,
                "threads": args.threads,
                "worker_class": "gthread",
                "instances_per_variant": 2 if args.shape == "production" else 1,
            },
            "variants": VARIANTS,
        },
        **figures,
        "targets": [target.as_dict() for target in found],
        "all_targets_hold": all(target.holds for target in found),
    }
    args.output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    m = results["machine"]
    say(
        f"\nMijnZaken benchmark, shape {args.shape}, back office cost model {args.cost_model} "
        f"(flat-latency figures: {args.latency_ms:g} ± {args.jitter_ms:g} ms), "
        f"{args.runs} runs per figure\n"
        f"Machine: {m['cpu']}, {m['cores']} cores, {(m['memory_bytes'] or 0) / 2**30:.0f} GiB, Python {m['python']}\n"
    )
    header, rows = size_rows(results)
    say(format_table(header, rows))
    say("")
    say(format_table(("figure", "ours", "baseline", "baseline / ours"), table_rows(results)))
    say("")
    say(targets_table(found))
    say(f"\nResultaten: {args.output}")
    if args.output.parent == ROOT / "bench" and update_readme(
        ROOT / "README.md",
        [ROOT / "bench" / "results.json", ROOT / "bench" / "results-production.json"],
    ):
        say("De tabel in README.md is bijgewerkt.")
    return 0 if results["all_targets_hold"] else 2


if __name__ == "__main__":
    sys.exit(main())
