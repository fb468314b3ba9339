"""Value types of the client layer: Vertrouwelijkheid, Duur and the field readers."""

from datetime import UTC, date, datetime

import pytest

from mijnomgeving.clients.duur import Duur
from mijnomgeving.clients.parsing import ParseError, opt_datetime, req_date, req_int
from mijnomgeving.clients.vertrouwelijkheid import Vertrouwelijkheid as V


def test_vertrouwelijkheid_compares_by_position_on_the_scale() -> None:
    assert list(V) == sorted(V)
    assert V.openbaar < V.beperkt_openbaar < V.intern < V.zaakvertrouwelijk
    assert V.zaakvertrouwelijk < V.vertrouwelijk < V.confidentieel < V.geheim < V.zeer_geheim
    assert V.zaakvertrouwelijk.at_most(V.zaakvertrouwelijk)
    assert not V.vertrouwelijk.at_most(V.zaakvertrouwelijk)
    assert V("beperkt_openbaar") is V.beperkt_openbaar
    assert str(V.zeer_geheim) == "zeer_geheim"


def test_vertrouwelijkheid_refuses_to_compare_with_text() -> None:
    with pytest.raises(TypeError):
        assert V.openbaar < "intern"


@pytest.mark.parametrize(
    ("text", "days"),
    [("P56D", 56), ("P8W", 56), ("P1W3D", 10), ("PT48H", 2), ("P0D", 0)],
)
def test_duur_in_days_and_weeks_has_a_length_in_days(text: str, days: int) -> None:
    duur = Duur.parse(text)

    assert duur.total_days == days
    assert not duur.has_calendar_units
    assert str(duur) == text
    assert duur.add_to(date(2024, 1, 1)) == date.fromordinal(date(2024, 1, 1).toordinal() + days)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("P2M", date(2024, 1, 15), date(2024, 3, 15)),
        ("P1M", date(2024, 1, 31), date(2024, 2, 29)),  # clamped to the end of February
        ("P1M", date(2023, 1, 31), date(2023, 2, 28)),
        ("P1Y", date(2024, 2, 29), date(2025, 2, 28)),
        ("P1Y2M10D", date(2024, 1, 1), date(2025, 3, 11)),
        ("P13M", date(2024, 12, 1), date(2026, 1, 1)),
    ],
)
def test_duur_in_months_and_years_follows_the_calendar(text: str, start: date, end: date) -> None:
    duur = Duur.parse(text)

    assert duur.has_calendar_units
    assert duur.total_days is None
    assert duur.add_to(start) == end


@pytest.mark.parametrize("text", ["", "P", "PT", "56D", "P1.5D", "-P1D", "P1DT", "P56d"])
def test_duur_refuses_what_is_not_a_whole_iso_duration(text: str) -> None:
    with pytest.raises(ValueError):
        Duur.parse(text)


def test_readers_name_the_field_but_never_the_value() -> None:
    with pytest.raises(ParseError, match="'startdatum'") as raised:
        req_date({"startdatum": "999993653"}, "startdatum")
    assert "999993653" not in str(raised.value)
    assert raised.value.__cause__ is None and raised.value.__suppress_context__

    with pytest.raises(ParseError, match="integer"):
        req_int({"volgnummer": True}, "volgnummer")


def test_datetimes_without_offset_are_read_as_utc() -> None:
    assert opt_datetime({"d": "2024-03-04T09:30:00"}, "d") == datetime(
        2024, 3, 4, 9, 30, tzinfo=UTC
    )
    assert opt_datetime({"d": None}, "d") is None
