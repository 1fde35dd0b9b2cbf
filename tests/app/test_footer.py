"""The footer keeps help and quit on screen at every width the panes accept."""

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
