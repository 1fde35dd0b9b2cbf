"""Snapshots of the alignment table and the help screen (fixed size, theme, no animation)."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Static

from tests.app.alignment_fixture import sample_alignment
from tui.screens.help import HelpScreen
from tui.themes import VARIABLE_DEFAULTS, register_themes
from tui.widgets.alignment_table import AlignmentTable


class ChromeApp(App[None]):
    """Registers our themes and starts in ``theme`` (fixed, so snapshots do not drift)."""

    def __init__(self, theme: str) -> None:
        super().__init__()
        self.start_theme = theme

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(VARIABLE_DEFAULTS)

    def on_mount(self) -> None:
        register_themes(self)
        self.theme = self.start_theme


class TableApp(ChromeApp):
    def compose(self) -> ComposeResult:
        yield AlignmentTable(sample_alignment())


class Reading(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "noop", "Next", id="reader.next-sentence", tooltip="Next sentence"),
        Binding("up,k", "noop", "Prev", id="reader.previous-sentence", tooltip="Previous"),
        Binding("s", "noop", "Sync", id="reader.toggle-sync", tooltip="Sync on/off"),
        Binding("v", "noop", "Table", id="reader.toggle-view", tooltip="Panes / table"),
        Binding(
            "right_square_bracket",
            "noop",
            "Next ⚑",
            show=False,
            id="reader.next-contradiction",
            tooltip="Next contradiction candidate",
        ),
    ]

    def compose(self) -> ComposeResult:
        yield Static("reading")
        yield Footer()

    def action_noop(self) -> None: ...


class HelpApp(ChromeApp):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark,f1", "help", "Help", id="reader.help", tooltip="All keys"),
    ]

    def on_mount(self) -> None:
        super().on_mount()
        self.push_screen(Reading())

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.screen))


def test_alignment_table_dark(snap_compare: Any) -> None:
    assert snap_compare(TableApp("reader-dark"), terminal_size=(120, 16), press=["down", "down"])


def test_help_screen_light(snap_compare: Any) -> None:
    assert snap_compare(HelpApp("reader-light"), terminal_size=(100, 32), press=["f1"])
