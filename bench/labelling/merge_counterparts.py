"""Merge two annotators' counterpart labels, write what they split on for a third, and write
the gold (bench/gold/story_counterparts.yaml).

Each annotator lists, for each sentence to check, every sentence of the other articles that
reports the same fact (guides/counterparts.md). A counterpart both listed is kept. One that
only one listed goes to a third annotator as a yes/no question (guides/counterparts_settle.md),
whose answer decides. Agreement is reported on the question a reader sees answered ("does
any other outlet report this?", with Cohen's kappa) and per counterpart listed.

    python bench/labelling/merge_counterparts.py PACKETS LABELS settle OUT_DIR
    python bench/labelling/merge_counterparts.py PACKETS LABELS gold [--settled DIR]

``PACKETS`` holds the packets (counterpart_packets.py), ``LABELS`` one folder per annotator.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

import yaml
from common import ROOT, load_story, sentence_key, short_id, story_dirs

from tui.core.model import Article

GOLD = ROOT / "bench" / "gold" / "story_counterparts.yaml"
ITEM = re.compile(r"^(c[0-9a-f]{8}): (\d+)\[(\d+)\] ")
REF = re.compile(r"^\s*(\d+)\s*\[\s*(\d+)\s*\]\s*$")

Ref = tuple[str, int]
"""An article's short id ("02") and a sentence index."""


def packet_items(path: Path) -> dict[str, Ref]:
    items: dict[str, Ref] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if m := ITEM.match(line):
            items[m.group(1)] = (m.group(2), int(m.group(3)))
    return items


def read_labels(path: Path) -> dict[str, frozenset[Ref]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out: dict[str, frozenset[Ref]] = {}
    for item in data.get("items", []):
        refs: set[Ref] = set()
        for ref in item.get("same") or []:
            m = REF.match(str(ref))
            if m is None:
                raise SystemExit(f"{path}: {item['id']}: not a reference: {ref!r}")
            refs.add((m.group(1).zfill(2), int(m.group(2))))
        out[item["id"]] = frozenset(refs)
    return out


def annotators_of(labels: Path, story: str) -> list[Path]:
    return sorted(p for p in labels.glob(f"*/{story}.yaml") if p.parent.name != "settle")


def kappa(pairs: list[tuple[bool, bool]]) -> float:
    n = len(pairs)
    agreed = sum(a == b for a, b in pairs) / n
    p1 = sum(a for a, _ in pairs) / n
    p2 = sum(b for _, b in pairs) / n
    chance = p1 * p2 + (1 - p1) * (1 - p2)
    return (agreed - chance) / (1 - chance) if chance < 1 else 1.0


def text_of(articles: dict[str, Article], ref: Ref) -> str:
    return " ".join(articles[ref[0]].sentences[ref[1]].text.split())


def merge(packets: Path, labels: Path) -> dict[str, Any]:
    """Per story: the items, the two label sets, what both listed and what only one did."""
    stories: dict[str, Any] = {}
    for packet in sorted(packets.glob("*.txt")):
        story = packet.stem
        files = annotators_of(labels, story)
        if len(files) != 2:
            raise SystemExit(f"{story}: {len(files)} annotators, need 2")
        first, second = (read_labels(f) for f in files)
        items = packet_items(packet)
        missing = [i for i in items if i not in first or i not in second]
        if missing:
            raise SystemExit(f"{story}: items not labelled by both: {missing}")
        stories[story] = {
            "items": items,
            "names": [f.parent.name for f in files],
            "both": {i: first[i] & second[i] for i in items},
            "one": {i: first[i] ^ second[i] for i in items},
            "any": {i: (bool(first[i]), bool(second[i])) for i in items},
        }
    return stories


def agreement(stories: dict[str, Any]) -> dict[str, Any]:
    seen = [pair for s in stories.values() for pair in s["any"].values()]
    both = sum(len(refs) for s in stories.values() for refs in s["both"].values())
    one = sum(len(refs) for s in stories.values() for refs in s["one"].values())
    return {
        "items": len(seen),
        "reported_elsewhere_agreed": sum(a == b for a, b in seen),
        "kappa": round(kappa(seen), 3),
        "counterparts_listed_by_both": both,
        "counterparts_listed_by_one": one,
        "annotators": sorted({n for s in stories.values() for n in s["names"]}),
    }


def write_settle(stories: dict[str, Any], packets: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    folders = {f.name: f for f in story_dirs()}
    for story, s in stories.items():
        questions = [(i, ref) for i in s["items"] for ref in sorted(s["one"][i])]
        if not questions:
            continue
        articles = {short_id(a): a for a in load_story(folders[story])}
        text = (packets / f"{story}.txt").read_text(encoding="utf-8")
        head = text.split("## The sentences to check")[0]
        lines = [head.rstrip(), "", "## The questions", ""]
        for n, (ident, ref) in enumerate(questions, 1):
            doc, index = s["items"][ident]
            lines += [
                f"q{n}: {ident}",
                f"  checked:  {doc}[{index}] {text_of(articles, (doc, index))}",
                f"  proposed: {ref[0]}[{ref[1]}] {text_of(articles, ref)}",
                "",
            ]
        (out / f"{story}.txt").write_text("\n".join(lines), encoding="utf-8")
        print(f"{story}: {len(questions)} questions")


def write_gold(stories: dict[str, Any], settled: Path | None) -> None:
    folders = {f.name: f for f in story_dirs()}
    items: list[dict[str, Any]] = []
    settled_yes = settled_no = 0
    for story, s in stories.items():
        answers: dict[tuple[str, Ref], bool] = {}
        if settled is not None and (settled / f"{story}.yaml").exists():
            data = yaml.safe_load((settled / f"{story}.yaml").read_text(encoding="utf-8"))
            questions = [(i, ref) for i in s["items"] for ref in sorted(s["one"][i])]
            by_q = {f"q{n}": q for n, q in enumerate(questions, 1)}
            for answer in data.get("items", []):
                answers[by_q[answer["q"]]] = answer["label"] == "same"
        articles = {short_id(a): a for a in load_story(folders[story])}
        for ident, (doc, index) in sorted(s["items"].items(), key=lambda kv: kv[1]):
            same = set(s["both"][ident])
            for ref in s["one"][ident]:
                if (ident, ref) not in answers:
                    raise SystemExit(f"{story}: {ident} {ref}: not settled")
                if answers[(ident, ref)]:
                    same.add(ref)
                    settled_yes += 1
                else:
                    settled_no += 1
            items.append(
                {
                    "story": story,
                    "article": doc,
                    "index": index,
                    "key": sentence_key(articles[doc], index),
                    "same": [
                        {"article": r[0], "index": r[1], "key": sentence_key(articles[r[0]], r[1])}
                        for r in sorted(same)
                    ],
                }
            )
    settle = {"settled_same": settled_yes, "settled_not": settled_no}
    document = {
        "guideline": "guides/counterparts.md (settled: guides/counterparts_settle.md)",
        "agreement": [agreement(stories) | settle],
        "items": items,
    }
    GOLD.write_text(
        yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8"
    )
    print(f"{len(items)} sentences written to {GOLD}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("packets", type=Path)
    parser.add_argument("labels", type=Path)
    parser.add_argument("mode", choices=["settle", "gold"])
    parser.add_argument("out", type=Path, nargs="?")
    parser.add_argument("--settled", type=Path)
    args = parser.parse_args()
    stories = merge(args.packets, args.labels)
    print(yaml.safe_dump(agreement(stories), sort_keys=False))
    if args.mode == "settle":
        write_settle(stories, args.packets, args.out or Path("settle"))
    else:
        write_gold(stories, args.settled)


if __name__ == "__main__":
    main()
