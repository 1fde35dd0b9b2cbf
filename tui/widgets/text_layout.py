"""Wrapping an article into screen rows, sentence by sentence, with offsets kept.

Each sentence starts on a fresh row and paragraphs are separated by one blank
row, so a sentence's first row is a stable anchor: synchronised panes line
those anchors up. A row is a half-open range of article offsets, so styling
(diffs, search hits) works in the article's own coordinates.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len

from tui.core.model import Sentence

NO_SENTENCE = -1
"""Sentence index of a blank separator row."""

_WORD = re.compile(r"\S+")
_NARROW = re.compile(
    r"[\u0020-\u007e\u00a0-\u02ff\u0370-\u0482\u2010-\u2027\u2030-\u205e\u20a0-\u20bf]*"
)
"""Text made only of these (Latin, Greek, Cyrillic, curly quotes, dashes) is one cell per
character, so ``len`` measures it; anything else (CJK, emoji) goes through ``cell_len``."""


@dataclass(frozen=True, slots=True)
class TextLayout:
    """The rows of one article wrapped to one width."""

    width: int
    """Text columns the rows were wrapped to."""
    row_start: list[int]
    """Article offset of the first character of each row."""
    row_end: list[int]
    """Article offset one past the last character of each row."""
    row_sentence: list[int]
    """Sentence shown on each row, or NO_SENTENCE for a separator row."""
    first_row: list[int]
    """First row of each sentence, or -1 when the sentence is hidden."""
    last_row: list[int]
    """Last row of each sentence, or -1 when the sentence is hidden."""

    @property
    def height(self) -> int:
        """Number of rows."""
        return len(self.row_start)

    def sentence_at(self, row: int) -> int:
        """The sentence on ``row``, or the nearest one above it (NO_SENTENCE if none)."""
        row = min(row, self.height - 1)
        while row >= 0 and self.row_sentence[row] == NO_SENTENCE:
            row -= 1
        return self.row_sentence[row] if row >= 0 else NO_SENTENCE

    def anchor_row(self, sentence: int) -> int:
        """The first row of ``sentence``, or of the nearest shown sentence before it."""
        for index in range(sentence, -1, -1):
            if self.first_row[index] >= 0:
                return self.first_row[index]
        for index in range(sentence + 1, len(self.first_row)):
            if self.first_row[index] >= 0:
                return self.first_row[index]
        return 0


def layout_sentences(
    text: str, sentences: Sequence[Sentence], width: int, hide: Sequence[bool] | None = None
) -> TextLayout:
    """Wrap ``sentences`` of ``text`` to ``width`` columns.

    Args:
        text: The article text the sentence offsets point into.
        sentences: The article's sentences, in order.
        width: Columns available for text (at least 1).
        hide: Per sentence, True to leave it out (hidden furniture).
    """
    width = max(1, width)
    starts: list[int] = []
    ends: list[int] = []
    owners: list[int] = []
    first_row = [-1] * len(sentences)
    last_row = [-1] * len(sentences)
    paragraph: int | None = None
    for sentence in sentences:
        if hide is not None and hide[sentence.index]:
            continue
        if paragraph is not None and sentence.paragraph != paragraph:
            starts.append(sentence.start)
            ends.append(sentence.start)
            owners.append(NO_SENTENCE)
        paragraph = sentence.paragraph
        first_row[sentence.index] = len(starts)
        for start, end in wrap_span(text, sentence.start, sentence.end, width):
            starts.append(start)
            ends.append(end)
            owners.append(sentence.index)
        last_row[sentence.index] = len(starts) - 1
    return TextLayout(width, starts, ends, owners, first_row, last_row)


def wrap_span(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of ``text[start:end]`` (no newlines inside) into row ranges.

    Words longer than a row are cut; wide characters count as two columns.
    """
    if start >= end:
        return [(start, start)]
    narrow = _NARROW.match(text, start, end)
    measure = len if narrow is not None and narrow.end() == end else cell_len
    rows: list[tuple[int, int]] = []
    row_start = -1
    row_end = -1
    for match in _WORD.finditer(text, start, end):
        word_start, word_end = match.span()
        if row_start >= 0 and measure(text[row_start:word_end]) <= width:
            row_end = word_end
            continue
        if row_start >= 0:
            rows.append((row_start, row_end))
        row_start, row_end = word_start, word_end
        while measure(text[row_start:row_end]) > width:
            cut = _cut(text, row_start, row_end, width, measure is len)
            rows.append((row_start, cut))
            row_start = cut
    if row_start >= 0:
        rows.append((row_start, row_end))
    return rows or [(start, start)]


def _cut(text: str, start: int, end: int, width: int, ascii_only: bool) -> int:
    """Offset where a too-long word must be cut to fill ``width`` columns."""
    if ascii_only:
        return start + width
    used = 0
    for offset in range(start, end):
        used += cell_len(text[offset])
        if used > width:
            return max(offset, start + 1)
    return end


def rows_in(layout: TextLayout, start: int, end: int) -> range:
    """Rows whose text overlaps the article offsets ``[start, end)``."""
    first = max(0, bisect_right(layout.row_end, start) - 1)
    while first < layout.height and layout.row_end[first] <= start:
        first += 1
    last = bisect_right(layout.row_start, end - 1)
    return range(first, max(first, last))
