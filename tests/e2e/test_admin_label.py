"""An administrator renames a step in the admin; the resident sees the new words (issue 4).

The administrator is the demo's `beheerder` (group Beheerders, created by `make demo`'s
prepare step with `create_demo_staff`), who logs in with password and the code of this moment
from the fixed key in demo/staff.py, through the real two-factor login.
"""

import re
import subprocess
import sys
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from demo.backoffice.seed import uid
from demo.processes import ROOT
from demo.stack import Stack
from demo.staff import BEHEERDER, DemoStaffMember
from tests.e2e.browser import new_page
from tests.e2e.helpers import log_in_as_staff, login_as

pytestmark = pytest.mark.e2e

SUZANNE = "999993653"
# suzanne-parkeervergunning stands at step 3 of 5 of the demo's PARKEERVERGUNNING.
CURRENT_STEP = "Toetsing parkeerplafond wijk afgerond"
NEW_LABEL = "Goed nieuws: er is plek in uw wijk"


@pytest.fixture
def administrator(demo_stack: Stack) -> DemoStaffMember:
    """The demo administrator, with the demo zaaktypen imported from the Catalogi API."""
    subprocess.run(
        [sys.executable, "manage.py", "import_zaaktypen"],
        cwd=ROOT,
        env=demo_stack.portal_env(),
        check=True,
        capture_output=True,
        timeout=60,
    )
    return BEHEERDER


@pytest.fixture
def admin_page(browser: Browser) -> Iterator[Page]:
    with new_page(browser) as page:
        yield page


def rename_step(
    page: Page, stack: Stack, administrator: DemoStaffMember, omschrijving: str, label: str
) -> None:
    # The admin page sends the administrator to the login and, after the code, back to it.
    changelist = "/beheer/zaken/zaaktypeconfig/?q=PARKEERVERGUNNING"
    log_in_as_staff(page, stack, administrator, path=changelist)
    expect(page).to_have_url(f"{stack.portal_url}{changelist}")
    page.locator("#result_list tbody tr a").first.click()
    page.wait_for_url(re.compile(r"/zaaktypeconfig/\d+/change/"))
    names = page.locator("input[name^='statustypen-'][name$='-omschrijving']")
    prefix = next(
        name.removesuffix("-omschrijving")
        for name, value in zip(
            names.evaluate_all("inputs => inputs.map(i => i.name)"),
            names.evaluate_all("inputs => inputs.map(i => i.value)"),
            strict=True,
        )
        if value == omschrijving
    )
    page.locator(f"input[name='{prefix}-label']").fill(label)
    page.locator("input[name='_save']").click()
    expect(page.locator(".messagelist")).to_be_visible()


def test_a_renamed_status_shows_on_the_residents_case_page(
    admin_page: Page, page: Page, demo_stack: Stack, administrator: str
) -> None:
    rename_step(admin_page, demo_stack, administrator, CURRENT_STEP, NEW_LABEL)

    login_as(page, demo_stack, SUZANNE)
    page.goto(f"{demo_stack.portal_url}/mijn-zaken/{uid('zaak:suzanne-parkeervergunning')}/")

    expect(page.locator(".mo-current-status")).to_contain_text(NEW_LABEL)
    expect(page.locator(".mo-timeline__label", has_text=NEW_LABEL)).to_have_count(1)
