"""The pane chooser on many articles: filter, tick or untick all listed, a count."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, Label, SelectionList

from tests.app.reading_fixture import make_app, reading, sample_corpus
from tui.screens.pane_chooser import PaneChooser
from tui.screens.reading import ReadingScreen


async def chooser(pilot: Pilot[Any]) -> tuple[ReadingScreen, PaneChooser]:
    screen = await reading(pilot)
    await pilot.press("p")
    await pilot.pause()
    assert isinstance(pilot.app.screen, PaneChooser)
    return screen, pilot.app.screen


def count(screen: PaneChooser) -> str:
    return str(screen.query_one("#pane-count", Label).render())


async def test_filter_then_untick_all_then_tick_one() -> None:
    app = make_app(sample_corpus(extra_articles=3))
    async with app.run_test(size=(160, 48)) as pilot:
        reading, screen = await chooser(pilot)
        labels = [a.label for a in app.articles]
        assert count(screen) == "6 of 6 ticked"
        await pilot.press("minus")  # untick every listed article
        await pilot.pause()
        assert count(screen) == "0 of 6 ticked"
        await pilot.press("slash")
        assert screen.focused is screen.query_one(Input)
        await pilot.press(*labels[2].lower())
        await pilot.pause()
        assert [app.articles[d].label for d in screen.listed()] == [labels[2]]
        assert count(screen).startswith("0 of 6 ticked · 1 listed for")
        await pilot.press("enter")  # from the filter: to the list, not applied yet
        assert isinstance(app.screen, PaneChooser)
        assert screen.focused is screen.query_one(SelectionList)
        await pilot.press("space", "enter")
        await pilot.pause()
        assert reading.visible_docs == [2]


async def test_ticks_survive_filtering_and_plus_ticks_the_listed() -> None:
    app = make_app(sample_corpus(extra_articles=3))
    async with app.run_test(size=(160, 48)) as pilot:
        reading, screen = await chooser(pilot)
        await pilot.press("minus")
        await pilot.press("slash", *app.articles[1].label.lower(), "down")
        await pilot.press("plus")  # ticks the one listed article
        await pilot.pause()
        await pilot.press("slash", "ctrl+u")  # clear the filter: every article is listed
        await pilot.pause()
        assert len(screen.listed()) == 6
        assert set(screen.query_one(SelectionList).selected) == {1}
        await pilot.press("down", "enter")
        await pilot.pause()
        assert reading.visible_docs == [1]


async def test_applying_with_nothing_ticked_is_refused() -> None:
    app = make_app(sample_corpus(extra_articles=3))
    async with app.run_test(size=(160, 48)) as pilot:
        _, screen = await chooser(pilot)
        await pilot.press("minus", "enter")
        await pilot.pause()
        assert app.screen is screen
        assert any("at least one" in n.message for n in app._notifications)
