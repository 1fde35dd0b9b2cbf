"""Figures of one slot stated differently in sentences the aligner did not pair.

"Canada expelled seven" and "Canada said it is expelling four Russian diplomats" share too
few words to be aligned, yet they give one figure of one holder differently: exactly what
a fact-checker must see side by side. Every body sentence's figures are indexed by their
measure and named holder; two sentences of different articles whose figures of one slot
differ are linked, so sync shows them together and the candidate is raised.
Only figures whose holder is named (or a person's age) are indexed: an unnamed holder is
the story's event itself in one article and another event in the next. Dates are indexed
by the event they are said of ("a trial set to begin Sept. 24" / "due to start Monday").
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.core.candidates import dated_events, linking_differences
from tui.core.context import context_of
from tui.core.model import Article
from tui.core.slots import ACTOR_UNITS, figure_slots

Place = tuple[int, int]
"""(article position, sentence index)."""


def slot_pairs(articles: Sequence[Article]) -> list[tuple[Place, Place]]:
    """Pairs of sentences of different articles that give one named holder's figure
    differently (a number conflict or update between them), each pair once, low first."""
    index: dict[tuple[str, str], list[Place]] = {}
    for doc, article in enumerate(articles):
        for sentence in article.body_sentences:
            context = context_of(article, sentence.index)
            for slot in figure_slots(sentence.text, context):
                for holder in slot.subject:
                    index.setdefault((slot.measure, holder), []).append((doc, sentence.index))
                if not slot.subject and slot.unit in ACTOR_UNITS:
                    # "18 countries had announced plans to expel": a count of named things
                    key = (slot.measure, f"unit:{slot.unit}")
                    index.setdefault(key, []).append((doc, sentence.index))
            for noun in dated_events(sentence.text, context):
                index.setdefault(("date", noun), []).append((doc, sentence.index))
    out: set[tuple[Place, Place]] = set()
    for places in index.values():
        unique = sorted(set(places))
        for i, low in enumerate(unique):
            for high in unique[i + 1 :]:
                if low[0] == high[0] or (low, high) in out:
                    continue
                if _disagree(articles, low, high):
                    out.add((low, high))
    return sorted(out)


def _disagree(articles: Sequence[Article], low: Place, high: Place) -> bool:
    a, b = articles[low[0]], articles[high[0]]
    found = linking_differences(
        a.sentences[low[1]].text,
        context_of(a, low[1]),
        b.sentences[high[1]].text,
        context_of(b, high[1]),
    )
    return any(
        kind in ("number", "timing") and status in ("conflict", "updated") for kind, status in found
    )
