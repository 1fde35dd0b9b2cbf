"""Write blind packets of the contradiction candidates the engine raises on the scale corpus
(173 articles on one affair, held out of every fit and rule): every ⚑ conflict and a random
sample of ↻ updated figures, the two marks ``]`` walks to.

    python bench/labelling/scale_candidate_packets.py ALIGN_JSON OUT_DIR [--updated 45]

``ALIGN_JSON`` is ``reader align --format json`` of the scale corpus. Items already in
bench/gold/scale_candidates.yaml are skipped; labels go through ``merge_labels.py candidates
--gold scale_candidates.yaml`` as the stories' do (guides/candidates.md).
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from common import SCALE, load_story
from packets import _known, collect, write

SEED = 2028


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("report", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--updated", type=int, default=45)
    args = parser.parse_args()
    report = json.loads(args.report.read_text(encoding="utf-8"))
    conflicts = [d for d in report["discrepancies"] if d["status"] == "conflict"]
    updated = sorted(
        (d for d in report["discrepancies"] if d["status"] == "updated"),
        key=lambda d: (d["a"]["doc"], d["a"]["sentence"], d["b"]["doc"], d["b"]["sentence"]),
    )
    random.Random(SEED).shuffle(updated)
    chosen = {**report, "discrepancies": conflicts + updated[: args.updated], "pairs": []}
    chosen["groups"] = []
    cands, _, _ = collect(SCALE.name, load_story(SCALE), chosen)
    n = write("candidates", cands, args.out, 50, _known("scale_candidates.yaml"))
    print(f"{len(conflicts)} conflicts, {min(args.updated, len(updated))} updated: {n} to label")


if __name__ == "__main__":
    main()
