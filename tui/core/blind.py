"""Blind reading: the accounts without their outlets, to judge them before knowing who wrote them.

Articles become "Source A", "Source B"… in an order shuffled by a seed (the session keeps it,
so a reader sees the same letters each time). Titles, URLs, dates, bylines and authors go from
the metadata; in the text, every mention of an outlet, a title, a URL or an author is masked,
and furniture lines that credit someone (bylines, "With reporting by…", photo credits,
copyright lines) are masked whole. Ids and paths stay: notes still record the real articles.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from urllib.parse import urlsplit

from tui.core.furniture import classify_lines
from tui.core.model import Article, ArticleMeta, Sentence
from tui.core.text import excerpt

MASK = "▒"
"""What a hidden character is shown as in the app (one for one, so offsets hold)."""
CREDIT_RULES = frozenset({"byline", "credit", "caption"})
"""Furniture that names who wrote, reported or photographed: masked whole."""
AUTHOR_KEYS = ("authors", "author", "byline", "by")
"""Metadata keys that name the writers (front matter and metadata.yaml spell them so)."""
TITLE_FROM_TEXT = 80
"""How long a title ``corpus`` makes from the opening sentence is (``corpus._title_from``)."""
MIN_NAME = 3
"""Shorter names are not masked in the text (an outlet "AP" would hide every "ap")."""


def source_name(position: int) -> str:
    """ "Source A" … "Source Z", then "Source AA", "Source AB"…"""
    letters = ""
    n = position
    while True:
        letters = chr(ord("A") + n % 26) + letters
        n = n // 26 - 1
        if n < 0:
            return f"Source {letters}"


def shuffled_order(count: int, seed: int) -> tuple[int, ...]:
    """The original positions in the order they are shown: the same for the same seed."""
    order = list(range(count))
    random.Random(seed).shuffle(order)
    return tuple(order)


def new_seed() -> int:
    """A fresh seed for a new blind session or report."""
    return random.SystemRandom().randrange(1, 2**31)


def hidden_names(articles: Iterable[Article]) -> tuple[str, ...]:
    """Every string that would name an article's outlet, title, URL or authors."""
    names: set[str] = set()
    for article in articles:
        meta = article.meta
        label = re.sub(r"(…| \d+)$", "", article.label).strip()
        names.update((label, meta.source, meta.url))
        if not title_from_text(article):
            names.add(meta.title)
        if meta.url:
            host = (urlsplit(meta.url).hostname or "").removeprefix("www.")
            names.update((host, host.rsplit(".", 1)[0]))
        for key in AUTHOR_KEYS:
            names.update(re.split(r",|;|\band\b|&", str(meta.extra.get(key, ""))))
    return tuple(sorted({n.strip() for n in names if len(n.strip()) >= MIN_NAME}))


def title_from_text(article: Article) -> bool:
    """Whether the title is only the opening words of the body (``corpus`` makes one so when
    the metadata gives none): text, not a giveaway, and never masked. A headline is a title."""
    first = next((s for s in article.sentences if not s.furniture), None)
    if first is None or first.heading:
        return False
    return article.meta.title == excerpt(first.text, TITLE_FROM_TEXT)


class Masker:
    """Masks the names of :func:`hidden_names` in any text, one character for one."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names = tuple(names)
        parts = [
            (r"\b" if n[0].isalnum() else "") + re.escape(n) + (r"\b" if n[-1].isalnum() else "")
            for n in sorted(self.names, key=len, reverse=True)  # the longest name first
        ]
        self._pattern = re.compile("|".join(parts), re.IGNORECASE) if parts else None

    def mask(self, text: str, fill: str = MASK) -> str:
        """``text`` with every name replaced by as many ``fill`` characters."""
        if self._pattern is None:
            return text
        return self._pattern.sub(lambda m: fill * len(m.group()), text)


def blind_articles(
    articles: Sequence[Article], seed: int, *, mask_text: bool = True, fill: str = MASK
) -> tuple[tuple[Article, ...], tuple[int, ...]]:
    """The articles shuffled and anonymised, and the original position of each one shown.

    Args:
        articles: the articles as loaded.
        seed: the shuffle's seed.
        mask_text: also mask names and credit lines in the text, one character for one (the
            app shows text as it is); off, the text is untouched (a report masks as it renders,
            and the notes' passages are found by the text's hash).
        fill: the character a masked one becomes.
    """
    order = shuffled_order(len(articles), seed)
    masker = Masker(hidden_names(articles))
    shown = []
    for position, original in enumerate(order):
        article = articles[original]
        text, sentences = article.text, article.sentences
        if mask_text:
            text = _masked_text(article, masker, fill)
            sentences = tuple(replace(s, text=text[s.start : s.end]) for s in sentences)
        shown.append(
            replace(
                article,
                label=source_name(position),
                meta=ArticleMeta(),
                text=text,
                sentences=sentences,
            )
        )
    return tuple(shown), order


def _masked_text(article: Article, masker: Masker, fill: str) -> str:
    chars = list(masker.mask(article.text, fill))
    for sentence in credit_sentences(article):
        for i in range(sentence.start, sentence.end):
            if not chars[i].isspace():
                chars[i] = fill
    return "".join(chars)


def credit_sentences(article: Article) -> list[Sentence]:
    """The furniture sentences of lines that credit someone (see :data:`CREDIT_RULES`)."""
    lines = [m.group() for m in re.finditer(r"[^\n]*\S[^\n]*", article.text)]
    verdicts = classify_lines(lines)
    return [
        s
        for s in article.sentences
        if s.furniture
        and s.paragraph < len(verdicts)
        and verdicts[s.paragraph].rule in CREDIT_RULES
    ]
