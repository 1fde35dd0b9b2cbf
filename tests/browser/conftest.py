"""A headless Chromium for the report's browser tests: Debian's, driven by Playwright.

Playwright's own browser download cannot work on the machines this runs on, so the tests use
the system's Chromium (``READER_CHROMIUM``, else ``chromium`` on the PATH, else
/usr/bin/chromium) and skip, saying why, when there is none or Playwright is not installed.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> Path | None:
    """The system Chromium, or None."""
    named = os.environ.get("READER_CHROMIUM") or shutil.which("chromium")
    for candidate in (named, "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium per test module (skips when unavailable).

    Not one per session: while Playwright's sync API runs, the thread has an event loop
    running, and the Pilot tests that come later in the same worker could not start theirs.
    """
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install '.[test]')"
    )
    path = chromium_path()
    if path is None:
        pytest.skip("no Chromium: install Debian's chromium package (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        found = playwright.chromium.launch(executable_path=str(path), args=CHROMIUM_ARGS)
        yield found
        found.close()


def refusing_context(browser: Any, **options: Any) -> tuple[Any, list[str]]:
    """A browser context whose every request is refused and recorded: (context, URLs)."""
    context = browser.new_context(**options)
    requested: list[str] = []

    def refuse(route: Any) -> None:
        requested.append(route.request.url)
        route.abort()

    context.route("**/*", refuse)
    return context, requested


@pytest.fixture
def offline_page(browser: Any) -> Iterator[tuple[Any, list[str]]]:
    """A page whose every request is refused and recorded: (page, requested URLs)."""
    context, requested = refusing_context(browser, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.on("request", lambda request: requested.append(request.url))
    yield page, requested
    context.close()
