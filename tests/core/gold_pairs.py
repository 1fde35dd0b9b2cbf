"""Hand-labelled sentence matches of the seeds, resolved from text to indices at run time.

The gold files key sentences by a piece of their text, never by index, so they survive
changes of the segmenter: a key resolves to the one sentence containing it. Shared by
tests/core/test_align.py and bench/bench_align.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from tui.core.model import Article

DATA = Path(__file__).resolve().parents[1] / "data"
GOLD_FILES = tuple(sorted(DATA.glob("gold_pairs_*.yaml")))

Link = tuple[int, int, int, int]
"""(doc a, sentence a, doc b, sentence b) with doc a < doc b: positions in the corpus."""


@dataclass(frozen=True)
class GoldSet:
    """The true links between two articles of a corpus, and the sentences they may use."""

    doc_a: int
    doc_b: int
    links: frozenset[Link]


@dataclass(frozen=True)
class Figures:
    """Precision, recall and F1 of predicted links against the gold."""

    true_positives: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _squash(text: str) -> str:
    return " ".join(text.split())


def resolve(article: Article, key: str) -> int:
    """Index of the one body sentence of ``article`` whose text contains ``key``.

    Falls back to the sentence where ``key`` starts when the segmenter cut the key
    across two sentences.

    Raises:
        LookupError: when no sentence or more than one holds the key.
    """
    key = _squash(key)
    hits = [s.index for s in article.sentences if key in _squash(s.text)]
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        starts = [i for i in hits if _squash(article.sentences[i].text).startswith(key)]
        if len(starts) == 1:
            return starts[0]
        raise LookupError(f"{article.id}: {key!r} is in several sentences {hits}")
    flat = _squash(article.text)
    at = flat.find(key)
    if at < 0:
        raise LookupError(f"{article.id}: no sentence holds {key!r}")
    for sentence in article.sentences:
        if _squash(sentence.text) and flat.find(_squash(sentence.text)) <= at < flat.find(
            _squash(sentence.text)
        ) + len(_squash(sentence.text)):
            return sentence.index
    raise LookupError(f"{article.id}: no sentence holds {key!r}")


def load_gold(articles: Sequence[Article], files: Iterable[Path] = GOLD_FILES) -> list[GoldSet]:
    """The gold sets whose two articles are both in ``articles`` (matched by id)."""
    position = {article.id: i for i, article in enumerate(articles)}
    sets: list[GoldSet] = []
    for file in files:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        if data["a"] not in position or data["b"] not in position:
            continue
        doc_a, doc_b = sorted((position[data["a"]], position[data["b"]]))
        swap = position[data["a"]] != doc_a
        links: set[Link] = set()
        for entry in data["pairs"]:
            ia = resolve(articles[position[data["a"]]], entry["a"])
            ib = resolve(articles[position[data["b"]]], entry["b"])
            if swap:
                ia, ib = ib, ia
            if articles[doc_a].sentences[ia].furniture or articles[doc_b].sentences[ib].furniture:
                continue  # furniture never aligns: the loader decides what it is
            links.add((doc_a, ia, doc_b, ib))
        sets.append(GoldSet(doc_a, doc_b, frozenset(links)))
    return sets


def evaluate(predicted: Iterable[Link], gold_sets: Sequence[GoldSet]) -> Figures:
    """Micro-averaged figures over the article pairs that have gold labels."""
    labelled = {(g.doc_a, g.doc_b) for g in gold_sets}
    truth = set().union(*(g.links for g in gold_sets)) if gold_sets else set()
    guesses = {link for link in predicted if (link[0], link[2]) in labelled}
    return Figures(len(guesses & truth), len(guesses), len(truth))
