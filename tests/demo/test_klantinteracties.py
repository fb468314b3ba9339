"""The Klantinteracties API stand-in (Open Klant 2.18) over HTTP: spec-valid, filters, auth."""

import pytest
import requests

from demo.backoffice.klantinteracties import DEFAULT_TOKEN
from tests.specs import assert_response_valid

SUZANNE, MARY, SIERRA, MEREL = "999993653", "999990755", "999991954", "999993847"
BSN_LOOKUP = {
    "partijIdentificator__codeObjecttype": "natuurlijk_persoon",
    "partijIdentificator__codeSoortObjectId": "bsn",
    "partijIdentificator__codeRegister": "brp",
}


@pytest.fixture(scope="module")
def api(demo_backoffice):
    """GET below /klantinteracties/api/v1 with the demo token; returns the response."""
    root = f"{demo_backoffice.base_url}/klantinteracties/api/v1"

    def get(path: str, params: dict | None = None, token: str | None = DEFAULT_TOKEN):
        url = path if path.startswith("http") else f"{root}{path}"
        headers = {"Authorization": f"Token {token}"} if token is not None else {}
        return requests.get(url, params=params, headers=headers, timeout=10)

    return get


def valid(response: requests.Response) -> dict:
    assert response.status_code == 200, response.text
    assert response.headers["API-version"] == "0.9.0"
    body = response.json()
    assert_response_valid("klantinteracties", "get", response.url, body)
    return body


def partij_for(api, bsn: str, **extra: str) -> list[dict]:
    return valid(api("/partijen", {**BSN_LOOKUP, "partijIdentificator__objectId": bsn, **extra}))[
        "results"
    ]


def adressen_of(api, partij: dict, **extra: str) -> list[dict]:
    params = {"verstrektDoorPartij__uuid": partij["uuid"], **extra}
    return valid(api("/digitaleadressen", params))["results"]


def test_the_bsn_lookup_of_standards_5_finds_exactly_that_persons_partij(api):
    (partij,) = partij_for(api, SUZANNE, soortPartij="persoon")

    assert partij["soortPartij"] == "persoon"
    assert partij["indicatieActief"] is True
    (identificator,) = partij["partijIdentificatoren"]
    assert identificator["partijIdentificator"] == {
        "codeObjecttype": "natuurlijk_persoon",
        "codeSoortObjectId": "bsn",
        "objectId": SUZANNE,
        "codeRegister": "brp",
    }
    assert partij["partijIdentificatie"]["volledigeNaam"] == "Suzanne Moulin"
    assert "_expand" not in partij


def test_an_unknown_bsn_or_another_register_finds_nothing(api):
    assert partij_for(api, "999995182") == []  # Anna: no partij
    assert partij_for(api, SUZANNE, partijIdentificator__codeRegister="hr") == []
    assert partij_for(api, SUZANNE, soortPartij="organisatie") == []


def test_suzanne_prefers_a_verified_e_mail_address(api):
    (partij,) = partij_for(api, SUZANNE, expand="digitaleAdressen")

    expanded = {a["url"]: a for a in partij["_expand"]["digitaleAdressen"]}
    preferred = expanded[partij["voorkeursDigitaalAdres"]["url"]]
    assert preferred["adres"] == "suzanne.moulin@example.nl"
    assert preferred["soortDigitaalAdres"] == "email"
    assert preferred["verificatieDatum"] is not None
    assert preferred["isStandaardAdres"] is True
    assert {a["url"] for a in partij["digitaleAdressen"]} == set(expanded)


def test_mary_prefers_an_address_that_is_not_verified(api):
    (partij,) = partij_for(api, MARY)
    (adres,) = adressen_of(api, partij)

    assert partij["voorkeursDigitaalAdres"]["uuid"] == adres["uuid"]
    assert adres["adres"] == "mary.kierkegaard@example.nl"
    assert adres["verificatieDatum"] is None
    assert adressen_of(api, partij, isGeverifieerd="true") == []


def test_sierra_has_an_old_unverified_address_besides_her_verified_preferred_one(api):
    (partij,) = partij_for(api, SIERRA)

    verified = adressen_of(api, partij, isGeverifieerd="true", soortDigitaalAdres="email")
    assert [a["adres"] for a in verified] == ["sierra.kooyman@example.nl"]
    assert partij["voorkeursDigitaalAdres"]["uuid"] == verified[0]["uuid"]
    assert len(adressen_of(api, partij)) == 2


def test_merel_has_a_partij_without_any_address(api):
    (partij,) = partij_for(api, MEREL, expand="digitaleAdressen")

    assert partij["digitaleAdressen"] == []
    assert partij["voorkeursDigitaalAdres"] is None
    assert partij["_expand"]["digitaleAdressen"] == []
    assert adressen_of(api, partij) == []


def test_details_match_the_list_and_are_spec_valid(api):
    (partij,) = partij_for(api, SUZANNE)
    detail = valid(api(partij["url"], {"expand": "digitaleAdressen"}))
    phone = valid(api("/digitaleadressen", {"verstrektDoorPartij__uuid": partij["uuid"], "soortDigitaalAdres": "telefoonnummer"}))  # fmt: skip
    adres = valid(api(phone["results"][0]["url"]))

    assert detail["uuid"] == partij["uuid"]
    assert len(detail["_expand"]["digitaleAdressen"]) == 2
    assert adres["adres"] == "0612345678"
    assert adres["verstrektDoorPartij"]["uuid"] == partij["uuid"]


def test_addresses_can_be_looked_up_by_the_partijs_bsn_too(api):
    params = {"verstrektDoorPartij__partijIdentificator__objectId": SUZANNE, "soortDigitaalAdres": "email"}  # fmt: skip
    results = valid(api("/digitaleadressen", params))["results"]

    assert [a["adres"] for a in results] == ["suzanne.moulin@example.nl"]


@pytest.mark.parametrize(
    ("token", "code"), [(None, "not_authenticated"), ("wrong", "authentication_failed")]
)
def test_a_missing_or_wrong_token_is_401_with_a_token_challenge(api, token, code):
    response = api("/partijen", token=token)

    assert response.status_code == 401
    assert response.headers["Content-Type"] == "application/problem+json"
    assert response.headers["WWW-Authenticate"] == "Token"
    assert response.json()["code"] == code


def test_a_bearer_jwt_is_not_accepted_either(api, demo_backoffice):
    response = requests.get(
        f"{demo_backoffice.base_url}/klantinteracties/api/v1/partijen",
        headers=demo_backoffice.auth_headers(),
        timeout=10,
    )

    assert response.status_code == 401


def test_unknown_parameters_bad_uuids_and_unknown_partijen_are_refused(api):
    assert api("/partijen", {"bsn": SUZANNE}).status_code == 400
    assert api("/digitaleadressen", {"verstrektDoorPartij__uuid": "nope"}).status_code == 400
    assert api("/partijen", {"expand": "rekeningnummers"}).status_code == 400
    missing = api("/partijen/00000000-0000-0000-0000-000000000000")
    assert missing.status_code == 404
    assert missing.headers["Content-Type"] == "application/problem+json"


def test_it_is_read_only(api, demo_backoffice):
    response = requests.post(
        f"{demo_backoffice.base_url}/klantinteracties/api/v1/partijen",
        json={},
        headers={"Authorization": f"Token {DEFAULT_TOKEN}"},
        timeout=10,
    )

    assert response.status_code == 405


def test_lists_are_paged_with_page_size(api):
    first = valid(api("/partijen", {"pageSize": 2}))
    second = valid(api(first["next"]))

    assert first["count"] == 5 and len(first["results"]) == 2
    assert second["previous"] is not None
    assert not {p["uuid"] for p in first["results"]} & {p["uuid"] for p in second["results"]}
