"""The 11-proef and reading the BSN claim."""

import pytest

from mijnomgeving.accounts.bsn import bsn_from_claim, elfproef


@pytest.mark.parametrize(
    "bsn", ["999993653", "999990755", "999991954", "999993847", "123456782", "111222333"]
)
def test_elfproef_accepts_valid_bsns(bsn: str) -> None:
    assert elfproef(bsn)


@pytest.mark.parametrize(
    "bsn",
    [
        "123456789",  # weighted sum not a multiple of 11
        "999993654",  # last digit off by one
        "000000000",  # sum 0: a multiple of 11, but no BSN
        "99999365",  # eight digits
        "9999936530",  # ten digits
        "99999365a",
        " 999993653",
        "",
        "\uff19\uff19\uff19\uff19\uff19\uff13\uff16\uff15\uff13",  # full-width digits
    ],
)
def test_elfproef_rejects_invalid_bsns(bsn: str) -> None:
    assert not elfproef(bsn)


def test_elfproef_rejects_non_strings() -> None:
    assert not elfproef(999993653)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("999993653", "999993653"),
        (" 999993653 ", "999993653"),
        ("s00000000:999993653", "999993653"),
        (999993653, "999993653"),
        (12345678, "012345678"),
        (None, ""),
        (True, ""),
        (["999993653"], ""),
    ],
)
def test_bsn_from_claim(value: object, expected: str) -> None:
    assert bsn_from_claim(value) == expected
