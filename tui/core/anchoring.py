"""Targets that survive edits: W3C Web Annotation style selectors and re-anchoring on open.

A target remembers a passage three ways (exact quote with context, character offsets, sentence
index) plus the sha256 of the article text. On opening, each target is found again: where the
offsets still hold the quote, there; else by an exact search of the quote, using the context to
choose between repeats; else by a fuzzy search (rapidfuzz). What cannot be found is an orphan:
reported, never dropped.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from rapidfuzz import fuzz

from tui.core.model import Article, Sentence, is_url
from tui.core.notes import Annotation, ArticleRef, NotesDocument, Target, TextPosition, TextQuote
from tui.core.text import text_sha256

CONTEXT_CHARS = 32
"""Characters of prefix and suffix kept around a quote: enough to tell repeats apart."""
SENTENCE_MATCH_THRESHOLD = 80.0
"""Minimum rapidfuzz ratio between a quote and a whole sentence of the edited article."""
PARTIAL_MATCH_THRESHOLD = 90.0
"""Minimum partial ratio for a quote found inside a longer stretch of edited text."""

AnchorStatus = Literal["intact", "moved", "fuzzy", "orphan", "absent"]
"""intact: offsets still hold the quote; moved: exact quote found elsewhere; fuzzy: close
match in edited text; orphan: article open but passage not found; absent: article not open."""


def article_ref(article: Article) -> ArticleRef:
    """How a target names its article: id, path, text hash, label and outlet."""
    return ArticleRef(
        id=article.id,
        path=article.path,
        sha256=text_sha256(article.text),
        label=article.label,
        source=article.meta.source,
        title=article.meta.title,
        published=article.meta.published,
        url=article.meta.url or (article.path if is_url(article.path) else ""),
    )


def target_for_span(article: Article, start: int, end: int, sentence: int | None = None) -> Target:
    """A target for ``article.text[start:end]`` with quote, context, offsets and sentence."""
    if not 0 <= start <= end <= len(article.text):
        raise ValueError(f"span {start}-{end} outside article {article.id}")
    text = article.text
    if sentence is None:
        found = sentence_at(article.sentences, start)
        sentence = found.index if found else None
    return Target(
        article=article_ref(article),
        quote=TextQuote(
            exact=text[start:end],
            prefix=text[max(0, start - CONTEXT_CHARS) : start],
            suffix=text[end : end + CONTEXT_CHARS],
        ),
        position=TextPosition(start, end),
        sentence=sentence,
    )


def target_for_sentence(article: Article, sentence: Sentence) -> Target:
    """A target for one whole sentence of an article (what ``a``/``x``/``c`` annotate)."""
    return target_for_span(article, sentence.start, sentence.end, sentence.index)


def sentence_at(
    sentences: Sequence[Sentence], offset: int, starts: Sequence[int] | None = None
) -> Sentence | None:
    """The sentence holding ``offset`` (or the next one after a gap), None past the end.

    ``starts`` (the sentences' start offsets, in order) saves building them on every call.
    """
    if starts is None:
        starts = [s.start for s in sentences]
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and offset < sentences[i].end:
        return sentences[i]
    if i + 1 < len(sentences):
        return sentences[i + 1]
    return sentences[-1] if sentences and offset <= sentences[-1].end else None


@dataclass(frozen=True)
class Anchor:
    """Where a target lies in the article as it is now."""

    status: AnchorStatus
    start: int = 0
    end: int = 0
    sentence: int | None = None
    score: float = 0.0
    """100 for exact finds; the rapidfuzz score for fuzzy ones."""

    @property
    def located(self) -> bool:
        """Whether the passage was found in the open article."""
        return self.status in ("intact", "moved", "fuzzy")


ORPHAN = Anchor("orphan")
ABSENT = Anchor("absent")


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _context_score(text: str, start: int, end: int, quote: TextQuote) -> float:
    """0-100: how well the text around ``start:end`` matches the remembered prefix/suffix."""
    parts: list[float] = []
    if quote.prefix:
        before = text[max(0, start - len(quote.prefix)) : start]
        parts.append(fuzz.ratio(quote.prefix, before))
    if quote.suffix:
        after = text[end : end + len(quote.suffix)]
        parts.append(fuzz.ratio(quote.suffix, after))
    return sum(parts) / len(parts) if parts else 0.0


def _exact_occurrences(text: str, exact: str) -> list[int]:
    found: list[int] = []
    i = text.find(exact)
    while i != -1:
        found.append(i)
        i = text.find(exact, i + 1)
    return found


class _Placed:
    """An open article with what placing many targets in it needs, computed once."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.starts = [s.start for s in article.sentences]
        self.ends = [s.end for s in article.sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        return sentence_at(self.article.sentences, offset, self.starts)

    def covering(self, start: int, end: int) -> list[int]:
        """Indexes of the sentences overlapping ``start:end`` (or the one at ``start``)."""
        sentences = self.article.sentences
        first = bisect.bisect_right(self.ends, start)  # the first sentence ending after start
        stop = max(end, start + 1)
        hits = []
        for i in range(first, len(sentences)):
            if self.starts[i] >= stop:
                break
            hits.append(sentences[i].index)
        if hits:
            return hits
        found = self.sentence_at(start)
        return [found.index] if found else []


def _anchor_at(placed: _Placed, status: AnchorStatus, start: int, end: int, score: float) -> Anchor:
    found = placed.sentence_at(start)
    return Anchor(status, start, end, found.index if found else None, score)


def anchor_target(target: Target, article: Article) -> Anchor:
    """Find ``target`` in ``article`` as it is now (see the module docstring for the order)."""
    return _anchor_target(target, _Placed(article))


def _anchor_target(target: Target, placed: _Placed) -> Anchor:
    article = placed.article
    text = article.text
    quote = target.quote
    exact = quote.exact
    if not exact:
        return ORPHAN
    start, end = target.position.start, target.position.end
    if end <= len(text) and text[start:end] == exact:
        return _anchor_at(placed, "intact", start, end, 100.0)

    occurrences = _exact_occurrences(text, exact)
    if occurrences:
        best = max(
            occurrences,
            key=lambda i: (
                _common_suffix(text[:i], quote.prefix)
                + _common_prefix(text[i + len(exact) :], quote.suffix),
                -abs(i - start),
            ),
        )
        return _anchor_at(placed, "moved", best, best + len(exact), 100.0)

    by_sentence = _fuzzy_sentence(article, quote)
    if by_sentence is not None:
        return by_sentence
    return _fuzzy_partial(placed, quote)


def _fuzzy_sentence(article: Article, quote: TextQuote) -> Anchor | None:
    """Best whole sentence close to the quote; context breaks near-ties between repeats."""
    best: tuple[float, float, Sentence] | None = None
    for sentence in article.sentences:
        score = fuzz.ratio(quote.exact, sentence.text, score_cutoff=SENTENCE_MATCH_THRESHOLD)
        if not score:
            continue
        context = _context_score(article.text, sentence.start, sentence.end, quote)
        rank = score + 0.1 * context
        if best is None or rank > best[0]:
            best = (rank, score, sentence)
    if best is None:
        return None
    _, score, sentence = best
    return Anchor("fuzzy", sentence.start, sentence.end, sentence.index, score)


def _fuzzy_partial(placed: _Placed, quote: TextQuote) -> Anchor:
    """A quote shorter than its sentence, found approximately inside the text."""
    text = placed.article.text
    if len(quote.exact) > len(text):
        return ORPHAN
    found = fuzz.partial_ratio_alignment(quote.exact, text, score_cutoff=PARTIAL_MATCH_THRESHOLD)
    if found is None or not found.score:
        return ORPHAN
    return _anchor_at(placed, "fuzzy", found.dest_start, found.dest_end, found.score)


def find_article(
    ref: ArticleRef, articles: Sequence[Article], hashes: Sequence[str] | None = None
) -> Article | None:
    """The open article a target points into: same text first, then same path, then same id.

    ``hashes`` (:func:`text_sha256` of each article) saves hashing every text on every call.
    """
    if hashes is None:
        hashes = [text_sha256(a.text) for a in articles]
    for article, digest in zip(articles, hashes, strict=True):
        if ref.sha256 and digest == ref.sha256 and article.id == ref.id:
            return article
    for article, digest in zip(articles, hashes, strict=True):
        if ref.sha256 and digest == ref.sha256:
            return article
    for article in articles:
        if ref.path and article.path == ref.path:
            return article
    return next((a for a in articles if a.id == ref.id), None)


@dataclass(frozen=True)
class AnchoredTarget:
    """One target of one annotation, placed in the open articles."""

    annotation_id: str
    index: int
    """Position of the target in ``Annotation.targets``."""
    target: Target
    article_id: str | None
    """Id of the open article it was placed in (None when that article is not open)."""
    anchor: Anchor


class NoteAnchors:
    """Every annotation of a document placed in the open articles, for marking and jumping.

    Built once per (document, articles) pair; cheap to rebuild after each change: linear in
    the targets (10,000 annotations are placed in well under a second), every lookup a dict.
    """

    def __init__(self, document: NotesDocument, articles: Sequence[Article]) -> None:
        self.document = document
        self.articles = {article.id: article for article in articles}
        """The open articles by id (what exports read titles, dates and URLs from)."""
        self.targets: list[AnchoredTarget] = []
        self._of_annotation: dict[str, list[AnchoredTarget]] = {}
        self._by_sentence: dict[tuple[str, int], dict[int, None]] = {}
        """(article id, sentence) -> positions in ``document.annotations`` (ordered, unique)."""
        self._by_article: dict[str, set[int]] = {}
        hashes = [text_sha256(a.text) for a in articles]
        places: dict[str, _Placed] = {}
        for position, annotation in enumerate(document.annotations):
            for index, target in enumerate(annotation.targets):
                article = find_article(target.article, articles, hashes)
                if article is None:
                    anchor = ABSENT
                else:
                    where = places.get(article.id) or places.setdefault(
                        article.id, _Placed(article)
                    )
                    anchor = _anchor_target(target, where)
                placed = AnchoredTarget(
                    annotation.id, index, target, article.id if article else None, anchor
                )
                self.targets.append(placed)
                self._of_annotation.setdefault(annotation.id, []).append(placed)
                if article is not None and anchor.located:
                    for sentence in where.covering(anchor.start, anchor.end):
                        self._by_sentence.setdefault((article.id, sentence), {})[position] = None
                        self._by_article.setdefault(article.id, set()).add(sentence)

    def at_sentence(self, article_id: str, sentence: int) -> list[Annotation]:
        """Annotations with a target on this sentence, in document order."""
        positions = self._by_sentence.get((article_id, sentence), {})
        return [self.document.annotations[p] for p in sorted(positions)]

    def annotated_sentences(self, article_id: str) -> set[int]:
        """Indexes of the sentences of one article that carry an annotation (for marking)."""
        return set(self._by_article.get(article_id, ()))

    def of_annotation(self, annotation_id: str) -> list[AnchoredTarget]:
        """Where each target of one annotation landed (for jumping to it)."""
        return list(self._of_annotation.get(annotation_id, ()))

    def orphans(self) -> list[AnchoredTarget]:
        """Targets whose article is open but whose passage could not be found."""
        return [t for t in self.targets if t.anchor.status == "orphan"]

    def absent(self) -> list[AnchoredTarget]:
        """Targets whose article is not among the open ones."""
        return [t for t in self.targets if t.anchor.status == "absent"]


def anchor_notes(document: NotesDocument, articles: Sequence[Article]) -> NoteAnchors:
    """Re-anchor every target of ``document`` in ``articles`` (see :class:`NoteAnchors`)."""
    return NoteAnchors(document, articles)


def noted_articles(
    document: NotesDocument,
    base: Path | None = None,
    locate: Callable[[str], str] | None = None,
) -> list[Article]:
    """The local article files a notes document points at, loaded as they are now.

    For checking the notes against their articles without the app (``reader export``): each
    target's path is tried as written, then relative to ``base`` (the notes file's folder).
    URLs are never fetched and unreadable files are skipped: their targets stay unchecked.
    ``locate`` turns a recorded path into a file path first (``bundled:seeds/NAME`` into the
    seed's file); each article found keeps the path as recorded, so targets find it.
    """
    from tui.core.corpus import load_paths  # corpus is heavy and only needed here

    found: dict[Path, str] = {}  # file -> the path the notes give it, first mention first
    for name in dict.fromkeys(t.article.path for a in document.annotations for t in a.targets):
        path = _local_file(locate(name) if locate else name, base)
        if path is not None:
            found.setdefault(path, name)
    if not found:
        return []
    loaded = load_paths(list(found)).articles
    recorded = {str(path): name for path, name in found.items()}
    return [replace(a, path=recorded.get(a.path, a.path)) for a in loaded]


def _local_file(path: str, base: Path | None) -> Path | None:
    if not path or "://" in path:
        return None
    candidates = [Path(path)] + ([base / path] if base is not None else [])
    return next((c for c in candidates if c.is_file()), None)
