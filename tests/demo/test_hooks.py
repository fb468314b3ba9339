"""The `/_demo/` hooks the benchmark and the notification tests rely on."""

from datetime import date

import pytest
import requests

from demo.backoffice import config
from demo.backoffice.seed import uid
from tests.demo.contract import assert_valid
from tests.specs import assert_response_valid

PARKEER = uid("zaak:suzanne-parkeervergunning")


@pytest.fixture
def latency(demo_backoffice):
    yield demo_backoffice.set_latency
    demo_backoffice.set_latency(0, 0)


@pytest.fixture
def restore_seed(demo_backoffice):
    yield
    demo_backoffice.reset()


def test_health_needs_no_token(demo_backoffice):
    response = requests.get(f"{demo_backoffice.base_url}/_demo/health", timeout=5)

    assert response.status_code == 200


def test_request_log_records_each_api_request_and_can_be_cleared(demo_backoffice):
    demo_backoffice.clear_requests_log()
    demo_backoffice.get(f"{demo_backoffice.catalogi_url}/zaaktypen", params={"status": "alles"})
    demo_backoffice.session.get(f"{demo_backoffice.catalogi_url}/zaaktypen", timeout=5)

    ok, denied = demo_backoffice.requests_log()
    demo_backoffice.clear_requests_log()

    assert ok["method"] == "GET"
    assert ok["path"] == "/catalogi/api/v1/zaaktypen?status=alles"
    assert ok["status"] == 200
    assert ok["started_ms"] <= ok["ended_ms"] <= denied["started_ms"]
    assert denied["status"] == 403 and denied["user_id"] is None
    assert demo_backoffice.requests_log() == []


def test_a_streamed_download_is_logged_when_its_body_is_sent(demo_backoffice):
    url = f"{demo_backoffice.documenten_url}/enkelvoudiginformatieobjecten/{uid('document:sierra-evenement-vergunning')}/download"
    demo_backoffice.clear_requests_log()

    demo_backoffice.get(url).raise_for_status()

    (entry,) = demo_backoffice.requests_log()
    assert entry["path"].endswith("/download") and entry["ended_ms"] is not None


def test_latency_is_injected_into_every_api_request(demo_backoffice, latency):
    latency(80)
    demo_backoffice.clear_requests_log()

    for resource in ("zaken/api/v1/statussen", "catalogi/api/v1/catalogussen"):
        demo_backoffice.get(f"{demo_backoffice.base_url}/{resource}").raise_for_status()

    durations = [
        entry["ended_ms"] - entry["started_ms"] for entry in demo_backoffice.requests_log()
    ]
    assert len(durations) == 2 and min(durations) >= 80


def test_jitter_spreads_latency_around_its_mean(demo_backoffice, latency):
    latency(60, 40)
    demo_backoffice.clear_requests_log()

    for _ in range(6):
        demo_backoffice.get(f"{demo_backoffice.catalogi_url}/catalogussen").raise_for_status()

    durations = [
        entry["ended_ms"] - entry["started_ms"] for entry in demo_backoffice.requests_log()
    ]
    assert min(durations) >= 20
    assert len({round(duration) for duration in durations}) > 1


def test_latency_rejects_nonsense(demo_backoffice):
    response = demo_backoffice.session.put(
        f"{demo_backoffice.base_url}/_demo/latency", json={"ms": -5}, timeout=5
    )

    assert response.status_code == 400


def test_environment_sets_the_knobs(monkeypatch):
    monkeypatch.setenv("DEMO_LATENCY_MS", "120")
    monkeypatch.setenv("DEMO_LATENCY_JITTER_MS", "15.5")
    monkeypatch.setenv("DEMO_LARGE_DOCUMENT_MB", "3")
    monkeypatch.setenv("DEMO_TODAY", "2026-11-22")
    monkeypatch.delenv("DEMO_ZGW_CLIENT_ID", raising=False)

    settings = config.from_environment()

    assert (settings.latency_ms, settings.latency_jitter_ms) == (120, 15.5)
    assert settings.large_document_mb == 3
    assert settings.today == date(2026, 11, 22)
    assert settings.client_id == "mijnomgeving-demo"


def test_environment_refuses_a_negative_latency(monkeypatch):
    monkeypatch.setenv("DEMO_LATENCY_MS", "-1")

    with pytest.raises(ValueError, match="DEMO_LATENCY_MS"):
        config.from_environment()


def test_next_status_moves_a_zaak_on_until_it_closes(demo_backoffice, restore_seed):
    zaak_url = f"{demo_backoffice.zaken_url}/zaken/{PARKEER}"

    fourth = demo_backoffice.next_status(str(PARKEER))
    after_fourth = assert_valid("zaken", demo_backoffice.get(zaak_url))
    fifth = demo_backoffice.next_status(str(PARKEER))
    closed = assert_valid(
        "zaken", demo_backoffice.get(zaak_url, params={"expand": "status.statustype,resultaat"})
    )
    again = demo_backoffice.session.post(
        f"{demo_backoffice.base_url}/_demo/zaken/{PARKEER}/next-status", timeout=5
    )

    assert_response_valid("zaken", "get", fourth["url"], fourth)
    assert fourth["statustype"].endswith(str(uid("statustype:PARKEERVERGUNNING:4")))
    assert after_fourth["status"] == fourth["url"] and after_fourth["einddatum"] is None
    assert closed["status"] == fifth["url"]
    assert closed["_expand"]["status"]["_expand"]["statustype"]["isEindstatus"] is True
    assert closed["einddatum"] == fifth["datumStatusGezet"][:10]
    assert closed["resultaat"] is not None and "resultaat" in closed["_expand"]
    assert again.status_code == 409


def test_reset_restores_the_seed(demo_backoffice):
    zaak_url = f"{demo_backoffice.zaken_url}/zaken/{PARKEER}"
    before = demo_backoffice.get(zaak_url).json()
    demo_backoffice.next_status(str(PARKEER))

    demo_backoffice.reset()

    assert demo_backoffice.get(zaak_url).json() == before
