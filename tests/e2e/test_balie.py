"""The desk in a real browser: a demo desk employee logs in with two factors and looks up
Suzanne with a purpose."""

import re

import pytest
from playwright.sync_api import Page, expect

from demo.stack import Stack
from demo.staff import BALIE, DEMO_PASSWORD
from tests.e2e.helpers import assert_no_axe_violations, log_in_as_staff, screenshot

pytestmark = pytest.mark.e2e

SUZANNE = "999993653"


def test_a_desk_employee_sees_suzannes_cases_with_a_purpose(page: Page, demo_stack: Stack) -> None:
    # The desk sends the employee to the staff login; after the code they are back at the desk.
    log_in_as_staff(page, demo_stack, BALIE, path="/balie/")
    expect(page).to_have_url(f"{demo_stack.portal_url}/balie/")
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


def test_the_password_alone_does_not_open_the_desk(page: Page, demo_stack: Stack) -> None:
    page.goto(f"{demo_stack.portal_url}/balie/")
    page.locator("input[name$='username']").fill(BALIE.username)
    page.locator("input[name$='password']").fill(DEMO_PASSWORD)
    page.locator("input[name$='password']").press("Enter")
    expect(page.locator("input[name='token-otp_token']")).to_be_visible()

    page.goto(f"{demo_stack.portal_url}/balie/")

    expect(page).to_have_url(re.compile(r"/beheer/login/"))
    expect(page.locator("input[name$='username']")).to_be_visible()
