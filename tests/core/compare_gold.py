"""Hand-labelled contradiction candidates of the seeds, and how to score candidates on them.

tests/data/gold_contradictions.yaml keys sentences by a piece of their text, so it
survives segmenter changes. ``evaluate_candidates`` scores either find_discrepancies run
directly on the labelled pairs (independent of the aligner) or the discrepancies of a
whole alignment. Shared by tests/core/test_compare.py and bench/bench_compare.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tui.core.candidates import Discrepancy, find_discrepancies
from tui.core.model import Article

GOLD_FILE = Path(__file__).resolve().parents[1] / "data" / "gold_contradictions.yaml"
KINDS = ("number", "name", "list", "quote", "attribution", "timing")


@dataclass(frozen=True)
class Expected:
    """One labelled candidate: kind, status and a piece of text on each side."""

    kind: str
    status: str
    a: tuple[int, int]
    """Article offsets of the labelled piece on side a."""
    b: tuple[int, int]
    optional: bool


@dataclass(frozen=True)
class GoldPair:
    """Two sentences (doc, sentence index each) and what must or may be flagged in them."""

    id: str
    a: tuple[int, int]
    b: tuple[int, int]
    expect: tuple[Expected, ...]


@dataclass
class KindFigures:
    """Counts for one kind of candidate."""

    true_positives: int = 0
    false_positives: int = 0
    missed: int = 0
    optional_found: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        gold = self.true_positives + self.missed
        return self.true_positives / gold if gold else 1.0


@dataclass
class CandidateFigures:
    """Per-kind figures, the overall ones, and what went wrong (for the bench to print)."""

    kinds: dict[str, KindFigures] = field(default_factory=lambda: {k: KindFigures() for k in KINDS})
    false_alarms: list[Discrepancy] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    unlabelled_pairs: int = 0

    @property
    def total(self) -> KindFigures:
        out = KindFigures()
        for f in self.kinds.values():
            out.true_positives += f.true_positives
            out.false_positives += f.false_positives
            out.missed += f.missed
            out.optional_found += f.optional_found
        return out


@dataclass(frozen=True)
class Gold:
    """The resolved gold: labelled pairs and the acceptable name variants."""

    pairs: tuple[GoldPair, ...]
    acceptable_variants: tuple[frozenset[str], ...]


def _squash(text: str) -> str:
    return " ".join(text.split())


def _doc(articles: Sequence[Article], key: str) -> int:
    hits = [i for i, a in enumerate(articles) if a.id == key or a.id.startswith(f"{key}_")]
    if len(hits) != 1:
        raise LookupError(f"gold: no single article for {key!r}")
    return hits[0]


def _sentence(article: Article, key: str) -> int:
    key = _squash(key)
    hits = [s.index for s in article.sentences if key in _squash(s.text)]
    if len(hits) != 1:
        raise LookupError(f"gold: {article.id}: {key!r} is in {len(hits)} sentences")
    return hits[0]


def _piece(article: Article, sentence: int, piece: str) -> tuple[int, int]:
    s = article.sentences[sentence]
    at = s.text.find(piece)
    if at < 0:
        raise LookupError(f"gold: {piece!r} not in {s.text!r}")
    return s.start + at, s.start + at + len(piece)


def load_gold(articles: Sequence[Article], path: Path = GOLD_FILE) -> Gold:
    """Resolve the gold file against ``articles`` (text keys to positions and offsets).

    Raises:
        LookupError: when a key no longer names exactly one sentence.
    """
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    pairs: list[GoldPair] = []
    for entry in data["pairs"]:
        da, db = _doc(articles, entry["a"]["doc"]), _doc(articles, entry["b"]["doc"])
        sa = _sentence(articles[da], entry["a"]["text"])
        sb = _sentence(articles[db], entry["b"]["text"])
        expect = tuple(
            Expected(
                kind=e["kind"],
                status=e["status"],
                a=_piece(articles[da], sa, e["a"]),
                b=_piece(articles[db], sb, e["b"]),
                optional=bool(e.get("optional", False)),
            )
            for e in entry["expect"]
        )
        pairs.append(GoldPair(entry["id"], (da, sa), (db, sb), expect))
    variants = tuple(
        frozenset(w.casefold() for w in group) for group in data["acceptable_variants"]
    )
    return Gold(tuple(pairs), variants)


def candidates_on_gold_pairs(articles: Sequence[Article], gold: Gold) -> list[Discrepancy]:
    """find_discrepancies run directly on every labelled pair (the aligner left out)."""
    out: list[Discrepancy] = []
    for pair in gold.pairs:
        (da, sa), (db, sb) = pair.a, pair.b
        out.extend(
            find_discrepancies(da, articles[da].sentences[sa], db, articles[db].sentences[sb])
        )
    return out


def _overlaps(span: tuple[int, int], start: int, end: int) -> bool:
    return span[0] < end and start < span[1]


def _matches(d: Discrepancy, pair: GoldPair, e: Expected) -> bool:
    if d.kind != e.kind:
        return False
    quiet_rewording = d.kind == "quote" and d.status == "variant" and e.optional
    if d.status != e.status and not quiet_rewording:
        return False
    if (d.a.doc, d.a.sentence) == pair.a:
        return _overlaps(e.a, d.a.start, d.a.end) and _overlaps(e.b, d.b.start, d.b.end)
    return _overlaps(e.b, d.a.start, d.a.end) and _overlaps(e.a, d.b.start, d.b.end)


def evaluate_candidates(candidates: Iterable[Discrepancy], gold: Gold) -> CandidateFigures:
    """Score candidates against the gold, per kind.

    A candidate on a labelled pair is a true positive if it matches a required label (kind,
    status and both spans overlapping), neutral if it matches an optional one, a false alarm
    otherwise. On an unlabelled pair, only an acceptable name variant is neutral: the gold
    aims to list every discrepancy of the seeds. Required labels on pairs never proposed
    count as missed.
    """
    by_pair: dict[frozenset[tuple[int, int]], GoldPair] = {
        frozenset((p.a, p.b)): p for p in gold.pairs
    }
    figures = CandidateFigures()
    found: set[tuple[str, int]] = set()
    seen_pairs: set[frozenset[tuple[int, int]]] = set()
    for d in candidates:
        key = frozenset(((d.a.doc, d.a.sentence), (d.b.doc, d.b.sentence)))
        pair = by_pair.get(key)
        kind = figures.kinds[d.kind]
        if pair is None:
            if key not in seen_pairs:
                figures.unlabelled_pairs += 1
                seen_pairs.add(key)
            if d.kind == "name" and d.status == "variant" and _acceptable(d, gold):
                kind.optional_found += 1
                continue
            kind.false_positives += 1
            figures.false_alarms.append(d)
            continue
        hit = next((k for k, e in enumerate(pair.expect) if _matches(d, pair, e)), None)
        if hit is None:
            if d.kind == "name" and d.status == "variant" and _acceptable(d, gold):
                kind.optional_found += 1
                continue
            kind.false_positives += 1
            figures.false_alarms.append(d)
        elif pair.expect[hit].optional:
            kind.optional_found += 1
        elif (pair.id, hit) not in found:
            found.add((pair.id, hit))
            kind.true_positives += 1
    for pair in gold.pairs:
        for k, e in enumerate(pair.expect):
            if not e.optional and (pair.id, k) not in found:
                figures.kinds[e.kind].missed += 1
                figures.misses.append(f"{pair.id}: {e.kind}/{e.status}")
    return figures


def _acceptable(d: Discrepancy, gold: Gold) -> bool:
    words = {d.a.text.casefold(), d.b.text.casefold()}
    return any(words <= group for group in gold.acceptable_variants)
