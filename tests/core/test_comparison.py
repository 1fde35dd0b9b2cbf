"""The comparison a report shows: rows, candidate states and figures, without any HTML."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from tui.core.align import Alignment, SentenceRef, align_corpus
from tui.core.anchoring import target_for_sentence
from tui.core.comparison import build_comparison
from tui.core.comparison_rows import row_order
from tui.core.corpus import load_paths
from tui.core.notes import CandidateQuote, DiscrepancyInfo
from tui.core.notes_store import NotesStore

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@cache
def _seeds() -> Alignment:
    return align_corpus(load_paths([SEEDS]).articles)


def test_every_body_sentence_is_in_exactly_one_row() -> None:
    alignment = _seeds()
    seen = [ref for plan in row_order(alignment, 2) for ref in plan.members]
    assert len(seen) == len(set(seen))
    assert set(seen) == {
        SentenceRef(d, s.index) for d, a in enumerate(alignment.articles) for s in a.body_sentences
    }


def test_a_unique_sentence_has_a_row_of_its_own() -> None:
    alignment = _seeds()
    comparison = build_comparison(alignment)
    unique = {SentenceRef(0, s) for s in alignment.unique_sentences(0)}
    for row in comparison.rows:
        refs = {SentenceRef(d, s) for d, found in row.cells.items() for s in found}
        if refs & unique:
            assert row.kind == "unique" and len(refs) == 1 and row.sources == (0,)


def test_a_reading_order_out_of_range_is_refused() -> None:
    with pytest.raises(ValueError):
        row_order(_seeds(), 9)


def test_the_reader_confirms_one_candidate_and_dismisses_another(tmp_path: Path) -> None:
    alignment = _seeds()
    articles = alignment.articles
    before = build_comparison(alignment)
    flagged = [d for d in alignment.discrepancies if d.flagged]
    compatible = next(d for d in alignment.discrepancies if not d.flagged)
    assert before.summary.open == len(flagged) >= 1
    store = NotesStore(tmp_path / "notes.yaml")
    confirmed = flagged[0]
    store.add(
        "contradiction",
        [
            target_for_sentence(articles[side.doc], articles[side.doc].sentences[side.sentence])
            for side in (confirmed.a, confirmed.b)
        ],
        comment=confirmed.explanation,
        discrepancy=DiscrepancyInfo(confirmed.kind, confirmed.explanation, confirmed.status),
    )
    store.dismiss(
        compatible.kind,
        CandidateQuote(articles[compatible.a.doc].id, compatible.a.text),
        CandidateQuote(articles[compatible.b.doc].id, compatible.b.text),
    )
    after = build_comparison(alignment, store.document)
    states = {c.discrepancy: c.state for row in after.rows for c in row.candidates}
    assert states[confirmed] == "confirmed" and states[compatible] == "dismissed"
    assert after.summary.confirmed == 1 and after.summary.open == len(flagged) - 1
    assert after.summary.dismissed == 1
    assert after.summary.compatible == before.summary.compatible - 1
    noted = [row for row in after.rows if row.notes]
    assert noted and all(row.contradiction for row in noted)
