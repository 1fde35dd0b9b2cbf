"""ReadingScreen: the synchronised panes, the keys that move through them, the detail line.

State lives in a few reactives here (focused pane, cursor per pane, sync, view
mode, furniture, the window of visible panes, search, marks); ``_show`` pushes
it into the panes. Panes never move each other: only this screen scrolls them,
so following can never ping-pong.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Horizontal
from textual.content import Content
from textual.events import Resize
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Input, Static

from tui.core.align import Alignment, SentenceRef
from tui.core.report import matched_share
from tui.core.worddiff import diff_words
from tui.messages import PaneWheelScrolled, SentenceClicked
from tui.notices import NoticeBoard
from tui.search import SearchHit, find_hits
from tui.widgets.alignment_table import AlignmentTable
from tui.widgets.article_pane import CONFLICT_FLAG, FURNITURE, UNIQUE, ArticlePane
from tui.widgets.pane_column import PaneColumn
from tui.widgets.pane_header import PaneHeader
from tui.widgets.reader_footer import ReaderFooter
from tui.widgets.status_line import StatusLine

MIN_PANE_WIDTH = 32
"""Columns a pane needs to stay readable (about 28 of text plus gutter and scrollbar)."""
MIN_HEIGHT = 10
"""Rows under which the screen shows a message instead of crushed panes."""
TABLE_ALL_COLUMNS = 8
"""Up to this many shown articles the table has a column for each; beyond, for the panes
on screen (173 columns made a table nobody can read, and froze the UI while it was built)."""


def _b(keys: str, action: str, description: str, tooltip: str, id: str, **kw: object) -> Binding:
    return Binding(keys, action, description, tooltip=tooltip, id=id, **kw)  # type: ignore[arg-type]


class ReadingScreen(Screen[None]):
    """Several articles side by side, sentence-aligned."""

    AUTO_FOCUS = ""
    """Keys belong to the screen (the panes are not focusable); only search takes focus."""

    BINDINGS: ClassVar[list[BindingType]] = [
        _b(
            "down,j", "move(1)", "Next", "Next sentence in the focused pane", "reader.next-sentence"
        ),
        _b(
            "up,k",
            "move(-1)",
            "Prev",
            "Previous sentence in the focused pane",
            "reader.previous-sentence",
        ),
        _b(
            "right,l,tab",
            "pane(1)",
            "Next pane",
            "Focus the pane to the right",
            "reader.next-pane",
            show=False,
        ),
        _b(
            "left,h,shift+tab",
            "pane(-1)",
            "Prev pane",
            "Focus the pane to the left",
            "reader.previous-pane",
            show=False,
        ),
        _b(
            "pagedown",
            "page(1)",
            "Page down",
            "Move the cursor a page down",
            "reader.page-down",
            show=False,
        ),
        _b(
            "pageup",
            "page(-1)",
            "Page up",
            "Move the cursor a page up",
            "reader.page-up",
            show=False,
        ),
        _b(
            "home,g",
            "edge(-1)",
            "Start",
            "First sentence of the focused pane",
            "reader.start",
            show=False,
        ),
        _b(
            "end,G", "edge(1)", "End", "Last sentence of the focused pane", "reader.end", show=False
        ),
        _b(
            "right_square_bracket",
            "jump('contradiction', 1)",
            "Next ⚑",
            "Next contradiction candidate",
            "reader.next-contradiction",
        ),
        _b(
            "left_square_bracket",
            "jump('contradiction', -1)",
            "Prev ⚑",
            "Previous contradiction candidate",
            "reader.previous-contradiction",
            show=False,
        ),
        _b(
            "right_curly_bracket",
            "jump('unique', 1)",
            "Next unique",
            "Next sentence no other source reports",
            "reader.next-unique",
            show=False,
        ),
        _b(
            "left_curly_bracket",
            "jump('unique', -1)",
            "Prev unique",
            "Previous sentence no other source reports",
            "reader.previous-unique",
            show=False,
        ),
        _b("slash", "search", "Search", "Search all panes", "reader.search"),
        _b(
            "n",
            "next_hit(1)",
            "Next hit",
            "Next search hit (all panes)",
            "reader.next-hit",
            show=False,
        ),
        _b(
            "N",
            "next_hit(-1)",
            "Prev hit",
            "Previous search hit (all panes)",
            "reader.previous-hit",
            show=False,
        ),
        _b(
            "escape",
            "clear_search",
            "Clear search",
            "Close the search bar and clear hits",
            "reader.clear-search",
            show=False,
        ),
        _b(
            "s",
            "toggle_sync",
            "Sync",
            "Other panes follow the cursor (on/off)",
            "reader.toggle-sync",
        ),
        _b(
            "v",
            "toggle_view",
            "Table",
            "Switch between panes and the alignment table",
            "reader.toggle-view",
        ),
        _b(
            "f",
            "toggle_furniture",
            "Furniture",
            "Hide or show page furniture",
            "reader.toggle-furniture",
        ),
        _b("p", "choose_panes", "Panes", "Choose which articles are shown", "reader.choose-panes"),
        _b(
            "greater_than_sign",
            "scroll_window(1)",
            "More panes →",
            "Show the next pane to the right",
            "reader.window-right",
            show=False,
        ),
        _b(
            "less_than_sign",
            "scroll_window(-1)",
            "← More panes",
            "Show the next pane to the left",
            "reader.window-left",
            show=False,
        ),
        _b(
            "i",
            "candidates",
            "Candidates",
            "The contradiction candidates of this sentence, explained in full",
            "reader.candidates",
            show=False,
        ),
    ]

    focused_doc: reactive[int] = reactive(0, init=False)
    """Index of the article whose pane has the sentence cursor."""
    cursors: reactive[tuple[int, ...]] = reactive((), init=False)
    """Cursor sentence of every pane."""
    sync: reactive[bool] = reactive(True, init=False)
    """Whether other panes scroll to line up with the cursor."""
    view_mode: reactive[str] = reactive("panes", init=False)
    """"panes" or "table"."""
    hide_furniture: reactive[bool] = reactive(False, init=False)
    """Whether page furniture is left out of the panes."""
    hidden_docs: reactive[frozenset[int]] = reactive(frozenset(), init=False)
    """Articles the user chose not to show."""
    first_visible: reactive[int] = reactive(0, init=False)
    """Position, among shown articles, of the leftmost pane on screen."""
    capacity: reactive[int] = reactive(1, init=False)
    """How many panes fit side by side at a readable width."""
    annotated: reactive[frozenset[SentenceRef]] = reactive(frozenset(), init=False)
    """Sentences carrying a user annotation (issue 5 sets it)."""
    selection: reactive[frozenset[SentenceRef]] = reactive(frozenset(), init=False)
    """Sentences selected across panes for a joint annotation (issue 5 sets it)."""

    def __init__(self, alignment: Alignment) -> None:
        super().__init__()
        # The alignment lives as long as the app: keep the cyclic collector from re-scanning
        # it (a full pass over 50 articles' objects took 80-110 ms, a freeze on a keypress).
        gc.freeze()
        self.alignment = alignment
        self.articles = alignment.articles
        self.hits: list[SearchHit] = []
        self.notice_board = NoticeBoard(self.app)
        """Repeated notices (no candidate below, sync on/off) replace each other."""
        self.hit_index = -1
        self.search_query = ""
        self._panes: list[ArticlePane] = []
        self._headers: list[PaneHeader] = []
        # the one measure of "matched" (report.matched_share): the report shows the same
        shares = [matched_share(self.alignment, doc) for doc in range(len(self.articles))]
        self._matched = [matched / body if body else 0.0 for matched, body in shares]
        self.set_reactive(ReadingScreen.cursors, self._first_cursors())
        self.set_reactive(ReadingScreen.capacity, self._capacity_for(self.app.size.width))

    # -- composition --------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        visible = set(self.visible_docs)
        with Horizontal(id="panes"):
            for doc, article in enumerate(self.articles):
                yield PaneColumn(  # mounts header and pane only once shown (50 articles)
                    PaneHeader(article, self._matched[doc], id=f"header-{doc}"),
                    ArticlePane(self.alignment, doc, id=f"pane-{doc}"),
                    shown=doc in visible,
                    id=f"column-{doc}",
                )
        with Container(id="table-view"):
            yield Static(id="table-caption", markup=False)
        yield Static(
            f"The window is too small for reader.\nMake it at least {MIN_PANE_WIDTH}x{MIN_HEIGHT}.",
            id="too-small",
            markup=False,
        )
        yield Input(placeholder="Search all panes (enter: find, escape: close)", id="search")
        yield StatusLine(id="status")
        yield ReaderFooter()

    def on_mount(self) -> None:
        self._apply_window()
        self.call_after_refresh(self._show)

    def on_resize(self, event: Resize) -> None:
        width, height = event.size
        too_small = width < MIN_PANE_WIDTH or height < MIN_HEIGHT
        if too_small != self.has_class("-too-small"):
            self.set_class(too_small, "-too-small")
            self.refresh_bindings()  # the footer lists only what acts (check_action)
        self.capacity = self._capacity_for(width)
        self.call_after_refresh(self._show, False)  # the status line's cut moves with the width

    @staticmethod
    def _capacity_for(width: int) -> int:
        """How many panes fit side by side in ``width`` columns at a readable width."""
        return max(1, width // MIN_PANE_WIDTH)

    # -- the panes ----------------------------------------------------------------------

    def pane(self, doc: int) -> ArticlePane:
        """The pane showing article ``doc``."""
        if not self._panes:
            self._panes = [column.pane for column in self.query(PaneColumn)]
        return self._panes[doc]

    def header(self, doc: int) -> PaneHeader:
        """The header above article ``doc``."""
        if not self._headers:
            self._headers = [column.header for column in self.query(PaneColumn)]
        return self._headers[doc]

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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the window is too small to show the panes, only help and quit act."""
        return not self.has_class("-too-small") or action in ("help", "quit")

    def counterpart_in(
        self, ref: SentenceRef, doc: int, prefer: int | None = None
    ) -> tuple[int, float | None] | None:
        """The sentence of article ``doc`` aligned with ``ref`` and its score, if any.

        ``prefer`` (the pane's current cursor) wins when it is one of ``ref``'s partners, so
        going from pane A to B and back lands where the reader was, even when B's sentence
        is matched best by another sentence of A (one outlet's sentence split in two).
        """
        if prefer is not None:
            for partner, score in self.alignment.partners(ref):
                if partner.doc == doc and partner.sentence == prefer:
                    return prefer, score
        best = self.alignment.best_partner_in(ref, doc)
        if best is not None:
            return best[0].sentence, best[1]
        group = self.alignment.group_of(ref)
        if group is not None:
            for member in group.members:
                if member.doc == doc:
                    return member.sentence, None
        return None

    def _first_cursors(self) -> tuple[int, ...]:
        cursors = []
        for article in self.articles:
            body = article.body_sentences
            cursors.append(body[0].index if body else 0)
        return tuple(cursors)

    # -- pushing state into the panes ---------------------------------------------------

    def _apply_window(self) -> None:
        shown = self.shown_docs
        if self.focused_doc not in shown and shown:
            self.set_reactive(ReadingScreen.focused_doc, shown[0])
        last_start = max(0, len(shown) - self.capacity)
        if self.first_visible > last_start:
            self.set_reactive(ReadingScreen.first_visible, last_start)
        if self.focused_doc in shown:
            position = shown.index(self.focused_doc)
            if position < self.first_visible:
                self.set_reactive(ReadingScreen.first_visible, position)
            elif position >= self.first_visible + self.capacity:
                self.set_reactive(ReadingScreen.first_visible, position - self.capacity + 1)
        visible = set(self.visible_docs)
        for doc in range(len(self.articles)):
            if self.query_one(f"#column-{doc}", PaneColumn).set_shown(doc in visible):
                self.call_after_refresh(self._show)  # sync the new pane once it has a size
            self.header(doc).set_class(doc == self.focused_doc, "-focused")

    def restore_window(self, focused: int, first_visible: int) -> None:
        """Put the focused pane and the window of panes on screen back (a resumed session).

        Both at once: the window is pulled back to keep the focused pane on screen, so setting
        it before the focus (still the first article) put every resume back on pane 1.
        """
        self.set_reactive(ReadingScreen.focused_doc, focused)
        self.set_reactive(ReadingScreen.first_visible, max(0, first_visible))
        self._apply_window()  # a narrower window than when saved still shows the focused pane
        self.call_after_refresh(self._show)
        self._refresh_table()

    def _show(self, reveal: bool = True) -> None:
        """Push cursor, sync and highlights into every visible pane, then the detail line.

        Args:
            reveal: scroll the focused pane to show its cursor (not after a wheel scroll).
        """
        if not self.is_mounted or not self.cursors:
            return
        doc = self.focused_doc
        ref = self.focused_ref
        leader = self.pane(doc)
        if reveal:
            leader.ensure_visible(ref.sentence)
        row = leader.screen_row_of(ref.sentence)
        best_doc, best_score, best_sentence = -1, -1.0, -1
        cursors = list(self.cursors)
        for other in self.visible_docs:
            if other == doc:
                continue
            pane = self.pane(other)
            match = self.counterpart_in(ref, other, prefer=cursors[other])
            if match is None:
                pane.show_state(cursor=cursors[other], focused=False, counterpart=None)
                note = "no match" if self.sync else ""
                self.header(other).set_sync_note(note, "$text-warning")
                continue
            sentence, score = match
            marks = []
            for span in diff_words(
                self.articles[doc].sentences[ref.sentence], self.articles[other].sentences[sentence]
            ):
                if span.b_end > span.b_start:
                    marks.append((span.b_start, span.b_end))
            if score is not None and score > best_score:
                best_doc, best_score, best_sentence = other, score, sentence
            if self.sync:
                cursors[other] = sentence
                pane.scroll_sentence_to(sentence, row)
            pane.show_state(
                cursor=cursors[other], focused=False, counterpart=sentence, diff_marks=marks
            )
            self.header(other).set_sync_note("≡ match" if self.sync else "", "$text-success")
        leader_marks = []
        if best_doc >= 0:
            for span in diff_words(
                self.articles[doc].sentences[ref.sentence],
                self.articles[best_doc].sentences[best_sentence],
            ):
                if span.a_end > span.a_start:
                    leader_marks.append((span.a_start, span.a_end))
        leader.show_state(
            cursor=ref.sentence, focused=True, counterpart=None, diff_marks=leader_marks
        )
        self.header(doc).set_sync_note("● reading" if self.sync else "sync off", "$text-accent")
        self.set_reactive(ReadingScreen.cursors, tuple(cursors))
        self._show_status(best_doc)

    def _show_status(self, best_doc: int) -> None:
        ref = self.focused_ref
        article = self.articles[ref.doc]
        sentence = article.sentences[ref.sentence]
        where: list[str | tuple[str, str]] = []
        shown = self.shown_docs
        if len(shown) > self.capacity:  # first, so a narrow terminal never cuts it off
            first = self.first_visible + 1
            last = min(len(shown), self.first_visible + self.capacity)
            panes = f"pane {first}" if first == last else f"panes {first}-{last}"
            where.append((f"{panes} of {len(shown)} · ", "$text-accent"))
        where += [
            (article.label, "bold"),
            f" · {ref.sentence + 1}/{len(article.sentences)}",
        ]
        # the sources whose sentences the panes show beside this one: group and direct partners
        sources = self.alignment.sources_of(ref)
        if sentence.furniture:
            where.append((" · page furniture (f hides it)", "$text-muted"))
        elif len(sources) > 1:
            where.append(f" · in {len(sources)} of {len(self.articles)} sources")
        elif self.pane(ref.doc).kinds[ref.sentence] == UNIQUE:
            where.append((" · ◦ unique: no other source reports this", "$text-secondary"))
        partners = self.alignment.partners(ref)
        if partners:
            other, score = partners[0]
            where.append(f" · best match {score:.0f} ({self.articles[other.doc].label})")
        if not self.sync:
            where.append((" · sync off", "$text-warning"))
        detail: list[str | tuple[str, str]] = []
        if self.hits:  # first: a long candidate must not push it past the cut
            detail.append(
                f"hit {self.hit_index + 1} of {len(self.hits)} for “{self.search_query}”  "
            )
        candidates = self.alignment.discrepancies_of(ref)
        for (kind, status, explanation), against in self._candidate_lines(ref).items():
            where_else = f" vs {', '.join(against)}: "
            if status == "conflict":
                detail.append((f"⚑ {kind} conflict{where_else}", "bold $text-error"))
            else:
                detail.append((f"≈ {kind} {status}{where_else}", "bold $text-warning"))
            detail.append(f"{explanation}  ")  # it quotes both passages already
        if best_doc >= 0:
            detail.append(
                (f"differences vs {self.articles[best_doc].label} underlined", "$text-muted")
            )
        row = Content.assemble(*detail)
        if candidates and row.cell_length > self.status_line.content_region.width:
            row = Content.assemble(("i: read in full · ", "$text-accent"), row)  # it is cut
        self.status_line.show(Content.assemble(*where, "\n", row))

    def _candidate_lines(self, ref: SentenceRef) -> dict[tuple[str, str, str], list[str]]:
        """The candidates of ``ref``, one per wording, each with the passages it is against.

        Two outlets that word a figure alike give the same explanation twice: it is said once,
        naming both (``RFE/RL repost #24, RFE/RL #12``).
        """
        lines: dict[tuple[str, str, str], list[str]] = {}
        for disc in self.alignment.discrepancies_of(ref):
            mine = disc.a.doc == ref.doc and disc.a.sentence == ref.sentence
            other = disc.b if mine else disc.a
            name = f"{self.articles[other.doc].label} #{other.sentence + 1}"
            against = lines.setdefault((disc.kind, disc.status, disc.explanation), [])
            if name not in against:
                against.append(name)
        return lines

    # -- watchers -----------------------------------------------------------------------

    def watch_focused_doc(self) -> None:
        self._apply_window()
        self._show()

    def watch_cursors(self) -> None:
        self._show()

    def watch_sync(self) -> None:
        self._show()

    def watch_capacity(self) -> None:
        self._apply_window()
        self.call_after_refresh(self._show)
        self._refresh_table()

    def watch_first_visible(self) -> None:
        self._apply_window()
        self.call_after_refresh(self._show)
        self._refresh_table()

    def watch_hidden_docs(self) -> None:
        self._apply_window()
        self.call_after_refresh(self._show)
        self._refresh_table()

    def watch_hide_furniture(self, hide: bool) -> None:
        for doc in range(len(self.articles)):
            self.pane(doc).set_hide_furniture(hide)
        if hide:
            cursors = list(self.cursors)
            for doc, cursor in enumerate(cursors):
                cursors[doc] = self._step(doc, cursor, 0)
            self.cursors = tuple(cursors)
        self._show()

    def _refresh_table(self) -> None:
        """Keep an open table's columns in step with the panes on screen."""
        if self.view_mode == "table" and self.query(AlignmentTable):
            self._open_table()

    def watch_view_mode(self, mode: str) -> None:
        self.set_class(mode == "table", "-table")
        if mode == "table":
            self._open_table()
        else:
            self.set_focus(None)
            self.call_after_refresh(self._show)

    def watch_annotated(self, refs: frozenset[SentenceRef]) -> None:
        self._push_marks()

    def watch_selection(self, refs: frozenset[SentenceRef]) -> None:
        self._push_marks()

    def _push_marks(self) -> None:
        for doc in range(len(self.articles)):
            self.pane(doc).set_marks(
                annotated=(r.sentence for r in self.annotated if r.doc == doc),
                selected=(r.sentence for r in self.selection if r.doc == doc),
            )

    # -- moving -------------------------------------------------------------------------

    def move_cursor(self, doc: int, sentence: int) -> None:
        """Put the cursor of article ``doc`` on ``sentence`` and focus that pane."""
        sentence = max(0, min(sentence, len(self.articles[doc].sentences) - 1))
        if doc in self.hidden_docs:
            self.hidden_docs = self.hidden_docs - {doc}
        cursors = list(self.cursors)
        cursors[doc] = sentence
        self.set_reactive(ReadingScreen.cursors, tuple(cursors))
        if doc != self.focused_doc:
            self.focused_doc = doc
        else:
            self._show()

    def _step(self, doc: int, start: int, step: int) -> int:
        """From ``start``, ``step`` shown sentences on (0: the nearest shown one)."""
        pane = self.pane(doc)
        count = len(self.articles[doc].sentences)
        index = start
        direction = 1 if step >= 0 else -1
        remaining = abs(step)
        while True:
            candidate = index + direction if remaining else index
            if not 0 <= candidate < count:
                return index if pane.is_shown(index) else self._nearest_shown(doc, index)
            index = candidate
            if pane.is_shown(index):
                if remaining <= 1:
                    return index
                remaining -= 1

    def _nearest_shown(self, doc: int, index: int) -> int:
        pane = self.pane(doc)
        count = len(self.articles[doc].sentences)
        for distance in range(count):
            for candidate in (index + distance, index - distance):
                if 0 <= candidate < count and pane.is_shown(candidate):
                    return candidate
        return index

    def action_move(self, step: int) -> None:
        doc = self.focused_doc
        self.move_cursor(doc, self._step(doc, self.cursors[doc], step))

    def action_page(self, direction: int) -> None:
        doc = self.focused_doc
        pane = self.pane(doc)
        cursor = self.cursors[doc]
        height = max(1, pane.scrollable_content_region.height - 2)
        target = pane.text_layout.sentence_at(max(0, pane.row_of(cursor) + direction * height))
        if target == cursor or target < 0:
            target = self._step(doc, cursor, direction)
        self.move_cursor(doc, self._step(doc, target, 0))

    def action_edge(self, direction: int) -> None:
        doc = self.focused_doc
        last = len(self.articles[doc].sentences) - 1
        self.move_cursor(doc, self._step(doc, 0 if direction < 0 else last, 0))

    def action_pane(self, step: int) -> None:
        shown = self.shown_docs
        if self.focused_doc not in shown:
            return
        position = shown.index(self.focused_doc) + step
        if 0 <= position < len(shown):
            self.focused_doc = shown[position]

    def action_scroll_window(self, step: int) -> None:
        shown = self.shown_docs
        start = max(0, min(self.first_visible + step, len(shown) - self.capacity))
        if start != self.first_visible:
            visible = shown[start : start + self.capacity]
            if self.focused_doc not in visible:
                self.set_reactive(ReadingScreen.focused_doc, visible[0 if step > 0 else -1])
            self.first_visible = start

    def action_jump(self, what: str, direction: int) -> None:
        doc = self.focused_doc
        pane = self.pane(doc)
        count = len(self.articles[doc].sentences)
        index = self.cursors[doc] + direction
        while 0 <= index < count:
            if what == "contradiction":  # conflicts only: refinements and variants agree
                wanted = pane.flagged[index] == CONFLICT_FLAG
            else:
                wanted = pane.kinds[index] == UNIQUE
            if wanted and pane.is_shown(index):
                self.move_cursor(doc, index)
                return
            index += direction
        where = "below" if direction > 0 else "above"
        noun = "contradiction candidate" if what == "contradiction" else "unique sentence"
        self.notice_board.show(
            "move", f"No {noun} {where} in {self.articles[doc].label}.", timeout=3
        )

    # -- mouse --------------------------------------------------------------------------

    @on(SentenceClicked)
    def _clicked(self, message: SentenceClicked) -> None:
        self.move_cursor(message.doc, message.sentence)

    @on(PaneWheelScrolled)
    def _wheel(self, message: PaneWheelScrolled) -> None:
        """The wheel moves the view, not the reader: the cursor stays unless it left the pane."""
        pane = self.pane(message.doc)
        cursor = self.cursors[message.doc]
        row = pane.screen_row_of(cursor)
        on_screen = 0 <= row < pane.scrollable_content_region.height
        if message.doc == self.focused_doc and on_screen:
            self._show(reveal=False)
            return
        sentence = pane.sentence_starting_in_view(last=row >= 0)
        if sentence is None:
            sentence = pane.sentence_at_screen_row(0)
        cursors = list(self.cursors)
        cursors[message.doc] = sentence
        self.set_reactive(ReadingScreen.cursors, tuple(cursors))
        if message.doc != self.focused_doc:
            self.set_reactive(ReadingScreen.focused_doc, message.doc)
            self._apply_window()
        self._show(reveal=False)

    # -- toggles ------------------------------------------------------------------------

    def action_toggle_sync(self) -> None:
        self.sync = not self.sync
        self.notice_board.show(
            "sync",
            "Sync on: other panes follow the cursor."
            if self.sync
            else "Sync off: panes scroll independently.",
            timeout=2,
        )

    def action_toggle_furniture(self) -> None:
        self.hide_furniture = not self.hide_furniture

    def action_toggle_view(self) -> None:
        self.view_mode = "table" if self.view_mode == "panes" else "panes"

    def action_candidates(self) -> None:
        """Open the candidates of the focused sentence in full (the status line cuts them)."""
        from tui.screens.candidates import CandidatesScreen

        ref = self.focused_ref
        candidates = self.alignment.discrepancies_of(ref)
        if not candidates:
            self.notice_board.show(
                "move", "No contradiction candidate on this sentence.", timeout=3
            )
            return
        title = f"{self.articles[ref.doc].label} #{ref.sentence + 1}"
        self.app.push_screen(CandidatesScreen(candidates, self.articles, title))

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

    # -- the alignment table (the chrome engineer's widget) -----------------------------

    @property
    def table_docs(self) -> list[int]:
        """The articles the table has columns for: all shown ones, or the panes on screen."""
        shown = self.shown_docs
        return shown if len(shown) <= TABLE_ALL_COLUMNS else self.visible_docs

    def _open_table(self) -> None:
        """Show the table for the current columns (rebuilt when they or the alignment changed)."""
        tables = self.query(AlignmentTable)
        docs = self.table_docs
        if not tables:
            self.query_one("#table-view").mount(AlignmentTable(self.alignment, order=docs))
            self.call_after_refresh(self._open_table)
            return
        table = tables.first()
        if table.docs != tuple(docs) or table.alignment is not self.alignment:
            table.set_alignment(self.alignment, docs)
        self._show_table_caption(table)
        table.select_ref(self.focused_ref)
        table.focus()

    def _show_table_caption(self, table: AlignmentTable) -> None:
        """Say which sources have columns when not all do, and how far filling has got."""
        caption = self.query_one("#table-caption", Static)
        parts = []
        total = len(self.articles)
        if len(table.docs) < total:
            shown = self.shown_docs
            first = shown.index(table.docs[0]) + 1 if table.docs[0] in shown else 1
            last = first + len(table.docs) - 1
            hidden = f" ({total - len(shown)} hidden)" if len(shown) < total else ""
            parts.append(
                f"Columns: the panes on screen, {first}-{last} of {len(shown)}{hidden}"
                " · < > next sources · p chooses"
            )
        if not table.filled:
            parts.append(f"filling {table.row_count:,} of {len(table.rows_shown):,} rows…")
        caption.update(" · ".join(parts))
        caption.display = bool(parts)

    @on(AlignmentTable.Filling)
    def _table_filling(self, message: AlignmentTable.Filling) -> None:
        self._show_table_caption(message.table)

    @on(AlignmentTable.GroupHighlighted)
    def _table_moved(self, message: AlignmentTable.GroupHighlighted) -> None:
        """Moving in the table moves the panes (they show once the table closes)."""
        self.move_cursor(message.ref.doc, message.ref.sentence)
        if isinstance(message, AlignmentTable.GroupSelected):
            self.view_mode = "panes"

    # -- search -------------------------------------------------------------------------

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        self.add_class("-searching")
        search.value = self.search_query
        # Focus now, not after a refresh (Widget.focus defers): keys typed in the same burst as
        # "/" are already queued and must find the field focused (tui/burst_keys.py).
        self.set_focus(search)

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        self.remove_class("-searching")
        self.set_focus(None)
        self.search(event.value)

    def search(self, query: str) -> None:
        """Highlight ``query`` in every shown pane and move to the first hit from the cursor."""
        self.search_query = query
        self.hits = find_hits(self.articles, query, self.shown_docs)
        for doc in range(len(self.articles)):
            self.pane(doc).set_search_marks(
                [(hit.start, hit.end) for hit in self.hits if hit.doc == doc]
            )
        self.hit_index = -1
        if not self.hits:
            if query.strip():
                self.notice_board.show(
                    "move", f"“{query}” is not in any shown article.", severity="warning"
                )
            self._show()
            return
        ref = self.focused_ref
        here = self.articles[ref.doc].sentences[ref.sentence].start
        for index, hit in enumerate(self.hits):
            if (hit.doc, hit.start) >= (ref.doc, here):
                self._go_to_hit(index)
                return
        self._go_to_hit(0)

    def action_next_hit(self, step: int) -> None:
        if not self.hits:
            self.notice_board.show("move", "No search: press / to search all panes.", timeout=3)
            return
        index = self.hit_index + step
        if not 0 <= index < len(self.hits):
            self.notice_board.show("move", "Search wrapped around.", timeout=2)
        self._go_to_hit(index % len(self.hits))

    def _go_to_hit(self, index: int) -> None:
        self.hit_index = index
        hit = self.hits[index]
        self.move_cursor(hit.doc, hit.sentence)

    def action_clear_search(self) -> None:
        if self.has_class("-searching"):
            self.remove_class("-searching")
            self.set_focus(None)
            return
        if self.view_mode == "table":
            self.view_mode = "panes"
            return
        if self.hits:
            self.search("")

    # -- hooks for annotations (issue 5) ------------------------------------------------

    def aligned_refs(self, ref: SentenceRef) -> list[SentenceRef]:
        """``ref`` and its counterpart in every other article (what `a`/`x` mark together)."""
        refs = [ref]
        for doc in range(len(self.articles)):
            if doc != ref.doc and (match := self.counterpart_in(ref, doc)) is not None:
                refs.append(SentenceRef(doc, match[0]))
        return refs

    def toggle_selected(self, refs: Iterable[SentenceRef]) -> None:
        """Add ``refs`` to the selection, or remove them if all are already selected."""
        refs = frozenset(refs)
        if refs <= self.selection:
            self.selection = self.selection - refs
        else:
            self.selection = self.selection | refs

    def is_furniture(self, ref: SentenceRef) -> bool:
        """True for page furniture (never aligned, dimmed)."""
        return self.pane(ref.doc).kinds[ref.sentence] == FURNITURE
