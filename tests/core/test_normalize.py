"""Normalisation makes outlets' spellings of the same fact compare equal."""

from __future__ import annotations

import pytest

from tui.core.normalize import build_variant_map, content_terms, normalize_text, words


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Zelenskiy said", "ZELENSKYY said"),
        ("“Kiev”, he said.", '"Kyiv" he said'),
        ("four million people", "4 million people"),
        ("World War II", "World War Two"),
        ("the U.S. and the U.K.", "the US and the UK"),
        ("Ministry of Defense", "Ministry of Defence"),
        ("the city centre", "the city center"),
        ("Zelensky’s address", "Zelensky's address"),
        ("Café Noël", "Cafe Noel"),
    ],
)
def test_variants_normalise_alike(first: str, second: str) -> None:
    assert normalize_text(first) == normalize_text(second)


def test_content_terms_drop_stopwords_and_keep_numbers() -> None:
    assert content_terms("He said 4,000 of the civilians were killed.") == [
        "4000",
        "civilian",
        "kill",
    ]


def test_pronoun_us_is_not_the_usa() -> None:
    assert "usa" not in words("They told us nothing.")


def test_corpus_variant_map_merges_name_spellings_only() -> None:
    texts = [
        "Mayor Vladyslav Atroshenko said so.",
        "Mayor Vladyslav Astroshenko said so.",
        "The Mayor of Boichenko and Boychenko spoke.",
        "Then Russia and Russian troops moved.",
    ]
    variants = build_variant_map(texts)

    def canon(word: str) -> str:
        return variants.get(word, word)

    assert canon("astroshenko") == canon("atroshenko")
    assert canon("boychenko") == canon("boichenko")
    assert canon("russia") != canon("russian")  # a suffix is a different word, not a spelling


@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("began shooting at about 3:25 am.", "0325"),
        ("opened fire around 3:25 a.m at a Waffle House", "0325"),
        ("arrived at 7:12 p.m. Sunday", "1912"),
        ("at 12:05 a.m. on Monday", "0005"),
    ],
)
def test_a_clock_time_is_one_rare_token_besides_its_numbers(text: str, token: str) -> None:
    """Two reports of one event's time share a token the hour and the minutes alone (common
    numbers) do not give; 7:12 and 7:15 share only the hour."""
    found = words(text)
    hour, minute = text.split(":")[0].split()[-1], text.split(":")[1][:2]
    assert token in found and hour in found and minute in found
