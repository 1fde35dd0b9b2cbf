"""Finding a phrase in every article, as hits with offsets and sentences."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.model import Article


@dataclass(frozen=True, slots=True, order=True)
class SearchHit:
    """One occurrence: article position, offsets into its text, and the sentence holding it."""

    doc: int
    start: int
    end: int
    sentence: int


def find_hits(articles: Sequence[Article], query: str, docs: Sequence[int]) -> list[SearchHit]:
    """Case-insensitive occurrences of ``query`` in articles ``docs``, in reading order."""
    needle = query.casefold()
    if not needle.strip():
        return []
    hits: list[SearchHit] = []
    for doc in sorted(docs):
        article = articles[doc]
        haystack, wanted = article.text.casefold(), needle
        if len(haystack) != len(article.text):
            # casefold can change lengths (ß -> ss); lower() keeps offsets exact
            haystack, wanted = article.text.lower(), query.lower()
        starts = [s.start for s in article.sentences]
        position = haystack.find(wanted)
        while position >= 0:
            index = bisect_right(starts, position) - 1
            if index >= 0:
                hits.append(SearchHit(doc, position, position + len(wanted), index))
            position = haystack.find(wanted, position + max(1, len(wanted)))
    return hits
