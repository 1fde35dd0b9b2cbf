"""What the reader's corrections of the alignment act on (``L``, ``U``, ``o``): pure values.

``L`` links sentences as one fact, ``U`` removes a link between two, ``o`` shows a possible
counterpart of the sentence being read beside it. These functions decide which sentences each
key takes, from the alignment shown and the cursor; the reading screen carries them out. No
Textual here.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.core.model import Article, SentenceRef

if TYPE_CHECKING:
    from tui.core.align import Alignment

POSSIBLE_NAMED = 3
"""Possible counterparts the status line names; more are counted ("+2 more")."""


def refs_to_link(
    selection: Collection[SentenceRef], focused: SentenceRef, shown: SentenceRef | None
) -> tuple[SentenceRef, ...]:
    """The sentences ``L`` links, in order; fewer than two articles means nothing to link.

    The selection when it spans two articles or more. Otherwise the selection (in one pane,
    or none) with the focused sentence and the possible counterpart shown beside it (``o``),
    so "space in one pane, then ``L`` on a sentence of another" and "``o``, then ``L``" both
    link what the reader sees. A focused sentence of the selection's own article that is not
    selected is left out: the reader is pointing elsewhere.

    Args:
        selection: the sentences selected with space.
        focused: the sentence under the cursor.
        shown: the possible counterpart of ``focused`` shown beside it, if any.
    """
    refs = set(selection)
    docs = {ref.doc for ref in refs}
    if len(docs) >= 2:
        return tuple(sorted(refs))
    if refs and focused not in refs and focused.doc in docs:
        return tuple(sorted(refs))
    refs.add(focused)
    if shown is not None:
        refs.add(shown)
    return tuple(sorted(refs))


def spans_articles(refs: Collection[SentenceRef]) -> bool:
    """Whether ``refs`` hold sentences of two articles or more (what a link needs)."""
    return len({ref.doc for ref in refs}) >= 2


@dataclass(frozen=True)
class Counterpart:
    """A sentence paired with the one being read, as ``U`` offers it."""

    ref: SentenceRef
    score: float
    by_user: bool
    """The reader linked the two (a link, agreement or contradiction in the notes)."""


def counterparts_of(alignment: Alignment, ref: SentenceRef) -> list[Counterpart]:
    """The sentences paired with ``ref`` (what ``U`` can unlink): the reader's first, then
    best score first."""
    return [
        Counterpart(other, score, alignment.by_user(ref, other))
        for other, score in alignment.partners(ref)
    ]


def place_name(articles: Sequence[Article], ref: SentenceRef) -> str:
    """``Fox #17``: the article's label and the sentence number as the app shows it (from 1)."""
    return f"{articles[ref.doc].label} #{ref.sentence + 1}"


def possible_places(
    articles: Sequence[Article],
    possible: Sequence[tuple[SentenceRef, float]],
    limit: int = POSSIBLE_NAMED,
) -> str:
    """``Fox #17 (41), Vox #3 (38)``: possible counterparts, best first, scores rounded;
    beyond ``limit`` they are counted (``+2 more``)."""
    named = [f"{place_name(articles, ref)} ({score:.0f})" for ref, score in possible[:limit]]
    more = len(possible) - limit
    return ", ".join(named) + (f" +{more} more" if more > 0 else "")


def next_possible(
    possible: Sequence[tuple[SentenceRef, float]], shown: SentenceRef | None
) -> int | None:
    """Which of ``possible`` ``o`` shows next: the one after ``shown`` (round to the first),
    the first when none is shown; None when there is none."""
    if not possible:
        return None
    refs = [ref for ref, _ in possible]
    if shown in refs:
        return (refs.index(shown) + 1) % len(refs)
    return 0


def window_with(
    shown: Sequence[int], focused: int, target: int, first: int, capacity: int
) -> int | None:
    """The first pane on screen that keeps ``focused`` on screen and brings ``target``'s pane
    on too, moving the window the least; None when both cannot be on screen at once.

    Args:
        shown: the articles not hidden, in pane order.
        focused: the article with the cursor.
        target: the article whose pane must come on screen.
        first: the position, among ``shown``, of the leftmost pane on screen now.
        capacity: how many panes fit side by side.
    """
    if focused not in shown or target not in shown:
        return None
    low, high = sorted((shown.index(focused), shown.index(target)))
    if high - low + 1 > capacity:
        return None
    if low < first:
        return low
    if high >= first + capacity:
        return high - capacity + 1
    return first


@dataclass(frozen=True)
class PossibleStep:
    """What ``o`` does: show ``ref`` beside the sentence read (None: nothing to show), move the
    window of panes so that its pane is on screen (``first_visible``; None: it stays), and
    say ``notice`` if there is something to say."""

    ref: SentenceRef | None
    first_visible: int | None = None
    notice: str | None = None


def possible_in(
    possible: Sequence[tuple[SentenceRef, float]], shown_docs: Collection[int]
) -> list[tuple[SentenceRef, float]]:
    """The possible counterparts in the articles the reader has not hidden."""
    return [item for item in possible if item[0].doc in shown_docs]


def step_possible(
    articles: Sequence[Article],
    possible: Sequence[tuple[SentenceRef, float]],
    focused: SentenceRef,
    shown_now: SentenceRef | None,
    shown_docs: Sequence[int],
    window: tuple[int, int],
) -> PossibleStep:
    """``o``: the focused sentence's next possible counterpart, and how to bring it on screen.

    Args:
        articles: the open articles.
        possible: the possible counterparts of ``focused``, best first, hidden panes included.
        focused: the sentence under the cursor.
        shown_now: the possible counterpart shown beside it now, if any.
        shown_docs: the articles not hidden, in pane order.
        window: the position among ``shown_docs`` of the leftmost pane on screen, and how many
            panes fit.
    """
    options = possible_in(possible, shown_docs)
    step = next_possible(options, shown_now)
    if step is None:
        notice = (
            "This sentence's possible matches are in hidden panes: p shows them."
            if len(possible) > len(options)
            else "No possible match for this sentence."
        )
        return PossibleStep(None, notice=notice)
    other, score = options[step]
    first, capacity = window
    if other.doc in shown_docs[first : first + capacity]:
        return PossibleStep(other)
    moved = window_with(shown_docs, focused.doc, other.doc, first, capacity)
    if moved is not None:
        return PossibleStep(other, first_visible=moved)
    notice = (
        f"◌ possible match {place_name(articles, other)} ({score:.0f}) is in a pane off "
        "screen: < > show it; L links it, o shows the next"
    )
    return PossibleStep(other, notice=notice)
