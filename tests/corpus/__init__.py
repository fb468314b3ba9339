"""The recorded exchanges of real Open Zaak and Open Notificaties (tests/corpus/realzgw)."""

import functools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REALZGW = Path(__file__).parent / "realzgw"
# Hosts as the corpus normalised them.
OPENZAAK = "https://openzaak.gemeente.example"
OPENNOTIFICATIES = "https://opennotificaties.gemeente.example"


@dataclass(frozen=True)
class Exchange:
    """One recorded request and the answer the real server gave."""

    scenario: str
    method: str
    path: str  # path and query, as sent
    request_headers: dict[str, str]
    request_body: Any  # {"json": …} or None
    status: int
    headers: dict[str, str]
    body: Any  # {"json": …} | {"text": …} | {"binary": …} | None
    server_ms: float
    truncated: dict[str, Any] | None

    @property
    def json(self) -> Any:
        return (self.body or {}).get("json")


@functools.cache
def scenario(name: str) -> dict[str, Any]:
    """One scenario file, parsed (`name` without `.json`)."""
    return json.loads((REALZGW / f"{name}.json").read_text())


def scenario_names(prefix: str = "") -> list[str]:
    return sorted(
        path.stem
        for path in REALZGW.glob(f"{prefix}*.json")
        if path.stem not in ("timings", "standin-differences")
    )


def _exchanges_of(name: str, items: list[dict[str, Any]]) -> Iterator[Exchange]:
    for item in items:
        request, response = item["request"], item["response"]
        yield Exchange(
            scenario=name,
            method=request["method"],
            path=request["path"],
            request_headers=request.get("headers") or {},
            request_body=request.get("body"),
            status=response["status"],
            headers=response.get("headers") or {},
            body=response.get("body"),
            server_ms=item.get("server_ms", 0.0),
            truncated=item.get("response_truncated"),
        )


def exchanges(name: str) -> list[Exchange]:
    """Every exchange of a scenario, attempts of an idor file included, in recorded order."""
    data = scenario(name)
    items = list(data.get("exchanges", []))
    for attempt in data.get("attempts", []):
        items.extend(attempt.get("exchanges", []))
    return list(_exchanges_of(name, items))


def all_exchanges() -> list[Exchange]:
    """Every recorded exchange with Open Zaak or Open Notificaties, over all scenarios."""
    return [exchange for name in scenario_names() for exchange in exchanges(name)]


def timings() -> dict[str, Any]:
    return json.loads((REALZGW / "timings.json").read_text())["timings"]
