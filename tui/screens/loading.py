"""LoadingScreen: visible progress while the alignment worker runs; :class:`LoadingProgress`
puts it up once the work takes a while and keeps it current."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

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


class LoadingProgress:
    """The progress screen of work under way: put up once the work takes a while (never after
    it is done), kept current, told why the work failed, and replaced by the result.

    Args:
        what: what the screen says is happening.
        waiting: whether the work is still under way.
        top: the screen on top now (``App.screen``).
        ask: opens a screen on top (``App.push_screen``).
        switch: replaces the screen on top (``App.switch_screen``).
    """

    def __init__(
        self,
        what: str,
        *,
        waiting: Callable[[], bool],
        top: Callable[[], Screen[Any]],
        ask: Callable[[Screen[Any]], object],
        switch: Callable[[Screen[Any]], object],
    ) -> None:
        self.what = what
        self.done = 0.0
        """Share of the work done (the screen starts from it)."""
        self._waiting, self._top, self._ask, self._switch = waiting, top, ask, switch

    def show(self) -> None:
        """Put the progress screen up while the work is under way, unless it is up."""
        if self._waiting() and not isinstance(self._top(), LoadingScreen):
            self._ask(LoadingScreen(self.what, self.done))

    def progress(self, done: float) -> None:
        """Record ``done`` (0.0 to 1.0) and show it, if the screen is up."""
        self.done = done
        if isinstance(screen := self._top(), LoadingScreen):
            screen.set_progress(done)

    def show_error(self, error: str) -> None:
        """Show why the work failed, if the screen is up."""
        if isinstance(screen := self._top(), LoadingScreen):
            screen.show_error(error)

    def give_way(self, result: Screen[Any]) -> None:
        """Open ``result`` in place of the progress screen if it is up, else on top."""
        if isinstance(self._top(), LoadingScreen):
            self._switch(result)
        else:
            self._ask(result)
