"""The candidate marks and the walk of ] and [ as pure functions (no app, no screen)."""

from __future__ import annotations

import pytest

from tests.app.candidates_fixture import many_candidates
from tui.candidate_marks import (
    COMPATIBLE_FLAG,
    CONFIRMED_FLAG,
    CONFLICT_FLAG,
    NO_FLAG,
    UPDATED_FLAG,
    Step,
    name_of,
    ordered,
    sentence_flag,
    walk,
    walk_notice,
    without_kinds,
)
from tui.core.align import SentenceRef

ALIGNMENT = many_candidates()
VARIANT, UPDATED, NUMBER, QUOTE = ALIGNMENT.discrepancies
R = SentenceRef
STOPS = {0: [3, 9], 1: [], 2: [4]}
"""Stops in three panes: two in the first, none in the second, one in the third."""


def test_a_sentence_gets_the_mark_of_its_most_pressing_candidate() -> None:
    assert sentence_flag([]) == NO_FLAG
    assert sentence_flag([VARIANT]) == COMPATIBLE_FLAG
    assert sentence_flag([VARIANT, UPDATED]) == UPDATED_FLAG
    assert sentence_flag([VARIANT, NUMBER, UPDATED]) == CONFLICT_FLAG
    assert sentence_flag([VARIANT, NUMBER], {NUMBER}) == CONFIRMED_FLAG  # above ≈, below ↻
    assert sentence_flag([UPDATED, NUMBER], {NUMBER}) == UPDATED_FLAG


def test_open_candidates_come_first_most_severe_first() -> None:
    assert ordered([VARIANT, UPDATED, NUMBER]) == [NUMBER, UPDATED, VARIANT]
    assert ordered([VARIANT, UPDATED, NUMBER], {NUMBER}) == [UPDATED, VARIANT, NUMBER]


def test_names_say_glyph_kind_and_status() -> None:
    assert name_of(NUMBER).heading == "⚑ number conflict"
    assert name_of(UPDATED).heading == "↻ number updated"
    assert name_of(VARIANT).heading == "≈ name variant"
    assert name_of(NUMBER, {NUMBER}).heading == "✗ number conflict, confirmed"


def test_hiding_a_kind_leaves_its_candidates_out_and_nothing_else() -> None:
    shown = without_kinds(ALIGNMENT, {"quote"})
    assert shown.discrepancies == (VARIANT, UPDATED, NUMBER)
    assert shown.pairs == ALIGNMENT.pairs and shown.groups == ALIGNMENT.groups
    assert without_kinds(ALIGNMENT, set()) is ALIGNMENT
    assert without_kinds(ALIGNMENT, {"timing"}) is ALIGNMENT


@pytest.mark.parametrize(
    ("start", "direction", "expected"),
    [
        (R(0, 0), 1, Step(R(0, 3), False)),
        (R(0, 3), 1, Step(R(0, 9), False)),
        (R(0, 9), 1, Step(R(2, 4), False)),  # past the pane without any
        (R(2, 4), 1, Step(R(0, 3), True)),  # round to the first pane
        (R(1, 5), 1, Step(R(2, 4), False)),
        (R(0, 3), -1, Step(R(2, 4), True)),  # round to the last pane
        (R(2, 4), -1, Step(R(0, 9), False)),
        (R(2, 9), -1, Step(R(2, 4), False)),
        (R(2, 0), 1, Step(R(2, 4), False)),
    ],
)
def test_the_walk_goes_through_the_panes_in_reading_order(
    start: SentenceRef, direction: int, expected: Step
) -> None:
    assert walk([0, 1, 2], STOPS, start, direction) == expected


def test_the_walk_follows_pane_order_and_comes_back_to_a_lone_stop() -> None:
    assert walk([2, 0], STOPS, R(2, 4), 1) == Step(R(0, 3), False)  # 2 is shown first
    assert walk([0], {0: [5]}, R(0, 5), 1) == Step(R(0, 5), True)
    assert walk([0], {0: [5]}, R(0, 9), 1) == Step(R(0, 5), True)
    assert walk([0], {0: [5]}, R(0, 1), -1) == Step(R(0, 5), True)
    assert walk([0, 1], {}, R(0, 0), 1) is None
    assert walk([1], STOPS, R(0, 0), 1) is None  # the start's pane is not shown


@pytest.mark.parametrize(
    ("step", "start", "direction", "hidden", "said"),
    [
        (None, R(0, 0), 1, 0, "No contradiction candidate (⚑ or ↻) in the shown articles."),
        (
            None,
            R(0, 0),
            1,
            2,
            "No contradiction candidate (⚑ or ↻) in the shown articles (2 kinds hidden).",
        ),
        (Step(R(0, 5), True), R(0, 5), 1, 0, "This is the only candidate to check."),
        (
            Step(R(0, 3), True),
            R(2, 4),
            1,
            0,
            "Wrapped around: back to the first candidate, in Alpha.",
        ),
        (
            Step(R(2, 4), True),
            R(0, 3),
            -1,
            0,
            "Wrapped around: back to the last candidate, in Gamma.",
        ),
        (Step(R(2, 4), False), R(0, 9), 1, 0, None),  # it just moves
    ],
)
def test_the_walk_says_why_it_did_not_move_or_that_it_went_round(
    step: Step | None, start: SentenceRef, direction: int, hidden: int, said: str | None
) -> None:
    assert walk_notice(step, start, direction, ["Alpha", "Beta", "Gamma"], hidden) == said
