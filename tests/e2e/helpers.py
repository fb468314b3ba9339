"""What the browser tests do again and again: log in, check accessibility, walk the keyboard.

``login_as(page, stack, bsn)``  log in at the demo's OIDC provider as a test resident.
``logout(page, stack)``         log out through the nav, the provider's logout included.
``log_in_as_staff(page, stack, member)``  the two-factor staff login as a demo employee.
``assert_no_axe_violations(page)``  axe-core with the WCAG 2.0/2.1 A and AA rules: no violations.
``tab_through(page)``           the elements Tab visits, in order, as ``FocusStop`` values.
``screenshot(page, name)``      a full-page PNG in $MIJNOMGEVING_E2E_SCREENSHOTS (when set).
``console_errors(page, origin)``  the console errors and uncaught exceptions of one origin.
"""

import os
import re
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from demo.processes import ROOT
from demo.stack import Stack
from demo.staff import DEMO_PASSWORD, DemoStaffMember, totp_code, totp_seconds_left, totp_step

AXE_PATH = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _escaped(url: str) -> str:
    return re.escape(url.rstrip("/"))


def login_as(page: Page, stack: Stack, bsn: str) -> None:
    """From the start page through "Inloggen met DigiD" and the provider, back on the portal."""
    page.goto(f"{stack.portal_url}/")
    page.get_by_role("link", name="Inloggen met DigiD").click()  # start page -> provider
    expect(page).to_have_url(re.compile(rf"^{_escaped(stack.oidc_url)}/"))
    page.locator(f"button[name=sub][value='{bsn}']").click()
    expect(page).to_have_url(re.compile(rf"^{_escaped(stack.portal_url)}/"))


def logout(page: Page, stack: Stack) -> None:
    """Press "Uitloggen" in the nav and finish the provider's logout; ends on the portal."""
    page.get_by_role("button", name="Uitloggen").click()
    # The portal hands over to the provider (a form posted by script); the mock provider then
    # asks to confirm, a real DigiD broker does not.
    page.wait_for_url(re.compile(rf"^({_escaped(stack.oidc_url)}|{_escaped(stack.portal_url)})/"))
    if page.url.startswith(stack.oidc_url):
        page.get_by_role("button", name="End session").click()
    expect(page).to_have_url(re.compile(rf"^{_escaped(stack.portal_url)}/"))


# The time step of the last code each demo employee logged in with, per stack: django-otp
# accepts a code once, so a second login in the same 30 seconds waits for the next code.
_last_step: dict[tuple[str, str], int] = {}


def log_in_as_staff(
    page: Page, stack: Stack, member: DemoStaffMember, path: str = "/beheer/login/"
) -> None:
    """Open ``path`` on the portal (a staff page sends you to the login), give username and
    password, then the code of this moment from the member's fixed key (demo/staff.py, the
    code /_demo/medewerkers/ shows); ends on the page after the login."""
    page.goto(f"{stack.portal_url}{path}")
    page.locator("input[name$='username']").fill(member.username)
    page.locator("input[name$='password']").fill(DEMO_PASSWORD)
    page.locator("input[name$='password']").press("Enter")
    token = page.locator("input[name='token-otp_token']")
    expect(token).to_be_visible()
    key, now = (stack.portal_url, member.username), time.time()
    if _last_step.get(key) == totp_step(now):
        time.sleep(totp_seconds_left(now))
        now = time.time()
    _last_step[key] = totp_step(now)
    token.fill(totp_code(member, now))
    token.press("Enter")
    expect(page).not_to_have_url(re.compile(r"/beheer/login/"))


@cache
def _axe_source() -> str:
    if not AXE_PATH.exists():
        pytest.fail(f"{AXE_PATH} ontbreekt: draai `npm ci` (of `make install`).")
    return AXE_PATH.read_text()


def axe_violations(page: Page) -> list[dict]:
    """axe-core's violations for the page as it is now (WCAG 2.0/2.1, levels A and AA)."""
    # evaluate() runs through the DevTools protocol, which the page's CSP does not govern;
    # a <script> tag would be blocked by script-src 'self'.
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(_axe_source())
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    result = page.evaluate("options => window.axe.run(document, options)", options)
    return list(result["violations"])


def assert_no_axe_violations(page: Page) -> None:
    violations = axe_violations(page)
    if violations:
        lines = [f"axe: {len(violations)} overtreding(en) op {page.url}"]
        for violation in violations:
            lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
            lines.append(f"  {violation['helpUrl']}")
            lines.extend(
                f"    {node['target']}: {node['html'][:200]}" for node in violation["nodes"]
            )
        pytest.fail("\n".join(lines))


@dataclass(frozen=True, slots=True)
class FocusStop:
    tag: str  # lower case: "a", "button", "input", ...
    text: str  # visible text, else aria-label, else value
    href: str  # the href attribute as written, "" for non-links


_ACTIVE = """() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    window.__moTabSeen = window.__moTabSeen || new WeakSet();
    const seen = window.__moTabSeen.has(el);
    window.__moTabSeen.add(el);
    const text = (el.innerText || el.getAttribute('aria-label') || el.value || '').trim();
    return {seen, tag: el.tagName.toLowerCase(), text: text.replace(/\\s+/g, ' '),
            href: el.getAttribute('href') || ''};
}"""


def tab_through(page: Page, *, limit: int = 200) -> list[FocusStop]:
    """Press Tab from the top of a freshly loaded page until focus leaves the page or comes
    back round; returns every element that got focus, in order."""
    page.evaluate("() => { window.__moTabSeen = new WeakSet(); }")
    stops: list[FocusStop] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        active = page.evaluate(_ACTIVE)
        if active is None or active["seen"]:
            return stops
        stops.append(FocusStop(tag=active["tag"], text=active["text"], href=active["href"]))
    pytest.fail(f"Na {limit} keer Tab nog steeds nieuwe elementen op {page.url}: een focusval?")


def screenshot(page: Page, name: str) -> Path | None:
    """Save a full-page screenshot as <name>.png in $MIJNOMGEVING_E2E_SCREENSHOTS, if set."""
    directory = os.environ.get("MIJNOMGEVING_E2E_SCREENSHOTS")
    if not directory:
        return None
    path = Path(directory) / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)
    return path


def console_errors(page: Page, origin: str) -> list[str]:
    """Console errors and uncaught exceptions from pages and resources of ``origin`` (the
    portal's URL), so that the OIDC provider's own page does not count."""
    errors: list[tuple[str, str]] = page.console_errors  # type: ignore[attr-defined]
    return [f"{url}: {message}" for url, message in errors if url.startswith(origin)]
