"""Shared helpers for the blind labelling packets: loading a story, keying sentences.

Sentences are keyed by the shortest start of their text (six words or more) that is unique
in the article, as in ``tests/data/LABELLING.md``, so labels survive segmenter changes.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tui.core.corpus import load_paths  # noqa: E402
from tui.core.model import Article  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"
STORIES = CORPORA / "stories"
SCALE = CORPORA / "scale" / "kavanaugh_2018-09_2018-10"
"""The scale corpus: 173 articles on one affair over a month."""
SEEDS = ROOT / "seeds"
SCALE_GROUP_SEED = 2030
"""Seed of the hash that draws the scale corpus's groups to label (and to score)."""
SCALE_GROUP_SAMPLE = 60
SCALE_LINK_SEED = 2027
"""Seed of the hash that draws the scale corpus's links to label (and to score)."""
SCALE_LINK_SAMPLE = 100


def drawn_by_hash(keys: Sequence[str], seed: int, size: int) -> list[str]:
    """The ``size`` keys that hash lowest with ``seed``: a sample two versions of the engine
    share wherever they make the same items, so only new items need labels."""
    return sorted(keys, key=lambda k: hashlib.sha1(f"{seed}|{k}".encode()).hexdigest())[:size]


def story_dirs() -> list[Path]:
    """The seven real stories, in name order."""
    return sorted(p for p in STORIES.iterdir() if p.is_dir())


def load_story(folder: Path) -> tuple[Article, ...]:
    """The articles of one story folder (sidecar metadata applied)."""
    result = load_paths([folder])
    if result.errors:
        raise SystemExit("; ".join(result.errors))
    return result.articles


def short_id(article: Article) -> str:
    """'01' for '01_usa-today_...', '000' for '000_1839...'."""
    return article.id.split("_", 1)[0]


def sentence_key(article: Article, index: int, min_words: int = 6) -> str:
    """The shortest start of sentence ``index`` (``min_words`` words or more) that no other
    sentence of the article starts with; the whole text when none is shorter."""
    text = article.sentences[index].text
    words = text.split()
    others = [s.text for s in article.sentences if s.index != index]
    for n in range(min_words, len(words) + 1):
        prefix = " ".join(words[:n])
        if not any(" ".join(o.split()[:n]).startswith(prefix) for o in others):
            return prefix
    return text


def resolve_key(article: Article, key: str) -> int:
    """The index of the sentence ``key`` names (see ``sentence_key``)."""
    norm = " ".join(key.split())
    hits = [s.index for s in article.sentences if " ".join(s.text.split()).startswith(norm)]
    if len(hits) != 1:
        hits = [s.index for s in article.sentences if norm in " ".join(s.text.split())]
    if len(hits) != 1:
        raise KeyError(f"{article.id}: key {key!r} matches {len(hits)} sentences")
    return hits[0]


def header(article: Article) -> str:
    """Outlet, date and title: what any reader of the article sees."""
    meta = article.meta
    parts = [f"Outlet: {meta.source or article.label}"]
    if meta.published:
        parts.append(f"Published: {meta.published}")
    if meta.title:
        parts.append(f"Title: {meta.title}")
    return "\n".join(parts)


def numbered(article: Article, sentences: Sequence[int] | None = None) -> str:
    """Sentences one a line, '[12] text', furniture marked and paragraphs separated."""
    out: list[str] = []
    last_paragraph = None
    for s in article.sentences:
        if sentences is not None and s.index not in sentences:
            continue
        if last_paragraph is not None and s.paragraph != last_paragraph:
            out.append("")
        last_paragraph = s.paragraph
        mark = " [furniture]" if s.furniture else ""
        out.append(f"[{s.index}]{mark} {' '.join(s.text.split())}")
    return "\n".join(out)
