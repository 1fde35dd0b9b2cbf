"""A comparison of several accounts, ready to show: rows, candidates, the reader's notes.

What ``reader report`` and the app's "Export HTML report" render (``html_report``), with no
markup in it. The notes file's links and unlinks are applied first, as ``reader align
--notes`` applies them, so a row is what the reader made of the alignment; candidates the
reader dismissed stay (marked), and one that a contradiction note covers is confirmed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from tui.core.align import USER, Alignment, SentenceRef
from tui.core.anchoring import NoteAnchors
from tui.core.candidates import SEVERITY, Discrepancy
from tui.core.comparison_rows import RowKind, cells_of, row_order, unit_of
from tui.core.comparison_summary import Summary, summarise
from tui.core.corrections import apply_corrections
from tui.core.notes import Annotation, NotesDocument, candidate_fingerprint
from tui.core.user_links import corrections_of

CandidateState = Literal["open", "confirmed", "dismissed"]
"""open: nobody judged it yet; confirmed: a ⚑ whose two sentences a contradiction note covers;
dismissed: the reader said it is no contradiction (``X``). A ≈ is never confirmed."""


@dataclass(frozen=True, slots=True)
class RowCandidate:
    """An engine candidate on a row, with what the reader made of it."""

    discrepancy: Discrepancy
    state: CandidateState


@dataclass(frozen=True, slots=True)
class Pointer:
    """A sentence of this row matched (or possibly matched) with one in another row."""

    doc: int
    row: int
    """The other row's number."""
    possible: bool = False


@dataclass(frozen=True)
class Row:
    """One fact: the sentences reporting it, by article, and what is said about them."""

    number: int
    """From 1, in reading order."""
    kind: RowKind
    cells: Mapping[int, tuple[int, ...]]
    """Sentence indices by article position."""
    sources: tuple[int, ...]
    """The articles reporting the fact (``Alignment.sources_of_members``: direct matches in
    other rows count, as the app's "in 3 of 5 sources" counts them)."""
    pointers: tuple[Pointer, ...] = ()
    candidates: tuple[RowCandidate, ...] = ()
    notes: tuple[str, ...] = ()
    """Ids of the annotations with a passage in this row, in the notes file's order."""
    linked_by_reader: bool = False
    """Two of its sentences are a pair the reader linked."""
    contradiction: bool = False
    """A ⚑ candidate not dismissed, or a contradiction the reader marked."""


@dataclass(frozen=True)
class Comparison:
    """Everything a report shows."""

    alignment: Alignment
    """The alignment with the reader's links and unlinks applied."""
    by: int
    """The article whose reading order the rows follow."""
    rows: tuple[Row, ...]
    annotations: Mapping[str, Annotation]
    """Every annotation by id, in the notes file's order."""
    placed: Mapping[str, tuple[SentenceRef, ...]]
    """Where each annotation's passages are (orphaned and absent ones left out)."""
    unplaced: tuple[str, ...]
    """Annotations with a passage that could not be placed (orphaned, or its article absent)."""
    summary: Summary
    row_of: Mapping[SentenceRef, int]
    """The row of every body sentence."""


def build_comparison(
    alignment: Alignment, document: NotesDocument | None = None, by: int = 0
) -> Comparison:
    """The comparison of ``alignment`` (the engine's) with the reader's ``document`` applied.

    Raises:
        ValueError: ``by`` is not an article of the alignment.
    """
    articles = alignment.articles
    document = document or NotesDocument()
    anchors = NoteAnchors(document, articles)
    found = corrections_of(document, articles, anchors)
    alignment = apply_corrections(alignment, found.links, found.unlinks)
    placed, unplaced = _placed(document, anchors, [a.id for a in articles])
    plans = row_order(alignment, by)
    number = {unit_of(alignment, plan.members[0]): i + 1 for i, plan in enumerate(plans)}

    def row_of(ref: SentenceRef) -> int | None:
        if articles[ref.doc].sentences[ref.sentence].furniture:
            return None
        return number[unit_of(alignment, ref)]

    states = _states(alignment, document, placed)
    annotations = {a.id: a for a in document.annotations}
    notes_in: dict[int, list[str]] = {}
    for annotation_id, refs in placed.items():
        for row in dict.fromkeys(r for r in map(row_of, refs) if r is not None):
            notes_in.setdefault(row, []).append(annotation_id)
    rows = []
    for i, plan in enumerate(plans):
        members = set(plan.members)
        pointers: dict[tuple[int, int], Pointer] = {}
        for ref in plan.members:
            maybe = alignment.possible(ref) if plan.kind == "possible" else []
            for other, possible in [(o, False) for o, _ in alignment.partners(ref)] + [
                (o, True) for o, _ in maybe
            ]:
                where = row_of(other)
                if other not in members and where is not None and where != i + 1:
                    pointers.setdefault((other.doc, where), Pointer(other.doc, where, possible))
        candidates = sorted(
            {d for ref in plan.members for d in alignment.discrepancies_of(ref)},
            key=lambda d: (SEVERITY[d.status], d.a.doc, d.a.sentence, d.b.doc, d.b.sentence),
        )
        notes = tuple(notes_in.get(i + 1, ()))
        marked = any(annotations[n].kind == "contradiction" for n in notes)
        rows.append(
            Row(
                number=i + 1,
                kind=plan.kind,
                cells=cells_of(plan.members),
                sources=alignment.sources_of_members(plan.members),
                pointers=tuple(sorted(pointers.values(), key=lambda p: (p.doc, p.row))),
                candidates=tuple(RowCandidate(d, states[d]) for d in candidates),
                notes=notes,
                linked_by_reader=any(
                    (pair := alignment.pair_between(x, y)) is not None and pair.origin == USER
                    for x in plan.members
                    for y in plan.members
                    if x < y
                ),
                contradiction=marked
                or any(d.flagged and states[d] != "dismissed" for d in candidates),
            )
        )
    return Comparison(
        alignment=alignment,
        by=by,
        rows=tuple(rows),
        annotations=annotations,
        placed=placed,
        unplaced=unplaced,
        summary=summarise(
            alignment,
            [r.cells.keys() for r in rows],
            [len(r.sources) for r in rows],
            placed,
            annotations,
            states,
        ),
        row_of={
            ref: row.number
            for row in rows
            for doc, sentences in row.cells.items()
            for ref in (SentenceRef(doc, s) for s in sentences)
        },
    )


def _placed(
    document: NotesDocument, anchors: NoteAnchors, ids: list[str]
) -> tuple[dict[str, tuple[SentenceRef, ...]], tuple[str, ...]]:
    position = {article_id: doc for doc, article_id in enumerate(ids)}
    placed: dict[str, tuple[SentenceRef, ...]] = {}
    unplaced: list[str] = []
    for annotation in document.annotations:
        refs: list[SentenceRef] = []
        lost = False
        for target in anchors.of_annotation(annotation.id):
            sentence = target.anchor.sentence
            if target.article_id is None or not target.anchor.located or sentence is None:
                lost = True
                continue
            ref = SentenceRef(position[target.article_id], sentence)
            if ref not in refs:
                refs.append(ref)
        placed[annotation.id] = tuple(refs)
        if lost or not refs:
            unplaced.append(annotation.id)
    return placed, tuple(unplaced)


def _states(
    alignment: Alignment,
    document: NotesDocument,
    placed: Mapping[str, tuple[SentenceRef, ...]],
) -> dict[Discrepancy, CandidateState]:
    ids = [article.id for article in alignment.articles]
    marked = [set(placed[a.id]) for a in document.annotations if a.kind == "contradiction"]
    states: dict[Discrepancy, CandidateState] = {}
    for d in alignment.discrepancies:
        sides = {SentenceRef(d.a.doc, d.a.sentence), SentenceRef(d.b.doc, d.b.sentence)}
        fingerprint = candidate_fingerprint(d.kind, ids[d.a.doc], d.a.text, ids[d.b.doc], d.b.text)
        if document.is_dismissed(fingerprint):
            states[d] = "dismissed"
        elif d.flagged and any(sides <= refs for refs in marked):
            states[d] = "confirmed"
        else:
            states[d] = "open"
    return states
