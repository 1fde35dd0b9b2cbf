"""What the reading screen shows of the engine's alignment as the notes change (no app)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from tests.app.reading_fixture import sample_corpus
from tui.core.align import Alignment, SentenceRef
from tui.core.candidates import Discrepancy
from tui.core.user_links import Corrections
from tui.shown_alignment import ShownAlignment

ENGINE = sample_corpus()


@dataclass
class Notes:
    """The three things the derivation asks of the notes file, as plain values."""

    links: tuple[frozenset[SentenceRef], ...] = ()
    dismissed: frozenset[Discrepancy] = frozenset()
    confirmed_ones: frozenset[Discrepancy] = frozenset()
    asked: list[str] = field(default_factory=list)

    def corrections(self) -> Corrections:
        self.asked.append("corrections")
        return Corrections(self.links)

    def without_dismissed(self, alignment: Alignment) -> Alignment:
        kept = tuple(d for d in alignment.discrepancies if d not in self.dismissed)
        return replace(alignment, discrepancies=kept)

    def confirmed(self, alignment: Alignment) -> frozenset[Discrepancy]:
        return self.confirmed_ones & frozenset(alignment.discrepancies)


def test_nothing_is_shown_before_the_alignment_and_the_first_update_shows_it() -> None:
    shown, notes = ShownAlignment(), Notes()
    assert shown.update(notes, ()) is None  # type: ignore[arg-type]
    shown.aligned(ENGINE, notes)  # type: ignore[arg-type]
    change = shown.update(notes, ())  # type: ignore[arg-type]
    assert change is not None and not change.pairs_changed
    assert shown.alignment is not None and shown.alignment.pairs == ENGINE.pairs
    assert shown.update(notes, ()) is None  # the same again: nothing to repaint


def test_a_link_changes_the_pairs_and_is_applied_only_when_the_links_change() -> None:
    shown, notes = ShownAlignment(), Notes()
    shown.aligned(ENGINE, notes)  # type: ignore[arg-type]
    shown.update(notes, ())  # type: ignore[arg-type]
    unique = ENGINE.unique_sentences(0)[0], ENGINE.unique_sentences(1)[0]
    notes.links = (frozenset({SentenceRef(0, unique[0]), SentenceRef(1, unique[1])}),)
    shown.notes_changed(notes)  # type: ignore[arg-type]
    change = shown.update(notes, ())  # type: ignore[arg-type]
    assert change is not None and change.pairs_changed
    assert shown.alignment is not None
    assert shown.alignment.pair_between(SentenceRef(0, unique[0]), SentenceRef(1, unique[1]))
    corrected = shown.corrected
    shown.notes_changed(notes)  # a note that did not touch the links
    assert shown.corrected is corrected  # not regrouped


def test_dismissed_candidates_and_hidden_kinds_are_left_out_and_confirmed_set_apart() -> None:
    (candidate,) = ENGINE.discrepancies
    shown, notes = ShownAlignment(), Notes(confirmed_ones=frozenset({candidate}))
    shown.aligned(ENGINE, notes)  # type: ignore[arg-type]
    shown.update(notes, ())  # type: ignore[arg-type]
    assert shown.confirmed == frozenset({candidate})
    notes.confirmed_ones = frozenset()
    change = shown.update(notes, ())  # type: ignore[arg-type]
    assert change is not None and not change.pairs_changed  # the ✗ goes back to ⚑
    assert shown.confirmed == frozenset()
    notes.dismissed = frozenset({candidate})
    assert shown.update(notes, ()) is not None  # type: ignore[arg-type]
    assert shown.alignment is not None and shown.alignment.discrepancies == ()
    notes.dismissed = frozenset()
    shown.update(notes, {candidate.kind})  # type: ignore[arg-type]
    assert shown.alignment.discrepancies == ()  # hidden by kind
    shown.update(notes, ())  # type: ignore[arg-type]
    assert shown.alignment.discrepancies == (candidate,)
