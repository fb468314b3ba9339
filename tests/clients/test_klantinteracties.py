"""The Klantinteracties client against spec-valid Open Klant 2.18 payloads (docs/standards.md §5)."""

from typing import Any
from uuid import UUID

import pytest

from mijnomgeving.clients.base import UpstreamUnavailable
from mijnomgeving.clients.klantinteracties import build_klantinteracties_client
from mijnomgeving.clients.klantinteracties_resources import (
    EMAIL,
    TELEFOONNUMMER,
    DigitaalAdres,
    Partij,
    preferred_address,
)
from notificaties.handlers import NOTIFICATIES_ACTOR
from tests.factories import klantinteracties as ki
from tests.notificaties.conftest import KLANT_TOKEN

pytestmark = pytest.mark.django_db

BSN = "999993653"
PARTIJ_UUID = "8a0a7f5e-1b1c-4f3e-9d2a-1c2b3d4e5f60"


@pytest.fixture
def client(klantinteracties_service: Any) -> Any:
    return build_klantinteracties_client(NOTIFICATIES_ACTOR)


def test_partij_by_bsn_uses_the_2_6_identificator_codes_and_the_token(
    client: Any, requests_mock: Any
) -> None:
    body = ki.page([ki.partij(bsn=BSN, uuid=PARTIJ_UUID)])
    ki.assert_list_valid("partijen", body)
    requests_mock.get(ki.url("partijen"), json=body)
    partij = client.partij_for_bsn(BSN)
    assert partij.uuid == UUID(PARTIJ_UUID)
    request = requests_mock.last_request
    assert request.headers["Authorization"] == f"Token {KLANT_TOKEN}"
    assert request.qs == {
        "partijidentificator__codeobjecttype": ["natuurlijk_persoon"],
        "partijidentificator__codesoortobjectid": ["bsn"],
        "partijidentificator__coderegister": ["brp"],
        "partijidentificator__objectid": [BSN],
        "soortpartij": ["persoon"],
    }


def test_no_partij_is_none(client: Any, requests_mock: Any) -> None:
    requests_mock.get(ki.url("partijen"), json=ki.page([]))
    assert client.partij_for_bsn(BSN) is None


def test_an_outage_is_an_error_not_no_partij(client: Any, requests_mock: Any) -> None:
    requests_mock.get(ki.url("partijen"), status_code=502)
    with pytest.raises(UpstreamUnavailable):
        client.partij_for_bsn(BSN)


def test_digitale_adressen_of_the_partij(client: Any, requests_mock: Any) -> None:
    adres = ki.digitaal_adres(partij_uuid=PARTIJ_UUID)
    body = ki.page([adres])
    ki.assert_list_valid("digitaleadressen", body)
    requests_mock.get(ki.url("digitaleadressen"), json=body)
    partij = Partij.from_api(ki.partij(uuid=PARTIJ_UUID, adressen=[adres]))
    [parsed] = client.digitale_adressen(partij)
    assert requests_mock.last_request.qs == {"verstrektdoorpartij__uuid": [PARTIJ_UUID]}
    assert (parsed.adres, parsed.soort_digitaal_adres, parsed.is_verified) == (
        "suzanne@example.nl",
        EMAIL,
        True,
    )
    assert "suzanne@example.nl" not in repr(parsed)


def _adressen(*payloads: dict[str, Any]) -> list[DigitaalAdres]:
    return [DigitaalAdres.from_api(payload) for payload in payloads]


def test_the_voorkeursadres_wins_over_the_standaardadres() -> None:
    standaard = ki.digitaal_adres(partij_uuid=PARTIJ_UUID, adres="a@example.nl", standaard=True)
    voorkeur = ki.digitaal_adres(partij_uuid=PARTIJ_UUID, adres="b@example.nl")
    partij = Partij.from_api(
        ki.partij(uuid=PARTIJ_UUID, adressen=[standaard, voorkeur], voorkeur=voorkeur)
    )
    chosen = preferred_address(partij, _adressen(standaard, voorkeur), EMAIL)
    assert chosen is not None and chosen.adres == "b@example.nl"


def test_an_unverified_address_is_never_used() -> None:
    adres = ki.digitaal_adres(partij_uuid=PARTIJ_UUID, verified=False, standaard=True)
    partij = Partij.from_api(ki.partij(uuid=PARTIJ_UUID, adressen=[adres], voorkeur=adres))
    assert preferred_address(partij, _adressen(adres), EMAIL) is None


def test_without_any_address_there_is_none() -> None:
    partij = Partij.from_api(ki.partij(uuid=PARTIJ_UUID))
    assert preferred_address(partij, [], EMAIL) is None


def test_the_standaardadres_when_there_is_no_voorkeur_and_phone_apart_from_email() -> None:
    email_a = ki.digitaal_adres(partij_uuid=PARTIJ_UUID, adres="a@example.nl")
    email_b = ki.digitaal_adres(partij_uuid=PARTIJ_UUID, adres="b@example.nl", standaard=True)
    phone = ki.digitaal_adres(partij_uuid=PARTIJ_UUID, adres="0612345678", soort="telefoonnummer")
    partij = Partij.from_api(ki.partij(uuid=PARTIJ_UUID, adressen=[email_a, email_b, phone]))
    adressen = _adressen(email_a, email_b, phone)
    assert preferred_address(partij, adressen, EMAIL).adres == "b@example.nl"  # type: ignore[union-attr]
    assert preferred_address(partij, adressen, TELEFOONNUMMER).adres == "0612345678"  # type: ignore[union-attr]


def test_two_verified_addresses_without_a_mark_pick_none() -> None:
    a = ki.digitaal_adres(partij_uuid=PARTIJ_UUID, adres="a@example.nl")
    b = ki.digitaal_adres(partij_uuid=PARTIJ_UUID, adres="b@example.nl")
    partij = Partij.from_api(ki.partij(uuid=PARTIJ_UUID, adressen=[a, b]))
    assert preferred_address(partij, _adressen(a, b), EMAIL) is None


def test_an_inactive_partij_is_parsed_as_such() -> None:
    assert Partij.from_api(ki.partij(indicatieActief=False)).indicatie_actief is False
