"""SessionsScreen (palette "Sessions…"): the saved sessions; enter switches to one.

Switching saves the current session first; the app then restarts on the other one (see
``tui/commands/open_command.py``), which is the one way to get articles, notes and view exactly
as that session left them.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from tui.core.sessions import SessionSummary, shown_time
from tui.core.text import counted


class SessionsScreen(ModalScreen[str | None]):
    """Pick a session; returns its name (None: stay)."""

    DEFAULT_CSS = """
    SessionsScreen { align: center middle; }
    SessionsScreen > Vertical {
        width: 80%; max-width: 110; height: auto; max-height: 80%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    SessionsScreen OptionList { height: auto; max-height: 20; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape", "close", "Close", tooltip="Stay in this session", id="reader.sessions-close"
        ),
        Binding(
            "j",
            "move(1)",
            "Next",
            tooltip="Next session (as down does)",
            id="reader.sessions-next",
            show=False,
        ),
        Binding(
            "k",
            "move(-1)",
            "Previous",
            tooltip="Previous session (as up does)",
            id="reader.sessions-previous",
            show=False,
        ),
    ]

    def __init__(self, sessions: list[SessionSummary], current: str | None) -> None:
        super().__init__()
        self.sessions = sessions
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Sessions (enter switches; the current one is saved first)")
            yield OptionList(*(self._option(s) for s in self.sessions), id="sessions-list")

    def _option(self, summary: SessionSummary) -> Option:
        notes = "? notes" if summary.notes is None else counted(summary.notes, "note")
        articles = counted(summary.articles, "article")
        current = summary.name == self.current
        text = Content.assemble(
            (f"{'● ' if current else '  '}{summary.name}", "bold"),
            f"  {articles} · {notes} · opened {shown_time(summary.last_opened)}",
            (f"  {summary.problem}", "$text-error") if summary.problem else "",
        )
        return Option(text, id=summary.name, disabled=summary.problem is not None)

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def action_move(self, step: int) -> None:
        """j and k move as in the panes (the list itself knows only the arrows)."""
        options = self.query_one(OptionList)
        if step > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def action_close(self) -> None:
        self.dismiss(None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        name = event.option.id
        self.dismiss(None if name == self.current else name)
