"""PaneRow: every article's column side by side; paints what sync decided for each pane.

The reading screen holds the state (focus, cursors, the window of panes on screen) and hands
this row values: which columns are on screen, and a :class:`~tui.sync.SyncPlan`. Panes never
move each other: only the screen, through this row, scrolls them, so following never ping-pongs.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal

from tui.core.model import Article, SentenceRef
from tui.search import SearchHit
from tui.widgets.article_pane import ArticlePane
from tui.widgets.pane_column import PaneColumn
from tui.widgets.pane_header import PaneHeader

if TYPE_CHECKING:  # the alignment comes from the worker that loads its core
    from tui.core.align import Alignment
    from tui.core.candidates import Discrepancy
    from tui.sync import SyncPlan


def fit_window(shown: Sequence[int], focused: int, first: int, capacity: int) -> tuple[int, int]:
    """The focused article and the first pane on screen, moved the least to keep the focused
    pane on screen and the window inside the shown articles.

    Args:
        shown: the articles not hidden, in pane order.
        focused: the article with the cursor (the first shown one if it is hidden).
        first: the position, among ``shown``, of the leftmost pane on screen.
        capacity: how many panes fit side by side.
    """
    if focused not in shown and shown:
        focused = shown[0]
    first = min(first, max(0, len(shown) - capacity))
    if focused in shown:
        position = shown.index(focused)
        if position < first:
            first = position
        elif position >= first + capacity:
            first = position - capacity + 1
    return focused, first


def scroll_window(
    shown: Sequence[int], first: int, capacity: int, focused: int, step: int
) -> tuple[int, int]:
    """The first pane on screen after scrolling the window ``step`` panes (kept inside the
    shown articles), and the focused article, moved to the window's edge if it left it."""
    start = max(0, min(first + step, len(shown) - capacity))
    visible = shown[start : start + capacity]
    if start != first and focused not in visible:
        focused = visible[0 if step > 0 else -1]
    return start, focused


def _matched(alignment: Alignment, doc: int) -> float:
    """The share a header shows: the one measure of "matched" (``report.matched_share``),
    as the report shows it."""
    from tui.core.report import matched_share

    matched, body = matched_share(alignment, doc)
    return matched / body if body else 0.0


class PaneRow(Horizontal):
    """The article columns, one per article, in pane order."""

    def __init__(self, columns: Sequence[PaneColumn], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns = tuple(columns)

    @classmethod
    def of(cls, articles: Sequence[Article], *, id: str | None = None) -> PaneRow:
        """A column for every article, none shown yet (see :meth:`set_window`): a column
        mounts its header and pane once shown (50 articles). The text shows at once; the
        tints, marks and matched shares come with the alignment (:meth:`set_alignment`)."""
        columns = []
        for doc, article in enumerate(articles):
            header = PaneHeader(article, id=f"header-{doc}")
            pane = ArticlePane(article, doc, id=f"pane-{doc}")
            columns.append(PaneColumn(header, pane, shown=False, id=f"column-{doc}"))
        return cls(columns, id=id)

    def compose(self) -> ComposeResult:
        yield from self.columns

    def pane(self, doc: int) -> ArticlePane:
        """The pane showing article ``doc`` (mounted yet or not)."""
        return self.columns[doc].pane

    def header(self, doc: int) -> PaneHeader:
        """The header above article ``doc``."""
        return self.columns[doc].header

    def hide_furniture(self, hide: bool, cursors: Sequence[int]) -> tuple[int, ...]:
        """Show or hide page furniture in every pane; returns the cursors moved off hidden
        sentences (unchanged when showing)."""
        for column in self.columns:
            column.pane.set_hide_furniture(hide)
        return tuple(self.pane(doc).step(cursor, 0) for doc, cursor in enumerate(cursors))

    def set_marks(
        self, annotated: Collection[SentenceRef], selected: Collection[SentenceRef]
    ) -> None:
        """Mark the annotated sentences (✎) and the selection in every pane."""
        for doc, column in enumerate(self.columns):
            column.pane.set_marks(
                annotated=(r.sentence for r in annotated if r.doc == doc),
                selected=(r.sentence for r in selected if r.doc == doc),
            )

    def set_search_marks(self, hits: Collection[SearchHit]) -> None:
        """Highlight the search ``hits`` in every pane (none: clear them)."""
        for doc, column in enumerate(self.columns):
            column.pane.set_search_marks([(h.start, h.end) for h in hits if h.doc == doc])

    def set_alignment(self, alignment: Alignment, confirmed: Collection[Discrepancy] = ()) -> None:
        """Show a new alignment (the reader's corrections, dismissed candidates, confirmed
        ones marked apart): every pane's marks and every header's matched share, mounted yet
        or not."""
        for doc, column in enumerate(self.columns):
            column.pane.set_alignment(alignment, confirmed)
            column.header.set_matched(_matched(alignment, doc))

    def set_window(self, visible: Collection[int], focused: int) -> bool:
        """Show the columns of ``visible`` only, and mark ``focused``'s header.

        Returns True when a column shown for the first time started mounting its pane (it
        can be synced once it has a size).
        """
        mounting = False
        for doc, column in enumerate(self.columns):
            mounting = column.set_shown(doc in visible) or mounting
            column.header.set_class(doc == focused, "-focused")
        return mounting

    def show(self, plan: SyncPlan, doc: int, sentence: int, reveal: bool) -> None:
        """Paint ``plan`` with the reader on ``sentence`` of article ``doc``.

        Args:
            plan: what the other panes show.
            doc: the focused article.
            sentence: its sentence under the cursor.
            reveal: scroll the focused pane to show its cursor (not after a wheel scroll).
        """
        leader = self.pane(doc)
        if reveal:
            leader.ensure_visible(sentence)
        row = leader.screen_row_of(sentence)
        for view in plan.others:
            pane = self.pane(view.doc)
            if view.follows and view.counterpart is not None:
                pane.scroll_sentence_to(view.counterpart, row)
            pane.show_state(
                cursor=view.cursor,
                focused=False,
                counterpart=view.counterpart,
                diff_marks=view.marks,
            )
            self.header(view.doc).set_sync_note(view.note, view.note_style)
        leader.show_state(cursor=sentence, focused=True, counterpart=None, diff_marks=plan.marks)
        self.header(doc).set_sync_note(*plan.note)
