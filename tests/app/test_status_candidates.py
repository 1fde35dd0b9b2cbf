"""The status line's candidates: each names the passage it is against, said once per wording."""

from __future__ import annotations

from tests.app.reading_fixture import CONFLICT, make_app, reading, sample_corpus
from tui.core.align import Alignment
from tui.core.candidates import Discrepancy, Span
from tui.screens.reading import ReadingScreen
from tui.widgets.status_line import StatusLine


def detail_row(screen: ReadingScreen) -> str:
    return screen.query_one(StatusLine).text.split("\n")[1]


def twice_worded_alike() -> Alignment:
    """Alpha 13 against Beta 18 and, in the same words, against Gamma 3 (its counterparts)."""
    sample = sample_corpus()
    first = sample.discrepancies[0]
    gamma = sample.articles[2].sentences[2]
    again = Discrepancy(
        first.kind,
        first.status,
        first.a,
        Span(2, gamma.index, gamma.start, gamma.start + 5, gamma.text[:5]),
        first.explanation,
    )
    return Alignment(sample.articles, sample.pairs, sample.groups, (first, again))


async def test_a_candidate_names_the_source_it_is_against() -> None:
    app = make_app()
    async with app.run_test(size=(200, 40)) as pilot:
        screen = await reading(pilot)
        screen.move_cursor(CONFLICT.doc, CONFLICT.sentence)
        await pilot.pause()
        assert "⚑ number conflict vs Beta #18: people hurt" in detail_row(screen)
        screen.move_cursor(1, 17)  # the same candidate seen from Beta names Alpha
        await pilot.pause()
        assert "⚑ number conflict vs Alpha #13: people hurt" in detail_row(screen)


async def test_two_candidates_worded_alike_are_said_once_naming_both_sources() -> None:
    app = make_app(twice_worded_alike())
    async with app.run_test(size=(200, 40)) as pilot:
        screen = await reading(pilot)
        screen.move_cursor(CONFLICT.doc, CONFLICT.sentence)
        await pilot.pause()
        row = detail_row(screen)
        assert row.count("people hurt: twelve vs fifteen") == 1
        assert "⚑ number conflict vs Beta #18, Gamma #3: people hurt" in row


async def test_a_search_hit_comes_before_the_candidates_so_a_narrow_window_keeps_it() -> None:
    app = make_app(twice_worded_alike())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await reading(pilot)
        await pilot.press("slash", *"hurt", "enter")
        await pilot.pause()
        assert screen.focused_ref == CONFLICT
        row = detail_row(screen).removeprefix("i: read in full · ")
        assert row.startswith("hit 1 of 2 for “hurt”")


async def test_one_pane_on_screen_is_called_pane_n_of_m() -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await reading(pilot)
        where = screen.query_one(StatusLine).text.split("\n")[0]
        assert where.startswith("pane 1 of 3 · Alpha")
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert screen.query_one(StatusLine).text.startswith("pane 2 of 3 · Beta")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert screen.query_one(StatusLine).text.startswith("panes 2-3 of 3 · Beta")
