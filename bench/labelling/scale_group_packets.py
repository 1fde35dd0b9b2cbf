"""Write blind packets of groups of three or more sentences the engine makes on the scale
corpus (held out): ``--sample`` of them drawn by the hash of their key, so that versions
share the groups they both make and only new ones need labels.

    python bench/labelling/scale_group_packets.py ALIGN_JSON OUT_DIR [--sample 60]

Labels go through ``merge_labels.py groups --gold scale_groups.yaml`` (guides/groups.md).
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

from common import CORPORA, load_story
from packets import _known, collect, write

SCALE = CORPORA / "scale" / "kavanaugh_2018-09_2018-10"
SEED = 2030


def sample_groups(items: list[tuple[str, object, str]], size: int) -> list[tuple[str, object, str]]:
    """The ``size`` group items whose id hashes lowest with the seed."""
    rank = lambda item: hashlib.sha1(f"{SEED}|{item[0]}".encode()).hexdigest()  # noqa: E731
    return sorted(items, key=rank)[:size]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("report", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--sample", type=int, default=60)
    args = parser.parse_args()
    report = json.loads(args.report.read_text(encoding="utf-8"))
    only_groups = {**report, "pairs": [], "discrepancies": []}
    _, _, groups = collect(SCALE.name, load_story(SCALE), only_groups)
    chosen = sample_groups(groups, args.sample)
    n = write("groups", chosen, args.out, 30, _known("scale_groups.yaml"))
    print(f"{len(groups)} groups of 3+, {len(chosen)} drawn: {n} to label")


if __name__ == "__main__":
    main()
