"""Snapshots of the reading screen: dark and light themes, 80x24 and 160x48.

The corpus and alignment are hand-built (tests/app/reading_fixture.py), so only the UI
decides what is drawn. The cursor sits on the contradiction candidate, so one frame shows
the cursor, the aligned counterparts, unique and furniture sentences, the flag glyph and
the explanation in the status line.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from tests.app.reading_fixture import make_app, reading


async def _on_the_contradiction(pilot: Pilot[Any]) -> None:
    await reading(pilot)  # the alignment arrives after the articles are on screen
    await pilot.press("right_square_bracket")
    await pilot.pause()


@pytest.mark.parametrize("theme", ["reader-dark", "reader-light"])
@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
def test_reading_screen(snap_compare: Any, theme: str, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(theme=theme), terminal_size=size, run_before=_on_the_contradiction)
