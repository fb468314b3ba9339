"""Upstream calls and dependent round trips per MijnZaken page (issue 6): budgets, not timings.

First the counting itself is tested, on synthetic logs and on the real back office; then the
overview and the case page are measured against the demo back office over HTTP, with Open
Zaak's expand on and off, a cold and a warm catalogi cache, so that a regression to per-case
sequential fetching fails the suite.
"""

import itertools
import random
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.urls import reverse

from demo.backoffice.seed import uid
from mijnomgeving.accounts.identity import Identity, pseudonym, resident_actor
from mijnomgeving.clients.base import parallel_map
from mijnomgeving.clients.zgw import build_zgw_clients
from tests.fixtures.backoffice import DemoBackoffice
from tests.fixtures.oidc import log_in_resident
from tests.fixtures.roundtrips import (
    LoggedRequest,
    Measured,
    RoundTripMeter,
    critical_path,
    page_cost,
)

# --- The counting, on synthetic logs -------------------------------------------------------


def entry(start: float, end: float, path: str = "/zaken/api/v1/zaken", **extra: object) -> dict:
    return {"method": "GET", "path": path, "started_ms": start, "ended_ms": end, **extra}


def test_no_requests_cost_nothing() -> None:
    cost = page_cost([])

    assert (cost.calls, cost.round_trips) == (0, 0)


def test_requests_in_flight_together_are_one_round_trip() -> None:
    log = [entry(0 + i, 50 + i, f"/zaken/api/v1/statussen?zaak={i}") for i in range(25)]

    cost = page_cost(log)

    assert (cost.calls, cost.round_trips) == (25, 1)


@pytest.mark.parametrize("n", [1, 2, 7, 25])
def test_strictly_sequential_requests_are_each_a_round_trip(n: int) -> None:
    log = [entry(60 * i, 60 * i + 50, f"/zaken/api/v1/zaken/{i}") for i in range(n)]

    assert page_cost(log).round_trips == n


def test_a_request_that_starts_the_moment_another_ends_depends_on_it() -> None:
    assert page_cost([entry(0, 50), entry(50, 100)]).round_trips == 2
    assert page_cost([entry(0, 50), entry(49.999, 100)]).round_trips == 1


def test_a_list_then_everything_it_needs_in_parallel_is_two_waves() -> None:
    log = [
        entry(
            0, 45, "/zaken/api/v1/zaken?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=x"
        )
    ]
    log += [entry(47 + i % 3, 95 + i, f"/zaken/api/v1/statussen/{i}") for i in range(10)]
    log += [
        entry(48, 96, "/catalogi/api/v1/zaaktypen/a"),
        entry(48.5, 97, "/catalogi/api/v1/zaaktypen/b"),
    ]

    cost = page_cost(log)

    assert (cost.calls, cost.round_trips) == (13, 2)
    assert cost.critical_path[0].path.startswith("/zaken/api/v1/zaken?")


def test_a_bounded_pool_of_ten_makes_twenty_five_calls_three_waves() -> None:
    # parallel_map with UPSTREAM_MAX_PARALLEL=10: the 11th call starts when a slot frees up.
    log = [entry(wave * 50 + i * 0.1, wave * 50 + 49 + i * 0.1, f"/x/{wave}/{i}") for wave in range(3) for i in range(10)][:25]  # fmt: skip

    assert page_cost(log).round_trips == 3


def test_a_long_request_does_not_hide_a_chain_of_short_ones_beside_it() -> None:
    # Greedy "earliest start first" would take the long request and count 1.
    log = [entry(0, 100, "/long")] + [entry(1 + 2 * i, 2 + 2 * i, f"/short/{i}") for i in range(4)]

    cost = page_cost(log)

    assert cost.round_trips == 4
    assert [r.path for r in cost.critical_path] == [f"/short/{i}" for i in range(4)]


def test_an_overlapping_mess_counts_its_longest_chain() -> None:
    spans = {
        "a": (0, 10),
        "b": (5, 15),
        "c": (10, 20),  # after a
        "d": (12, 14),  # after a, overlaps c
        "e": (16, 30),  # after d and b, overlaps c
        "f": (21, 25),  # after c
        "g": (26, 40),  # after f and i
        "h": (31, 35),  # after e and f
        "i": (14, 26),  # after d, overlaps e
    }  # longest chains have 4: a c f g, a d i g, a d e h, ...; nothing fits between d and f
    log = [entry(start, end, f"/{name}") for name, (start, end) in spans.items()]
    random.Random(3).shuffle(log)  # the log order does not matter

    cost = page_cost(log)

    assert cost.round_trips == 4
    path = cost.critical_path
    assert all(later.started_ms >= earlier.ended_ms for earlier, later in itertools.pairwise(path))


def test_critical_path_is_the_longest_of_all_chains_on_random_logs() -> None:
    generator = random.Random(42)
    for _ in range(200):
        requests = []
        for i in range(generator.randint(1, 9)):
            start = generator.uniform(0, 100)
            requests.append(LoggedRequest("GET", f"/{i}", start, start + generator.uniform(0, 40)))

        assert len(critical_path(requests)) == _longest_chain_by_brute_force(requests)


def _longest_chain_by_brute_force(requests: list[LoggedRequest]) -> int:
    def longest_after(last: LoggedRequest | None, remaining: frozenset[int]) -> int:
        options = [
            1 + longest_after(requests[i], remaining - {i})
            for i in remaining
            if last is None or requests[i].started_ms >= last.ended_ms
        ]
        return max(options, default=0)

    return longest_after(None, frozenset(range(len(requests))))


def test_duplicates_user_ids_and_resources_come_from_the_log() -> None:
    log = [
        entry(0, 5, "/zaken/api/v1/zaken/1?expand=status", user_id="inwoner:abc"),
        entry(6, 9, "/catalogi/api/v1/zaaktypen/z", user_id="inwoner:abc"),
        entry(6, 9, "/catalogi/api/v1/zaaktypen/z", user_id="inwoner:abc"),
        entry(6, 9, "/catalogi/api/v1/zaaktypen/y", user_id="inwoner:abc"),
    ]

    cost = page_cost(log)

    assert cost.duplicates() == {"GET /catalogi/api/v1/zaaktypen/z": 2}
    assert cost.user_ids() == {"inwoner:abc"}
    assert cost.by_api() == {"zaken/zaken": 1, "catalogi/zaaktypen": 3}
    assert "4 calls, 2 dependent round trips" in cost.describe()


def test_a_request_still_streaming_is_an_error_not_a_silent_zero() -> None:
    with pytest.raises(ValueError, match="has not ended"):
        page_cost([{**entry(0, 1), "ended_ms": None}])


# --- The counting, on the real back office with injected latency ----------------------------


@pytest.fixture
def backoffice_clients(make_zgw_services: Callable, demo_backoffice: DemoBackoffice):
    make_zgw_services(
        api_root_base=demo_backoffice.base_url,
        client_id=demo_backoffice.client_id,
        secret=demo_backoffice.secret,
    )
    return build_zgw_clients(resident_actor(Identity(bsn=SIERRA)))


def test_the_meter_counts_parallel_calls_as_one_and_sequential_calls_each(
    backoffice_clients, roundtrip_meter: RoundTripMeter, settings
) -> None:
    zaken = backoffice_clients.zaken
    uuids = [uid(f"zaak:sierra-{n:02d}") for n in range(1, 7)]

    parallel = roundtrip_meter.measure(lambda: parallel_map(zaken.zaak, uuids))
    sequential = roundtrip_meter.measure(lambda: [zaken.zaak(uuid) for uuid in uuids[:3]])
    settings.UPSTREAM_PARALLEL = False
    baseline = roundtrip_meter.measure(lambda: parallel_map(zaken.zaak, uuids))

    assert (parallel.cost.calls, parallel.cost.round_trips) == (6, 1), parallel.cost.describe()
    assert (sequential.cost.calls, sequential.cost.round_trips) == (3, 3), (
        sequential.cost.describe()
    )
    assert (baseline.cost.calls, baseline.cost.round_trips) == (6, 6), baseline.cost.describe()


# --- The MijnZaken pages against the demo back office ---------------------------------------

SIERRA = "999991954"  # 25 zaken: 7 open, 18 closed
SUZANNE = "999993653"  # 3 visible zaken, 2 of them open
EVENEMENT = uid("zaak:sierra-evenement")  # 8 statuses, 10 visible documents (11 linked)

PAGES = {
    "overview": ("zaken:list", {}),
    "closed": ("zaken:list-closed", {}),
    "case": ("zaken:detail", {"uuid": str(EVENEMENT)}),
    "dashboard": ("dashboard", {}),
}


@dataclass(frozen=True)
class Budget:
    calls: int  # exact: a change in either direction is worth a look
    round_trips: int  # at most


def budget(page: str, expand: bool, warm: bool, calls: int, round_trips: int, *, measured: int = 0):
    """One parametrized case; `measured` > round_trips marks a budget the code misses today."""
    marks = []
    if measured > round_trips:
        marks.append(
            pytest.mark.xfail(
                strict=True,
                reason=f"measured {measured} dependent round trips, budget {round_trips} (see report)",
            )
        )
    return pytest.param(
        page, expand, warm, Budget(calls, round_trips), marks=marks,
        id=f"{page}-{'expand' if expand else 'no-expand'}-{'warm' if warm else 'cold'}",
    )  # fmt: skip


@pytest.fixture
def portal(client, make_zgw_services, demo_backoffice: DemoBackoffice):
    """The portal pointed at the demo back office; log in with log_in_resident(portal, bsn)."""
    make_zgw_services(
        api_root_base=demo_backoffice.base_url,
        client_id=demo_backoffice.client_id,
        secret=demo_backoffice.secret,
    )
    return client


def view(meter: RoundTripMeter, client, url: str, *, warm: bool) -> Measured:
    """One page view, measured; cold: an empty cache, warm: right after the same page."""
    cache.clear()
    if warm:
        assert client.get(url).status_code == 200
    measured = meter.measure(lambda: client.get(url))
    assert measured.result.status_code == 200, measured.result.content[:500]
    return measured


def page_url(page: str) -> str:
    name, kwargs = PAGES[page]
    return reverse(name, kwargs=kwargs)


# Budgets as measured for Sierra (25 zaken) and sierra-evenement (8 statuses, 11 linked
# documents of which 10 visible). Issue 9: on real Open Zaak `expand` on a list costs ~50 ms
# per zaak, so a list page no longer expands its rows (only their rollen, to check each row
# against the person, and not even those once the session saw them): warm it is the page of
# zaken beside the count of the other half (2 calls at once); the status (or result) of each
# row comes from the row cache (a status never changes; clients/row_cache.py). Cold adds the
# catalogus's zaaktypen before (they decide the query) and, with expand, one search for the
# rows with their status (or result) embedded beside the statustypen or resultaattypen of the
# page's 4 zaaktypen: 8 calls in 3 round trips. Without expand that search is a call per row
# (7 open rows, 10 closed ones): 3 dependent
# round trips, measured as 4 because the third round holds 11-14 calls and
# UPSTREAM_MAX_PARALLEL is 10. The calls no longer grow with the number of zaken a person
# has (tests/zaken/test_overview_services.py checks 120). The dashboard looks at the 8 most
# recently started open zaken and the most recently closed one. The case page fetches the
# zaak, its statussen and its documents at once (the zaak's URL follows from its UUID), then
# the catalogi it points at: 2 round trips cold, 1 warm. Call counts are pinned: a change in
# the way a page fetches shows up here first. When a number changes on purpose, measure it
# again and say why in the commit.
BUDGETS = [
    budget("overview", True, False, calls=8, round_trips=3),
    budget("overview", True, True, calls=2, round_trips=1),
    budget("overview", False, False, calls=14, round_trips=4),
    budget("overview", False, True, calls=2, round_trips=1),
    budget("closed", True, False, calls=8, round_trips=3),
    budget("closed", True, True, calls=2, round_trips=1),
    budget("closed", False, False, calls=17, round_trips=4),
    budget("closed", False, True, calls=2, round_trips=1),
    budget("case", True, False, calls=11, round_trips=2),
    budget("case", True, True, calls=3, round_trips=1),
    budget("case", False, False, calls=16, round_trips=3),
    budget("case", False, True, calls=6, round_trips=2),
    budget("dashboard", True, False, calls=8, round_trips=3),
    budget("dashboard", True, True, calls=2, round_trips=1),
    budget("dashboard", False, False, calls=15, round_trips=4),
    budget("dashboard", False, True, calls=2, round_trips=1),
]


@pytest.mark.parametrize(("page", "expand", "warm", "expected"), BUDGETS)
def test_page_stays_within_its_call_and_round_trip_budget(
    portal,
    roundtrip_meter: RoundTripMeter,
    settings,
    page: str,
    expand: bool,
    warm: bool,
    expected: Budget,
) -> None:
    settings.ZAKEN_USE_EXPAND = expand
    log_in_resident(portal, SIERRA)

    cost = view(roundtrip_meter, portal, page_url(page), warm=warm).cost

    assert cost.duplicates() == {}, cost.describe()
    assert cost.user_ids() == {pseudonym(Identity(bsn=SIERRA))}, "JWT user_id must be the pseudonym"
    assert not any(
        SIERRA in (r.user_id or "") + (r.user_representation or "") for r in cost.requests
    )
    assert cost.calls == expected.calls, cost.describe()
    assert cost.round_trips <= expected.round_trips, cost.describe()


def test_without_parallel_calls_the_round_trips_grow_with_the_number_of_cases(
    portal, roundtrip_meter: RoundTripMeter, settings
) -> None:
    """The sequential baseline of issue 6: the same budget would fail, and fail more per case."""
    settings.UPSTREAM_PARALLEL = False
    settings.ZAKEN_USE_EXPAND = False
    costs = {}
    for bsn in (SUZANNE, SIERRA):  # 2 and 7 open zaken
        log_in_resident(portal, bsn)
        costs[bsn] = view(roundtrip_meter, portal, page_url("overview"), warm=False).cost

    assert all(cost.round_trips == cost.calls for cost in costs.values())  # one after another
    assert costs[SUZANNE].round_trips > 3
    assert costs[SIERRA].round_trips >= costs[SUZANNE].round_trips + 5  # one more per open zaak
