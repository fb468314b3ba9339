"""The benchmark's residents (demo/backoffice/seed/bench.py): 3 and 120 zaken built alike,
seeded only when asked, and known to the benchmark's OIDC provider."""

from collections import Counter
from datetime import date

import pytest

from bench.measure import RESIDENTS
from bench.stack import BENCH_LOGINS
from demo.backoffice.seed import Seed, build_seed, uid
from demo.backoffice.seed.bench import FEW, MANY, case_key
from mijnomgeving.accounts.bsn import elfproef

TODAY = date(2026, 11, 22)


@pytest.fixture(scope="module")
def seed() -> Seed:
    return build_seed(TODAY, bench_residents=True)


def zaken_of(seed: Seed, bsn: str) -> list:
    return [
        seed.zaken[rol.zaak]
        for rol in seed.rollen.values()
        if rol.betrokkene_identificatie.get("inpBsn") == bsn
    ]


@pytest.mark.parametrize(("person", "total", "closed"), [(FEW, 3, 1), (MANY, 120, 30)])
def test_each_has_its_zaken_open_and_closed(seed, person, total, closed):
    zaken = zaken_of(seed, person.bsn)

    assert len(zaken) == total
    assert sum(zaak.einddatum is not None for zaak in zaken) == closed
    assert all((zaak.resultaat is not None) == (zaak.einddatum is not None) for zaak in zaken)


def test_the_many_spread_over_two_years_and_the_four_zaaktypen(seed):
    zaken = zaken_of(seed, MANY.bsn)
    types = Counter(seed.catalogi.zaaktypen[zaak.zaaktype].identificatie for zaak in zaken)
    started = sorted(zaak.startdatum for zaak in zaken)
    closed = sorted(zaak.startdatum for zaak in zaken if zaak.einddatum is not None)

    assert set(types) == {
        "PARKEERVERGUNNING",
        "OMGEVINGSVERGUNNING",
        "BIJZONDERE-BIJSTAND",
        "EVENEMENTENVERGUNNING",
    }
    assert min(types.values()) >= 25
    assert (started[-1] - started[0]).days >= 700
    assert (closed[-1] - closed[0]).days >= 600  # spread, not all the oldest


@pytest.mark.parametrize("person", [FEW, MANY])
def test_each_case_has_eight_statuses_and_ten_documents(seed, person):
    case = uid(f"zaak:{case_key(person)}")

    assert sum(status.zaak == case for status in seed.statussen.values()) == 8
    assert sum(zio.zaak == case for zio in seed.zios.values()) == 10


def test_the_normal_seed_leaves_them_out():
    seed = build_seed(TODAY)

    assert zaken_of(seed, FEW.bsn) == [] and zaken_of(seed, MANY.bsn) == []


def test_the_benchmark_logs_them_in_and_measures_three_sizes():
    claims = [login.claims() for login in BENCH_LOGINS]

    assert {c["bsn"] for c in claims} == {FEW.bsn, MANY.bsn}
    assert all(elfproef(c["bsn"]) and c["sub"] == c["bsn"] for c in claims)
    assert [resident.zaken for resident in RESIDENTS] == [3, 25, 120]
    assert RESIDENTS[2].case == str(uid(f"zaak:{case_key(MANY)}"))
