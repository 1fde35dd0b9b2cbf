"""SearchBar: the field `/` opens over the status line, and the last search of the shown panes.

It looks for the phrase and says when there is nothing (more) to find; the reading screen
moves the cursors to what it found and marks the hits in the panes.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.widgets import Input

from tui.core.model import Article
from tui.notices import NoticeBoard
from tui.search import Search, SearchHit


class SearchBar(Input):
    """The search field; hidden until `/` (the screen's ``-searching`` class shows it).

    Args:
        notices: where "not found" and "wrapped around" are said.
    """

    def __init__(self, notices: NoticeBoard) -> None:
        super().__init__(placeholder="Search all panes (enter: find, escape: close)", id="search")
        self.find = Search()
        """The last search: its query, hits and the hit the cursor was moved to."""
        self._notices = notices

    def open(self) -> None:
        """Show the field with the last query in it, and take the keys."""
        self.screen.add_class("-searching")
        self.value = self.find.query
        # Focus now, not after a refresh (Widget.focus defers): keys typed in the same burst as
        # "/" are already queued and must find the field focused (tui/burst_keys.py).
        self.screen.set_focus(self)

    def close(self) -> bool:
        """Hide the field and give the keys back to the panes; False if it was not open."""
        if not self.screen.has_class("-searching"):
            return False
        self.screen.remove_class("-searching")
        self.screen.set_focus(None)
        return True

    def look(self, articles: Sequence[Article], query: str, docs: Sequence[int]) -> list[SearchHit]:
        """Find ``query`` in articles ``docs``; say so when a phrase is nowhere."""
        hits = self.find.find(articles, query, docs)
        if not hits and query.strip():
            said = f"“{query}” is not in any shown article."
            self._notices.show("move", said, severity="warning")
        return hits

    def step(self, step: int) -> SearchHit | None:
        """The hit ``step`` hits on from the last one gone to (None: no search to step in)."""
        if not self.find.hits:
            self._notices.show("move", "No search: press / to search all panes.", timeout=3)
            return None
        hit, wrapped = self.find.step(step)
        if wrapped:
            self._notices.show("move", "Search wrapped around.", timeout=2)
        return hit
