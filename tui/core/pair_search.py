"""Every sentence pair that can reach a score, found and scored in bulk with numpy.

``Scorer.score`` is the reference; scoring hundreds of thousands of candidate pairs one by
one in Python is what made alignment slow at scale. Here sentences and clauses are
sorted arrays of term ids with IDF weights, candidates come from the inverted index of
each sentence's (and clause's) rarest terms (exact prefix filtering, as in
``Scorer.candidates``), the shared IDF mass of every candidate pair is one vectorised
membership test, and rapidfuzz runs only on pairs whose containment alone could reach
the floor. The result equals scoring every candidate with ``Scorer.score``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz

from tui.core.scoring import (
    CLAUSE_FACTOR,
    FUZZ_WEIGHT,
    MIN_SHARED_TERMS,
    SENTENCE_MIN_WEIGHT,
    Scorer,
    SentenceProfile,
)

BITMAP_LIMIT = 8 * 64 * 1024 * 1024
"""Sentences x shared terms up to this many bits get a bitmap for membership (64 MiB);
larger corpora fall back to binary search over the sorted keys."""

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]


class _TermRows:
    """Rows of term ids (sorted) with their weights, in flat CSR arrays."""

    def __init__(
        self, rows: Sequence[Sequence[int]], weight: FloatArray, width: int, mass: FloatArray
    ) -> None:
        lengths = np.fromiter((len(r) for r in rows), dtype=np.int64, count=len(rows))
        self.start = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum(lengths, out=self.start[1:])
        flat = np.fromiter((t for r in rows for t in sorted(r)), dtype=np.int64)
        self.terms = flat
        self.row = np.repeat(np.arange(len(rows), dtype=np.int64), lengths)
        self.keys = self.row * width + flat
        self.mass = mass
        self.shareable = np.bincount(self.row, weights=weight[flat], minlength=len(rows))
        """IDF mass of the terms another sentence may share: bounds any overlap."""
        """IDF mass of all the row's terms, those no other sentence has included."""
        self.width = width
        self.bitmap: npt.NDArray[np.uint8] | None = None
        if len(rows) * width <= BITMAP_LIMIT:
            bits = np.zeros(len(rows) * width, dtype=bool)
            bits[self.keys] = True
            self.bitmap = np.packbits(bits, bitorder="little")

    def has(self, wanted: IntArray) -> npt.NDArray[np.bool_]:
        """Whether each ``row * width + term`` key is present."""
        if self.bitmap is not None:
            bits = (self.bitmap[wanted >> 3] >> (wanted & 7).astype(np.uint8)) & 1
            found: npt.NDArray[np.bool_] = bits.astype(bool)
            return found
        at = np.searchsorted(self.keys, wanted)
        at[at == len(self.keys)] = 0
        present: npt.NDArray[np.bool_] = self.keys[at] == wanted
        return present

    def expand(self, rows: IntArray) -> tuple[IntArray, IntArray]:
        """For each entry of ``rows``: its position in ``rows`` and each of its terms."""
        lengths = self.start[rows + 1] - self.start[rows]
        owner = np.repeat(np.arange(len(rows), dtype=np.int64), lengths)
        first = np.repeat(self.start[rows] - np.cumsum(lengths) + lengths, lengths)
        return owner, self.terms[first + np.arange(int(lengths.sum()), dtype=np.int64)]


def _shared(
    rows: _TermRows,
    left: IntArray,
    sentences: _TermRows,
    right: IntArray,
    weight: FloatArray,
) -> tuple[FloatArray, IntArray]:
    """IDF mass and count of the terms of row ``left[k]`` that sentence ``right[k]`` has."""
    owner, terms = rows.expand(left)
    wanted = right[owner] * sentences.width + terms
    hit = sentences.has(wanted)
    size = len(left)
    mass = np.bincount(owner[hit], weights=weight[terms[hit]], minlength=size)
    count = np.bincount(owner[hit], minlength=size)
    return mass.astype(np.float64), count.astype(np.int64)


def score_candidates(scorer: Scorer, floor: float) -> list[tuple[int, int, float]]:
    """``(low position, high position, score)`` of every pair scoring ``floor`` or more.

    Positions index ``scorer.profiles``; pairs come sorted by positions. Same pairs and
    scores as ``Scorer.score`` over ``Scorer.candidates`` (floating sums may differ in
    the last bit).
    """
    profiles: Sequence[SentenceProfile] = scorer.profiles
    count = len(profiles)
    if count < 2:
        return []
    # Only terms of two or more sentences can be shared: the others count in the masses
    # but never need a look-up.
    frequency: dict[str, int] = {}
    for p in profiles:
        for t in p.terms:
            frequency[t] = frequency.get(t, 0) + 1
    shareable = sorted(t for t, n in frequency.items() if n > 1)
    vocabulary = {t: i for i, t in enumerate(shareable)}
    weight = np.fromiter((scorer.idf[t] for t in shareable), dtype=np.float64)
    width = max(1, len(vocabulary))
    sentences = _TermRows(
        [[vocabulary[t] for t in p.terms if t in vocabulary] for p in profiles],
        weight,
        width,
        np.fromiter((p.mass for p in profiles), dtype=np.float64, count=count),
    )
    clause_owner: list[int] = []
    clause_rows: list[list[int]] = []
    clause_mass: list[float] = []
    for position, profile in enumerate(profiles):
        for terms, mass in profile.clauses:
            clause_owner.append(position)
            clause_rows.append([vocabulary[t] for t in terms if t in vocabulary])
            clause_mass.append(mass)
    clauses = _TermRows(clause_rows, weight, width, np.asarray(clause_mass, dtype=np.float64))
    owners = np.asarray(clause_owner, dtype=np.int64)
    doc = np.fromiter((p.doc for p in profiles), dtype=np.int64, count=count)

    pairs = _candidate_pairs(scorer, floor, vocabulary, doc, weight, sentences, clauses, owners)
    low, high = pairs // count, pairs % count

    overlap, shared = _shared(sentences, low, sentences, high, weight)
    min_mass = scorer.min_mass
    mass_low = np.maximum(sentences.mass[low], min_mass)
    mass_high = np.maximum(sentences.mass[high], min_mass)
    small, large = np.minimum(mass_low, mass_high), np.maximum(mass_low, mass_high)
    best = SENTENCE_MIN_WEIGHT * overlap / small + (1 - SENTENCE_MIN_WEIGHT) * overlap / large
    ceiling = np.minimum(1.0, np.maximum(overlap / small, CLAUSE_FACTOR * overlap / min_mass))
    fuzz_part = FUZZ_WEIGHT * 100.0
    keep = (shared >= MIN_SHARED_TERMS) & ((1 - FUZZ_WEIGHT) * 100.0 * ceiling + fuzz_part >= floor)
    low, high, best = low[keep], high[keep], best[keep]

    if len(owners):
        best = _with_clauses(clauses, owners, sentences, low, high, best, weight, min_mass)
    can_pass = (1 - FUZZ_WEIGHT) * 100.0 * np.minimum(best, 1.0) + fuzz_part >= floor
    out: list[tuple[int, int, float]] = []
    for x, y, b in zip(
        low[can_pass].tolist(), high[can_pass].tolist(), best[can_pass].tolist(), strict=True
    ):
        ratio = fuzz.token_set_ratio(profiles[x].normalized, profiles[y].normalized)
        score = round((1 - FUZZ_WEIGHT) * 100.0 * min(b, 1.0) + FUZZ_WEIGHT * ratio, 1)
        if score >= floor:
            out.append((x, y, score))
    return out


def _with_clauses(
    clauses: _TermRows,
    owners: IntArray,
    sentences: _TermRows,
    low: IntArray,
    high: IntArray,
    best: FloatArray,
    weight: FloatArray,
    min_mass: float,
) -> FloatArray:
    """``best`` raised by the containment of any clause of either side in the other."""
    best = best.copy()
    first = np.searchsorted(owners, np.arange(len(sentences.mass) + 1))
    for own, other in ((low, high), (high, low)):
        lengths = first[own + 1] - first[own]
        pair = np.repeat(np.arange(len(own), dtype=np.int64), lengths)
        if not len(pair):
            continue
        base = np.repeat(first[own] - np.cumsum(lengths) + lengths, lengths)
        clause = base + np.arange(len(pair), dtype=np.int64)
        mass, shared = _shared(clauses, clause, sentences, other[pair], weight)
        share = CLAUSE_FACTOR * mass / np.maximum(clauses.mass[clause], min_mass)
        share[shared < MIN_SHARED_TERMS] = 0.0
        np.maximum.at(best, pair, share)
    return best


def _candidate_pairs(
    scorer: Scorer,
    floor: float,
    vocabulary: dict[str, int],
    doc: IntArray,
    weight: FloatArray,
    sentences: _TermRows,
    clauses: _TermRows,
    owners: IntArray,
) -> IntArray:
    """Sorted unique ``low * count + high`` keys of cross-article pairs that may pass.

    A pair reaches ``floor`` only through its whole-sentence containment (then the side
    with less mass shares one of its prefix terms) or a clause's (then that clause shares
    one of its own). Each stream probes the index with those prefixes, and an AllPairs
    bound (what the probes share plus the probing side's mass outside them) drops pairs
    that cannot reach the containment needed.
    """
    count = len(doc)
    need = scorer.required_containment(floor)
    min_mass = scorer.min_mass
    postings = _Postings(sentences, len(vocabulary))
    order = np.lexsort((np.arange(count), np.maximum(sentences.mass, min_mass)))
    rank = np.empty(count, dtype=np.int64)
    rank[order] = np.arange(count, dtype=np.int64)

    rows = [
        [vocabulary[t] for t in scorer._prefix(p.terms, p.mass, need) if t in vocabulary]
        for p in scorer.profiles
    ]
    prober, target, shared_mass, shared_count = postings.probe(rows, weight)
    keep = (doc[prober] != doc[target]) & (rank[target] > rank[prober])
    prober, target = prober[keep], target[keep]
    mass, terms = sentences.mass[prober], sentences.start[prober + 1] - sentences.start[prober]
    outside = sentences.shareable[prober] - _row_mass(rows, weight)[prober]
    bound = shared_mass[keep] + outside + 1e-9
    passes = (bound >= need * np.maximum(mass, min_mass)) & (
        shared_count[keep] + terms - _row_len(rows)[prober] >= MIN_SHARED_TERMS
    )
    found = [np.minimum(prober, target)[passes] * count + np.maximum(prober, target)[passes]]

    if len(owners):
        clause_need = need / CLAUSE_FACTOR
        rows = [
            [vocabulary[t] for t in scorer._prefix(terms_, mass_, clause_need) if t in vocabulary]
            for p in scorer.profiles
            for terms_, mass_ in p.clauses
        ]
        clause, target, shared_mass, shared_count = postings.probe(rows, weight)
        source = owners[clause]
        keep = doc[source] != doc[target]
        clause, source, target = clause[keep], source[keep], target[keep]
        mass = clauses.mass[clause]
        outside = clauses.shareable[clause] - _row_mass(rows, weight)[clause]
        bound = shared_mass[keep] + outside + 1e-9
        terms = clauses.start[clause + 1] - clauses.start[clause]
        passes = (bound >= clause_need * np.maximum(mass, min_mass)) & (
            shared_count[keep] + terms - _row_len(rows)[clause] >= MIN_SHARED_TERMS
        )
        low, high = np.minimum(source, target)[passes], np.maximum(source, target)[passes]
        found.append(low * count + high)
    keys = np.sort(np.concatenate(found))
    return keys[np.concatenate(([True], keys[1:] != keys[:-1]))] if len(keys) else keys


def _row_mass(rows: Sequence[Sequence[int]], weight: FloatArray) -> FloatArray:
    lengths = _row_len(rows)
    flat = np.fromiter((t for r in rows for t in r), dtype=np.int64, count=int(lengths.sum()))
    owner = np.repeat(np.arange(len(rows), dtype=np.int64), lengths)
    return np.bincount(owner, weights=weight[flat], minlength=len(rows)).astype(np.float64)


def _row_len(rows: Sequence[Sequence[int]]) -> IntArray:
    return np.fromiter((len(r) for r in rows), dtype=np.int64, count=len(rows))


class _Postings:
    """Inverted index: for each term id, the sentences that have it."""

    def __init__(self, sentences: _TermRows, width: int) -> None:
        order = np.argsort(sentences.terms, kind="stable")
        self.sentence = sentences.row[order]
        self.start = np.zeros(width + 1, dtype=np.int64)
        np.cumsum(np.bincount(sentences.terms, minlength=width), out=self.start[1:])

    def probe(
        self, rows: Sequence[Sequence[int]], weight: FloatArray
    ) -> tuple[IntArray, IntArray, FloatArray, IntArray]:
        """Distinct (row, sentence) hits of each row's terms, with shared mass and count."""
        lengths = _row_len(rows)
        flat = np.fromiter((t for r in rows for t in r), dtype=np.int64, count=int(lengths.sum()))
        prober = np.repeat(np.arange(len(rows), dtype=np.int64), lengths)
        hits = self.start[flat + 1] - self.start[flat]
        base = np.repeat(self.start[flat] - np.cumsum(hits) + hits, hits)
        target = self.sentence[base + np.arange(int(hits.sum()), dtype=np.int64)]
        source = np.repeat(prober, hits)
        gained = np.repeat(weight[flat], hits)
        width = int(self.sentence.max(initial=0)) + 1
        keys = source * width + target
        order = np.argsort(keys, kind="stable")
        keys = keys[order]
        first = np.concatenate(([True], keys[1:] != keys[:-1])) if len(keys) else keys.astype(bool)
        group = np.cumsum(first) - 1
        mass = np.bincount(group, weights=gained[order]).astype(np.float64)
        shared = np.bincount(group).astype(np.int64)
        unique = keys[first]
        return unique // width, unique % width, mass, shared
