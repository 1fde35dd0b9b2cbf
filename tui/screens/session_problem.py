"""SessionProblem: the session file cannot be read; say what and where, offer the two safe ways on.

Like :mod:`tui.screens.notes_problem`: the unreadable file is never written to. The articles are
open all the same; the reader either goes on without saving the session (the file is left as it
is, to fix in an editor) or saves it under a new name they confirm (``NAME.new`` by default).
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from tui.core.sessions import SessionError, SessionStore, check_session_name


class SessionProblem(ModalScreen[str | None]):
    """Shows the problem; returns the new session name to save under, or None (do not save)."""

    DEFAULT_CSS = """
    SessionProblem { align: center middle; }
    SessionProblem > Vertical {
        width: 90%; max-width: 110; height: auto;
        border: thick $error; background: $surface; padding: 0 1;
    }
    SessionProblem #session-problem-text { height: auto; margin-bottom: 1; }
    SessionProblem #session-problem-error { height: auto; color: $text-error; display: none; }
    SessionProblem #session-problem-error.-shown { display: block; }
    SessionProblem #session-problem-buttons { height: auto; }
    SessionProblem #session-problem-buttons Button { margin-right: 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "keep",
            "Don't save",
            tooltip="Keep reading; this session is not saved and its file is left as it is",
            id="reader.session-problem-keep",
        ),
    ]

    def __init__(self, problem: str, name: str, store: SessionStore) -> None:
        super().__init__()
        self.problem = problem
        self.name_now = name
        self.store = store

    def compose(self) -> ComposeResult:
        path = self.store.path_for(self.name_now)
        with Vertical():
            yield Label(
                f"The session “{self.name_now}” cannot be read",
                id="session-problem-title",
                markup=False,
            )
            yield Static(
                f"{self.problem}\n\nThe articles are open, in a fresh view. {path} is left "
                "exactly as it is: reader will not save this session over it. Fix it in an "
                "editor and reopen, or save this session under a new name:",
                id="session-problem-text",
                markup=False,
            )
            yield Label("New session name:")
            yield Input(self.store.unused_name(self.name_now), id="session-problem-name")
            yield Static("", id="session-problem-error", markup=False)
            with Horizontal(id="session-problem-buttons"):
                yield Button("Don't save (escape)", id="session-problem-keep")
                yield Button(
                    "Save under this name (enter)", variant="primary", id="session-problem-new"
                )

    def on_mount(self) -> None:
        self.query_one("#session-problem-name", Input).focus()

    def action_keep(self) -> None:
        self.dismiss(None)

    def name_problem(self, name: str) -> str | None:
        """Why ``name`` cannot be used for the new session file, or None."""
        if not name:
            return "Type a name for the new session."
        try:
            check_session_name(name)
        except SessionError as exc:
            return str(exc)
        if self.store.path_for(name).exists():
            return f"a session named “{name}” already exists: choose another name"
        return None

    def _save_as_new(self) -> None:
        name = self.query_one("#session-problem-name", Input).value.strip()
        problem = self.name_problem(name)
        error = self.query_one("#session-problem-error", Static)
        error.update(problem or "")
        error.set_class(bool(problem), "-shown")
        if problem is None:
            self.dismiss(name)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#session-problem-error", Static).remove_class("-shown")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._save_as_new()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "session-problem-new":
            self._save_as_new()
        else:
            self.action_keep()
