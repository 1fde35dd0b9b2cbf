"""Write blind packets of groups of three or more sentences the engine makes on the scale
corpus (held out): ``--sample`` of them drawn by the hash of their key, so that versions
share the groups they both make and only new ones need labels.

    python bench/labelling/scale_group_packets.py ALIGN_JSON OUT_DIR [--sample 60]

Labels go through ``merge_labels.py groups --gold scale_groups.yaml`` (guides/groups.md).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from common import SCALE, SCALE_GROUP_SEED, drawn_by_hash, load_story
from packets import _known, collect, write


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("report", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--sample", type=int, default=60)
    args = parser.parse_args()
    report = json.loads(args.report.read_text(encoding="utf-8"))
    only_groups = {**report, "pairs": [], "discrepancies": []}
    _, _, groups = collect(SCALE.name, load_story(SCALE), only_groups)
    drawn = set(drawn_by_hash([item[0] for item in groups], SCALE_GROUP_SEED, args.sample))
    chosen = [item for item in groups if item[0] in drawn]
    n = write("groups", chosen, args.out, 30, _known("scale_groups.yaml"))
    print(f"{len(groups)} groups of 3+, {len(chosen)} drawn: {n} to label")


if __name__ == "__main__":
    main()
