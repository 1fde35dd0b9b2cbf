"""Every sentence pair that can reach a score, found and scored in bulk with numpy.

``Scorer.evidence`` is the reference; scoring every pair of a large corpus one by one is
what makes alignment slow. Here candidates come from an inverted index probed, per
sentence, with its rare stems and the prefix of its rarest stems (and of each clause's)
that any pair reaching the floor without a shared rare stem must share (exact prefix
filtering on containment, with the token-set ratio and shared count at their bounds).
Containment, shared and rare counts of each candidate are vectorised membership tests in
chunks; rapidfuzz runs, on both cores, only on pairs whose upper bound of ``z`` (token
set ratio at 100) reaches the floor, with the ratio they need as its cut-off. Same pairs
and scores as the reference over every pair.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from tui.core.scoring import (
    BIAS,
    CLAUSE_FACTOR,
    MIN_CLAUSE_SHARED,
    SENTENCE_MIN_WEIGHT,
    WEIGHT_CONTAINMENT,
    WEIGHT_RARE,
    WEIGHT_SHARED,
    WEIGHT_TOKEN_SET,
    Scorer,
    score_of,
    z_of,
)

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]

PROBE_HITS_PER_BLOCK = 300_000
"""Postings gathered at once while probing: bounds the memory of candidate generation."""
PAIRS_PER_CHUNK = 40_000
"""Candidate pairs whose features are computed at once: bounds the memory of scoring."""
WORKERS = 2
"""Threads scoring chunks of candidates (the target machine has two cores)."""
SLACK = 1e-9
"""Floating sums differ from the reference's in the last bits: bounds keep this margin."""


class _TermRows:
    """Rows of term ids with their weights, in flat CSR arrays, and a membership bitmap."""

    def __init__(self, rows: Sequence[Sequence[int]], width: int, bitmap: bool) -> None:
        lengths = np.fromiter((len(r) for r in rows), dtype=np.int64, count=len(rows))
        self.start = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum(lengths, out=self.start[1:])
        self.terms = np.fromiter((t for r in rows for t in r), dtype=np.int64)
        self.row = np.repeat(np.arange(len(rows), dtype=np.int64), lengths)
        self.width = width
        self.bits: npt.NDArray[np.uint8] | None = None
        self.count = len(rows)
        if bitmap:
            # set bit by bit into the packed map: a bool map first would take 8x the memory
            key = self.row * width + self.terms
            self.bits = np.zeros((len(rows) * width + 7) // 8, dtype=np.uint8)
            np.bitwise_or.at(self.bits, key >> 3, (1 << (key & 7)).astype(np.uint8))

    def has(self, rows: IntArray, terms: IntArray) -> npt.NDArray[np.bool_]:
        """Whether row ``rows[k]`` holds term ``terms[k]``."""
        assert self.bits is not None
        key = rows * self.width + terms
        found: npt.NDArray[np.bool_] = ((self.bits[key >> 3] >> (key & 7)) & 1).astype(bool)
        return found

    def expand(self, rows: IntArray) -> tuple[IntArray, IntArray]:
        """For each entry of ``rows``: its position in ``rows`` and each of its terms."""
        lengths = self.start[rows + 1] - self.start[rows]
        owner = np.repeat(np.arange(len(rows), dtype=np.int64), lengths)
        first = np.repeat(self.start[rows] - np.cumsum(lengths) + lengths, lengths)
        return owner, self.terms[first + np.arange(int(lengths.sum()), dtype=np.int64)]


def score_candidates(
    scorer: Scorer, floor: float, candidates: IntArray | None = None
) -> list[tuple[int, int, float]]:
    """``(low position, high position, score)`` of every pair of different articles
    scoring ``floor`` or more, sorted by positions (positions index ``scorer.profiles``).

    With ``candidates`` (sorted distinct ``low * len(profiles) + high`` keys), only those
    pairs are scored, with no search.
    """
    search = PairSearch(scorer)
    return search.search(floor) if candidates is None else search.score(candidates, floor)


class PairSearch:
    """The bulk arrays of a corpus, built once for any number of searches."""

    def __init__(self, scorer: Scorer) -> None:
        self.scorer = scorer
        profiles = scorer.profiles
        count = len(profiles)
        frequency: dict[str, int] = {}
        for p in profiles:
            for t in p.terms:
                frequency[t] = frequency.get(t, 0) + 1
        # Only stems of two sentences or more can be shared: the others weigh in the masses
        # but need no look-up.
        shareable = sorted(t for t, n in frequency.items() if n > 1)
        vocabulary = {t: i for i, t in enumerate(shareable)}
        weight = np.fromiter((scorer.idf[t] for t in shareable), dtype=np.float64)
        rare = (weight > scorer.rare_idf).astype(np.float64)
        width = max(1, len(shareable))
        sentences = _TermRows(
            [sorted(vocabulary[t] for t in p.terms if t in vocabulary) for p in profiles],
            width,
            bitmap=True,
        )
        mass = np.fromiter((p.mass for p in profiles), dtype=np.float64, count=count)
        doc = np.fromiter((p.doc for p in profiles), dtype=np.int64, count=count)
        owners = [pos for pos, p in enumerate(profiles) for _ in p.clauses]
        clauses = _TermRows(
            [
                sorted(vocabulary[t] for t in c if t in vocabulary)
                for p in profiles
                for c, _ in p.clauses
            ],
            width,
            bitmap=False,
        )
        clause_mass = np.fromiter((m for p in profiles for _, m in p.clauses), dtype=np.float64)
        clause_first = np.searchsorted(np.asarray(owners, dtype=np.int64), np.arange(count + 1))
        floor_mass = scorer.min_mass
        self.profiles = profiles
        self.count = count
        self.vocabulary = vocabulary
        self.weight = weight
        self.rare = rare
        self.width = width
        self.sentences = sentences
        self.mass = mass
        self.doc = doc
        self.owners = owners
        self.clauses = clauses
        self.clause_mass = clause_mass
        self.clause_first = clause_first
        self.floor_mass = floor_mass

    def search(self, floor: float) -> list[tuple[int, int, float]]:
        """Every pair of different articles scoring ``floor`` or more (see module doc)."""
        if self.count < 2:
            return []
        z_floor = z_of(floor) - 1e-6
        probes = _probe_rows(self.scorer, self.vocabulary, z_floor)
        keys = _candidate_keys(probes, self.sentences, self.doc, self.width)
        return self.score(keys, floor)

    def score(self, keys: IntArray, floor: float) -> list[tuple[int, int, float]]:
        """The pairs of ``keys`` (``low * count + high``) scoring ``floor`` or more."""
        scorer = self.scorer
        z_floor = z_of(floor) - 1e-6
        count = self.count
        weight = self.weight
        rare = self.rare
        sentences = self.sentences
        mass = self.mass
        owners = self.owners
        clauses = self.clauses
        clause_mass = self.clause_mass
        clause_first = self.clause_first
        floor_mass = self.floor_mass

        def score_chunk(chunk: IntArray) -> list[tuple[int, int, float]]:
            low, high = chunk // count, chunk % count
            overlap, shared, shared_rare = _shared(sentences, low, high, weight, rare)
            mass_low = np.maximum(mass[low], floor_mass)
            mass_high = np.maximum(mass[high], floor_mass)
            small, large = np.minimum(mass_low, mass_high), np.maximum(mass_low, mass_high)
            contain = (
                SENTENCE_MIN_WEIGHT * overlap / small + (1 - SENTENCE_MIN_WEIGHT) * overlap / large
            )
            if len(owners):
                # A clause's containment is at most its shared mass over the floor mass: pairs
                # that cannot reach the floor even so skip the clause work.
                clause_top = np.minimum(1.0, CLAUSE_FACTOR * overlap / floor_mass)
                bound = (
                    WEIGHT_CONTAINMENT * np.maximum(contain, clause_top)
                    + WEIGHT_SHARED * np.log1p(shared)
                    + WEIGHT_RARE * np.log1p(shared_rare)
                    + BIAS
                    + WEIGHT_TOKEN_SET
                )
                keep = (shared > 0) & (bound >= z_floor - SLACK)
                low, high, contain = low[keep], high[keep], contain[keep]
                shared, shared_rare = shared[keep], shared_rare[keep]
                contain = _with_clauses(
                    clauses,
                    clause_first,
                    clause_mass,
                    sentences,
                    low,
                    high,
                    contain,
                    weight,
                    floor_mass,
                )
            z_rest = (
                WEIGHT_CONTAINMENT * contain
                + WEIGHT_SHARED * np.log1p(shared)
                + WEIGHT_RARE * np.log1p(shared_rare)
                + BIAS
            )
            keep = (shared > 0) & (z_rest + WEIGHT_TOKEN_SET >= z_floor - SLACK)
            return list(_exact(scorer, low[keep], high[keep], z_rest[keep], z_floor, floor))

        chunks = [keys[i : i + PAIRS_PER_CHUNK] for i in range(0, len(keys), PAIRS_PER_CHUNK)]
        if len(chunks) < 2:
            return [found for chunk in chunks for found in score_chunk(chunk)]
        # numpy and rapidfuzz release the GIL in the bulk work: two threads use both cores
        # with no process start-up and no copy of the arrays (safe under the UI's workers).
        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            return [found for part in pool.map(score_chunk, chunks) for found in part]


def _exact(
    scorer: Scorer, low: IntArray, high: IntArray, z_rest: FloatArray, z_floor: float, floor: float
) -> Iterator[tuple[int, int, float]]:
    """Pairs whose token-set ratio lifts them to ``floor``, with their scores."""
    if not len(low):
        return
    need = np.maximum(0.0, (z_floor - z_rest) / WEIGHT_TOKEN_SET * 100.0 - 1e-6)
    texts = [p.normalized for p in scorer.profiles]
    ratios = process.cpdist(
        [texts[i] for i in low.tolist()],
        [texts[j] for j in high.tolist()],
        scorer=fuzz.token_set_ratio,
        score_cutoff=float(need.min()),
        dtype=np.float64,
        workers=1,
    )
    for x, y, rest, ratio in zip(
        low.tolist(), high.tolist(), z_rest.tolist(), ratios.tolist(), strict=True
    ):
        score = score_of(rest + WEIGHT_TOKEN_SET * ratio / 100.0)
        if score >= floor:
            yield x, y, score


def _shared(
    sentences: _TermRows, low: IntArray, high: IntArray, weight: FloatArray, rare: FloatArray
) -> tuple[FloatArray, IntArray, IntArray]:
    """IDF mass, count and rare count of the stems sentences ``low[k]`` and ``high[k]`` share."""
    owner, terms = sentences.expand(low)
    hit = sentences.has(high[owner], terms)
    owner, terms = owner[hit], terms[hit]
    size = len(low)
    mass = np.bincount(owner, weights=weight[terms], minlength=size)
    shared = np.bincount(owner, minlength=size)
    shared_rare = np.bincount(owner, weights=rare[terms], minlength=size)
    return mass.astype(np.float64), shared.astype(np.int64), shared_rare.astype(np.int64)


def _with_clauses(
    clauses: _TermRows,
    first: IntArray,
    clause_mass: FloatArray,
    sentences: _TermRows,
    low: IntArray,
    high: IntArray,
    contain: FloatArray,
    weight: FloatArray,
    floor_mass: float,
) -> FloatArray:
    """``contain`` raised by the containment of any clause of either side in the other."""
    contain = contain.copy()
    for own, other in ((low, high), (high, low)):
        lengths = first[own + 1] - first[own]
        pair = np.repeat(np.arange(len(own), dtype=np.int64), lengths)
        if not len(pair):
            continue
        base = np.repeat(first[own] - np.cumsum(lengths) + lengths, lengths)
        clause = base + np.arange(len(pair), dtype=np.int64)
        owner, terms = clauses.expand(clause)
        hit = sentences.has(other[pair][owner], terms)
        inside = np.bincount(owner[hit], weights=weight[terms[hit]], minlength=len(clause))
        shared = np.bincount(owner[hit], minlength=len(clause))
        share = CLAUSE_FACTOR * inside / np.maximum(clause_mass[clause], floor_mass)
        share[shared < MIN_CLAUSE_SHARED] = 0.0
        np.maximum.at(contain, pair, share)
    return contain


def _probe_rows(scorer: Scorer, vocabulary: dict[str, int], z_floor: float) -> list[list[int]]:
    """Per sentence, the stem ids a pair reaching ``z_floor`` must share one of.

    Either the pair shares a rare stem, or (no rare stem) its containment must reach
    ``need``, the value that lifts ``z`` to the floor with the token-set ratio at 100 and
    as many shared stems as the sentence has; then the side carrying that containment (a
    whole sentence or a clause) shares one stem of its prefix of rarest stems.
    """
    idf = scorer.idf
    rows: list[list[int]] = []
    for profile in scorer.profiles:
        top = WEIGHT_TOKEN_SET + WEIGHT_SHARED * math.log1p(len(profile.terms)) + BIAS
        need = (z_floor - top) / WEIGHT_CONTAINMENT
        wanted = {t for t in profile.terms if idf[t] > scorer.rare_idf}
        wanted |= _prefix(profile.terms, profile.mass, need, idf, scorer.min_mass)
        for terms, mass in profile.clauses:
            wanted |= _prefix(terms, mass, need / CLAUSE_FACTOR, idf, scorer.min_mass)
        rows.append(sorted(vocabulary[t] for t in wanted if t in vocabulary))
    return rows


def _prefix(
    terms: frozenset[str], mass: float, need: float, idf: dict[str, float], floor_mass: float
) -> set[str]:
    """The rarest stems of a set outside which less than ``need`` of its mass remains."""
    if need <= 0.0:
        return set(terms)
    if need > 1.0:
        return set()
    rest = mass
    enough = need * max(mass, floor_mass) - SLACK * max(mass, floor_mass)
    prefix: set[str] = set()
    for t in sorted(terms, key=lambda t: (-idf[t], t)):
        if rest < enough:
            break
        prefix.add(t)
        rest -= idf[t]
    return prefix


def _candidate_keys(
    probes: Sequence[Sequence[int]], sentences: _TermRows, doc: IntArray, width: int
) -> IntArray:
    """Sorted unique ``low * count + high`` keys of cross-article pairs the probes reach."""
    count = len(doc)
    order = np.argsort(sentences.terms, kind="stable")
    posting = sentences.row[order]
    starts = np.zeros(width + 1, dtype=np.int64)
    np.cumsum(np.bincount(sentences.terms, minlength=width), out=starts[1:])
    df = starts[1:] - starts[:-1]
    found: list[IntArray] = []
    row = 0
    while row < count:
        hits, end = 0, row
        while end < count and (end == row or hits < PROBE_HITS_PER_BLOCK):
            hits += int(df[probes[end]].sum()) if probes[end] else 0
            end += 1
        block = probes[row:end]
        lengths = np.fromiter((len(r) for r in block), dtype=np.int64, count=len(block))
        flat = np.fromiter((t for r in block for t in r), dtype=np.int64, count=int(lengths.sum()))
        prober = np.repeat(np.arange(row, end, dtype=np.int64), lengths)
        sizes = df[flat]
        base = np.repeat(starts[flat] - np.cumsum(sizes) + sizes, sizes)
        target = posting[base + np.arange(int(sizes.sum()), dtype=np.int64)]
        source = np.repeat(prober, sizes)
        cross = doc[source] != doc[target]
        source, target = source[cross], target[cross]
        found.append(_distinct(np.minimum(source, target) * count + np.maximum(source, target)))
        row = end
    return _distinct(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)


def _distinct(keys: IntArray) -> IntArray:
    """Sorted distinct keys (a sort and a diff: numpy's hash-based unique is slower here)."""
    keys = np.sort(keys)
    if len(keys):
        keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]
    return keys
