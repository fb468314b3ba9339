"""MijnZaken against the real demo back office over HTTP: each test resident sees exactly the
zaken and documents the seed's rules allow (see demo/backoffice/seed/residents.py)."""

from uuid import UUID

import pytest
from django.http import StreamingHttpResponse
from django.test import Client
from django.urls import reverse

from demo.backoffice.seed import uid
from mijnomgeving.accounts.identity import Identity
from tests.fixtures.backoffice import DemoBackoffice
from tests.fixtures.oidc import log_in_resident
from tests.fixtures.services import ZgwServices
from zaken.services import ZaakNotFound, zaak_get_for, zaken_list_for

SUZANNE, MARY, SIERRA, MEREL = "999993653", "999990755", "999991954", "999993847"
STICHTING_KVK = "69599084"

SIERRA_CLOSED = {f"sierra-{n:02d}" for n in range(1, 25) if 16 + (n - 1) * 29 > 200}
SIERRA_OPEN = {f"sierra-{n:02d}" for n in range(1, 25)} - SIERRA_CLOSED
# BSN -> (open zaak keys, closed zaak keys)
VISIBLE = {
    SUZANNE: (
        {"suzanne-parkeervergunning", "suzanne-omgevingsvergunning"},
        {"suzanne-bijzondere-bijstand"},
    ),
    MARY: ({"mary-parkeervergunning"}, set()),
    SIERRA: (SIERRA_OPEN, SIERRA_CLOSED | {"sierra-evenement"}),
    MEREL: (set(), set()),
}
HIDDEN = {
    SUZANNE: ["suzanne-interne-heroverweging", "suzanne-zonder-status", "suzanne-geheim"],
}
# zaak key -> the visible document keys
DOCUMENTS = {
    "suzanne-parkeervergunning": {
        "suzanne-parkeer-aanvraag",
        "suzanne-parkeer-ontvangst",
        "suzanne-parkeer-spoedbijlage",
    },  # hidden: suzanne-parkeer-conceptbesluit (in_bewerking)
    "suzanne-omgevingsvergunning": {
        "suzanne-omgeving-aanvraag",
        "suzanne-omgeving-tekening",
        "suzanne-omgeving-aanvulling",
    },  # hidden: suzanne-omgeving-intern-advies (richting intern)
    "suzanne-bijzondere-bijstand": {
        "suzanne-bijstand-aanvraag",
        "suzanne-bijstand-ontvangst",
        "suzanne-bijstand-besluit",
    },  # hidden: suzanne-bijstand-medisch (vertrouwelijk)
    "mary-parkeervergunning": {"mary-parkeer-ontvangst"},
    "sierra-evenement": {
        f"sierra-evenement-{name}"
        for name in (
            "aanvraag",
            "situatie",
            "veiligheid",
            "ontvangst",
            "aanvulling",
            "verkeersplan",
            "verkeersbesluit",
            "concept",
            "vergunning",
            "evaluatie",
        )
    },  # hidden: sierra-evenement-brandweer (richting intern)
    "sierra-02": {"sierra-02-ontvangst"},
}


@pytest.fixture(params=[True, False], ids=["expand", "no-expand"])
def expand(request: pytest.FixtureRequest, settings) -> bool:
    settings.ZAKEN_USE_EXPAND = request.param
    return request.param


def keys_of(uuids: list[UUID], candidates: set[str]) -> set[str]:
    by_uuid = {uid(f"zaak:{key}"): key for key in candidates}
    return {by_uuid.get(uuid, str(uuid)) for uuid in uuids}


def listed(identity: Identity, status: str) -> list[UUID]:
    overview = zaken_list_for(identity=identity, status=status, page=1)  # type: ignore[arg-type]
    uuids = [zaak.uuid for zaak in overview.zaken]
    for page in range(2, overview.num_pages + 1):
        more = zaken_list_for(identity=identity, status=status, page=page)  # type: ignore[arg-type]
        uuids += [zaak.uuid for zaak in more.zaken]
    return uuids


@pytest.mark.parametrize("bsn", list(VISIBLE))
def test_each_resident_sees_exactly_the_visible_zaken(
    demo_services: ZgwServices, expand: bool, bsn: str
) -> None:
    identity = Identity(bsn=bsn)
    open_keys, closed_keys = VISIBLE[bsn]
    everything = open_keys | closed_keys | set(HIDDEN.get(bsn, []))

    assert keys_of(listed(identity, "open"), everything) == open_keys
    assert keys_of(listed(identity, "closed"), everything) == closed_keys
    for key in HIDDEN.get(bsn, []):
        with pytest.raises(ZaakNotFound):
            zaak_get_for(identity=identity, uuid=uid(f"zaak:{key}"))


def test_sierra_has_25_zaken_in_pages_of_ten(demo_services: ZgwServices) -> None:
    overview = zaken_list_for(identity=Identity(bsn=SIERRA), status="closed", page=2)

    assert (overview.open_count, overview.closed_count) == (7, 18)
    assert (overview.page, overview.num_pages, len(overview.zaken)) == (2, 2, 8)


@pytest.mark.parametrize(("zaak_key", "document_keys"), list(DOCUMENTS.items()))
def test_each_case_shows_exactly_the_visible_documents(
    demo_services: ZgwServices, expand: bool, zaak_key: str, document_keys: set[str]
) -> None:
    bsn = next(bsn for bsn, (o, c) in VISIBLE.items() if zaak_key in o | c)

    detail = zaak_get_for(identity=Identity(bsn=bsn), uuid=uid(f"zaak:{zaak_key}"))

    assert {row.uuid for row in detail.documents} == {uid(f"document:{k}") for k in document_keys}
    assert not detail.documents_unavailable and not detail.timeline_unavailable


def test_the_evenement_timeline_has_eight_steps_and_a_result(demo_services: ZgwServices) -> None:
    detail = zaak_get_for(identity=Identity(bsn=SIERRA), uuid=uid("zaak:sierra-evenement"))

    assert len(detail.timeline) == 8 and all(step.is_reached for step in detail.timeline)
    assert detail.timeline[-1].is_end and detail.timeline[-1].is_current
    assert [step.datum for step in detail.timeline] == sorted(s.datum for s in detail.timeline)
    assert detail.resultaat_label == "Verleend"


def test_an_open_case_shows_the_steps_to_come(demo_services: ZgwServices) -> None:
    detail = zaak_get_for(
        identity=Identity(bsn=SUZANNE), uuid=uid("zaak:suzanne-parkeervergunning")
    )

    assert [(s.is_reached, s.is_current) for s in detail.timeline] == [
        (True, False), (True, False), (True, True), (False, False), (False, False),
    ]  # fmt: skip
    assert detail.timeline[-1].is_end
    assert detail.timeline[2].toelichting.startswith("Er is nog plek in uw wijk")


def test_a_belanghebbende_sees_the_zaak_with_its_verlenging(demo_services: ZgwServices) -> None:
    detail = zaak_get_for(
        identity=Identity(bsn=SUZANNE), uuid=uid("zaak:suzanne-omgevingsvergunning")
    )

    assert detail.is_verlengd and detail.verlenging_duur == "42 dagen"


def test_a_business_sees_its_zaak_by_kvk(demo_services: ZgwServices, expand: bool) -> None:
    identity = Identity(kvk=STICHTING_KVK)

    assert listed(identity, "open") == [uid("zaak:stichting-evenement")]


def test_one_resident_cannot_open_anothers_zaak_or_document(
    demo_services: ZgwServices, client: Client
) -> None:
    log_in_resident(client, MARY)
    zaak = uid("zaak:suzanne-parkeervergunning")
    document = uid("document:suzanne-parkeer-aanvraag")

    assert client.get(reverse("zaken:detail", kwargs={"uuid": zaak})).status_code == 404
    download = reverse("zaken:document-download", kwargs={"uuid": zaak, "document_uuid": document})
    assert client.get(download).status_code == 404


@pytest.mark.parametrize(
    ("zaak_key", "document_key"),
    [
        ("suzanne-bijzondere-bijstand", "suzanne-bijstand-besluit"),
        ("suzanne-parkeervergunning", "suzanne-parkeer-spoedbijlage"),
    ],
)
def test_a_download_streams_the_demos_exact_bytes(
    demo_services: ZgwServices,
    demo_backoffice: DemoBackoffice,
    client: Client,
    zaak_key: str,
    document_key: str,
) -> None:
    log_in_resident(client, SUZANNE)
    document = uid(f"document:{document_key}")
    expected = demo_backoffice.get(
        f"/documenten/api/v1/enkelvoudiginformatieobjecten/{document}/download"
    ).content

    response = client.get(
        reverse(
            "zaken:document-download",
            kwargs={"uuid": uid(f"zaak:{zaak_key}"), "document_uuid": document},
        )
    )

    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    body = b"".join(response.streaming_content)
    assert body == expected and body.startswith(b"%PDF")
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["Content-Length"] == str(len(expected))


def test_hidden_documents_cannot_be_downloaded(demo_services: ZgwServices, client: Client) -> None:
    log_in_resident(client, SUZANNE)
    for zaak_key, document_key in [
        ("suzanne-parkeervergunning", "suzanne-parkeer-conceptbesluit"),
        ("suzanne-omgevingsvergunning", "suzanne-omgeving-intern-advies"),
        ("suzanne-bijzondere-bijstand", "suzanne-bijstand-medisch"),
        ("suzanne-parkeervergunning", "suzanne-bijstand-besluit"),  # another zaak's document
    ]:
        url = reverse(
            "zaken:document-download",
            kwargs={
                "uuid": uid(f"zaak:{zaak_key}"),
                "document_uuid": uid(f"document:{document_key}"),
            },
        )
        assert client.get(url).status_code == 404, document_key
