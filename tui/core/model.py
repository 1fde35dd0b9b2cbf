"""The article model every other module speaks: articles, sentences, metadata.

Offsets are the contract: every sentence knows where it sits in the original
text, so highlights, notes and exports always point at the exact characters.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article, with character offsets into ``Article.text``."""

    index: int
    """Position of the sentence in the article, from 0."""
    start: int
    """Offset of the first character in the article text."""
    end: int
    """Offset one past the last character in the article text."""
    text: str
    """Exactly ``article.text[start:end]``."""
    paragraph: int = 0
    """Index of the paragraph (blank-line or line separated block) holding it."""
    furniture: bool = False
    """Page furniture (ads, share links, captions): shown dimmed, never aligned."""
    heading: bool = False
    """A headline or cross-head: a line with no final punctuation."""


@dataclass(frozen=True, slots=True, order=True)
class SentenceRef:
    """A sentence of the corpus: article position and sentence index."""

    doc: int
    sentence: int


BUNDLED_SEEDS = "bundled:seeds/"
"""How notes, sessions and reports name a bundled seed (``bundled:seeds/000_….txt``), so they
never point inside one installation's site-packages (tui/resources.py maps it to the file)."""


def is_url(name: str) -> bool:
    """Whether a command-line argument or an article's path names a web page, not a file."""
    return name.lower().startswith(("http://", "https://"))


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What we know about an article besides its text."""

    title: str = ""
    source: str = ""
    """The outlet, e.g. "Reuters"."""
    url: str = ""
    published: str = ""
    """ISO date (YYYY-MM-DD) or date-time as found; empty when unknown."""
    extra: dict[str, str] = field(default_factory=dict)
    """Any other front-matter keys, kept as strings."""


@dataclass(frozen=True, slots=True)
class Article:
    """A loaded article: its text, metadata and sentences."""

    id: str
    """Short stable identifier, unique within a corpus (used in JSON and notes)."""
    path: str
    """Where it was read from: a file path or a URL."""
    label: str
    """Short display label for pane headers."""
    text: str
    """The article body, as shown; sentence offsets index into it."""
    meta: ArticleMeta = field(default_factory=ArticleMeta)
    sentences: tuple[Sentence, ...] = ()
    warnings: tuple[str, ...] = ()
    """Non-fatal problems met while loading (e.g. decoded as cp1252)."""

    @property
    def body_sentences(self) -> tuple[Sentence, ...]:
        """Sentences that are article text, not page furniture."""
        return tuple(s for s in self.sentences if not s.furniture)
