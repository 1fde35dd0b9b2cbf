"""One cell of the HTML comparison: an article's sentences in a row, their differences marked.

Words are underlined where they differ from the row's first account (the reading-order
article's sentence when the row has one, else the first column's): in that first account,
the words none of the others share. Contradiction candidates are marked over the passages
they compare. Text is masked (blind mode) a sentence at a time, one character for one, so
the offsets of every mark still hold, then escaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from dataclasses import replace
from itertools import pairwise

from tui.core.align import SentenceRef
from tui.core.comparison import Comparison, Row
from tui.core.html_text import Mask, text
from tui.core.model import Article, Sentence
from tui.core.worddiff import diff_words

CLOSE_ENOUGH = 0.5
"""Most of a sentence may differ from the row's first account before its words stop being
underlined: above half, it is a paraphrase, not a rewording."""
Mark = tuple[int, int, str]
"""(start, end, class) in offsets of the article's text."""


def cell_html(
    comparison: Comparison,
    row: Row,
    doc: int,
    noted: Set[SentenceRef],
    mask: Mask | None = None,
    *,
    gaps: bool = True,
) -> str:
    """The ``<td>`` of article ``doc`` in ``row``; ``noted``: sentences carrying a note.

    A source with nothing in the row gets a ``—`` cell, or none at all without ``gaps``."""
    article = comparison.alignment.articles[doc]
    label = text(article.label)
    sentences = row.cells.get(doc, ())
    pointers = [p for p in row.pointers if p.doc == doc]
    if not sentences and not pointers:
        if not gaps:
            return ""
        return (
            f'<td class="gap" data-source="{label}">'
            '<span class="gap-mark" title="not reported">—</span></td>'
        )
    by = ' class="reading"' if doc == comparison.by else ""
    parts = [f'<td data-source="{label}"{by}>']
    marks = _marks(comparison, row, doc)
    for index in sentences:
        sentence = article.sentences[index]
        glyph = '<span class="glyph noted">✎</span>' if SentenceRef(doc, index) in noted else ""
        heading = " heading" if sentence.heading else ""
        parts.append(
            f'<span class="s{heading}" id="d{doc}s{index}">'
            f'<span class="n" title="sentence {index + 1}">{index + 1}</span>{glyph} '
            f"{_marked(sentence, marks, mask)}</span> "
        )
    for pointer in pointers:
        what = "possible match" if pointer.possible else "matched"
        parts.append(
            f'<a class="pointer" href="#r{pointer.row}" title="{what} in row {pointer.row}">'
            f"→ {what}, row {pointer.row}</a> "
        )
    parts.append("</td>")
    return "".join(parts)


def _marks(comparison: Comparison, row: Row, doc: int) -> list[Mark]:
    marks = [(start, end, "dw") for start, end in _differing(comparison, row, doc)]
    cell = set(row.cells.get(doc, ()))
    for found in row.candidates:
        if found.state == "dismissed":
            continue
        css = "k conflict" if found.discrepancy.flagged else "k compatible"
        for side in (found.discrepancy.a, found.discrepancy.b):
            if side.doc == doc and side.sentence in cell:
                marks.append((side.start, side.end, css))
    return marks


def _span(article: Article, sentences: Iterable[int]) -> Sentence:
    """The stretch of text from the first to the last of ``sentences``, as one sentence."""
    found = [article.sentences[i] for i in sentences]
    first, last = found[0], found[-1]
    return replace(first, end=last.end, text=article.text[first.start : last.end])


def _differing(comparison: Comparison, row: Row, doc: int) -> list[tuple[int, int]]:
    """Character ranges of ``doc``'s cell that differ from the row's first account.

    Two accounts that share too little (:data:`CLOSE_ENOUGH`) are not compared word by word:
    underlining most of a paraphrase says nothing.
    """
    if len(row.cells) < 2 or doc not in row.cells:
        return []
    articles = comparison.alignment.articles
    first = comparison.by if comparison.by in row.cells else min(row.cells)
    reference = _span(articles[first], row.cells[first])
    if doc != first:
        own = _span(articles[doc], row.cells[doc])
        spans = [(d.b_start, d.b_end) for d in diff_words(reference, own) if d.b_end > d.b_start]
        return spans if _close(spans, own) else []
    alone: set[int] | None = None  # the reference's characters no close account shares
    for other in row.cells:
        if other == first:
            continue
        theirs = _span(articles[other], row.cells[other])
        diff = diff_words(reference, theirs)
        if not _close([(d.b_start, d.b_end) for d in diff], theirs):
            continue
        chars = {i for d in diff for i in range(d.a_start, d.a_end)}
        alone = chars if alone is None else alone & chars
    return _runs(alone or set())


def _close(spans: list[tuple[int, int]], sentence: Sentence) -> bool:
    changed = sum(end - start for start, end in spans)
    return changed <= CLOSE_ENOUGH * max(1, len(sentence.text))


def _runs(chars: set[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for i in sorted(chars):
        if runs and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    return runs


def _marked(sentence: Sentence, marks: list[Mark], mask: Mask | None) -> str:
    """The sentence as HTML: masked, escaped, its marked stretches wrapped."""
    shown = mask(sentence.text) if mask else sentence.text
    start, end = sentence.start, sentence.end
    inside = [(max(a, start), min(b, end), css) for a, b, css in marks if a < end and b > start]
    edges = sorted({start, end, *(a for a, _, _ in inside), *(b for _, b, _ in inside)})
    out: list[str] = []
    for x, y in pairwise(edges):
        piece = text(shown[x - start : y - start])
        classes = [css for a, b, css in inside if a <= x and y <= b]
        if "dw" in classes:
            piece = f'<span class="dw">{piece}</span>'
        candidate = next((c for c in classes if c.startswith("k ")), None)
        if candidate:
            piece = f'<mark class="{candidate}">{piece}</mark>'
        out.append(piece)
    return "".join(out)
