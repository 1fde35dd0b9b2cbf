"""Write blind labelling packets for what the engine proposes, and read the labels back.

Three kinds of item, each judged by reading only (bench/gold/LABELLING.md):
- ``candidates``: two marked passages (one sentence of context either side); is it the same
  fact stated incompatibly (conflict), compatibly, or a different fact?
- ``links``: two sentences with context; the same fact, a related one, or nothing in common?
- ``groups``: every member of a group of three or more; one shared fact (pure), some members
  off (mixed), or no fact shared by all (chained)?

The annotator never sees the engine's kind, status, score or explanation. Items already in
the gold (``bench/gold/*.yaml``) are skipped, so each round labels only what is new.

    python bench/labelling/packets.py ALIGN_JSON_DIR OUT_DIR [--per-file 60]

``ALIGN_JSON_DIR`` holds ``<story>.json`` files written by ``reader align --format json``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from pathlib import Path
from typing import Any

import yaml
from common import ROOT, SEEDS, header, load_story, sentence_key, short_id, story_dirs

from tui.core.model import Article

GOLD = ROOT / "bench" / "gold"


def item_id(kind: str, key: Any) -> str:
    digest = hashlib.sha1(json.dumps([kind, key], sort_keys=True).encode()).hexdigest()
    return f"{kind[0]}{digest[:8]}"


def _context(article: Article, index: int, span: tuple[int, int] | None = None) -> str:
    lines = [f"Article {short_id(article)} — {header(article).replace(chr(10), ' | ')}"]
    body = [s for s in article.sentences if not s.furniture]
    positions = [s.index for s in body]
    at = positions.index(index) if index in positions else None
    around = body[max(0, at - 1) : at + 2] if at is not None else [article.sentences[index]]
    for s in around:
        text = s.text
        if s.index == index and span is not None:
            start, end = span[0] - s.start, span[1] - s.start
            text = f"{text[:start]}⟦{text[start:end]}⟧{text[end:]}"
        mark = ">>" if s.index == index else "  "
        lines.append(f"  {mark} [{s.index}] {' '.join(text.split())}")
    return "\n".join(lines)


def _known(name: str) -> set[str]:
    path = GOLD / name
    if not path.exists():
        return set()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {item["id"] for item in data.get("items", [])}


def collect(story: str, articles: tuple[Article, ...], report: dict[str, Any]):
    by_id = {a.id: a for a in articles}
    cands, links, groups = [], [], []
    for d in report["discrepancies"]:
        a, b = by_id[d["a"]["doc"]], by_id[d["b"]["doc"]]
        sides = sorted(
            [
                (short_id(a), sentence_key(a, d["a"]["sentence"]), d["a"]["text"], a, d["a"]),
                (short_id(b), sentence_key(b, d["b"]["sentence"]), d["b"]["text"], b, d["b"]),
            ],
            key=lambda t: t[:3],
        )
        key = [story, [list(s[:3]) for s in sides]]
        text = "\n\n".join(
            _context(s[3], s[4]["sentence"], (s[4]["start"], s[4]["end"])) for s in sides
        )
        cands.append((item_id("candidate", key), key, text))
    for p in report["pairs"] if story != "seeds" else ():
        a, b = by_id[p["a"]["doc"]], by_id[p["b"]["doc"]]
        sides = sorted(
            [
                (short_id(a), sentence_key(a, p["a"]["sentence"]), a, p["a"]["sentence"]),
                (short_id(b), sentence_key(b, p["b"]["sentence"]), b, p["b"]["sentence"]),
            ],
            key=lambda t: t[:2],
        )
        key = [story, [list(s[:2]) for s in sides]]
        text = "\n\n".join(_context(s[2], s[3]) for s in sides)
        links.append((item_id("link", key), key, text))
    for g in report["groups"] if story != "seeds" else ():
        if len(g["members"]) < 3:
            continue
        members = sorted(
            (
                (short_id(by_id[m["doc"]]), sentence_key(by_id[m["doc"]], m["sentence"]), m)
                for m in g["members"]
            ),
            key=lambda t: t[:2],
        )
        key = [story, [list(m[:2]) for m in members]]
        lines = []
        for n, (_, _, m) in enumerate(members, 1):
            article = by_id[m["doc"]]
            s = article.sentences[m["sentence"]]
            lines.append(
                f"  M{n}: Article {short_id(article)} ({article.meta.source or article.label}) "
                f"[{s.index}] {' '.join(s.text.split())}"
            )
        groups.append((item_id("group", key), key, "\n".join(lines)))
    return cands, links, groups


def write(kind: str, items, out: Path, per_file: int, known: set[str]) -> int:
    fresh = {i: (k, t) for i, k, t in items if i not in known}
    order = sorted(fresh)
    random.Random(7).shuffle(order)
    (out / kind).mkdir(parents=True, exist_ok=True)
    keys = {}
    for n in range(0, len(order), per_file):
        chunk = order[n : n + per_file]
        body = [f"### {i}\n{fresh[i][1]}\n" for i in chunk]
        name = f"{kind}_{n // per_file + 1:02d}.txt"
        (out / kind / name).write_text("\n".join(body), encoding="utf-8")
        keys.update({i: fresh[i][0] for i in chunk})
    (out / f"{kind}_keys.json").write_text(json.dumps(keys, indent=1), encoding="utf-8")
    return len(order)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("reports", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--per-file", type=int, default=60)
    args = parser.parse_args()
    folders = {f.name: f for f in story_dirs()} | {"seeds": SEEDS}
    all_c, all_l, all_g = [], [], []
    for path in sorted(args.reports.glob("*.json")):
        story = path.stem
        articles = load_story(folders[story])
        c, links, g = collect(story, articles, json.loads(path.read_text()))
        all_c += c
        all_l += links
        all_g += g
    for kind, items, gold in (
        ("candidates", all_c, "story_candidates.yaml"),
        ("links", all_l, "story_links.yaml"),
        ("groups", all_g, "story_groups.yaml"),
    ):
        n = write(kind, items, args.out, args.per_file, _known(gold))
        print(f"{kind}: {len(items)} items, {n} to label")


if __name__ == "__main__":
    main()
