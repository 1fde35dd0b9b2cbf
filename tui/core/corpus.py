"""Loading articles from files and folders into the model.

(Provisional loader; hardened by issue 2: encodings, limits, furniture, HTML.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tui.core.model import Article, ArticleMeta, Sentence
from tui.core.segment import split_spans

TEXT_SUFFIXES = (".txt", ".md")


class LoadError(Exception):
    """A file that cannot be opened as an article; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class LoadResult:
    """Articles that loaded, and one-line errors for the inputs that did not."""

    articles: tuple[Article, ...]
    errors: tuple[str, ...]


_DATE_MARKER = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2})\s+")


def make_article(article_id: str, path: str, text: str, meta: ArticleMeta | None = None) -> Article:
    """Build an article from its raw text: metadata markers, sentences, label."""
    meta = meta or ArticleMeta()
    match = _DATE_MARKER.match(text)
    if match:
        text = text[match.end() :]
        if not meta.published:
            meta = ArticleMeta(meta.title, meta.source, meta.url, match.group(1), meta.extra)
    sentences = segment_article(text)
    label = meta.source or meta.title or Path(path).stem
    return Article(
        id=article_id, path=path, label=label[:24], text=text, meta=meta, sentences=tuple(sentences)
    )


def segment_article(text: str) -> list[Sentence]:
    """Split an article body into sentences with offsets and paragraph numbers."""
    sentences: list[Sentence] = []
    paragraph = 0
    last_end = 0
    for start, end in split_spans(text):
        if sentences and "\n" in text[last_end:start]:
            paragraph += 1
        sentences.append(Sentence(len(sentences), start, end, text[start:end], paragraph))
        last_end = end
    return sentences


def load_paths(paths: Sequence[str | Path]) -> LoadResult:
    """Load every article named by ``paths`` (files or folders); collect errors."""
    articles: list[Article] = []
    errors: list[str] = []
    for file in _expand(paths, errors):
        try:
            raw = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            errors.append(f"{file}: cannot read: {exc}")
            continue
        articles.append(make_article(file.stem, str(file), raw))
    return LoadResult(tuple(articles), tuple(errors))


def _expand(paths: Iterable[str | Path], errors: list[str]) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix in TEXT_SUFFIXES))
        elif path.exists():
            files.append(path)
        else:
            errors.append(f"{path}: no such file or folder")
    return files
