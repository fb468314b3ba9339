"""record_upstream_calls: "this page made N upstream calls", with nothing special in the page."""

import pytest

from mijnomgeving.clients.base import UpstreamUnavailable
from mijnomgeving.clients.calls import record_upstream_calls
from mijnomgeving.clients.vertrouwelijkheid import Vertrouwelijkheid
from mijnomgeving.clients.zaken import person_filters
from tests.factories import zgw


def test_calls_are_recorded_with_service_url_status_and_duration(
    zgw_clients, requests_mock
) -> None:
    zaak = zgw.zaak()
    requests_mock.get(zgw.zaken_url("zaken"), json=zgw.page([zaak]))
    requests_mock.get(zaak["zaaktype"], status_code=500)

    with record_upstream_calls() as outer:
        zgw_clients.zaken.zaken_page(
            person_filters(bsn=zgw.TEST_BSN),
            max_vertrouwelijkheid=Vertrouwelijkheid.zaakvertrouwelijk,
        )
        with record_upstream_calls() as inner, pytest.raises(UpstreamUnavailable):
            zgw_clients.catalogi.zaaktype(zaak["zaaktype"])

    assert outer.count == 2 and inner.count == 1
    listing, failed = outer.calls
    assert (listing.service, listing.method, listing.status_code) == ("Open Zaak Zaken", "GET", 200)
    assert listing.url == zgw.zaken_url("zaken")  # no query: no BSN
    assert (failed.service, failed.status_code) == ("Open Zaak Catalogi", 500)
    assert outer.total_duration >= 0


def test_nothing_is_recorded_outside_a_block(zgw_clients, requests_mock) -> None:
    payload = zgw.zaaktype()
    requests_mock.get(payload["url"], json=payload)
    zgw_clients.catalogi.zaaktype(payload["url"])

    with record_upstream_calls() as calls:
        zgw_clients.catalogi.zaaktype(payload["url"])  # cached: no call

    assert calls.count == 0


def test_foreign_urls_are_refused_before_any_call(zgw_clients) -> None:
    with record_upstream_calls() as calls, pytest.raises(Exception, match="api_root"):
        zgw_clients.catalogi.zaaktype("http://evil.test/catalogi/api/v1/zaaktypen/1")

    assert calls.count == 0
