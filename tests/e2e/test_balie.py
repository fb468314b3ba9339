"""The desk in a real browser: a demo desk employee looks up Suzanne with a purpose."""

import pytest
from playwright.sync_api import Page, expect

from demo.stack import Stack
from tests.e2e.helpers import assert_no_axe_violations, screenshot

pytestmark = pytest.mark.e2e

SUZANNE = "999993653"


def log_in_as_desk_employee(page: Page, stack: Stack) -> None:
    """The demo account from create_demo_staff; the demo settings skip the second factor."""
    page.goto(f"{stack.portal_url}/balie/")
    page.locator("input[name$='username']").fill("balie")
    page.locator("input[name$='password']").fill("demo-medewerker")
    page.locator("input[name$='password']").press("Enter")
    page.wait_for_url(f"{stack.portal_url}/balie/")


def test_a_desk_employee_sees_suzannes_cases_with_a_purpose(page: Page, demo_stack: Stack) -> None:
    log_in_as_desk_employee(page, demo_stack)
    expect(page.locator("h1")).to_have_text("Inwoner opzoeken")
    assert_no_axe_violations(page)

    page.get_by_label("BSN van de inwoner").fill(SUZANNE)
    page.get_by_role("button", name="Bekijk de zaken van de inwoner").click()
    expect(page.locator("#bsn-fout, .utrecht-form-field-error-message").first).to_be_visible()
    assert_no_axe_violations(page)  # the form with its errors

    page.get_by_label("BSN van de inwoner").fill(SUZANNE)
    page.get_by_label("Telefonische vraag").check()
    page.get_by_role("button", name="Bekijk de zaken van de inwoner").click()

    expect(page.locator("h1")).to_have_text("Mijn zaken")
    banner = page.get_by_role("region", name="U bekijkt de omgeving van een inwoner")
    expect(banner).to_contain_text("BSN eindigt op …53")
    expect(banner).to_contain_text("Telefonische vraag")
    assert SUZANNE not in page.url
    screenshot(page, "balie-overzicht")
    assert_no_axe_violations(page)

    page.locator(".mo-zaak__title a").first.click()
    expect(page.get_by_role("heading", name="Voortgang")).to_be_visible()
    expect(banner).to_be_visible()
    assert "/balie/zaken/" in page.url
    assert_no_axe_violations(page)

    banner.get_by_role("button", name="Einde inzage").click()
    expect(page.locator("h1")).to_have_text("Inwoner opzoeken")
    expect(page.get_by_text("De inzage is beëindigd.")).to_be_visible()
