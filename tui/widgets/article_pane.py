"""ArticlePane: one article as a Line-API scroll view.

One widget per sentence stops scaling at a few thousand sentences, so the pane
wraps the whole article into rows once per width (``text_layout``) and paints
only the rows on screen (``render_line``), with a small cache of painted rows.
State (cursor, counterpart, diff, search hits, marks) is set by the screen; the
pane reports clicks and wheel scrolls back with messages.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Iterable, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.candidate_marks import (
    COMPATIBLE_FLAG,
    CONFIRMED_FLAG,
    CONFLICT_FLAG,
    NO_FLAG,
    UPDATED_FLAG,
    WALKED_FLAGS,
    sentence_flag,
)
from tui.core.model import Article, SentenceRef
from tui.messages import PaneWheelScrolled, SentenceClicked
from tui.widgets.pane_styles import (
    ANNOTATED_GLYPH,
    COMPATIBLE_GLYPH,
    CONFIRMED_GLYPH,
    CONTRADICTION_GLYPH,
    COUNTERPART_BAR,
    CURSOR_BAR,
    POSSIBLE_GLYPH,
    RESTING_BAR,
    SELECTED_BAR,
    UNIQUE_GLYPH,
    UPDATED_GLYPH,
    PaneStyles,
    build_pane_styles,
)
from tui.widgets.text_layout import NO_SENTENCE, TextLayout, layout_sentences

if TYPE_CHECKING:  # the alignment comes from the worker that loads its core
    from tui.core.align import Alignment
    from tui.core.candidates import Discrepancy

GUTTER = 3
"""Columns left of the text: cursor bar, machine glyph, annotation glyph."""
RAIL = 1
"""Column right of the text: where the view sits in the article (and the pane separator).

Drawn with the rows instead of Textual's ScrollBar widget, which cost more to repaint
than the text itself when six synced panes scroll on every keypress."""
RAIL_TRACK = "│"
RAIL_THUMB = "┃"
STRONG_MATCH = 85.0
"""Best-partner score from which a match is tinted as strong."""

FURNITURE, UNIQUE, WEAK, STRONG, POSSIBLE, LONE_HEADING, UNALIGNED = range(7)
"""A sentence's kind: page furniture; unique (no match, no possible one); matched weakly or
strongly; no match but possible ones (``Alignment.possible``), which is not unique; a heading
with neither, untinted and unmarked (a headline sums the story up: it is not a claim no one
else reports); not known yet (the alignment is being computed: plain text, no mark)."""
UNMATCHED = frozenset({UNIQUE, POSSIBLE})
"""Kinds ``}`` and ``{`` stop at: sentences with no match."""
_CONTROL = {code: " " for code in [*range(32), 127]}
"""Control characters (tabs, stray CRs) would break the cell grid; show them as spaces."""

Mark = tuple[int, int]
"""A stretch of article text, as offsets ``[start, end)``."""


class _Frame(NamedTuple):
    """What every row of one paint needs: measured once per paint, not once per row."""

    top: int
    """Layout row shown on the pane's first screen row."""
    width: int
    """Columns for gutter and text (the rail is one more)."""
    thumb_start: int
    """First screen row of the rail's thumb."""
    thumb_end: int
    """One past the thumb's last screen row (equal to thumb_start: no thumb)."""


def flag_of(alignment: Alignment, ref: SentenceRef, confirmed: Collection[Discrepancy] = ()) -> int:
    """How the gutter flags ``ref`` (``candidate_marks``): an open ⚑ outranks the rest."""
    return sentence_flag(alignment.discrepancies_of(ref), confirmed)


def classify(
    alignment: Alignment, doc: int, confirmed: Collection[Discrepancy] = ()
) -> tuple[list[int], list[int]]:
    """Per sentence of article ``doc``: its kind (furniture, unique, weak, strong, possible,
    lone heading) and flag."""
    article = alignment.articles[doc]
    kinds: list[int] = []
    flagged: list[int] = []
    for sentence in article.sentences:
        ref = SentenceRef(doc, sentence.index)
        partners = alignment.partners(ref)
        if sentence.furniture:
            kinds.append(FURNITURE)
        elif not partners and alignment.group_of(ref) is None:
            if alignment.possible(ref):
                kinds.append(POSSIBLE)
            else:
                kinds.append(LONE_HEADING if sentence.heading else UNIQUE)
        elif partners and partners[0][1] >= STRONG_MATCH:
            kinds.append(STRONG)
        else:
            kinds.append(WEAK)
        flagged.append(flag_of(alignment, ref, confirmed))
    return kinds, flagged


class ArticlePane(ScrollView, can_focus=False):
    """An article's text, wrapped, with per-sentence alignment styling."""

    DEFAULT_CSS = """
    ArticlePane {
        overflow-x: hidden;
        overflow-y: scroll;
        scrollbar-size-vertical: 0;
        background: $surface;
        color: $foreground;
    }
    """

    def __init__(self, article: Article, doc: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.doc = doc
        self.article = article
        # the text paints at once; tints and marks come with the alignment (set_alignment)
        self.kinds = [FURNITURE if s.furniture else UNALIGNED for s in article.sentences]
        self.flagged = [NO_FLAG] * len(article.sentences)
        self.cursor = 0
        self.focused = False
        self.counterpart: int | None = None
        self.diff_marks: tuple[Mark, ...] = ()
        self.search_marks: list[Mark] = []
        self.annotated: frozenset[int] = frozenset()
        self.selected: frozenset[int] = frozenset()
        self.hide_furniture = False
        self._layout: TextLayout | None = None
        self._styles: PaneStyles | None = None
        self._rows: LRUCache[tuple[int, bool], Strip] = LRUCache(2048)
        self._frame: _Frame | None = None

    # -- layout -------------------------------------------------------------------------

    @property
    def layout_ready(self) -> bool:
        """True once the text has been wrapped to the pane's width."""
        return self._layout is not None

    @property
    def text_layout(self) -> TextLayout:
        """The current rows (wrapping on first use if the pane was never sized)."""
        if self._layout is None:
            self._relayout()
        assert self._layout is not None
        return self._layout

    def _text_width(self) -> int:
        width = self.scrollable_content_region.width or self.size.width or 40
        return max(1, width - GUTTER - RAIL)

    def _relayout(self) -> None:
        hide = [kind == FURNITURE for kind in self.kinds] if self.hide_furniture else None
        anchor = self.top_sentence() if self._layout is not None else None
        self._layout = layout_sentences(
            self.article.text, self.article.sentences, self._text_width(), hide
        )
        self._rows.clear()
        self._size_for_scrolling()
        if anchor is not None and anchor != NO_SENTENCE:
            self.scroll_to(y=self._layout.anchor_row(anchor), animate=False)
        self.refresh()

    def _size_for_scrolling(self) -> None:
        """The text's rows plus a window's height less two: the last sentences can scroll up
        to any screen row, so a counterpart near the end of an article still lines up with
        the cursor of a pane beside it (as editors that scroll past the end)."""
        assert self._layout is not None
        tail = max(0, self.scrollable_content_region.height - 2)
        self.virtual_size = Size(self._text_width() + GUTTER + RAIL, self._layout.height + tail)

    def on_resize(self, event: events.Resize) -> None:
        if self._layout is None or self._layout.width != self._text_width():
            self._relayout()
        else:
            self._size_for_scrolling()

    def on_show(self) -> None:
        """Repaint whole once laid out again after being hidden.

        A pane shown and moved to in one go (the palette's "Go to source" of a hidden pane)
        asks for its cursor rows before the new layout exists; the terminal then kept cells
        of the old layout beside them until the next key. A full repaint after the layout
        covers every cell of the column."""
        self._rows.clear()
        self.refresh()

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def set_alignment(self, alignment: Alignment, confirmed: Collection[Discrepancy] = ()) -> None:
        """Take the alignment the screen shows now (dismissed candidates and hidden kinds left
        out) and the candidates the reader confirmed (marked apart)."""
        self.kinds, self.flagged = classify(alignment, self.doc, confirmed)
        self._rows.clear()
        self.refresh()

    def _theme_changed(self, _theme: object) -> None:
        self._styles = None
        self._rows.clear()
        self.refresh()

    def set_hide_furniture(self, hide: bool) -> None:
        """Show or hide page furniture, keeping the reading position."""
        if hide != self.hide_furniture:
            self.hide_furniture = hide
            if self._layout is not None:  # else wrapped with the new setting on first use
                self._relayout()

    # -- geometry the screen uses for sync ----------------------------------------------

    def row_of(self, sentence: int) -> int:
        """First row of ``sentence`` (or the nearest shown sentence before it)."""
        return self.text_layout.anchor_row(sentence)

    def screen_row_of(self, sentence: int) -> int:
        """Row of ``sentence`` relative to the top of the pane (may be off screen)."""
        return self.row_of(sentence) - round(self.scroll_y)

    def top_sentence(self) -> int:
        """The sentence shown on the pane's first row."""
        if self._layout is None:
            return 0
        return self._layout.sentence_at(round(self.scroll_y))

    def sentence_at_screen_row(self, row: int) -> int:
        """The sentence on screen row ``row`` (or the nearest above)."""
        return self.text_layout.sentence_at(round(self.scroll_y) + max(0, row))

    def sentence_starting_in_view(self, last: bool = False) -> int | None:
        """The first (or last) sentence whose first row is on screen, if any."""
        layout = self.text_layout
        top = round(self.scroll_y)
        rows = range(top, min(layout.height, top + self.scrollable_content_region.height))
        for row in reversed(rows) if last else rows:
            sentence = layout.row_sentence[row]
            if sentence != NO_SENTENCE and layout.first_row[sentence] == row:
                return sentence
        return None

    def scroll_sentence_to(self, sentence: int, screen_row: int) -> None:
        """Scroll so that ``sentence`` starts on ``screen_row`` (as near as the ends allow)."""
        self.scroll_to(y=max(0, self.row_of(sentence) - screen_row), animate=False)

    def ensure_visible(self, sentence: int, margin: int = 2) -> None:
        """Scroll the least needed to show ``sentence`` with ``margin`` rows around it."""
        layout = self.text_layout
        height = max(1, self.scrollable_content_region.height)
        margin = min(margin, max(0, (height - 1) // 3))
        first = layout.anchor_row(sentence)
        last = max(first, layout.last_row[sentence]) if layout.last_row[sentence] >= 0 else first
        top = round(self.scroll_y)
        if first - margin < top:
            top = first - margin
        elif last + margin >= top + height:
            top = min(first - margin, last + margin - height + 1)
        self.scroll_to(y=max(0, top), animate=False)

    def is_shown(self, sentence: int) -> bool:
        """False for sentences left out of the layout (hidden furniture).

        Answered without wrapping, so it holds for panes not yet mounted."""
        return not (self.hide_furniture and self.kinds[sentence] == FURNITURE)

    def step(self, start: int, step: int) -> int:
        """From ``start``, ``step`` shown sentences on (0: the nearest shown one)."""
        count = len(self.article.sentences)
        index = start
        direction = 1 if step >= 0 else -1
        remaining = abs(step)
        while True:
            candidate = index + direction if remaining else index
            if not 0 <= candidate < count:
                return index if self.is_shown(index) else self._nearest_shown(index)
            index = candidate
            if self.is_shown(index):
                if remaining <= 1:
                    return index
                remaining -= 1

    def page(self, sentence: int, direction: int) -> int:
        """The shown sentence a pane's height down (``direction`` 1) or up (-1) from
        ``sentence``; at least the next one."""
        height = max(1, self.scrollable_content_region.height - 2)
        target = self.text_layout.sentence_at(max(0, self.row_of(sentence) + direction * height))
        if target == sentence or target < 0:
            target = self.step(sentence, direction)
        return self.step(target, 0)

    def next_unique(self, start: int, direction: int) -> int | None:
        """The next shown sentence after ``start`` (``direction`` 1 or -1) no other source
        reports, or with only possible matches (◦ or ◌)."""
        index = start + direction
        while 0 <= index < len(self.article.sentences):
            if self.kinds[index] in UNMATCHED and self.is_shown(index):
                return index
            index += direction
        return None

    def walk_stops(self) -> list[int]:
        """The shown sentences ``]`` / ``[`` stop at, in order (``candidate_marks``)."""
        return [
            index
            for index, flag in enumerate(self.flagged)
            if flag in WALKED_FLAGS and self.is_shown(index)
        ]

    def in_view(self, sentence: int) -> bool:
        """Whether the first row of ``sentence`` is on screen."""
        return 0 <= self.screen_row_of(sentence) < self.scrollable_content_region.height

    def sentence_in_view(self, sentence: int) -> int:
        """The sentence on screen nearest ``sentence``'s side of the view (after a wheel
        scroll took ``sentence`` off screen): the last one starting in view when it is below,
        the first one when above, else the one on the top row."""
        found = self.sentence_starting_in_view(last=self.screen_row_of(sentence) >= 0)
        return self.sentence_at_screen_row(0) if found is None else found

    def _nearest_shown(self, index: int) -> int:
        count = len(self.article.sentences)
        for distance in range(count):
            for candidate in (index + distance, index - distance):
                if 0 <= candidate < count and self.is_shown(candidate):
                    return candidate
        return index

    # -- state set by the screen --------------------------------------------------------

    def show_state(
        self,
        *,
        cursor: int,
        focused: bool,
        counterpart: int | None,
        diff_marks: Iterable[Mark] = (),
    ) -> None:
        """Set what the pane highlights; repaints only the sentences whose look changed."""
        marks = tuple(diff_marks)
        before = (self.cursor, self.focused, self.counterpart, self.diff_marks)
        if (cursor, focused, counterpart, marks) == before:
            return
        touched = {self.cursor, cursor, self.counterpart, counterpart}
        self.cursor, self.focused, self.counterpart, self.diff_marks = (
            cursor,
            focused,
            counterpart,
            marks,
        )
        self._forget_rows(touched)

    def _forget_rows(self, sentences: Iterable[int | None]) -> None:
        """Drop the painted rows of ``sentences`` and repaint those on screen."""
        layout = self._layout
        if layout is None:
            return
        top = round(self.scroll_y)
        height = self.scrollable_content_region.height
        for sentence in sentences:
            if sentence is None or not 0 <= sentence < len(layout.first_row):
                continue
            first, last = layout.first_row[sentence], layout.last_row[sentence]
            if first < 0:
                continue
            for row in range(first, last + 1):
                self._rows.discard((row, False))
                self._rows.discard((row, True))
            if first < top + height and last >= top:
                self.refresh_lines(first, last - first + 1)

    def set_search_marks(self, marks: Sequence[Mark]) -> None:
        """Highlight search hits (sorted article offsets)."""
        self.search_marks = sorted(marks)
        self._rows.clear()
        self.refresh()

    def set_marks(self, *, annotated: Iterable[int] = (), selected: Iterable[int] = ()) -> None:
        """Mark annotated sentences and the selection."""
        annotated, selected = frozenset(annotated), frozenset(selected)
        changed = (annotated ^ self.annotated) | (selected ^ self.selected)
        self.annotated, self.selected = annotated, selected
        self._forget_rows(changed)

    # -- input --------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        row = round(self.scroll_y) + event.y
        layout = self.text_layout
        if 0 <= row < layout.height:
            sentence = layout.sentence_at(row)
            if sentence != NO_SENTENCE:
                self.post_message(SentenceClicked(self.doc, sentence))

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self.post_message(PaneWheelScrolled(self.doc))

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self.post_message(PaneWheelScrolled(self.doc))

    # -- painting -----------------------------------------------------------------------

    def notify_style_update(self) -> None:
        """CSS changed (theme, classes): rebuild the paint box on the next render."""
        super().notify_style_update()
        self._styles = None
        if hasattr(self, "_rows"):  # also called while the widget is being built
            self._rows.clear()

    @property
    def styles_for_rows(self) -> PaneStyles:
        """The pane's paint box, built once per style change (rich_style is not free)."""
        if self._styles is None:
            self._styles = build_pane_styles(self.app.theme_variables, self.rich_style)
            self._rows.clear()
        return self._styles

    def render_lines(self, crop: Region) -> list[Strip]:
        """Paint ``crop``, measuring the viewport once for all its rows (not once per row)."""
        self._frame = self._measure_frame()
        try:
            if not self._plain_box():
                return super().render_lines(crop)
            # Nothing for Textual's StylesCache to add around our rows (no border, padding,
            # tint or opacity), and its per-row work cost more than the rows themselves:
            # a synced keypress scrolls six panes, so every visible row is repainted.
            filters = self.get_line_filters()
            background = self.background_colors[1]
            strips = []
            for y in crop.line_range:
                strip = self.render_line(y)
                for line_filter in filters:
                    strip = strip.apply_filter(line_filter, background)
                strips.append(strip)
            x1, x2 = crop.column_span
            if (x1, x2) != (0, self._frame.width + RAIL):
                strips = [strip.crop(x1, x2) for strip in strips]
            return strips
        finally:
            self._frame = None

    def _plain_box(self) -> bool:
        """True when the rows are the whole widget, untouched by CSS effects."""
        styles = self.styles
        return (
            self.scrollable_content_region.size == self.region.size
            and not styles.tint.a
            and styles.text_opacity == 1.0
            and self.opacity == 1.0
            and not any(edge for edge, _colour in styles.outline)
            and (not styles.has_rule("hatch") or styles.hatch == "none")
        )

    def _measure_frame(self) -> _Frame:
        """Top row, text width and the rail's thumb rows for the current scroll position."""
        region = self.scrollable_content_region
        height = region.height
        total = self.text_layout.height
        top = round(self.scroll_y)
        thumb_start = thumb_end = 0
        if total > height > 0:
            size = max(1, height * height // total)
            thumb_start = min(height - size, round(top * height / total))
            thumb_end = thumb_start + size
        return _Frame(top, region.width - RAIL, thumb_start, thumb_end)

    def render_line(self, y: int) -> Strip:
        frame = self._frame or self._measure_frame()
        row = frame.top + y
        thumb = frame.thumb_start <= y < frame.thumb_end
        strip = self._rows.get((row, thumb))
        if strip is None:
            styles = self.styles_for_rows
            width = frame.width
            segments = self._row_segments(row, styles, width)
            segments.append(
                Segment(RAIL_THUMB, styles.rail_thumb)
                if thumb
                else Segment(RAIL_TRACK, styles.rail_track)
            )
            strip = Strip(Segment.simplify(segments), width + RAIL)
            self._rows[(row, thumb)] = strip
        return strip

    def _row_segments(self, row: int, styles: PaneStyles, width: int) -> list[Segment]:
        """Gutter and text of layout row ``row``, padded to ``width`` (one Strip per row:
        building Strips is the costly part of a new row)."""
        layout = self.text_layout
        if row >= layout.height or layout.row_sentence[row] == NO_SENTENCE:
            return [Segment(" " * width, styles.base)]
        index = layout.row_sentence[row]
        start, end = layout.row_start[row], layout.row_end[row]
        segments = self._gutter(index, row == layout.first_row[index], styles)
        style = self._sentence_style(index, styles)
        segments.extend(self._text_segments(start, end, index, style, styles))
        used = Segment.get_line_length(segments)
        if used < width:
            segments.append(Segment(" " * (width - used), styles.base))
        return segments

    def _gutter(self, index: int, first: bool, styles: PaneStyles) -> list[Segment]:
        base = styles.base
        # A selected sentence under the cursor (or the counterpart) keeps its mark on its
        # first row, in the bar's colour: the bar alone hid that it was selected.
        selected_first = first and index in self.selected
        if index == self.cursor and self.focused:
            glyph_bar = SELECTED_BAR if selected_first else CURSOR_BAR
            bar = Segment(glyph_bar, base + styles.cursor_bar)
        elif index == self.counterpart:
            glyph_bar = SELECTED_BAR if selected_first else COUNTERPART_BAR
            bar = Segment(glyph_bar, base + styles.counterpart_bar)
        elif index in self.selected:
            bar = Segment(SELECTED_BAR, base + styles.annotated)
        elif index == self.cursor and first:
            bar = Segment(RESTING_BAR, base + styles.gutter)
        else:
            bar = Segment(" ", base)
        glyph = Segment(" ", base)
        note = Segment(" ", base)
        if first:
            flag = self.flagged[index]
            if flag == CONFLICT_FLAG:
                glyph = Segment(CONTRADICTION_GLYPH, base + styles.contradiction)
            elif flag == UPDATED_FLAG:
                glyph = Segment(UPDATED_GLYPH, base + styles.compatible)
            elif flag == CONFIRMED_FLAG:
                glyph = Segment(CONFIRMED_GLYPH, base + styles.confirmed)
            elif flag == COMPATIBLE_FLAG:
                glyph = Segment(COMPATIBLE_GLYPH, base + styles.compatible)
            elif self.kinds[index] == UNIQUE:
                glyph = Segment(UNIQUE_GLYPH, base + styles.unique)
            elif self.kinds[index] == POSSIBLE:
                glyph = Segment(POSSIBLE_GLYPH, base + styles.unique)
            if index in self.annotated:
                note = Segment(ANNOTATED_GLYPH, base + styles.annotated)
        return [bar, glyph, note]

    def _sentence_style(self, index: int, styles: PaneStyles) -> Style:
        style = styles.base
        kind = self.kinds[index]
        if kind == FURNITURE:
            style += styles.furniture
        elif kind == STRONG:
            style += styles.match_strong
        elif kind == WEAK:
            style += styles.match_weak
        if self.article.sentences[index].heading:
            style += styles.heading
        if index == self.cursor and self.focused:
            style += styles.cursor
        elif index == self.counterpart:
            style += styles.counterpart
        return style

    def _text_segments(
        self, start: int, end: int, index: int, style: Style, styles: PaneStyles
    ) -> list[Segment]:
        text = self.article.text[start:end].translate(_CONTROL)
        overlays: list[tuple[int, int, Style]] = []
        if self.diff_marks and (index == self.cursor or index == self.counterpart):
            overlays.extend(
                (a, b, styles.diff) for a, b in self.diff_marks if a < end and b > start
            )
        if self.search_marks:
            hit = max(0, bisect_left(self.search_marks, (start, start)) - 1)
            while hit < len(self.search_marks) and self.search_marks[hit][0] < end:
                a, b = self.search_marks[hit]
                if b > start:
                    overlays.append((a, b, styles.search))
                hit += 1
        if not overlays:
            return [Segment(text, style)]
        cuts = sorted(
            {start, end, *(max(start, min(end, x)) for a, b, _ in overlays for x in (a, b))}
        )
        segments = []
        for left, right in pairwise(cuts):
            if left == right:
                continue
            piece = style
            for a, b, overlay in overlays:
                if a <= left and right <= b:
                    piece += overlay
            segments.append(Segment(text[left - start : right - start], piece))
        return segments
