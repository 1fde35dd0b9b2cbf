"""Closing the terminal window saves the session, as q does."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.e2e.test_tmux import Terminal, status, terminal  # noqa: F401  (fixture)
from tui.core.sessions import SessionStore

pytestmark = pytest.mark.e2e


def test_closing_the_window_saves_where_the_reader_was(
    terminal: Callable[..., Terminal],  # noqa: F811
    tmp_path: Path,
) -> None:
    term = terminal(160, 48, "--session", "hup")
    term.wait_for(lambda s: "● reading" in s and status(s), "the reading screen")
    term.keys("j", "j", "j", "j")
    screen = term.wait_for(lambda s: re.search(r" · ([5-9]|\d\d+)/\d+", status(s)), "the cursor")
    where = re.search(r" · (\d+)/\d+", status(screen))
    assert where is not None
    sentence = int(where.group(1)) - 1
    term.tmux("kill-session", "-t", term.session)  # the window closes: SIGHUP
    store = SessionStore(tmp_path / "data")

    def saved_cursors() -> list[int]:
        try:
            session = store.load("hup")
        except Exception:  # not written yet
            return []
        return [session.view.cursors.get(session.view.focused or "", -1)]

    deadline = time.monotonic() + 10
    while saved_cursors() != [sentence] and time.monotonic() < deadline:
        time.sleep(0.1)
    assert saved_cursors() == [sentence]
