"""End to end: annotate in the installed reader, quit, ``reader --resume``: all still there."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.e2e.test_tmux import (  # noqa: F401  (fixture)
    Terminal,
    quit_and_wait,
    status,
    terminal,
)
from tui.core.notes import parse_document

pytestmark = pytest.mark.e2e


def test_annotate_quit_resume(terminal: Callable[..., Terminal], tmp_path: Path) -> None:  # noqa: F811
    notes = tmp_path / "data" / "sessions" / "default.notes.yaml"
    term = terminal(160, 48)
    term.wait_for(lambda s: "● reading" in s, "the reading screen")
    term.keys("]")  # a contradiction candidate: aligned, so `a` has counterparts too
    screen = term.wait_for(
        lambda s: re.search(r"⚑ \w+ conflict( vs [^:]+)?:", s) is not None, "a candidate"
    )
    term.keys("x")
    term.wait_for(lambda s: "candidate confirmed" in s, "the contradiction notice")
    term.keys("a")
    term.wait_for(lambda s: "agreement saved" in s, "the agreement notice")
    screen = term.screen()
    where = re.search(r"(\S[^·]*) · (\d+)/(\d+)", status(screen))
    assert where is not None
    assert "✎" in screen
    quit_and_wait(term)

    saved = parse_document(notes.read_text("utf-8"), str(notes))
    assert sorted(a.kind for a in saved.annotations) == ["agreement", "contradiction"]

    again = terminal(160, 48, "--resume")
    sentence = f" · {where.group(2)}/{where.group(3)}"
    pane = where.group(1).strip()
    # same sentence in the same focused pane (the status line may trail the panes by a frame)
    again.wait_for(
        lambda s: "● reading" in s and "✎" in s and sentence in status(s) and pane in status(s),
        f"the resumed screen at{sentence} in {pane}",
    )
    again.keys("m")
    panel = again.wait_for(lambda s: "2 shown" in s, "the notes panel")
    assert "contradiction" in panel and "agreement" in panel
    again.keys("escape")  # wait for it to close: escape then q at once reads as alt+q
    again.wait_for(lambda s: "2 shown" not in s, "the notes panel to close")
    quit_and_wait(again)
    assert len(parse_document(notes.read_text("utf-8")).annotations) == 2
