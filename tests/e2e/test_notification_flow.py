"""The Notificatieservice end to end, on `make demo`'s stack (issue 5, "Done when").

A case worker moves one of Suzanne's cases (she is the initiator) to its next status on the
demo page; the back office publishes a notification through its Notificaties API to the
portal's webhook; the portal's worker mails her preferred, verified address from the demo
Klantinteracties API; the e-mail shows up in the demo mailbox, and its link opens the case
after logging in.
"""

import re
import time

import pytest
import requests
from playwright.sync_api import Page, expect

from demo.backoffice.config import municipal_today
from demo.backoffice.seed import build_seed, uid
from demo.stack import Stack
from tests.e2e.helpers import assert_no_axe_violations

pytestmark = pytest.mark.e2e

SUZANNE = "999993653"
PARKEER = uid("zaak:suzanne-parkeervergunning")  # Suzanne is the initiator; 3 of 5 statuses
MAIL_WITHIN_SECONDS = 20.0
SETTLE_SECONDS = 3.0  # after the first mail: long enough for a duplicate to show up


def mails(stack: Stack) -> list[dict]:
    response = requests.get(f"{stack.backoffice_url}/_demo/mailbox/?format=json", timeout=10)
    response.raise_for_status()
    return response.json()["mails"]


def wait_for_new_mails(stack: Stack, before: int) -> tuple[list[dict], float]:
    started = time.monotonic()
    while time.monotonic() - started < MAIL_WITHIN_SECONDS:
        current = mails(stack)
        if len(current) > before:
            return current[: len(current) - before], time.monotonic() - started
        time.sleep(0.25)
    return [], time.monotonic() - started


@pytest.fixture
def restore_seed(demo_stack: Stack):
    yield
    requests.post(f"{demo_stack.backoffice_url}/_demo/reset", timeout=10).raise_for_status()


def test_next_status_on_the_demo_page_mails_the_initiator_once_with_a_link_to_the_case(
    page: Page, demo_stack: Stack, restore_seed: None
) -> None:
    identificatie = build_seed(municipal_today()).zaken[PARKEER].identificatie
    before = len(mails(demo_stack))
    page.goto(f"{demo_stack.backoffice_url}/_demo/zaken/")
    assert_no_axe_violations(page)

    page.locator(f"#zaak-{PARKEER}").get_by_role("button", name="Volgende status").click()

    expect(page.get_by_role("status")).to_contain_text(f"{identificatie} heeft nu de status")
    new, elapsed = wait_for_new_mails(demo_stack, before)
    assert new, (
        f"no e-mail in the demo mailbox within {MAIL_WITHIN_SECONDS:.0f} s; see the logs in "
        f"{demo_stack.settings.log_dir} (portal.log, worker.log, backoffice.log)"
    )
    time.sleep(SETTLE_SECONDS)
    assert len(mails(demo_stack)) == before + 1, "more than one e-mail for one status"
    (mail,) = new
    assert mail["to"] == "suzanne.moulin@example.nl"
    assert SUZANNE not in mail["body"] and SUZANNE not in mail["subject"]  # no BSN in a mail
    (link,) = [url for url in mail["links"] if url.startswith(demo_stack.portal_url)]
    assert str(PARKEER) in link
    assert elapsed < MAIL_WITHIN_SECONDS

    page.goto(f"{demo_stack.backoffice_url}/_demo/mailbox/")
    assert_no_axe_violations(page)
    first = page.locator("article").first
    expect(first.get_by_role("heading", level=2)).to_have_text(mail["subject"])
    first.get_by_role("link", name=link).click()

    # Not logged in: the portal asks for DigiD first, then opens the case.
    page.get_by_role("link", name="Inloggen met DigiD").click()
    expect(page).to_have_url(re.compile(rf"^{re.escape(demo_stack.oidc_url)}/"))
    page.locator(f"button[name=sub][value='{SUZANNE}']").click()
    expect(page).to_have_url(link)
    expect(page.get_by_role("main")).to_contain_text(identificatie)
