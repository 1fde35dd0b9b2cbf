"""Write the packets for the blind full read: each story's articles, sentences numbered.

Annotators read every article of a story and list the real disagreements between outlets
(see bench/gold/LABELLING.md). They see the articles as a reader would (outlet, date,
title, text); never anything the engine computed.

    python bench/labelling/full_read_packets.py OUT_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path

from common import header, load_story, numbered, short_id, story_dirs


def main(out: Path) -> None:
    for folder in story_dirs():
        target = out / folder.name
        target.mkdir(parents=True, exist_ok=True)
        for article in load_story(folder):
            text = f"Article {short_id(article)}\n{header(article)}\n\n{numbered(article)}\n"
            (target / f"article_{short_id(article)}.txt").write_text(text, encoding="utf-8")
        print(target)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
