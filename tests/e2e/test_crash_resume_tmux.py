"""End to end: ``kill -9`` the reader, then ``reader --resume`` reopens the same articles, the
same notes and the same place (the session is saved as it goes, not only on quit)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.e2e.test_kill9_reader import reader_pid
from tests.e2e.test_tmux import READER, Terminal, quit_and_wait, status, terminal  # noqa: F401
from tui.core.notes import parse_document
from tui.core.sessions import SessionStore
from tui.core.storage import StorageError
from tui.session_writes import CURSOR_SECONDS

pytestmark = pytest.mark.e2e


def place(screen: str) -> tuple[str, str]:
    """The focused pane's label and "N/M" from the status line."""
    where = re.search(r"(\S[^·]*) · (\d+/\d+)", status(screen))
    assert where is not None, screen
    return where.group(1).strip(), where.group(2)


def saved_at(data: Path, name: str, label: str, sentence: str, timeout: float = 20.0) -> None:
    """Wait until session ``name`` is saved with the cursor of pane ``label`` on ``sentence``
    ("N/M", as the status line says it)."""
    store = SessionStore(data)
    deadline = time.monotonic() + timeout
    view = None
    while time.monotonic() < deadline:
        try:
            session = store.load(name)
        except StorageError:  # not written yet
            time.sleep(0.1)
            continue
        view = session.view
        labels = {article.id: article.label for article in session.articles}
        focused = view.focused or ""
        if (
            labels.get(focused) == label
            and view.cursors.get(focused) == int(sentence.split("/")[0]) - 1
        ):
            return
        time.sleep(0.1)
    raise AssertionError(f"session {name!r} never saved at {sentence} in {label}: {view}")


def wait_gone(pid: int, timeout: float = 15.0) -> None:
    """Wait until process ``pid`` is gone."""
    deadline = time.monotonic() + timeout
    while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not Path(f"/proc/{pid}").exists(), "reader is still running"


@pytest.mark.parametrize("name", ["default", "flood"])
def test_kill9_then_resume_comes_back(
    terminal: Callable[..., Terminal],  # noqa: F811
    tmp_path: Path,
    name: str,
) -> None:
    if not Path("/proc/self/task").exists():
        pytest.skip("needs /proc to find the reader process")
    data = tmp_path / "data"
    term = terminal(160, 48, *([] if name == "default" else ["--session", name]))
    first = term.wait_for(lambda s: "● reading" in s and status(s), "the reading screen")
    term.keys("]")  # a contradiction candidate: aligned, so `a` has counterparts
    term.wait_for(lambda s: re.search(r"⚑ \w+ conflict", s) is not None, "a candidate")
    term.keys("a")
    term.wait_for(lambda s: "agreement saved" in s, "the agreement notice")
    term.keys("l")
    moved = term.wait_for(lambda s: place(s)[0] != place(first)[0], "the next pane")
    pane = place(moved)[0]
    term.keys("j", "j", "j")
    screen = term.wait_for(lambda s: place(s)[0] == pane and place(s) != place(moved), "j")
    label, sentence = place(screen)
    started = time.monotonic()
    saved_at(data, name, label, sentence)  # the cursor is saved within its delay
    assert time.monotonic() - started < CURSOR_SECONDS + 10
    assert place(term.screen()) == (label, sentence)

    pid = reader_pid(int(term.tmux("display-message", "-p", "-t", term.session, "#{pane_pid}")))
    os.kill(pid, signal.SIGKILL)  # no quit, no hang-up: nothing saved on the way out
    wait_gone(pid)

    listing = subprocess.run(
        [str(READER), "sessions"],
        env={**os.environ, "READER_DATA_DIR": str(data)},
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    assert name in listing, listing
    session = SessionStore(data).load(name)
    assert len(session.articles) == 5
    notes = Path(session.notes or "")
    assert len(parse_document(notes.read_text("utf-8"), str(notes)).annotations) == 1

    again = terminal(160, 48, "--resume")
    screen = again.wait_for(
        lambda s: "● reading" in s and status(s) and place(s) == (label, sentence) and "✎" in s,
        f"the resumed screen at {sentence} in {label}",
    )
    assert screen.count("% of ") == 5  # the same five articles
    again.keys("m")
    panel = again.wait_for(lambda s: "1 shown" in s, "the notes panel")
    assert "agreement" in panel
    again.keys("escape")
    again.wait_for(lambda s: "1 shown" not in s, "the notes panel to close")
    quit_and_wait(again)
