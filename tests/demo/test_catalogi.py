"""The Catalogi API stand-in over real HTTP: lists, details and filters, validated against the spec."""

import pytest

from demo.backoffice.seed import uid
from tests.demo.contract import assert_problem, assert_valid

RESOURCES = [
    "catalogussen",
    "zaaktypen",
    "statustypen",
    "resultaattypen",
    "roltypen",
    "informatieobjecttypen",
    "zaaktype-informatieobjecttypen",
]


def zaaktype_url(backoffice, identificatie: str) -> str:
    return f"{backoffice.catalogi_url}/zaaktypen/{uid(f'zaaktype:{identificatie}')}"


def listing(backoffice, resource: str, **params) -> dict:
    return assert_valid(
        "catalogi", backoffice.get(f"{backoffice.catalogi_url}/{resource}", params=params)
    )


@pytest.mark.parametrize("resource", RESOURCES)
def test_every_list_and_detail_matches_the_spec(demo_backoffice, resource):
    body = listing(demo_backoffice, resource)

    assert body["count"] == len(body["results"]) > 0
    for item in body["results"][:3]:
        assert assert_valid("catalogi", demo_backoffice.get(item["url"])) == item


@pytest.mark.parametrize("resource", RESOURCES)
def test_unknown_detail_is_404(demo_backoffice, resource):
    response = demo_backoffice.get(f"{demo_backoffice.catalogi_url}/{resource}/{uid('nothing')}")

    assert_problem("catalogi", f"/{resource}/{{uuid}}", response, 404, "not_found")


def test_the_catalogus_and_its_zaaktypen(demo_backoffice):
    (catalogus,) = listing(demo_backoffice, "catalogussen", domein="DEMO", rsin="517439943")[
        "results"
    ]
    zaaktypen = listing(demo_backoffice, "zaaktypen", catalogus=catalogus["url"])["results"]

    assert sorted(catalogus["zaaktypen"]) == sorted(zaaktype["url"] for zaaktype in zaaktypen)
    assert {
        zaaktype["omschrijving"]: zaaktype["indicatieInternOfExtern"] for zaaktype in zaaktypen
    } == {
        "Aanvraag parkeervergunning": "extern",
        "Aanvraag bijzondere bijstand": "extern",
        "Omgevingsvergunning": "extern",
        "Evenementenvergunning": "extern",
        "Interne heroverweging": "intern",
    }
    assert all(zaaktype["concept"] is False for zaaktype in zaaktypen)


def test_zaaktypen_by_identificatie_and_status(demo_backoffice):
    by_id = listing(demo_backoffice, "zaaktypen", identificatie="BIJZONDERE-BIJSTAND")["results"]

    assert [zaaktype["vertrouwelijkheidaanduiding"] for zaaktype in by_id] == ["zaakvertrouwelijk"]
    assert by_id[0]["doorlooptijd"] == "P56D" and by_id[0]["servicenorm"] == "P42D"
    assert listing(demo_backoffice, "zaaktypen", status="alles")["count"] == 5
    assert listing(demo_backoffice, "zaaktypen", status="concept")["count"] == 0


def test_statustypen_of_a_zaaktype_in_volgnummer_order_with_one_eindstatus(demo_backoffice):
    statustypen = listing(
        demo_backoffice,
        "statustypen",
        zaaktype=zaaktype_url(demo_backoffice, "EVENEMENTENVERGUNNING"),
    )["results"]

    assert [statustype["volgnummer"] for statustype in statustypen] == list(range(1, 9))
    assert [statustype["isEindstatus"] for statustype in statustypen] == [False] * 7 + [True]
    assert all(
        statustype["statustekst"] and statustype["omschrijving"] for statustype in statustypen
    )
    assert {statustype["informeren"] for statustype in statustypen} == {True, False}


def test_resultaattypen_and_roltypen_of_a_zaaktype(demo_backoffice):
    zaaktype = zaaktype_url(demo_backoffice, "BIJZONDERE-BIJSTAND")

    resultaattypen = listing(demo_backoffice, "resultaattypen", zaaktype=zaaktype)["results"]
    initiator = listing(
        demo_backoffice, "roltypen", zaaktype=zaaktype, omschrijvingGeneriek="initiator"
    )["results"]

    assert {resultaattype["omschrijving"] for resultaattype in resultaattypen} == {
        "Toegekend",
        "Afgewezen",
        "Ingetrokken",
    }
    assert [roltype["omschrijving"] for roltype in initiator] == ["Aanvrager"]


def test_zaaktype_informatieobjecttypen_give_the_richting(demo_backoffice):
    zaaktype = zaaktype_url(demo_backoffice, "OMGEVINGSVERGUNNING")

    ztiots = listing(demo_backoffice, "zaaktype-informatieobjecttypen", zaaktype=zaaktype)[
        "results"
    ]
    intern = listing(
        demo_backoffice, "zaaktype-informatieobjecttypen", zaaktype=zaaktype, richting="intern"
    )["results"]
    omschrijving = {
        iot["url"]: iot["omschrijving"]
        for iot in listing(demo_backoffice, "informatieobjecttypen", zaaktype=zaaktype)["results"]
    }

    assert {omschrijving[ztiot["informatieobjecttype"]]: ztiot["richting"] for ztiot in ztiots} == {
        "Aanvraagformulier": "inkomend",
        "Bijlage": "inkomend",
        "Ontvangstbevestiging": "uitgaand",
        "Verzoek om aanvulling": "uitgaand",
        "Besluit": "uitgaand",
        "Intern advies": "intern",
    }
    assert [omschrijving[ztiot["informatieobjecttype"]] for ztiot in intern] == ["Intern advies"]


def test_unknown_filter_is_rejected(demo_backoffice):
    response = demo_backoffice.get(
        f"{demo_backoffice.catalogi_url}/statustypen", params={"zaaktype_id": "x"}
    )

    assert_problem("catalogi", "/statustypen", response, 400)
