"""The slot of a figure: what it measures, whose it is and when (no Textual import)."""

from __future__ import annotations

import datetime as dt

import pytest

from tui.core.context import NO_CONTEXT, SentenceContext
from tui.core.slots import FigureSlot, figure_slots, same_slot


def slot(text: str, figure: str, context: SentenceContext = NO_CONTEXT) -> FigureSlot:
    [found] = [s for s in figure_slots(text, context) if s.text.endswith(figure)]
    return found


def test_the_measure_is_read_from_the_figures_own_clause() -> None:
    text = "Six people were shot, including four who died and two others were injured."
    assert [(s.text, s.measure) for s in figure_slots(text)] == [
        ("Six", "shot"),
        ("four", "killed"),
        ("two", "injured"),
    ]
    both = "At least four people were killed and four others wounded Sunday."
    assert [s.measure for s in figure_slots(both)] == ["killed", "injured"]


def test_the_holder_is_the_clauses_subject_or_a_resolved_pronoun() -> None:
    assert slot("Germany expelled four Russian diplomats.", "four").subject == {"germany"}
    assert slot("Canada said it is expelling four Russian diplomats.", "four").subject == {"canada"}
    mixed = (
        "European Union nations on Monday expelled 30 people, Ukraine ordered 13 Russians to "
        "leave and Canada expelled seven."
    )
    assert slot(mixed, "13").subject == {"ukraine"}
    assert slot(mixed, "seven").subject == {"canada"}


def test_who_says_a_figure_does_not_hold_it() -> None:
    text = "Ukraine's state agency on Wednesday said the death toll had risen to 14."
    assert slot(text, "14").subject == frozenset()


def test_ages_of_named_people_and_their_time() -> None:
    now = slot("Michelle Knight, now 30, vanished in August 2002 at the age of 19.", "30")
    then = slot("Michelle Knight, now 30, vanished in August 2002 at the age of 19.", "19")
    other = slot("Police said Knight vanished in 2002 and is 32 now.", "32")
    assert (now.measure, now.subject, now.frame) == ("age", {"knight"}, {"now"})
    assert then.frame == {"2002"}
    assert same_slot(now, other) and not same_slot(then, other)
    assert slot("A 29-year-old patron, identified as James Shaw Jr., fled.", "29").subject == {
        "shaw"
    }


@pytest.mark.parametrize(
    ("a", "fa", "b", "fb"),
    [
        (
            "Germany expelled four Russian diplomats.",
            "four",
            "Australia confirmed that it too would expel two Russian diplomats.",
            "two",
        ),
        (
            "Still, Moscow has in turn ordered 23 British diplomats to leave.",
            "23",
            "President Donald Trump ordered 60 Russian diplomats to leave.",
            "60",
        ),
        (
            "In all, 14 EU countries said they would expel diplomats.",
            "14",
            "Officials said 18 countries had announced plans to expel diplomats.",
            "18",
        ),
        (
            "The Senate holds 51 Republicans and 49 senators who caucus with Democrats.",
            "49",
            "The document could sway three Republican senators who hold swing votes.",
            "three",
        ),
        (
            "Six people were shot, including four who died.",
            "Six",
            "At least four people were killed.",
            "four",
        ),
        (
            "Eight people were hospitalized after the shooting.",
            "Eight",
            "Six people were shot, including four who died and two others were injured.",
            "Six",
        ),
        (
            "The violence took place less than two miles from the September mass shooting at an "
            "Antioch church, where one person died.",
            "one",
            "At least four people were killed.",
            "four",
        ),
        (
            "The violence took place less than two miles from the September mass shooting at an "
            "Antioch church.",
            "two",
            "The Waffle House is located about 16 miles southeast of downtown Nashville.",
            "16",
        ),
        (
            "He fatally shot two people outside with an assault-type rifle.",
            "two",
            "Six people were shot.",
            "Six",
        ),
        (
            "On Monday alone, about 45 people were arrested in the senator's office.",
            "about 45",
            "Police reported that 128 people were arrested in Senate office buildings.",
            "128",
        ),
        (
            "Police said about 70 people were arrested each day during the earlier hearing.",
            "about 70",
            "Police reported that 128 people were arrested in Senate office buildings.",
            "128",
        ),
    ],
    ids=[
        "two-countries",
        "two-expellers",
        "eu-subset",
        "two-parties",
        "shot-vs-killed",
        "hospitalised-vs-shot",
        "another-events-toll",
        "distances-from-two-places",
        "a-part-vs-the-total",
        "one-day-alone-vs-the-total",
        "a-rate-vs-a-count",
    ],
)
def test_figures_of_different_slots_never_meet(a: str, fa: str, b: str, fb: str) -> None:
    assert not same_slot(slot(a, fa), slot(b, fb))


def test_a_figure_per_period_is_a_rate_and_a_day_after_is_no_period() -> None:
    assert slot("Some 500 migrants cross the border daily.", "Some 500").rate == "day"
    assert slot("About 70 people were arrested each day.", "About 70").rate == "day"
    assert slot("Four people were killed a day after the attack.", "Four").rate == ""
    two_rates = (
        slot("About 70 people were arrested each day.", "About 70"),
        slot("Police say 90 people were arrested every day.", "90"),
    )
    assert same_slot(*two_rates)


def test_weekdays_are_read_against_the_articles_date() -> None:
    wednesday = SentenceContext(published=dt.date(2022, 3, 30))
    found = slot("On Tuesday, 14 people were killed.", "14", wednesday)
    assert "recent:2022-03-29" in found.frame


def test_an_age_in_a_clause_set_years_ago_is_of_that_year() -> None:
    """'a drunken, 17-year-old Kavanaugh pinned her down at a party in 1982' is his age in
    1982; 'Kavanaugh, 53,' in a 2018 report is today's: two slots, no candidate (the scale
    corpus gave three ↻ "Age (Kavanaugh)" for these, all labelled a different fact)."""
    report = SentenceContext(published=dt.date(2018, 9, 25))
    then = slot(
        "Ford alleges a drunken, 17-year-old Kavanaugh pinned her down at a party in 1982.",
        "17",
        report,
    )
    now = slot("Republicans are trying to get Kavanaugh, 53, confirmed next week.", "53", report)
    assert then.frame == frozenset({"1982"}) and now.frame == frozenset({"now"})
    assert not same_slot(then, now)
    # A year that is this year's, or none, leaves the age today's.
    recent = slot("The 29-year-old Reinking was arrested in 2018.", "29", report)
    assert recent.frame == frozenset({"now"})
    # A clause set at a past moment of a life: the age is of then, not of today.
    when = slot(
        "Ford testified that when she was 15, a drunken 17-year-old Kavanaugh pinned her down.",
        "17",
        report,
    )
    assert when.frame == frozenset({"then"}) and not same_slot(when, now)
