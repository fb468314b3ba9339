"""Chromium through Playwright for the browser suite; the stack itself is `demo_stack`.

Fixtures
--------
``browser`` (package scope: torn down when tests/e2e/ is done)
    Debian's Chromium (``MIJNOMGEVING_CHROMIUM`` or /usr/bin/chromium), headless, launched by
    Playwright with a fresh temporary profile. Package scope, not session scope: while
    Playwright's sync API is started, an asyncio loop runs in the main thread, and Django
    refuses database access from the test process in tests that run after this package.
``page`` (function scope)
    A page in a new browser context (no cookies or storage from another test), Dutch locale,
    a desktop viewport. Console errors and uncaught exceptions are collected as (url, message)
    in ``page.console_errors``; ``helpers.console_errors(page, origin)`` filters them.

The launch code is in tests/e2e/browser.py, for browser tests outside this package.
"""

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.e2e.browser import CHROMIUM_ARGS, chromium, chromium_path, new_page

__all__ = ["CHROMIUM_ARGS", "browser", "chromium_path", "page"]


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    with chromium() as browser:
        yield browser


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    with new_page(browser) as page:
        yield page
