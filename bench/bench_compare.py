"""Comparison benchmark: contradiction candidates against the gold, and speed per pair.

Run: ``.venv/bin/python bench/bench_compare.py [--repeat 5]``

Prints, per kind (number, name, list, quote), candidate precision and recall against
tests/data/gold_contradictions.yaml, twice: find_discrepancies run directly on the
labelled pairs (the comparison alone), and the discrepancies of align_corpus on the seeds
(what the user sees, so it also depends on which pairs the aligner finds). Then the time
per pair of find_discrepancies and diff_words, cold (caches cleared) and warm, over every
cross-article sentence pair of the seeds with some likeness, with difflib's word diff
measured in the same run as the baseline. Goal: well under 0.1 ms per pair.
"""

from __future__ import annotations

import argparse
import difflib
import sys
import time
from pathlib import Path

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.core.compare_gold import (  # noqa: E402
    CandidateFigures,
    candidates_on_gold_pairs,
    evaluate_candidates,
    load_gold,
)
from tui.core import compare, names, numbers  # noqa: E402
from tui.core.align import align_corpus  # noqa: E402
from tui.core.corpus import load_paths  # noqa: E402
from tui.core.model import Sentence  # noqa: E402

GOAL_MS_PER_PAIR = 0.1


def print_figures(title: str, figures: CandidateFigures) -> None:
    print(f"\n{title}")
    print(f"  {'kind':8} {'found':>5} {'false':>5} {'missed':>6} {'optional':>8} {'P':>5} {'R':>5}")
    rows = [*figures.kinds.items(), ("all", figures.total)]
    for kind, f in rows:
        print(
            f"  {kind:8} {f.true_positives:5d} {f.false_positives:5d} {f.missed:6d} "
            f"{f.optional_found:8d} {f.precision:5.2f} {f.recall:5.2f}"
        )
    for d in figures.false_alarms:
        print(f"  false alarm: {d.kind}/{d.status}: {d.explanation}")
    if figures.misses:
        print(f"  missed: {', '.join(figures.misses)}")


def clear_caches() -> None:
    for fn in (
        compare._find_cached,
        compare._candidates,
        compare._diff_cached,
        compare._token_alignment,
        compare.tokenize,
        compare.quote_regions,
        numbers.find_numbers,
        names.name_tokens,
        names.role_names,
        names.name_lists,
        names.translit_key,
    ):
        fn.cache_clear()


def timed(pairs: list[tuple[int, Sentence, int, Sentence]], what: str, repeat: int) -> float:
    """Best milliseconds per pair over ``repeat`` runs."""
    best = float("inf")
    for _ in range(repeat):
        if what.endswith("cold"):
            clear_caches()
        start = time.perf_counter()
        if what == "difflib":
            for _, a, _, b in pairs:
                ta = [t.norm for t in compare.tokenize(a.text)]
                tb = [t.norm for t in compare.tokenize(b.text)]
                difflib.SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes()
        elif what.startswith("find"):
            for da, a, db, b in pairs:
                compare.find_discrepancies(da, a, db, b)
        else:
            for _, a, _, b in pairs:
                compare.diff_words(a, b)
        best = min(best, time.perf_counter() - start)
    return best * 1000 / max(1, len(pairs))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    articles = load_paths(sorted((ROOT / "seeds").glob("*.txt"))).articles
    gold = load_gold(articles)
    print(f"gold: {len(gold.pairs)} labelled sentence pairs, ", end="")
    print(f"{sum(not e.optional for p in gold.pairs for e in p.expect)} required candidates")

    on_gold = evaluate_candidates(candidates_on_gold_pairs(articles, gold), gold)
    print_figures("candidates on the labelled pairs (comparison alone)", on_gold)

    alignment = align_corpus(articles)
    on_aligned = evaluate_candidates(alignment.discrepancies, gold)
    print_figures(
        f"candidates of align_corpus on the seeds ({len(alignment.pairs)} pairs; "
        f"{on_aligned.unlabelled_pairs} pairs with candidates outside the gold)",
        on_aligned,
    )

    # Every cross-article pair with some likeness: what the aligner could hand us.
    pairs: list[tuple[int, Sentence, int, Sentence]] = []
    for da, art_a in enumerate(articles):
        for db in range(da + 1, len(articles)):
            for a in art_a.body_sentences:
                for b in articles[db].body_sentences:
                    if fuzz.token_set_ratio(a.text, b.text) >= 50:
                        pairs.append((da, a, db, b))
    found = sum(len(compare.find_discrepancies(*p)) for p in pairs)
    print(f"\nspeed over {len(pairs)} cross-article pairs of the seeds (token_set_ratio >= 50; ")
    print(f"{found} candidates there), best of {args.repeat}:")
    # Baseline: difflib word opcodes on the same (cached) tokens, autojunk off.
    base = timed(pairs, "difflib", args.repeat)
    rows = [
        ("find_discrepancies, cold", timed(pairs, "find cold", args.repeat)),
        ("find_discrepancies, warm", timed(pairs, "find warm", args.repeat)),
        ("diff_words, cold", timed(pairs, "diff cold", args.repeat)),
        ("diff_words, warm", timed(pairs, "diff warm", args.repeat)),
        ("difflib word opcodes (baseline)", base),
    ]
    for label, ms in rows:
        print(f"  {label:34} {ms * 1000:8.1f} µs/pair   {base / ms:6.1f}x difflib")
    cold = rows[0][1]
    ok = cold < GOAL_MS_PER_PAIR
    print(f"\ngoal: find_discrepancies under {GOAL_MS_PER_PAIR} ms per pair: ", end="")
    print("met" if ok else "MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
