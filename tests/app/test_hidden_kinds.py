"""The palette hides a kind of candidate for the session: not marked, not visited by ], not
counted; the choice is saved with the session and back on resume."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input

from tests.app.candidates_fixture import BETA_QUOTE, QUOTE, WALK, many_candidates
from tests.app.test_sessions_ui import session_app
from tui.candidate_marks import NO_FLAG
from tui.core.sessions import SessionStore
from tui.screens.reading import ReadingScreen
from tui.widgets.alignment_table import table_rows

SIZE = (160, 48)


async def palette(pilot: Pilot[Any], command: str) -> None:
    """Run the palette command named ``command``."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CommandPalette)
    pilot.app.screen.query_one(Input).value = command
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


async def opened(pilot: Pilot[Any]) -> ReadingScreen:
    for _ in range(3):
        await pilot.pause()
    screen = pilot.app.reading_screen  # type: ignore[attr-defined]
    assert isinstance(screen, ReadingScreen)
    return screen


async def walk_all(pilot: Pilot[Any], screen: ReadingScreen, times: int) -> list[Any]:
    screen.move_cursor(0, 0)
    seen = []
    for _ in range(times):
        await pilot.press("right_square_bracket")
        await pilot.pause()
        seen.append(screen.focused_ref)
    return seen


async def test_hiding_quote_candidates_survives_a_save_and_resume(tmp_path: Path) -> None:
    alignment = many_candidates()
    store = SessionStore(tmp_path / "data")
    app = session_app(store, store.new("story", alignment.articles), alignment)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        assert screen.pane(0).flagged[QUOTE.sentence] != NO_FLAG
        await palette(pilot, "Hide quote candidates")
        assert screen.hidden_kinds == {"quote"}
        for ref in (QUOTE, BETA_QUOTE):  # not marked
            assert screen.pane(ref.doc).flagged[ref.sentence] == NO_FLAG
        assert not screen.alignment.discrepancies_of(QUOTE)  # not in the status line or i
        assert all(d.kind != "quote" for d in screen.alignment.discrepancies)  # not counted
        assert all(QUOTE not in r.members or not r.flag for r in table_rows(screen.alignment))
        expected = [r for r in WALK if r not in (QUOTE, BETA_QUOTE)]
        assert await walk_all(pilot, screen, len(expected)) == expected  # not visited
        await pilot.press("q")
    saved = store.resume()
    assert saved.view.hidden_kinds == ("quote",)

    again = session_app(store, saved, alignment)
    async with again.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        assert screen.hidden_kinds == {"quote"}
        assert screen.pane(0).flagged[QUOTE.sentence] == NO_FLAG
        await palette(pilot, "Show quote candidates")
        assert screen.hidden_kinds == frozenset()
        assert screen.pane(0).flagged[QUOTE.sentence] != NO_FLAG
        await pilot.press("S")
        await pilot.pause()
    assert store.load("story").view.hidden_kinds == ()
