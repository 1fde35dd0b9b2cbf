"""Screenshots of the HTML report in headless Chromium, at desktop and at phone width.

    .venv/bin/python docs/screenshots.py REPORT.html OUT_PREFIX [--scroll PIXELS]

    .venv/bin/python docs/screenshots.py REPORT.html OUT_PREFIX --row N

writes OUT_PREFIX-desktop.png and OUT_PREFIX-phone.png (the top of the page, PIXELS down, or
row N just under the column heads). Uses the system's Chromium as the browser tests do
(tests/browser/conftest.py). docs/report.png is the desktop shot of the Waffle House story's
report at --row 12 with a few notes, reduced to 64 colours (ImageMagick: convert -colors 64).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.conftest import CHROMIUM_ARGS, chromium_path

SIZES = {"desktop": (1200, 760), "phone": (390, 844)}
SCROLL_TO_ROW = """n => {
  const row = document.getElementById('r' + n);
  const thead = document.querySelector('thead');
  const head = thead && window.innerWidth > 704 ? thead.offsetHeight : 0;
  window.scrollTo(0, row.getBoundingClientRect().top + window.scrollY - head - 8);
}"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", type=Path)
    parser.add_argument("prefix")
    parser.add_argument("--scroll", type=int, default=0, help="pixels down the page")
    parser.add_argument("--row", type=int, help="scroll to this row")
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
            if args.row:
                page.evaluate(SCROLL_TO_ROW, args.row)
            page.screenshot(path=f"{args.prefix}-{name}.png")
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
