"""Write blind packets of the links or the groups of three or more that the engine makes on
the scale corpus (held out): the sample ``bench_trust.py`` scores, drawn by the hash of each
item's key, so that versions share the items they both make and only new ones need labels.

    python bench/labelling/scale_sample_packets.py {links,groups} ALIGN_JSON OUT_DIR

``ALIGN_JSON`` is ``reader align --format json`` of the scale corpus. Labels go through
``merge_labels.py links --gold scale_links.yaml`` or ``merge_labels.py groups --gold
scale_groups.yaml`` (guides/links.md, guides/groups.md).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from common import (
    SCALE,
    SCALE_GROUP_SAMPLE,
    SCALE_GROUP_SEED,
    SCALE_LINK_SAMPLE,
    SCALE_LINK_SEED,
    drawn_by_hash,
    load_story,
)
from packets import _known, collect, write

DRAWS = {
    "links": (SCALE_LINK_SEED, SCALE_LINK_SAMPLE),
    "groups": (SCALE_GROUP_SEED, SCALE_GROUP_SAMPLE),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", choices=sorted(DRAWS))
    parser.add_argument("report", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    report = json.loads(args.report.read_text(encoding="utf-8"))
    _, links, groups = collect(SCALE.name, load_story(SCALE), {**report, "discrepancies": []})
    items = links if args.kind == "links" else groups
    seed, size = DRAWS[args.kind]
    drawn = set(drawn_by_hash([item[0] for item in items], seed, size))
    chosen = [item for item in items if item[0] in drawn]
    n = write(args.kind, chosen, args.out, 30, _known(f"scale_{args.kind}.yaml"))
    print(f"{len(items)} {args.kind}, {len(chosen)} drawn: {n} to label")


if __name__ == "__main__":
    main()
