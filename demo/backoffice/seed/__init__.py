"""The deterministic demo data: one catalogus and the zaken of a handful of test residents.

UUIDs are uuid5 of fixed names (`uid("zaak:suzanne-parkeervergunning")`), so they are the
same in every run. Dates are relative to `today` (see `config.today()`); document bytes do
not depend on the date.
"""

from datetime import date

from demo.backoffice.seed.bench import add_bench_residents
from demo.backoffice.seed.builder import Seed, SeedBuilder
from demo.backoffice.seed.catalogus import build_catalogi, uid
from demo.backoffice.seed.residents import add_mary, add_sierra, add_stichting, add_suzanne

__all__ = ["Seed", "build_seed", "uid"]


def build_seed(today: date, *, large_document_mb: int = 0, bench_residents: bool = False) -> Seed:
    """The seed; `bench_residents` adds the benchmark's residents of 3 and 120 zaken."""
    builder = SeedBuilder(build_catalogi(), today)
    add_suzanne(builder)
    add_mary(builder)
    add_sierra(builder, large_document_mb)
    add_stichting(builder)
    if bench_residents:
        add_bench_residents(builder)
    return builder.seed
