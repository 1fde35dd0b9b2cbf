"""Reading counts as hedged intervals, and which counts may be compared."""

from __future__ import annotations

import pytest

from tui.core.numbers import INF, comparable, find_numbers, relation


def one(text: str):  # type: ignore[no-untyped-def]
    found = find_numbers(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("14 killed in Mykolaiv", 14, 14),
        ("seven people were killed", 7, 7),
        ("4.01 million people have now fled", 4_005_000, 4_015_000),
        ("more than 3.9 million people fleeing", 3_900_000, INF),
        ("at least 350 civilians were killed", 350, INF),
        ("up to 10 people were hurt", 0, 10),
        ("nearly 5,000 people had been killed", 4_500, 5_000),
        ("some 400,000 inhabitants", 360_000, 440_000),
        ("four million people", 3_500_000, 4_500_000),
        ("twenty-five children", 25, 25),
        ("a dozen soldiers", 12, 12),
        ("tens of thousands of civilians", 20_000, 99_999),
    ],
)
def test_reads_hedged_intervals(text: str, low: float, high: float) -> None:
    m = one(text)
    assert m.low == pytest.approx(low)
    assert m.high == pytest.approx(high)


@pytest.mark.parametrize(
    "text",
    [
        "talks on March 29 ended",
        "troops withdrew before Feb. 24",
        "Crimea, annexed in 2014, was discussed",
        "Duration 6:06 of video",
        "an enhanced analogue of Article 5 of NATO",
        "since World War Two",
        "an attack on one is an attack on all",
        "the 29th of March",
    ],
)
def test_dates_times_years_and_labels_are_not_counts(text: str) -> None:
    assert find_numbers(text) == ()


def test_reads_what_is_counted_and_what_happened() -> None:
    seven, injured = find_numbers("Zelenskiy said seven people were killed and 22 injured")
    assert (seven.unit, seven.event) == ("people", "killed")
    assert (injured.unit, injured.event) == (None, "injured")
    toll = one("the death toll from the attack had risen to 14.")
    assert toll.event == "killed"
    shellings = one("there were 30 Russian shellings of residential areas")
    assert shellings.unit == "shelling"


def test_like_is_compared_only_with_like() -> None:
    days = one("during the 34 days of the invasion")
    years = one("during the past eight years of war")
    assert not comparable(days, years)
    toll = one("the death toll had risen to 14")
    seven = find_numbers("seven people were killed and 22 injured")
    assert comparable(toll, seven[0])
    assert not comparable(toll, seven[1])  # killed vs injured


def test_storey_and_story_are_the_same_modifier() -> None:
    a, b = one("a nine-storey building"), one("the nine-story building")
    assert a.modifier and b.modifier
    assert comparable(a, b)
    assert relation(a, b) == "same"
    assert not comparable(a, one("over the next 9 years"))


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("at least 350 civilians", "350 civilians", "refined"),
        ("up to 10 people", "12 people", "conflict"),
        ("four million people", "4 million people", "same"),
        ("4.01 million people", "more than 3.9 million people", "refines"),
        ("more than four million people", "more than 3.9 million people", "refines"),
        ("almost 5,000 people", "nearly 5,000 people", "same"),
        ("14 people", "seven people", "conflict"),
        ("about 100 people", "more than 95 people", "overlap"),
    ],
)
def test_relations(a: str, b: str, expected: str) -> None:
    assert relation(one(a), one(b)) == expected
