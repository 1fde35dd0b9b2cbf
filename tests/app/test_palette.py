"""Our palette commands: jump to a source or a sentence, toggles, panes, themes; system kept."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Static

from tests.app.alignment_fixture import sample_alignment
from tests.app.reading_fixture import reading
from tui.app import ReaderApp
from tui.core.align import SentenceRef
from tui.core.model import Article
from tui.palette import ReaderCommands, ReadingTarget
from tui.screens.reading import ReadingScreen
from tui.themes import VARIABLE_DEFAULTS, register_themes


class FakeReading(Screen[None]):
    """Records what the palette asks of the reading screen."""

    def __init__(self) -> None:
        super().__init__()
        self.articles: tuple[Article, ...] = sample_alignment().articles
        self.sync = True
        self.view_mode = "panes"
        self.hide_furniture = False
        self.hidden_docs: frozenset[int] = frozenset()
        self.hidden_kinds: frozenset[str] = frozenset()
        self.cursors = (0, 1, 0)
        self.calls: list[tuple[object, ...]] = []

    def compose(self) -> ComposeResult:
        yield Static("reading")

    def move_cursor(self, doc: int, sentence: int) -> None:
        self.calls.append(("move_cursor", doc, sentence))

    def set_pane_shown(self, doc: int, shown: bool) -> None:
        self.calls.append(("set_pane_shown", doc, shown))

    def set_kind_shown(self, kind: str, shown: bool) -> None:
        self.calls.append(("set_kind_shown", kind, shown))
        self.hidden_kinds = self.hidden_kinds - {kind} if shown else self.hidden_kinds | {kind}

    def action_toggle_sync(self) -> None:
        self.calls.append(("toggle_sync",))
        self.sync = not self.sync

    def action_toggle_view(self) -> None:
        self.calls.append(("toggle_view",))

    def action_toggle_furniture(self) -> None:
        self.calls.append(("toggle_furniture",))


class PaletteApp(App[None]):
    COMMANDS: ClassVar = App.COMMANDS | {ReaderCommands}

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(VARIABLE_DEFAULTS)

    def on_mount(self) -> None:
        register_themes(self)
        self.push_screen(FakeReading())

    def action_help(self) -> None:
        self.notify("help opened")


async def _run(pilot: Pilot[None], query: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette)
    palette.query_one(Input).value = query  # as if typed, without a frame per key
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()  # the palette gathers results in a worker
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


def _reading(app: App[None]) -> FakeReading:
    screen = app.screen
    assert isinstance(screen, FakeReading)
    return screen


def test_system_commands_are_kept() -> None:
    assert App.COMMANDS < PaletteApp.COMMANDS and ReaderCommands in PaletteApp.COMMANDS


def test_fake_screen_satisfies_the_protocol_the_real_one_must_meet() -> None:
    assert isinstance(FakeReading(), ReadingTarget)


async def test_toggle_sync_by_name_reflecting_state() -> None:
    app = PaletteApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await _run(pilot, "sync off")
        reading = _reading(app)
        assert reading.calls == [("toggle_sync",)] and reading.sync is False
        await _run(pilot, "sync on")
        assert reading.calls[-1] == ("toggle_sync",) and reading.sync is True


async def test_jump_to_source_keeps_that_pane_cursor() -> None:
    app = PaletteApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await _run(pilot, "go to source AP")
        assert _reading(app).calls == [("move_cursor", 1, 1)]


async def test_jump_to_sentence_by_fuzzy_text() -> None:
    app = PaletteApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await _run(pilot, "fifteen people injured")
        assert _reading(app).calls == [("move_cursor", 1, 1)]


async def test_furniture_is_not_a_sentence_target() -> None:
    app = PaletteApp()
    async with app.run_test(size=(120, 40)):
        provider = ReaderCommands(app.screen)
        await provider.startup()
        assert "Share this article" not in provider._sentences
        assert len(provider._sentences) == 7


async def test_view_furniture_and_pane_commands() -> None:
    app = PaletteApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await _run(pilot, "alignment table")
        await _run(pilot, "hide page furniture")
        await _run(pilot, "hide pane BBC")
        assert _reading(app).calls == [
            ("toggle_view",),
            ("toggle_furniture",),
            ("set_pane_shown", 2, False),
        ]


async def test_theme_command_changes_the_theme() -> None:
    app = PaletteApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await _run(pilot, "theme: reader-high-contrast")
        assert app.theme == "reader-high-contrast"


async def test_help_command_runs_the_app_help_action() -> None:
    app = PaletteApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await _run(pilot, "keys and help")
        assert any(n.message == "help opened" for n in app._notifications)


def _reader_app(data_dir: Path) -> ReaderApp:
    alignment = sample_alignment()
    return ReaderApp(
        alignment.articles, data_dir=data_dir, aligner=lambda articles, t, p: alignment
    )


async def _reading_screen(pilot: Pilot[None]) -> ReadingScreen:
    return await reading(pilot)  # the alignment arrives after the articles are on screen


async def test_reader_app_palette_drives_the_real_reading_screen(tmp_path: Path) -> None:
    app = _reader_app(tmp_path)
    assert App.COMMANDS < ReaderApp.COMMANDS and ReaderCommands in ReaderApp.COMMANDS
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _reading_screen(pilot)
        assert isinstance(screen, ReadingTarget)
        await _run(pilot, "go to source BBC")
        assert screen.focused_doc == 2
        await _run(pilot, "traffic was diverted")
        assert screen.focused_ref == SentenceRef(0, 3)
        await _run(pilot, "turn sync off")
        assert screen.sync is False
        await _run(pilot, "hide pane AP")
        assert screen.hidden_docs == frozenset({1})
        await _run(pilot, "show alignment table")
        assert screen.view_mode == "table"
        await _run(pilot, "theme: reader-light")
        assert app.theme == "reader-light"
    assert "theme: reader-light" in (tmp_path / "settings.yaml").read_text()


async def test_reader_app_palette_opens_the_reading_screens_notes_panel(tmp_path: Path) -> None:
    from tui.screens.notes_panel import NotesPanel

    alignment = sample_alignment()
    app = ReaderApp(
        alignment.articles,
        data_dir=tmp_path,
        aligner=lambda articles, t, p: alignment,
        notes_path=tmp_path / "notes.yaml",
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await _reading_screen(pilot)
        await _run(pilot, "notes panel")
        assert isinstance(app.screen, NotesPanel)
