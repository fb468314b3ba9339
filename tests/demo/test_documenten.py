"""The Documenten API stand-in over real HTTP: metadata, exact streamed downloads, OIO relations."""

import re

import pytest

from demo.backoffice.seed import build_seed, uid
from tests.demo.contract import assert_problem, assert_valid


@pytest.fixture(scope="module")
def seed(demo_backoffice):
    return build_seed(demo_backoffice.today)


def document_url(backoffice, key: str) -> str:
    return f"{backoffice.documenten_url}/enkelvoudiginformatieobjecten/{uid(f'document:{key}')}"


def test_metadata_matches_the_spec_and_points_inhoud_at_the_download(demo_backoffice, seed):
    url = document_url(demo_backoffice, "suzanne-bijstand-besluit")

    body = assert_valid("documenten", demo_backoffice.get(url))

    document = seed.documents[uid("document:suzanne-bijstand-besluit")]
    assert body["url"] == url
    assert body["inhoud"] == f"{url}/download?versie=1"
    assert body["bestandsnaam"] == "besluit-bijzondere-bijstand.pdf"
    assert body["formaat"] == "application/pdf"
    assert body["bestandsomvang"] == document.bestandsomvang
    assert body["status"] == "definitief"
    assert body["_expand"] == {}


def test_expand_informatieobjecttype(demo_backoffice):
    url = document_url(demo_backoffice, "suzanne-bijstand-besluit")

    body = assert_valid(
        "documenten", demo_backoffice.get(url, params={"expand": "informatieobjecttype"})
    )

    assert body["_expand"]["informatieobjecttype"]["omschrijving"] == "Besluit"


@pytest.mark.parametrize(
    "key",
    ["suzanne-bijstand-besluit", "suzanne-parkeer-spoedbijlage", "sierra-evenement-vergunning"],
)
def test_download_streams_the_exact_bytes(demo_backoffice, seed, key):
    metadata = demo_backoffice.get(document_url(demo_backoffice, key)).json()

    response = demo_backoffice.get(metadata["inhoud"], stream=True)
    content = b"".join(response.iter_content(8192))

    expected = b"".join(seed.documents[uid(f"document:{key}")].chunks())
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/octet-stream"
    assert int(response.headers["Content-Length"]) == metadata["bestandsomvang"] == len(content)
    assert content == expected
    assert content.startswith(b"%PDF-1.4") and content.rstrip().endswith(b"%%EOF")


def test_download_is_named_after_the_stored_file_not_the_bestandsnaam(demo_backoffice):
    """As Open Zaak: `filename="<uuid>.bin"` (the same on every call), whatever the
    bestandsnaam (here 'Aanvraag "spoed" / bijlage ü.pdf'); an ETag; no API-version."""
    url = f"{document_url(demo_backoffice, 'suzanne-parkeer-spoedbijlage')}/download"

    first, again = demo_backoffice.get(url), demo_backoffice.get(url)

    disposition = first.headers["Content-Disposition"]
    assert re.fullmatch(r'attachment; filename="[0-9a-f-]{36}\.bin"', disposition)
    assert again.headers["Content-Disposition"] == disposition
    assert first.headers["ETag"] == again.headers["ETag"]
    assert "API-version" not in first.headers
    assert first.headers["Allow"] == "GET, HEAD, OPTIONS"


@pytest.mark.parametrize("accept", ["application/octet-stream", "*/*", "application/*", ""])
def test_download_answers_an_accept_that_allows_octet_stream(demo_backoffice, accept):
    url = f"{document_url(demo_backoffice, 'suzanne-bijstand-besluit')}/download"

    response = demo_backoffice.get(url, headers={"Accept": accept})

    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-1.4")


def test_download_refuses_accept_application_json_like_open_zaak(demo_backoffice):
    url = f"{document_url(demo_backoffice, 'suzanne-bijstand-besluit')}/download"

    response = demo_backoffice.get(url, headers={"Accept": "application/json"})

    assert response.status_code == 406
    assert response.headers["Content-Type"] == "application/octet-stream"
    assert response.content == b"application/octet-stream"
    assert response.headers["API-version"] == "1.4.2"
    assert "Content-Disposition" not in response.headers


def test_unknown_document_or_version_is_404(demo_backoffice):
    unknown = demo_backoffice.get(
        f"{demo_backoffice.documenten_url}/enkelvoudiginformatieobjecten/{uid('none')}"
    )
    old_version = demo_backoffice.get(
        document_url(demo_backoffice, "suzanne-bijstand-besluit"), params={"versie": 2}
    )

    assert_problem("documenten", "/enkelvoudiginformatieobjecten/{uuid}", unknown, 404)
    assert_problem("documenten", "/enkelvoudiginformatieobjecten/{uuid}", old_version, 404)


def test_objectinformatieobjecten_of_a_zaak_is_a_plain_array(demo_backoffice):
    zaak = f"{demo_backoffice.zaken_url}/zaken/{uid('zaak:sierra-evenement')}"
    url = f"{demo_backoffice.documenten_url}/objectinformatieobjecten"

    body = assert_valid("documenten", demo_backoffice.get(url, params={"object": zaak}))
    one = assert_valid(
        "documenten",
        demo_backoffice.get(url, params={"informatieobject": body[0]["informatieobject"]}),
    )
    detail = assert_valid("documenten", demo_backoffice.get(body[0]["url"]))

    assert isinstance(body, list) and len(body) == 11
    assert {oio["object"] for oio in body} == {zaak}
    assert {oio["objectType"] for oio in body} == {"zaak"}
    assert one == [body[0]] == [detail]


def test_list_of_documents_of_a_zaak(demo_backoffice, seed):
    zaak = f"{demo_backoffice.zaken_url}/zaken/{uid('zaak:sierra-evenement')}"
    url = f"{demo_backoffice.documenten_url}/enkelvoudiginformatieobjecten"

    everything = assert_valid("documenten", demo_backoffice.get(url))
    of_zaak = assert_valid(
        "documenten",
        demo_backoffice.get(
            url, params={"objectinformatieobjecten__object": zaak, "expand": "informatieobjecttype"}
        ),
    )

    assert everything["count"] == len(seed.documents)
    assert of_zaak["count"] == 11
    assert all("informatieobjecttype" in document["_expand"] for document in of_zaak["results"])


def test_search_by_uuid_finds_exactly_those_documents_over_pages(demo_backoffice, seed):
    url = f"{demo_backoffice.documenten_url}/enkelvoudiginformatieobjecten/_zoek"
    wanted = sorted(str(uuid) for uuid in list(seed.documents)[:3])
    unknown = "00000000-0000-4000-8000-000000000000"
    body = {"uuid__in": [*wanted, unknown]}

    first = assert_valid("documenten", demo_backoffice.post(f"{url}?pageSize=2", body))
    second = assert_valid("documenten", demo_backoffice.post(first["next"], body))

    found = [d["url"].rsplit("/", 1)[1] for d in first["results"] + second["results"]]
    assert first["count"] == 3 and second["next"] is None
    assert sorted(found) == wanted


@pytest.mark.parametrize(
    ("body", "field"),
    [({}, "uuid__in"), ({"uuid__in": ["geen-uuid"]}, "uuid__in"), ([], "nonFieldErrors")],
)
def test_search_without_valid_uuids_is_a_400_naming_the_field(demo_backoffice, body, field):
    url = f"{demo_backoffice.documenten_url}/enkelvoudiginformatieobjecten/_zoek"

    problem = assert_problem(
        "documenten",
        "/enkelvoudiginformatieobjecten/_zoek",
        demo_backoffice.post(url, body),
        400,
    )

    assert [param["name"] for param in problem["invalidParams"]] == [field]
