"""PaneColumn: one article's header and pane, mounted the first time the column is shown.

With 50 articles only a handful of panes fit side by side. Mounting, styling and laying
out all of them when the reading screen opens froze the UI; a hidden column costs one
empty container instead. The header and pane objects exist from the start, so the screen
can read and set their state (cursor, marks, furniture) whether or not they are mounted.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical

from tui.widgets.article_pane import ArticlePane
from tui.widgets.pane_header import PaneHeader


class PaneColumn(Vertical):
    """A header above an article pane; both mounted on first display."""

    def __init__(
        self, header: PaneHeader, pane: ArticlePane, *, shown: bool, id: str | None = None
    ) -> None:
        super().__init__(classes="pane-column", id=id)
        self.header = header
        self.pane = pane
        self.display = shown
        self._composed = False
        self._built = False

    def compose(self) -> ComposeResult:
        self._composed = True
        if self.display:
            self._built = True
            yield self.header
            yield self.pane

    @property
    def built(self) -> bool:
        """True once the header and pane have been handed to Textual to mount."""
        return self._built

    def set_shown(self, shown: bool) -> bool:
        """Show or hide the column; returns True when this call started mounting its widgets."""
        self.display = shown
        if shown and self._composed and not self._built:
            self._built = True
            self.mount(self.header, self.pane)
            return True
        return False
