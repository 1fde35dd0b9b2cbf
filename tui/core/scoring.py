"""How alike two sentences are, and which pairs are worth scoring at all.

The score (0-100) answers "does one sentence report what the other reports?":
the IDF-weighted share of the shorter sentence's informative terms that the
other carries (asymmetric containment), or the same share for one clause when
only a clause is restated, blended with rapidfuzz's token-set ratio on the
normalised text. Rare words (names, numbers, places) weigh most; stopwords
nothing.

Candidate generation is exact prefix filtering: a pair can only reach a
containment ``t`` if the shorter side shares one of its rarest terms, the ones
whose mass exceeds ``1 - t`` of it. Each sentence (and clause) probes an
inverted index with those terms only, so common words of a long story never
produce candidates by themselves.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from tui.core.normalize import build_variant_map, clause_terms, normalize_text

FUZZ_WEIGHT = 0.15
"""Share of the score given to rapidfuzz's token-set ratio of the normalised texts."""
SENTENCE_MIN_WEIGHT = 0.7
"""In the whole-sentence part: weight of containment in the shorter sentence (rest: longer)."""
CLAUSE_FACTOR = 0.9
"""A clause fully restated scores a little below a whole sentence fully restated."""
MIN_CLAUSE_TERMS = 3
"""Shorter clauses ("he said") are not evidence on their own."""
MIN_SHARED_TERMS = 2
"""One shared word, however rare, is a coincidence, not a restatement."""
MIN_MASS_IN_RARE_WORDS = 2.5
"""Containment is measured against at least this many of the rarest words' weight, so a
fragment ("Ukrainian capital.") or a short clause ("the northern city of Chernihiv") is
not "fully contained" in every sentence that happens to repeat its two common words."""


@dataclass(frozen=True, slots=True)
class SentenceProfile:
    """What the scorer knows of one sentence: weighted terms, clauses, normalised text."""

    doc: int
    sentence: int
    terms: frozenset[str]
    mass: float
    """Sum of the IDF weights of ``terms``."""
    clauses: tuple[tuple[frozenset[str], float], ...]
    """Term sets of the clauses worth matching alone, with their mass."""
    normalized: str


def build_profiles(
    sentences: Sequence[tuple[int, int, str]],
) -> tuple[list[SentenceProfile], dict[str, float]]:
    """Profiles for ``(doc, sentence index, text)`` triples, and the IDF of every term.

    IDF is computed over these sentences, so "Russia" weighs little in a corpus about
    Russia and a lot in one about a shooting in Tennessee.
    """
    variants = build_variant_map(text for _, _, text in sentences)
    split = [clause_terms(text, variants) for _, _, text in sentences]
    term_sets = [frozenset(t for clause in pieces for t in clause) for pieces in split]
    df: Counter[str] = Counter()
    for terms in term_sets:
        df.update(terms)
    total = len(sentences) + 1
    idf = {term: math.log(1.0 + total / count) for term, count in df.items()}
    profiles: list[SentenceProfile] = []
    for (doc, index, text), terms, pieces in zip(sentences, term_sets, split, strict=True):
        clause_sets: list[tuple[frozenset[str], float]] = []
        if len(terms) > MIN_CLAUSE_TERMS and len(pieces) > 1:
            for piece in pieces:
                piece_terms = frozenset(piece)
                if MIN_CLAUSE_TERMS <= len(piece_terms) < len(terms):
                    clause_sets.append((piece_terms, sum(idf[t] for t in piece_terms)))
        profiles.append(
            SentenceProfile(
                doc=doc,
                sentence=index,
                terms=terms,
                mass=sum(idf[t] for t in terms),
                clauses=tuple(clause_sets),
                normalized=normalize_text(text, variants),
            )
        )
    return profiles, idf


class Scorer:
    """Scores sentence pairs and finds the candidate pairs that can reach a threshold."""

    def __init__(self, profiles: Sequence[SentenceProfile], idf: dict[str, float]) -> None:
        self.profiles = profiles
        self.idf = idf
        self.min_mass = MIN_MASS_IN_RARE_WORDS * max(idf.values(), default=1.0)
        self._index: dict[str, list[int]] = {}
        for position, profile in enumerate(profiles):
            for t in profile.terms:
                self._index.setdefault(t, []).append(position)

    def score(
        self, first: SentenceProfile, second: SentenceProfile, floor: float | None = None
    ) -> float:
        """Similarity 0-100 of two sentences; 0 when they share too little to be related.

        With ``floor``, returns 0 early when the pair cannot reach it (same result for
        every pair that can: the check is an upper bound of the score).
        """
        shared = first.terms & second.terms
        if len(shared) < MIN_SHARED_TERMS:
            return 0.0
        idf = self.idf
        overlap = sum(idf[t] for t in shared)
        small, large = sorted((max(first.mass, self.min_mass), max(second.mass, self.min_mass)))
        best = SENTENCE_MIN_WEIGHT * overlap / small + (1 - SENTENCE_MIN_WEIGHT) * overlap / large
        if floor is not None:
            ceiling = min(1.0, max(overlap / small, CLAUSE_FACTOR * overlap / self.min_mass))
            if (1 - FUZZ_WEIGHT) * 100.0 * ceiling + FUZZ_WEIGHT * 100.0 < floor:
                return 0.0
        for own, other in ((first, second), (second, first)):
            for terms_of_clause, clause_mass in own.clauses:
                inside = terms_of_clause & other.terms
                if len(inside) >= MIN_SHARED_TERMS:
                    inside_mass = sum(idf[t] for t in inside)
                    clause_share = inside_mass / max(clause_mass, self.min_mass)
                    best = max(best, CLAUSE_FACTOR * clause_share)
        ratio = fuzz.token_set_ratio(first.normalized, second.normalized)
        return round((1 - FUZZ_WEIGHT) * 100.0 * min(best, 1.0) + FUZZ_WEIGHT * ratio, 1)

    def required_containment(self, threshold: float) -> float:
        """The containment a pair needs at least to reach ``threshold`` (fuzz part at 100)."""
        return max(0.0, (threshold - FUZZ_WEIGHT * 100.0) / ((1 - FUZZ_WEIGHT) * 100.0))

    def probe_terms(self, profile: SentenceProfile, threshold: float) -> set[str]:
        """The rarest terms of the sentence and of each clause that any match must share."""
        need = self.required_containment(threshold)
        probes = self._prefix(profile.terms, profile.mass, need)
        for terms, mass in profile.clauses:
            probes |= self._prefix(terms, mass, need / CLAUSE_FACTOR)
        return probes

    def _prefix(self, terms: Iterable[str], mass: float, need: float) -> set[str]:
        if need > 1.0:
            return set()
        idf = self.idf
        rest = mass
        # containment is measured against at least ``min_mass`` (see ``score``)
        enough = need * max(mass, self.min_mass) - 1e-9
        prefix: set[str] = set()
        for t in sorted(terms, key=lambda t: (-idf[t], t)):
            if rest < enough:
                break
            prefix.add(t)
            rest -= idf[t]
        return prefix

    def candidates(self, position: int, threshold: float) -> set[int]:
        """Positions of other-article sentences that may score ``threshold`` with this one."""
        profile = self.profiles[position]
        found: set[int] = set()
        for t in self.probe_terms(profile, threshold):
            found.update(self._index[t])
        doc = profile.doc
        return {p for p in found if self.profiles[p].doc != doc}
