"""N-way, order-independent sentence alignment across articles.

(Types fixed here; a provisional mutual-best scorer until issue 3 lands.)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from tui.core.compare import Discrepancy, find_discrepancies
from tui.core.model import Article

DEFAULT_THRESHOLD = 60.0
Progress = Callable[[float], None]
"""Called with the share of the work done, 0.0 to 1.0."""


@dataclass(frozen=True, slots=True, order=True)
class SentenceRef:
    """A sentence of the corpus: article position and sentence index."""

    doc: int
    sentence: int


@dataclass(frozen=True, slots=True)
class Pair:
    """Two sentences of different articles that report the same thing (a.doc < b.doc)."""

    a: SentenceRef
    b: SentenceRef
    score: float
    """0-100; higher is a closer match."""


@dataclass(frozen=True, slots=True)
class Group:
    """One fact or quote: the sentences of every article that report it."""

    id: int
    members: tuple[SentenceRef, ...]
    sources: int
    """How many distinct articles report it."""


@dataclass(frozen=True)
class Alignment:
    """The result of aligning a corpus, with look-ups the UI needs on every keypress."""

    articles: tuple[Article, ...]
    pairs: tuple[Pair, ...]
    groups: tuple[Group, ...]
    discrepancies: tuple[Discrepancy, ...]
    threshold: float = DEFAULT_THRESHOLD
    _partners: dict[SentenceRef, list[tuple[SentenceRef, float]]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _group_of: dict[SentenceRef, Group] = field(default_factory=dict, repr=False, compare=False)
    _discrepancies_of: dict[SentenceRef, list[Discrepancy]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        for pair in self.pairs:
            self._partners.setdefault(pair.a, []).append((pair.b, pair.score))
            self._partners.setdefault(pair.b, []).append((pair.a, pair.score))
        for partners in self._partners.values():
            partners.sort(key=lambda item: (-item[1], item[0]))
        for group in self.groups:
            for member in group.members:
                self._group_of[member] = group
        for disc in self.discrepancies:
            for side in (disc.a, disc.b):
                ref = SentenceRef(side.doc, side.sentence)
                self._discrepancies_of.setdefault(ref, []).append(disc)

    def partners(self, ref: SentenceRef) -> list[tuple[SentenceRef, float]]:
        """Sentences of other articles matched with ``ref``, best first."""
        return self._partners.get(ref, [])

    def best_partner_in(self, ref: SentenceRef, doc: int) -> tuple[SentenceRef, float] | None:
        """The best match of ``ref`` in article ``doc``, or None."""
        for other, score in self.partners(ref):
            if other.doc == doc:
                return other, score
        return None

    def group_of(self, ref: SentenceRef) -> Group | None:
        """The group holding ``ref``; None for unique sentences."""
        return self._group_of.get(ref)

    def discrepancies_of(self, ref: SentenceRef) -> list[Discrepancy]:
        """Contradiction candidates that involve ``ref``."""
        return self._discrepancies_of.get(ref, [])


def align_corpus(
    articles: Sequence[Article],
    threshold: float = DEFAULT_THRESHOLD,
    progress: Progress | None = None,
) -> Alignment:
    """Align every article with every other and group the matches."""
    pairs: list[Pair] = []
    total = max(1, len(articles) * (len(articles) - 1) // 2)
    done = 0
    for i, art_a in enumerate(articles):
        for j in range(i + 1, len(articles)):
            art_b = articles[j]
            for sa in art_a.body_sentences:
                best = None
                for sb in art_b.body_sentences:
                    score = fuzz.token_set_ratio(sa.text, sb.text)
                    if score >= threshold and (best is None or score > best[1]):
                        best = (sb, score)
                if best is not None:
                    pairs.append(
                        Pair(
                            SentenceRef(i, sa.index), SentenceRef(j, best[0].index), float(best[1])
                        )
                    )
            done += 1
            if progress:
                progress(done / total)
    groups = _groups(pairs)
    discrepancies: list[Discrepancy] = []
    for pair in pairs:
        discrepancies.extend(
            find_discrepancies(
                pair.a.doc,
                articles[pair.a.doc].sentences[pair.a.sentence],
                pair.b.doc,
                articles[pair.b.doc].sentences[pair.b.sentence],
            )
        )
    return Alignment(tuple(articles), tuple(pairs), groups, tuple(discrepancies), threshold)


def _groups(pairs: Sequence[Pair]) -> tuple[Group, ...]:
    parent: dict[SentenceRef, SentenceRef] = {}

    def find(x: SentenceRef) -> SentenceRef:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for pair in pairs:
        parent[find(pair.a)] = find(pair.b)
    clusters: dict[SentenceRef, list[SentenceRef]] = {}
    for ref in parent:
        clusters.setdefault(find(ref), []).append(ref)
    ordered = sorted((sorted(m) for m in clusters.values()), key=lambda m: m[0])
    return tuple(Group(i, tuple(m), len({r.doc for r in m})) for i, m in enumerate(ordered))
