"""What the status line says about the focused sentence: a pure function of the values shown.

Two rows. The first says where the reader is (which panes of how many, the article, the
sentence, in how many sources it is reported, its best match, sync off). The second gives the
detail: the search hit, the contradiction candidates against the passages they oppose, and
which words are underlined; while the alignment is being computed, how far it has got. Built
from data as :class:`~textual.content.Content`, never parsed
as markup (article labels and quotes have brackets in them).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.content import Content

from tui.candidate_marks import CandidateName, name_of, ordered
from tui.core.model import Article, SentenceRef
from tui.linking import place_name, possible_places

if TYPE_CHECKING:  # the alignment comes from the worker that loads its core
    from tui.core.align import Alignment
    from tui.core.candidates import Discrepancy

Part = str | tuple[str, str]
"""Plain text, or text and its style."""


@dataclass(frozen=True)
class PaneWindow:
    """Which panes are on screen: ``capacity`` of the ``shown`` articles from ``first`` on."""

    first: int
    """Position, among shown articles, of the leftmost pane on screen (from 0)."""
    capacity: int
    shown: int


@dataclass(frozen=True)
class SearchPlace:
    """The search hit the cursor was last moved to."""

    index: int
    """Position of the hit among all hits (from 0)."""
    count: int
    query: str


def status_text(
    articles: Sequence[Article],
    alignment: Alignment | None,
    ref: SentenceRef,
    *,
    window: PaneWindow,
    sync: bool,
    search: SearchPlace | None = None,
    underlined: int | None = None,
    confirmed: Collection[Discrepancy] = frozenset(),
    possible: SentenceRef | None = None,
    width: int,
    progress: float = 0.0,
) -> Content:
    """The two rows of the status line for the sentence ``ref``.

    Args:
        articles: the open articles (``ref.doc`` indexes them).
        alignment: the alignment shown (dismissed candidates and hidden kinds left out);
            None while it is being computed: the second row then says how far that has got.
        ref: the sentence under the focused pane's cursor.
        window: the panes on screen, said first when not every shown article has one.
        sync: whether the other panes follow the cursor.
        search: the current search hit, if there is a search with hits.
        underlined: the article whose differing words are underlined, if any.
        confirmed: the candidates the reader confirmed (``x``): named so, after the open ones.
        possible: the possible counterpart shown beside ``ref`` (``o``), if any.
        width: columns of the status line: a detail row too long for it is announced as cut.
        progress: the share of the alignment done (0-1), while there is none.
    """
    if alignment is None:
        return _aligning(articles, ref, window, sync, search, progress)
    row = _detail(articles, alignment, ref, search, underlined, confirmed, possible)
    if alignment.discrepancies_of(ref) and row.cell_length > width:
        row = Content.assemble(("i: read in full · ", "$text-accent"), row)  # it is cut
    return Content.assemble(*_where(articles, alignment, ref, window, sync), "\n", row)


def _aligning(
    articles: Sequence[Article],
    ref: SentenceRef,
    window: PaneWindow,
    sync: bool,
    search: SearchPlace | None,
    progress: float,
) -> Content:
    """The status line before the alignment: where the reader is, and how far aligning is."""
    where = _place(articles, ref, window)
    if articles[ref.doc].sentences[ref.sentence].furniture:
        where.append((" · page furniture (f hides it)", "$text-muted"))
    if not sync:
        where.append((" · sync off", "$text-warning"))
    detail: list[Part] = []
    if search is not None:
        detail.append(_hit(search))
    aligning = f"Aligning {len(articles)} articles… {progress:.0%}: marks and sync follow"
    detail.append((aligning, "$text-muted"))
    return Content.assemble(*where, "\n", *detail)


def _place(articles: Sequence[Article], ref: SentenceRef, window: PaneWindow) -> list[Part]:
    """Which panes of how many (when not all fit), the article and the sentence."""
    article = articles[ref.doc]
    where: list[Part] = []
    if window.shown > window.capacity:  # first, so a narrow terminal never cuts it off
        first = window.first + 1
        last = min(window.shown, window.first + window.capacity)
        panes = f"pane {first}" if first == last else f"panes {first}-{last}"
        where.append((f"{panes} of {window.shown} · ", "$text-accent"))
    where += [(article.label, "bold"), f" · {ref.sentence + 1}/{len(article.sentences)}"]
    return where


def _hit(search: SearchPlace) -> str:
    return f"hit {search.index + 1} of {search.count} for “{search.query}”  "


def _where(
    articles: Sequence[Article],
    alignment: Alignment,
    ref: SentenceRef,
    window: PaneWindow,
    sync: bool,
) -> list[Part]:
    sentence = articles[ref.doc].sentences[ref.sentence]
    where = _place(articles, ref, window)
    # the sources reporting it: matches at or above the threshold or made by the reader (a
    # figure link below it is shown beside it, and as its best match, but not counted)
    sources = alignment.sources_of(ref)
    partners = alignment.partners(ref)
    if sentence.furniture:
        where.append((" · page furniture (f hides it)", "$text-muted"))
    elif len(sources) > 1:
        where.append(f" · in {len(sources)} of {len(articles)} sources")
    elif not partners and alignment.group_of(ref) is None:
        if maybe := alignment.possible(ref):
            said = f" · ◌ no match; possible: {possible_places(articles, maybe)} — L links"
            where.append((said, "$text-secondary"))
        elif not sentence.heading:  # a headline sums the story up: it is no claim of its own
            where.append((" · ◦ no match found in the other sources", "$text-secondary"))
    mine = [other for other, _ in partners if alignment.by_user(ref, other)]
    if mine:
        labels = ", ".join(dict.fromkeys(articles[other.doc].label for other in mine))
        where.append((f" · linked by you: {labels}", "$text-success"))
    engine = [(other, score) for other, score in partners if other not in mine]
    if engine:
        other, score = engine[0]
        where.append(f" · best match {score:.0f} ({articles[other.doc].label})")
    if not sync:
        where.append((" · sync off", "$text-warning"))
    return where


def _detail(
    articles: Sequence[Article],
    alignment: Alignment,
    ref: SentenceRef,
    search: SearchPlace | None,
    underlined: int | None,
    confirmed: Collection[Discrepancy],
    possible: SentenceRef | None,
) -> Content:
    detail: list[Part] = []
    if search is not None:  # first: a long candidate must not push it past the cut
        detail.append(_hit(search))
    if possible is not None:  # what o did and what L will do: before the candidates
        maybe = alignment.possible(ref)
        at = next((i for i, (other, _) in enumerate(maybe) if other == possible), None)
        which = f" {at + 1} of {len(maybe)}" if at is not None and len(maybe) > 1 else ""
        scored = f" ({maybe[at][1]:.0f})" if at is not None else ""
        place = place_name(articles, possible)
        shown = f"◌ possible match{which}: {place}{scored} shown beside it"
        detail.append((shown, "bold $text-warning"))
        detail.append(": L links it, o shows the next  ")
    elif alignment.possible(ref) and not alignment.partners(ref):
        detail.append(
            ("L (or o) shows a possible match beside it, L again links it  ", "$text-muted")
        )
    for line in candidate_lines(articles, alignment, ref, confirmed):
        name = line.name
        detail.append((f"{name.heading} vs {', '.join(line.against)}: ", name.style))
        detail.append(f"{line.explanation}  ")  # it quotes both passages already
    if underlined is not None:
        label = articles[underlined].label
        detail.append((f"differences vs {label} underlined", "$text-muted"))
    return Content.assemble(*detail)


@dataclass(frozen=True)
class CandidateLine:
    """One wording of a candidate on the status line, with the passages it is against."""

    name: CandidateName
    explanation: str
    against: list[str]


def candidate_lines(
    articles: Sequence[Article],
    alignment: Alignment,
    ref: SentenceRef,
    confirmed: Collection[Discrepancy] = frozenset(),
) -> list[CandidateLine]:
    """The candidates of ``ref``, most severe first, one per wording, each with the passages
    it is against.

    Open candidates come before confirmed ones, each most severe first (a ⚑ before a ↻ before
    a ≈), so the one that needs the reader is never cut off at the right edge. Two outlets
    that word a figure alike give the same explanation twice: it is said once, naming both
    (``RFE/RL repost #24, RFE/RL #12``).
    """
    lines: dict[tuple[CandidateName, str], list[str]] = {}
    for disc in ordered(alignment.discrepancies_of(ref), confirmed):
        mine = disc.a.doc == ref.doc and disc.a.sentence == ref.sentence
        other = disc.b if mine else disc.a
        name = f"{articles[other.doc].label} #{other.sentence + 1}"
        against = lines.setdefault((name_of(disc, confirmed), disc.explanation), [])
        if name not in against:
            against.append(name)
    return [CandidateLine(name, words, against) for (name, words), against in lines.items()]
