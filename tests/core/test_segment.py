"""Sentence segmentation: the labelled table of news cases, plus invariants.

The table (tests/data/segment_cases.yaml) is the contract a reader relies on;
the property tests guard the offsets every other module builds on.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.segment import split_sentences, split_spans

CASES_PATH = Path(__file__).resolve().parent.parent / "data" / "segment_cases.yaml"
SEEDS_DIR = Path(__file__).resolve().parents[2] / "seeds"


def _load_cases() -> list[dict[str, Any]]:
    with CASES_PATH.open(encoding="utf-8") as fh:
        cases = yaml.safe_load(fh)
    assert isinstance(cases, list)
    return cases


CASES = _load_cases()


def _assert_valid_spans(text: str, spans: list[tuple[int, int]]) -> None:
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text), (start, end)
        piece = text[start:end]
        assert piece == piece.strip(), repr(piece)
        assert len(piece.splitlines()) == 1, f"span crosses a line break: {piece!r}"
        previous_end = end


def test_table_is_large_and_mostly_from_the_seeds() -> None:
    ids = [case["id"] for case in CASES]
    assert len(ids) == len(set(ids)), "case ids must be unique"
    assert len(CASES) >= 40
    from_seeds = sum(1 for case in CASES if case["source"].startswith("seeds/"))
    assert from_seeds > len(CASES) / 2


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_case_table(case: dict[str, Any]) -> None:
    text: str = case["text"]
    spans = split_spans(text)
    assert [text[start:end] for start, end in spans] == case["sentences"]
    _assert_valid_spans(text, spans)


def test_offsets_point_into_the_original_text_not_a_copy() -> None:
    text = "  Headline here\n\n   First one. Second one.  \n"
    spans = split_spans(text)
    assert spans == [(2, 15), (20, 30), (31, 42)]
    assert split_sentences(text) == ["Headline here", "First one.", "Second one."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr.\nSmith arrived.", ["Dr.", "Smith arrived."]),
        ("U.S.\u2028The talks", ["U.S.", "The talks"]),
        ("said Maj.\r\nGen. Igor", ["said Maj.", "Gen. Igor"]),
    ],
)
def test_a_line_break_always_ends_a_sentence(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_every_seed_segments_into_valid_spans() -> None:
    seeds = sorted(SEEDS_DIR.glob("*.txt"))
    assert len(seeds) == 5
    for path in seeds:
        text = path.read_text(encoding="utf-8")
        spans = split_spans(text)
        _assert_valid_spans(text, spans)
        assert len(spans) > 20, path.name


# Characters that exercise every rule: terminators, quotes, brackets, dashes,
# case, figures and every kind of line break and space.
_TRICKY = [
    *"aZ1 .!?…\"'“”‘’()[]–—-:,\n\r\t\u00a0\u2028\x0b",
    "U.S.",
    "Mr.",
    "Maj. Gen.",
    "No. ",
    "a.m. ",
    "D. ",
    "The ",
    "he said. ",
    "... ",
    "etc.) ",
]
_tricky_text = st.lists(st.sampled_from(_TRICKY), max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=200), _tricky_text))
def test_spans_are_ordered_stripped_single_line_and_lose_nothing(text: str) -> None:
    spans = split_spans(text)
    _assert_valid_spans(text, spans)
    covered = "".join(text[start:end] for start, end in spans)
    visible = "".join(ch for ch in text if not ch.isspace())
    assert "".join(ch for ch in covered if not ch.isspace()) == visible


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("我们会赢。他说。", ["我们会赢。", "他说。"]),
        ("真的吗？是的！好。", ["真的吗？", "是的！", "好。"]),
        ("東京は晴れ。大阪は雨！", ["東京は晴れ。", "大阪は雨！"]),
        ("为什么？？因为。", ["为什么？？", "因为。"]),
        (
            "Talks resumed. 谈判恢复了。 Both sides spoke.",
            ["Talks resumed.", "谈判恢复了。", "Both sides spoke."],
        ),
        # a quotation closed after its terminator runs on into the attribution, as
        # '"We will win!" he said' does in English
        ("他说：“我们会赢！”然后离开了。真的吗？", ["他说：“我们会赢！”然后离开了。", "真的吗？"]),
        ("「本当？」と聞いた。", ["「本当？」と聞いた。"]),
        ("数字3.5不是句末。", ["数字3.5不是句末。"]),
    ],
)
def test_cjk_full_stops_end_sentences(text: str, sentences: list[str]) -> None:
    spans = split_spans(text)
    assert [text[start:end] for start, end in spans] == sentences
    _assert_valid_spans(text, spans)


@given(st.text(alphabet="我们会赢他说。！？「」“” .A\n", max_size=60))
def test_cjk_spans_stay_valid(text: str) -> None:
    _assert_valid_spans(text, split_spans(text))
