"""The second view (``v``): the alignment as a table, one row per fact, one column per source.

Each row is a group of aligned sentences, or a sentence no other source reports (a row with a
single filled cell), so the gaps show at a glance what each source leaves out. Rows follow the
reading order (a row sits where its sentences sit in their articles). Moving the cursor posts
:class:`AlignmentTable.GroupHighlighted` so the reading screen can move the panes; the screen
moves the table with :meth:`AlignmentTable.select_ref` without getting its own move echoed back.

DataTable is enough here for a few columns, but its cost grows with cells (a 173-article corpus
as 5,705 rows x 173 columns froze the UI for ~20 s). So the table shows the rows of the sources
it has columns for (the screen gives it a handful), adds the first rows at once and the rest in
slices between repaints (an async worker), posting :class:`AlignmentTable.Filling` for progress.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.theme import Theme
from textual.widgets import DataTable

from tui.candidate_marks import (
    COMPATIBLE_FLAG,
    CONFIRMED_FLAG,
    CONFLICT_FLAG,
    NO_FLAG,
    UPDATED_FLAG,
    sentence_flag,
)
from tui.core.align import Alignment, Group, SentenceRef
from tui.core.candidates import Discrepancy
from tui.core.text import cut_on_word, excerpt
from tui.widgets.pane_styles import (
    COMPATIBLE_GLYPH,
    CONFIRMED_GLYPH,
    CONTRADICTION_GLYPH,
    POSSIBLE_GLYPH,
    UNIQUE_GLYPH,
    UPDATED_GLYPH,
)

GAP = "—"
"""Shown where a source does not report the row's fact."""
LINKED = "→ "
"""Before a dimmed sentence matched with the row's but grouped in another row."""
_COLOURS = ("reader-agree", "reader-contradict", "reader-compatible", "reader-unique")
CELL_WIDTH = 30
"""Characters of sentence shown per source column at most (truncated with an ellipsis)."""
MIN_CELL_WIDTH = 16
"""Narrowest a source column gets to fit the window; below it the table scrolls sideways."""
CELL_PADDING = 2
"""Columns DataTable adds around every cell (one each side)."""


def fit_cell_width(columns: int, available: int, fixed: int) -> int:
    """Width of each of ``columns`` source columns so all fit in ``available`` cells.

    ``fixed`` is the width of the other columns (padding included). Wider than
    :data:`CELL_WIDTH` is never needed; narrower than :data:`MIN_CELL_WIDTH` is unreadable.
    """
    if columns <= 0 or available <= 0:
        return CELL_WIDTH
    share = (available - fixed) // columns - CELL_PADDING
    return max(MIN_CELL_WIDTH, min(CELL_WIDTH, share))


FIRST_ROWS = 200
"""Rows added at once (the whole table for the seeds): the rest follow between repaints."""
SLICE_SECONDS = 0.012
"""Time spent adding rows per slice; DataTable measures them at idle for about as long."""


@dataclass(frozen=True, slots=True)
class TableRow:
    """One row of the table: a group, or a unique sentence (``group`` is None)."""

    key: str
    members: tuple[SentenceRef, ...]
    group: Group | None
    flag: int = NO_FLAG
    """The mark of the row's candidates between two tabulated articles, as in the panes
    (``candidate_marks``: ⚑ open conflict, ↻ updated, ✗ confirmed, ≈ compatible)."""

    @property
    def contradiction(self) -> bool:
        """An open conflict candidate between two tabulated articles (⚑)."""
        return self.flag == CONFLICT_FLAG

    @property
    def compatible(self) -> bool:
        """Only refinements or variants between tabulated articles (≈)."""
        return self.flag == COMPATIBLE_FLAG


def table_rows(
    alignment: Alignment,
    docs: Sequence[int] | None = None,
    confirmed: Collection[Discrepancy] = frozenset(),
) -> list[TableRow]:
    """Groups and unique body sentences in reading order (pure: no widget needed).

    Args:
        alignment: what to tabulate.
        docs: keep only the rows with a sentence in these articles (default: all); a row
            of other sources only would be a line of gaps in a table showing ``docs``.
        confirmed: the candidates the reader confirmed (marked ✗, not ⚑).
    """
    wanted = set(range(len(alignment.articles)) if docs is None else docs)
    rows: list[tuple[float, TableRow]] = []
    lengths = [max(1, len(article.sentences)) for article in alignment.articles]

    def position(ref: SentenceRef) -> float:
        return ref.sentence / lengths[ref.doc]

    def flags(members: Sequence[SentenceRef]) -> int:
        """The mark of the candidates whose two sides are tabulated: with 173 articles, a
        candidate against an article without a column is not this row's."""
        return sentence_flag(
            (
                d
                for ref in members
                for d in alignment.discrepancies_of(ref)
                if d.a.doc in wanted and d.b.doc in wanted
            ),
            confirmed,
        )

    for group in alignment.groups:
        if not any(ref.doc in wanted for ref in group.members):
            continue
        key = min((position(r), r) for r in group.members)
        rows.append((key[0], TableRow(f"g{group.id}", group.members, group, flags(group.members))))
    for doc in sorted(wanted):
        for sentence in alignment.articles[doc].body_sentences:
            ref = SentenceRef(doc, sentence.index)
            if alignment.group_of(ref) is None:
                row = TableRow(f"u{doc}:{sentence.index}", (ref,), None, flags((ref,)))
                rows.append((position(ref), row))
    rows.sort(key=lambda item: (item[0], item[1].members[0]))
    return [row for _, row in rows]


class AlignmentTable(DataTable[Text]):
    """The alignment as a table; the cursor row is the fact being read."""

    HELP_TITLE = "In the table view"
    """What help calls this widget's keys (the class name means nothing to a reader)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "j",
            "cursor_down",
            "Next row",
            show=False,
            id="alignment.next-row",
            tooltip="Next fact; the panes follow",
        ),
        Binding(
            "k",
            "cursor_up",
            "Previous row",
            show=False,
            id="alignment.previous-row",
            tooltip="Previous fact; the panes follow",
        ),
        Binding(
            "home,g",
            "scroll_top",
            "First row",
            show=False,
            id="alignment.first-row",
            tooltip="First fact of the story",
        ),
        Binding(
            "end,G",
            "scroll_bottom",
            "Last row",
            show=False,
            id="alignment.last-row",
            tooltip="Last fact of the story",
        ),
        Binding(
            "enter",
            "select_cursor",
            "Read row",
            id="alignment.read-row",
            tooltip="Read this fact in the panes",
        ),
    ]

    class GroupHighlighted(Message):
        """The cursor moved to a row: ``ref`` is its sentence in the preferred source."""

        def __init__(self, table: AlignmentTable, group: Group | None, ref: SentenceRef) -> None:
            super().__init__()
            self.table = table
            self.group = group
            """None for a sentence no other source reports."""
            self.ref = ref

        @property
        def control(self) -> AlignmentTable:
            """The table that posted the message."""
            return self.table

        def can_replace(self, message: Message) -> bool:
            """Holding a key down needs the panes moved to the last row only."""
            return type(message) is AlignmentTable.GroupHighlighted  # never drop a selection

    class GroupSelected(GroupHighlighted):
        """Enter on a row: read it in the panes."""

        def can_replace(self, message: Message) -> bool:
            return False

    class Filling(Message):
        """Rows added so far: ``added`` of ``total`` (equal once the table is complete)."""

        def __init__(self, table: AlignmentTable, added: int, total: int) -> None:
            super().__init__()
            self.table = table
            self.added = added
            self.total = total

        @property
        def control(self) -> AlignmentTable:
            """The table that posted the message."""
            return self.table

        def can_replace(self, message: Message) -> bool:
            """Only the newest progress matters."""
            return isinstance(message, AlignmentTable.Filling) and message.table is self.table

    def __init__(
        self,
        alignment: Alignment | None = None,
        *,
        order: Sequence[int] | None = None,
        confirmed: Collection[Discrepancy] = frozenset(),
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, name=name, id=id, classes=classes)
        self.fixed_columns = 3  # row number, source count and flag stay put when scrolling right
        self.alignment: Alignment | None = None
        self.confirmed: frozenset[Discrepancy] = frozenset()
        """The candidates the reader confirmed (their rows are marked ✗, not ⚑)."""
        self.docs: tuple[int, ...] = ()
        """The articles with a column, in column order."""
        self.rows_shown: list[TableRow] = []
        """Every row of the table, including those not added yet (see :attr:`filled`)."""
        self.preferred_doc = 0
        """Source whose sentence a highlight reports (the pane the reader was in)."""
        self._row_of: dict[SentenceRef, int] = {}
        self._colours: dict[str, str] = dict.fromkeys(_COLOURS, "")
        self._quiet_rows: set[int] = set()
        """Rows reached by code, whose highlight must not be echoed as a user move."""
        self._waiting_row: int | None = None
        """A row asked for by :meth:`select_ref` before it was added: the cursor goes there."""
        self._pending = (alignment, order, confirmed)
        self.cell_width = CELL_WIDTH
        """Width of the source columns: fitted to the window so the last is not cut off."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the window is too small to read (the screen says so), the table's keys wait."""
        if self.screen.has_class("-too-small"):
            return False
        return super().check_action(action, parameters)

    def on_mount(self) -> None:
        self._colours = self._theme_colours()
        self.app.theme_changed_signal.subscribe(self, self._recolour)
        alignment, order, confirmed = self._pending
        if alignment is not None:
            self.set_alignment(alignment, order, confirmed)

    def _fitted_width(self, columns: int, fixed_widths: Sequence[int]) -> int:
        """Source column width that fits the table's width (the window's before layout)."""
        width = self.size.width or self.app.size.width
        available = width - self.styles.scrollbar_size_vertical
        fixed = sum(fixed_widths) + CELL_PADDING * len(fixed_widths)
        return fit_cell_width(columns, available, fixed)

    def on_resize(self) -> None:
        """Refit the source columns to a new width (rebuilt, the cursor kept on its sentence)."""
        if self.alignment is None or not self.docs:
            return
        widths = [column.width for column in self.ordered_columns[: self.fixed_columns]]
        if self._fitted_width(len(self.docs), widths) == self.cell_width:
            return
        ref = self.ref_for_row(self.cursor_row)
        self.set_alignment(self.alignment, self.docs, self.confirmed)
        if ref is not None:
            self.select_ref(ref)

    @property
    def filled(self) -> bool:
        """Whether every row has been added."""
        return self.row_count >= len(self.rows_shown)

    def set_alignment(
        self,
        alignment: Alignment,
        order: Sequence[int] | None = None,
        confirmed: Collection[Discrepancy] = frozenset(),
    ) -> None:
        """Show ``alignment`` with one column per source, in ``order`` (default: all), the
        ``confirmed`` candidates marked apart.

        Only rows with a sentence in those sources are shown. The first :data:`FIRST_ROWS`
        are added now, the rest in slices between repaints (:class:`Filling` reports them).
        """
        docs = tuple(range(len(alignment.articles)) if order is None else order)
        self.workers.cancel_group(self, "fill")
        self.alignment = alignment
        self.confirmed = frozenset(confirmed)
        self.docs = docs
        self.rows_shown = table_rows(alignment, docs, self.confirmed)
        self._row_of = {ref: i for i, row in enumerate(self.rows_shown) for ref in row.members}
        self._waiting_row = None
        self.clear(columns=True)
        total = len(alignment.articles)
        widths = (5, max(5, 2 * len(str(total)) + 1), 1)
        self.cell_width = self._fitted_width(len(docs), widths)
        self.add_column("#", key="row", width=widths[0])
        self.add_column("srcs", key="sources", width=widths[1])
        self.add_column(CONTRADICTION_GLYPH, key="flag", width=widths[2])
        for doc in docs:
            label = alignment.articles[doc].label
            self.add_column(
                Text(cut_on_word(label, self.cell_width)), key=f"doc{doc}", width=self.cell_width
            )
        self._quiet_rows.add(0)  # the first row added highlights itself: not a user move
        self._add_rows(FIRST_ROWS)
        if not self.filled:
            self._fill_rest()
        self.post_message(self.Filling(self, self.row_count, len(self.rows_shown)))

    def _add_rows(self, count: int | None = None, until: float | None = None) -> None:
        """Add the next ``count`` rows, or as many as fit before ``until`` (perf_counter)."""
        assert self.alignment is not None
        total = len(self.alignment.articles)
        start = self.row_count
        stop = len(self.rows_shown) if count is None else min(len(self.rows_shown), start + count)
        for number in range(start, stop):
            row = self.rows_shown[number]
            self.add_row(*self._cells(row, number, self.docs, total), key=row.key)
            if until is not None and time.perf_counter() >= until:
                break
        waiting = self._waiting_row
        if waiting is not None and waiting < self.row_count:
            self._waiting_row = None
            self._move_quietly(waiting)

    @work(exclusive=True, group="fill", name="fill-table")
    async def _fill_rest(self) -> None:
        """Add the remaining rows a slice at a time, letting keys and a repaint in between."""
        while not self.filled:
            repainted = asyncio.Event()
            self.call_after_refresh(repainted.set)
            await repainted.wait()
            self._add_rows(until=time.perf_counter() + SLICE_SECONDS)
            self.post_message(self.Filling(self, self.row_count, len(self.rows_shown)))

    def _cells(self, row: TableRow, number: int, docs: Sequence[int], total: int) -> list[Text]:
        assert self.alignment is not None
        by_doc: dict[int, list[SentenceRef]] = {}
        for ref in row.members:
            by_doc.setdefault(ref.doc, []).append(ref)
        # counted as the panes and the status line count: members and their direct partners
        sources = len(self.alignment.sources_of_members(row.members))
        cells = [
            Text(str(number + 1), style="dim", justify="right"),
            self._sources_cell(sources, total),
            self._flag_cell(row, sources),
        ]
        for doc in docs:
            refs = by_doc.get(doc)
            if not refs:
                linked = self.alignment.linked_outside(row.members, doc)
                if linked is None:
                    cells.append(Text(GAP, style="dim", justify="center"))
                else:  # a partner that belongs to another row's group: shown, dimmed
                    text = self.alignment.articles[doc].sentences[linked.sentence].text
                    cells.append(Text(LINKED + excerpt(text, self.cell_width - 2), style="dim"))
                continue
            sentence = self.alignment.articles[doc].sentences[refs[0].sentence]
            more = f" +{len(refs) - 1}" if len(refs) > 1 else ""
            cells.append(Text(excerpt(sentence.text, self.cell_width - len(more)) + more))
        return cells

    def _sources_cell(self, sources: int, total: int) -> Text:
        style = f"bold {self._colours['reader-agree']}" if sources == total > 1 else ""
        return Text(f"{sources}/{total}", style=style, justify="right")

    def _flag_cell(self, row: TableRow, sources: int) -> Text:
        """The glyph carries the meaning; the colour only repeats it (NO_COLOR still reads)."""
        contradict = self._colours["reader-contradict"]
        compatible = self._colours["reader-compatible"]
        if row.flag == CONFLICT_FLAG:
            return Text(CONTRADICTION_GLYPH, style=f"bold {contradict}")
        if row.flag == UPDATED_FLAG:
            return Text(UPDATED_GLYPH, style=f"bold {compatible}")
        if row.flag == CONFIRMED_FLAG:
            return Text(CONFIRMED_GLYPH, style=contradict)
        if row.flag == COMPATIBLE_FLAG:
            return Text(COMPATIBLE_GLYPH, style=f"bold {compatible}")
        if sources == 1:
            # no match, but possible ones: not unique (the panes mark it ◌ too)
            maybe = self.alignment is not None and any(map(self.alignment.possible, row.members))
            glyph = POSSIBLE_GLYPH if maybe else UNIQUE_GLYPH
            return Text(glyph, style=f"bold {self._colours['reader-unique']}")
        return Text("")

    def _theme_colours(self) -> dict[str, str]:
        """Our ``reader-*`` colours in the current theme (fallbacks for Textual's themes)."""
        app = self.app
        variables = {**app.get_theme_variable_defaults(), **app.current_theme.variables}
        return {name: variables.get(name, "") for name in _COLOURS}

    def _recolour(self, theme: Theme) -> None:
        """Re-style the marker columns for a new theme (cell text is Rich, not TCSS)."""
        self._colours = self._theme_colours()
        total = len(self.alignment.articles) if self.alignment else 0
        for row in self.rows_shown[: self.row_count]:  # rows added later take the new colours
            sources = len(self.alignment.sources_of_members(row.members)) if self.alignment else 0
            self.update_cell(row.key, "sources", self._sources_cell(sources, total))
            self.update_cell(row.key, "flag", self._flag_cell(row, sources))

    def ref_for_row(self, row: int) -> SentenceRef | None:
        """The sentence of row ``row`` in the preferred source, else in the first column's.

        A source with a column comes before one without, so following the table never
        takes the panes to an article the table does not show.
        """
        if not 0 <= row < len(self.rows_shown):
            return None
        members = self.rows_shown[row].members
        for doc in (self.preferred_doc, *self.docs):
            for ref in members:
                if ref.doc == doc:
                    return ref
        return members[0]

    def row_of(self, ref: SentenceRef) -> int | None:
        """The row showing ``ref``; None for furniture or an unknown sentence."""
        return self._row_of.get(ref)

    def select_ref(self, ref: SentenceRef) -> bool:
        """Put the cursor on the row of ``ref`` without echoing a GroupHighlighted back.

        Returns whether the sentence has a row.
        """
        row = self.row_of(ref)
        if row is None:
            return False
        self.preferred_doc = ref.doc
        if row >= self.row_count:  # not added yet: the cursor goes there once it is
            self._waiting_row = row
            return True
        self._waiting_row = None
        self._move_quietly(row)
        self.call_after_refresh(self.reveal_column, ref.doc)
        return True

    def reveal_column(self, doc: int) -> None:
        """Scroll sideways so article ``doc``'s column is on screen beside the fixed columns.

        A row cursor scrolls only up and down: at 80 columns the focused source's column
        could stay off to the right, leaving the reader looking at another source's "—".
        """
        columns = self.ordered_columns
        keys = [column.key.value for column in columns]
        if f"doc{doc}" not in keys:
            return
        index = keys.index(f"doc{doc}")
        x = sum(column.get_render_width(self) for column in columns[:index])
        width = columns[index].get_render_width(self)
        fixed = sum(column.get_render_width(self) for column in columns[: self.fixed_columns])
        view = self.scrollable_content_region.width
        scroll = self.scroll_x
        if x + width - scroll > view:
            scroll = x + width - view
        if x - scroll < fixed:
            scroll = x - fixed
        if scroll != self.scroll_x:
            self.scroll_to(x=max(0, scroll), animate=False, immediate=True)

    def _move_quietly(self, row: int) -> None:
        if row != self.cursor_row:
            self._quiet_rows.add(row)
            self.move_cursor(row=row, animate=False, scroll=True)

    def _post_for_row(self, row: int, selected: bool) -> None:
        ref = self.ref_for_row(row)
        if ref is None:
            return
        group = self.rows_shown[row].group
        message = self.GroupSelected if selected else self.GroupHighlighted
        self.post_message(message(self, group, ref))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        if event.cursor_row != self.cursor_row:
            return  # stale: the cursor has moved on since (a held key); the newer one follows
        if event.cursor_row in self._quiet_rows:
            self._quiet_rows.clear()
            return
        self._quiet_rows.clear()
        self._waiting_row = None  # the reader moved before the row asked for was added
        self._post_for_row(event.cursor_row, selected=False)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self._post_for_row(event.cursor_row, selected=True)
