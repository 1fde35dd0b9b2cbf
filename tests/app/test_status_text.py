"""The status line's text as a pure function of the values shown (no app, no screen)."""

from __future__ import annotations

from textual.content import Content

from tests.app.candidates_fixture import UPDATED, many_candidates
from tests.app.reading_fixture import ALPHA_FURNITURE, CONFLICT, sample_corpus
from tui.core.align import SentenceRef
from tui.core.candidates import Discrepancy
from tui.widgets.status_text import PaneWindow, SearchPlace, status_text

ALIGNMENT = sample_corpus()
ALL_ON_SCREEN = PaneWindow(first=0, capacity=3, shown=3)


def rows(content: Content) -> list[str]:
    return content.plain.split("\n")


def text(ref: SentenceRef, **options: object) -> list[str]:
    settings: dict[str, object] = {"window": ALL_ON_SCREEN, "sync": True, "width": 200}
    settings.update(options)
    return rows(status_text(ALIGNMENT.articles, ALIGNMENT, ref, **settings))  # type: ignore[arg-type]


def test_a_sentence_three_sources_report() -> None:
    where, detail = text(SentenceRef(0, 20), underlined=2)
    # partners best first: Gamma 10 (88), then Beta 25 (70)
    assert where == "Alpha · 21/40 · in 3 of 3 sources · best match 88 (Gamma)"
    assert detail == "differences vs Gamma underlined"


def test_unique_and_furniture_sentences_say_so() -> None:
    assert text(SentenceRef(0, 21))[0] == "Alpha · 22/40 · ◦ no match found in the other sources"
    furniture = text(SentenceRef(0, ALPHA_FURNITURE))[0]
    assert furniture == "Alpha · 3/40 · page furniture (f hides it)"


def test_the_window_comes_first_and_sync_off_last() -> None:
    where = text(SentenceRef(1, 0), window=PaneWindow(1, 2, 5), sync=False)[0]
    assert where.startswith("panes 2-3 of 5 · Beta · 1/45")
    assert where.endswith(" · sync off")
    assert text(SentenceRef(1, 0), window=PaneWindow(4, 1, 5))[0].startswith("pane 5 of 5 · ")


def test_a_search_hit_comes_before_the_candidate() -> None:
    detail = text(CONFLICT, search=SearchPlace(1, 4, "hurt"))[1]
    assert detail.startswith("hit 2 of 4 for “hurt”  ⚑ number conflict vs Beta #18: ")
    assert "people hurt: twelve vs fifteen" in detail


def test_a_candidate_too_long_for_the_width_says_it_can_be_read_in_full() -> None:
    assert not text(CONFLICT, width=200)[1].startswith("i: read in full")
    assert text(CONFLICT, width=30)[1].startswith("i: read in full · ⚑ number conflict")


def test_a_conflict_is_styled_as_an_error() -> None:
    content = status_text(
        ALIGNMENT.articles, ALIGNMENT, CONFLICT, window=ALL_ON_SCREEN, sync=True, width=200
    )
    styles = {str(span.style) for span in content.spans}
    assert "bold $text-error" in styles


MANY = many_candidates()
"""A ≈ variant listed before its ⚑, an ↻ updated figure and a ⚑ quote (candidates_fixture)."""
VARIANT, _UPDATED, NUMBER, _QUOTE = MANY.discrepancies


def many(
    ref: SentenceRef, confirmed: frozenset[Discrepancy] = frozenset(), width: int = 400
) -> Content:
    """The status line of ``ref`` in the many-candidates sample."""
    return status_text(
        MANY.articles,
        MANY,
        ref,
        window=ALL_ON_SCREEN,
        sync=True,
        width=width,
        confirmed=confirmed,
    )


def test_the_most_severe_candidate_comes_first_whatever_the_engine_order() -> None:
    """A ⚑ listed after a ≈ is said first, so a narrow window never cuts it off."""
    assert VARIANT.status == "variant"  # the engine listed it first
    detail = rows(many(CONFLICT, width=50))[1]
    assert detail.startswith("i: read in full · ⚑ number conflict vs Beta #18: people hurt")
    assert detail.index("⚑ number conflict") < detail.index("≈ name variant")


def test_updated_confirmed_and_open_candidates_are_named_apart() -> None:
    assert rows(many(UPDATED))[1].startswith("↻ number updated vs Gamma #7: Facts: later report")
    # a confirmed candidate is said after the open ones, as confirmed, never as a ⚑
    row = rows(many(CONFLICT, frozenset({NUMBER})))[1]
    assert row.startswith('≈ name variant vs Beta #18: Spelling variant: "Alpha" vs "Beta"')
    assert "✗ number conflict, confirmed vs Beta #18: people hurt" in row
    assert "⚑" not in row
    both = rows(many(CONFLICT, frozenset({NUMBER, VARIANT})))[1]
    assert both.index("✗ number conflict") < both.index("✗ name variant")  # severity within


def test_each_mark_has_its_style() -> None:
    styles = {
        str(span.style)
        for content in (many(UPDATED), many(CONFLICT, frozenset({NUMBER})))
        for span in content.spans
    }
    assert {"bold $text-warning", "$text-error"} <= styles  # ↻ and ≈ warn; ✗ is not bold
    assert "bold $text-error" not in styles  # no open ⚑ among them
