"""Fit the same-fact model of ``tui.core.scoring.same_fact_score`` and measure it honestly.

Run from the repository root: ``.venv/bin/python bench/fit_same_fact.py [--write]``.
Needs ../shared/corpora/stories.

Data, all labelled blind (bench/gold/LABELLING.md, tests/data/LABELLING.md):
- the story links (bench/gold/story_links.yaml): pairs the engine proposed in some version,
  and a sample of pairs below the threshold, each labelled same / related / none; links
  marked ``checks: same-fact model`` were labelled after the fit, to check what the model
  newly links, and are left out of it;
- the seed gold pairs (tests/data/gold_pairs_*.yaml): every pair of six article pairs, so
  every scored pair of those articles that is not a gold link is a negative.

Features per pair: the lexical ``z`` of ``PairEvidence``, and ``ContentEvidence`` (content
stems shared, content containment, words of the shorter sentence, length ratio). Folds:
each story, and the seeds as one. Printed: the out-of-fold precision and same-fact count on
the stories' labelled links, and precision and recall on the seed gold, at cut-offs around
the default threshold, beside the lexical score alone; then the weights fitted on all the
data (``--write`` puts them into tui/core/scoring.py).
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench" / "labelling"))
sys.path.insert(0, str(ROOT / "tests" / "core"))

from common import SEEDS, load_story, resolve_key, short_id, story_dirs  # noqa: E402
from gold_pairs import load_gold  # noqa: E402

from tui.core.align import body_sentences  # noqa: E402
from tui.core.model import Article  # noqa: E402
from tui.core.pair_search import PairSearch  # noqa: E402
from tui.core.scoring import (  # noqa: E402
    CONTENT_MIN_MASS,
    Scorer,
    build_profiles,
    content_evidence,
    score_of,
    z_of,
)

LEXICAL_FLOOR = 25.0
"""Pairs scoring this much lexically or more are the model's candidates."""
L2 = 1.0
NAMES = ("lexical", "shared", "containment", "ratio", "phrases")
TARGET_PRECISION = 0.85
"""Score 50 (the default threshold) is where out-of-fold link precision on the stories
reaches this."""


@dataclass
class Row:
    fold: str
    features: list[float]
    lexical: float
    label: str | None
    """same / related / none, or None when nobody labelled the pair."""


def features_of(articles: tuple[Article, ...]):
    """Profiles, scorer and a function giving a pair's features and lexical score."""
    profiles, idf = build_profiles(body_sentences(articles))
    scorer = Scorer(profiles, idf)
    position = {(p.doc, p.sentence): i for i, p in enumerate(profiles)}
    min_mass = CONTENT_MIN_MASS * max(idf.values())

    def of(a: tuple[int, int], b: tuple[int, int]) -> tuple[list[float], float] | None:
        if a not in position or b not in position:
            return None
        first, second = profiles[position[a]], profiles[position[b]]
        evidence = scorer.evidence(first, second)
        if evidence is None:
            return None
        content = content_evidence(first, second, idf, min_mass)
        row = [
            evidence.z,
            math.log1p(content.shared),
            content.containment,
            content.length_ratio,
            math.log1p(content.phrases),
        ]
        return row, score_of(evidence.z)

    return profiles, scorer, of


def candidates(profiles, scorer) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    search = PairSearch(scorer)
    keys = search.candidates(z_of(50.0) - 1e-6)
    return [
        ((profiles[x].doc, profiles[x].sentence), (profiles[y].doc, profiles[y].sentence))
        for x, y, _ in search.score(keys, LEXICAL_FLOOR)
    ]


def story_rows() -> list[Row]:
    gold = yaml.safe_load((ROOT / "bench/gold/story_links.yaml").read_text(encoding="utf-8"))
    rows: list[Row] = []
    for folder in story_dirs():
        articles = load_story(folder)
        profiles, scorer, of = features_of(articles)
        doc = {short_id(a): i for i, a in enumerate(articles)}
        labels: dict[frozenset, str] = {}
        for item in gold["items"]:
            if item["story"] != folder.name or item.get("checks"):
                continue  # labelled after the fit, to check what it newly links
            try:
                refs = [(doc[s], resolve_key(articles[doc[s]], key)) for s, key in item["sides"]]
            except (KeyError, LookupError, SystemExit):
                continue
            labels[frozenset(refs)] = item["label"]
        pairs = {frozenset(p) for p in candidates(profiles, scorer)} | set(labels)
        for pair in pairs:
            a, b = sorted(pair)
            found = of(a, b)
            if found is not None:
                rows.append(Row(folder.name, found[0], found[1], labels.get(pair)))
    return rows


def seed_rows() -> tuple[list[Row], int]:
    """Rows of the pairs between gold-labelled seed articles, and how many gold links
    there are (for recall)."""
    articles = load_story(SEEDS)
    gold = load_gold(articles)
    profiles, scorer, of = features_of(articles)
    labelled = {(g.doc_a, g.doc_b) for g in gold}
    truth = set().union(*(g.links for g in gold))
    related = set().union(*(g.related for g in gold))
    rows = []
    seen = set()
    for a, b in candidates(profiles, scorer):
        (da, sa), (db, sb) = sorted((a, b))
        if (da, db) not in labelled:
            continue
        link = (da, sa, db, sb)
        seen.add(link)
        found = of((da, sa), (db, sb))
        if found is None:
            continue
        label = "same" if link in truth else ("related" if link in related else "none")
        rows.append(Row("seeds", found[0], found[1], label))
    return rows, len(truth)


def fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """L2-regularised logistic regression on standardised features; raw-scale weights."""
    mean, spread = x.mean(0), x.std(0) + 1e-9
    xs = np.hstack([(x - mean) / spread, np.ones((len(x), 1))])
    w = np.zeros(xs.shape[1])
    for _ in range(4000):
        p = 1 / (1 + np.exp(-xs @ w))
        grad = xs.T @ (p - y) / len(y) + L2 * np.r_[w[:-1], 0] / len(y)
        w -= 0.5 * grad
    raw = w[:-1] / spread
    return np.r_[raw, w[-1] - (raw * mean).sum()]


def logit(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    return x @ w[:-1] + w[-1]


def figures(rows: list[Row], accepted: np.ndarray, seed_gold: int) -> str:
    story = [r for r, a in zip(rows, accepted, strict=True) if a and r.fold != "seeds"]
    labelled = [r for r in story if r.label]
    same = sum(r.label == "same" for r in labelled)
    seeds = [r for r, a in zip(rows, accepted, strict=True) if a and r.fold == "seeds"]
    seed_same = sum(r.label == "same" for r in seeds)
    return (
        f"stories {len(story)} links, same {same}/{len(labelled)} = "
        f"{same / max(1, len(labelled)):.3f} (unlabelled {len(story) - len(labelled)})"
        f" | seeds P {seed_same / max(1, len(seeds)):.3f} R {seed_same / seed_gold:.3f}"
    )


def story_precision(rows: list[Row], accepted: np.ndarray) -> float:
    labelled = [
        r for r, a in zip(rows, accepted, strict=True) if a and r.fold != "seeds" and r.label
    ]
    return sum(r.label == "same" for r in labelled) / max(1, len(labelled))


def lowest_cut(rows: list[Row], values: np.ndarray, grid: np.ndarray) -> float:
    """The lowest value of ``grid`` from which story precision reaches the target."""
    for cut in grid:
        if story_precision(rows, values >= cut) >= TARGET_PRECISION:
            return float(cut)
    return float(grid[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", action="store_true", help="write the weights into scoring.py")
    args = parser.parse_args()
    seeds, seed_gold = seed_rows()
    rows = story_rows() + seeds
    x = np.array([r.features for r in rows])
    y = np.array([r.label == "same" for r in rows], dtype=float)
    known = np.array([r.label is not None for r in rows])
    print(
        f"{len(rows)} pairs, {int(known.sum())} labelled ({int(y.sum())} same); "
        f"seed gold links {seed_gold}"
    )
    lexical = np.array([r.lexical for r in rows])
    print("\nlexical score alone")
    for cut in (50.0, lowest_cut(rows, lexical, np.arange(50, 95, 0.5))):
        print(f"  at {cut:g}: {figures(rows, lexical >= cut, seed_gold)}")
    out_of_fold = np.zeros(len(rows))
    for fold in sorted({r.fold for r in rows}):
        held = np.array([r.fold == fold for r in rows])
        out_of_fold[held] = logit(fit(x[known & ~held], y[known & ~held]), x[held])
    cut = lowest_cut(rows, out_of_fold, np.arange(-2, 4, 0.05))
    print(f"\nsame-fact model, out of fold (each story and the seeds held out); cut {cut:.2f}")
    for score in (25, 40, 50, 60, 75):
        at = cut + math.log(score / (100 - score))
        print(f"  score {score}: {figures(rows, out_of_fold >= at, seed_gold)}")
    w = fit(x[known], y[known])
    print(
        "\nweights on all data: "
        + ", ".join(f"{n} {v:.4f}" for n, v in zip((*NAMES, "bias"), w, strict=True))
        + f"; cut {cut:.4f}"
    )
    print(f"  in sample at score 50: {figures(rows, logit(w, x) >= cut, seed_gold)}")
    if args.write:
        path = ROOT / "tui" / "core" / "scoring.py"
        text = path.read_text(encoding="utf-8")
        for name, value in (*zip((*NAMES, "bias"), w, strict=True), ("cut", cut)):
            text = re.sub(
                rf"^SAME_FACT_{name.upper()} = .*$",
                f"SAME_FACT_{name.upper()} = {value:.4f}",
                text,
                flags=re.MULTILINE,
            )
        path.write_text(text, encoding="utf-8")
        print(f"written to {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
