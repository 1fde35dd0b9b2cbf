"""The footer keeps help and quit on screen at every width the panes accept, and the annotation
keys down to 80 columns: the other keys give way first."""

from __future__ import annotations

import pytest
from textual.widgets._footer import FooterKey

from tests.app.reading_fixture import make_app, reading


@pytest.mark.parametrize("width", [60, 80])
async def test_help_and_quit_are_first_and_fit_at_narrow_widths(width: int) -> None:
    app = make_app()
    async with app.run_test(size=(width, 24)) as pilot:
        screen = await reading(pilot)
        for view in ("panes", "table"):
            keys = list(screen.query(FooterKey))
            assert [key.action for key in keys[:2]] == ["help", "quit"], view
            for key in keys[:2]:
                assert key.region.width > 0 and key.region.right <= width, view
            await pilot.press("v")
            for _ in range(3):
                await pilot.pause()


def shown_keys_clear_of_the_palette_key(screen: object) -> list[str]:
    """The shown keys, checked to end before the palette key (docked right, drawn on top)."""
    keys = list(screen.query(FooterKey))  # type: ignore[attr-defined]
    palette = next(key for key in keys if key.has_class("-command-palette"))
    shown = [key for key in keys if key.display and key is not palette]
    for key in shown:
        assert key.region.right <= palette.region.x, f"{key.key} runs under the palette key"
    return [key.key for key in shown]


async def settle(pilot: object) -> None:
    for _ in range(4):
        await pilot.pause()  # type: ignore[attr-defined]


@pytest.mark.parametrize("width", [60, 72, 100])
async def test_keys_that_do_not_fit_whole_are_hidden_not_covered(width: int) -> None:
    app = make_app()
    async with app.run_test(size=(width, 24)) as pilot:
        screen = await reading(pilot)
        await settle(pilot)
        panes = shown_keys_clear_of_the_palette_key(screen)
        assert panes[:2] == ["question_mark", "q"]
        await pilot.press("v")
        await settle(pilot)
        shown_keys_clear_of_the_palette_key(screen)
        await pilot.press("question_mark")  # help over the table: its footer recomposes
        await settle(pilot)
        shown_keys_clear_of_the_palette_key(screen)


async def test_growing_the_window_brings_hidden_keys_back() -> None:
    app = make_app()
    async with app.run_test(size=(60, 24)) as pilot:
        screen = await reading(pilot)
        await settle(pilot)
        narrow = shown_keys_clear_of_the_palette_key(screen)
        await pilot.resize_terminal(160, 24)
        await settle(pilot)
        wide = shown_keys_clear_of_the_palette_key(screen)
        assert len(wide) > len(narrow) and [key for key in wide if key in narrow] == narrow


KEPT = ["question_mark", "q", "a", "x", "c", "m"]
"""Help, quit and the annotation keys a reader uses most: the other keys give way first."""


@pytest.mark.parametrize("width", [80, 100])
async def test_the_annotation_keys_stay_down_to_80_columns(width: int) -> None:
    app = make_app()
    async with app.run_test(size=(width, 24)) as pilot:
        screen = await reading(pilot)
        for view in ("panes", "table"):
            await settle(pilot)
            shown = shown_keys_clear_of_the_palette_key(screen)
            assert [key for key in shown if key in KEPT] == KEPT, view
            assert len(shown) > len(KEPT) or width == 80, view  # room left goes to the others
            await pilot.press("v")


async def test_keys_give_way_in_their_order_and_come_back_in_it() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await reading(pilot)
        await settle(pilot)
        every = [key.key for key in screen.query(FooterKey)]
        narrow = shown_keys_clear_of_the_palette_key(screen)
        assert narrow == [key for key in every if key in narrow]  # the footer's order is kept
        await pilot.resize_terminal(60, 24)
        await settle(pilot)
        narrower = shown_keys_clear_of_the_palette_key(screen)
        assert narrower[:2] == ["question_mark", "q"] and set(narrower) < set(narrow)
        assert narrower == KEPT[: len(narrower)]  # the annotation keys are the last to go
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert shown_keys_clear_of_the_palette_key(screen) == narrow
