"""The MijnZaken pages as a resident gets them: content and 404s that reveal nothing.

Outages, per failure kind: tests/zaken/test_views_outages.py.

`resident_client` is logged in as 999993653, the factories' TEST_BSN, so `world.add_zaak()`
makes a zaak of this resident.
"""

import re
from html import unescape
from uuid import uuid4

import pytest
from django.http import StreamingHttpResponse
from django.test import Client
from django.urls import reverse

from tests.zaken.zgw_world import PDF_BYTES, ZgwWorld

EMPTY_STATE = "U heeft nog geen zaken bij de gemeente"
UNAVAILABLE = "Uw zaken zijn tijdelijk niet beschikbaar"


def text(response) -> str:
    """The visible text of the <main> element, whitespace collapsed."""
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", main))).strip()


def detail_url(zaak: dict | str) -> str:
    uuid = zaak if isinstance(zaak, str) else zaak["uuid"]
    return reverse("zaken:detail", kwargs={"uuid": uuid})


def download_url(zaak: dict, eio: dict | str) -> str:
    document = eio if isinstance(eio, str) else eio["url"].rsplit("/", 1)[1]
    return reverse(
        "zaken:document-download", kwargs={"uuid": zaak["uuid"], "document_uuid": document}
    )


# --- Overview -----------------------------------------------------------------------------------


def test_the_overview_lists_open_zaken_with_counts(
    world: ZgwWorld, resident_client: Client
) -> None:
    world.add_zaak(omschrijving="Dakkapel Lindelaan 3", statussen=[1, 2])
    world.add_zaak(omschrijving="Schuur achtertuin", statussen=[1, 2, 3])

    response = resident_client.get(reverse("zaken:list"))

    assert response.status_code == 200
    page = text(response)
    assert "Lopende zaken (1)" in page and "Afgeronde zaken (1)" in page
    assert "Dakkapel Lindelaan 3" in page and "Schuur achtertuin" not in page
    assert "We beoordelen uw aanvraag." in page
    assert "Antwoord verwacht 26 april 2024" in page
    assert "Gestart op 1 maart 2024" in page
    assert 'aria-current="page">Lopende zaken (1)' in response.content.decode()
    assert response.content.decode().count("<h1") == 1


def test_the_closed_tab_shows_result_and_end_date(world: ZgwWorld, resident_client: Client) -> None:
    world.add_zaak(omschrijving="Schuur achtertuin", statussen=[1, 2, 3])

    page = text(resident_client.get(reverse("zaken:list-closed")))

    assert "Schuur achtertuin" in page
    assert "Resultaat Verleend" in page and "Afgerond op 3 maart 2024" in page


def test_the_overview_pages_through_many_zaken(world: ZgwWorld, resident_client: Client) -> None:
    for number in range(25):
        world.add_zaak(
            omschrijving=f"Zaak nummer {number:02d}", statussen=[1], startdatum=f"2024-03-{number + 1:02d}"
        )  # fmt: skip

    first = resident_client.get(reverse("zaken:list"))
    third = resident_client.get(reverse("zaken:list") + "?pagina=3")

    assert "Zaak nummer 24" in text(first) and "Zaak nummer 14" not in text(first)
    assert "Pagina 3 van 3" in text(third)
    assert "Zaak nummer 04" in text(third) and "Zaak nummer 05" not in text(third)
    html = first.content.decode()
    assert 'aria-label="Paginering"' in html and "?pagina=2" in html


@pytest.mark.parametrize("pagina", ["abc", "-1", "99999999999", ""])
def test_a_page_number_that_is_not_a_number_gives_the_first_page(
    world: ZgwWorld, resident_client: Client, pagina: str
) -> None:
    world.add_zaak(omschrijving="Dakkapel")

    response = resident_client.get(reverse("zaken:list"), {"pagina": pagina})

    assert response.status_code == 200 and "Dakkapel" in text(response)


def test_a_resident_without_zaken_sees_the_empty_state(
    world: ZgwWorld, resident_client: Client
) -> None:
    response = resident_client.get(reverse("zaken:list"))

    assert response.status_code == 200
    assert EMPTY_STATE in text(response)


def test_anonymous_visitors_are_sent_to_log_in(client: Client, db: None) -> None:
    response = client.get(reverse("zaken:list"))

    assert response.status_code == 302
    assert reverse("accounts:login") in response.headers["Location"]


# --- Case page ----------------------------------------------------------------------------------


def test_the_case_page_shows_timeline_facts_and_documents(
    world: ZgwWorld, resident_client: Client
) -> None:
    zaak = world.add_zaak(omschrijving="Dakkapel Lindelaan 3", statussen=[1, 2])
    eio = world.add_document(zaak, titel="Ontvangstbevestiging", bestandsomvang=12_345)

    response = resident_client.get(detail_url(zaak))

    assert response.status_code == 200
    html = response.content.decode()
    page = text(response)
    assert page.startswith("Dakkapel Lindelaan 3 Omgevingsvergunning")
    assert "Status nu: We beoordelen uw aanvraag." in page
    timeline = html[
        html.index('<ol class="mo-timeline">') : html.index("</ol>", html.index("mo-timeline"))
    ]
    assert timeline.count("<li") == 3
    assert timeline.count('aria-current="step"') == 1
    assert re.search(r'aria-current="step">\s*<p class="mo-timeline__state">Huidige stap', timeline)
    assert "Nog niet gedaan" in timeline and "(laatste stap)" in timeline
    assert "Zaaknummer " + zaak["identificatie"] in page
    link = f'href="{download_url(zaak, eio)}">Download Ontvangstbevestiging (PDF, 12 kB)</a>'
    assert link in html
    assert eio["inhoud"] not in html and "/download?versie" not in html
    assert "<caption" in html and 'scope="col"' in html


def test_a_closed_case_page_shows_the_result(world: ZgwWorld, resident_client: Client) -> None:
    zaak = world.add_zaak(statussen=[1, 2, 3])

    page = text(resident_client.get(detail_url(zaak)))

    assert "Deze zaak is afgerond. Resultaat: Verleend ." in page
    assert "Afgerond op 3 maart 2024" in page


def test_opschorting_and_verlenging_are_said_in_plain_words(
    world: ZgwWorld, resident_client: Client
) -> None:
    zaak = world.add_zaak(
        opschorting={"indicatie": True, "eerdereOpschorting": False, "reden": ""},
        verlenging={"reden": "Het advies duurt langer.", "duur": "P6W"},
    )

    page = text(resident_client.get(detail_url(zaak)))

    assert "Uw zaak is tijdelijk stilgezet" in page
    assert "De behandeltijd is verlengd met 42 dagen Het advies duurt langer." in page


# --- 404s that reveal nothing (docs/architecture.md rule 8) ---------------------------------------------------


def not_found_body(response) -> str:
    assert response.status_code == 404
    return text(response)


def test_another_residents_zaak_looks_exactly_like_one_that_does_not_exist(
    world: ZgwWorld, resident_client: Client
) -> None:
    theirs = world.add_zaak(bsn="999990755")
    eio = world.add_document(theirs)

    reference = not_found_body(resident_client.get(detail_url(str(uuid4()))))

    assert "Deze pagina is niet gevonden" in reference
    for url in (
        detail_url(theirs),
        download_url(theirs, eio),
        download_url({"uuid": str(uuid4())}, eio),
        detail_url("not-a-uuid"),
        detail_url("6d3a0f8e-2f0b-4f7e-9a53-4f8f1e2b9c1"),
        download_url(theirs, "not-a-uuid"),
    ):
        assert not_found_body(resident_client.get(url)) == reference, url


def test_a_hidden_zaak_and_a_hidden_document_are_404(
    world: ZgwWorld, resident_client: Client
) -> None:
    hidden = world.add_zaak(vertrouwelijkheidaanduiding="geheim")
    zaak = world.add_zaak()
    concept = world.add_document(zaak, status="in_bewerking")
    other_zaak_document = world.add_document(world.add_zaak())

    assert resident_client.get(detail_url(hidden)).status_code == 404
    assert resident_client.get(download_url(zaak, concept)).status_code == 404
    assert resident_client.get(download_url(zaak, other_zaak_document)).status_code == 404


# --- Download -----------------------------------------------------------------------------------


def test_the_download_streams_the_content_with_safe_headers(
    world: ZgwWorld, resident_client: Client
) -> None:
    zaak = world.add_zaak()
    eio = world.add_document(zaak, bestandsnaam='Aanvraag "spoed" / bijlage ü.pdf')

    response = resident_client.get(download_url(zaak, eio))

    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["Content-Length"] == str(len(PDF_BYTES))
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="Aanvraag spoed bijlage u.pdf"; '
        "filename*=UTF-8''Aanvraag%20spoed%20bijlage%20%C3%BC.pdf"
    )
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "private, no-store"


# --- Dashboard ----------------------------------------------------------------------------------


def test_the_dashboard_summarises_the_zaken(world: ZgwWorld, resident_client: Client) -> None:
    zaak = world.add_zaak(omschrijving="Dakkapel", statussen=[1, 2])
    world.add_zaak(statussen=[1])

    response = resident_client.get(reverse("dashboard"))

    page = text(response)
    assert "U heeft 2 lopende zaken." in page
    assert "Laatste wijziging (2 maart 2024): Dakkapel . We beoordelen uw aanvraag." in page
    html = response.content.decode()
    assert f'href="{detail_url(zaak)}"' in html and f'href="{reverse("zaken:list")}"' in html


def test_a_closed_row_shows_no_status(world: ZgwWorld, resident_client: Client) -> None:
    world.add_zaak(statussen=[1, 2, 3])

    page = text(resident_client.get(reverse("zaken:list-closed")))

    assert "Status" not in page.replace("Afgeronde zaken", "")
    assert "Nog geen status" not in page


def test_a_large_download_is_passed_on_in_chunks(world: ZgwWorld, resident_client: Client) -> None:
    content = bytes(range(256)) * 4096 * 4  # 4 MiB
    zaak = world.add_zaak()
    eio = world.add_document(zaak, content=content, bestandsnaam="groot.pdf")

    response = resident_client.get(download_url(zaak, eio))

    chunks = list(response.streaming_content)
    assert len(chunks) == 64 and max(len(chunk) for chunk in chunks) == 64 * 1024
    assert b"".join(chunks) == content
