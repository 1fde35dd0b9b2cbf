"""A small hand-built alignment (three sources, groups, gaps, a contradiction) for UI tests.

Built directly from the model types so these tests do not depend on the aligner's scoring.
"""

from __future__ import annotations

from tui.core.align import Alignment, Group, Pair, SentenceRef
from tui.core.candidates import Discrepancy, Span
from tui.core.model import Article, ArticleMeta, Sentence


def article(doc: int, label: str, lines: list[str], furniture: tuple[int, ...] = ()) -> Article:
    """An article whose sentences are ``lines`` (one per line)."""
    text = "\n".join(lines)
    sentences = []
    start = 0
    for index, line in enumerate(lines):
        sentences.append(
            Sentence(index, start, start + len(line), line, index, index in furniture, False)
        )
        start += len(line) + 1
    return Article(
        id=f"a{doc}",
        path=f"{label}.txt",
        label=label,
        text=text,
        meta=ArticleMeta(title=label, source=label),
        sentences=tuple(sentences),
    )


def sample_alignment() -> Alignment:
    """Three sources: a fact all report, one two report (with a contradiction), uniques."""
    articles = (
        article(
            0,
            "Reuters",
            [
                "The bridge collapsed on Monday morning.",
                "Twelve people were injured, officials said.",
                "Share this article",
                "Traffic was diverted for hours.",
            ],
            furniture=(2,),
        ),
        article(
            1,
            "AP",
            [
                "A bridge collapsed early on Monday.",
                "Fifteen people were injured, according to officials.",
            ],
        ),
        article(
            2,
            "BBC",
            [
                "Residents heard a loud bang.",
                "The bridge collapsed on Monday.",
            ],
        ),
    )
    r = SentenceRef
    pairs = (
        Pair(r(0, 0), r(1, 0), 88.0),
        Pair(r(0, 0), r(2, 1), 92.0),
        Pair(r(1, 0), r(2, 1), 85.0),
        Pair(r(0, 1), r(1, 1), 71.0),
    )
    groups = (
        Group(0, (r(0, 0), r(1, 0), r(2, 1)), 3),
        Group(1, (r(0, 1), r(1, 1)), 2),
    )
    discrepancy = Discrepancy(
        "number",
        "conflict",
        Span(0, 1, 40, 47, "Twelve"),
        Span(1, 1, 36, 43, "Fifteen"),
        "injured: twelve vs fifteen",
    )
    return Alignment(articles, pairs, groups, (discrepancy,))
