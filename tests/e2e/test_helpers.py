"""The browser helpers themselves: a check that cannot fail would prove nothing."""

import pytest
from playwright.sync_api import Page

from demo.stack import Stack
from tests.e2e.helpers import FocusStop, axe_violations, tab_through

pytestmark = pytest.mark.e2e


def test_axe_runs_under_the_portal_csp_and_finds_a_violation(page: Page, demo_stack: Stack) -> None:
    response = page.goto(f"{demo_stack.portal_url}/")
    assert response is not None
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.evaluate(
        """() => {
            const img = document.createElement('img');
            img.src = '/static/img/logo.svg';
            document.querySelector('main').append(img);
        }"""
    )

    assert "image-alt" in {violation["id"] for violation in axe_violations(page)}


def test_tab_through_lists_focusable_elements_in_order_and_stops_at_the_end(page: Page) -> None:
    page.set_content(
        '<a href="#top">Naar boven</a><p>tekst</p><button aria-label="Sluiten">x</button>'
        '<input value="waarde"><a href="/verder">  Verder\n lezen </a>'
    )

    assert tab_through(page) == [
        FocusStop(tag="a", text="Naar boven", href="#top"),
        FocusStop(tag="button", text="x", href=""),
        FocusStop(tag="input", text="waarde", href=""),
        FocusStop(tag="a", text="Verder lezen", href="/verder"),
    ]
