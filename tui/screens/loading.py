"""LoadingScreen: visible progress while the alignment worker runs."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Label, ProgressBar


class LoadingScreen(Screen[None]):
    """A progress bar and what is happening; an error stays on screen, it does not crash."""

    DEFAULT_CSS = """
    LoadingScreen { align: center middle; }
    LoadingScreen Label { width: auto; margin: 1 2; }
    LoadingScreen Label.-error { color: $text-error; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [("q", "app.quit", "Quit")]

    def __init__(self, what: str, done: float = 0.0) -> None:
        super().__init__()
        self.what = what
        self.done = done

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Label(self.what, id="loading-label", markup=False)
            yield ProgressBar(total=100, show_eta=False, id="loading-progress")

    def on_mount(self) -> None:
        self.set_progress(self.done)

    def set_progress(self, done: float) -> None:
        """Show ``done`` (0.0 to 1.0) of the work as finished."""
        self.query_one(ProgressBar).update(progress=round(done * 100, 1))

    def show_error(self, error: str) -> None:
        """Replace the progress with the error and how to leave."""
        label = self.query_one("#loading-label", Label)
        label.update(f"{error}  (press q to quit)")
        label.add_class("-error")
        self.query_one(ProgressBar).display = False
