"""What the reading screen shows of the engine's alignment: the reader's corrections applied.

The engine's alignment is kept as computed. What the panes, headers, table and candidates show
is derived from it and from the notes file: the reader's links and unlinks applied
(:mod:`tui.core.corrections`), the candidates they dismissed and the kinds they hid left out,
the candidates they confirmed set apart. Deriving it again is cheap when nothing changed and
costs a regrouping only when the links or unlinks did, so it can follow every save.
No Textual here: values in, values out.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.candidate_marks import without_kinds

if TYPE_CHECKING:  # the alignment core comes with the worker that aligns
    from tui.annotations import Annotations
    from tui.core.align import Alignment
    from tui.core.candidates import Discrepancy
    from tui.core.user_links import Corrections


@dataclass(frozen=True)
class ShownChange:
    """What changed in what is shown, for the screen to repaint."""

    pairs_changed: bool
    """The linked pairs changed (a link or unlink): a possible match shown may be one no more."""


class ShownAlignment:
    """The engine's alignment and what of it is shown, kept in step with the notes file."""

    def __init__(self) -> None:
        self.engine: Alignment | None = None
        """The alignment as the engine computed it; None until it is there."""
        self.corrections: Corrections | None = None
        """The reader's links and unlinks applied to :attr:`corrected` (None: none yet)."""
        self.corrected: Alignment | None = None
        """The engine's alignment with the reader's corrections applied."""
        self.alignment: Alignment | None = None
        """The alignment shown: corrected, dismissed candidates and hidden kinds left out."""
        self.confirmed: frozenset[Discrepancy] = frozenset()
        """The candidates shown that the reader confirmed (marked ✗, not ⚑)."""

    def aligned(self, alignment: Alignment, notes: Annotations | None) -> None:
        """Take the engine's ``alignment`` and apply the reader's corrections to it."""
        self.engine = alignment
        self.corrections, self.corrected = None, alignment
        if notes is not None:
            self.notes_changed(notes)

    def notes_changed(self, notes: Annotations) -> None:
        """Apply the notes' corrections again if they changed (~1 ms on the seeds, but only
        when they do)."""
        if self.engine is None:
            return
        corrections = notes.corrections()
        if corrections != self.corrections:
            self.corrections = corrections
            self.corrected = corrections.applied_to(self.engine)

    def update(
        self, notes: Annotations | None, hidden_kinds: Collection[str]
    ) -> ShownChange | None:
        """Derive what is shown again; returns what changed, None when nothing did (or
        nothing is aligned yet)."""
        if self.corrected is None:
            return None
        shown = self.corrected if notes is None else notes.without_dismissed(self.corrected)
        shown = without_kinds(shown, hidden_kinds)
        confirmed = frozenset() if notes is None else notes.confirmed(shown)
        was = self.alignment
        if was is not None and same_view(shown, was) and confirmed == self.confirmed:
            return None
        self.alignment, self.confirmed = shown, confirmed
        return ShownChange(pairs_changed=was is not None and shown.pairs != was.pairs)


def same_view(first: Alignment, second: Alignment) -> bool:
    """Whether two alignments show the same thing (after a change to the notes that did not
    touch links, unlinks or dismissed candidates, nothing needs repainting)."""
    return first is second or (
        first.pairs == second.pairs
        and first.groups == second.groups
        and first.discrepancies == second.discrepancies
        and first.possible_pairs == second.possible_pairs
    )
