"""Segmentation benchmark: our splitter against pysbd, on speed and on the case table.

Run: ``.venv/bin/python bench/bench_segment.py [--mb 1.0] [--repeat 5]``

Builds about 1 MB of news text (the bundled seeds, plus the Kavanaugh scale
corpus from ../shared/corpora when it is there, repeated to size), then prints
for each segmenter the seconds for that text, MB/s, the ratio to pysbd
measured in the same run, and how many cases of tests/data/segment_cases.yaml
it gets exactly right. pysbd (in the ``test`` extra) and blingfire (optional,
not a project dependency) are skipped with a note when not installed.
Goal: 1 MB in under 1 s.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.core.segment import split_spans  # noqa: E402

SEEDS = ROOT / "seeds"
SCALE = ROOT.parent / "shared" / "corpora" / "scale"
CASES = ROOT / "tests" / "data" / "segment_cases.yaml"

Splitter = Callable[[str], list[tuple[int, int]]]


def build_corpus(target_bytes: int) -> tuple[str, str]:
    """About ``target_bytes`` of UTF-8 news text, cut at a line end, and where it came from."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    origin = f"{len(texts)} seeds"
    scale_files = sorted(SCALE.glob("*/*.txt")) if SCALE.is_dir() else []
    if scale_files:
        texts += [p.read_text(encoding="utf-8") for p in scale_files]
        origin += f" + {len(scale_files)} scale-corpus articles"
    unit = "\n\n".join(texts)
    copies = -(-target_bytes // len(unit.encode("utf-8")))
    if copies > 1:
        origin += f", repeated x{copies}"
    text = "\n\n".join([unit] * copies)
    cut = text.encode("utf-8")[:target_bytes].decode("utf-8", errors="ignore")
    return cut[: cut.rfind("\n") + 1 or len(cut)], origin


def _spans_of_pieces(line: str, base: int, pieces: list[str]) -> list[tuple[int, int]]:
    """Map a library's sentence strings back to stripped offsets in ``line``."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in pieces:
        stripped = piece.strip()
        if not stripped:
            continue
        found = line.find(stripped, cursor)
        if found < 0:  # the library changed the text; keep what we can locate
            continue
        spans.append((base + found, base + found + len(stripped)))
        cursor = found + len(stripped)
    return spans


def per_line(segment_line: Callable[[str], list[str]]) -> Splitter:
    """Wrap a library so it honours our contract: every line is its own unit."""

    def split(text: str) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        offset = 0
        for line in text.splitlines(keepends=True):
            if line.strip():
                spans += _spans_of_pieces(line, offset, segment_line(line))
            offset += len(line)
        return spans

    return split


def available_splitters() -> tuple[dict[str, Splitter], list[str]]:
    splitters: dict[str, Splitter] = {"reader (rules)": split_spans}
    notes: list[str] = []
    if importlib.util.find_spec("pysbd"):
        import pysbd

        segmenter = pysbd.Segmenter(language="en", clean=False)
        splitters["pysbd"] = per_line(segmenter.segment)
    else:
        notes.append("pysbd not installed: pip install -e '.[test]' to compare")
    if importlib.util.find_spec("blingfire"):
        import blingfire

        splitters["blingfire"] = per_line(
            lambda line: blingfire.text_to_sentences(line).split("\n")
        )
    else:
        notes.append("blingfire not installed (optional; not a project dependency)")
    return splitters, notes


def accuracy(split: Splitter, cases: list[dict[str, Any]]) -> tuple[int, list[str]]:
    """Cases segmented exactly as labelled, and the ids of those that were not."""
    failed = [
        case["id"]
        for case in cases
        if [case["text"][s:e] for s, e in split(case["text"])] != case["sentences"]
    ]
    return len(cases) - len(failed), failed


def best_time(split: Splitter, text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        split(text)
        best = min(best, time.perf_counter() - started)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="corpus size in MB (default 1)")
    parser.add_argument("--repeat", type=int, default=5, help="runs of our splitter (best kept)")
    args = parser.parse_args(argv)

    text, origin = build_corpus(int(args.mb * 1_000_000))
    megabytes = len(text.encode("utf-8")) / 1_000_000
    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    cases = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    splitters, notes = available_splitters()

    print(f"corpus: {megabytes:.2f} MB ({origin}); case table: {len(cases)} cases")
    header = f"{'segmenter':<16}{'cases ok':>10}{'5 seeds ms':>12}{'1 MB s':>9}{'MB/s':>9}"
    print(header + f"{'sentences':>11}{'vs pysbd':>10}")
    results: dict[str, float] = {}
    failures: dict[str, list[str]] = {}
    rows: list[tuple[str, int, float, int]] = []
    for name, split in splitters.items():
        ok, failures[name] = accuracy(split, cases)
        repeat = args.repeat if name == "reader (rules)" else 1
        seeds_ms = best_time(split, seeds, repeat) * 1000
        results[name] = best_time(split, text, repeat) / megabytes
        rows.append((name, ok, seeds_ms, len(split(text))))
    for name, ok, seeds_ms, count in rows:
        seconds = results[name]
        ratio = f"{results['pysbd'] / seconds:.1f}x" if "pysbd" in results else "-"
        print(
            f"{name:<16}{f'{ok}/{len(cases)}':>10}{seeds_ms:>12.1f}{seconds:>9.3f}"
            f"{1 / seconds:>9.2f}{count:>11}{ratio:>10}"
        )
    if "pysbd" in results:
        ours = results["reader (rules)"]
        print(f"reader is {results['pysbd'] / ours:.1f}x faster than pysbd (same run).")
    for name, failed in failures.items():
        if failed:
            print(f"{name} misses: {', '.join(failed)}")
    for note in notes:
        print(f"note: {note}")
    goal = results["reader (rules)"] < 1.0
    print(f"goal 1 MB < 1 s: {'met' if goal else 'NOT met'} ({results['reader (rules)']:.3f} s)")
    return 0 if goal else 1


if __name__ == "__main__":
    raise SystemExit(main())
