"""MijnZaken when a back office fails (issue 3, part 5): per failure kind, a 503 page where
nothing else can be shown, a marked gap where the rest can, never an empty list.

Failure kinds: tests/zaken/zgw_world.py FAILURES. `resident_client` is 999993653, whose zaken
`world.add_zaak()` makes.
"""

import gzip
import io
import re
import time
from uuid import uuid4

import pytest
from django.test import Client
from django.urls import reverse
from zgw_consumers.models import Service

from mijnomgeving.clients.base import UpstreamUnavailable
from tests.zaken.test_views import EMPTY_STATE, UNAVAILABLE, detail_url, download_url, text
from tests.zaken.zgw_world import FAILURES, PDF_BYTES, ZgwWorld

# The ways a back office fails (tests/zaken/zgw_world.py FAILURES) that are an outage, not an
# answer: "404" and "403" say "not found" and "not yours" (a 404 page, never a 503).
OUTAGES = [kind for kind in FAILURES if kind not in ("404", "403")]
# The same for a document's content: a body of bytes has no JSON to break.
CONTENT_OUTAGES = ["timeout", "refused", "500"]


# --- Overview -----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", OUTAGES)
def test_an_outage_is_a_503_page_never_the_empty_state(
    world: ZgwWorld, resident_client: Client, kind: str
) -> None:
    world.fail(r"/zaken/api/v1/zaken\?", kind)

    for name in ("zaken:list", "zaken:list-closed"):
        response = resident_client.get(reverse(name))

        assert response.status_code == 503
        assert UNAVAILABLE in text(response)
        assert EMPTY_STATE not in text(response)
        assert response.headers["Retry-After"] == "60"


def test_without_configured_back_offices_every_page_is_a_friendly_503(
    db: None, resident_client: Client
) -> None:
    assert not Service.objects.exists()
    zaak = {"uuid": str(uuid4())}
    for url, message in (
        (reverse("zaken:list"), UNAVAILABLE),
        (reverse("zaken:list-closed"), UNAVAILABLE),
        (detail_url(zaak), UNAVAILABLE),
        (download_url(zaak, str(uuid4())), "Dit document is tijdelijk niet beschikbaar"),
    ):
        response = resident_client.get(url)
        assert response.status_code == 503, url
        assert message in text(response)


# --- Case page ----------------------------------------------------------------------------------


def zaak_itself(zaak: dict) -> str:
    """The pattern of the zaak's own GET (with or without ?expand), nothing that names it."""
    return rf"/zaken/api/v1/zaken/{zaak['uuid']}(\?|$)"


@pytest.mark.parametrize("kind", OUTAGES)
@pytest.mark.parametrize(
    ("use_expand", "part"), [(True, "zaak"), (False, "zaak"), (False, r"/rollen\?")]
)
def test_a_failing_zaak_is_a_503_page(
    world: ZgwWorld,
    resident_client: Client,
    settings,
    caplog: pytest.LogCaptureFixture,
    kind: str,
    use_expand: bool,
    part: str,
) -> None:
    settings.ZAKEN_USE_EXPAND = use_expand
    zaak = world.add_zaak(omschrijving="Dakkapel Lindelaan 3")
    world.fail(zaak_itself(zaak) if part == "zaak" else part, kind)

    response = resident_client.get(detail_url(zaak))

    assert response.status_code == 503
    assert response.headers["Retry-After"] == "60"
    assert UNAVAILABLE in text(response) and "Traceback" not in response.content.decode()
    assert "Dakkapel Lindelaan 3" not in text(response)
    # Logged with its upstream and how long the call took (issue 3, part 5).
    assert re.search(r"upstream Open Zaak Zaken failed: GET \S+ -> .* in \d+ ms", caplog.text)


@pytest.mark.parametrize("kind", OUTAGES)
def test_failing_statuses_leave_a_marked_gap(
    world: ZgwWorld, resident_client: Client, kind: str
) -> None:
    zaak = world.add_zaak(omschrijving="Dakkapel Lindelaan 3")
    world.add_document(zaak, titel="Ontvangstbevestiging")
    world.fail(r"/statussen\?", kind)

    response = resident_client.get(detail_url(zaak))

    assert response.status_code == 200
    page = text(response)
    assert "De voortgang van uw zaak kan nu niet worden opgehaald." in page
    assert 'role="alert"' in response.content.decode()
    assert "Dakkapel Lindelaan 3" in page and "Zaaknummer " + zaak["identificatie"] in page
    assert "Ontvangstbevestiging" in page


@pytest.mark.parametrize("kind", OUTAGES)
@pytest.mark.parametrize(
    ("use_expand", "part"),
    [
        (True, r"/enkelvoudiginformatieobjecten"),  # the documents: list, one by one
        (True, r"/zaaktype-informatieobjecttypen\?"),  # which types the zaaktype allows
        (False, r"/zaakinformatieobjecten\?"),  # the zaak's links to its documents
        (False, r"/enkelvoudiginformatieobjecten"),  # the documents: search, one by one
    ],
)
def test_failing_documents_leave_a_marked_gap(
    world: ZgwWorld, resident_client: Client, settings, kind: str, use_expand: bool, part: str
) -> None:
    settings.ZAKEN_USE_EXPAND = use_expand
    zaak = world.add_zaak(omschrijving="Dakkapel Lindelaan 3")
    world.add_document(zaak, titel="Ontvangstbevestiging")
    world.fail(part, kind)

    response = resident_client.get(detail_url(zaak))

    assert response.status_code == 200
    page = text(response)
    assert "De documenten kunnen nu niet worden opgehaald. Probeer het later opnieuw." in page
    assert 'role="alert"' in response.content.decode()
    assert "Huidige stap" in page and "Dakkapel Lindelaan 3" in page
    assert "Ontvangstbevestiging" not in page


@pytest.mark.parametrize(
    ("use_expand", "part"),
    [
        (True, r"/enkelvoudiginformatieobjecten\?"),
        (False, r"/enkelvoudiginformatieobjecten/_zoek"),
    ],
)
def test_a_failing_document_list_is_made_up_for_one_by_one(
    world: ZgwWorld, resident_client: Client, settings, use_expand: bool, part: str
) -> None:
    settings.ZAKEN_USE_EXPAND = use_expand
    zaak = world.add_zaak()
    world.add_document(zaak, titel="Ontvangstbevestiging")
    world.fail(part, "timeout")

    page = text(resident_client.get(detail_url(zaak)))

    assert "Download Ontvangstbevestiging (PDF" in page
    assert "De documenten kunnen nu niet worden opgehaald" not in page


def test_a_failing_status_in_the_overview_is_marked(
    world: ZgwWorld, resident_client: Client, settings
) -> None:
    settings.ZAKEN_USE_EXPAND = False
    zaak = world.add_zaak(omschrijving="Dakkapel")
    world.fail(zaak["status"].rsplit("/", 1)[1], "timeout")

    response = resident_client.get(reverse("zaken:list"))

    assert response.status_code == 200
    assert "Dakkapel" in text(response) and "Status tijdelijk niet beschikbaar" in text(response)


# --- Download -----------------------------------------------------------------------------------


def document_uuid_of(eio: dict) -> str:
    return eio["url"].rsplit("/", 1)[1]


DOWNLOAD_PARTS = {
    "zaak": lambda zaak, eio: zaak_itself(zaak),
    "link": lambda zaak, eio: r"/zaakinformatieobjecten\?",
    "metadata": lambda zaak, eio: rf"/enkelvoudiginformatieobjecten/{document_uuid_of(eio)}$",
    "content": lambda zaak, eio: (
        rf"/enkelvoudiginformatieobjecten/{document_uuid_of(eio)}/download"
    ),
}


@pytest.mark.parametrize(
    ("part", "kind"),
    [(part, kind) for part in ("zaak", "link", "metadata") for kind in OUTAGES]
    + [("content", kind) for kind in CONTENT_OUTAGES],
)
def test_a_failing_download_is_a_503_page(
    world: ZgwWorld, resident_client: Client, part: str, kind: str
) -> None:
    zaak = world.add_zaak()
    eio = world.add_document(zaak)
    world.fail(DOWNLOAD_PARTS[part](zaak, eio), kind)

    response = resident_client.get(download_url(zaak, eio))

    assert response.status_code == 503
    assert not response.streaming
    assert response.headers["Content-Type"].startswith("text/html")
    assert "Content-Disposition" not in response.headers
    assert "Dit document is tijdelijk niet beschikbaar" in text(response)
    assert "Traceback" not in response.content.decode()
    assert PDF_BYTES not in response.content


@pytest.mark.parametrize("kind", ["404", "403"])
def test_a_document_the_back_office_will_not_give_is_a_404(
    world: ZgwWorld, resident_client: Client, kind: str
) -> None:
    zaak = world.add_zaak()
    eio = world.add_document(zaak)
    world.fail(DOWNLOAD_PARTS["metadata"](zaak, eio), kind)

    response = resident_client.get(download_url(zaak, eio))

    assert response.status_code == 404
    assert "Deze pagina is niet gevonden" in text(response)


class BreaksOff(io.BytesIO):
    """A response body whose connection drops after `first` was read."""

    def __init__(self, first: bytes) -> None:
        super().__init__(first)
        self.closed_by_reader = False

    def read(self, size: int | None = -1) -> bytes:
        chunk = super().read(size)
        if not chunk:
            raise ConnectionResetError("connection reset by peer")
        return chunk

    def close(self) -> None:
        self.closed_by_reader = True
        super().close()


@pytest.mark.parametrize("encoding", ["identity", "gzip"])
def test_a_download_that_breaks_off_midway_ends_as_a_broken_download(
    world: ZgwWorld,
    resident_client: Client,
    requests_mock,
    caplog: pytest.LogCaptureFixture,
    encoding: str,
) -> None:
    content = bytes(range(256)) * 4096  # 1 MiB, 16 chunks of 64 KiB
    zaak = world.add_zaak()
    eio = world.add_document(zaak, content=content)
    sent = gzip.compress(content, mtime=0) if encoding == "gzip" else content
    body = BreaksOff(sent[: len(sent) // 4])  # a quarter arrives, then the line drops
    requests_mock.get(
        eio["inhoud"].split("?")[0],
        body=body,
        headers={
            "Content-Type": "application/octet-stream",
            "Content-Length": str(len(sent)),
            "Content-Encoding": encoding,
        },
    )

    response = resident_client.get(download_url(zaak, eio))

    # The headers went out before the break. With the length, a browser sees a body that ends
    # short of it; without (the upstream re-encoded it), the stream must still fail loudly.
    assert response.status_code == 200
    if encoding == "identity":
        assert response.headers["Content-Length"] == str(len(content))
    else:
        assert "Content-Length" not in response.headers
    received = []
    started = time.monotonic()
    with pytest.raises(UpstreamUnavailable, match="download broke off"):
        for chunk in response.streaming_content:
            received.append(chunk)
    assert time.monotonic() - started < 5  # it ends at once: nothing waits for the rest
    assert content.startswith(b"".join(received)) and len(b"".join(received)) < len(content)
    assert body.closed_by_reader  # the upstream connection is not left open
    assert "upstream Open Zaak Documenten failed: GET" in caplog.text
    assert "download broke off" in caplog.text


# --- Dashboard ----------------------------------------------------------------------------------


def test_the_dashboard_survives_an_outage_with_a_note(
    world: ZgwWorld, resident_client: Client
) -> None:
    world.fail(r"/zaken/api/v1/zaken", "timeout")

    response = resident_client.get(reverse("dashboard"))

    assert response.status_code == 200
    assert "Uw zaken zijn tijdelijk niet beschikbaar. Probeer het later opnieuw." in text(response)
    assert "lopende zaken" not in text(response)


def test_the_dashboard_without_configured_back_offices(db: None, resident_client: Client) -> None:
    response = resident_client.get(reverse("dashboard"))

    assert response.status_code == 200
    assert "tijdelijk niet beschikbaar" in text(response)
