"""PathDialog: the shape the export dialogs share (notes export, HTML report).

A modal box with the path to write to, focused; the reason a path will not do said under it
(cleared as soon as the path changes); enter or the primary button writes, Cancel or escape
closes without writing. Each dialog names its widgets ``<PREFIX>-path``, ``-error``,
``-buttons``, ``-go`` and ``-cancel`` and says what writing means (:meth:`export`).
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static


class PathDialog(ModalScreen[Path | None]):
    """Confirm a path, write to it; returns the path written, or None."""

    PREFIX: ClassVar[str] = ""
    """The start of the dialog's widget ids."""

    DEFAULT_CSS = """
    PathDialog { align: center middle; }
    PathDialog > Vertical {
        width: 80%; max-width: 100; height: auto;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    PathDialog .dialog-error { height: auto; color: $text-error; display: none; }
    PathDialog .dialog-error.-shown { display: block; }
    PathDialog .dialog-buttons { height: auto; align-horizontal: right; }
    PathDialog .dialog-buttons Button { margin-left: 1; }
    """

    @property
    def path_input(self) -> Input:
        return self.query_one(f"#{self.PREFIX}-path", Input)

    def on_mount(self) -> None:
        self.path_input.focus()

    def show_error(self, problem: str | None) -> None:
        """Say under the path why it cannot be written (None clears it)."""
        error = self.query_one(f"#{self.PREFIX}-error", Static)
        error.update(problem or "")
        error.set_class(bool(problem), "-shown")

    def refuse(self, problem: str) -> None:
        """Say why, and put the reader back in the path to correct it."""
        self.show_error(problem)
        self.path_input.focus()

    def export(self) -> None:
        """Write to the path in the field, or say in the dialog why not."""
        raise NotImplementedError

    def on_input_changed(self, event: Input.Changed) -> None:
        """A new path deserves a new check: the old error no longer applies."""
        self.show_error(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.export()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == f"{self.PREFIX}-go":
            self.export()
        else:
            self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
