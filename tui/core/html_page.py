"""From articles to the HTML page: blind them if asked, align, apply the notes, render.

The one path ``reader report`` and the app's "Export HTML report" share, so both write the
same page for the same articles and notes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tui.core.align import Alignment
from tui.core.blind import Masker, blind_articles, hidden_names, new_seed
from tui.core.comparison import build_comparison
from tui.core.html_report import render_html
from tui.core.model import Article
from tui.core.notes import NotesDocument

Aligner = Callable[[Sequence[Article]], Alignment]
"""Aligns the articles given (the blinded ones in blind mode): ``align_corpus`` with the
threshold chosen, or the alignment the app already has when it is of these articles."""


def report_page(
    articles: Sequence[Article],
    document: NotesDocument | None,
    *,
    align: Aligner,
    by: int = 0,
    blind_seed: int | None = None,
    blind: bool = False,
    notes_name: str = "",
) -> str:
    """The self-contained HTML comparison of ``articles`` with the reader's notes.

    Args:
        articles: as loaded (real names; the notes point at their ids and text).
        document: the notes (links and unlinks applied, annotations shown), or None.
        align: see :data:`Aligner`.
        by: position in ``articles`` of the article whose reading order the rows follow.
        blind_seed: blind mode with this shuffle; ``blind`` without a seed picks one.
        blind: blind mode (implied by ``blind_seed``).
        notes_name: the notes file's name, said on the page.
    """
    if blind_seed is None and not blind:
        comparison = build_comparison(align(articles), document, by)
        return render_html(comparison, notes_name=notes_name)
    seed = new_seed() if blind_seed is None else blind_seed
    shown, order = blind_articles(articles, seed, mask_text=False)
    masker = Masker(hidden_names(articles))
    comparison = build_comparison(align(shown), document, order.index(by))
    return render_html(comparison, mask=masker.mask, notes_name=notes_name)
