"""TableView: the alignment table (``v``) with its caption, reporting moves with messages.

The table is built the first time it is shown (a corpus of thousands of rows costs nothing
until then) and rebuilt when its columns or the alignment change. The caption says which
sources have columns when not all do, and how far filling the rows has got. Moving in the
table posts :class:`TableView.Moved`; the reading screen moves the panes, and moves the table
with :meth:`TableView.show` without its own move being echoed back.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Container
from textual.message import Message
from textual.widgets import Static

TABLE_ALL_COLUMNS = 8
"""Up to this many shown articles the table has a column for each; beyond, for the panes
on screen (173 columns made a table nobody can read, and froze the UI while it was built)."""

if TYPE_CHECKING:
    from tui.core.align import Alignment, SentenceRef
    from tui.core.candidates import Discrepancy
    from tui.widgets.alignment_table import AlignmentTable


def table_caption(
    docs: Sequence[int], shown: Sequence[int], total: int, added: int, rows: int
) -> str:
    """The caption: which sources have columns (when not all), rows still being added.

    Args:
        docs: the articles with a column, in column order.
        shown: the articles the reader has not hidden, in pane order.
        total: every open article.
        added: rows in the table so far.
        rows: rows the table will have.
    """
    parts = []
    if len(docs) < total:
        first = shown.index(docs[0]) + 1 if docs[0] in shown else 1
        last = first + len(docs) - 1
        hidden = f" ({total - len(shown)} hidden)" if len(shown) < total else ""
        parts.append(
            f"Columns: the panes on screen, {first}-{last} of {len(shown)}{hidden}"
            " · < > next sources · p chooses"
        )
    if added < rows:
        parts.append(f"filling {added:,} of {rows:,} rows…")
    return " · ".join(parts)


class TableView(Container):
    """The caption above the alignment table."""

    class Moved(Message):
        """The reader moved the table's cursor to the row of ``ref`` (``chosen``: enter)."""

        def __init__(self, ref: SentenceRef, chosen: bool) -> None:
            super().__init__()
            self.ref = ref
            self.chosen = chosen

        def can_replace(self, message: Message) -> bool:
            """Holding a key down needs the panes moved to the last row only."""
            return isinstance(message, TableView.Moved) and not (message.chosen or self.chosen)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[int, ...] = ()
        self._total = 0

    def compose(self) -> ComposeResult:
        yield Static(id="table-caption", markup=False)

    @property
    def table(self) -> AlignmentTable | None:
        """The table, once it has been shown."""
        from tui.widgets.alignment_table import AlignmentTable

        tables = self.query(AlignmentTable)
        return tables.first() if tables else None

    def show(
        self,
        alignment: Alignment,
        shown: Sequence[int],
        visible: Sequence[int],
        ref: SentenceRef,
        confirmed: frozenset[Discrepancy] = frozenset(),
    ) -> bool:
        """Show ``alignment`` with a column for every shown article (or, when there are many,
        for those with a pane on screen), the cursor on ``ref``, and focus it.

        Returns False when the table was only mounted: it can be shown after the next refresh.

        Args:
            alignment: what to tabulate.
            shown: the articles not hidden, in pane order.
            visible: those whose panes are on screen.
            ref: the sentence being read.
            confirmed: the candidates the reader confirmed (marked ✗, not ⚑).
        """
        from tui.widgets.alignment_table import AlignmentTable

        docs = shown if len(shown) <= TABLE_ALL_COLUMNS else visible
        self._shown, self._total = tuple(shown), len(alignment.articles)
        table = self.table
        if table is None:
            self.mount(AlignmentTable(alignment, order=docs, confirmed=confirmed))
            return False
        if (
            table.docs != tuple(docs)
            or table.alignment is not alignment
            or table.confirmed != confirmed
        ):
            table.set_alignment(alignment, docs, confirmed)
        self._caption(table)
        table.select_ref(ref)
        table.focus()
        return True

    def _caption(self, table: AlignmentTable) -> None:
        caption = self.query_one("#table-caption", Static)
        text = table_caption(
            table.docs, self._shown, self._total, table.row_count, len(table.rows_shown)
        )
        caption.update(text)
        caption.display = bool(text)

    def on_alignment_table_filling(self, message: AlignmentTable.Filling) -> None:
        message.stop()
        self._caption(message.table)

    def on_alignment_table_group_highlighted(
        self, message: AlignmentTable.GroupHighlighted
    ) -> None:
        message.stop()
        self.post_message(self.Moved(message.ref, chosen=False))

    def on_alignment_table_group_selected(self, message: AlignmentTable.GroupSelected) -> None:
        message.stop()
        self.post_message(self.Moved(message.ref, chosen=True))
