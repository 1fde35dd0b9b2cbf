"""``]`` / ``[``: every shown article's candidates to check, in reading order, across panes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from tests.app.candidates_fixture import (
    BETA_CONFLICT,
    GAMMA_UPDATED,
    QUOTE,
    UPDATED,
    WALK,
    many_candidates,
)
from tests.app.reading_fixture import CONFLICT, make_app, notes_app, reading, sample_corpus
from tui.core.align import SentenceRef
from tui.screens.reading import ReadingScreen


def notices(pilot: Pilot[Any]) -> list[str]:
    return [n.message for n in pilot.app._notifications]


async def walk(pilot: Pilot[Any], screen: ReadingScreen, key: str, times: int) -> list[SentenceRef]:
    seen = []
    for _ in range(times):
        await pilot.press(key)
        await pilot.pause()
        seen.append(screen.focused_ref)
    return seen


async def test_next_goes_on_into_the_other_panes_and_wraps_with_a_notice() -> None:
    app = make_app(many_candidates())
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await reading(pilot)
        seen = await walk(pilot, screen, "right_square_bracket", len(WALK))
        assert seen == WALK  # ⚑ and ↻ of Alpha, then Beta's, then Gamma's
        assert screen.focused_doc == GAMMA_UPDATED.doc  # the focus went with it
        assert not any("Wrapped" in n for n in notices(pilot))
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.focused_ref == CONFLICT  # round again to the first
        assert any(
            n == "Wrapped around: back to the first candidate, in Alpha." for n in notices(pilot)
        )


async def test_previous_walks_back_through_the_panes_and_wraps_to_the_last() -> None:
    app = make_app(many_candidates())
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await reading(pilot)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.focused_ref == CONFLICT
        await pilot.press("left_square_bracket")  # nothing before it: round to the last
        await pilot.pause()
        assert screen.focused_ref == GAMMA_UPDATED
        assert any("back to the last candidate, in Gamma" in n for n in notices(pilot))
        seen = await walk(pilot, screen, "left_square_bracket", len(WALK) - 1)
        assert seen == list(reversed(WALK))[1:]


async def test_a_candidate_is_visited_on_both_sides_and_a_lone_one_says_so() -> None:
    """The sample has one ⚑ (Alpha 13 against Beta 18): ] goes to it, then to Beta's side."""
    app = make_app(sample_corpus())
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await reading(pilot)
        assert await walk(pilot, screen, "right_square_bracket", 3) == [
            CONFLICT,
            BETA_CONFLICT,
            CONFLICT,
        ]
        screen.set_pane_shown(1, False)  # Alpha's side is now the only one shown
        await pilot.pause()
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.focused_ref == CONFLICT
        assert "This is the only candidate to check." in notices(pilot)


async def test_hidden_panes_are_not_visited_and_nothing_to_check_is_said() -> None:
    app = make_app(many_candidates())
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await reading(pilot)
        screen.set_pane_shown(1, False)
        await pilot.pause()
        seen = await walk(pilot, screen, "right_square_bracket", 4)
        assert seen == [CONFLICT, UPDATED, QUOTE, GAMMA_UPDATED]
        assert 1 in screen.hidden_docs  # Beta stays hidden
    app = make_app(sample_corpus())
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await reading(pilot)
        screen.set_kind_shown("number", False)
        await pilot.pause()
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.focused_ref == SentenceRef(0, 0)
        expected = "No contradiction candidate (⚑ or ↻) in the shown articles (1 kind hidden)."
        assert expected in notices(pilot)


async def test_a_confirmed_candidate_is_passed(tmp_path: Path) -> None:
    app = notes_app(tmp_path / "notes.yaml", many_candidates())
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await reading(pilot)
        await pilot.pause()
        screen.move_cursor(QUOTE.doc, QUOTE.sentence)
        await pilot.press("x")  # confirms the quote conflict on both sides
        await pilot.pause()
        screen.move_cursor(0, 0)
        seen = await walk(pilot, screen, "right_square_bracket", 4)
        assert seen == [CONFLICT, UPDATED, BETA_CONFLICT, GAMMA_UPDATED]
