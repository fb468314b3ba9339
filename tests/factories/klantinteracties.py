"""Spec-valid Klantinteracties API 0.9.0 (Open Klant 2.18) payloads: partij and digitaal adres.

Each factory validates its output against klantinteracties-0.9.0-openklant-2.18.0.yaml.
"""

import uuid as uuid_lib
from typing import Any

from tests.specs import assert_response_valid

BASE = "http://klant.test"
ROOT = f"{BASE}/klantinteracties/api/v1/"

Payload = dict[str, Any]


def url(path: str) -> str:
    return ROOT + path.lstrip("/")


def _ref(kind: str, uuid: str) -> Payload:
    return {"uuid": uuid, "url": url(f"{kind}/{uuid}")}


def digitaal_adres(
    *,
    partij_uuid: str,
    adres: str = "suzanne@example.nl",
    soort: str = "email",
    verified: bool = True,
    standaard: bool = False,
    uuid: str | None = None,
    validate: bool = True,
    **overrides: Any,
) -> Payload:
    uuid = uuid or str(uuid_lib.uuid4())
    payload: Payload = {
        "uuid": uuid,
        "url": url(f"digitaleadressen/{uuid}"),
        "verstrektDoorBetrokkene": None,
        "verstrektDoorPartij": _ref("partijen", partij_uuid),
        "adres": adres,
        "soortDigitaalAdres": soort,
        "isStandaardAdres": standaard,
        "omschrijving": "",
        "referentie": "portaalvoorkeur",
        "verificatieDatum": "2024-02-01" if verified else None,
    }
    payload.update(overrides)
    if validate:
        assert_response_valid("klantinteracties", "GET", payload["url"], payload)
    return payload


def partij(
    *,
    bsn: str = "999993653",
    uuid: str | None = None,
    adressen: list[Payload] = (),  # type: ignore[assignment]
    voorkeur: Payload | None = None,
    validate: bool = True,
    **overrides: Any,
) -> Payload:
    uuid = uuid or str(uuid_lib.uuid4())
    identificator_uuid = str(uuid_lib.uuid4())
    payload: Payload = {
        "uuid": uuid,
        "url": url(f"partijen/{uuid}"),
        "nummer": "0000000001",
        "interneNotitie": "",
        "betrokkenen": [],
        "categorieRelaties": [],
        "digitaleAdressen": [_ref("digitaleadressen", a["uuid"]) for a in adressen],
        "voorkeursDigitaalAdres": _ref("digitaleadressen", voorkeur["uuid"]) if voorkeur else None,
        "vertegenwoordigden": [],
        "rekeningnummers": [],
        "voorkeursRekeningnummer": None,
        "partijIdentificatoren": [
            {
                "uuid": identificator_uuid,
                "url": url(f"partij-identificatoren/{identificator_uuid}"),
                "identificeerdePartij": _ref("partijen", uuid),
                "anderePartijIdentificator": "",
                "partijIdentificator": {
                    "codeObjecttype": "natuurlijk_persoon",
                    "codeSoortObjectId": "bsn",
                    "objectId": bsn,
                    "codeRegister": "brp",
                },
                "subIdentificatorVan": None,
            }
        ],
        "soortPartij": "persoon",
        "indicatieGeheimhouding": False,
        "voorkeurstaal": "nld",
        "indicatieActief": True,
        "bezoekadres": None,
        "correspondentieadres": None,
        "partijIdentificatie": {
            "contactnaam": {
                "voorletters": "S.",
                "voornaam": "Suzanne",
                "voorvoegselAchternaam": "",
                "achternaam": "Moulin",
            },
            "volledigeNaam": "Suzanne Moulin",
        },
    }
    payload.update(overrides)
    if validate:
        assert_response_valid("klantinteracties", "GET", payload["url"], payload)
    return payload


def page(results: list[Payload], *, next: str | None = None) -> Payload:
    return {"count": len(results), "next": next, "previous": None, "results": results}


def assert_list_valid(path: str, body: Payload) -> None:
    assert_response_valid("klantinteracties", "GET", url(path), body)
