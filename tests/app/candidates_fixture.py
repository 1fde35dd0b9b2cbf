"""The reading sample with candidates of several kinds and statuses in all three panes.

Stops of ``]`` in reading order: Alpha 13 (⚑ number, with a ≈ name variant), Alpha 17
(↻ updated number, against Gamma 7), Alpha 26 (⚑ quote, against Beta 31), then Beta 18,
Beta 31, then Gamma 7 (sentence numbers as shown, from 1).
"""

from __future__ import annotations

from tests.app.reading_fixture import CONFLICT, sample_corpus
from tui.core.align import Alignment, SentenceRef
from tui.core.candidates import Discrepancy, Span
from tui.core.model import Article

UPDATED = SentenceRef(0, 16)
"""Alpha's sentence with an updated figure (against Gamma 6)."""
QUOTE = SentenceRef(0, 25)
"""Alpha's sentence with a quote conflict (against Beta 30)."""
BETA_CONFLICT = SentenceRef(1, 17)
BETA_QUOTE = SentenceRef(1, 30)
GAMMA_UPDATED = SentenceRef(2, 6)
WALK = [CONFLICT, UPDATED, QUOTE, BETA_CONFLICT, BETA_QUOTE, GAMMA_UPDATED]
"""Where ``]`` stops, from the top of Alpha."""


def span(articles: tuple[Article, ...], ref: SentenceRef, word: str) -> Span:
    """The first ``word`` of sentence ``ref``, as a span."""
    sentence = articles[ref.doc].sentences[ref.sentence]
    start = sentence.start + sentence.text.index(word)
    return Span(ref.doc, ref.sentence, start, start + len(word), word)


def many_candidates() -> Alignment:
    """The sample with a ≈ variant beside its ⚑, an ↻ updated figure and a ⚑ quote."""
    base = sample_corpus()
    articles = base.articles
    (number,) = base.discrepancies
    variant = Discrepancy(
        "name",
        "variant",
        span(articles, CONFLICT, "Alpha"),
        span(articles, BETA_CONFLICT, "Beta"),
        'Spelling variant: "Alpha" vs "Beta"',
    )
    updated = Discrepancy(
        "number",
        "updated",
        span(articles, UPDATED, "fact 16"),
        span(articles, GAMMA_UPDATED, "point 6"),
        "Facts: later report (Gamma, 2024-05-03) says 6; earlier (Alpha, 2024-05-01) says 16",
    )
    quote = Discrepancy(
        "quote",
        "conflict",
        span(articles, QUOTE, "said officials"),
        span(articles, BETA_QUOTE, "concerning the bridge"),
        'Quote of officials worded differently: "said officials" vs "concerning the bridge"',
    )
    # listed least severe first: the screen must order them, not rely on the engine's order
    discrepancies = (variant, updated, number, quote)
    return Alignment(articles, base.pairs, base.groups, discrepancies)
