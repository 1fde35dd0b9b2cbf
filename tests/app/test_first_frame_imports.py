"""The articles paint before the alignment core loads: starting the UI and painting the reading
screen import neither numpy nor the aligner, the candidates or rapidfuzz (a good part of a
second of imports); the alignment worker imports them, in its thread."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HEAVY = (
    "numpy",
    "Stemmer",
    "rapidfuzz",
    "tui.core.align",
    "tui.core.candidates",
    "tui.core.normalize",
    "tui.core.worddiff",
    "tui.core.report",
    "tui.core.anchoring",
    "tui.core.user_links",
)

PAINT = """
import asyncio, sys, threading
from pathlib import Path
from tui.app import ReaderApp
from tui.commands.open_command import plan_open
from tui.core.sessions import SessionStore
from tui.cli import build_parser
from tui.screens.reading import ReadingScreen

args = build_parser().parse_args(["--data-dir", sys.argv[1]])
data_dir = Path(args.data_dir)
store = SessionStore(data_dir)
plan = plan_open(args, store)
never = threading.Event()


def aligner(articles, threshold, progress):
    never.wait(5)
    raise RuntimeError("not aligned in this test")


async def main():
    app = ReaderApp(plan.articles, data_dir=data_dir, session=plan.session,
                    sessions=store, aligner=aligner)
    async with app.run_test(size=(160, 48)) as pilot:
        for _ in range(100):
            await pilot.pause()
            if isinstance(app.screen, ReadingScreen) and app.screen.query("ReaderFooter"):
                break
        assert app.screen.query("ReaderFooter"), "the reading screen was never painted"
        print(",".join(sorted(m for m in sys.modules if m in HEAVY or m.split(".")[0] in HEAVY)))
        never.set()

asyncio.run(main())
"""


def _heavy_modules(code: str, *args: str) -> str:
    program = f"HEAVY = {HEAVY!r}\n{code}"
    run = subprocess.run(
        [sys.executable, "-c", program, *args], capture_output=True, text=True, check=True
    )
    return run.stdout.strip().splitlines()[-1] if run.stdout.strip() else ""


def test_the_ui_path_imports_no_alignment_core() -> None:
    code = (
        "import sys\n"
        "import tui.cli, tui.commands.open_command, tui.app, tui.screens.reading\n"
        "print(','.join(sorted(m for m in sys.modules if m in HEAVY or m.split('.')[0] in HEAVY)))"
    )
    assert _heavy_modules(code) == "", "imported before the first frame"


def test_painting_the_articles_loads_no_alignment_core(tmp_path: Path) -> None:
    assert _heavy_modules(PAINT, str(tmp_path / "data")) == "", "loaded before the first frame"
