"""A download whose back office fails before the first byte of the content is the styled 503
page, not a stream that breaks at once (under runserver: a bare `500 text/plain`, after the
whole read timeout); one that fails after the first byte is cut off, as before (issue 9).

The back office is real: a demo back office (with its 1 MiB document, 16 chunks) behind
tests/fixtures/failing_upstream.py, a proxy that answers a document's content with its headers
and then fails."""

import time
from collections.abc import Iterator

import pytest
from django.http import StreamingHttpResponse
from django.test import Client
from django.urls import reverse

from demo.backoffice.seed import uid
from mijnomgeving.clients.base import UpstreamUnavailable
from tests.fixtures.backoffice import DemoBackoffice, start_backoffice, stop_backoffice
from tests.fixtures.failing_upstream import FailingUpstream
from tests.fixtures.oidc import log_in_resident
from tests.zaken.test_views import text

SIERRA = "999991954"
ZAAK = uid("zaak:sierra-02")
GROOT = uid("document:sierra-groot-document")  # 1 MiB: more than one 64 KiB chunk
DOWNLOAD = reverse("zaken:document-download", kwargs={"uuid": ZAAK, "document_uuid": GROOT})
READ_TIMEOUT = 0.5


@pytest.fixture(scope="module")
def backoffice() -> Iterator[DemoBackoffice]:
    backoffice = start_backoffice({"DEMO_LARGE_DOCUMENT_MB": "1"})
    try:
        yield backoffice
    finally:
        stop_backoffice(backoffice)


@pytest.fixture
def upstream(backoffice: DemoBackoffice, make_zgw_services, settings) -> Iterator[FailingUpstream]:
    """The back office behind the failing proxy; the portal's Services point at the proxy."""
    settings.UPSTREAM_READ_TIMEOUT = READ_TIMEOUT
    with FailingUpstream(backoffice.base_url) as upstream:
        make_zgw_services(
            api_root_base=upstream.base_url,
            client_id=backoffice.client_id,
            secret=backoffice.secret,
        )
        yield upstream


@pytest.fixture
def sierra(client: Client, db: None) -> Client:
    log_in_resident(client, SIERRA)
    return client


def content_of(backoffice: DemoBackoffice) -> bytes:
    response = backoffice.get(f"/documenten/api/v1/enkelvoudiginformatieobjecten/{GROOT}/download")
    response.raise_for_status()
    assert len(response.content) == 1024 * 1024
    return response.content


def test_through_the_proxy_a_download_arrives_whole(
    upstream: FailingUpstream, sierra: Client, backoffice: DemoBackoffice
) -> None:
    response = sierra.get(DOWNLOAD)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content_of(backoffice)


@pytest.mark.parametrize("failure", ["stall", "drop"])
def test_a_back_office_failing_before_the_first_byte_gives_the_503_page(
    upstream: FailingUpstream, sierra: Client, caplog: pytest.LogCaptureFixture, failure: str
) -> None:
    upstream.download = failure  # type: ignore[assignment]

    started = time.monotonic()
    response = sierra.get(DOWNLOAD)
    took = time.monotonic() - started

    assert response.status_code == 503
    assert not isinstance(response, StreamingHttpResponse)
    assert response.headers["Content-Type"].startswith("text/html")
    assert response.headers["Retry-After"] == "60"
    assert "Content-Disposition" not in response.headers
    assert "Dit document is tijdelijk niet beschikbaar" in text(response)
    assert "download broke off before its first byte" in caplog.text
    if failure == "stall":  # the read timeout, and not much more
        assert READ_TIMEOUT <= took < READ_TIMEOUT + 4


def test_a_back_office_failing_after_the_first_byte_cuts_the_download_off(
    upstream: FailingUpstream, sierra: Client, backoffice: DemoBackoffice
) -> None:
    content = content_of(backoffice)
    upstream.download = "cut"

    response = sierra.get(DOWNLOAD)

    # The first bytes are in: the headers go out, and the break can only end the stream.
    assert response.status_code == 200
    assert response.headers["Content-Length"] == str(len(content))
    received = []
    with pytest.raises(UpstreamUnavailable, match="download broke off"):
        for chunk in response.streaming_content:
            received.append(chunk)
    assert content.startswith(b"".join(received)) and len(b"".join(received)) < len(content)
    assert received  # the first chunks did go out
