"""Write blind packets for the counterpart set: which sentences of the other outlets report the
same fact as a given sentence? (bench/gold/LABELLING.md, guides/counterparts.md)

This is what "◦ unique" and "◌ possible" claim, and what a link misses: the link packets only
ever show pairs the engine proposed, so a paraphrase it never scored is invisible to them.
Here the annotator reads every article of the story and, for each listed sentence, names
every sentence of the other articles that states the same fact, or none.

Sentences are drawn per story at random (fixed seed) among the body sentences the engine
calls unique, possible only (◌) and matched, in shares that favour the two claims under test;
the annotator is told none of this and sees the three kinds mixed, in reading order.

    python bench/labelling/counterpart_packets.py OUT_DIR [--unique 14 --possible 6 --matched 4]
"""

from __future__ import annotations

import argparse
import hashlib
import random
from pathlib import Path

from common import header, load_story, numbered, short_id, story_dirs

from tui.core.align import Alignment, align_corpus

SEED = 2026


def item_id(story: str, article_id: str, index: int) -> str:
    digest = hashlib.sha1(f"{story}|{article_id}|{index}".encode()).hexdigest()
    return f"c{digest[:8]}"


def engine_status(alignment: Alignment) -> dict[tuple[int, int], str]:
    """Every body sentence (not furniture, not a heading): matched, possible or unique."""
    status: dict[tuple[int, int], str] = {}
    for doc, article in enumerate(alignment.articles):
        for s in article.body_sentences:
            if s.heading:
                continue
            ref = (doc, s.index)
            status[ref] = "unique"
    for pair in alignment.possible_pairs:
        for ref in (pair.a, pair.b):
            if (ref.doc, ref.sentence) in status:
                status[(ref.doc, ref.sentence)] = "possible"
    for pair in alignment.pairs:
        for ref in (pair.a, pair.b):
            if (ref.doc, ref.sentence) in status:
                status[(ref.doc, ref.sentence)] = "matched"
    return status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--unique", type=int, default=14)
    parser.add_argument("--possible", type=int, default=6)
    parser.add_argument("--matched", type=int, default=4)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    shares = {"unique": args.unique, "possible": args.possible, "matched": args.matched}
    for folder in story_dirs():
        articles = load_story(folder)
        alignment = align_corpus(articles)
        status = engine_status(alignment)
        rng = random.Random(f"{SEED}|{folder.name}")
        chosen: list[tuple[int, int]] = []
        for kind, count in shares.items():
            refs = sorted(ref for ref, s in status.items() if s == kind)
            chosen += rng.sample(refs, min(count, len(refs)))
        lines = [f"# Story: {folder.name}", "", "## The articles", ""]
        for article in articles:
            lines += [f"### Article {short_id(article)}", header(article), "", numbered(article)]
            lines.append("")
        lines += ["## The sentences to check", ""]
        for doc, index in sorted(chosen):
            article = articles[doc]
            text = " ".join(article.sentences[index].text.split())
            ident = item_id(folder.name, article.id, index)
            lines.append(f"{ident}: {short_id(article)}[{index}] {text}")
        (args.out / f"{folder.name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{folder.name}: {len(chosen)} sentences")


if __name__ == "__main__":
    main()
