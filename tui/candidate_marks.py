"""How the engine's candidates are shown: the mark a sentence gets, the order candidates are
listed in, the words and glyph each is named with, the kinds the reader hid, and where
``]`` / ``[`` go next.

One place for all of it, so the panes, the status line, ``i``, the table and the walk keys
agree. Pure values in and out, no Textual: a style is a Content style string.

What ``]`` visits: open contradiction candidates (``⚑``, status conflict) and figures a later
report changed (``↻``, status updated), the two that ask the reader to check something.
Candidates the reader confirmed (``✗``), compatible differences (``≈``: refinements and
spelling variants), dismissed candidates and hidden kinds are passed over.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from tui.core.model import SentenceRef
from tui.core.text import counted

if TYPE_CHECKING:  # candidates come with the alignment, from the worker that loads its core
    from tui.core.align import Alignment
    from tui.core.candidates import Discrepancy

CONFLICT_GLYPH = "⚑"
"""An open contradiction candidate."""
UPDATED_GLYPH = "↻"
"""A figure a later report gives differently (an update, not a clash)."""
CONFIRMED_GLYPH = "✗"
"""A candidate the reader confirmed as a contradiction (``x``)."""
COMPATIBLE_GLYPH = "≈"
"""A difference the engine reads as compatible: a refinement or a spelling variant."""

NO_FLAG, COMPATIBLE_FLAG, CONFIRMED_FLAG, UPDATED_FLAG, CONFLICT_FLAG = range(5)
"""A sentence's mark, from least to most in need of the reader: none, ``≈``, ``✗``, ``↻``,
``⚑``. The gutter shows the highest of its candidates'."""
WALKED_FLAGS = frozenset({CONFLICT_FLAG, UPDATED_FLAG})
"""The marks ``]`` and ``[`` stop at (see the module docstring)."""

ERROR_STYLE = "bold $text-error"
WARNING_STYLE = "bold $text-warning"
CONFIRMED_STYLE = "$text-error"


def flag_of_candidate(disc: Discrepancy, confirmed: Collection[Discrepancy] = ()) -> int:
    """The mark one candidate asks for."""
    if disc in confirmed:
        return CONFIRMED_FLAG
    if disc.status == "conflict":
        return CONFLICT_FLAG
    if disc.status == "updated":
        return UPDATED_FLAG
    return COMPATIBLE_FLAG


def sentence_flag(
    candidates: Iterable[Discrepancy], confirmed: Collection[Discrepancy] = ()
) -> int:
    """The mark of a sentence: the highest of its candidates' (an open ⚑ outranks the rest)."""
    return max((flag_of_candidate(d, confirmed) for d in candidates), default=NO_FLAG)


def ordered(
    candidates: Iterable[Discrepancy], confirmed: Collection[Discrepancy] = ()
) -> list[Discrepancy]:
    """Open candidates before confirmed ones, each most severe first (``SEVERITY``), else as
    found: the order of the status line, of ``i``, and what ``x`` / ``X`` take first."""
    from tui.core.candidates import SEVERITY

    return sorted(candidates, key=lambda d: (d in confirmed, SEVERITY.get(d.status, 9)))


@dataclass(frozen=True)
class CandidateName:
    """How a candidate is named on screen: glyph, words and style."""

    glyph: str
    words: str
    style: str

    @property
    def heading(self) -> str:
        """Glyph and words: ``⚑ number conflict``, ``✗ quote conflict, confirmed``."""
        return f"{self.glyph} {self.words}"


def name_of(disc: Discrepancy, confirmed: Collection[Discrepancy] = ()) -> CandidateName:
    """The glyph, words and style a candidate is shown with everywhere."""
    flag = flag_of_candidate(disc, confirmed)
    words = f"{disc.kind} {disc.status}"
    if flag == CONFIRMED_FLAG:
        return CandidateName(CONFIRMED_GLYPH, f"{words}, confirmed", CONFIRMED_STYLE)
    if flag == CONFLICT_FLAG:
        return CandidateName(CONFLICT_GLYPH, words, ERROR_STYLE)
    if flag == UPDATED_FLAG:
        return CandidateName(UPDATED_GLYPH, words, WARNING_STYLE)
    return CandidateName(COMPATIBLE_GLYPH, words, WARNING_STYLE)


def without_kinds(alignment: Alignment, hidden: Collection[str]) -> Alignment:
    """``alignment`` with the candidates of the ``hidden`` kinds left out (itself when none
    are: the common case costs nothing)."""
    if not hidden:
        return alignment
    kept = tuple(d for d in alignment.discrepancies if d.kind not in hidden)
    if len(kept) == len(alignment.discrepancies):
        return alignment
    return replace(alignment, discrepancies=kept)


@dataclass(frozen=True)
class Step:
    """Where ``]`` / ``[`` lands, and whether it went round past the last (or first) pane."""

    ref: SentenceRef
    wrapped: bool


def walk(
    order: Sequence[int],
    stops: Mapping[int, Sequence[int]],
    start: SentenceRef,
    direction: int,
) -> Step | None:
    """The next (``direction`` 1) or previous (-1) stop in reading order, across panes.

    Reading order is every article of ``order`` (the shown panes, left to right) from its
    first sentence to its last. From ``start`` the walk goes on through the rest of its
    article, then into the next ones, and round from the last back to the first (``wrapped``).
    Coming back to ``start`` itself is a wrap too (it is the only stop).

    Args:
        order: the articles walked, in pane order; ``start.doc`` is one of them.
        stops: per article, the sentences to stop at, in ascending order.
        start: the sentence under the cursor.
        direction: 1 for ``]``, -1 for ``[``.

    Returns:
        The stop, or None when there is no stop at all.
    """
    if start.doc not in order:
        return None
    position = order.index(start.doc)
    count = len(order)
    forward = direction > 0
    for offset in range(count + 1):
        index = position + offset if forward else position - offset
        doc = order[index % count]
        wrapped = not 0 <= index < count
        sentences = stops.get(doc, ())
        if offset == 0:  # the rest of the start's article
            here = [s for s in sentences if (s - start.sentence) * direction > 0]
        elif offset == count:  # round again to the start's article, up to the start
            here = [s for s in sentences if (s - start.sentence) * direction <= 0]
        else:
            here = list(sentences)
        if here:
            return Step(SentenceRef(doc, here[0] if forward else here[-1]), wrapped)
    return None


def walk_notice(
    step: Step | None, start: SentenceRef, direction: int, labels: Sequence[str], hidden: int
) -> str | None:
    """What ``]`` / ``[`` says on the way to ``step`` (None: nothing, it just moves).

    Args:
        step: where the walk lands (:func:`walk`), None when there is no stop at all.
        start: the sentence under the cursor.
        direction: 1 for ``]``, -1 for ``[``.
        labels: the articles' labels, by article.
        hidden: how many kinds of candidate the reader hid.
    """
    if step is None:
        kinds = f" ({counted(hidden, 'kind')} hidden)" if hidden else ""
        return f"No contradiction candidate (⚑ or ↻) in the shown articles{kinds}."
    if step.ref == start:
        return "This is the only candidate to check."
    if step.wrapped:
        where = "first" if direction > 0 else "last"
        return f"Wrapped around: back to the {where} candidate, in {labels[step.ref.doc]}."
    return None
