"""What goes on the wire: headers, timeouts, paging, and never credentials to another host."""

import pytest
from django.test import override_settings

from mijnomgeving.clients.base import (
    ClientConfigurationError,
    ForeignUrlError,
    UpstreamInvalidResponse,
)
from mijnomgeving.clients.catalogi import build_catalogi_client
from mijnomgeving.clients.zgw import build_zgw_clients
from tests.clients.lists import ZAKEN_LIST, list_zaken
from tests.factories import zgw


@override_settings(UPSTREAM_CONNECT_TIMEOUT=1.5, UPSTREAM_READ_TIMEOUT=7.0)
def test_zaken_calls_send_accept_crs_json_and_both_timeouts(zgw_clients, requests_mock) -> None:
    requests_mock.get(ZAKEN_LIST, json=zgw.page([]), headers=zgw.ZAKEN_RESPONSE_HEADERS)

    list_zaken(zgw_clients)

    request = requests_mock.last_request
    assert request.headers["Accept-Crs"] == "EPSG:4326"
    assert request.headers["Accept"] == "application/json"
    assert request.timeout == (1.5, 7.0)
    assert request.qs == {
        "rol__betrokkeneidentificatie__natuurlijkpersoon__inpbsn": [zgw.TEST_BSN],
        "maximalevertrouwelijkheidaanduiding": ["zaakvertrouwelijk"],
    }


def test_catalogi_calls_send_no_accept_crs(zgw_clients, requests_mock) -> None:
    payload = zgw.zaaktype()
    requests_mock.get(payload["url"], json=payload)

    zgw_clients.catalogi.zaaktype(payload["url"])

    assert "Accept-Crs" not in requests_mock.last_request.headers


def test_paging_follows_next_until_null(zgw_clients, requests_mock) -> None:
    zaken = [zgw.zaak() for _ in range(5)]
    page_2, page_3 = f"{ZAKEN_LIST}?page=2", f"{ZAKEN_LIST}?page=3"
    requests_mock.get(ZAKEN_LIST, json=zgw.page(zaken[:2], next=page_2, count=5))
    requests_mock.get(page_2, json=zgw.page(zaken[2:4], next=page_3, count=5))
    requests_mock.get(page_3, json=zgw.page(zaken[4:], count=5))
    for body in (zgw.page(zaken[:2], next=page_2, count=5),):
        zgw.assert_valid("zaken", ZAKEN_LIST, body, headers=zgw.ZAKEN_RESPONSE_HEADERS)

    result = list_zaken(zgw_clients)

    assert [zaak.url for zaak in result] == [zaak["url"] for zaak in zaken]
    assert len(requests_mock.request_history) == 3
    assert all("Authorization" in call.headers for call in requests_mock.request_history)


@override_settings(UPSTREAM_MAX_PAGES=2)
def test_paging_stops_with_an_error_at_the_cap(zgw_clients, requests_mock) -> None:
    requests_mock.get(ZAKEN_LIST, json=zgw.page([zgw.zaak()], next=f"{ZAKEN_LIST}?page=2"))
    requests_mock.get(f"{ZAKEN_LIST}?page=2", json=zgw.page([], next=f"{ZAKEN_LIST}?page=3"))

    with pytest.raises(UpstreamInvalidResponse, match="UPSTREAM_MAX_PAGES"):
        list_zaken(zgw_clients)
    assert len(requests_mock.request_history) == 2


def test_a_next_link_that_loops_is_an_error(zgw_clients, requests_mock) -> None:
    page_2 = f"{ZAKEN_LIST}?page=2"
    requests_mock.get(ZAKEN_LIST, json=zgw.page([], next=page_2))
    requests_mock.get(page_2, json=zgw.page([], next=page_2))

    with pytest.raises(UpstreamInvalidResponse, match="loops"):
        list_zaken(zgw_clients)


def test_a_next_link_to_another_host_is_never_requested(zgw_clients, requests_mock) -> None:
    evil = "http://evil.test/zaken/api/v1/zaken?page=2"
    requests_mock.get(ZAKEN_LIST, json=zgw.page([zgw.zaak()], next=evil))
    foreign = requests_mock.get(evil, json=zgw.page([]))

    with pytest.raises(ForeignUrlError):
        list_zaken(zgw_clients)
    assert not foreign.called


@pytest.mark.parametrize(
    "url",
    [
        "http://evil.test/zaken/api/v1/zaken/1",
        "https://zaken.test/zaken/api/v1/zaken/1",
        "http://zaken.test:8080/zaken/api/v1/zaken/1",
        "http://zaken.test/catalogi/api/v1/zaaktypen/1",
        "http://zaken.test@evil.test/zaken/api/v1/zaken/1",
        "http://user:pw@zaken.test/zaken/api/v1/zaken/1",
        "http://zaken.test/zaken/api/v1/../../catalogi/api/v1/x",
        "http://zaken.test.evil.test/zaken/api/v1/zaken/1",
    ],
)
def test_resource_urls_outside_the_api_root_are_refused(zgw_clients, requests_mock, url) -> None:
    with pytest.raises(ForeignUrlError):
        zgw_clients.zaken.status(url)
    assert requests_mock.call_count == 0


def test_a_redirect_to_another_host_is_not_followed(zgw_clients, requests_mock) -> None:
    payload = zgw.zaaktype()
    requests_mock.get(payload["url"], status_code=302, headers={"Location": "http://evil.test/x"})
    foreign = requests_mock.get("http://evil.test/x", json=payload)

    with pytest.raises(ForeignUrlError):
        zgw_clients.catalogi.zaaktype(payload["url"])
    assert not foreign.called


def test_a_redirect_within_the_api_root_is_followed(zgw_clients, requests_mock) -> None:
    payload = zgw.zaaktype()
    old = zgw.catalogi_url("zaaktypen/00000000-0000-4000-8000-000000000000")
    requests_mock.get(old, status_code=301, headers={"Location": payload["url"]})
    requests_mock.get(payload["url"], json=payload)

    assert zgw_clients.catalogi.zaaktype(old).url == payload["url"]


def test_unpaginated_endpoints_take_a_plain_array(zgw_clients, requests_mock) -> None:
    zaak_url = zgw.zaken_url(f"zaken/{zgw.new_uuid()}")
    body = [zgw.zaakinformatieobject(zaak=zaak_url) for _ in range(2)]
    zgw.assert_valid("zaken", f"zaakinformatieobjecten?zaak={zaak_url}", body)
    requests_mock.get(zgw.zaken_url("zaakinformatieobjecten"), json=body)

    result = zgw_clients.zaken.zaakinformatieobjecten(zaak_url)

    assert [zio.url for zio in result] == [item["url"] for item in body]
    assert requests_mock.last_request.qs == {"zaak": [zaak_url.lower()]}


def test_a_missing_service_is_a_configuration_error(db, zgw_actor, settings) -> None:
    settings.ZAKEN_SERVICE_SLUG = "zaken-not-there"

    with pytest.raises(ClientConfigurationError, match="zaken-not-there"):
        build_zgw_clients(zgw_actor)


def test_an_unsupported_auth_type_is_a_configuration_error(zgw_services, zgw_actor) -> None:
    zgw_services.catalogi.auth_type = "kerberos"
    zgw_services.catalogi.save()

    with pytest.raises(ClientConfigurationError, match="not supported"):
        build_catalogi_client(zgw_actor)


def test_clients_of_one_service_share_one_pooled_session(zgw_services, zgw_actor) -> None:
    first, second = build_zgw_clients(zgw_actor).zaken, build_zgw_clients(zgw_actor).zaken

    assert first._session is second._session
    adapter = first._session.get_adapter(first.api_root)
    assert adapter._pool_maxsize >= 10


def test_the_three_zgw_clients_read_their_services_in_one_query(
    zgw_services, zgw_actor, django_assert_num_queries
) -> None:
    from mijnomgeving.clients.zgw import build_zgw_clients

    with django_assert_num_queries(1):
        clients = build_zgw_clients(zgw_actor)

    assert {clients.zaken.config.slug, clients.catalogi.config.slug} == {"zaken", "catalogi"}
    assert clients.documenten.config.slug == "documenten"
