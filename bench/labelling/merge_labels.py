"""Merge two blind annotators' labels into the gold, and write a packet of the disputed items.

    python bench/labelling/merge_labels.py ROUND_DIR LABELS_DIR KIND ANN1 ANN2 [--settled ANN3]

``ROUND_DIR`` is a packet folder (``packets.py``), ``LABELS_DIR`` the annotators' output
root (``<LABELS_DIR>/<annotator>/<packet>.yaml``). Items both annotators labelled alike go
into ``bench/gold/story_<KIND>.yaml`` (or ``--gold``); disputed ones are written to
``ROUND_DIR/<KIND>_disputed/`` for a third annotator, whose labels (``--settled``) decide
them. Agreement figures are added to the gold file's ``agreement`` list.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import yaml
from common import ROOT

GOLD = ROOT / "bench" / "gold"


def _labels(folder: Path) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for path in sorted(folder.glob("*.yaml")):
        for item in (yaml.safe_load(path.read_text(encoding="utf-8")) or {})["items"]:
            if False in item:  # an unquoted `off:` key reads as the value false
                item["off"] = item.pop(False)
            out[item["id"]] = item
    return out


def _packet_items(folder: Path) -> dict[str, str]:
    items: dict[str, str] = {}
    for path in sorted(folder.glob("*.txt")):
        for block in path.read_text(encoding="utf-8").split("### ")[1:]:
            item_id, _, body = block.partition("\n")
            items[item_id.strip()] = body
    return items


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("round", type=Path)
    parser.add_argument("labels", type=Path)
    parser.add_argument("kind", choices=["links", "candidates", "groups"])
    parser.add_argument("first")
    parser.add_argument("second")
    parser.add_argument("--settled")
    parser.add_argument(
        "--gold",
        help="gold file name (default story_<KIND>.yaml; scale_links.yaml for the scale corpus)",
    )
    args = parser.parse_args()
    keys = json.loads((args.round / f"{args.kind}_keys.json").read_text())
    one, two = _labels(args.labels / args.first), _labels(args.labels / args.second)
    third = _labels(args.labels / args.settled) if args.settled else {}
    gold_path = GOLD / (args.gold or f"story_{args.kind}.yaml")
    gold = yaml.safe_load(gold_path.read_text()) if gold_path.exists() else {}
    items = {item["id"]: item for item in gold.get("items", [])}
    agree = Counter()
    disputed: list[str] = []
    for item_id, key in keys.items():
        a, b = one.get(item_id), two.get(item_id)
        if a is None or b is None:
            raise SystemExit(f"{item_id}: unlabelled by {args.first if a is None else args.second}")
        same = a["label"] == b["label"]
        agree["both" if same else "differ"] += 1
        agree[f"{a['label']}/{b['label']}"] += 1
        if same:
            label, by = a["label"], "both"
        elif item_id in third:
            label, by = third[item_id]["label"], "third"
        else:
            disputed.append(item_id)
            continue
        entry = {"id": item_id, "story": key[0], "sides": key[1], "label": label, "by": by}
        for extra in ("trivial", "later_update", "off"):
            votes = [x.get(extra) for x in (a, b, third.get(item_id, {})) if x.get(extra)]
            if votes:
                entry[extra] = votes[0] if by == "both" else votes[-1]
        items[item_id] = entry
    if disputed:
        packet = _packet_items(args.round / args.kind)
        out = args.round / f"{args.kind}_disputed"
        out.mkdir(exist_ok=True)
        body = "\n".join(f"### {i}\n{packet[i]}" for i in disputed)
        (out / f"{args.kind}_disputed.txt").write_text(body, encoding="utf-8")
    rounds = gold.get("agreement", [])
    rounds.append(
        {
            "round": args.round.name,
            "annotators": [args.first, args.second] + ([args.settled] if third else []),
            "items": len(keys),
            "agreed": agree["both"],
            "kappa_table": {k: v for k, v in sorted(agree.items()) if "/" in k},
            "settled_by_third": sum(1 for i in keys if i in third and i not in disputed),
            "still_disputed": len(disputed),
        }
    )
    gold = {
        "schema_version": 1,
        "guideline": f"bench/gold/LABELLING.md#{args.kind}",
        "agreement": rounds,
        "items": sorted(items.values(), key=lambda x: (x["story"], x["id"])),
    }
    GOLD.mkdir(exist_ok=True)
    gold_path.write_text(yaml.safe_dump(gold, sort_keys=False, allow_unicode=True, width=100))
    print(f"{args.kind}: {len(keys)} items, agreed {agree['both']}, disputed {len(disputed)}")
    print({k: v for k, v in agree.items() if "/" in k})


if __name__ == "__main__":
    main()
