"""Keys typed in one burst (fast typing, a paste, tmux send-keys) land where the first key sent
them: "/dead" typed at once searched for nothing and deleted the annotation under the cursor."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import Input, TextArea

from tests.app.reading_fixture import make_app, reading


def burst(app: object, text: str) -> None:
    """Queue every key at once, as a terminal delivers a fast burst (no wait between keys)."""
    names = {"/": "slash", " ": "space"}
    for character in text:
        app.post_message(events.Key(names.get(character, character), character))  # type: ignore[attr-defined]


async def test_a_search_typed_in_one_burst_goes_into_the_search_field() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await reading(pilot)
        screen.set_focus(screen.pane(0))
        await pilot.pause()
        before = screen.focused
        burst(app, "/dead")
        for _ in range(3):
            await pilot.pause()
        field = screen.query_one("#search", Input)
        assert field.value == "dead"
        assert screen.focused is field and before is not field


async def test_a_burst_keeps_the_annotation_under_the_cursor(tmp_path: Path) -> None:
    app = make_app(data_dir=tmp_path)
    app.notes_path = tmp_path / "notes.yaml"
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await reading(pilot)
        screen.set_focus(screen.pane(0))
        await pilot.press("j", "a")  # an agreement on Alpha 1 (Alpha 0 has no counterpart)
        await pilot.pause()
        assert app.notes is not None and len(app.notes.store.document.annotations) == 1
        burst(app, "/dead")
        for _ in range(3):
            await pilot.pause()
        assert len(app.notes.store.document.annotations) == 1  # "d" went into the field


async def test_a_note_typed_in_the_same_burst_as_c_starts_with_its_first_letter(
    tmp_path: Path,
) -> None:
    app = make_app(data_dir=tmp_path)
    app.notes_path = tmp_path / "notes.yaml"
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await reading(pilot)
        screen.set_focus(screen.pane(0))
        await pilot.pause()
        burst(app, "chello")
        for _ in range(5):
            await pilot.pause()
        editor = app.screen.query_one(TextArea)
        assert editor.text == "hello"
