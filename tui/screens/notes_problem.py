"""NotesProblem: the notes file cannot be used; say what and where, offer the two safe ways on.

The broken file is never written to. The reader either keeps reading with the annotations shown
read-only (what could be read: nothing, if it did not parse) or starts a new notes file at a path
they confirm (``NAME.new.yaml`` beside the old one by default).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from tui.core.storage import LINK_LOOP, is_link_loop

Choice = tuple[Literal["read-only", "new"], Path | None]

_OUTCOME = re.compile(r";\s*opened read-only\b.*$", re.DOTALL)
"""The store's "; opened read-only, the file is left untouched": not yet true in this dialog."""


def what_is_wrong(problem: str) -> str:
    """The store's problem without its outcome: the reader has not chosen read-only yet."""
    return _OUTCOME.sub("", problem).rstrip(" .;") + "."


def new_notes_path(path: Path) -> Path:
    """``notes.yaml`` -> ``notes.new.yaml`` (or ``notes.new-2.yaml``...): never an existing file."""
    stem = path.name.removesuffix(".yaml").removesuffix(".yml")
    candidate = path.with_name(f"{stem}.new.yaml")
    number = 2
    while candidate.exists():
        candidate = path.with_name(f"{stem}.new-{number}.yaml")
        number += 1
    return candidate


class NotesProblem(ModalScreen[Choice]):
    """Shows the problem; returns ("read-only", None) or ("new", path)."""

    DEFAULT_CSS = """
    NotesProblem { align: center middle; }
    NotesProblem > Vertical {
        width: 90%; max-width: 110; height: auto;
        border: thick $error; background: $surface; padding: 0 1;
    }
    NotesProblem #problem-text { height: auto; margin-bottom: 1; }
    NotesProblem #problem-buttons { height: auto; }
    NotesProblem #problem-buttons Button { margin-right: 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,r",
            "read_only",
            "Read-only",
            tooltip="Keep reading; annotation keys are disabled",
            id="reader.notes-read-only",
        ),
    ]

    def __init__(self, problem: str, path: Path) -> None:
        super().__init__()
        self.problem = problem
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("The notes file cannot be used", id="problem-title")
            yield Static(
                f"{what_is_wrong(self.problem)}\n\nreader does not write to this file, whichever "
                "you choose. Fix it in an editor and reopen, or go on without it:",
                id="problem-text",
                markup=False,
            )
            yield Label("New notes file:")
            yield Input(str(new_notes_path(self.path)), id="problem-new-path")
            with Horizontal(id="problem-buttons"):
                yield Button("Open read-only (r)", id="problem-read-only")
                yield Button("Start the new file (enter)", variant="primary", id="problem-new")

    def on_mount(self) -> None:
        self.query_one("#problem-read-only", Button).focus()

    def action_read_only(self) -> None:
        self.dismiss(("read-only", None))

    def _start_new(self) -> None:
        value = self.query_one("#problem-new-path", Input).value.strip()
        if not value:
            self.notify("Type a path for the new notes file.", severity="warning")
            return
        path = Path(value).expanduser()
        if is_link_loop(path):
            self.notify(f"{path}: {LINK_LOOP}", severity="warning")
            return
        if path.resolve() == self.path.resolve():
            self.notify("That is the broken file: choose another path.", severity="warning")
            return
        self.dismiss(("new", path))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._start_new()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "problem-new":
            self._start_new()
        else:
            self.action_read_only()
