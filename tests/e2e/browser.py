"""Debian's Chromium through Playwright, for fixtures in tests/e2e/conftest.py and elsewhere.

``chromium()``         context manager: a headless Chromium with a fresh temporary profile.
``new_page(browser)``  context manager: a page in a new context (no cookies from other tests),
                       Dutch locale, desktop viewport; console errors and uncaught exceptions
                       are collected as (url, message) in ``page.console_errors``.

Stop the browser before tests that use Django's database run in the same process: while
Playwright's sync API is started, an asyncio loop runs in the main thread and Django refuses
database access ("You cannot call this from an async context").
"""

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, sync_playwright

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def chromium_path() -> str:
    """The Chromium to drive; fails the browser tests with the fix when there is none."""
    path = (
        os.environ.get("MIJNOMGEVING_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    )
    if not Path(path).exists():
        pytest.fail(
            f"Chromium niet gevonden ({path}). Installeer het met `make browser` "
            "(scripts/ensure-chromium.sh) of zet MIJNOMGEVING_CHROMIUM op het pad van een Chromium."
        )
    return path


@contextmanager
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def new_page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(
        locale="nl-NL", timezone_id="Europe/Amsterdam", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(15_000)
    page = collecting_console_errors(context.new_page())
    try:
        yield page
    finally:
        context.close()


def collecting_console_errors(page: Page) -> Page:
    """The page, with every console error and page error it shows kept in
    `page.console_errors` as (url of the page or resource, message)."""
    errors: list[tuple[str, str]] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append((message.location.get("url") or page.url, message.text))

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append((page.url, str(error))))
    page.console_errors = errors  # type: ignore[attr-defined]
    return page
