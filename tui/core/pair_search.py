"""Every sentence pair that can reach a score, found and scored in bulk with numpy.

``Scorer.evidence`` is the reference; scoring every pair of a large corpus one by one is
what makes alignment slow. Here candidates come from an inverted index probed, per
sentence, with its rare stems and the prefix of its rarest stems (and of each clause's)
that any pair reaching the floor without a shared rare stem must share (exact prefix
filtering on containment, with the token-set ratio and shared count at their bounds).
Containment, shared and rare counts of each candidate are vectorised membership tests in
chunks; rapidfuzz runs, on both cores, only on pairs whose upper bound of ``z`` (token
set ratio at 100) reaches the floor, with the ratio they need as its cut-off, once per pair
of distinct token sets. Same pairs and scores as the reference over every pair.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from itertools import pairwise

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from tui.core.normalize import STOPWORDS, term
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
    SentenceProfile,
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
BOUND_FROM_PAIRS = 20_000
"""Candidate pairs from which the token-set bound is worth building (the seeds have fewer)."""
PARALLEL_FROM_PAIRS = 4_000
"""Pairs from which one rapidfuzz call is worth spreading over threads."""
EXACT_GROUPS = 8
"""Groups of candidate pairs, by the token-set ratio they need, each scored with its own
rapidfuzz cut-off."""
SLACK = 1e-9
"""Floating sums differ from the reference's in the last bits: bounds keep this margin."""


class _TermRows:
    """Rows of term ids (each sorted), in flat CSR arrays, and a membership bitmap."""

    def __init__(self, rows: Sequence[Sequence[int]], width: int, bitmap: bool) -> None:
        lengths = np.fromiter((len(r) for r in rows), dtype=np.int64, count=len(rows))
        self.start = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum(lengths, out=self.start[1:])
        terms = np.fromiter((t for r in rows for t in r), dtype=np.int64)
        self.row = np.repeat(np.arange(len(rows), dtype=np.int64), lengths)
        # each row sorted by id (one sort of row-major keys, not one sort per row)
        self.terms = np.sort(self.row * width + terms) - self.row * width
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
        # Ids in one global order, rarest first (IDF descending, then the stem): sorted rows
        # are then in prefix-filtering order.
        idf = scorer.idf
        shareable = [t for _, t in sorted((-idf[t], t) for t, n in frequency.items() if n > 1)]
        vocabulary = {t: i for i, t in enumerate(shareable)}
        weight = np.fromiter((scorer.idf[t] for t in shareable), dtype=np.float64)
        rare = (weight > scorer.rare_idf).astype(np.float64)
        width = max(1, len(shareable))
        rows: dict[frozenset[str], list[int]] = {}

        def row_of(terms: frozenset[str]) -> list[int]:
            # repeated sentences share their stem sets: each is looked up once
            found = rows.get(terms)
            if found is None:
                found = rows[terms] = [vocabulary[t] for t in terms if t in vocabulary]
            return found

        sentences = _TermRows([row_of(p.terms) for p in profiles], width, bitmap=True)
        mass = np.fromiter((p.mass for p in profiles), dtype=np.float64, count=count)
        doc = np.fromiter((p.doc for p in profiles), dtype=np.int64, count=count)
        owners = [pos for pos, p in enumerate(profiles) for _ in p.clauses]
        clauses = _TermRows(
            [row_of(c) for p in profiles for c, _ in p.clauses],
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
        self._token_set: _TokenSetBound | None = None
        self._token_sets: tuple[list[str], IntArray] | None = None

    def search(self, floor: float) -> list[tuple[int, int, float]]:
        """Every pair of different articles scoring ``floor`` or more (see module doc)."""
        if self.count < 2:
            return []
        z_floor = z_of(floor) - 1e-6
        return self.score(self.candidates(z_floor), floor)

    def candidates(self, z_floor: float) -> IntArray:
        """Sorted distinct ``low * count + high`` keys of the pairs that may reach ``z_floor``.

        A pair reaching it either shares a rare stem (probed and indexed whole) or, sharing
        none, has containment at least ``need``: the value that lifts ``z`` to the floor with
        the token-set ratio at 100 and as many shared stems as the shorter row holds. Its
        shared IDF mass is then at least ``need`` times the smaller side's floored mass (or
        ``need / CLAUSE_FACTOR`` times a clause's). With stems in the global order, the first
        stem the pair shares lies in the smaller side's short prefix (its probe) and in the
        larger side's long prefix (floor mass only: its index row), since a suffix lighter
        than the overlap cannot hold it all (prefix filtering on both sides). A hit on stem
        ``t`` also bounds the overlap by the lighter of the two suffixes from ``t`` on
        (positional filtering): hits below the pair's least possible overlap are dropped.
        """
        sentences, width = self.sentences, self.width
        floor_mass = self.floor_mass
        terms, row = sentences.terms, sentences.row
        entry_weight = self.weight[terms]
        tail = _row_tails(entry_weight, sentences.start)
        lengths = np.diff(sentences.start)
        need_of_length = _need(z_floor, np.arange(int(lengths.max(initial=0)) + 1))
        need = need_of_length[lengths]
        rare = self.rare[terms] > 0
        slack = 1e-6
        # short prefix: the overlap reaches need x own floored mass as the smaller side
        own = need * np.maximum(self.mass, floor_mass)
        # A pair with no rare stem whose overlap needs more than one stem can hold (every
        # such stem weighs at most ``rare_idf``) shares two stems or more; the second lies
        # where the suffix still reaches the overlap less the first stem's weight. Prefixes
        # are lengthened by that weight and such pairs need two hits (see _candidate_keys).
        second = self.scorer.rare_idf
        probe = (
            rare | (need[row] <= 0.0) | ((need[row] <= 1.0) & (tail >= own[row] - second - slack))
        )
        if len(self.owners):
            clause_need = need[self.owners] / CLAUSE_FACTOR
            clause_rows = self.clauses
            clause_tail = _row_tails(self.weight[clause_rows.terms], clause_rows.start)
            enough = clause_need * np.maximum(self.clause_mass, floor_mass)
            at = clause_rows.row
            marked = (clause_need[at] <= 0.0) | (
                (clause_need[at] <= 1.0) & (clause_tail >= enough[at] - second - slack)
            )
            owner = np.asarray(self.owners, dtype=np.int64)[at[marked]]
            key = row * width + terms
            probe[np.searchsorted(key, owner * width + clause_rows.terms[marked])] = True
        # long prefix: as the larger side only the floor mass bounds the overlap from below
        index = (
            rare
            | (need[row] <= 0.0)
            | ((need[row] <= 1.0) & (tail >= need[row] * floor_mass - second - slack))
        )
        # Least overlap of a pair: need at the shorter row's length (the larger need) times
        # the smaller floored mass, or a clause's floor mass when either side has clauses.
        clause_cap = np.where(np.diff(self.clause_first) > 0, floor_mass / CLAUSE_FACTOR, np.inf)
        scale = np.minimum(np.maximum(self.mass, floor_mass), clause_cap)
        return _candidate_keys(
            _Entries(row[probe], terms[probe], tail[probe], rare[probe]),
            _Entries(row[index], terms[index], tail[index], rare[index]),
            self.doc,
            self.weight,
            second,
            lambda a, b: np.maximum(need[a], need[b]) * np.minimum(scale[a], scale[b]) - slack,
        )

    def token_set(self) -> _TokenSetBound:
        """The token-set ratio bound, built on first use (small inputs never need it)."""
        if self._token_set is None:
            self._token_set = _TokenSetBound(self.profiles, self.vocabulary)
        return self._token_set

    def token_sets(self) -> tuple[list[str], IntArray]:
        """The distinct token sets of the sentences' normalised texts, each as its sorted
        tokens joined by spaces, and per sentence the position of its own; built on first use.

        rapidfuzz's token-set ratio depends only on the two token sets: it is the same on
        these texts, which it splits and sorts again a quarter faster, and it is computed
        once for sentences repeated word for word. Split on spaces only: rapidfuzz splits
        what is left at any other whitespace as it would have.
        """
        if self._token_sets is None:
            position: dict[str, int] = {}
            texts: dict[str, int] = {}
            for p in self.profiles:
                if p.normalized not in position:
                    joined = " ".join(sorted(set(p.normalized.split(" ")) - {""}))
                    position[p.normalized] = texts.setdefault(joined, len(texts))
            self._token_sets = (
                list(texts),
                np.fromiter(
                    (position[p.normalized] for p in self.profiles),
                    dtype=np.int64,
                    count=self.count,
                ),
            )
        return self._token_sets

    def score(self, keys: IntArray, floor: float) -> list[tuple[int, int, float]]:
        """The pairs of ``keys`` (``low * count + high``) scoring ``floor`` or more, sorted."""
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
        # on a few candidates rapidfuzz costs less than building the bound
        token_set = self.token_set() if len(keys) >= BOUND_FROM_PAIRS else None

        def reachable(chunk: IntArray) -> tuple[IntArray, FloatArray]:
            """The keys of ``chunk`` whose token-set ratio can lift them to the floor, and
            their ``z`` without it."""
            low, high = chunk // count, chunk % count
            overlap, shared, shared_rare, shared_length = _shared(
                sentences,
                low,
                high,
                weight,
                rare,
                None if token_set is None else token_set.shortest,
            )
            mass_low = np.maximum(mass[low], floor_mass)
            mass_high = np.maximum(mass[high], floor_mass)
            small, large = np.minimum(mass_low, mass_high), np.maximum(mass_low, mass_high)
            contain = (
                SENTENCE_MIN_WEIGHT * overlap / small + (1 - SENTENCE_MIN_WEIGHT) * overlap / large
            )
            # A clause's containment is at most its shared mass over the floor mass.
            clause_top = (
                np.minimum(1.0, CLAUSE_FACTOR * overlap / floor_mass) if len(owners) else contain
            )
            z_top = (
                WEIGHT_CONTAINMENT * np.maximum(contain, clause_top)
                + WEIGHT_SHARED * np.log1p(shared)
                + WEIGHT_RARE * np.log1p(shared_rare)
                + BIAS
            )
            near = np.flatnonzero((shared > 0) & (z_top + WEIGHT_TOKEN_SET >= z_floor - SLACK))
            # the token-set ratio at its upper bound rather than 100: pairs that cannot reach
            # the floor even so skip the clause work and rapidfuzz
            if token_set is None:
                top = np.ones(len(near), dtype=np.float64)
            else:
                top = token_set.upper(low[near], high[near], shared[near], shared_length[near])
            kept = z_top[near] + WEIGHT_TOKEN_SET * top >= z_floor - SLACK
            near, top = near[kept], top[kept]
            low, high, contain = low[near], high[near], contain[near]
            shared, shared_rare = shared[near], shared_rare[near]
            if len(owners):
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
            kept = z_rest + WEIGHT_TOKEN_SET * top >= z_floor - SLACK
            return chunk[near[kept]], z_rest[kept]

        chunks = [keys[i : i + PAIRS_PER_CHUNK] for i in range(0, len(keys), PAIRS_PER_CHUNK)]
        if len(chunks) < 2:
            parts = [reachable(chunk) for chunk in chunks]
        else:
            # numpy releases the GIL in the bulk work: two threads use both cores with no
            # process start-up and no copy of the arrays (safe under the UI's workers)
            with ThreadPoolExecutor(max_workers=WORKERS) as pool:
                parts = list(pool.map(reachable, chunks))
        if not parts:
            return []
        found = np.concatenate([part[0] for part in parts])
        z_rest = np.concatenate([part[1] for part in parts])
        chunk_of = np.repeat(np.arange(len(parts)), [len(part[0]) for part in parts])
        need = np.maximum(0.0, (z_floor - z_rest) / WEIGHT_TOKEN_SET * 100.0 - 1e-6)
        ratios = self._token_set_ratios(found, _group_cutoffs(need, chunk_of))
        z = z_rest + WEIGHT_TOKEN_SET * ratios / 100.0
        # a loose vectorised cut first (scores round to 0.1), the exact score on the few left
        maybe = np.flatnonzero(z >= z_of(max(floor - 0.05, 1e-6)) - 1e-6)
        out: list[tuple[int, int, float]] = []
        for key, value in zip(found[maybe].tolist(), z[maybe].tolist(), strict=True):
            score = score_of(value)
            if score >= floor:
                out.append((key // count, key % count, score))
        return out

    def _token_set_ratios(self, keys: IntArray, cutoff: FloatArray) -> FloatArray:
        """rapidfuzz's token-set ratio (0-100) of each pair of ``keys``, 0 where it is below
        the pair's ``cutoff`` (as rapidfuzz gives it), computed once per pair of token sets
        (``token_sets``) with the least cut-off of its pairs."""
        texts, text_of = self.token_sets()
        low, high = text_of[keys // self.count], text_of[keys % self.count]
        distinct, inverse = np.unique(low * len(texts) + high, return_inverse=True)
        least = np.full(len(distinct), np.inf)
        np.minimum.at(least, inverse, cutoff)
        low, high = distinct // len(texts), distinct % len(texts)
        ratio = np.zeros(len(distinct), dtype=np.float64)
        # rapidfuzz takes one cut-off per call and stops early below it: pairs in groups of
        # similar cut-off, each with the least of its group
        order = np.argsort(least, kind="stable")
        for group in np.array_split(order, max(1, min(EXACT_GROUPS, len(order) // 500))):
            if len(group):
                ratio[group] = process.cpdist(
                    [texts[i] for i in low[group].tolist()],
                    [texts[j] for j in high[group].tolist()],
                    scorer=fuzz.token_set_ratio,
                    score_cutoff=float(least[group[0]]),
                    dtype=np.float64,
                    workers=WORKERS if len(group) >= PARALLEL_FROM_PAIRS else 1,
                )
        each = ratio[inverse]
        counted: FloatArray = np.where(each >= cutoff, each, 0.0)
        return counted


def _group_cutoffs(need: FloatArray, chunk: IntArray) -> FloatArray:
    """The token-set ratio cut-off of each pair: the least ``need`` of its group, the pairs
    of each chunk of keys (``chunk``, sorted) split by need into up to ``EXACT_GROUPS``.

    Pairs were scored so, one rapidfuzz call per group; the cut-offs stay, because a pair
    scoring just under its floor before rounding (24.96: 25.0) is kept only when its ratio
    reaches its group's cut-off, and the same corpus must give the same pairs.
    """
    cutoff = np.empty(len(need), dtype=np.float64)
    edges = [0, *(np.flatnonzero(np.diff(chunk)) + 1).tolist(), len(need)]
    for first, last in pairwise(edges):
        part = need[first:last]
        order = np.argsort(part, kind="stable")
        for group in np.array_split(order, max(1, min(EXACT_GROUPS, len(order) // 500))):
            if len(group):
                cutoff[first + group] = part[group[0]]
    return cutoff


def _shared(
    sentences: _TermRows,
    low: IntArray,
    high: IntArray,
    weight: FloatArray,
    rare: FloatArray,
    shortest: FloatArray | None,
) -> tuple[FloatArray, IntArray, IntArray, FloatArray]:
    """IDF mass, count, rare count and shortest-token lengths of the stems sentences
    ``low[k]`` and ``high[k]`` share."""
    # look up the stems of the shorter row in the other's bitmap: fewer look-ups
    lengths = sentences.start[1:] - sentences.start[:-1]
    swap = lengths[low] > lengths[high]
    short, long = np.where(swap, high, low), np.where(swap, low, high)
    owner, terms = sentences.expand(short)
    hit = sentences.has(long[owner], terms)
    owner, terms = owner[hit], terms[hit]
    size = len(low)
    mass = np.bincount(owner, weights=weight[terms], minlength=size)
    shared = np.bincount(owner, minlength=size)
    shared_rare = np.bincount(owner, weights=rare[terms], minlength=size)
    length = (
        np.zeros(size)
        if shortest is None
        else np.bincount(owner, weights=shortest[terms], minlength=size)
    )
    return (
        mass.astype(np.float64),
        shared.astype(np.int64),
        shared_rare.astype(np.int64),
        length.astype(np.float64),
    )


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


class _TokenSetBound:
    """Per sentence, what bounds rapidfuzz's token-set ratio of a pair from above.

    ``token_set_ratio`` is 100 when one token set holds the other; otherwise it is the
    best of ``2S / (2S + 1 + A)``, ``2S / (2S + 1 + B)`` (``S``, ``A``, ``B``: lengths of
    the joined shared tokens and of each side's other tokens) and ``1 - d / (Lx + Ly)``,
    ``d`` the indel distance of the two sides' other tokens, ``Lx`` and ``Ly`` the lengths
    of the joined token sets. ``d`` is at least the L1 distance of the two character
    histograms (the shared tokens cancel out), and ``A`` at least the lengths of the
    stems one side has and the other lacks (each comes from a token the other lacks, no
    shorter than the shortest token with that stem). A sentence whose stems do not all
    come from its whitespace tokens (a canonical word holding a space) gets no bound.
    """

    BUCKETS = 64

    def __init__(self, profiles: Sequence[SentenceProfile], vocabulary: dict[str, int]) -> None:
        distinct: dict[str, int] = {}
        position = [distinct.setdefault(p.normalized, len(distinct)) for p in profiles]
        token_sets = [set(text.split()) for text in distinct]
        stem_of: dict[str, str | None] = {}
        shortest: dict[str, int] = {}
        for w in sorted(set().union(*token_sets), key=len):
            keep = w not in STOPWORDS and (len(w) > 1 or w.isdigit())
            stem = stem_of[w] = term(w) if keep else None
            if stem is not None and stem not in shortest:
                shortest[stem] = len(w)
        joined = [" ".join(sorted(tokens)) for tokens in token_sets]
        stems = [{stem_of[w] for w in tokens} for tokens in token_sets]
        for found in stems:
            found.discard(None)
        first_terms = [
            p.terms for p in {i: p for i, p in zip(position, profiles, strict=True)}.values()
        ]
        stem_length = np.fromiter(
            (sum(shortest.get(t, 1) for t in terms) for terms in first_terms), dtype=np.int64
        )
        index = np.asarray(position, dtype=np.int64)
        lengths = np.fromiter((len(j) for j in joined), dtype=np.int64, count=len(joined))
        codes = np.frombuffer("".join(joined).encode("utf-32-le"), dtype=np.uint32)
        owner = np.repeat(np.arange(len(joined), dtype=np.int64), lengths)
        histogram = np.bincount(
            owner * self.BUCKETS + (codes & (self.BUCKETS - 1)).astype(np.int64),
            minlength=len(joined) * self.BUCKETS,
        ).reshape(len(joined), self.BUCKETS)
        self.histogram = histogram.astype(np.int32)[index]
        self.length = lengths[index]
        # the same normalised text has the same stems (both come from its canonical words);
        # compared per sentence all the same, it costs nothing
        self.safe = np.fromiter(
            (stems[i] == p.terms for i, p in zip(position, profiles, strict=True)),
            dtype=bool,
            count=len(profiles),
        )
        self.terms = np.fromiter((len(p.terms) for p in profiles), dtype=np.int64)
        self.stem_length = stem_length[index]
        self.shortest = np.fromiter(
            (shortest.get(t, 1) for t in vocabulary), dtype=np.float64, count=len(vocabulary)
        )

    def upper(
        self, low: IntArray, high: IntArray, shared: IntArray, shared_length: FloatArray
    ) -> FloatArray:
        """An upper bound of the token-set ratio (0-1) of each pair."""
        whole = (
            ~self.safe[low]
            | ~self.safe[high]
            | (shared >= self.terms[low])
            | (shared >= self.terms[high])
        )
        size_low, size_high = self.length[low], self.length[high]
        distance = np.abs(self.histogram[low] - self.histogram[high]).sum(axis=1)
        bound = 1.0 - distance / np.maximum(size_low + size_high, 1)
        for size, own in ((size_low, low), (size_high, high)):
            # the lengths of the tokens only this side has, with a space between them
            alone = self.stem_length[own] - shared_length + (self.terms[own] - shared - 1)
            common = np.maximum(size - 1 - alone, 0)
            bound = np.maximum(bound, 2.0 * common / np.maximum(2 * common + 1 + alone, 1))
        upper: FloatArray = np.where(whole, 1.0, bound) + 1e-9
        return upper


class _Entries:
    """Flat (sentence, stem, suffix mass from the stem on, rare) entries of prefix rows."""

    def __init__(
        self, row: IntArray, terms: IntArray, tail: FloatArray, rare: npt.NDArray[np.bool_]
    ) -> None:
        self.row = row
        self.terms = terms
        self.tail = tail
        self.rare = rare


def _row_tails(entry_weight: FloatArray, start: IntArray) -> FloatArray:
    """Per entry of CSR rows, the weight of its row from it to the row's end."""
    lengths = np.diff(start)
    after = np.cumsum(entry_weight[::-1])[::-1]
    row_end = np.repeat(np.append(after, 0.0)[start[1:]], lengths)
    tails: FloatArray = after - row_end
    return tails


def _need(z_floor: float, shared: IntArray) -> FloatArray:
    """Containment a pair with no rare stem needs to reach ``z_floor``, at most ``shared``
    shared stems and the token-set ratio at 100."""
    top = WEIGHT_TOKEN_SET + WEIGHT_SHARED * np.log1p(shared) + BIAS
    need: FloatArray = (z_floor - top) / WEIGHT_CONTAINMENT
    return need


def _candidate_keys(
    probes: _Entries,
    index: _Entries,
    doc: IntArray,
    weight: FloatArray,
    second: float,
    least_overlap: Callable[[IntArray, IntArray], FloatArray],
) -> IntArray:
    """Sorted distinct ``low * count + high`` keys of cross-article pairs where probe
    entries of one side meet index entries of the other on the same stems.

    A hit on a rare stem is enough. Otherwise (positional filtering) the lighter of the two
    suffixes from the first shared stem on reaches the pair's least overlap, and from the
    second on that less ``second`` (the most a non-rare stem weighs): a pair needs one hit
    of the first kind and two hits counted, unless one stem alone weighs the least overlap.
    """
    count = len(doc)
    width = len(weight)
    order = np.argsort(index.terms, kind="stable")
    posting, posting_tail = index.row[order], index.tail[order]
    starts = np.zeros(width + 1, dtype=np.int64)
    np.cumsum(np.bincount(index.terms, minlength=width), out=starts[1:])
    sizes_all = starts[probes.terms + 1] - starts[probes.terms]
    ends = np.cumsum(sizes_all)
    blocks: list[slice] = []
    first = 0
    while first < len(sizes_all):
        done = ends[first - 1] if first else 0
        last = max(first + 1, int(np.searchsorted(ends, done + PROBE_HITS_PER_BLOCK, "right")))
        # a block ends at a row's end: a directed pair's hits are counted in one block
        last = int(np.searchsorted(probes.row, probes.row[last - 1], "right"))
        blocks.append(slice(first, last))
        first = last

    def block_keys(part: slice) -> IntArray:
        sizes = sizes_all[part]
        flat = probes.terms[part]
        base = np.repeat(starts[flat] - np.cumsum(sizes) + sizes, sizes)
        at = base + np.arange(int(sizes.sum()), dtype=np.int64)
        target = posting[at]
        source = np.repeat(probes.row[part], sizes)
        cross = doc[source] != doc[target]
        rare = np.repeat(probes.rare[part], sizes)
        picked = [_undirected(source[cross & rare], target[cross & rare], count)]
        bounded = np.flatnonzero(cross & ~rare)
        if len(bounded):
            source, target = source[bounded], target[bounded]
            reach = np.minimum(
                np.repeat(probes.tail[part], sizes)[bounded], posting_tail[at[bounded]]
            )
            least = least_overlap(source, target)
            counted = reach >= least - second
            source, target, least = source[counted], target[counted], least[counted]
            strong = reach[counted] >= least
            if least.min(initial=np.inf) > second:
                alone = np.zeros(len(least), dtype=bool)  # no single stem weighs enough
            else:
                alone = strong & (np.repeat(weight[flat], sizes)[bounded][counted] >= least)
            # one sort of the directed keys with the two flags in their low bits
            flagged = np.sort((source * count + target) * 4 + strong * 2 + alone)
            directed = flagged >> 2
            if len(directed):
                head = np.concatenate(([True], directed[1:] != directed[:-1]))
                run = np.flatnonzero(head)
                hits = np.diff(np.append(run, len(directed)))
                flags = np.bitwise_or.reduceat(flagged & 3, run)
                keys = directed[run][((flags & 2 > 0) & (hits >= 2)) | (flags & 1 > 0)]
                picked.append(_undirected(keys // count, keys % count, count))
        return _distinct(np.concatenate(picked))

    if len(blocks) < 2:
        found = [block_keys(part) for part in blocks]
    else:
        # independent blocks; numpy releases the GIL in the bulk work
        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            found = list(pool.map(block_keys, blocks))
    return _distinct(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)


def _undirected(source: IntArray, target: IntArray, count: int) -> IntArray:
    """``low * count + high`` keys of pairs given in either order."""
    undirected: IntArray = np.minimum(source, target) * count + np.maximum(source, target)
    return undirected


def _distinct(keys: IntArray) -> IntArray:
    """Sorted distinct keys (a sort and a diff: numpy's hash-based unique is slower here)."""
    keys = np.sort(keys)
    if len(keys):
        keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]
    return keys
