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
    """Same fact, figure or quote (the ``pairs`` of a file): what the aligner must find."""
    related: frozenset[Link] = frozenset()
    """Same topic, no shared specific proposition (``related``): not counted as found,
    but a reader is not misled by seeing them side by side (lenient precision)."""


@dataclass(frozen=True)
class Figures:
    """Precision, recall and F1 of predicted links against the gold."""

    true_positives: int
    predicted: int
    gold: int
    related: int = 0
    """Predicted links the annotators called related (same topic, not the same fact)."""

    @property
    def lenient_precision(self) -> float:
        """Share of predictions that are the same fact or at least the same topic."""
        return (self.true_positives + self.related) / self.predicted if self.predicted else 1.0

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
        tiers: dict[str, set[Link]] = {"pairs": set(), "related": set()}
        for tier, links in tiers.items():
            for entry in data.get(tier) or ():
                ia = resolve(articles[position[data["a"]]], entry["a"])
                ib = resolve(articles[position[data["b"]]], entry["b"])
                if swap:
                    ia, ib = ib, ia
                if (
                    articles[doc_a].sentences[ia].furniture
                    or articles[doc_b].sentences[ib].furniture
                ):
                    continue  # furniture never aligns: the loader decides what it is
                links.add((doc_a, ia, doc_b, ib))
        if tiers["pairs"] & tiers["related"]:
            raise ValueError(f"{file.name}: a link is in both tiers")
        sets.append(GoldSet(doc_a, doc_b, frozenset(tiers["pairs"]), frozenset(tiers["related"])))
    return sets


def evaluate(predicted: Iterable[Link], gold_sets: Sequence[GoldSet]) -> Figures:
    """Micro-averaged figures over the article pairs that have gold labels."""
    labelled = {(g.doc_a, g.doc_b) for g in gold_sets}
    truth: set[Link] = set().union(*(g.links for g in gold_sets))
    related: set[Link] = set().union(*(g.related for g in gold_sets))
    guesses = {link for link in predicted if (link[0], link[2]) in labelled}
    return Figures(len(guesses & truth), len(guesses), len(truth), len(guesses & related))
