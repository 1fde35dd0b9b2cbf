"""What a sentence means depends on what comes before it and when it was written.

"It expelled four" needs the sentence before to say who; "he said" needs the speaker named
earlier in the paragraph; "on Tuesday" needs the article's date. A ``SentenceContext`` carries
just that, so the candidate rules can read a sentence the way a person does.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from tui.core.model import Article

LOOK_BACK = 4
"""Body sentences before a sentence that may name its subject or speaker: a quote runs over
three or four sentences at most in the stories we measured."""

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True, slots=True)
class SentenceContext:
    """A sentence's article date and the body sentences just before it."""

    published: dt.date | None = None
    before: tuple[str, ...] = ()
    """Up to ``LOOK_BACK`` earlier body sentences, nearest last."""
    same_paragraph: int = 0
    """How many of ``before`` (counted from the end) share the sentence's paragraph."""
    after: tuple[str, ...] = ()
    """Up to two later body sentences of the same paragraph, nearest first (where a quote
    that runs on says who spoke)."""

    @property
    def paragraph_before(self) -> tuple[str, ...]:
        """The earlier sentences of the sentence's own paragraph, nearest last."""
        return self.before[len(self.before) - self.same_paragraph :]


NO_CONTEXT = SentenceContext()
"""A sentence read on its own: no date, nothing before it."""


def published_date(text: str) -> dt.date | None:
    """The date of an ISO date or date-time string; None when there is none."""
    found = _ISO_DATE.search(text or "")
    if not found:
        return None
    try:
        return dt.date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError:
        return None


def days_apart(a: dt.date | None, b: dt.date | None) -> int:
    """Days between two publication dates; 0 when either is unknown (an undated report is
    never taken for one of another day)."""
    if a is None or b is None:
        return 0
    return abs((a - b).days)


_CACHE: dict[int, tuple[Article, tuple[SentenceContext, ...]]] = {}
_CACHE_SIZE = 512


def context_of(article: Article, index: int) -> SentenceContext:
    """The context of sentence ``index`` of ``article`` (worked out once per article)."""
    held = _CACHE.get(id(article))
    if held is None or held[0] is not article:
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.clear()
        held = _CACHE[id(article)] = (article, _contexts(article))
    return held[1][index]


def _contexts(article: Article) -> tuple[SentenceContext, ...]:
    published = published_date(article.meta.published)
    out: list[SentenceContext] = []
    body: list[tuple[int, str]] = []  # (paragraph, text) of body sentences so far
    for sentence in article.sentences:
        before = body[-LOOK_BACK:]
        same = 0
        for paragraph, _ in reversed(before):
            if paragraph != sentence.paragraph:
                break
            same += 1
        after = tuple(
            s.text
            for s in article.sentences[sentence.index + 1 : sentence.index + 3]
            if s.paragraph == sentence.paragraph and not s.furniture
        )
        out.append(SentenceContext(published, tuple(t for _, t in before), same, after))
        if not sentence.furniture:
            body.append((sentence.paragraph, sentence.text))
    return tuple(out)
