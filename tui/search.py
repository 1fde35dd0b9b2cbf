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


class Search:
    """A search of the shown articles: the query, its hits, and the hit last gone to."""

    def __init__(self) -> None:
        self.query = ""
        self.hits: list[SearchHit] = []
        self.index = -1
        """Position in ``hits`` of the hit the cursor was last moved to (-1: none yet)."""

    def find(self, articles: Sequence[Article], query: str, docs: Sequence[int]) -> list[SearchHit]:
        """Look for ``query`` in articles ``docs`` (see :func:`find_hits`); returns the hits."""
        self.query = query
        self.hits = find_hits(articles, query, docs)
        self.index = -1
        return self.hits

    def first_from(self, doc: int, offset: int) -> SearchHit:
        """Go to the first hit at or after ``offset`` in article ``doc``, else the very first."""
        after = (i for i, hit in enumerate(self.hits) if (hit.doc, hit.start) >= (doc, offset))
        return self._go(next(after, 0))

    def step(self, step: int) -> tuple[SearchHit, bool]:
        """Go ``step`` hits on; returns the hit and whether the search wrapped around."""
        index = self.index + step
        return self._go(index % len(self.hits)), not 0 <= index < len(self.hits)

    def _go(self, index: int) -> SearchHit:
        self.index = index
        return self.hits[index]
