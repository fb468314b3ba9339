"""MijnZaken in a real browser on `make demo`'s stack: 999993653 follows her cases to a download.

What she must see comes from the demo seed (demo/backoffice/seed), not from the portal: the
names and counts of her visible zaken, the steps and dates of the closed one, and the bytes of
its besluit as the demo back office serves them to anyone with a valid ZGW JWT.
"""

import warnings
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
import requests
from jwt.warnings import InsecureKeyLengthWarning
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    expect,
)

from demo.backoffice.config import from_environment as backoffice_config
from demo.backoffice.config import municipal_today
from demo.backoffice.seed import Seed, build_seed, uid
from demo.stack import Stack
from tests.e2e.browser import collecting_console_errors
from tests.e2e.helpers import (
    assert_no_axe_violations,
    console_errors,
    login_as,
    screenshot,
    tab_through,
)
from tests.fixtures.backoffice import zgw_jwt

pytestmark = pytest.mark.e2e

SUZANNE = "999993653"
OPEN_KEYS = ("suzanne-parkeervergunning", "suzanne-omgevingsvergunning")
CLOSED_KEY = "suzanne-bijzondere-bijstand"
HIDDEN_KEYS = ("suzanne-interne-heroverweging", "suzanne-zonder-status", "suzanne-geheim")
BESLUIT_KEY = "suzanne-bijstand-besluit"


@pytest.fixture(scope="module")
def seed() -> Seed:
    # Document bytes and names do not depend on the date; the dates are compared only where
    # the stack's back office (started today) and this seed agree.
    return build_seed(municipal_today())


@pytest.fixture(scope="module")
def suzanne(browser: Browser, demo_stack: Stack) -> Iterator[BrowserContext]:
    """One browser context in which 999993653 logged in through DigiD (once per module)."""
    context = browser.new_context(
        locale="nl-NL",
        timezone_id="Europe/Amsterdam",
        viewport={"width": 1280, "height": 900},
        accept_downloads=True,
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    login_as(page, demo_stack, SUZANNE)
    expect(page).to_have_url(f"{demo_stack.portal_url}/mijn-omgeving/")
    page.close()
    try:
        yield context
    finally:
        context.close()


@pytest.fixture
def page(suzanne: BrowserContext) -> Iterator[Page]:
    """A fresh tab in Suzanne's logged-in context, collecting console errors like tests/e2e."""
    page = collecting_console_errors(suzanne.new_page())
    try:
        yield page
    finally:
        page.close()


def title_of(seed: Seed, key: str) -> str:
    return seed.zaken[uid(f"zaak:{key}")].omschrijving


def zaak_titles(page: Page) -> list[str]:
    return [text.strip() for text in page.locator(".mo-zaak__title").all_inner_texts()]


def assert_keyboard_reaches_every_link(page: Page) -> None:
    """The first Tab stop is the skip link, and Tab alone reaches every <a href> on the page."""
    stops = tab_through(page)
    assert stops, f"geen enkele Tab-stop op {page.url}"
    assert (stops[0].text, stops[0].href) == ("Direct naar de inhoud", "#main-content")
    reachable = {stop.href for stop in stops if stop.href}
    links = set(page.eval_on_selector_all("a[href]", "as => as.map(a => a.getAttribute('href'))"))
    assert links <= reachable, f"niet met Tab bereikbaar op {page.url}: {links - reachable}"


def demo_document_bytes(stack: Stack, document_key: str) -> bytes:
    """The document's content straight from the demo back office, with the portal's credentials."""
    config = backoffice_config()
    with warnings.catch_warnings():  # the demo's default secret is short; it is a demo
        warnings.simplefilter("ignore", InsecureKeyLengthWarning)
        token = zgw_jwt(config.client_id, config.secret, user_id="test:e2e")
    url = f"{stack.api_root('documenten')}enkelvoudiginformatieobjecten/{uid(f'document:{document_key}')}/download"
    response = requests.get(url, headers={"Authorization": f"Bearer {token}"}, timeout=10)
    response.raise_for_status()
    return response.content


def test_overview_shows_exactly_her_visible_cases_open_and_closed(
    page: Page, demo_stack: Stack, seed: Seed
) -> None:
    page.goto(f"{demo_stack.portal_url}/mijn-omgeving/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Mijn zaken").click()

    expect(page).to_have_url(f"{demo_stack.portal_url}/mijn-zaken/")
    expect(page.locator("h1")).to_have_text("Mijn zaken")
    tabs = page.get_by_role("navigation", name="Lopende of afgeronde zaken")
    expect(tabs.get_by_role("link", name="Lopende zaken (2)")).to_have_attribute(
        "aria-current", "page"
    )
    expect(tabs.get_by_role("link", name="Afgeronde zaken (1)")).to_be_visible()
    # Newest first: the parkeervergunning started 20 days ago, the omgevingsvergunning 45.
    assert zaak_titles(page) == [title_of(seed, key) for key in OPEN_KEYS]
    for key in (*HIDDEN_KEYS, CLOSED_KEY):
        expect(page.get_by_text(title_of(seed, key))).to_have_count(0)
    screenshot(page, "zaken-overview")
    assert_no_axe_violations(page)
    assert_keyboard_reaches_every_link(page)

    tabs.get_by_role("link", name="Afgeronde zaken (1)").click()

    expect(page).to_have_url(f"{demo_stack.portal_url}/mijn-zaken/afgerond/")
    assert zaak_titles(page) == [title_of(seed, CLOSED_KEY)]
    closed = page.locator(".mo-zaak")
    expect(closed.locator("dd").filter(has_text="Toegekend")).to_have_count(1)
    expect(closed).not_to_contain_text("Nog geen status")  # it reached its end status
    for key in (*HIDDEN_KEYS, *OPEN_KEYS):
        expect(page.get_by_text(title_of(seed, key))).to_have_count(0)
    screenshot(page, "zaken-closed")
    assert_no_axe_violations(page)
    assert console_errors(page, demo_stack.portal_url) == []


def test_closed_case_shows_result_and_timeline_and_downloads_the_demos_pdf(
    page: Page, demo_stack: Stack, seed: Seed
) -> None:
    zaak = seed.zaken[uid(f"zaak:{CLOSED_KEY}")]
    page.goto(f"{demo_stack.portal_url}/mijn-zaken/afgerond/")
    page.get_by_role("link", name=zaak.omschrijving).click()

    expect(page).to_have_url(f"{demo_stack.portal_url}/mijn-zaken/{zaak.uuid}/")
    expect(page.locator("h1")).to_have_text(zaak.omschrijving)
    expect(page.locator(".mo-current-status")).to_contain_text("Deze zaak is afgerond.")
    expect(page.locator(".mo-current-status")).to_contain_text("Resultaat: Toegekend")

    # The timeline: every status the zaak reached, oldest first, with its date, ending in the
    # end step; a closed zaak has no steps to come.
    statussen = sorted(
        (s for s in seed.statussen.values() if s.zaak == zaak.uuid),
        key=lambda s: s.datum_status_gezet,
    )
    statustypen = seed.catalogi.statustypen
    steps = page.locator(".mo-timeline__step")
    expect(steps).to_have_count(len(statussen))
    assert len(statussen) == 6
    labels = [text.strip() for text in page.locator(".mo-timeline__label").all_inner_texts()]
    assert labels == [statustypen[s.statustype].statustekst for s in statussen]
    shown = [
        datetime.fromisoformat(value)
        for value in page.locator(".mo-timeline__date time").evaluate_all(
            "ts => ts.map(t => t.getAttribute('datetime'))"
        )
    ]
    assert shown == [s.datum_status_gezet for s in statussen]
    expect(page.locator(".mo-timeline__step--upcoming")).to_have_count(0)
    states = page.locator(".mo-timeline__state").all_inner_texts()
    assert all(state.startswith("Gedaan") for state in states), states  # reached, closed
    expect(steps.last).to_contain_text("laatste stap")
    expect(steps.last).to_have_attribute("aria-current", "step")
    toelichtingen = [s.statustoelichting for s in statussen if s.statustoelichting]
    assert toelichtingen  # the seed explains one step to her
    expect(page.locator(".mo-timeline__toelichting")).to_have_text(toelichtingen)

    # Documents: the three she may see, not the confidential medical statement.
    documents = page.locator(".mo-document__title")
    expect(documents).to_have_count(3)
    for key in ("suzanne-bijstand-aanvraag", "suzanne-bijstand-ontvangst", BESLUIT_KEY):
        expect(
            documents.filter(has_text=seed.documents[uid(f"document:{key}")].titel)
        ).to_have_count(1)
    expect(page.get_by_text("Medische verklaring")).to_have_count(0)
    screenshot(page, "zaak-closed-case")
    assert_no_axe_violations(page)
    assert_keyboard_reaches_every_link(page)

    besluit = seed.documents[uid(f"document:{BESLUIT_KEY}")]
    with page.expect_download() as download_info:
        documents.filter(has_text=besluit.titel).get_by_role("link").click()
    download = download_info.value

    assert download.suggested_filename == besluit.bestandsnaam
    content = Path(download.path()).read_bytes()
    assert content[:5] == b"%PDF-"
    assert content == demo_document_bytes(demo_stack, BESLUIT_KEY)
    assert content == b"".join(besluit.chunks())
    assert console_errors(page, demo_stack.portal_url) == []


def test_hidden_cases_and_documents_are_not_there_even_by_url(
    page: Page, demo_stack: Stack, seed: Seed
) -> None:
    parkeer = seed.zaken[uid("zaak:suzanne-parkeervergunning")]
    concept = seed.documents[uid("document:suzanne-parkeer-conceptbesluit")]
    page.goto(f"{demo_stack.portal_url}/mijn-zaken/{parkeer.uuid}/")

    expect(page.locator("h1")).to_have_text(parkeer.omschrijving)
    expect(page.locator(".mo-document__title")).to_have_count(3)
    expect(page.get_by_text(concept.titel)).to_have_count(0)
    assert concept.status == "in_bewerking"
    download = page.request.get(
        f"{demo_stack.portal_url}/mijn-zaken/{parkeer.uuid}/documenten/{concept.uuid}/download/"
    )
    assert download.status == 404

    for key in HIDDEN_KEYS:
        response = page.goto(f"{demo_stack.portal_url}/mijn-zaken/{uid(f'zaak:{key}')}/")
        assert response is not None and response.status == 404, key
        expect(page.get_by_text(title_of(seed, key))).to_have_count(0)
        # The resident's 404 page, in Dutch, not Django's debug page (the demo runs DEBUG off).
        expect(page.locator("html")).to_have_attribute("lang", "nl")
        expect(page.get_by_role("heading", level=1)).to_have_count(1)
        assert "urlpatterns" not in page.content() and "Page not found" not in page.content()
