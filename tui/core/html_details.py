"""The lines under a row of the HTML comparison, and the annotations that found no row.

Under a row: each candidate with its kind, status, state (open, confirmed, dismissed) and
explanation, both passages with their sources (and their rows when elsewhere); then each of
the reader's annotations touching the row, with its comment, tags and the other rows it
touches. Every text goes through :func:`html_text.text`.
"""

from __future__ import annotations

from collections.abc import Iterator

from tui.core.align import SentenceRef
from tui.core.candidates import Span
from tui.core.comparison import Comparison, Row
from tui.core.export import _comment_beyond_explanation  # the export's rule: said once
from tui.core.html_text import Mask, text

KIND_GLYPHS = {"agreement": "≡", "contradiction": "⚑", "note": "✎", "link": "⇔", "unlink": "⇹"}
"""One glyph per annotation kind, as the app lists them."""
STATE_WORDS = {
    "open": "open",
    "confirmed": "confirmed by the reader",
    "dismissed": "dismissed by the reader",
}


def row_details(comparison: Comparison, row: Row, mask: Mask | None) -> Iterator[str]:
    """The lines under a row: its candidates, then the reader's annotations on it."""
    for found in row.candidates:
        d = found.discrepancy
        glyph = "⚑" if d.flagged else "≈"
        css = "conflict" if d.flagged else "compatible"
        state = STATE_WORDS[found.state] if d.flagged or found.state == "dismissed" else ""
        yield (
            f'<li class="candidate {css} state-{found.state}">'
            f'<span class="glyph {css}">{glyph}</span> '
            f'<span class="what">{text(d.kind)} {text(d.status)}</span>'
            f'{" " if state else ""}<span class="state">{text(state)}</span>: '
            f'<span class="explanation">{text(d.explanation, mask)}</span> '
            f'<span class="sides">({_side(comparison, d.a, row, mask)} · '
            f"{_side(comparison, d.b, row, mask)})</span></li>"
        )
    for annotation_id in row.notes:
        yield _annotation(comparison, annotation_id, mask, row.number)


def _side(comparison: Comparison, side: Span, row: Row, mask: Mask | None) -> str:
    """One side of a candidate: its source, its words, and its row when not this one."""
    label = comparison.alignment.articles[side.doc].label
    where = comparison.row_of.get(SentenceRef(side.doc, side.sentence))
    link = f' <a href="#r{where}">row {where}</a>' if where and where != row.number else ""
    return f"{text(label)} “{text(side.text, mask)}”{link}"


def _annotation(comparison: Comparison, annotation_id: str, mask: Mask | None, here: int) -> str:
    annotation = comparison.annotations[annotation_id]
    articles = comparison.alignment.articles
    refs = comparison.placed.get(annotation_id, ())
    where = sorted({articles[r.doc].label for r in refs})
    rows = sorted({comparison.row_of[r] for r in refs if r in comparison.row_of} - {here})
    also = "".join(f' <a href="#r{r}">row {r}</a>' for r in rows)
    glyph = KIND_GLYPHS.get(annotation.kind, "?")
    parts = [
        f'<li class="note {text(annotation.kind)}"><span class="glyph">{glyph}</span> '
        f'<span class="what">{text(annotation.kind)}</span>'
    ]
    if where:
        parts.append(f' <span class="sides">({text(", ".join(where))})</span>')
    if also:
        parts.append(f' <span class="also">also in{also}</span>')
    info = annotation.discrepancy
    if info is not None and info.explanation:
        parts.append(
            f' <span class="confirmed">engine candidate confirmed ({text(info.kind)}): '
            f"{text(info.explanation, mask)}</span>"
        )
    # what the reader wrote beyond the explanation (confirming copies it into the comment)
    comment = _comment_beyond_explanation(annotation).strip()
    if comment:
        parts.append(f'<span class="comment">{text(comment, mask)}</span>')
    if annotation.tags:
        tags = " ".join(f"#{text(tag, mask)}" for tag in annotation.tags)
        parts.append(f' <span class="tags">{tags}</span>')
    parts.append("</li>")
    return "".join(parts)


def unplaced_notes(comparison: Comparison, mask: Mask | None) -> Iterator[str]:
    """The section listing the annotations that could not be placed (none: nothing)."""
    if not comparison.unplaced:
        return
    yield '<section id="unplaced" aria-labelledby="unplaced-title">'
    yield '<h2 id="unplaced-title">Annotations not placed in these articles</h2>'
    yield (
        "<p>A passage of each was not found: its article is not among these, or its text "
        "changed since it was noted.</p>"
    )
    yield '<ul class="about-row">'
    for annotation_id in comparison.unplaced:
        annotation = comparison.annotations[annotation_id]
        quotes = " · ".join(f"“{text(t.quote.exact, mask)}”" for t in annotation.targets)
        glyph = KIND_GLYPHS.get(annotation.kind, "?")
        comment = annotation.comment.strip()
        yield (
            f'<li class="note {text(annotation.kind)}"><span class="glyph">{glyph}</span> '
            f'<span class="what">{text(annotation.kind)}</span> <span class="sides">{quotes}'
            f"</span>"
            + (f'<span class="comment">{text(comment, mask)}</span>' if comment else "")
            + "</li>"
        )
    yield "</ul>"
    yield "</section>"
