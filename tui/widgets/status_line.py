"""StatusLine: what the focused sentence is, in words (group, score, contradiction)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class StatusLine(Static):
    """Two fixed rows under the panes: where you are, then the detail (contradiction, hits).

    Fixed height so an update repaints two rows instead of re-laying out the screen on
    every keypress; each row is cut with an ellipsis rather than wrapped.
    """

    DEFAULT_CSS = """
    StatusLine {
        height: 2;
        padding: 0 1;
        background: $panel;
        color: $text;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def show(self, content: Content) -> None:
        """Replace the text (already built from data, never parsed as markup)."""
        self.update(content, layout=False)

    @property
    def text(self) -> str:
        """The plain text shown (tests read it)."""
        content = self.visual
        return content.plain if isinstance(content, Content) else str(content)
