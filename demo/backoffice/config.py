"""The demo back office's knobs, all from the environment (read when the seed is built)."""

import os
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

# Open Zaak's JWT_EXPIRY (1 hour) and a small leeway for clock drift between processes.
JWT_EXPIRY_SECONDS = 3600
JWT_LEEWAY_SECONDS = 5


@dataclass(frozen=True, slots=True)
class Config:
    client_id: str
    secret: str
    latency_ms: float
    latency_jitter_ms: float
    large_document_mb: int
    today: date
    bench_residents: bool = False


# The municipality's clock: dates and times residents and staff see are Dutch ones.
NETHERLANDS = ZoneInfo("Europe/Amsterdam")


def municipal_today() -> date:
    """Today in the Netherlands: the seed's dates and the portal (TIME_ZONE Europe/Amsterdam)
    agree also between midnight there and midnight UTC. Every process uses this, not
    date.today(), whose answer depends on the process's TZ (Django sets it in the portal)."""
    return datetime.now(NETHERLANDS).date()


def _number(name: str, default: str) -> float:
    raw = os.environ.get(name, default)
    try:
        value = float(raw)
    except ValueError as error:
        raise ValueError(f"{name} must be a number, got {raw!r}.") from error
    if value < 0:
        raise ValueError(f"{name} must not be negative, got {raw!r}.")
    return value


def from_environment() -> Config:
    """DEMO_ZGW_CLIENT_ID, DEMO_ZGW_SECRET, DEMO_LATENCY_MS, DEMO_LATENCY_JITTER_MS,
    DEMO_LARGE_DOCUMENT_MB, DEMO_TODAY (ISO date the seed treats as today; default: today
    in the Netherlands) and DEMO_BENCH_RESIDENTS (true: seed the benchmark's residents of 3
    and 120 zaken). DEMO_COST_MODEL is read by demo/backoffice/costs.py."""
    today = os.environ.get("DEMO_TODAY", "")
    return Config(
        client_id=os.environ.get("DEMO_ZGW_CLIENT_ID", "mijnomgeving-demo"),
        secret=os.environ.get("DEMO_ZGW_SECRET", "mijnomgeving-demo-secret-for-local-use-only"),
        latency_ms=_number("DEMO_LATENCY_MS", "0"),
        latency_jitter_ms=_number("DEMO_LATENCY_JITTER_MS", "0"),
        large_document_mb=int(_number("DEMO_LARGE_DOCUMENT_MB", "0")),
        today=date.fromisoformat(today) if today else municipal_today(),
        bench_residents=os.environ.get("DEMO_BENCH_RESIDENTS", "").strip().lower()
        in ("1", "true", "yes", "on"),
    )
