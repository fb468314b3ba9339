"""Roots, fixed UUIDs and the spec check every ZGW factory shares."""

import uuid as uuid_lib
from typing import Any

from tests.specs import assert_response_valid

BASE = "http://zaken.test"
TEST_BSN = "999993653"  # a test BSN from the BRP proefomgeving range (passes the 11-proof)
TEST_KVK = "68750110"
BRONORGANISATIE = "002220647"

CATALOGUS_UUID = "6f0bbd2f-7e07-4b0e-9c8a-3f1b0f1a0001"
ZAAKTYPE_UUID = "6f0bbd2f-7e07-4b0e-9c8a-3f1b0f1a0002"
STATUSTYPE_UUIDS = (
    "6f0bbd2f-7e07-4b0e-9c8a-3f1b0f1a0011",
    "6f0bbd2f-7e07-4b0e-9c8a-3f1b0f1a0012",
    "6f0bbd2f-7e07-4b0e-9c8a-3f1b0f1a0013",
)
RESULTAATTYPE_UUID = "6f0bbd2f-7e07-4b0e-9c8a-3f1b0f1a0021"
INFORMATIEOBJECTTYPE_UUID = "6f0bbd2f-7e07-4b0e-9c8a-3f1b0f1a0031"
ZAAKTYPE_INFORMATIEOBJECTTYPE_UUID = "6f0bbd2f-7e07-4b0e-9c8a-3f1b0f1a0041"
ROLTYPE_UUID = "6f0bbd2f-7e07-4b0e-9c8a-3f1b0f1a0051"

Payload = dict[str, Any]


def zaken_url(path: str, *, base: str = BASE) -> str:
    return f"{base}/zaken/api/v1/{path.lstrip('/')}"


def catalogi_url(path: str, *, base: str = BASE) -> str:
    return f"{base}/catalogi/api/v1/{path.lstrip('/')}"


def documenten_url(path: str, *, base: str = BASE) -> str:
    return f"{base}/documenten/api/v1/{path.lstrip('/')}"


def new_uuid() -> str:
    return str(uuid_lib.uuid4())


def finish(
    api: str, payload: Payload, overrides: dict[str, Any], *, validate: bool, headers: Any = None
) -> Payload:
    payload.update(overrides)
    if validate:
        assert_response_valid(api, "GET", payload["url"], payload, headers=headers)
    return payload


def assert_valid(
    api: str, url_or_path: str, body: Any, *, headers: Any = None, method: str = "GET"
) -> None:
    """assert_response_valid for a GET (or `method`)."""
    assert_response_valid(api, method, url_or_path, body, headers=headers)


# --- Lists ------------------------------------------------------------------------------------


def page(
    results: list[Payload],
    *,
    next: str | None = None,
    previous: str | None = None,
    count: int | None = None,
) -> Payload:
    """A DRF page as every paginated ZGW list serves it."""
    return {
        "count": len(results) if count is None else count,
        "next": next,
        "previous": previous,
        "results": results,
    }
