"""The replay itself (transport.py): exact matches, the zaken list rule, and what it refuses."""

from typing import Any

import pytest
import requests

from tests.corpus import OPENZAAK, exchanges

from .transport import Replay, Unanswerable

ZAKEN = f"{OPENZAAK}/zaken/api/v1/"
JSON = {"Accept": "application/json", "Accept-Crs": "EPSG:4326"}
BULK = {"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": "999991954"}
CLOSED_OF_SUZANNE = {
    "rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": "999993653",
    "maximaleVertrouwelijkheidaanduiding": "zaakvertrouwelijk",
    "einddatum__isnull": "false",
    "ordering": "-startdatum",
}


@pytest.fixture
def replay(requests_mock: Any) -> Replay:
    """The replay alone: no Services, no portal."""
    return Replay(requests_mock)


def recorded(name: str, index: int = 0) -> Any:
    return exchanges(name)[index]


def identificaties(response: requests.Response) -> list[str]:
    return [row["identificatie"] for row in response.json()["results"]]


# --- Exact matches ------------------------------------------------------------------------------


def test_a_recorded_request_gets_the_recorded_answer_whatever_its_query_order(
    replay: Replay,
) -> None:
    exchange = recorded("direct-zaken-kvk-vestigingsnummer")
    params = [
        ("rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__vestigingsNummer", "000038509504"),
        ("rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__kvkNummer", "69599084"),
    ]

    response = requests.get(f"{ZAKEN}zaken", params=params, headers=JSON, timeout=1)

    assert response.status_code == 200
    assert response.json() == exchange.json
    assert response.headers["API-version"] == exchange.headers["API-version"]
    assert replay.unanswered == []


def test_accept_crs_decides_between_recordings_of_one_request(replay: Replay) -> None:
    url = OPENZAAK + recorded("direct-zaak-detail-plain").path

    with_crs = requests.get(url, headers=JSON, timeout=1)
    without = requests.get(url, headers={"Accept": "application/json"}, timeout=1)

    assert with_crs.status_code == 200
    assert without.status_code == 412  # direct-zaak-detail-no-accept-crs-412


def test_a_binary_body_has_its_recorded_length_and_start(replay: Replay) -> None:
    exchange = recorded("direct-document-download-1mib")
    binary = exchange.body["binary"]

    response = requests.get(
        OPENZAAK + exchange.path,
        headers={**JSON, "Accept": exchange.request_headers["Accept"]},
        stream=True,
        timeout=1,
    )
    content = b"".join(response.iter_content(64 * 1024))

    assert response.status_code == 200
    assert len(content) == binary["length"] == int(response.headers["Content-Length"])
    assert content.startswith(b"%PDF-1.4")


def test_a_request_the_corpus_lacks_fails_and_is_listed(replay: Replay) -> None:
    url = f"{ZAKEN}zaken/0badc0de-0000-4000-8000-000000000000"

    with pytest.raises(Unanswerable):
        requests.get(url, headers=JSON, timeout=1)

    assert len(replay.unanswered) == 1 and "0badc0de-0000-4000" in replay.unanswered[0]
    with pytest.raises(AssertionError, match="cannot answer"):
        replay.assert_all_answered()


def test_a_truncated_list_the_corpus_cannot_complete_is_served_partial(replay: Replay) -> None:
    exchange = recorded("direct-statussen")  # 6 statussen, 3 kept
    assert exchange.truncated is not None

    response = requests.get(OPENZAAK + exchange.path, headers=JSON, timeout=1)

    page = response.json()
    assert [row["url"] for row in page["results"]] == [
        row["url"] for row in exchange.json["results"]
    ]
    assert page["count"] == len(page["results"]) == 3 and page["next"] is None
    [(_sent, answer)] = replay.served
    assert answer.partial and answer.source.startswith("partial")


def test_a_truncated_list_is_completed_from_resources_seen_whole(replay: Replay) -> None:
    exchange = recorded("direct-catalogi-statustypen")  # 6 statustypen, 3 kept
    assert exchange.truncated is not None

    response = requests.get(OPENZAAK + exchange.path, headers=JSON, timeout=1)

    page = response.json()
    assert page["count"] == 6 and len(page["results"]) == 6
    assert [row["volgnummer"] for row in page["results"]] == [1, 2, 3, 4, 5, 6]
    [(_sent, answer)] = replay.served
    assert not answer.partial


# --- The zaken list rule ------------------------------------------------------------------------


def test_a_page_is_sliced_from_a_recorded_list_with_the_same_filters(replay: Replay) -> None:
    whole = recorded("direct-zaken-pagesize-5").json  # rows 1-5 of 120

    response = requests.get(
        f"{ZAKEN}zaken", params={**BULK, "page": 2, "pageSize": 2}, headers=JSON, timeout=1
    )

    assert response.status_code == 200
    assert identificaties(response) == [row["identificatie"] for row in whole["results"][2:4]]
    page = response.json()
    assert page["count"] == 120
    inpbsn = "rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=999991954"
    assert page["next"] == f"{ZAKEN}zaken?page=3&pageSize=2&{inpbsn}"
    assert page["previous"] == f"{ZAKEN}zaken?pageSize=2&{inpbsn}"


def test_rows_a_truncated_recording_holds_are_served_and_no_others(replay: Replay) -> None:
    held = recorded("direct-zaken-page-2").json  # page 2 of 100: rows 101-103 kept of 20

    served = requests.get(
        f"{ZAKEN}zaken", params={**BULK, "page": 102, "pageSize": 1}, headers=JSON, timeout=1
    )
    with pytest.raises(Unanswerable):
        requests.get(
            f"{ZAKEN}zaken", params={**BULK, "page": 104, "pageSize": 1}, headers=JSON, timeout=1
        )

    assert identificaties(served) == [held["results"][1]["identificatie"]]
    assert "truncated" in replay.unanswered[0]


def test_rows_past_every_recording_are_unanswerable(replay: Replay) -> None:
    with pytest.raises(Unanswerable):
        requests.get(
            f"{ZAKEN}zaken", params={**BULK, "page": 3, "pageSize": 2}, headers=JSON, timeout=1
        )

    assert "rows 5-6 asked" in replay.unanswered[0]


def test_a_page_past_the_end_is_open_zaaks_404(replay: Replay) -> None:
    response = requests.get(
        f"{ZAKEN}zaken", params={**BULK, "page": 30, "pageSize": 5}, headers=JSON, timeout=1
    )

    assert response.status_code == 404
    assert response.json()["detail"] == "Ongeldige pagina."


def test_only_the_asked_relations_stay_expanded(replay: Replay) -> None:
    def ask(expand: str) -> list[dict[str, Any]]:
        params = {**CLOSED_OF_SUZANNE, "pageSize": 10, **({"expand": expand} if expand else {})}
        response = requests.get(f"{ZAKEN}zaken", params=params, headers=JSON, timeout=1)
        assert response.status_code == 200
        rows: list[dict[str, Any]] = response.json()["results"]
        assert len(rows) == 2
        return rows

    assert all(set(row["_expand"]) == {"rollen"} for row in ask("rollen"))
    assert all("_expand" not in row for row in ask(""))
    for row in ask("status"):
        assert set(row["_expand"]) == {"status"} and "_expand" not in row["_expand"]["status"]
    assert all("_expand" in row["_expand"]["status"] for row in ask("status,status.statustype"))


def test_a_relation_the_recording_did_not_expand_is_unanswerable(replay: Replay) -> None:
    params = {**CLOSED_OF_SUZANNE, "expand": "zaakinformatieobjecten"}

    with pytest.raises(Unanswerable):
        requests.get(f"{ZAKEN}zaken", params=params, headers=JSON, timeout=1)

    assert "recorded with expand=" in replay.unanswered[0]


def test_a_zaken_search_is_answered_from_the_recorded_list_with_its_filters(
    replay: Replay,
) -> None:
    body = {
        **CLOSED_OF_SUZANNE,
        "einddatum__isnull": False,
        "ordering": ["-startdatum"],
    }

    response = requests.post(
        f"{ZAKEN}zaken/_zoek",
        params={"page": 1, "pageSize": 10, "expand": "rollen"},
        json=body,
        headers=JSON,
        timeout=1,
    )

    assert response.status_code == 200
    assert identificaties(response) == ["ZAAK-2026-0000000002", "ZAAK-2026-0000000011"]
