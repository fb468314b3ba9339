"""DocumentenClient: document metadata and a download streamed in chunks, never whole."""

import io
from datetime import date
from uuid import UUID

import pytest
import requests

from mijnomgeving.clients.base import ForeignUrlError, UpstreamNotFound, UpstreamUnavailable
from mijnomgeving.clients.vertrouwelijkheid import Vertrouwelijkheid
from tests.factories import zgw


def test_informatieobject_on_documenten_1_4_has_no_newer_fields(zgw_clients, requests_mock) -> None:
    payload = zgw.enkelvoudiginformatieobject()
    requests_mock.get(payload["url"], json=payload)

    document = zgw_clients.documenten.informatieobject(payload["url"])

    assert str(document.uuid) == payload["url"].rsplit("/", 1)[-1]
    assert (document.titel, document.bestandsnaam, document.formaat) == (
        "Besluit omgevingsvergunning",
        "besluit.pdf",
        "application/pdf",
    )
    assert document.bestandsomvang == 12345
    assert document.creatiedatum == date(2024, 3, 10)
    assert document.vertrouwelijkheidaanduiding is Vertrouwelijkheid.openbaar
    assert (document.status, document.versie) == ("definitief", 1)
    assert document.inhoud == f"{payload['url']}/download?versie=1"
    assert document.inhoud_is_vervallen is None
    assert document.tonen_aan_initiator is None


def test_informatieobject_reads_newer_fields_when_served(zgw_clients, requests_mock) -> None:
    payload = zgw.enkelvoudiginformatieobject(validate=False, vertrouwelijkheidaanduiding="")
    payload.update(inhoudIsVervallen=True, tonenAanInitiator=False)
    requests_mock.get(payload["url"], json=payload)

    document = zgw_clients.documenten.informatieobject(payload["url"])

    assert (document.inhoud_is_vervallen, document.tonen_aan_initiator) == (True, False)
    assert document.vertrouwelijkheidaanduiding is None


class _Body(io.BytesIO):
    """A response body that records how it was read."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.reads: list[int] = []

    def read(self, size: int | None = -1) -> bytes:
        self.reads.append(size if size is not None else -1)
        return super().read(size)


def test_download_streams_in_64_kib_chunks_and_closes(zgw_clients, requests_mock) -> None:
    document = zgw.enkelvoudiginformatieobject()
    content = bytes(range(256)) * 800  # 200 KiB
    body = _Body(content)
    requests_mock.get(
        document["inhoud"],
        body=body,
        headers={"Content-Type": "application/octet-stream", "Content-Length": str(len(content))},
    )

    download = zgw_clients.documenten.download(document["inhoud"])
    assert body.reads == []  # nothing read before the caller asks
    assert download.content_type == "application/octet-stream"
    assert download.content_length == len(content)
    chunks = list(download)

    assert b"".join(chunks) == content
    assert [len(chunk) for chunk in chunks] == [65536, 65536, 65536, 8192]
    assert -1 not in body.reads  # never "read everything"
    assert download.closed and body.closed
    assert requests_mock.last_request.headers["Accept"] == "*/*"
    assert requests_mock.last_request.qs == {"versie": ["1"]}


def test_download_can_be_closed_early(zgw_clients, requests_mock) -> None:
    document = zgw.enkelvoudiginformatieobject()
    body = _Body(b"x" * 300_000)
    requests_mock.get(document["inhoud"], body=body)

    with zgw_clients.documenten.download(document["inhoud"]) as download:
        first = next(iter(download))

    assert len(first) == 65536
    assert body.closed


def test_a_download_that_breaks_off_raises_unavailable(zgw_clients, requests_mock) -> None:
    document = zgw.enkelvoudiginformatieobject()

    class Broken(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            raise requests.exceptions.ChunkedEncodingError("connection reset")

    requests_mock.get(document["inhoud"], body=Broken())

    download = zgw_clients.documenten.download(document["inhoud"])
    with pytest.raises(UpstreamUnavailable, match="download broke off"):
        list(download)
    assert download.closed


def test_waiting_for_the_first_chunk_reads_one_chunk_and_iterating_starts_with_it(
    zgw_clients, requests_mock
) -> None:
    document = zgw.enkelvoudiginformatieobject()
    content = bytes(range(256)) * 800  # 200 KiB: four chunks
    body = _Body(content)
    requests_mock.get(document["inhoud"], body=body)

    download = zgw_clients.documenten.download(document["inhoud"])
    download.wait_for_first_chunk()
    download.wait_for_first_chunk()  # idempotent: nothing more is read

    assert len(body.reads) == 1 and not download.closed
    assert b"".join(download) == content
    assert download.closed and body.closed
    with pytest.raises(RuntimeError, match="already read"):
        list(download)


def test_a_body_that_fails_before_its_first_byte_raises_while_waiting(
    zgw_clients, requests_mock
) -> None:
    document = zgw.enkelvoudiginformatieobject()

    class Dropped(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            raise requests.exceptions.ConnectionError("read timed out")

    requests_mock.get(document["inhoud"], body=Dropped())
    download = zgw_clients.documenten.download(document["inhoud"])

    with pytest.raises(UpstreamUnavailable, match="download broke off before its first byte"):
        download.wait_for_first_chunk()
    assert download.closed


def test_an_empty_body_is_an_empty_download(zgw_clients, requests_mock) -> None:
    document = zgw.enkelvoudiginformatieobject()
    requests_mock.get(document["inhoud"], content=b"")

    download = zgw_clients.documenten.download(document["inhoud"])
    download.wait_for_first_chunk()

    assert list(download) == []
    assert download.closed


def test_a_download_closed_after_waiting_drops_what_was_read_ahead(
    zgw_clients, requests_mock
) -> None:
    document = zgw.enkelvoudiginformatieobject()
    body = _Body(b"x" * 300_000)
    requests_mock.get(document["inhoud"], body=body)

    download = zgw_clients.documenten.download(document["inhoud"])
    download.wait_for_first_chunk()
    download.close()

    assert download.closed and body.closed
    with pytest.raises(RuntimeError, match="closed"):
        list(download)


def test_download_errors_and_foreign_urls(zgw_clients, requests_mock) -> None:
    document = zgw.enkelvoudiginformatieobject()
    requests_mock.get(document["inhoud"], status_code=404)

    with pytest.raises(UpstreamNotFound):
        zgw_clients.documenten.download(document["inhoud"])
    with pytest.raises(ForeignUrlError):
        zgw_clients.documenten.download("http://files.evil.test/besluit.pdf")


def test_documents_by_uuid_come_from_one_search_that_follows_its_pages(
    zgw_clients, requests_mock
) -> None:
    documents = [zgw.enkelvoudiginformatieobject() for _ in range(3)]
    uuids = [document["url"].rsplit("/", 1)[1] for document in documents]
    search = zgw.documenten_url("enkelvoudiginformatieobjecten/_zoek")
    first = zgw.page(documents[:2], next=f"{search}?page=2", count=3)
    zgw.assert_valid("documenten", search, first, method="POST")
    requests_mock.post(search, [{"json": first}, {"json": zgw.page(documents[2:], count=3)}])

    found = zgw_clients.documenten.informatieobjecten([UUID(u) for u in reversed(uuids)])

    assert sorted(str(document.uuid) for document in found) == sorted(uuids)
    bodies = [request.json() for request in requests_mock.request_history]
    assert bodies == [{"uuid__in": sorted(uuids)}] * 2  # the next page takes the same body
    assert requests_mock.request_history[1].url == f"{search}?page=2"
    assert all(request.method == "POST" for request in requests_mock.request_history)


def test_no_uuids_is_no_search(zgw_clients, requests_mock) -> None:
    assert zgw_clients.documenten.informatieobjecten([]) == []
    assert not requests_mock.request_history


def test_a_download_asks_for_the_content_as_it_is(zgw_clients, requests_mock) -> None:
    # Uncompressed, so the upstream's Content-Length is the file's and a cut-off shows.
    url = zgw.documenten_url("enkelvoudiginformatieobjecten/x/download")
    requests_mock.get(url, content=b"%PDF-1.4", headers={"Content-Length": "8"})

    with zgw_clients.documenten.download(url) as stream:
        assert b"".join(stream) == b"%PDF-1.4"

    assert requests_mock.last_request.headers["Accept-Encoding"] == "identity"
    zgw_clients.documenten.informatieobject(_metadata(requests_mock)["url"])
    assert requests_mock.last_request.headers["Accept-Encoding"] != "identity"  # JSON compresses


def _metadata(requests_mock) -> dict:
    payload = zgw.enkelvoudiginformatieobject()
    requests_mock.get(payload["url"], json=payload)
    return payload
