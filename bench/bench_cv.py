"""The scorer under leave-one-gold-file-out cross-validation on the blind seed gold.

Run from the repository root: ``.venv/bin/python bench/bench_cv.py``. For each of the six
gold files (tests/data/gold_pairs_*.yaml), a logistic model on the scorer's four features
(containment, token-set ratio, log shared stems, log shared rare stems) is fitted on the
other five files' sentence pairs (every cross pair of the two articles), cut where the
training pairs reach precision 0.9, and applied to the held-out file; predictions are
pooled. Printed beside it: the shipped weights and cut (``scoring``) in-sample. The
baseline in the same run is the same recipe without the attribution rule (speaker clauses
matched as clauses, no ``speaker_only`` filter).
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from unittest import mock

import numpy as np
import numpy.typing as npt

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "core"))

from gold_pairs import load_gold  # noqa: E402

from tui.core import scoring  # noqa: E402
from tui.core.corpus import load_paths  # noqa: E402

Matrix = npt.NDArray[np.float64]
Flags = npt.NDArray[np.bool_]
Fold = tuple[Matrix, Flags, Flags]
"""Features, same fact, same topic of every sentence pair of one gold file."""


def folds(speaker_rule: bool) -> list[Fold]:
    """One fold per gold file, with profiles over all the seeds' body sentences."""
    seeds = load_paths([ROOT / "seeds"]).articles
    triples = [(d, s.index, s.text) for d, a in enumerate(seeds) for s in a.body_sentences]
    profiles, idf = scoring.build_profiles(triples)
    scorer = scoring.Scorer(profiles, idf)
    out: list[Fold] = []
    for gold in load_gold(seeds):
        rows, same, related = [], [], []
        for a in (p for p in profiles if p.doc == gold.doc_a):
            for b in (p for p in profiles if p.doc == gold.doc_b):
                found = scorer.evidence(a, b)
                if found is None or (speaker_rule and scoring.speaker_only(a, b)):
                    rows.append([0.0, 0.0, 0.0, 0.0])
                else:
                    rows.append(
                        [
                            found.containment,
                            found.token_set,
                            math.log1p(found.shared),
                            math.log1p(found.rare),
                        ]
                    )
                key = (a.doc, a.sentence, b.doc, b.sentence)
                same.append(key in gold.links)
                related.append(key in gold.related)
        out.append((np.array(rows), np.array(same), np.array(related)))
    return out


def fit(x: Matrix, y: Flags, l2: float = 1e-3) -> Matrix:
    """Logistic regression weights (bias last), Newton's method with a little L2."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(xb @ w)))
        hessian = xb.T @ (xb * (p * (1 - p))[:, None]) + l2 * np.eye(len(w))
        w -= np.linalg.solve(hessian, xb.T @ (p - y) + l2 * w)
    return w


def cut_for(z: Matrix, y: Flags, precision: float = 0.9) -> float:
    """The lowest ``z`` at which the pairs above it reach ``precision``."""
    order = np.argsort(-z)
    hits = np.cumsum(y[order]) / np.arange(1, len(z) + 1)
    ok = np.flatnonzero(hits >= precision)
    return float(z[order][ok[-1]]) if len(ok) else float(z.max() + 1)


def report(name: str, predict: Callable[[int, Sequence[Fold]], Flags], data: list[Fold]) -> None:
    tp = fp = related = gold = 0
    for k, (_, same, topic) in enumerate(data):
        chosen = predict(k, data)
        tp += int((chosen & same).sum())
        fp += int((chosen & ~same).sum())
        related += int((chosen & topic).sum())
        gold += int(same.sum())
    p, r = tp / max(tp + fp, 1), tp / gold
    print(
        f"  {name}: P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r):.3f} lenient P "
        f"{(tp + related) / max(tp + fp, 1):.3f} ({tp} of {tp + fp} shown, {gold} gold)"
    )


def cross_validated(k: int, data: Sequence[Fold]) -> Flags:
    train = [f for i, f in enumerate(data) if i != k]
    x, y = np.vstack([f[0] for f in train]), np.concatenate([f[1] for f in train])
    w = fit(x, y)
    cut = cut_for(np.hstack([x, np.ones((len(x), 1))]) @ w, y)
    held = data[k][0]
    chosen: Flags = np.hstack([held, np.ones((len(held), 1))]) @ w >= cut
    return chosen


def shipped(k: int, data: Sequence[Fold]) -> Flags:
    x = data[k][0]
    w = np.array(
        [
            scoring.WEIGHT_CONTAINMENT,
            scoring.WEIGHT_TOKEN_SET,
            scoring.WEIGHT_SHARED,
            scoring.WEIGHT_RARE,
        ]
    )
    chosen: Flags = (x @ w + scoring.BIAS >= scoring.Z_CUT) & (x[:, 2] > 0)
    return chosen


def main() -> int:
    runs = (("with the attribution rule (shipped)", True), ("without (baseline)", False))
    for name, rule in runs:
        print(name)
        if rule:
            data = folds(True)
        else:
            with mock.patch.object(scoring, "attribution_clauses", lambda text: []):
                data = folds(False)
        report("leave-one-file-out CV", cross_validated, data)
        report("shipped weights, score >= 50, in-sample", shipped, data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
