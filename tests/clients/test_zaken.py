"""ZakenClient: requests it makes and the typed resources it returns."""

from datetime import UTC, date, datetime
from uuid import UUID

import pytest

from mijnomgeving.clients.duur import Duur
from mijnomgeving.clients.vertrouwelijkheid import Vertrouwelijkheid
from mijnomgeving.clients.zaken import person_filters
from mijnomgeving.clients.zaken_resources import Rol, Zaak
from tests.factories import zgw


def test_a_page_of_zaken_parses_every_zaak_with_its_expansions(zgw_clients, requests_mock) -> None:
    current = zgw.status(volgnummer=2)
    zaak = zgw.zaak(
        status=current["url"],
        _expand={
            "zaaktype": zgw.zaaktype(),
            "status": {**current, "_expand": {"statustype": zgw.statustype(volgnummer=2)}},
            "rollen": [zgw.rol()],
        },
    )
    body = zgw.page([zaak, zgw.zaak(status=None)])
    zgw.assert_valid("zaken", "zaken", body, headers=zgw.ZAKEN_RESPONSE_HEADERS)
    requests_mock.get(zgw.zaken_url("zaken"), json=body, headers=zgw.ZAKEN_RESPONSE_HEADERS)

    found = zgw_clients.zaken.zaken_page(
        person_filters(bsn=zgw.TEST_BSN),
        max_vertrouwelijkheid=Vertrouwelijkheid.beperkt_openbaar,
        expand=("zaaktype", "status.statustype", "rollen"),
    )
    first, second = found.zaken
    assert found.count == 2

    assert requests_mock.last_request.qs["expand"] == ["zaaktype,status.statustype,rollen"]
    assert requests_mock.last_request.qs["maximalevertrouwelijkheidaanduiding"] == [
        "beperkt_openbaar"
    ]
    assert first.uuid == UUID(zaak["uuid"])
    assert first.identificatie == "ZAAK-2024-0000000001"
    assert first.startdatum == date(2024, 3, 1)
    assert first.einddatum is None and not first.is_closed
    assert first.einddatum_gepland == date(2024, 4, 26)
    assert first.uiterlijke_einddatum_afdoening == date(2024, 5, 1)
    assert first.vertrouwelijkheidaanduiding is Vertrouwelijkheid.zaakvertrouwelijk
    assert first.laatst_gemuteerd == datetime(2024, 3, 4, 9, 30, tzinfo=UTC)
    assert first.opschorting is not None and not first.is_opgeschort
    assert first.verlenging is None
    assert first.expanded_zaaktype is not None
    assert first.expanded_zaaktype.doorlooptijd == Duur.parse("P56D")
    assert first.expanded_status is not None
    assert first.expanded_status.expanded_statustype is not None
    assert first.expanded_status.expanded_statustype.volgnummer == 2
    assert first.expanded_rollen is not None and first.expanded_rollen[0].inp_bsn == zgw.TEST_BSN
    assert first.expanded_resultaat is None
    # Not asked for, but the zaak lists no documents: known to be none (real Open Zaak leaves
    # an empty relation out of `_expand`, so "absent" cannot mean "not expanded" then).
    assert first.expanded_zaakinformatieobjecten == ()
    assert second.status is None and second.expanded_status is None


def test_a_page_for_a_business_uses_the_kvk_filter_and_the_back_offices_paging(
    zgw_clients, requests_mock
) -> None:
    requests_mock.get(zgw.zaken_url("zaken"), json=zgw.page([], count=42))

    found = zgw_clients.zaken.zaken_page(
        person_filters(kvk=zgw.TEST_KVK),
        max_vertrouwelijkheid=Vertrouwelijkheid.openbaar,
        closed=True,
        page=3,
        page_size=10,
    )

    assert (found.count, found.zaken) == (42, ())
    assert requests_mock.last_request.qs == {
        "rol__betrokkeneidentificatie__nietnatuurlijkpersoon__kvknummer": [zgw.TEST_KVK],
        "maximalevertrouwelijkheidaanduiding": ["openbaar"],
        "einddatum__isnull": ["false"],
        "ordering": ["-startdatum"],
        "page": ["3"],
        "pagesize": ["10"],
    }


def test_a_page_of_chosen_zaaktypen_is_a_zoek_search(zgw_clients, requests_mock) -> None:
    requests_mock.post(zgw.zaken_url("zaken/_zoek"), json=zgw.page([], count=0))

    zgw_clients.zaken.zaken_page(
        person_filters(bsn=zgw.TEST_BSN),
        max_vertrouwelijkheid=Vertrouwelijkheid.zaakvertrouwelijk,
        zaaktypen=["http://zaken.test/catalogi/api/v1/zaaktypen/1"],
        closed=False,
        expand=("rollen",),
    )

    request = requests_mock.last_request
    assert request.qs == {"page": ["1"], "pagesize": ["10"], "expand": ["rollen"]}
    assert request.json() == {
        "rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": zgw.TEST_BSN,
        "maximaleVertrouwelijkheidaanduiding": "zaakvertrouwelijk",
        "einddatum__isnull": True,  # open zaken
        "zaaktype__in": ["http://zaken.test/catalogi/api/v1/zaaktypen/1"],
        "ordering": ["-startdatum"],
    }
    assert request.headers["Accept-Crs"] == "EPSG:4326"


def test_zaak_by_uuid_builds_the_url_under_the_api_root(zgw_clients, requests_mock) -> None:
    payload = zgw.zaak(
        verlenging={"reden": "Advies nodig", "duur": "P2W"},
        opschorting={"indicatie": True, "eerdereOpschorting": False, "reden": "Wacht op stukken"},
        einddatum="2024-04-20",
    )
    requests_mock.get(payload["url"], json=payload, headers=zgw.ZAKEN_RESPONSE_HEADERS)

    zaak = zgw_clients.zaken.zaak(UUID(payload["uuid"]))

    assert isinstance(zaak, Zaak)
    assert zaak.url == payload["url"]
    assert zaak.verlenging is not None and zaak.verlenging.duur.total_days == 14
    assert zaak.is_opgeschort and zaak.opschorting.reden == "Wacht op stukken"
    assert zaak.is_closed
    assert "expand" not in requests_mock.last_request.qs


def test_statussen_rollen_resultaat_and_status(zgw_clients, requests_mock) -> None:
    zaak_url = zgw.zaken_url(f"zaken/{zgw.new_uuid()}")
    statussen = [zgw.status(zaak=zaak_url, volgnummer=n) for n in (2, 1)]
    rollen = [zgw.rol(zaak=zaak_url), zgw.rol(zaak=zaak_url, kvk=zgw.TEST_KVK)]
    resultaat = zgw.resultaat(zaak=zaak_url)
    requests_mock.get(zgw.zaken_url("statussen"), json=zgw.page(statussen))
    requests_mock.get(zgw.zaken_url("rollen"), json=zgw.page(rollen))
    requests_mock.get(resultaat["url"], json=resultaat)
    requests_mock.get(statussen[0]["url"], json=statussen[0])

    parsed_statussen = zgw_clients.zaken.statussen(zaak_url)
    person, company = zgw_clients.zaken.rollen(zaak_url)
    parsed_resultaat = zgw_clients.zaken.resultaat(resultaat["url"])
    status = zgw_clients.zaken.status(statussen[0]["url"])

    assert [s.statustype for s in parsed_statussen] == [s["statustype"] for s in statussen]
    assert status.datum_status_gezet == datetime(2024, 3, 4, 9, 30, tzinfo=UTC)
    assert status.indicatie_laatst_gezette_status is True
    assert (person.betrokkene_type, person.inp_bsn, person.naam) == (
        "natuurlijk_persoon",
        zgw.TEST_BSN,
        "Jan Jansen",
    )
    assert person.omschrijving_generiek == "initiator"
    assert (company.kvk_nummer, company.inp_bsn) == (zgw.TEST_KVK, "")
    assert company.naam == "Bakkerij De Korenschoof B.V."
    assert parsed_resultaat.resultaattype == resultaat["resultaattype"]
    assert parsed_resultaat.expanded_resultaattype is None


def test_a_rol_never_shows_the_bsn_in_its_repr() -> None:
    rol = Rol.from_api(zgw.rol())

    assert zgw.TEST_BSN not in repr(rol)
    assert "Jansen" not in repr(rol)


def test_zaakinformatieobjecten_filter_on_informatieobject(zgw_clients, requests_mock) -> None:
    zaak_url = zgw.zaken_url(f"zaken/{zgw.new_uuid()}")
    zio = zgw.zaakinformatieobject(zaak=zaak_url)
    requests_mock.get(zgw.zaken_url("zaakinformatieobjecten"), json=[zio])

    (parsed,) = zgw_clients.zaken.zaakinformatieobjecten(
        zaak_url, informatieobject=zio["informatieobject"]
    )

    assert requests_mock.last_request.qs["informatieobject"] == [zio["informatieobject"].lower()]
    assert parsed.informatieobject == zio["informatieobject"]
    assert parsed.aard_relatie_weergave == "Hoort bij, omgekeerd: kent"
    assert parsed.status is None


def test_expand_must_be_a_sequence_of_paths(zgw_clients) -> None:
    with pytest.raises(TypeError):
        zgw_clients.zaken.zaak(zgw.new_uuid(), expand="zaaktype")
