"""A hand-built corpus and alignment for the reading-screen tests.

Long enough that panes must scroll (so sync is observable), with unique
sentences, furniture, a contradiction candidate and a three-source group.
Built from the model types, so the tests do not depend on the aligner's scores.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from tui.app import ReaderApp
from tui.core.align import Alignment, Group, Pair, SentenceRef
from tui.core.candidates import Discrepancy, Span
from tui.core.model import Article, ArticleMeta, Sentence
from tui.core.sessions import SessionStore
from tui.screens.reading import ReadingScreen


def make_article(doc: int, label: str, sentences: Sequence[str], furniture: set[int]) -> Article:
    """An article with three sentences per paragraph (blank line between paragraphs)."""
    text = ""
    built = []
    for index, sentence in enumerate(sentences):
        if index and index % 3 == 0:
            text += "\n\n"
        elif index:
            text += " "
        start = len(text)
        text += sentence
        built.append(
            Sentence(index, start, len(text), sentence, index // 3, index in furniture, False)
        )
    return Article(
        id=f"a{doc}",
        path=f"{label.lower()}.txt",
        label=label,
        text=text,
        meta=ArticleMeta(title=label, source=label, published="2024-05-0" + str(doc + 1)),
        sentences=tuple(built),
    )


ALPHA_FURNITURE = 2
"""Sentence of Alpha that is page furniture."""
CONFLICT = SentenceRef(0, 12)
"""Alpha's sentence carrying a contradiction candidate (against Beta 17)."""


def alpha_to_beta(i: int) -> int | None:
    """Beta's counterpart of Alpha sentence ``i`` (multiples of 7 are unique to Alpha)."""
    if i % 7 == 0 or i == ALPHA_FURNITURE:
        return None
    return i + 5


def alpha_to_gamma(i: int) -> int | None:
    """Gamma's counterpart of Alpha sentence ``i`` (only from 10 on)."""
    if i < 10 or i % 7 == 0:
        return None
    return i - 10


def sample_corpus(extra_articles: int = 0) -> Alignment:
    """Alpha (40 sentences), Beta (45), Gamma (30), plus ``extra_articles`` unmatched ones."""
    alpha = [
        f"Alpha reports fact {i} about the bridge over the wide river, said officials."
        for i in range(40)
    ]
    alpha[ALPHA_FURNITURE] = "Share this article on social media"
    alpha[12] = "Alpha says twelve people were hurt when the bridge fell."
    beta = [f"Beta notes item {i} concerning the bridge and the traffic." for i in range(45)]
    beta[17] = "Beta says fifteen people were hurt when the bridge fell."
    gamma = [f"Gamma covers point {i} on the collapse of the bridge." for i in range(30)]
    gamma[5] = "Gamma mentions the Kyiv detour plan."
    articles = [
        make_article(0, "Alpha", alpha, {ALPHA_FURNITURE}),
        make_article(1, "Beta", beta, set()),
        make_article(2, "Gamma", gamma, set()),
    ]
    for extra in range(extra_articles):
        lines = [f"Extra {extra} line {i} with nothing in common." for i in range(12)]
        articles.append(make_article(3 + extra, f"Extra{extra}", lines, set()))
    r = SentenceRef
    pairs: list[Pair] = []
    for i in range(40):
        b = alpha_to_beta(i)
        g = alpha_to_gamma(i)
        if b is not None:
            pairs.append(Pair(r(0, i), r(1, b), 90.0 if i % 2 else 70.0))
        if g is not None:
            pairs.append(Pair(r(0, i), r(2, g), 88.0))
        if b is not None and g is not None:
            pairs.append(Pair(r(1, b), r(2, g), 80.0))
    groups = _groups(pairs)
    a_sentence = articles[0].sentences[12]
    b_sentence = articles[1].sentences[17]
    discrepancy = Discrepancy(
        "number",
        "conflict",
        _span(0, a_sentence, "twelve"),
        _span(1, b_sentence, "fifteen"),
        "people hurt: twelve vs fifteen",
    )
    return Alignment(tuple(articles), tuple(pairs), groups, (discrepancy,))


def _span(doc: int, sentence: Sentence, word: str) -> Span:
    start = sentence.start + sentence.text.index(word)
    return Span(doc, sentence.index, start, start + len(word), word)


def _groups(pairs: Sequence[Pair]) -> tuple[Group, ...]:
    parent: dict[SentenceRef, SentenceRef] = {}

    def find(ref: SentenceRef) -> SentenceRef:
        while parent.setdefault(ref, ref) != ref:
            ref = parent[ref]
        return ref

    for pair in pairs:
        parent[find(pair.a)] = find(pair.b)
    clusters: dict[SentenceRef, list[SentenceRef]] = {}
    for ref in list(parent):
        clusters.setdefault(find(ref), []).append(ref)
    members = sorted(sorted(m) for m in clusters.values())
    return tuple(Group(i, tuple(m), len({r.doc for r in m})) for i, m in enumerate(members))


def notes_app(path: Path, alignment: Alignment | None = None) -> ReaderApp:
    """A ReaderApp on ``alignment`` (default: the sample) writing its notes to ``path``."""
    alignment = alignment or sample_corpus()
    return ReaderApp(
        alignment.articles,
        theme="reader-dark",
        aligner=lambda articles, threshold, progress: alignment,
        notes_path=path,
    )


def session_app(store: SessionStore, problem: str | None = None) -> ReaderApp:
    """A ReaderApp on the sample, in a new session "flood" of ``store`` (``problem``: why its
    file could not be read), its notes in the session's own notes file."""
    alignment = sample_corpus()
    session = store.new("flood", alignment.articles)
    return ReaderApp(
        alignment.articles,
        theme="reader-dark",
        data_dir=store.root,
        aligner=lambda articles, threshold, progress: alignment,
        notes_path=Path(session.notes or ""),
        session=session,
        sessions=store,
        session_problem=problem,
    )


def make_app(
    alignment: Alignment | None = None, data_dir: Path | None = None, theme: str = "reader-dark"
) -> ReaderApp:
    """A ReaderApp that shows ``alignment`` (default: the sample) in ``theme``."""
    alignment = alignment or sample_corpus()
    return ReaderApp(
        alignment.articles,
        theme=theme,
        data_dir=data_dir,
        aligner=lambda articles, threshold, progress: alignment,
    )


async def aligned(pilot: Pilot[Any]) -> ReadingScreen:
    """Wait until the reading screen (on top or under a dialog) shows the alignment, which
    arrives from its worker after the articles are on screen; return the screen."""
    for _ in range(200):
        await pilot.pause()
        screen = next((s for s in pilot.app.screen_stack if isinstance(s, ReadingScreen)), None)
        if screen is not None and screen.is_mounted and screen.alignment is not None:
            await pilot.pause()
            return screen
    raise AssertionError("the reading screen never showed the alignment")


async def reading(pilot: Pilot[Any]) -> ReadingScreen:
    """Wait until the alignment is shown and return the reading screen (the current one)."""
    screen = await aligned(pilot)
    assert pilot.app.screen is screen
    return screen
