"""The pure parts of the reader's corrections: what `L`, `U` and `o` act on, what the status
line and sync say about possible matches and the reader's own links (no app, no screen)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from textual.content import Content

from tests.app.reading_fixture import sample_corpus
from tui.core.align import Pair, SentenceRef
from tui.core.corrections import apply_corrections
from tui.linking import (
    counterparts_of,
    next_possible,
    possible_places,
    refs_to_link,
    step_possible,
    window_with,
)
from tui.sync import POSSIBLE_NOTE, plan_sync
from tui.widgets.status_text import PaneWindow, status_text

r = SentenceRef
ALIGNMENT = sample_corpus()
ALPHA_UNIQUE = r(0, 21)
"""Reported by Alpha alone (a multiple of 7)."""
POSSIBLE = replace(
    ALIGNMENT,
    possible_pairs=(Pair(r(0, 21), r(1, 3), 41.2), Pair(r(0, 21), r(2, 4), 37.6)),
)
"""The sample with two possible counterparts of Alpha #22: Beta #4 (41), Gamma #5 (38)."""


def where(alignment: object, ref: SentenceRef, **options: object) -> list[str]:
    settings: dict[str, object] = {"window": PaneWindow(0, 3, 3), "sync": True, "width": 200}
    settings.update(options)
    content: Content = status_text(ALIGNMENT.articles, alignment, ref, **settings)  # type: ignore[arg-type]
    return content.plain.split("\n")


@pytest.mark.parametrize(
    ("selection", "focused", "shown", "linked"),
    [
        ({r(0, 1), r(1, 2)}, r(2, 3), r(1, 9), [r(0, 1), r(1, 2)]),  # a selection of two panes
        ({r(1, 2)}, r(0, 1), None, [r(0, 1), r(1, 2)]),  # one pane selected, L in another
        (set(), r(0, 1), r(1, 9), [r(0, 1), r(1, 9)]),  # o, then L
        ({r(0, 4)}, r(0, 1), r(1, 9), [r(0, 4)]),  # pointing at the selection's own pane
        (set(), r(0, 1), None, [r(0, 1)]),  # nothing to link
    ],
)
def test_what_L_links(
    selection: set[SentenceRef],
    focused: SentenceRef,
    shown: SentenceRef | None,
    linked: list[SentenceRef],
) -> None:
    assert list(refs_to_link(selection, focused, shown)) == linked


def test_o_steps_through_the_possible_matches_and_round_again() -> None:
    possible = [(r(1, 3), 41.0), (r(2, 4), 38.0)]
    assert next_possible(possible, None) == 0
    assert next_possible(possible, r(1, 3)) == 1
    assert next_possible(possible, r(2, 4)) == 0
    assert next_possible(possible, r(2, 9)) == 0  # no longer possible: from the best again
    assert next_possible([], None) is None


def test_possible_places_name_label_number_and_rounded_score() -> None:
    possible = POSSIBLE.possible(ALPHA_UNIQUE)
    assert possible_places(ALIGNMENT.articles, possible) == "Beta #4 (41), Gamma #5 (38)"
    assert possible_places(ALIGNMENT.articles, possible, limit=1) == "Beta #4 (41) +1 more"


def test_the_window_moves_the_least_to_show_both_panes() -> None:
    shown = [0, 1, 2, 3, 4]
    assert window_with(shown, 0, 1, 0, 2) == 0  # both on screen already
    assert window_with(shown, 1, 2, 0, 2) == 1
    assert window_with(shown, 3, 2, 3, 2) == 2
    assert window_with(shown, 0, 3, 0, 2) is None  # too far apart for two panes
    assert window_with([0, 2], 0, 1, 0, 2) is None  # hidden


def test_a_sentence_with_possible_matches_is_not_called_unique() -> None:
    first, detail = where(POSSIBLE, ALPHA_UNIQUE)
    assert first == ("Alpha · 22/40 · ◌ no match; possible: Beta #4 (41), Gamma #5 (38) — L links")
    assert detail.startswith("L (or o) shows a possible match beside it")
    shown = where(POSSIBLE, ALPHA_UNIQUE, possible=r(2, 4))[1]
    assert shown.startswith("◌ possible match 2 of 2: Gamma #5 (38) shown beside it: L links it")
    assert where(ALIGNMENT, ALPHA_UNIQUE)[0].endswith("◦ no match found in the other sources")


def test_the_status_line_names_the_readers_links_apart_from_the_engines() -> None:
    alpha = r(0, 20)  # Beta 25 (70), Gamma 10 (88)
    linked = apply_corrections(ALIGNMENT, [{alpha, r(1, 25)}])
    assert where(linked, alpha)[0] == (
        "Alpha · 21/40 · in 3 of 3 sources · linked by you: Beta · best match 88 (Gamma)"
    )
    assert [(c.ref, c.by_user) for c in counterparts_of(linked, alpha)] == [
        (r(1, 25), True),
        (r(2, 10), False),
    ]


def test_sync_puts_the_possible_match_shown_beside_the_cursor_even_without_sync() -> None:
    for sync in (True, False):
        plan = plan_sync(POSSIBLE, ALPHA_UNIQUE, (21, 0, 0), [0, 1, 2], sync, r(2, 4))
        views = {v.doc: v for v in plan.others}
        assert (views[2].counterpart, views[2].note, views[2].follows) == (4, POSSIBLE_NOTE, True)
        assert views[1].counterpart is None
        assert plan.cursors[2] == 4
        assert plan.underlined == 2  # no match: its differences are underlined


def test_sync_shows_the_readers_link_beside_the_sentence_over_the_pane_cursor() -> None:
    alpha = r(0, 20)  # the engine pairs it with Beta 25
    assert plan_sync(ALIGNMENT, alpha, (20, 25, 0), [0, 1], True).cursors[1] == 25
    linked = apply_corrections(ALIGNMENT, [{alpha, r(1, 3)}])  # and the reader with Beta 3
    assert plan_sync(linked, alpha, (20, 25, 0), [0, 1], True).cursors[1] == 3
    assert plan_sync(linked, alpha, (20, 3, 0), [0, 1], True).cursors[1] == 3


def test_o_shows_the_next_possible_match_in_its_pane_moving_the_window_the_least() -> None:
    possible = POSSIBLE.possible(ALPHA_UNIQUE)
    articles = ALIGNMENT.articles
    on_screen = step_possible(articles, possible, ALPHA_UNIQUE, None, [0, 1, 2], (0, 3))
    assert (on_screen.ref, on_screen.first_visible, on_screen.notice) == (r(1, 3), None, None)
    after = step_possible(articles, possible, ALPHA_UNIQUE, r(1, 3), [0, 1, 2], (0, 3))
    assert after.ref == r(2, 4)  # o again: the next one
    moved = step_possible(articles, [(r(2, 4), 40.0)], r(1, 0), None, [0, 1, 2], (0, 2))
    assert (moved.ref, moved.first_visible) == (r(2, 4), 1)  # Gamma's pane comes on screen
    apart = step_possible(articles, possible, ALPHA_UNIQUE, r(1, 3), [0, 1, 2], (0, 1))
    assert apart.ref == r(2, 4) and apart.first_visible is None
    assert apart.notice is not None and apart.notice.startswith("◌ possible match Gamma #5 (38)")


def test_o_says_when_the_possible_matches_are_in_hidden_panes_or_there_are_none() -> None:
    possible = POSSIBLE.possible(ALPHA_UNIQUE)
    articles = ALIGNMENT.articles
    hidden = step_possible(articles, possible, ALPHA_UNIQUE, None, [0], (0, 1))
    assert hidden.ref is None and hidden.notice is not None and "hidden panes" in hidden.notice
    none = step_possible(articles, (), ALPHA_UNIQUE, None, [0, 1, 2], (0, 3))
    assert (none.ref, none.notice) == (None, "No possible match for this sentence.")
    only_gamma = step_possible(articles, possible, ALPHA_UNIQUE, None, [0, 2], (0, 2))
    assert only_gamma.ref == r(2, 4)  # Beta hidden: its possible match is passed over
