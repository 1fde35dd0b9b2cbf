"""A window too small for the panes: the footer offers only what acts there (help, quit)."""

from __future__ import annotations

from textual.command import CommandPalette
from textual.widgets._footer import FooterKey

from tests.app.reading_fixture import make_app, reading
from tui.screens.help import HelpScreen
from tui.screens.reading import ReadingScreen


def footer_actions(screen: ReadingScreen) -> set[str]:
    return {key.action for key in screen.query(FooterKey)}


async def test_footer_lists_only_help_and_quit_while_the_window_is_too_small() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await reading(pilot)
        assert {"move(1)", "toggle_view", "command_palette"} <= footer_actions(screen)
        await pilot.resize_terminal(30, 8)
        await pilot.pause()
        await pilot.pause()
        assert screen.has_class("-too-small")
        assert footer_actions(screen) == {"help", "quit"}
        await pilot.press("ctrl+p")  # the palette would act blind too
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette)
        await pilot.press("question_mark")  # what the footer offers works
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        await pilot.pause()
        assert {"move(1)", "toggle_view", "command_palette"} <= footer_actions(screen)


async def test_table_view_keys_wait_while_the_window_is_too_small() -> None:
    """In the table the focused table's own keys (j, k, enter) must wait too, and go unlisted."""
    from tui.widgets.alignment_table import AlignmentTable

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await reading(pilot)
        await pilot.press("v")
        for _ in range(5):
            await pilot.pause()
        table = screen.query_one(AlignmentTable)
        row, ref = table.cursor_row, screen.focused_ref
        await pilot.resize_terminal(30, 8)
        await pilot.pause()
        await pilot.pause()
        assert screen.has_class("-too-small")
        assert footer_actions(screen) == {"help", "quit"}
        await pilot.press("j", "j", "j", "j", "down", "enter", "a")
        await pilot.pause()
        assert table.cursor_row == row
        assert screen.focused_ref == ref
        assert screen.view_mode == "table"
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        await pilot.pause()
        assert table.cursor_row == row
        await pilot.press("j")
        await pilot.pause()
        assert table.cursor_row == row + 1
