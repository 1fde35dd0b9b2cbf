"""Sync: what every pane shows beside the sentence being read, decided from the alignment.

Pure functions of values (the alignment, the sentence, the cursors, the panes on screen): the
reading screen paints what :func:`plan_sync` returns. A pane beside the reader's shows the
sentence matched with it (its counterpart) with the words that differ underlined, and moves
its cursor there while sync is on; a pane without a match holds its place and says so. Until
the alignment is there, every pane shows its own cursor and nothing is said about sync.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from tui.core.model import Sentence, SentenceRef

if TYPE_CHECKING:  # loaded by the worker that aligns, before there is anything to sync
    from tui.core.align import Alignment

Mark = tuple[int, int]
"""A stretch of article text, as offsets ``[start, end)``."""
POSSIBLE_NOTE = "◌ possible"
"""What a pane's header says while it shows a possible counterpart (``o``)."""
SURE_MATCH = 80.0
"""The score from which the engine's links were the same fact 93 to 96 times in 100 on blind
labels (a day's stories, a month of coverage); under it only 68 to 79 in 100 were, so a
pane following such a link says ``WEAK_MATCH_NOTE`` instead of ``MATCH_NOTE``."""
MATCH_NOTE = "≡ match"
WEAK_MATCH_NOTE = "≡ match?"


def counterpart_in(
    alignment: Alignment, ref: SentenceRef, doc: int, prefer: int | None = None
) -> tuple[int, float | None] | None:
    """The sentence of article ``doc`` aligned with ``ref`` and its score, if any.

    ``prefer`` (the pane's current cursor) wins when it is one of ``ref``'s partners, so
    going from pane A to B and back lands where the reader was, even when B's sentence
    is matched best by another sentence of A (one outlet's sentence split in two). A
    sentence the reader linked with ``ref`` wins over an engine partner preferred so: the
    reader's own link is the one they expect beside it.
    """
    best = alignment.best_partner_in(ref, doc)  # the reader's links first, then best score
    if prefer is not None and best is not None and best[0].sentence != prefer:
        mine = alignment.by_user(ref, best[0])
        for partner, score in alignment.partners(ref):
            if partner == SentenceRef(doc, prefer) and (
                not mine or alignment.by_user(ref, partner)
            ):
                return prefer, score
    if best is not None:
        return best[0].sentence, best[1]
    group = alignment.group_of(ref)
    if group is not None:
        for member in group.members:
            if member.doc == doc:
                return member.sentence, None
    return None


def aligned_refs(alignment: Alignment, ref: SentenceRef) -> list[SentenceRef]:
    """``ref`` and its counterpart in every other article (what `a`/`x` mark together)."""
    refs = [ref]
    for doc in range(len(alignment.articles)):
        if doc != ref.doc and (match := counterpart_in(alignment, ref, doc)) is not None:
            refs.append(SentenceRef(doc, match[0]))
    return refs


def differing(a: Sentence, b: Sentence) -> tuple[list[Mark], list[Mark]]:
    """The words of ``a`` not in ``b``, and those of ``b`` not in ``a`` (to underline)."""
    from tui.core.worddiff import diff_words  # with the alignment core (numpy, the stemmer)

    spans = diff_words(a, b)
    return (
        [(s.a_start, s.a_end) for s in spans if s.a_end > s.a_start],
        [(s.b_start, s.b_end) for s in spans if s.b_end > s.b_start],
    )


@dataclass(frozen=True)
class PaneView:
    """What one pane beside the reader's shows."""

    doc: int
    cursor: int
    counterpart: int | None
    """The sentence matched with the reader's (None: no match)."""
    marks: tuple[Mark, ...] = ()
    """Its words that differ from the reader's sentence."""
    note: str = ""
    """What the pane's header says about following ("≡ match", "≡ match?", "no match")."""
    note_style: str = ""
    follows: bool = False
    """Whether the pane scrolls its counterpart level with the reader's sentence."""


@dataclass(frozen=True)
class SyncPlan:
    """What the panes show for one position of the reader's cursor."""

    others: tuple[PaneView, ...]
    """The panes on screen beside the reader's."""
    cursors: tuple[int, ...]
    """Every pane's cursor (those that follow moved to their counterpart)."""
    underlined: int | None = None
    """The article (best match on screen) whose differences the reader's pane underlines."""
    marks: tuple[Mark, ...] = ()
    """The reader's words that differ from that article's counterpart."""
    note: tuple[str, str] = ("", "")
    """What the reader's pane header says about sync, and its style."""


def plan_sync(
    alignment: Alignment | None,
    ref: SentenceRef,
    cursors: Sequence[int],
    visible: Sequence[int],
    sync: bool,
    possible: SentenceRef | None = None,
) -> SyncPlan:
    """What every pane in ``visible`` shows while the reader is on ``ref``.

    Args:
        alignment: the alignment shown; None while it is being computed: every pane then
            shows its own cursor, and the headers say nothing about sync yet.
        ref: the sentence under the focused pane's cursor.
        cursors: every pane's cursor now.
        visible: the articles whose panes are on screen.
        sync: whether the other panes follow the reader.
        possible: a possible counterpart of ``ref`` the reader asked to see (``o``): its pane
            shows it beside the cursor, highlighted, with or without sync.
    """
    if alignment is None:
        own = tuple(PaneView(other, cursors[other], None) for other in visible if other != ref.doc)
        return SyncPlan(own, tuple(cursors))
    articles = alignment.articles
    reading = articles[ref.doc].sentences[ref.sentence]
    moved = list(cursors)
    others: list[PaneView] = []
    best_doc, best_score, best_sentence = -1, -1.0, -1
    for other in visible:
        if other == ref.doc:
            continue
        if possible is not None and possible.doc == other:
            moved[other] = possible.sentence
            marks = differing(reading, articles[other].sentences[possible.sentence])[1]
            view = PaneView(other, possible.sentence, possible.sentence, tuple(marks))
            others.append(
                replace(view, note=POSSIBLE_NOTE, note_style="$text-warning", follows=True)
            )
            continue
        match = counterpart_in(alignment, ref, other, prefer=moved[other])
        if match is None:
            note = "no match" if sync else ""
            others.append(PaneView(other, moved[other], None, (), note, "$text-warning"))
            continue
        sentence, score = match
        marks = differing(reading, articles[other].sentences[sentence])[1]
        if score is not None and score > best_score:
            best_doc, best_score, best_sentence = other, score, sentence
        if sync:
            moved[other] = sentence
        sure = score is not None and score >= SURE_MATCH  # (None: only through its group)
        note = (MATCH_NOTE if sure else WEAK_MATCH_NOTE) if sync else ""
        others.append(
            PaneView(other, moved[other], sentence, tuple(marks), note, "$text-success", sync)
        )
    if best_doc < 0 and possible is not None and possible.doc in visible:
        best_doc, best_sentence = possible.doc, possible.sentence  # underline against it
    leader = ("● reading" if sync else "sync off", "$text-accent")
    if best_doc < 0:
        return SyncPlan(tuple(others), tuple(moved), note=leader)
    marks = differing(reading, articles[best_doc].sentences[best_sentence])[0]
    return SyncPlan(tuple(others), tuple(moved), best_doc, tuple(marks), leader)
