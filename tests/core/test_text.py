"""Text helpers: cutting on a word."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.text import cut_on_word


@pytest.mark.parametrize(
    ("text", "limit", "cut"),
    [
        ("Fox Online News", 13, "Fox Online…"),
        ("Fox Online News", 15, "Fox Online News"),
        ("Fox Online News", 14, "Fox Online…"),
        ("Fox Online, News", 13, "Fox Online…"),  # no dangling comma before the mark
        ("Supercalifragilistic", 8, "Superca…"),  # one word too long: cut inside, marked
        ("  spaced   out  ", 20, "spaced out"),
        ("abc", 1, "…"),
        ("abc", 0, ""),
    ],
)
def test_cut_on_word(text: str, limit: int, cut: str) -> None:
    assert cut_on_word(text, limit) == cut


@given(st.text(alphabet="ab cd", max_size=30), st.integers(min_value=2, max_value=30))
def test_a_cut_keeps_whole_words_and_fits(text: str, limit: int) -> None:
    cut = cut_on_word(text, limit)
    assert len(cut) <= limit
    words = text.split()
    if cut.endswith("…") and " " in cut:
        kept = cut[:-1].split()
        assert kept == words[: len(kept)]  # every kept word whole, in order
