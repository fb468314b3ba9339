"""document_download_for: every check before the content is opened, and the stream itself."""

from uuid import UUID, uuid4

import pytest

from mijnomgeving.clients.base import UpstreamError
from mijnomgeving.clients.calls import record_upstream_calls
from tests.zaken.zgw_world import PDF_BYTES, ZgwWorld
from zaken.services import DocumentNotFound, ZaakNotFound, document_download_for


@pytest.fixture(params=[True, False], ids=["expand", "no-expand"])
def expand(request: pytest.FixtureRequest, settings) -> bool:
    settings.ZAKEN_USE_EXPAND = request.param
    return request.param


def eio_uuid(eio: dict) -> UUID:
    return UUID(eio["url"].rsplit("/", 1)[1])


def download(identity, zaak: dict, eio: dict | UUID):
    return document_download_for(
        identity=identity,
        zaak_uuid=UUID(zaak["uuid"]),
        document_uuid=eio if isinstance(eio, UUID) else eio_uuid(eio),
    )


def test_a_visible_document_streams_its_content(world: ZgwWorld, identity, expand) -> None:
    zaak = world.add_zaak()
    eio = world.add_document(
        zaak, bestandsnaam='Aanvraag "spoed" / bijlage ü.pdf', formaat="application/pdf"
    )

    with record_upstream_calls() as calls:
        result = download(identity, zaak, eio)
        body = b"".join(result.stream)

    assert body == PDF_BYTES
    assert (result.filename, result.content_type, result.content_length) == (
        'Aanvraag "spoed" / bijlage ü.pdf',
        "application/pdf",
        len(PDF_BYTES),
    )
    assert result.stream.closed
    # The link is re-checked with both filters, and the content is fetched from `inhoud`.
    assert any(url.endswith("/zaakinformatieobjecten") for url in calls.urls())
    assert calls.urls()[-1] == eio["url"] + "/download"


def test_a_document_of_another_zaak_under_my_zaak_is_not_found(
    world: ZgwWorld, identity, expand
) -> None:
    mine = world.add_zaak()
    theirs = world.add_zaak(bsn="999990755")
    their_document = world.add_document(theirs)

    with pytest.raises(DocumentNotFound):
        download(identity, mine, their_document)


def test_the_link_is_checked_even_when_the_back_office_ignores_the_filter(
    world: ZgwWorld, identity, expand
) -> None:
    world.ignore_filters = True
    mine = world.add_zaak()
    world.add_document(mine)
    other_document = world.add_document(world.add_zaak())

    with pytest.raises(DocumentNotFound):
        download(identity, mine, other_document)


def test_a_document_on_another_residents_zaak_is_not_found(
    world: ZgwWorld, identity, expand
) -> None:
    theirs = world.add_zaak(bsn="999990755")
    eio = world.add_document(theirs)

    with pytest.raises(ZaakNotFound):
        download(identity, theirs, eio)


def test_an_unknown_document_or_zaak_is_not_found(world: ZgwWorld, identity, expand) -> None:
    zaak = world.add_zaak()
    eio = world.add_document(zaak)

    with pytest.raises(DocumentNotFound):
        download(identity, zaak, uuid4())
    with pytest.raises(ZaakNotFound):
        download(identity, {"uuid": str(uuid4())}, eio)


@pytest.mark.parametrize(
    "overrides",
    [
        {"status": "in_bewerking"},
        {"vertrouwelijkheidaanduiding": "vertrouwelijk"},
        {"tonenAanInitiator": False},
        {"inhoudIsVervallen": True},
    ],
)
def test_a_hidden_document_is_not_found_and_never_opened(
    world: ZgwWorld, identity, overrides: dict
) -> None:
    zaak = world.add_zaak()
    eio = world.add_document(zaak, **overrides)

    with record_upstream_calls() as calls, pytest.raises(DocumentNotFound):
        download(identity, zaak, eio)

    assert not any(url.endswith("/download") for url in calls.urls())


def test_a_document_of_an_intern_type_is_not_found(world: ZgwWorld, identity) -> None:
    zaak = world.add_zaak()
    iot = world.add_informatieobjecttype(world.zaaktype, richting="intern")
    eio = world.add_document(zaak, informatieobjecttype=iot)

    with pytest.raises(DocumentNotFound):
        download(identity, zaak, eio)


def test_a_document_of_a_hidden_zaak_is_not_found(world: ZgwWorld, identity, expand) -> None:
    zaak = world.add_zaak(vertrouwelijkheidaanduiding="geheim")
    eio = world.add_document(zaak)

    with pytest.raises(ZaakNotFound):
        download(identity, zaak, eio)


def test_an_unusable_formaat_is_sent_as_octet_stream(world: ZgwWorld, identity) -> None:
    zaak = world.add_zaak()
    eio = world.add_document(zaak, formaat="pdf\r\nX-Evil: 1")

    result = download(identity, zaak, eio)
    result.stream.close()

    assert result.content_type == "application/octet-stream"


@pytest.mark.parametrize("kind", ["timeout", "500"])
def test_a_content_that_cannot_be_opened_is_an_outage(world: ZgwWorld, identity, kind) -> None:
    zaak = world.add_zaak()
    eio = world.add_document(zaak)
    world.fail(r"/download", kind)

    with pytest.raises(UpstreamError):
        download(identity, zaak, eio)
