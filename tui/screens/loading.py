"""LoadingScreen: why the alignment failed, in one line, and how to leave (the reading screen
itself says how far aligning has got while it runs)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Label


class LoadingScreen(Screen[None]):
    """What was being done and, once it failed, why: an error stays on screen, it does not
    crash."""

    DEFAULT_CSS = """
    LoadingScreen { align: center middle; }
    LoadingScreen Label { width: auto; margin: 1 2; }
    LoadingScreen Label.-error { color: $text-error; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [("q", "app.quit", "Quit")]

    def __init__(self, what: str, error: str | None = None) -> None:
        super().__init__()
        self.what = what
        self.error = error
        """Why it failed, shown in place of what was being done (None: not failed yet)."""

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Label(self.what, id="loading-label", markup=False)

    def on_mount(self) -> None:
        if self.error is not None:
            self.show_error(self.error)

    def show_error(self, error: str) -> None:
        """Replace what was being done with the error and how to leave."""
        label = self.query_one("#loading-label", Label)
        label.update(f"{error}  (press q to quit)")
        label.add_class("-error")
