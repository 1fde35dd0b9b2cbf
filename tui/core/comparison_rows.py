"""The rows of a side-by-side comparison, in the reading order of one article.

A row is one fact: a group of aligned sentences, or a body sentence in no group (unique, only
possibly matched, or matched without fitting a group). Rows follow the article the reader
chose (``by``); a row of the other sources only is placed right after the row that holds the
sentence before it in its own article, so every column still reads top to bottom in order.
Page furniture has no row (it never aligns).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from tui.core.align import Alignment, SentenceRef

RowKind = Literal["group", "matched", "possible", "unique", "heading"]
"""group: aligned sentences of two sources or more; matched: a sentence with a match that fits
no group; possible: only possible matches; unique: reported by no other source (◦); heading:
a headline or cross-head with no match (never unique)."""

Unit = tuple[str, int, int]
"""What a row is made of: ``("g", group id, 0)`` or ``("s", doc, sentence)``."""


@dataclass(frozen=True, slots=True)
class RowPlan:
    """One row before anything is said about it: its kind and its sentences."""

    kind: RowKind
    members: tuple[SentenceRef, ...]
    """In article order, then sentence order."""
    group: int | None = None
    """The group's id, for a group row."""


def unit_of(alignment: Alignment, ref: SentenceRef) -> Unit:
    """The row a body sentence belongs to: its group's, else its own."""
    group = alignment.group_of(ref)
    return ("g", group.id, 0) if group is not None else ("s", ref.doc, ref.sentence)


def row_order(alignment: Alignment, by: int = 0) -> list[RowPlan]:
    """Every row, in the reading order of article ``by`` (see the module docstring).

    Raises:
        ValueError: ``by`` is not an article of the alignment.
    """
    n = len(alignment.articles)
    if not 0 <= by < n:
        raise ValueError(f"no article {by} to read by")
    after: dict[Unit | None, list[Unit]] = {None: []}
    placed: set[Unit] = set()
    for doc in [by, *(d for d in range(n) if d != by)]:
        last: Unit | None = None
        for sentence in alignment.articles[doc].body_sentences:
            unit = unit_of(alignment, SentenceRef(doc, sentence.index))
            if unit not in placed:
                placed.add(unit)
                after.setdefault(last, []).append(unit)
            last = unit
    groups = {group.id: group for group in alignment.groups}
    plans: list[RowPlan] = []
    stack = list(reversed(after[None]))
    while stack:  # depth first: a row, then the rows placed after it, in the order placed
        unit = stack.pop()
        if unit[0] == "g":
            members = tuple(sorted(groups[unit[1]].members))
            plans.append(RowPlan("group", members, unit[1]))
        else:
            plans.append(_single(alignment, SentenceRef(unit[1], unit[2])))
        stack.extend(reversed(after.get(unit, [])))
    return plans


def _single(alignment: Alignment, ref: SentenceRef) -> RowPlan:
    return RowPlan(_single_kind(alignment, ref), (ref,))


def _single_kind(alignment: Alignment, ref: SentenceRef) -> RowKind:
    if alignment.partners(ref):
        return "matched"
    if alignment.possible(ref):
        return "possible"
    if alignment.articles[ref.doc].sentences[ref.sentence].heading:
        return "heading"
    return "unique"


def cells_of(members: Sequence[SentenceRef]) -> dict[int, tuple[int, ...]]:
    """A row's sentences by article: ``{doc: (sentence, ...)}``, in order."""
    cells: dict[int, list[int]] = {}
    for ref in sorted(members):
        cells.setdefault(ref.doc, []).append(ref.sentence)
    return {doc: tuple(found) for doc, found in cells.items()}
