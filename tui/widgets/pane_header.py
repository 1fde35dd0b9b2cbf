"""PaneHeader: who is speaking in a pane, and how its cursor lines up with the others."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from tui.core.model import Article
from tui.core.text import cut_on_word

NOTE_ROOM = len("◌ possible")
"""Columns kept for the sync note ("● reading", "sync off", "no match", "≡ match",
"≡ match?", "◌ possible")."""


class PaneHeader(Widget):
    """Two rows: label and date; share of body sentences matched and the sync status.

    Counted over body sentences (page furniture is never matched), so the figure and the
    share are of the same sentences; the tooltip says how many furniture lines are left out.
    """

    DEFAULT_CSS = """
    PaneHeader {
        height: 2;
        padding: 0 1;
        background: $panel;
        color: $text-muted;
    }
    PaneHeader.-focused {
        background: $primary 30%;
        color: $text;
    }
    """

    def __init__(self, article: Article, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article = article
        self.matched: float | None = None
        """Share of body sentences matched in at least one other source, 0-1; None until the
        alignment is there."""
        self.sync_note = ""
        self.sync_style = ""

    def set_matched(self, matched: float) -> None:
        """Show the matched share (the alignment came, or the reader linked or unlinked
        sentences)."""
        if matched != self.matched:
            self.matched = matched
            self._say_matched(matched)
            self.refresh()

    def _say_matched(self, matched: float) -> None:
        body = len(self.article.body_sentences)
        furniture = len(self.article.sentences) - body
        matched_count = round(matched * body)
        self.tooltip = f"{matched_count} of {body} body sentences are matched in another source" + (
            f"; {furniture} lines of page furniture are not counted" if furniture else ""
        )

    def set_sync_note(self, note: str, style: str = "") -> None:
        """Show how this pane follows the cursor (e.g. "no match", "match 87")."""
        if (note, style) != (self.sync_note, self.sync_style):
            self.sync_note, self.sync_style = note, style
            self.refresh()

    def render(self) -> Content:
        width = max(1, self.content_region.width)
        label = self.article.label or self.article.id
        date = self.article.meta.published[:10]
        room = width - len(date) - 1 if date else width
        label = cut_on_word(label, max(1, room))  # "Fox Online…", never "Fox Online Ne"
        gap = " " * max(1, width - len(label) - len(date))
        first = Content.assemble((label, "bold"), gap, date) if date else Content(label)
        body = len(self.article.body_sentences)
        if self.matched is None:
            stats = [f"{body} sentences, aligning…", f"{body} sentences", f"{body}"]
        else:
            percent = round(self.matched * 100)
            stats = [
                f"{percent}% of {body} sentences matched",
                f"{percent}% of {body} matched",
                f"{percent}% matched",
                f"{percent}%",
            ]
        # Room kept for the widest sync note, not this pane's: every pane of one width says
        # the same thing in the same words (the focused one dropped "matched"). No pane has a
        # note before the alignment.
        room = width if self.matched is None else width - 1 - NOTE_ROOM
        for candidate in stats:
            if len(candidate) <= room or candidate == stats[-1]:
                break
        note = self.sync_note
        if not note:
            return Content.assemble(first, "\n", candidate)
        gap = " " * max(1, width - len(candidate) - len(note))
        return Content.assemble(first, "\n", candidate, gap, (note, self.sync_style or "bold"))
