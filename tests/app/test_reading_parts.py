"""Parts of the reading screen that are pure functions of values: sync, the window of panes,
the table caption, search stepping (no app, no screen)."""

from __future__ import annotations

from tests.app.reading_fixture import CONFLICT, alpha_to_beta, alpha_to_gamma, sample_corpus
from tui.core.align import SentenceRef
from tui.search import Search
from tui.sync import SyncPlan, aligned_refs, plan_sync
from tui.widgets.pane_row import fit_window, scroll_window
from tui.widgets.table_view import table_caption

ALIGNMENT = sample_corpus()


def test_sync_moves_the_panes_that_have_a_match_and_underlines_against_the_best() -> None:
    plan = plan_sync(ALIGNMENT, SentenceRef(0, 20), (20, 0, 0), [0, 1, 2], sync=True)
    assert plan.cursors == (20, alpha_to_beta(20), alpha_to_gamma(20))
    assert [(v.doc, v.counterpart, v.note, v.follows) for v in plan.others] == [
        (1, 25, "≡ match?", True),  # Beta scores 70: under 80, a fifth of such links are wrong
        (2, 10, "≡ match", True),
    ]
    assert plan.underlined == 2  # Gamma scores 88, Beta 70


def _notes(plan: SyncPlan) -> list[str]:
    return [view.note for view in plan.others]


def test_a_pane_following_a_link_scored_under_80_asks_whether_it_is_one() -> None:
    assert _notes(plan_sync(ALIGNMENT, SentenceRef(0, 23), (0, 0, 0), [0, 1, 2], True)) == [
        "≡ match",  # Beta 90
        "≡ match",  # Gamma 88
    ]
    assert _notes(plan_sync(ALIGNMENT, SentenceRef(0, 22), (0, 0, 0), [0, 1, 2], True)) == [
        "≡ match?",  # Beta 70
        "≡ match",
    ]
    from_beta = plan_sync(ALIGNMENT, SentenceRef(1, 28), (0, 28, 0), [0, 1, 2], True)
    assert _notes(from_beta) == ["≡ match", "≡ match"]  # Alpha 90, Gamma 80: 80 is sure
    assert _notes(plan_sync(ALIGNMENT, SentenceRef(0, 22), (0, 0, 0), [0, 1], False)) == [""]


def test_without_sync_the_panes_keep_their_cursors_and_a_pane_without_match_says_so() -> None:
    plan = plan_sync(ALIGNMENT, SentenceRef(0, 21), (21, 3, 4), [0, 1, 2], sync=True)
    assert plan.cursors == (21, 3, 4)  # 21 is unique to Alpha
    assert [v.note for v in plan.others] == ["no match", "no match"]
    plan = plan_sync(ALIGNMENT, SentenceRef(0, 20), (20, 3, 4), [0, 1], sync=False)
    assert plan.cursors == (20, 3, 4)
    assert [(v.counterpart, v.note, v.follows) for v in plan.others] == [(25, "", False)]


def test_what_a_and_x_link() -> None:
    assert aligned_refs(ALIGNMENT, CONFLICT) == [
        CONFLICT,
        SentenceRef(1, alpha_to_beta(12)),  # type: ignore[arg-type]
        SentenceRef(2, alpha_to_gamma(12)),  # type: ignore[arg-type]
    ]


def test_the_window_follows_the_focused_pane_and_stays_inside_the_shown_ones() -> None:
    shown = [0, 1, 2, 3, 4]
    assert fit_window(shown, 4, 0, 2) == (4, 3)
    assert fit_window(shown, 0, 3, 2) == (0, 0)
    assert fit_window(shown, 2, 4, 2) == (2, 2)  # pulled back inside
    assert fit_window([1, 3], 2, 0, 1) == (1, 0)  # a hidden focused pane gives way


def test_scrolling_the_window_takes_the_focus_along_when_it_leaves() -> None:
    shown = [0, 1, 2, 3, 4]
    assert scroll_window(shown, 0, 2, 0, 1) == (1, 1)
    assert scroll_window(shown, 0, 2, 1, 1) == (1, 1)
    assert scroll_window(shown, 3, 2, 4, 1) == (3, 4)  # already at the right end
    assert scroll_window(shown, 3, 2, 4, -1) == (2, 3)


def test_the_table_caption() -> None:
    assert table_caption([0, 1, 2], [0, 1, 2], 3, 10, 10) == ""
    assert table_caption([0, 1, 2], [0, 1, 2], 3, 200, 600) == "filling 200 of 600 rows…"
    caption = table_caption([3, 4], [0, 1, 3, 4], 9, 5, 5)
    assert caption == (
        "Columns: the panes on screen, 3-4 of 4 (5 hidden) · < > next sources · p chooses"
    )


def test_search_starts_from_the_cursor_and_wraps_around() -> None:
    search = Search()
    hits = search.find(ALIGNMENT.articles, "hurt", [0, 1, 2])
    assert [(h.doc, h.sentence) for h in hits] == [(0, 12), (1, 17)]
    after_alpha_12 = ALIGNMENT.articles[0].sentences[13].start
    assert (search.first_from(0, after_alpha_12).doc, search.index) == (1, 1)
    hit, wrapped = search.step(1)
    assert (hit.doc, hit.sentence, wrapped) == (0, 12, True)
    hit, wrapped = search.step(1)
    assert (hit.doc, wrapped) == (1, False)
