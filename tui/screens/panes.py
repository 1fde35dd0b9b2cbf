"""PaneScreen: several articles side by side, the cursor in each, and the panes that follow it.

What the reader sees and moves through. The articles are painted at once; the alignment comes
later (its progress is said meanwhile) with the tints, marks and sync. State lives in a few
reactives (focused pane, cursor per pane, sync, furniture, the window of visible panes, marks);
``_show`` has :mod:`tui.sync` decide what every pane shows, the pane row paint it and the status
line say it (:mod:`tui.widgets.status_text`). What is shown of the engine's alignment is kept by
:class:`~tui.shown_alignment.ShownAlignment`.

:class:`~tui.screens.reading.ReadingScreen` builds on this screen: it declares the keys and adds
what the reader does with what is shown (the table, annotating, correcting the alignment).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.events import Resize
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Input, Static

from tui.candidate_marks import walk, walk_notice
from tui.core.model import Article, SentenceRef
from tui.keys import NEEDS_ALIGNMENT
from tui.messages import AlignmentProgress, PaneWheelScrolled, SentenceClicked
from tui.notices import NoticeBoard
from tui.search import SearchHit
from tui.shown_alignment import ShownAlignment
from tui.widgets.article_pane import ArticlePane
from tui.widgets.pane_row import PaneRow, fit_window, scroll_window
from tui.widgets.search_bar import SearchBar
from tui.widgets.status_line import StatusLine

if TYPE_CHECKING:  # the alignment core is loaded by the worker that aligns
    from tui.core.align import Alignment
    from tui.core.candidates import Discrepancy

MIN_PANE_WIDTH = 32
"""Columns a pane needs to stay readable (about 28 of text plus gutter and scrollbar)."""
MIN_HEIGHT = 10
"""Rows under which the screen shows a message instead of crushed panes."""


class PaneScreen(Screen[None]):
    """Several articles side by side, kept in sync by the alignment once it arrives.

    Args:
        articles: the articles, in pane order.
    """

    class Painted(Message):
        """The articles are on screen: the slow work (the notes, the alignment) can start."""

    AUTO_FOCUS = ""
    """Keys belong to the screen (the panes are not focusable); only search takes focus."""

    focused_doc: reactive[int] = reactive(0, init=False)
    """Index of the article whose pane has the sentence cursor."""
    cursors: reactive[tuple[int, ...]] = reactive((), init=False)
    """Cursor sentence of every pane."""
    sync: reactive[bool] = reactive(True, init=False)
    """Whether other panes scroll to line up with the cursor."""
    hide_furniture: reactive[bool] = reactive(False, init=False)
    """Whether page furniture is left out of the panes."""
    hidden_docs: reactive[frozenset[int]] = reactive(frozenset(), init=False)
    """Articles the user chose not to show."""
    first_visible: reactive[int] = reactive(0, init=False)
    """Position, among shown articles, of the leftmost pane on screen."""
    capacity: reactive[int] = reactive(1, init=False)
    """How many panes fit side by side at a readable width."""
    annotated: reactive[frozenset[SentenceRef]] = reactive(frozenset(), init=False)
    """Sentences carrying a user annotation."""
    selection: reactive[frozenset[SentenceRef]] = reactive(frozenset(), init=False)
    """Sentences selected across panes for a joint annotation."""
    hidden_kinds: reactive[frozenset[str]] = reactive(frozenset(), init=False)
    """Kinds of candidate the reader hid for the session (palette): not marked, not visited."""

    def __init__(self, articles: Sequence[Article]) -> None:
        super().__init__()
        self.articles = tuple(articles)
        self.shown_alignment = ShownAlignment()
        """The engine's alignment and what of it is shown (the reader's corrections applied)."""
        self.progress = 0.0
        """The share of the alignment done, said until it is there."""
        self.possible_shown: SentenceRef | None = None
        """The possible counterpart of the focused sentence shown beside it (``o``)."""
        self._possible_of: SentenceRef | None = None
        self.view_restored = False
        """A saved view was put back (until then the session keeps the view it had)."""
        self.panes = PaneRow.of(self.articles, id="panes")
        self.notice_board = NoticeBoard(self.app)
        """Repeated notices (no candidate below, sync on/off) replace each other."""
        self.search_bar = SearchBar(self.notice_board)
        self.find = self.search_bar.find
        """The last search (/): its hits and the one the cursor was moved to."""
        first = [next((s.index for s in a.body_sentences), 0) for a in self.articles]
        self.set_reactive(PaneScreen.cursors, tuple(first))
        self.set_reactive(PaneScreen.capacity, max(1, self.app.size.width // MIN_PANE_WIDTH))

    def compose(self) -> ComposeResult:
        self.panes.set_window(set(self.visible_docs), self.focused_doc)
        yield self.panes
        yield Static(
            f"The window is too small for reader.\nMake it at least {MIN_PANE_WIDTH}x{MIN_HEIGHT}.",
            id="too-small",
            markup=False,
        )
        yield StatusLine(id="status")

    def on_mount(self) -> None:
        for name in ("cursors", "sync"):
            self.watch(self, name, lambda: self._show(), init=False)
        for name in ("capacity", "first_visible", "hidden_docs"):
            self.watch(self, name, self._window_changed, init=False)
        for name in ("annotated", "selection"):
            self.watch(self, name, self._push_marks, init=False)
        self._apply_window()
        self.call_after_refresh(self._show)
        self.call_after_refresh(self._painted)

    def _painted(self) -> None:
        """The articles are on screen: add what the first frame went without (the search
        field, the footer) and let the slow work start."""
        from tui.widgets.reader_footer import ReaderFooter

        if not self.is_attached:
            return  # closed at once
        self.mount(self.search_bar, before=self.status_line)
        self.mount(ReaderFooter())
        self.post_message(self.Painted())

    def on_resize(self, event: Resize) -> None:
        width, height = event.size
        too_small = width < MIN_PANE_WIDTH or height < MIN_HEIGHT
        if too_small != self.has_class("-too-small"):
            self.set_class(too_small, "-too-small")
            self.refresh_bindings()  # the footer lists only what acts (check_action)
        self.capacity = max(1, width // MIN_PANE_WIDTH)  # panes that fit at a readable width
        self.call_after_refresh(self._show, False)  # the status line's cut moves with the width

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the window is too small to show the panes, only help and quit act; until the
        alignment is there, the keys that need it are listed but wait."""
        if self.has_class("-too-small"):
            return action in ("help", "quit")
        return self.alignment is not None or action not in NEEDS_ALIGNMENT or None

    # -- what is where ------------------------------------------------------------------

    def pane(self, doc: int) -> ArticlePane:
        """The pane showing article ``doc``."""
        return self.panes.pane(doc)

    @property
    def status_line(self) -> StatusLine:
        """The detail line under the panes."""
        return self.query_one(StatusLine)

    @property
    def shown_docs(self) -> list[int]:
        """Articles not hidden by the user, in pane order."""
        return [doc for doc in range(len(self.articles)) if doc not in self.hidden_docs]

    @property
    def visible_docs(self) -> list[int]:
        """Articles whose panes are on screen now."""
        shown = self.shown_docs
        return shown[self.first_visible : self.first_visible + self.capacity]

    @property
    def focused_ref(self) -> SentenceRef:
        """The sentence under the cursor of the focused pane."""
        return SentenceRef(self.focused_doc, self.cursors[self.focused_doc])

    def counterpart_in(
        self, ref: SentenceRef, doc: int, prefer: int | None = None
    ) -> tuple[int, float | None] | None:
        """The sentence of article ``doc`` aligned with ``ref`` and its score, if any."""
        from tui.sync import counterpart_in

        return None if self.alignment is None else counterpart_in(self.alignment, ref, doc, prefer)

    def aligned_refs(self, ref: SentenceRef) -> list[SentenceRef]:
        """``ref`` and its counterpart in every other article (what `a`/`x` mark together)."""
        from tui.sync import aligned_refs

        return aligned_refs(self.shown, ref)

    @property
    def alignment(self) -> Alignment | None:
        """The alignment shown; None until the worker is done."""
        return self.shown_alignment.alignment

    @property
    def confirmed(self) -> frozenset[Discrepancy]:
        """The candidates shown that the reader confirmed (marked ✗, not ⚑)."""
        return self.shown_alignment.confirmed

    @property
    def shown(self) -> Alignment:
        """The alignment shown, for what waits for it (``keys.NEEDS_ALIGNMENT``)."""
        assert self.alignment is not None, "an action that needs the alignment ran without it"
        return self.alignment

    @on(AlignmentProgress)
    def _aligning(self, message: AlignmentProgress) -> None:
        """Say how much of the alignment is done, until it is there."""
        self.progress = message.done
        self._show(reveal=False)

    # -- pushing state into the panes ---------------------------------------------------

    def _apply_window(self) -> None:
        window = (self.shown_docs, self.focused_doc, self.first_visible, self.capacity)
        focused, first = fit_window(*window)
        self.set_reactive(PaneScreen.focused_doc, focused)
        self.set_reactive(PaneScreen.first_visible, first)
        if self.panes.set_window(set(self.visible_docs), self.focused_doc):
            self.call_after_refresh(self._show)  # sync the new panes once they have a size

    def restore_window(self, focused: int, first_visible: int) -> None:
        """Put the focused pane and the window of panes on screen back (a resumed session).

        Both at once: the window is pulled back to keep the focused pane on screen, so setting
        it before the focus (still the first article) put every resume back on pane 1.
        """
        self.set_reactive(PaneScreen.focused_doc, focused)
        self.set_reactive(PaneScreen.first_visible, max(0, first_visible))
        self._window_changed()  # a narrower window than when saved still shows the focused pane

    def _show(self, reveal: bool = True) -> None:
        """Push cursor, sync and highlights into every visible pane, then the status line.

        Args:
            reveal: scroll the focused pane to show its cursor (not after a wheel scroll).
        """
        # (imported after the first frame, which this never paints: it comes after a refresh)
        from tui.sync import plan_sync
        from tui.widgets.status_text import PaneWindow, SearchPlace, status_text

        if not self.is_mounted or not self.cursors:
            return
        ref = self.focused_ref
        if ref != self._possible_of:  # the reader moved on: o starts again from the best
            self.possible_shown = self._possible_of = None
        visible = self.visible_docs
        possible = self.possible_shown
        if possible is not None and possible.doc not in visible:
            possible = None  # its pane is off screen (o said so): nothing to show beside
        plan = plan_sync(self.alignment, ref, self.cursors, visible, self.sync, possible)
        self.panes.show(plan, ref.doc, ref.sentence, reveal)
        self.set_reactive(PaneScreen.cursors, plan.cursors)
        find = self.find
        self.status_line.show(
            status_text(
                self.articles,
                self.alignment,
                ref,
                window=PaneWindow(self.first_visible, self.capacity, len(self.shown_docs)),
                sync=self.sync,
                search=SearchPlace(find.index, len(find.hits), find.query) if find.hits else None,
                underlined=plan.underlined,
                confirmed=self.confirmed,
                possible=possible,
                width=self.status_line.content_region.width,
                progress=self.progress,
            )
        )

    def watch_focused_doc(self) -> None:
        self._apply_window()
        self._show()

    def _window_changed(self) -> None:
        """Fit the window of panes again (a pane hidden, the window moved or narrowed); the
        panes new on screen sync once they have a size."""
        self._apply_window()
        self.call_after_refresh(self._show)

    def watch_hide_furniture(self, hide: bool) -> None:
        self.cursors = self.panes.hide_furniture(hide, self.cursors)
        self._show()

    def _push_marks(self) -> None:
        self.panes.set_marks(self.annotated, self.selection)

    # -- moving -------------------------------------------------------------------------

    def move_cursor(self, doc: int, sentence: int) -> None:
        """Put the cursor of article ``doc`` on ``sentence`` and focus that pane."""
        sentence = max(0, min(sentence, len(self.articles[doc].sentences) - 1))
        if doc in self.hidden_docs:
            self.hidden_docs = self.hidden_docs - {doc}
        cursors = list(self.cursors)
        cursors[doc] = sentence
        self.set_reactive(PaneScreen.cursors, tuple(cursors))
        if doc != self.focused_doc:
            self.focused_doc = doc
        else:
            self._show()

    def action_move(self, step: int) -> None:
        doc = self.focused_doc
        self.move_cursor(doc, self.pane(doc).step(self.cursors[doc], step))

    def action_page(self, direction: int) -> None:
        doc = self.focused_doc
        self.move_cursor(doc, self.pane(doc).page(self.cursors[doc], direction))

    def action_edge(self, direction: int) -> None:
        doc = self.focused_doc
        last = len(self.articles[doc].sentences) - 1
        self.move_cursor(doc, self.pane(doc).step(0 if direction < 0 else last, 0))

    def action_pane(self, step: int) -> None:
        shown = self.shown_docs
        position = shown.index(self.focused_doc) + step if self.focused_doc in shown else -1
        if 0 <= position < len(shown):
            self.focused_doc = shown[position]

    def action_scroll_window(self, step: int) -> None:
        window = (self.shown_docs, self.first_visible, self.capacity, self.focused_doc)
        start, focused = scroll_window(*window, step)
        if start != self.first_visible:
            self.set_reactive(PaneScreen.focused_doc, focused)
            self.first_visible = start

    def action_jump(self, what: str, direction: int) -> None:
        if what == "contradiction":
            self._walk_candidates(direction)
            return
        doc = self.focused_doc
        found = self.pane(doc).next_unique(self.cursors[doc], direction)
        if found is not None:
            self.move_cursor(doc, found)
            return
        where = "below" if direction > 0 else "above"
        label = self.articles[doc].label
        self.notice_board.show("move", f"No unmatched sentence {where} in {label}.", timeout=3)

    def _walk_candidates(self, direction: int) -> None:
        """``]`` / ``[``: the next ⚑ or ↻ in reading order, on into the other shown panes and
        round again (``candidate_marks.walk``)."""
        shown, here = self.shown_docs, self.focused_ref
        step = walk(shown, {doc: self.pane(doc).walk_stops() for doc in shown}, here, direction)
        labels = [article.label for article in self.articles]
        if said := walk_notice(step, here, direction, labels, len(self.hidden_kinds)):
            self.notice_board.show("move", said, timeout=3)
        if step is not None and step.ref != here:
            self.move_cursor(step.ref.doc, step.ref.sentence)

    @on(SentenceClicked)
    def _clicked(self, message: SentenceClicked) -> None:
        self.move_cursor(message.doc, message.sentence)

    @on(PaneWheelScrolled)
    def _wheel(self, message: PaneWheelScrolled) -> None:
        """The wheel moves the view, not the reader: the cursor stays unless it left the pane."""
        pane = self.pane(message.doc)
        cursor = self.cursors[message.doc]
        if message.doc == self.focused_doc and pane.in_view(cursor):
            self._show(reveal=False)
            return
        cursors = list(self.cursors)
        cursors[message.doc] = pane.sentence_in_view(cursor)
        self.set_reactive(PaneScreen.cursors, tuple(cursors))
        if message.doc != self.focused_doc:
            self.set_reactive(PaneScreen.focused_doc, message.doc)
            self._apply_window()
        self._show(reveal=False)

    # -- toggles ------------------------------------------------------------------------

    def action_toggle_sync(self) -> None:
        self.sync = not self.sync
        said = (
            "on: other panes follow the cursor" if self.sync else "off: panes scroll independently"
        )
        self.notice_board.show("sync", f"Sync {said}.", timeout=2)

    def action_toggle_furniture(self) -> None:
        self.hide_furniture = not self.hide_furniture

    def action_choose_panes(self) -> None:
        from tui.screens.pane_chooser import PaneChooser

        def chosen(shown: set[int] | None) -> None:
            if shown:
                self.hidden_docs = frozenset(range(len(self.articles))) - frozenset(shown)

        self.app.push_screen(PaneChooser(self.articles, set(self.shown_docs)), chosen)

    def set_pane_shown(self, doc: int, shown: bool) -> None:
        """Show or hide article ``doc``'s pane (at least one pane stays shown)."""
        hidden = self.hidden_docs - {doc} if shown else self.hidden_docs | {doc}
        if len(hidden) < len(self.articles):
            self.hidden_docs = frozenset(hidden)

    # -- search -------------------------------------------------------------------------

    @property
    def hits(self) -> list[SearchHit]:
        """The hits of the last search."""
        return self.find.hits

    def action_search(self) -> None:
        if self.search_bar.is_mounted:
            self.search_bar.open()
        else:  # "/" typed before the first frame was on screen
            self.call_after_refresh(self.action_search)

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        self.search_bar.close()
        self.search(event.value)

    def search(self, query: str) -> None:
        """Highlight ``query`` in every shown pane and move to the first hit from the cursor."""
        hits = self.search_bar.look(self.articles, query, self.shown_docs)
        self.panes.set_search_marks(hits)
        if not hits:
            self._show()
            return
        ref = self.focused_ref
        here = self.articles[ref.doc].sentences[ref.sentence].start
        self._go_to(self.find.first_from(ref.doc, here))

    def action_next_hit(self, step: int) -> None:
        if hit := self.search_bar.step(step):
            self._go_to(hit)

    def _go_to(self, *places: SearchHit | SentenceRef) -> None:
        """Move to every place in turn, from the last: the first one ends up focused."""
        for place in reversed(places):
            self.move_cursor(place.doc, place.sentence)

    def action_clear_search(self) -> None:
        if not self.search_bar.close() and self.hits:
            self.search("")
