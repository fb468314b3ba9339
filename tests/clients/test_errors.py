"""Every failure becomes a typed error with service, URL (no query) and duration; no BSN leaks."""

import logging
import time
import traceback

import pytest
import requests

from mijnomgeving.clients.base import (
    UpstreamError,
    UpstreamInvalidResponse,
    UpstreamNotFound,
    UpstreamRejected,
    UpstreamUnavailable,
)
from tests.clients.lists import ZAKEN_LIST, list_zaken
from tests.factories import zgw

FAILURES = [
    pytest.param({"exc": requests.ConnectTimeout}, UpstreamUnavailable, None, id="connect-timeout"),
    pytest.param({"exc": requests.ReadTimeout}, UpstreamUnavailable, None, id="read-timeout"),
    pytest.param({"exc": requests.ConnectionError}, UpstreamUnavailable, None, id="refused"),
    pytest.param({"status_code": 500, "text": "boom"}, UpstreamUnavailable, 500, id="500"),
    pytest.param({"status_code": 503, "text": ""}, UpstreamUnavailable, 503, id="503"),
    pytest.param({"status_code": 429, "json": {}}, UpstreamUnavailable, 429, id="429"),
    pytest.param({"status_code": 404, "json": {}}, UpstreamNotFound, 404, id="404"),
    pytest.param({"status_code": 403, "json": {}}, UpstreamRejected, 403, id="403"),
    pytest.param({"status_code": 400, "json": {}}, UpstreamRejected, 400, id="400"),
    pytest.param(
        {"text": "<html><body>Proxy error</body></html>", "headers": {"Content-Type": "text/html"}},
        UpstreamInvalidResponse,
        200,
        id="html",
    ),
    pytest.param({"json": {"count": 1}}, UpstreamInvalidResponse, None, id="no-results"),
    pytest.param({"json": "zaken"}, UpstreamInvalidResponse, None, id="json-string"),
    pytest.param(
        {"json": zgw.page([{"url": "x"}])}, UpstreamInvalidResponse, None, id="missing-fields"
    ),
]


@pytest.mark.parametrize(("response", "kind", "status"), FAILURES)
def test_failures_map_to_typed_errors_without_the_bsn(
    zgw_clients, requests_mock, caplog, response, kind, status
) -> None:
    caplog.set_level(logging.DEBUG)
    requests_mock.get(ZAKEN_LIST, **response)

    with pytest.raises(kind) as raised:
        list_zaken(zgw_clients)

    error = raised.value
    assert error.service == "Open Zaak Zaken"
    assert error.url == ZAKEN_LIST
    assert error.duration >= 0
    assert error.status_code == status
    # Nothing that leaves this call (message, chained exceptions, logs) holds the BSN.
    assert error.__context__ is None and error.__cause__ is None
    assert zgw.TEST_BSN not in "".join(traceback.format_exception(error))
    # requests_mock's own adapter logs the mocked URL whole; it does not exist in production.
    logged = [r.getMessage() for r in caplog.records if not r.name.startswith("requests_mock")]
    assert zgw.TEST_BSN not in "\n".join(logged)
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "Open Zaak Zaken" in warnings[0].getMessage()
    assert ZAKEN_LIST in warnings[0].getMessage()
    assert " ms" in warnings[0].getMessage()


def test_a_missing_required_field_names_the_field(zgw_clients, requests_mock) -> None:
    payload = zgw.zaak()
    del payload["startdatum"]
    requests_mock.get(payload["url"], json=payload)

    with pytest.raises(UpstreamInvalidResponse, match="startdatum"):
        zgw_clients.zaken.zaak(payload["url"])


def test_a_value_of_the_wrong_type_is_an_invalid_response(zgw_clients, requests_mock) -> None:
    payload = zgw.zaak(validate=False, startdatum="1 maart")
    requests_mock.get(payload["url"], json=payload)

    with pytest.raises(UpstreamInvalidResponse, match="startdatum") as raised:
        zgw_clients.zaken.zaak(payload["url"])
    assert "1 maart" not in str(raised.value)


def test_errors_are_upstream_errors_and_pickle(zgw_clients, requests_mock) -> None:
    import pickle

    requests_mock.get(ZAKEN_LIST, status_code=502)
    with pytest.raises(UpstreamError) as raised:
        list_zaken(zgw_clients)

    copy = pickle.loads(pickle.dumps(raised.value))  # noqa: S301
    assert type(copy) is UpstreamUnavailable
    assert (copy.url, copy.status_code) == (ZAKEN_LIST, 502)


def test_a_failure_halfway_through_the_pages_fails_the_whole_list(
    zgw_clients, requests_mock
) -> None:
    second = f"{ZAKEN_LIST}?page=2"
    requests_mock.get(ZAKEN_LIST, json=zgw.page([zgw.zaak()], next=second, count=2))
    requests_mock.get(second, status_code=503)

    with pytest.raises(UpstreamUnavailable):
        list_zaken(zgw_clients)


@pytest.mark.parametrize(
    "body", [zgw.page([{"url": 12}]), {"count": 1}, [1, 2]], ids=["unparsable", "no-page", "list"]
)
def test_a_malformed_answer_is_logged_with_the_time_it_took(
    zgw_clients, requests_mock, caplog, body
) -> None:
    def slow(request, context):
        time.sleep(0.05)
        return body

    requests_mock.get(ZAKEN_LIST, json=slow)

    with pytest.raises(UpstreamInvalidResponse) as raised:
        list_zaken(zgw_clients)

    assert raised.value.duration >= 0.05
    [warning] = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert " in 0 ms" not in warning.getMessage()
