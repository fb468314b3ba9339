"""Summaries of repeated timings: median, p95, ratios. Pure functions, tested."""

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any


def percentile(values: Sequence[float], fraction: float) -> float:
    """The `fraction` (0..1) percentile by linear interpolation between closest ranks.

    The same definition as numpy's default and Python's statistics.quantiles(method="inclusive"):
    the median of [1, 2, 3, 4] is 2.5, its p95 3.85.
    """
    if not values:
        raise ValueError("percentile of no values")
    if not 0 <= fraction <= 1:
        raise ValueError(f"fraction must be within 0..1, got {fraction}")
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def median(values: Sequence[float]) -> float:
    return percentile(values, 0.5)


@dataclass(frozen=True, slots=True)
class Timing:
    """Milliseconds of n repeated runs of one thing."""

    n: int
    median_ms: float
    p95_ms: float
    min_ms: float
    max_ms: float

    @classmethod
    def of(cls, samples_ms: Sequence[float]) -> "Timing":
        return cls(
            n=len(samples_ms),
            median_ms=median(samples_ms),
            p95_ms=percentile(samples_ms, 0.95),
            min_ms=min(samples_ms),
            max_ms=max(samples_ms),
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            key: round(value, 1) if isinstance(value, float) else value
            for key, value in asdict(self).items()
        }


def ratio(baseline: float, ours: float) -> float | None:
    """How many times `ours` is faster (or smaller) than `baseline`; None when ours is 0."""
    if ours <= 0:
        return None
    return baseline / ours
