"""The note editor fits small windows whole: text area shrinks, tags and both buttons stay."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Button, Footer, Input, TextArea
from textual.widgets._footer import FooterKey

from tests.app.test_annotations import notes_app, start
from tui.screens.note_editor import NoteEditor


@pytest.mark.parametrize("size", [(80, 24), (60, 20), (120, 40)])
async def test_the_editor_fits_with_its_buttons_and_save_keys(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = notes_app(tmp_path / "notes.yaml")
    async with app.run_test(size=size) as pilot:
        await start(pilot)
        await pilot.press("c")
        await pilot.pause()
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        dialog = editor.query_one(VerticalScroll)
        assert dialog.max_scroll_y == 0  # nothing hidden below the fold
        inside = dialog.content_region
        for widget in (*editor.query(Button), editor.query_one(Input)):
            assert widget.region.height == 3, widget  # whole, not one edge row
            assert inside.contains_region(widget.region), widget
        assert editor.query_one(TextArea).region.height >= 3
        footer = editor.query_one(Footer)
        assert footer.region.bottom == size[1]
        keys = [str(key.render()) for key in footer.query(FooterKey)]
        assert any("^s/f2" in key and "Save" in key for key in keys), keys
        assert not any("Quit" in key for key in keys)  # not the reading screen's keys
