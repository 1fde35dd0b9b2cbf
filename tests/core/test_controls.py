"""Terminal control characters and sequences never pass through: not into what export and
align write, not into an article's text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.controls import drop_control_sequences, strip_controls, strip_controls_in

CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Every C0 and C1 control character and DEL, newline and tab aside."""


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ("a\x1b]0;pwned\x07b", "a]0;pwnedb"),  # the characters go, the visible rest stays
        ("tab\tand\nline", "tab\tand\nline"),
        ("nul\x00 del\x7f c1\x9b31m", "nul del c131m"),
        ("bell\x07", "bell"),
    ],
)
def test_strip_controls_keeps_newline_and_tab(text: str, clean: str) -> None:
    assert strip_controls(text) == clean


def test_strip_controls_on_one_line_keeps_nothing() -> None:
    assert strip_controls("a\tb\nc\x1b", keep="") == "abc"


def test_strip_controls_in_data_reaches_keys_lists_and_nested_values() -> None:
    data = {"k\x1b": ["v\x9d", {"n": "x\x07", "i": 3, "f": 1.5, "b": True, "z": None}]}
    assert strip_controls_in(data) == {
        "k": ["v", {"n": "x", "i": 3, "f": 1.5, "b": True, "z": None}]
    }


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ("\x1b[31mRED\x1b[0m text", "RED text"),  # colours (CSI)
        ("\x1b]0;title\x07Body.", "Body."),  # window title (OSC ended by BEL)
        ("a\x1b]52;c;cHduZWQ=\x1b\\b", "ab"),  # clipboard (OSC 52 ended by ST)
        ("\x9b1;31mred\x9b0m", "red"),  # 8-bit CSI
        ("\x9d0;title\x9cok", "ok"),  # 8-bit OSC and ST
        ("\x1bPq#0;2;0;0;0\x1b\\after", "after"),  # DCS (sixel)
        ("\x1b(Bplain\x1b7", "plain"),  # charset and save-cursor escapes
        ("\x1b]0;never ended\nnext line", "\nnext line"),  # an unended string stops at the line
        ("page\fbreak\vhere", "page\nbreak\nhere"),
        ("keep\ttabs\nand lines", "keep\ttabs\nand lines"),
        ("stray\x1b", "stray"),
    ],
)
def test_article_text_loses_whole_control_sequences(text: str, clean: str) -> None:
    cleaned, count = drop_control_sequences(text)
    assert cleaned == clean
    # counted for the warning: page breaks are layout, not junk
    assert (count > 0) == bool(CONTROLS.search(re.sub("[\f\v]", "", text)))


@given(st.text())
def test_nothing_control_survives(text: str) -> None:
    cleaned, _ = drop_control_sequences(text)
    assert not CONTROLS.search(cleaned)
    assert not CONTROLS.search(strip_controls(text))
