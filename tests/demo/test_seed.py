"""The seed is coherent and exercises every visibility rule (docs/standards.md §3.2, §3.6, Decisions 2-3).

`visible_zaken` and `visible_documents` restate the rules independently of any portal code;
the expectations below are the table in the demo's report, so portal tests can rely on it.
"""

import re
from datetime import date

import pytest

from demo.backoffice import pdf
from demo.backoffice.models import vertrouwelijkheid_rank
from demo.backoffice.seed import Seed, build_seed, uid
from demo.backoffice.seed.residents import PEOPLE, STICHTING

ZAAK_MAXIMUM = "zaakvertrouwelijk"  # Decision 2
DOCUMENT_MAXIMUM = "beperkt_openbaar"


@pytest.fixture(scope="module")
def seed() -> Seed:
    return build_seed(date(2026, 11, 22))


def elfproef(number: str) -> bool:
    digits = [int(char) for char in number]
    weights = [9, 8, 7, 6, 5, 4, 3, 2, -1]
    return len(number) == 9 and sum(w * d for w, d in zip(weights, digits, strict=True)) % 11 == 0


def zaken_of(seed: Seed, bsn: str) -> set:
    return {
        rol.zaak
        for rol in seed.rollen.values()
        if rol.betrokkene_type == "natuurlijk_persoon"
        and rol.betrokkene_identificatie["inpBsn"] == bsn
    }


def visible_zaken(seed: Seed, bsn: str) -> set:
    return {
        key
        for key in zaken_of(seed, bsn)
        if seed.catalogi.zaaktypen[seed.zaken[key].zaaktype].indicatie_intern_of_extern == "extern"
        and vertrouwelijkheid_rank(seed.zaken[key].vertrouwelijkheidaanduiding)
        <= vertrouwelijkheid_rank(ZAAK_MAXIMUM)
        and seed.zaken[key].status is not None
    }


def visible_documents(seed: Seed, zaak_key: str) -> set:
    zaak = seed.zaken[uid(f"zaak:{zaak_key}")]
    richting = {
        ztiot.informatieobjecttype: ztiot.richting
        for ztiot in seed.catalogi.ztiots.values()
        if ztiot.zaaktype == zaak.zaaktype
    }
    found = set()
    for zio in seed.zios.values():
        document = seed.documents[zio.informatieobject]
        if (
            zio.zaak == zaak.uuid
            and document.status in ("definitief", "gearchiveerd")
            and vertrouwelijkheid_rank(document.vertrouwelijkheidaanduiding)
            <= vertrouwelijkheid_rank(DOCUMENT_MAXIMUM)
            and richting[document.informatieobjecttype] in ("inkomend", "uitgaand")
        ):
            found.add(document.uuid)
    return found


def zaken(*keys: str) -> set:
    return {uid(f"zaak:{key}") for key in keys}


def documents(*keys: str) -> set:
    return {uid(f"document:{key}") for key in keys}


def test_every_test_bsn_and_rsin_passes_the_elfproef(seed):
    assert all(elfproef(person.bsn) for person in PEOPLE)
    assert elfproef(STICHTING.inn_nnp_id)
    assert elfproef(seed.catalogi.catalogus.rsin)


def test_suzanne_sees_three_zaken_and_three_are_hidden_each_for_one_rule(seed):
    assert zaken_of(seed, "999993653") == zaken(
        "suzanne-parkeervergunning",
        "suzanne-omgevingsvergunning",
        "suzanne-bijzondere-bijstand",
        "suzanne-interne-heroverweging",  # zaaktype intern
        "suzanne-zonder-status",  # status null
        "suzanne-geheim",  # geheim > zaakvertrouwelijk
    )
    assert visible_zaken(seed, "999993653") == zaken(
        "suzanne-parkeervergunning", "suzanne-omgevingsvergunning", "suzanne-bijzondere-bijstand"
    )


def test_hidden_zaken_are_hidden_by_exactly_one_rule(seed):
    intern = seed.zaken[uid("zaak:suzanne-interne-heroverweging")]
    zonder_status = seed.zaken[uid("zaak:suzanne-zonder-status")]
    geheim = seed.zaken[uid("zaak:suzanne-geheim")]

    assert intern.status is not None and intern.vertrouwelijkheidaanduiding == "beperkt_openbaar"
    assert seed.catalogi.zaaktypen[zonder_status.zaaktype].indicatie_intern_of_extern == "extern"
    assert zonder_status.vertrouwelijkheidaanduiding == "beperkt_openbaar"
    assert seed.catalogi.zaaktypen[geheim.zaaktype].indicatie_intern_of_extern == "extern"
    assert geheim.status is not None and geheim.vertrouwelijkheidaanduiding == "geheim"


def test_suzanne_is_belanghebbende_on_one_zaak(seed):
    generiek = {
        rol.zaak: rol.omschrijving_generiek
        for rol in seed.rollen.values()
        if rol.betrokkene_identificatie.get("inpBsn") == "999993653"
    }

    assert generiek[uid("zaak:suzanne-omgevingsvergunning")] == "belanghebbende"
    assert generiek[uid("zaak:suzanne-parkeervergunning")] == "initiator"


def test_suzannes_documents_exercise_status_vertrouwelijkheid_and_richting(seed):
    assert visible_documents(seed, "suzanne-parkeervergunning") == documents(
        "suzanne-parkeer-aanvraag", "suzanne-parkeer-ontvangst", "suzanne-parkeer-spoedbijlage"
    )  # hidden: suzanne-parkeer-conceptbesluit (in_bewerking)
    assert visible_documents(seed, "suzanne-omgevingsvergunning") == documents(
        "suzanne-omgeving-aanvraag", "suzanne-omgeving-tekening", "suzanne-omgeving-aanvulling"
    )  # hidden: suzanne-omgeving-intern-advies (richting intern)
    assert visible_documents(seed, "suzanne-bijzondere-bijstand") == documents(
        "suzanne-bijstand-aanvraag", "suzanne-bijstand-ontvangst", "suzanne-bijstand-besluit"
    )  # hidden: suzanne-bijstand-medisch (vertrouwelijk > beperkt_openbaar)
    assert seed.documents[uid("document:suzanne-bijstand-ontvangst")].status == "gearchiveerd"


def test_counts_per_resident(seed):
    assert len(visible_zaken(seed, "999990755")) == len(zaken_of(seed, "999990755")) == 1
    assert len(visible_zaken(seed, "999991954")) == len(zaken_of(seed, "999991954")) == 25
    assert zaken_of(seed, "999993847") == set()
    assert visible_zaken(seed, "999995182") == zaken("suzanne-omgevingsvergunning")
    assert visible_zaken(seed, "999992648") == zaken("sierra-evenement")


def test_sierra_has_zaken_over_two_years_open_and_closed(seed):
    mine = [seed.zaken[key] for key in zaken_of(seed, "999991954")]

    span = max(zaak.startdatum for zaak in mine) - min(zaak.startdatum for zaak in mine)
    assert span.days > 600
    assert {zaak.einddatum is None for zaak in mine} == {True, False}
    assert len({zaak.zaaktype for zaak in mine}) == 4


def test_the_benchmark_zaak_has_eight_statuses_and_ten_visible_documents(seed):
    zaak = seed.zaken[uid("zaak:sierra-evenement")]

    statussen = [status for status in seed.statussen.values() if status.zaak == zaak.uuid]
    linked = [zio for zio in seed.zios.values() if zio.zaak == zaak.uuid]
    assert len(statussen) == 8
    assert len(visible_documents(seed, "sierra-evenement")) == 10
    assert len(linked) == 11


def test_each_zaak_status_is_its_newest_status(seed):
    for zaak in seed.zaken.values():
        statussen = sorted(
            (status for status in seed.statussen.values() if status.zaak == zaak.uuid),
            key=lambda status: status.datum_status_gezet,
        )
        assert zaak.status == (statussen[-1].uuid if statussen else None), zaak.identificatie
        volgnummers = [
            seed.catalogi.statustypen[status.statustype].volgnummer for status in statussen
        ]
        assert volgnummers == list(range(1, len(statussen) + 1)), zaak.identificatie
        assert all(status.datum_status_gezet.date() < date(2026, 11, 22) for status in statussen)
        assert all(status.datum_status_gezet.date() >= zaak.startdatum for status in statussen)


def test_closed_zaken_have_resultaat_and_einddatum_of_their_end_status(seed):
    for zaak in seed.zaken.values():
        statustypen = [
            st for st in seed.catalogi.statustypen.values() if st.zaaktype == zaak.zaaktype
        ]
        at_end = zaak.status is not None and seed.catalogi.statustypen[
            seed.statussen[zaak.status].statustype
        ].volgnummer == len(statustypen)
        assert (zaak.einddatum is not None) == at_end == (zaak.resultaat is not None), (
            zaak.identificatie
        )
        if at_end:
            assert zaak.einddatum == seed.statussen[zaak.status].datum_status_gezet.date()
            resultaattype = seed.catalogi.resultaattypen[
                seed.resultaten[zaak.resultaat].resultaattype
            ]
            assert resultaattype.zaaktype == zaak.zaaktype


def test_document_links_are_coherent(seed):
    for zio in seed.zios.values():
        document = seed.documents[zio.informatieobject]
        zaak = seed.zaken[zio.zaak]
        assert document.creatiedatum >= zaak.startdatum
        if zio.status is not None:
            assert seed.statussen[zio.status].zaak == zaak.uuid


def test_identificaties_are_unique(seed):
    assert len({zaak.identificatie for zaak in seed.zaken.values()}) == len(seed.zaken)
    assert len({document.identificatie for document in seed.documents.values()}) == len(
        seed.documents
    )


def test_seed_is_deterministic_and_pdf_bytes_do_not_depend_on_the_date(seed):
    other = build_seed(date(2027, 3, 1))

    assert seed.zaken.keys() == other.zaken.keys()
    for key, document in seed.documents.items():
        assert b"".join(document.chunks()) == b"".join(other.documents[key].chunks())


def _assert_pdf_structure(content: bytes) -> None:
    assert content.startswith(b"%PDF-1.4\n")
    assert content.endswith(b"%%EOF\n")
    xref_at = int(re.search(rb"startxref\n(\d+)\n", content).group(1))
    assert content[xref_at:].startswith(b"xref\n")
    offsets = [int(offset) for offset in re.findall(rb"(\d{10}) 00000 n", content)]
    for number, offset in enumerate(offsets, start=1):
        assert content[offset:].startswith(b"%d 0 obj" % number)


def test_documents_are_small_valid_pdfs_with_their_exact_size(seed):
    for document in seed.documents.values():
        content = b"".join(document.chunks())
        assert len(content) == document.bestandsomvang
        assert 300 < len(content) < 5000
        _assert_pdf_structure(content)


def test_large_document_is_generated_in_chunks_with_an_exact_size():
    large = build_seed(date(2026, 11, 22), large_document_mb=2)
    document = large.documents[uid("document:sierra-groot-document")]

    chunks = list(document.chunks())

    assert document.bestandsomvang == 2 * 1024 * 1024 == sum(len(chunk) for chunk in chunks)
    assert max(len(chunk) for chunk in chunks) <= 64 * 1024
    _assert_pdf_structure(b"".join(chunks))
    assert uid("document:sierra-groot-document") not in build_seed(date(2026, 11, 22)).documents


@pytest.mark.parametrize("size", [2000, 4096, 65537, 1024 * 1024 + 1])
def test_padded_pdf_has_any_exact_size(size):
    content = b"".join(pdf.padded_pdf_chunks("Groot", size))

    assert len(content) == size
    _assert_pdf_structure(content)


def test_the_api_filters_what_the_seed_table_says(demo_backoffice):
    def count(bsn: str) -> int:
        response = demo_backoffice.get(
            f"{demo_backoffice.zaken_url}/zaken",
            params={
                "rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": bsn,
                "maximaleVertrouwelijkheidaanduiding": ZAAK_MAXIMUM,
            },
        )
        return response.json()["count"]

    # The API leaves intern zaaktypen and zaken without status to the portal (docs/standards.md §3.2).
    assert [count(bsn) for bsn in ("999993653", "999990755", "999991954", "999993847")] == [
        5,
        1,
        25,
        0,
    ]
