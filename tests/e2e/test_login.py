"""Logging in and out with DigiD (the demo's OIDC provider) in a real browser."""

import re

import pytest
from playwright.sync_api import Page, expect

from demo.stack import Stack
from tests.e2e.helpers import (
    assert_no_axe_violations,
    console_errors,
    login_as,
    logout,
    screenshot,
    tab_through,
)

pytestmark = pytest.mark.e2e

SUZANNE = "999993653"


def test_start_page_is_accessible_and_keyboard_first_stop_is_the_skip_link(
    page: Page, demo_stack: Stack
) -> None:
    page.goto(f"{demo_stack.portal_url}/")
    expect(page.locator("h1")).to_have_text("Welkom bij MijnOmgeving")
    screenshot(page, "start")
    assert_no_axe_violations(page)

    stops = tab_through(page)
    assert stops[0].text == "Direct naar de inhoud"
    assert stops[0].href == "#main-content"
    reachable = {stop.href for stop in stops}
    links = page.eval_on_selector_all("a[href]", "links => links.map(a => a.getAttribute('href'))")
    assert set(links) <= reachable, f"niet met Tab bereikbaar: {set(links) - reachable}"


def test_resident_logs_in_through_digid_and_sees_the_dashboard(
    page: Page, demo_stack: Stack
) -> None:
    login_as(page, demo_stack, SUZANNE)

    expect(page).to_have_url(f"{demo_stack.portal_url}/mijn-omgeving/")
    expect(page.locator("h1")).to_have_text("Mijn overzicht")
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
    screenshot(page, "dashboard")
    assert_no_axe_violations(page)
    assert tab_through(page)[0].href == "#main-content"
    assert console_errors(page, demo_stack.portal_url) == []


def test_logout_ends_on_the_logged_out_page_and_the_dashboard_is_closed(
    page: Page, demo_stack: Stack
) -> None:
    login_as(page, demo_stack, SUZANNE)

    logout(page, demo_stack)

    expect(page).to_have_url(f"{demo_stack.portal_url}/account/uitgelogd/")
    expect(page.locator("h1")).to_have_text("U bent uitgelogd")
    screenshot(page, "logged-out")
    assert_no_axe_violations(page)
    page.goto(f"{demo_stack.portal_url}/mijn-omgeving/")
    expect(page).to_have_url(re.compile(r"/account/inloggen/"))
