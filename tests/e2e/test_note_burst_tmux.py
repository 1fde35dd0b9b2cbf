"""End to end: notes typed in one burst (one tmux ``send-keys`` for the whole sequence, as a
paste or a macro delivers it) are saved with every key typed after `c`."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.e2e.test_tmux import Terminal, quit_and_wait, terminal  # noqa: F401
from tui.core.notes import parse_document
from tui.core.storage import StorageError

pytestmark = pytest.mark.e2e

COMMENTS = ("hello world", "second note", "the third, with 12 more words!")


def saved(path: Path) -> dict[int | None, str]:
    """The comment of each note on disk, by the first-pane sentence it is on."""
    try:
        notes = parse_document(path.read_text("utf-8"), str(path)).annotations
    except (OSError, StorageError):
        return {}
    return {note.targets[0].sentence: note.comment for note in notes}


def test_notes_sent_in_one_burst_keep_their_text(
    terminal: Callable[..., Terminal],  # noqa: F811
    tmp_path: Path,
) -> None:
    notes = tmp_path / "burst.yaml"
    term = terminal(160, 48, "--notes", str(notes))
    term.wait_for(lambda s: "● reading" in s and " · " in s, "the reading screen")
    keys: list[str] = []
    for comment in COMMENTS:
        keys += ["j", "c", comment, "C-s"]
    term.tmux("send-keys", "-t", term.session, *keys)  # all at once
    deadline = time.monotonic() + 30
    while len(saved(notes)) < len(COMMENTS) and time.monotonic() < deadline:
        time.sleep(0.1)
    by_sentence = saved(notes)
    # one note per j, in order down the first pane, each with all of its own text
    assert [by_sentence[s] for s in sorted(by_sentence, key=lambda s: s or 0)] == list(COMMENTS)
    term.wait_for(lambda s: "✎ note saved" in s and "New note" not in s, "the reading screen")
    quit_and_wait(term)
    assert saved(notes) == by_sentence
