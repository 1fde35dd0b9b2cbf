"""StatusLine: what the focused sentence is, in words (group, score, contradiction)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class StatusLine(Static):
    """One to three rows under the panes; the screen composes the content."""

    DEFAULT_CSS = """
    StatusLine {
        height: auto;
        max-height: 3;
        padding: 0 1;
        background: $panel;
        color: $text;
    }
    """

    def show(self, content: Content) -> None:
        """Replace the text (already built from data, never parsed as markup)."""
        self.update(content)

    @property
    def text(self) -> str:
        """The plain text shown (tests read it)."""
        content = self.visual
        return content.plain if isinstance(content, Content) else str(content)
