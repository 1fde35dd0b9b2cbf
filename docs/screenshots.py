"""Screenshots of the HTML report in headless Chromium, at desktop and at phone width.

    .venv/bin/python docs/screenshots.py REPORT.html OUT_PREFIX [--scroll PIXELS]

writes OUT_PREFIX-desktop.png and OUT_PREFIX-phone.png (the top of the page, or PIXELS
down). Uses the system's Chromium as the browser tests do (tests/browser/conftest.py).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.conftest import CHROMIUM_ARGS, chromium_path

SIZES = {"desktop": (1280, 800), "phone": (390, 844)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", type=Path)
    parser.add_argument("prefix")
    parser.add_argument("--scroll", type=int, default=0, help="pixels down the page")
    args = parser.parse_args()
    path = chromium_path()
    if path is None:
        raise SystemExit("no Chromium: apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(path), args=CHROMIUM_ARGS)
        for name, (width, height) in SIZES.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(args.report.resolve().as_uri())
            page.evaluate(f"window.scrollTo(0, {args.scroll})")
            page.screenshot(path=f"{args.prefix}-{name}.png")
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
