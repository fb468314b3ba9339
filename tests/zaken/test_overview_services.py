"""zaken_list_for and zaken_summary_for against an in-memory Open Zaak (requests-mock)."""

from datetime import date

import pytest
from django.core.cache import cache

from mijnomgeving.accounts.identity import Identity
from mijnomgeving.clients.base import UpstreamError
from mijnomgeving.clients.calls import record_upstream_calls
from mijnomgeving.clients.zaken_resources import Status
from tests.factories import zgw
from tests.factories.zgw import TEST_BSN
from tests.zaken.zgw_world import ZgwWorld
from zaken.models import StatusChange
from zaken.services import PAGE_SIZE, zaken_list_for, zaken_summary_for
from zaken.services.changes import status_change_record


@pytest.fixture(params=[True, False], ids=["expand", "no-expand"])
def expand(request: pytest.FixtureRequest, settings) -> bool:
    settings.ZAKEN_USE_EXPAND = request.param
    return request.param


def open_list(identity: Identity, page: int = 1):
    return zaken_list_for(identity=identity, status="open", page=page)


def closed_list(identity: Identity, page: int = 1):
    return zaken_list_for(identity=identity, status="closed", page=page)


def uuids(overview) -> list[str]:
    return [str(zaak.uuid) for zaak in overview.zaken]


# --- Visibility (docs/standards.md §3.2) ---------------------------------------------------------------


def test_an_extern_zaak_shows_and_an_intern_zaaktype_hides_it(
    world: ZgwWorld, identity, expand
) -> None:
    shown = world.add_zaak()
    intern = world.add_zaaktype(indicatieInternOfExtern="intern")
    world.add_zaak(zaaktype=intern)

    overview = open_list(identity)

    assert uuids(overview) == [shown["uuid"]]
    assert overview.open_count == 1


@pytest.mark.parametrize(
    ("level", "shown"),
    [
        ("openbaar", True),
        ("zaakvertrouwelijk", True),  # at the maximum (the default setting)
        ("vertrouwelijk", False),  # one above
        ("geheim", False),
    ],
)
def test_the_zaak_vertrouwelijkheid_maximum_is_a_threshold(
    world: ZgwWorld, identity, expand, level: str, shown: bool
) -> None:
    zaak = world.add_zaak(vertrouwelijkheidaanduiding=level)

    assert uuids(open_list(identity)) == ([zaak["uuid"]] if shown else [])


def test_the_maximum_comes_from_the_setting(world: ZgwWorld, identity, settings) -> None:
    settings.ZAAK_MAX_VERTROUWELIJKHEID = "openbaar"
    world.add_zaak(vertrouwelijkheidaanduiding="beperkt_openbaar")
    public = world.add_zaak(vertrouwelijkheidaanduiding="openbaar")

    assert uuids(open_list(identity)) == [public["uuid"]]


def test_a_zaak_without_status_hides_unless_the_setting_shows_it(
    world: ZgwWorld, identity, settings, expand
) -> None:
    zaak = world.add_zaak(statussen=[])

    assert open_list(identity).open_count == 0

    settings.SHOW_ZAKEN_WITHOUT_STATUS = True
    overview = open_list(identity)
    assert uuids(overview) == [zaak["uuid"]]
    summary = overview.zaken[0]
    assert (summary.has_status, summary.status_unavailable) == (False, False)


def test_a_resident_without_zaken_gets_an_empty_overview(world: ZgwWorld, identity) -> None:
    overview = open_list(identity)

    assert overview.has_no_zaken_at_all and overview.is_empty
    assert (overview.page, overview.num_pages) == (1, 1)


def test_the_zaken_of_someone_else_are_not_listed(world: ZgwWorld, identity) -> None:
    world.add_zaak(bsn="999990755")

    assert open_list(identity).has_no_zaken_at_all


def test_a_back_office_that_ignores_the_bsn_filter_still_lists_only_own_zaken(
    world: ZgwWorld, identity, settings
) -> None:
    settings.ZAKEN_USE_EXPAND = True  # the rollen come with the list
    world.ignore_betrokkene_filter = True
    own = world.add_zaak(statussen=[1, 2])
    world.add_zaak(bsn="999990755", statussen=[1, 2], omschrijving="Van Mary")

    overview = open_list(identity)

    assert uuids(overview) == [own["uuid"]]
    assert zaken_summary_for(identity=identity).open_count == 1


# --- What a row shows ---------------------------------------------------------------------------


def test_an_open_row_shows_status_text_dates_and_type(world: ZgwWorld, identity, expand) -> None:
    world.add_zaak(statussen=[1, 2], omschrijving="Dakkapel Lindelaan 3", startdatum="2024-03-01")

    [row] = open_list(identity).zaken

    assert row.title == "Dakkapel Lindelaan 3"
    assert row.zaaktype_label == "Omgevingsvergunning"
    assert row.status_label == "We beoordelen uw aanvraag."  # statustekst of step 2
    assert row.startdatum == date(2024, 3, 1)
    assert row.expected_date == date(2024, 4, 26)  # einddatumGepland
    assert (row.is_closed, row.status_unavailable) == (False, False)


def test_the_status_text_falls_back_to_the_omschrijving(world: ZgwWorld, identity, expand) -> None:
    zaaktype = world.add_zaaktype()
    for statustype in world.statustypen_of(zaaktype):
        statustype["statustekst"] = ""
    world.add_zaak(zaaktype=zaaktype, statussen=[1])

    [row] = open_list(identity).zaken

    assert row.status_label == "Ontvangen"  # statustekst blank: the omschrijving


@pytest.mark.parametrize(
    ("gepland", "uiterlijk", "expected"),
    [
        ("2024-04-26", "2024-05-01", date(2024, 4, 26)),  # einddatumGepland first
        (None, "2024-05-01", date(2024, 5, 1)),  # then uiterlijkeEinddatumAfdoening
        (None, None, date(2024, 4, 26)),  # then startdatum + doorlooptijd (P56D)
    ],
)
def test_the_expected_date_falls_back_in_order(
    world: ZgwWorld, identity, expand, gepland, uiterlijk, expected
) -> None:
    world.add_zaak(
        startdatum="2024-03-01", einddatumGepland=gepland, uiterlijkeEinddatumAfdoening=uiterlijk
    )

    assert open_list(identity).zaken[0].expected_date == expected


def test_a_closed_row_shows_the_result_and_end_date(world: ZgwWorld, identity, expand) -> None:
    world.add_zaak(statussen=[1, 2, 3], status_dates=[
        "2024-03-01T09:00:00Z", "2024-03-04T09:00:00Z", "2024-04-02T14:00:00Z"
    ])  # fmt: skip

    overview = closed_list(identity)

    assert (overview.open_count, overview.closed_count) == (0, 1)
    [row] = overview.zaken
    assert row.is_closed and row.has_resultaat
    assert row.resultaat_label == "Verleend"
    assert row.einddatum == date(2024, 4, 2)
    assert not row.has_expected_date


def test_open_and_closed_are_separated_with_counts(world: ZgwWorld, identity, expand) -> None:
    open_zaak = world.add_zaak(statussen=[1])
    closed_zaak = world.add_zaak(statussen=[1, 2, 3])

    assert uuids(open_list(identity)) == [open_zaak["uuid"]]
    assert uuids(closed_list(identity)) == [closed_zaak["uuid"]]
    assert (open_list(identity).open_count, open_list(identity).closed_count) == (1, 1)


@pytest.mark.parametrize("cache_seconds", [3600, 0], ids=["cached", "uncached"])
def test_hidden_zaaktypes_are_left_out_by_the_query_so_the_counts_are_right(
    world: ZgwWorld, identity, settings, cache_seconds
) -> None:
    # An intern zaaktype is hidden: the back office is asked only for the shown zaaktypen
    # (a zaaktype__in search), so its count is the number the resident can see.
    settings.CATALOGI_CACHE_SECONDS = cache_seconds
    world.add_zaak(statussen=[1])
    world.add_zaak(statussen=[1, 2, 3], zaaktype=world.add_zaaktype())
    intern = world.add_zaaktype(indicatieInternOfExtern="intern")
    world.add_zaak(statussen=[1, 2, 3], zaaktype=intern)
    world.add_zaak(statussen=[1], zaaktype=intern)

    overview = open_list(identity)

    assert (overview.open_count, overview.closed_count) == (1, 1)
    searches = [r.json() for r in world.mocker.request_history if r.path.endswith("/zaken/_zoek")]
    assert len(searches) == 2
    assert all(intern["url"] not in body["zaaktype__in"] for body in searches)


# --- Order and pagination -----------------------------------------------------------------------


def test_newest_first_in_pages_of_ten(world: ZgwWorld, identity, expand) -> None:
    made = [
        world.add_zaak(statussen=[1], startdatum=f"2024-{1 + n // 28:02d}-{1 + n % 28:02d}")
        for n in range(25)
    ]
    newest_first = [zaak["uuid"] for zaak in reversed(made)]

    pages = [open_list(identity, page) for page in (1, 2, 3)]

    assert PAGE_SIZE == 10
    assert [len(page.zaken) for page in pages] == [10, 10, 5]
    assert [uuid for page in pages for uuid in uuids(page)] == newest_first
    assert {(page.page, page.num_pages, page.open_count) for page in pages} == {
        (1, 3, 25),
        (2, 3, 25),
        (3, 3, 25),
    }


def test_a_page_out_of_range_gives_the_nearest_page(world: ZgwWorld, identity) -> None:
    for n in range(12):
        world.add_zaak(statussen=[1], startdatum=f"2024-03-{n + 1:02d}")

    assert open_list(identity, 99).page == 2
    assert open_list(identity, 0).page == 1


def test_per_case_details_are_fetched_for_the_current_page_only(
    world: ZgwWorld, identity, settings
) -> None:
    settings.ZAKEN_USE_EXPAND = False
    for n in range(25):
        world.add_zaak(statussen=[1], startdatum=f"2024-{1 + n // 28:02d}-{1 + n % 28:02d}")

    with record_upstream_calls() as calls:
        open_list(identity, 3)

    assert sum("/statussen/" in url for url in calls.urls()) == 5
    resident_calls = [url for url in calls.urls() if "/statussen/" in url]
    assert len(resident_calls) == len(set(resident_calls)), "no call repeated within one page"


@pytest.mark.parametrize("page", ["open", "closed", "dashboard"])
def test_the_calls_of_a_page_do_not_grow_with_the_number_of_zaken(
    world: ZgwWorld, identity, expand, page
) -> None:
    def calls_for(number: int) -> int:
        for n in range(number):
            world.add_zaak(  # every fourth one closed
                statussen=[1, 2][: 1 + n % 2] if n % 4 else [1, 2, 3],
                startdatum=f"{2023 + n // 336}-{1 + n // 28 % 12:02d}-{1 + n % 28:02d}",
            )
        cache.clear()
        with record_upstream_calls() as calls:
            if page == "dashboard":
                zaken_summary_for(identity=identity)
            else:
                zaken_list_for(identity=identity, status=page, page=1)  # type: ignore[arg-type]
        return calls.count

    calls_for(3)
    sixty = calls_for(57)
    hundred_twenty = calls_for(60)

    # Full pages either way: the same calls for 60 zaken as for 120 (with 3, fewer rows).
    assert hundred_twenty == sixty <= 15
    if expand:  # each row on the page comes with its rollen, nothing else is expanded
        zaken_calls = [r for r in world.mocker.request_history if r.path.endswith("/zaken")]
        assert {r.qs.get("expand", [""])[0] for r in zaken_calls} <= {"rollen", ""}


def test_expand_on_and_off_give_the_same_view_models(world: ZgwWorld, identity, settings) -> None:
    for n in range(14):
        world.add_zaak(statussen=[1, 2, 3][: 1 + n % 3], startdatum=f"2024-03-{n + 1:02d}")
    world.add_zaak(zaaktype=world.add_zaaktype(indicatieInternOfExtern="intern"))

    results = {}
    for setting in (True, False):
        settings.ZAKEN_USE_EXPAND = setting
        results[setting] = (
            [open_list(identity, page) for page in (1, 2)],
            closed_list(identity),
            zaken_summary_for(identity=identity),
        )

    assert results[True] == results[False]


# --- Failures -----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["timeout", "refused", "500", "invalid-json", "spec-violation"])
def test_a_failing_zaken_list_raises_never_an_empty_list(world: ZgwWorld, identity, kind) -> None:
    world.add_zaak()
    world.fail(r"/zaken/api/v1/zaken\?", kind)

    with pytest.raises(UpstreamError):
        open_list(identity)


def test_a_failing_zaaktype_fails_the_overview(world: ZgwWorld, identity, settings) -> None:
    settings.ZAKEN_USE_EXPAND = False
    world.add_zaak()
    world.fail(r"/zaaktypen", "500")

    with pytest.raises(UpstreamError):
        open_list(identity)


def test_one_failing_status_is_a_gap_in_its_row(world: ZgwWorld, identity, settings) -> None:
    settings.ZAKEN_USE_EXPAND = False
    broken = world.add_zaak(startdatum="2024-03-02")
    fine = world.add_zaak(startdatum="2024-03-01")
    world.fail(broken["status"].split("/")[-1], "timeout")

    rows = open_list(identity).zaken

    assert [(str(r.uuid), r.status_unavailable, r.has_status) for r in rows] == [
        (broken["uuid"], True, False),
        (fine["uuid"], False, True),
    ]


def test_one_failing_resultaat_is_a_gap_in_its_row(world: ZgwWorld, identity, settings) -> None:
    settings.ZAKEN_USE_EXPAND = False
    zaak = world.add_zaak(statussen=[1, 2, 3])
    world.fail(zaak["resultaat"].split("/")[-1], "500")

    [row] = closed_list(identity).zaken

    assert row.resultaat_unavailable and not row.has_resultaat


# --- The dashboard summary ---------------------------------------------------------------------


def test_the_summary_counts_open_zaken_and_finds_the_latest_change(
    world: ZgwWorld, identity, expand
) -> None:
    world.add_zaak(statussen=[1], status_dates=["2024-03-01T09:00:00Z"])
    latest = world.add_zaak(
        statussen=[1, 2], status_dates=["2024-02-01T09:00:00Z", "2024-03-05T10:00:00Z"],
        startdatum="2024-02-01", omschrijving="Dakkapel",
    )  # fmt: skip
    world.add_zaak(statussen=[1, 2, 3])  # closed on 2024-03-03
    world.add_zaak(
        zaaktype=world.add_zaaktype(indicatieInternOfExtern="intern"),
        statussen=[1],
        status_dates=["2025-01-01T09:00:00Z"],
    )  # fmt: skip  (hidden, even if newer)

    summary = zaken_summary_for(identity=identity)

    assert summary.open_count == 2
    change = summary.latest_change
    assert change is not None
    assert (str(change.zaak_uuid), change.zaak_title) == (latest["uuid"], "Dakkapel")
    assert change.status_label == "We beoordelen uw aanvraag."
    assert change.datum.isoformat() == "2024-03-05T10:00:00+00:00"


def test_a_recently_closed_zaak_can_be_the_latest_change(world: ZgwWorld, identity, expand) -> None:
    world.add_zaak(statussen=[1], status_dates=["2024-03-01T09:00:00Z"])
    closed = world.add_zaak(statussen=[1, 2, 3], status_dates=[
        "2024-03-01T09:00:00Z", "2024-03-02T09:00:00Z", "2024-03-09T09:00:00Z"
    ])  # fmt: skip

    change = zaken_summary_for(identity=identity).latest_change

    assert change is not None and str(change.zaak_uuid) == closed["uuid"]
    assert change.status_label == "We hebben een besluit genomen over uw aanvraag."


def older_zaak_changed_last(world: ZgwWorld) -> tuple[dict, dict]:
    """Nine open zaken started recently, and one started long ago whose status changed last:
    outside the dashboard's candidates (the most recently started open zaken)."""
    for day in range(1, 10):
        world.add_zaak(
            statussen=[1], startdatum=f"2024-03-{day:02d}", status_dates=["2024-03-10T09:00:00Z"]
        )
    old = world.add_zaak(
        statussen=[1, 2],
        startdatum="2020-01-01",
        status_dates=["2020-01-02T09:00:00Z", "2024-06-01T09:00:00Z"],
    )
    return old, world.resources[old["status"]]


def test_a_change_a_notification_brought_to_an_older_zaak_is_the_latest(
    world: ZgwWorld, identity, expand, db
) -> None:
    old, status = older_zaak_changed_last(world)
    assert str(zaken_summary_for(identity=identity).latest_change.zaak_uuid) != old["uuid"]

    status_change_record(bsns=[TEST_BSN], status=Status.from_api(status))
    change = zaken_summary_for(identity=identity).latest_change

    assert change is not None and str(change.zaak_uuid) == old["uuid"]
    assert change.datum.isoformat() == "2024-06-01T09:00:00+00:00"
    assert change.status_label == "We beoordelen uw aanvraag."


def test_a_recorded_change_that_is_no_longer_current_or_not_theirs_is_ignored(
    world: ZgwWorld, identity, db
) -> None:
    old, status = older_zaak_changed_last(world)
    status_change_record(bsns=[TEST_BSN], status=Status.from_api(status))
    # Another resident's record for the same zaak says nothing about this one.
    status_change_record(bsns=["999990755"], status=Status.from_api(status))
    other = zaken_summary_for(identity=Identity(bsn="999990755")).latest_change
    assert other is None

    world.resources[old["url"]]["status"] = world.resources[old["url"]]["url"] + "/elders"
    change = zaken_summary_for(identity=identity).latest_change

    assert change is not None and str(change.zaak_uuid) != old["uuid"]


def test_an_older_change_never_replaces_a_newer_record(db) -> None:
    newer = Status.from_api(zgw.status(datumStatusGezet="2024-06-01T09:00:00Z"))
    older = Status.from_api(zgw.status(datumStatusGezet="2024-05-01T09:00:00Z"))

    status_change_record(bsns=[TEST_BSN], status=newer)
    status_change_record(bsns=[TEST_BSN], status=older)

    [row] = StatusChange.objects.all()
    assert row.datum_status_gezet.isoformat() == "2024-06-01T09:00:00+00:00"
    assert TEST_BSN not in row.identifier_hash


def test_a_summary_without_zaken(world: ZgwWorld, identity) -> None:
    summary = zaken_summary_for(identity=identity)

    assert (summary.open_count, summary.latest_change, summary.is_unavailable) == (0, None, False)


def test_zaken_for_a_business_are_found_by_kvk(world: ZgwWorld, expand) -> None:
    zaak = world.add_zaak(bsn=None)
    world.add_rol(zaak, bsn=None, kvk="68750110")
    world.add_zaak()  # a resident's

    overview = open_list(Identity(kvk="68750110"))

    assert uuids(overview) == [zaak["uuid"]]


# --- What a session and the row cache save ------------------------------------------------------


def test_a_second_view_reads_the_statuses_from_the_row_cache(world: ZgwWorld, identity) -> None:
    for n in range(3):
        world.add_zaak(statussen=[1, 2], startdatum=f"2024-03-0{n + 1}")
    first = open_list(identity)

    with record_upstream_calls() as calls:
        again = open_list(identity)

    assert again == first
    assert not [url for url in calls.urls() if "/statussen/" in url]


def test_a_session_that_saw_the_rows_asks_no_rollen_and_checks_a_new_row(
    world: ZgwWorld, identity, settings
) -> None:
    settings.ZAKEN_USE_EXPAND = True
    world.add_zaak(statussen=[1], startdatum="2024-03-01")
    owned: set[str] = set()
    zaken_list_for(identity=identity, status="open", page=1, owned=owned)
    assert len(owned) == 1
    newer = world.add_zaak(statussen=[1], startdatum="2024-03-02")
    before = len(world.mocker.request_history)

    overview = zaken_list_for(identity=identity, status="open", page=1, owned=owned)

    assert len(overview.zaken) == 2
    sent = world.mocker.request_history[before:]
    listed = [r for r in sent if r.path.endswith("/zaken")]
    assert listed and all("expand" not in r.qs for r in listed)  # the session knows the rows
    rollen = [r for r in sent if r.path.endswith("/rollen")]
    assert [r.qs["zaak"] for r in rollen] == [[newer["url"].lower()]]  # only the new one
    assert newer["url"] in owned


def test_a_row_of_someone_else_is_dropped_even_when_the_session_knows_others(
    world: ZgwWorld, identity, settings
) -> None:
    settings.ZAKEN_USE_EXPAND = True
    world.ignore_betrokkene_filter = True
    own = world.add_zaak(statussen=[1])
    owned = {own["url"]}
    world.add_zaak(bsn="999990755", statussen=[1], omschrijving="Van Mary")

    overview = zaken_list_for(identity=identity, status="open", page=1, owned=owned)

    assert uuids(overview) == [own["uuid"]]
    assert owned == {own["url"]}
