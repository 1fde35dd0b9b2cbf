"""The help screen lists the live bindings of the screen below, as remapped, and closes."""

from __future__ import annotations

import io
from pathlib import Path
from typing import ClassVar

from rich.console import Console
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Static

from tests.app.alignment_fixture import sample_alignment
from tests.app.reading_fixture import aligned
from tui.app import ReaderApp
from tui.screens.help import HelpScreen, help_sections, render_help


class FakeReading(Screen[None]):
    """Stands in for the reading screen: a few bindings, one disabled, an input to focus."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "move(1)", "Next", id="reader.next-sentence", tooltip="Next sentence"),
        Binding("s", "toggle_sync", "Sync", id="reader.toggle-sync", tooltip="Sync on/off"),
        Binding(
            "right_square_bracket",
            "jump",
            "Next ⚑",
            show=False,
            id="reader.next-contradiction",
            tooltip="Next contradiction",
        ),
        Binding("x", "nothing_yet", "Export", id="reader.export", tooltip="Export"),
    ]
    MOUSE_HELP = (("click", "focus a sentence"),)
    AUTO_FOCUS = ""  # keys go to the screen until the test focuses the input

    def compose(self) -> ComposeResult:
        yield Static("reading")
        yield Input(id="query")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "nothing_yet" else True  # None: shown but disabled

    def action_move(self, step: int) -> None: ...
    def action_toggle_sync(self) -> None: ...
    def action_jump(self) -> None: ...


class HelpApp(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark,f1", "help", "Help", id="reader.help", tooltip="All keys"),
    ]

    def on_mount(self) -> None:
        self.set_keymap({"reader.toggle-sync": "S,ctrl+y"})
        self.push_screen(FakeReading())

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))


def _flat(help_screen: HelpScreen) -> dict[str, tuple[list[str], str, bool]]:
    return {
        entry.description: (entry.keys, entry.id, entry.enabled)
        for section in help_screen.sections
        for entry in section.entries
    }


async def test_help_lists_live_bindings_with_remapped_keys_and_closes() -> None:
    app = HelpApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        flat = _flat(app.screen)
        assert flat["Next"][:2] == (["↓", "j"], "reader.next-sentence")
        assert flat["Sync"][:2] == (["S", "^y"], "reader.toggle-sync")  # the keymap wins
        assert flat["Next ⚑"][:2] == (["]"], "reader.next-contradiction")  # hidden from footer
        assert flat["Export"][2] is False  # disabled: listed, dimmed
        assert flat["Help"][:2] == (["?", "f1"], "reader.help")
        titles = [section.title for section in app.screen.sections]
        assert titles.index("FakeReading screen") < titles.index("Everywhere")
        console = Console(width=100, file=io.StringIO(), record=True)
        console.print(render_help(app.screen.sections, FakeReading.MOUSE_HELP))
        text = console.export_text()
        assert "S, ^y" in text and "reader.toggle-sync" in text and "focus a sentence" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, FakeReading)
        for key in ("f1", "q", "f1", "question_mark"):
            await pilot.press(key)
            await pilot.pause()
        assert isinstance(app.screen, FakeReading)


async def test_help_follows_focus_listing_only_what_keys_really_do() -> None:
    app = HelpApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen.query_one(Input).focus()
        await pilot.pause()
        sections = help_sections(app.screen)
        assert sections[0].title == "In a text field (search, filters, paths)"
        ids = {entry.id for section in sections for entry in section.entries}
        # typing in the input swallows "s"/"j" and the input owns "down": not live, not listed
        assert "reader.toggle-sync" not in ids and "reader.next-sentence" not in ids
        descriptions = {e.description for s in sections for e in s.entries}
        assert "Focus Next" in descriptions  # the screen's tab binding still works


async def test_help_scrolls_when_it_does_not_fit() -> None:
    app = HelpApp()
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        scroll = help_screen.query_one(VerticalScroll)
        assert scroll.max_scroll_y > 0
        await pilot.press("end")
        await pilot.pause()
        assert scroll.scroll_y == scroll.max_scroll_y


async def test_reader_app_help_lists_the_reading_keys(tmp_path: Path) -> None:
    alignment = sample_alignment()
    app = ReaderApp(alignment.articles, data_dir=tmp_path, aligner=lambda a, t, p: alignment)
    async with app.run_test(size=(120, 40)) as pilot:
        await aligned(pilot)  # the alignment arrives after the articles are on screen
        reading = app.screen
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen) and app.screen.target is reading
        ids = {e.id for s in app.screen.sections for e in s.entries}
        for wanted in ("reader.toggle-sync", "reader.toggle-view", "reader.help", "reader.quit"):
            assert wanted in ids
        await pilot.press("q")  # closes help, does not quit
        await pilot.pause()
        assert app.screen is reading and app.is_running


async def test_narrow_help_keeps_descriptions_and_files_annotation_keys_apart(
    tmp_path: Path,
) -> None:
    alignment = sample_alignment()
    app = ReaderApp(alignment.articles, data_dir=tmp_path, aligner=lambda a, t, p: alignment)
    async with app.run_test(size=(60, 24)) as pilot:
        await aligned(pilot)  # the alignment arrives after the articles are on screen
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        text = app.export_screenshot().replace("&#160;", " ")  # SVG text, spaces escaped
        assert "Next pane" in text  # the description stays ...
        assert "reader.next-pane" not in text  # ... the id gives way
        titles = [section.title for section in help_screen.sections]
        assert "Annotating (reading screen)" in titles
        everywhere = next(s for s in help_screen.sections if s.title == "Everywhere")
        assert not any(entry.id.startswith("reader.annotate") for entry in everywhere.entries)
        described = [e.description.lstrip("←→ ") for s in help_screen.sections for e in s.entries]
        assert all(words[:1].isupper() for words in described), described


async def test_the_help_says_what_each_mark_means_and_how_often_it_was_right() -> None:
    """A reader learns from help that ◦ is often wrong and ⚑ on real news mostly right."""
    from tui.legend import MARK_LEGEND

    alignment = sample_alignment()
    app = ReaderApp(alignment.articles, aligner=lambda a, t, p: alignment)
    async with app.run_test(size=(120, 60)) as pilot:
        await aligned(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        console = Console(file=io.StringIO(), width=110, record=True)
        console.print(help_screen.query_one("#help-text", Static).content)  # type: ignore[arg-type]
        text = console.export_text()
        assert "Marks, and how often they were right on real news" in text
        for mark, _ in MARK_LEGEND:
            assert mark in text
        assert "a third of these are reported elsewhere" in " ".join(text.split())
