"""The Zaken API stand-in over real HTTP: every endpoint and filter, validated against the spec."""

import pytest

from demo.backoffice.seed import uid
from tests.demo.contract import assert_problem, assert_valid

SUZANNE = "999993653"
SIERRA = "999991954"
BSN_FILTER = "rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn"


def zaak_url(backoffice, key: str) -> str:
    return f"{backoffice.zaken_url}/zaken/{uid(f'zaak:{key}')}"


def zaken(backoffice, **params) -> dict:
    return assert_valid("zaken", backoffice.get(f"{backoffice.zaken_url}/zaken", params=params))


def identificaties(body: dict) -> set[str]:
    return {zaak["url"].rsplit("/", 1)[-1] for zaak in body["results"]}


def keys(*names: str) -> set[str]:
    return {str(uid(f"zaak:{name}")) for name in names}


def test_list_is_paginated_with_absolute_urls_of_the_requested_host(demo_backoffice):
    body = zaken(demo_backoffice)

    assert body["count"] == len(body["results"]) == 33
    assert body["next"] is None and body["previous"] is None
    assert all(zaak["url"].startswith(demo_backoffice.base_url) for zaak in body["results"])
    assert all(zaak["_expand"] == {} for zaak in body["results"])


def test_page_size_splits_the_list_and_next_links_follow_on(demo_backoffice):
    first = zaken(demo_backoffice, **{BSN_FILTER: SIERRA, "pageSize": 10})
    seen = identificaties(first)
    page = first
    while page["next"]:
        page = assert_valid("zaken", demo_backoffice.get(page["next"]))
        seen |= identificaties(page)

    assert first["count"] == 25
    assert len(first["results"]) == 10
    assert len(seen) == 25
    assert page["previous"] is not None


def test_page_size_is_capped_at_500_and_a_page_past_the_end_is_404(demo_backoffice):
    assert len(zaken(demo_backoffice, pageSize=100000)["results"]) == 33

    response = demo_backoffice.get(f"{demo_backoffice.zaken_url}/zaken", params={"page": 9})

    assert response.status_code == 404
    assert response.headers["Content-Type"] == "application/json"  # as Open Zaak, not problem+json
    assert response.json()["detail"] == "Ongeldige pagina."


def test_filter_on_bsn_returns_every_zaak_with_a_rol_for_that_person(demo_backoffice):
    body = zaken(demo_backoffice, **{BSN_FILTER: SUZANNE})

    assert identificaties(body) == keys(
        "suzanne-parkeervergunning",
        "suzanne-omgevingsvergunning",
        "suzanne-bijzondere-bijstand",
        "suzanne-interne-heroverweging",
        "suzanne-zonder-status",
        "suzanne-geheim",
    )


def test_maximale_vertrouwelijkheid_is_a_threshold_on_the_ordered_scale(demo_backoffice):
    zaakvertrouwelijk = zaken(
        demo_backoffice,
        **{BSN_FILTER: SUZANNE, "maximaleVertrouwelijkheidaanduiding": "zaakvertrouwelijk"},
    )
    beperkt = zaken(
        demo_backoffice,
        **{BSN_FILTER: SUZANNE, "maximaleVertrouwelijkheidaanduiding": "beperkt_openbaar"},
    )

    assert keys("suzanne-geheim").isdisjoint(identificaties(zaakvertrouwelijk))
    assert zaakvertrouwelijk["count"] == 5
    assert identificaties(beperkt) == keys(
        "suzanne-parkeervergunning",
        "suzanne-omgevingsvergunning",
        "suzanne-interne-heroverweging",
        "suzanne-zonder-status",
    )


def test_filter_on_rol_omschrijving_generiek(demo_backoffice):
    body = zaken(demo_backoffice, rol__omschrijvingGeneriek="mede_initiator")

    assert identificaties(body) == keys("sierra-evenement")


def test_rol_filters_on_zaken_may_match_different_rollen(demo_backoffice):
    # As Django's chained filters in Open Zaak: Suzanne is belanghebbende on the
    # omgevingsvergunning, someone else is its initiator. Portals re-check the rol.
    body = zaken(demo_backoffice, **{BSN_FILTER: SUZANNE, "rol__omschrijvingGeneriek": "initiator"})

    assert keys("suzanne-omgevingsvergunning") <= identificaties(body)


def test_filter_on_company_by_rsin_and_kvk(demo_backoffice):
    by_rsin = zaken(
        demo_backoffice, rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId="002564440"
    )
    by_kvk = zaken(
        demo_backoffice, rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__kvkNummer="69599084"
    )

    assert identificaties(by_rsin) == identificaties(by_kvk) == keys("stichting-evenement")


def test_filter_on_zaaktype_identificatie_and_einddatum(demo_backoffice):
    zaaktype = f"{demo_backoffice.catalogi_url}/zaaktypen/{uid('zaaktype:HEROVERWEGING-INTERN')}"
    parkeer = assert_valid(
        "zaken", demo_backoffice.get(zaak_url(demo_backoffice, "suzanne-parkeervergunning"))
    )

    assert identificaties(zaken(demo_backoffice, zaaktype=zaaktype)) == keys(
        "suzanne-interne-heroverweging"
    )
    assert identificaties(zaken(demo_backoffice, identificatie=parkeer["identificatie"])) == keys(
        "suzanne-parkeervergunning"
    )
    open_ = zaken(demo_backoffice, **{BSN_FILTER: SUZANNE, "einddatum__isnull": "true"})
    closed = zaken(demo_backoffice, **{BSN_FILTER: SUZANNE, "einddatum__isnull": "false"})
    assert identificaties(closed) == keys("suzanne-bijzondere-bijstand")
    assert open_["count"] == 5


def test_filter_with_an_unknown_url_matches_nothing(demo_backoffice):
    body = zaken(
        demo_backoffice, zaaktype=f"{demo_backoffice.catalogi_url}/zaaktypen/{uid('nothing')}"
    )

    assert body["count"] == 0


@pytest.mark.parametrize(("ordering", "descending"), [("startdatum", False), ("-startdatum", True)])
def test_ordering_on_startdatum(demo_backoffice, ordering, descending):
    body = zaken(demo_backoffice, **{BSN_FILTER: SIERRA, "ordering": ordering})

    dates = [zaak["startdatum"] for zaak in body["results"]]
    assert dates == sorted(dates, reverse=descending)


def test_ordering_on_einddatum_puts_open_zaken_last(demo_backoffice):
    body = zaken(demo_backoffice, **{BSN_FILTER: SIERRA, "ordering": "einddatum"})

    einddata = [zaak["einddatum"] for zaak in body["results"]]
    closed = [day for day in einddata if day is not None]
    assert einddata == closed + [None] * (len(einddata) - len(closed))
    assert closed == sorted(closed)


def test_unknown_or_invalid_parameters_are_rejected_like_open_zaak(demo_backoffice):
    unknown = demo_backoffice.get(
        f"{demo_backoffice.zaken_url}/zaken", params={"rol__bsn": SUZANNE}
    )
    invalid = demo_backoffice.get(
        f"{demo_backoffice.zaken_url}/zaken",
        params={"maximaleVertrouwelijkheidaanduiding": "heel_geheim"},
    )

    body = assert_problem("zaken", "/zaken", unknown, 400)
    assert body["invalidParams"][0]["code"] == "unknown-parameters"
    body = assert_problem("zaken", "/zaken", invalid, 400)
    assert body["invalidParams"][0]["name"] == "maximaleVertrouwelijkheidaanduiding"


def test_expand_on_the_list_embeds_zaaktype_status_resultaat_and_rollen(demo_backoffice):
    body = zaken(
        demo_backoffice,
        **{
            BSN_FILTER: SUZANNE,
            "expand": "zaaktype,status.statustype,resultaat.resultaattype,rollen",
        },
    )

    by_url = {zaak["url"]: zaak for zaak in body["results"]}
    closed = by_url[zaak_url(demo_backoffice, "suzanne-bijzondere-bijstand")]
    expand = closed["_expand"]
    assert expand["zaaktype"]["url"] == closed["zaaktype"]
    assert expand["status"]["url"] == closed["status"]
    assert expand["status"]["_expand"]["statustype"]["url"] == expand["status"]["statustype"]
    assert expand["status"]["_expand"]["statustype"]["isEindstatus"] is True
    assert expand["resultaat"]["_expand"]["resultaattype"]["omschrijving"] == "Toegekend"
    assert [rol["url"] for rol in expand["rollen"]] == closed["rollen"]
    zonder_status = by_url[zaak_url(demo_backoffice, "suzanne-zonder-status")]["_expand"]
    assert "status" not in zonder_status and "resultaat" not in zonder_status


def test_expand_on_the_detail_with_nested_roltype_and_documents(demo_backoffice):
    url = zaak_url(demo_backoffice, "sierra-evenement")

    zaak = assert_valid(
        "zaken",
        demo_backoffice.get(url, params={"expand": "rollen.roltype,zaakinformatieobjecten,status"}),
    )

    expand = zaak["_expand"]
    assert {rol["_expand"]["roltype"]["omschrijvingGeneriek"] for rol in expand["rollen"]} == {
        "initiator",
        "mede_initiator",
        "behandelaar",
    }
    assert len(expand["zaakinformatieobjecten"]) == 11
    assert "_expand" not in expand["status"]


def test_unknown_expand_is_a_validation_error(demo_backoffice):
    response = demo_backoffice.get(
        f"{demo_backoffice.zaken_url}/zaken", params={"expand": "zaaktype,besluiten"}
    )

    assert_problem("zaken", "/zaken", response, 400)


def test_detail_of_an_unknown_zaak_is_404(demo_backoffice):
    response = demo_backoffice.get(f"{demo_backoffice.zaken_url}/zaken/{uid('no such zaak')}")

    assert_problem("zaken", "/zaken/{uuid}", response, 404, "not_found")


def test_detail_carries_an_etag_that_answers_304(demo_backoffice):
    url = zaak_url(demo_backoffice, "suzanne-parkeervergunning")
    first = demo_backoffice.get(url)

    again = demo_backoffice.get(url, headers={"If-None-Match": first.headers["ETag"]})

    assert_valid("zaken", first)
    assert again.status_code == 304


def test_statussen_of_a_zaak_newest_first_with_the_current_one_marked(demo_backoffice):
    zaak = assert_valid("zaken", demo_backoffice.get(zaak_url(demo_backoffice, "sierra-evenement")))

    body = assert_valid(
        "zaken",
        demo_backoffice.get(f"{demo_backoffice.zaken_url}/statussen", params={"zaak": zaak["url"]}),
    )

    gezet = [status["datumStatusGezet"] for status in body["results"]]
    assert body["count"] == 8
    assert gezet == sorted(gezet, reverse=True)
    assert body["results"][0]["url"] == zaak["status"]
    assert [status["indicatieLaatstGezetteStatus"] for status in body["results"]] == [True] + [
        False
    ] * 7


def test_statussen_filters_on_statustype_and_laatst_gezet(demo_backoffice):
    zaak = zaak_url(demo_backoffice, "sierra-evenement")
    statustype = (
        f"{demo_backoffice.catalogi_url}/statustypen/{uid('statustype:EVENEMENTENVERGUNNING:5')}"
    )

    by_type = assert_valid(
        "zaken",
        demo_backoffice.get(
            f"{demo_backoffice.zaken_url}/statussen",
            params={"zaak": zaak, "statustype": statustype},
        ),
    )
    laatste = assert_valid(
        "zaken",
        demo_backoffice.get(
            f"{demo_backoffice.zaken_url}/statussen",
            params={"indicatieLaatstGezetteStatus": "true", "pageSize": 500},
        ),
    )

    assert [status["statustype"] for status in by_type["results"]] == [statustype]
    assert by_type["results"][0]["statustoelichting"].startswith("Het Marktplein")
    assert laatste["count"] == 32  # every zaak except the one without a status


def test_status_detail_lists_its_documents(demo_backoffice):
    status = f"{demo_backoffice.zaken_url}/statussen/{uid('status:sierra-evenement:7')}"

    body = assert_valid("zaken", demo_backoffice.get(status))

    assert len(body["zaakinformatieobjecten"]) == 1
    assert body["zaakinformatieobjecten"][0].startswith(
        f"{demo_backoffice.zaken_url}/zaakinformatieobjecten/"
    )


def test_rollen_filters(demo_backoffice):
    zaak = zaak_url(demo_backoffice, "suzanne-omgevingsvergunning")
    url = f"{demo_backoffice.zaken_url}/rollen"

    all_rollen = assert_valid("zaken", demo_backoffice.get(url, params={"zaak": zaak}))
    hers = assert_valid(
        "zaken",
        demo_backoffice.get(
            url,
            params={"zaak": zaak, "betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": SUZANNE},
        ),
    )
    initiator = assert_valid(
        "zaken",
        demo_backoffice.get(url, params={"zaak": zaak, "omschrijvingGeneriek": "initiator"}),
    )

    assert {rol["betrokkeneType"] for rol in all_rollen["results"]} == {
        "natuurlijk_persoon",
        "medewerker",
    }
    assert [rol["omschrijvingGeneriek"] for rol in hers["results"]] == ["belanghebbende"]
    assert [rol["betrokkeneIdentificatie"]["inpBsn"] for rol in initiator["results"]] == [
        "999995182"
    ]


def test_rol_detail(demo_backoffice):
    rollen = demo_backoffice.get(
        f"{demo_backoffice.zaken_url}/rollen", params={"pageSize": 1}
    ).json()

    assert_valid("zaken", demo_backoffice.get(rollen["results"][0]["url"]))


def test_resultaten_of_a_closed_zaak(demo_backoffice):
    zaak = assert_valid(
        "zaken", demo_backoffice.get(zaak_url(demo_backoffice, "suzanne-bijzondere-bijstand"))
    )

    body = assert_valid(
        "zaken",
        demo_backoffice.get(
            f"{demo_backoffice.zaken_url}/resultaten", params={"zaak": zaak["url"]}
        ),
    )
    detail = assert_valid("zaken", demo_backoffice.get(zaak["resultaat"]))

    assert [resultaat["url"] for resultaat in body["results"]] == [zaak["resultaat"]]
    assert detail["resultaattype"].startswith(f"{demo_backoffice.catalogi_url}/resultaattypen/")


def test_zaakinformatieobjecten_is_a_plain_array_filtered_by_zaak_and_document(demo_backoffice):
    zaak = zaak_url(demo_backoffice, "suzanne-parkeervergunning")
    url = f"{demo_backoffice.zaken_url}/zaakinformatieobjecten"

    of_zaak = assert_valid("zaken", demo_backoffice.get(url, params={"zaak": zaak}))
    document = of_zaak[0]["informatieobject"]
    of_document = assert_valid(
        "zaken", demo_backoffice.get(url, params={"zaak": zaak, "informatieobject": document})
    )
    detail = assert_valid("zaken", demo_backoffice.get(of_document[0]["url"]))

    assert isinstance(of_zaak, list) and len(of_zaak) == 4
    assert [zio["informatieobject"] for zio in of_document] == [document]
    assert detail["zaak"] == zaak
