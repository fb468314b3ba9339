"""CatalogiClient: typed catalogi resources, cached by URL for CATALOGI_CACHE_SECONDS."""

import pytest
from django.core.cache import cache

from mijnomgeving.clients.base import UpstreamNotFound, UpstreamUnavailable
from mijnomgeving.clients.calls import record_upstream_calls
from mijnomgeving.clients.catalogi_resources import ZaakType
from mijnomgeving.clients.duur import Duur
from mijnomgeving.clients.vertrouwelijkheid import Vertrouwelijkheid
from tests.factories import zgw


def test_zaaktype_parses_and_the_second_call_comes_from_the_cache(
    zgw_clients, requests_mock
) -> None:
    payload = zgw.zaaktype(servicenorm="P8W", doorlooptijd="P2M")
    requests_mock.get(payload["url"], json=payload)

    first = zgw_clients.catalogi.zaaktype(payload["url"])
    second = zgw_clients.catalogi.zaaktype(payload["url"])

    assert requests_mock.call_count == 1
    assert first == second
    assert first.omschrijving == "Omgevingsvergunning"
    assert first.is_extern
    assert first.vertrouwelijkheidaanduiding is Vertrouwelijkheid.zaakvertrouwelijk
    assert first.doorlooptijd == Duur(iso="P2M", months=2)
    assert first.servicenorm is not None and first.servicenorm.total_days == 56
    assert first.statustypen == tuple(payload["statustypen"])


def test_the_cache_can_be_switched_off(zgw_clients, requests_mock, settings) -> None:
    settings.CATALOGI_CACHE_SECONDS = 0
    payload = zgw.resultaattype()
    requests_mock.get(payload["url"], json=payload)

    zgw_clients.catalogi.resultaattype(payload["url"])
    zgw_clients.catalogi.resultaattype(payload["url"])

    assert requests_mock.call_count == 2


def test_failures_are_not_cached(zgw_clients, requests_mock) -> None:
    payload = zgw.informatieobjecttype()
    requests_mock.get(payload["url"], [{"status_code": 503}, {"json": payload}])

    with pytest.raises(UpstreamUnavailable):
        zgw_clients.catalogi.informatieobjecttype(payload["url"])
    parsed = zgw_clients.catalogi.informatieobjecttype(payload["url"])

    assert parsed.vertrouwelijkheidaanduiding is Vertrouwelijkheid.openbaar


def test_statustypen_are_sorted_and_seed_the_cache_per_statustype(
    zgw_clients, requests_mock
) -> None:
    statustypen = [zgw.statustype(volgnummer=n) for n in (3, 1, 2)]
    zgw.assert_valid("catalogi", "statustypen", zgw.page(statustypen))
    requests_mock.get(zgw.catalogi_url("statustypen"), json=zgw.page(statustypen))
    zaaktype_url = zgw.zaaktype()["url"]

    result = zgw_clients.catalogi.statustypen(zaaktype_url)
    again = zgw_clients.catalogi.statustypen(zaaktype_url)
    one = zgw_clients.catalogi.statustype(statustypen[0]["url"])

    assert [s.volgnummer for s in result] == [1, 2, 3]
    assert result == again
    assert [s.is_eindstatus for s in result] == [False, False, True]
    assert one.omschrijving == "Afgerond"
    assert requests_mock.call_count == 1
    assert requests_mock.last_request.qs == {
        "zaaktype": [zaaktype_url.lower()],
        "status": ["alles"],
    }


def test_many_urls_fetch_only_those_not_cached_in_parallel(zgw_clients, requests_mock) -> None:
    statustypen = [zgw.statustype(volgnummer=n) for n in (1, 2, 3)]
    for payload in statustypen:
        requests_mock.get(payload["url"], json=payload)
    zgw_clients.catalogi.statustype(statustypen[0]["url"])  # now cached
    urls = [s["url"] for s in statustypen]

    with record_upstream_calls() as calls:
        by_url = zgw_clients.catalogi.statustypen_by_url([*urls, urls[1]])

    assert list(by_url) == urls
    assert by_url[urls[2]].volgnummer == 3
    assert sorted(calls.urls()) == sorted(urls[1:])


def test_many_urls_can_report_gaps_instead_of_failing(zgw_clients, requests_mock) -> None:
    good, bad = zgw.zaaktype(), zgw.catalogi_url(f"zaaktypen/{zgw.new_uuid()}")
    requests_mock.get(good["url"], json=good)
    requests_mock.get(bad, status_code=404)

    with pytest.raises(UpstreamNotFound):
        zgw_clients.catalogi.zaaktypen_by_url([good["url"], bad])
    result = zgw_clients.catalogi.fetch_many(
        [good["url"], bad], ZaakType.from_api, return_exceptions=True
    )

    assert result[good["url"]].url == good["url"]
    assert isinstance(result[bad], UpstreamNotFound)


def test_lists_of_zaaktypen_catalogussen_and_document_types(zgw_clients, requests_mock) -> None:
    requests_mock.get(zgw.catalogi_url("zaaktypen"), json=zgw.page([zgw.zaaktype()]))
    requests_mock.get(zgw.catalogi_url("catalogussen"), json=zgw.page([zgw.catalogus()]))
    requests_mock.get(
        zgw.catalogi_url("zaaktype-informatieobjecttypen"),
        json=zgw.page([zgw.zaaktype_informatieobjecttype()]),
    )
    catalogus_url = zgw.catalogus()["url"]

    (zaaktype,) = zgw_clients.catalogi.zaaktypen(catalogus=catalogus_url)
    (catalogus,) = zgw_clients.catalogi.catalogussen()
    (ztiot,) = zgw_clients.catalogi.zaaktype_informatieobjecttypen(zaaktype.url)

    assert zaaktype.catalogus == catalogus.url == catalogus_url
    assert (catalogus.domein, catalogus.rsin) == ("DEMO", zgw.BRONORGANISATIE)
    assert (ztiot.richting, ztiot.volgnummer, ztiot.statustype) == ("uitgaand", 1, None)
    # zaaktypen() seeded the cache for the single zaaktype too.
    assert zgw_clients.catalogi.zaaktype(zaaktype.url) == zaaktype
    assert requests_mock.call_count == 3


def test_a_broken_cache_only_costs_calls(zgw_clients, requests_mock, monkeypatch) -> None:
    def broken(*args, **kwargs):
        raise ConnectionError("redis down")

    monkeypatch.setattr(cache, "get_many", broken)
    monkeypatch.setattr(cache, "set_many", broken)
    payload = zgw.zaaktype()
    requests_mock.get(payload["url"], json=payload)

    assert zgw_clients.catalogi.zaaktype(payload["url"]).url == payload["url"]
