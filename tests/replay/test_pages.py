"""Every recorded MijnZaken page, rendered again from the recorded Open Zaak exchanges alone.

For each portal scenario of tests/corpus/realzgw (dashboard, open and closed lists, case pages,
downloads, and each attempt to open another resident's case or document), with the
ZAKEN_USE_EXPAND it was recorded with: log in as that BSN, ask the recorded path, and answer every
upstream request from the corpus (tests/replay/transport.py: exact matches, plus the one rule for
paged zaken lists). A request the corpus cannot answer fails the test, printed.

Expected: the status the portal answered when it was recorded where that was 200 or 404; 200
where it was 500 (real Open Zaak leaves an empty `_expand` relation out, issue 9). On 200 the
page shows the recorded data: a case page the zaak's identificatie and omschrijving and the
titles of the documents a resident may see (and not the others), a list page the identificaties
of the zaken of its page, a download the recorded number of bytes, streamed. The case pages and
two list pages also go through the desk (balie), as an employee with a purpose.
"""

import functools
import re
from html import unescape
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import resolve, reverse

from mijnomgeving.audit.models import Purpose
from tests.corpus import OPENZAAK, all_exchanges, exchanges, scenario, scenario_names
from tests.fixtures.oidc import log_in_resident

from .transport import Replay

pytestmark = pytest.mark.django_db

PAGES = [
    name
    for prefix in ("dashboard-", "overview-", "closed-", "zaak-", "download-")
    for name in scenario_names(prefix)
]
ATTEMPTS = [
    pytest.param(name, attempt["attempt"], id=f"{name}/{attempt['attempt']}")
    for name in scenario_names("idor-")
    for attempt in scenario(name)["attempts"]
]
DESK_PAGES = [
    *scenario_names("zaak-"),
    "overview-expand-999990755",
    "closed-noexpand-999993653",
]
BSN = re.compile(r"-(\d{9})(?:-|$)")
ZAAK_DETAIL = re.compile(r"^/zaken/api/v1/zaken/([0-9a-f-]{36})$")
GAPS = ("niet beschikbaar", "niet worden opgehaald")

# The document rules with the default settings (docs/standards.md §3.6; zaken/visibility.py):
# DOCUMENT_MAX_VERTROUWELIJKHEID beperkt_openbaar, richtingen inkomend and uitgaand, final only.
SHOWN_LEVELS = frozenset({"openbaar", "beperkt_openbaar"})
SHOWN_RICHTINGEN = frozenset({"inkomend", "uitgaand"})
SHOWN_STATUSSEN = frozenset({"definitief", "gearchiveerd"})


# --- The pages ---------------------------------------------------------------------------------


def corpus_gap(name: str) -> str:
    """Why the corpus cannot answer a list page or dashboard of this scenario, or "".

    Decided from the recordings alone, never from what the portal asks: the recorder kept only
    the first 3 rows of a list with more than 5, so a page of a resident's list that starts past
    them (page 2 and on), or the dashboard's most recently closed zaak (the closed list in
    another order), cannot be replayed for a resident whose list was cut.
    """
    if not name.startswith(("overview-", "closed-", "dashboard-")):
        return ""
    page = int(name.rsplit("-p", 1)[1]) if re.search(r"-p\d+$", name) else 1
    cut = [
        exchange
        for exchange in exchanges(name)
        if exchange.path.startswith("/zaken/api/v1/zaken?") and exchange.truncated
    ]
    if not cut:
        return ""
    kept, count = len(cut[0].json["results"]), cut[0].json["count"]
    if page > 1:
        return f"page {page}: the recording kept rows 1-{kept} of the {count} zaken"
    if name.startswith("dashboard-") and not closed_list_recorded_whole(bsn_of(name)):
        return f"the closed zaken by einddatum: the recording kept {kept} of {count} rows"
    return ""


def closed_list_recorded_whole(bsn: str) -> bool:
    """Whether some scenario recorded the resident's closed zaken list with every row."""
    return any(
        exchange.path.startswith("/zaken/api/v1/zaken?")
        and f"inpBsn={bsn}" in exchange.path
        and "einddatum__isnull=false" in exchange.path
        and exchange.status == 200
        and not exchange.truncated
        and len(exchange.json["results"]) == exchange.json["count"]
        for exchange in all_exchanges()
    )


@pytest.mark.parametrize("name", PAGES)
def test_a_recorded_page_renders_from_the_corpus(
    name: str, replay: Replay, client: Client, settings: Any
) -> None:
    if gap := corpus_gap(name):
        pytest.skip(f"not in the corpus: {gap}")
    data = scenario(name)
    settings.ZAKEN_USE_EXPAND = data["portal_settings"]["ZAKEN_USE_EXPAND"]
    replay.scenario = name
    log_in_resident(client, bsn_of(name))

    response = client.get(data["portal_request"]["path"])

    check(name, data["portal_request"]["path"], data["portal_request"]["status"], response, replay)


@pytest.mark.parametrize(("name", "attempt"), ATTEMPTS)
def test_an_attempt_on_another_residents_case_renders_from_the_corpus(
    name: str, attempt: str, replay: Replay, client: Client, settings: Any
) -> None:
    data = scenario(name)
    recorded = next(item for item in data["attempts"] if item["attempt"] == attempt)
    settings.ZAKEN_USE_EXPAND = data["portal_settings"]["ZAKEN_USE_EXPAND"]
    replay.scenario = name
    log_in_resident(client, bsn_of(name))

    response = client.get(recorded["portal_path"])

    check(name, recorded["portal_path"], recorded["portal_status"], response, replay)


@pytest.mark.parametrize("name", DESK_PAGES)
def test_a_recorded_page_renders_at_the_desk_from_the_corpus(
    name: str, replay: Replay, desk_client: Client, settings: Any
) -> None:
    data = scenario(name)
    settings.ZAKEN_USE_EXPAND = data["portal_settings"]["ZAKEN_USE_EXPAND"]
    replay.scenario = name
    started = desk_client.post(
        reverse("balie:start"), {"bsn": bsn_of(name), "purpose": Purpose.PHONE_QUESTION}
    )
    assert started.status_code == 302
    path = desk_path(data["portal_request"]["path"])

    response = desk_client.get(path)

    check(name, path, data["portal_request"]["status"], response, replay)
    if response.status_code == 200:
        assert "U bekijkt de omgeving van een inwoner" in response.content.decode()


# --- What a page must show ---------------------------------------------------------------------


def check(
    name: str, path: str, recorded_status: int, response: HttpResponse, replay: Replay
) -> None:
    """Every upstream request answered, the expected status, and on 200 the recorded data."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    replay.assert_all_answered()
    expected = 200 if recorded_status == 500 else recorded_status
    assert response.status_code == expected, f"{path}: {response.status_code}, not {expected}"
    if expected != 200:
        return
    match = resolve(urlsplit(path).path)
    if match.url_name == "document-download":
        check_download(name, match.kwargs["document_uuid"], response, body)
        return
    text = main_text(body.decode())
    assert not [gap for gap in GAPS if gap in text], f"a gap on the page: {text}"
    if match.url_name == "detail":
        check_case_page(name, match.kwargs["uuid"], text, replay)
    elif match.url_name in ("list", "list-closed"):
        check_list_page(match.url_name == "list-closed", text, replay)
    elif match.url_name == "dashboard":
        check_dashboard(text, replay)
    else:
        raise AssertionError(f"no expectations for {match.url_name}")


def check_case_page(name: str, uuid: str, text: str, replay: Replay) -> None:
    zaak = recorded_zaak(name, uuid)
    assert zaak["identificatie"] in text
    assert zaak["omschrijving"] in text
    visible, hidden = expected_documents(zaak, replay)
    for titel in visible:
        assert f"Download {titel}" in text, f"document {titel!r} not shown"
    for titel in hidden:
        assert titel not in text, f"document {titel!r} shown"


def check_list_page(closed: bool, text: str, replay: Replay) -> None:
    """The identificaties of the zaken the back office gave for the page, in its order, less
    the zaken without a status (hidden: SHOW_ZAKEN_WITHOUT_STATUS is off)."""
    half = "false" if closed else "true"
    pages = [
        answer.json
        for sent, answer in replay.served_lists()
        if answer.status == 200
        and ("einddatum__isnull", half) in (sent.list_filters() or ())
        and sent.paging()[1] != 1  # the other list's count is asked with pageSize 1
    ]
    assert pages, "no page of zaken was asked"
    expected = [row["identificatie"] for row in pages[-1]["results"] if row["status"]]
    assert re.findall(r"zaaknummer (\S+)", text) == expected


def check_dashboard(text: str, replay: Replay) -> None:
    """The number of open zaken the back office counted, less the candidates without status."""
    pages = [
        answer.json
        for sent, answer in replay.served_lists()
        if answer.status == 200
        and ("einddatum__isnull", "true") in (sent.list_filters() or ())
        and sent.paging()[1] != 1
    ]
    assert len(pages) == 1, "the dashboard asks one page of open zaken"
    count = pages[0]["count"] - sum(1 for row in pages[0]["results"] if not row["status"])
    if count == 0:
        assert "U heeft geen lopende zaken." in text
    else:
        assert re.search(rf"U heeft {count} lopende (zaak|zaken)\b", text), text


def check_download(name: str, document_uuid: str, response: HttpResponse, body: bytes) -> None:
    recorded = next(
        exchange.body["binary"]
        for exchange in exchanges(name)
        if exchange.path.split("?")[0].endswith(f"/{document_uuid}/download")
        and exchange.status == 200
    )
    assert response.streaming, "a download must be streamed"
    assert len(body) == recorded["length"]
    assert response["Content-Length"] == str(recorded["length"])


# --- The recorded data the expectations come from ----------------------------------------------


def recorded_zaak(name: str, uuid: str) -> dict[str, Any]:
    """The zaak as Open Zaak gave it to the portal in this scenario."""
    for exchange in exchanges(name):
        match = ZAAK_DETAIL.match(urlsplit(exchange.path).path)
        if match and match.group(1) == uuid and exchange.status == 200:
            return dict(exchange.json)
    raise AssertionError(f"{name} has no recorded zaak {uuid}")


def expected_documents(zaak: dict[str, Any], replay: Replay) -> tuple[list[str], list[str]]:
    """(titles shown, titles not shown) of the zaak's documents, by the default rules."""
    if not zaak["zaakinformatieobjecten"]:
        return [], []
    links = (zaak.get("_expand") or {}).get("zaakinformatieobjecten") or replay.recorded_json(
        "GET", f"{OPENZAAK}/zaken/api/v1/zaakinformatieobjecten?{urlencode({'zaak': zaak['url']})}"
    )
    assert links, f"the corpus lacks the documents of {zaak['url']}"
    visible, hidden = [], []
    for link in links:
        document = recorded_documents()[link["informatieobject"]]
        richtingen = {
            ziot["richting"]
            for ziot in recorded_ziots()
            if ziot["zaaktype"] == zaak["zaaktype"]
            and ziot["informatieobjecttype"] == document["informatieobjecttype"]
        }
        shown = (
            document["status"] in SHOWN_STATUSSEN
            and document["vertrouwelijkheidaanduiding"] in SHOWN_LEVELS
            and bool(richtingen)
            and richtingen <= SHOWN_RICHTINGEN
        )
        (visible if shown else hidden).append(document["titel"])
    return visible, hidden


def _resources(data: Any) -> list[Any]:
    if isinstance(data, dict) and isinstance(data.get("results"), list):
        return list(data["results"])
    return data if isinstance(data, list) else [data]


@functools.cache
def recorded_documents() -> dict[str, dict[str, Any]]:
    """Every document the corpus holds, by URL."""
    return {
        item["url"]: item
        for exchange in all_exchanges()
        if "/documenten/api/v1/enkelvoudiginformatieobjecten" in exchange.path
        and exchange.status == 200
        for item in _resources(exchange.json)
        if isinstance(item, dict) and "titel" in item
    }


@functools.cache
def recorded_ziots() -> tuple[dict[str, Any], ...]:
    """Every zaaktype-informatieobjecttype the corpus holds."""
    found = {
        item["url"]: item
        for exchange in all_exchanges()
        if exchange.path.startswith("/catalogi/api/v1/zaaktype-informatieobjecttypen")
        and exchange.status == 200
        for item in _resources(exchange.json)
    }
    return tuple(found.values())


# --- Helpers -----------------------------------------------------------------------------------


def bsn_of(name: str) -> str:
    found = BSN.search(name)
    assert found, name
    return found.group(1)


def desk_path(path: str) -> str:
    """The desk's URL of a resident's MijnZaken URL (same page, same query)."""
    parts = urlsplit(path)
    match = resolve(parts.path)
    desk = reverse(f"balie-zaken:{match.url_name}", kwargs=match.captured_kwargs)
    return f"{desk}?{parts.query}" if parts.query else desk


def main_text(html: str) -> str:
    """The visible text of the <main> element, whitespace collapsed."""
    main = html[html.index("<main") : html.index("</main>")]
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", main))).strip()
