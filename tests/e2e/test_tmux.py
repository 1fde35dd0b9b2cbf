"""End to end: the installed ``reader`` in a real terminal (tmux), driven as a person would."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.leftovers import describe, kill, wait_for_exit

pytestmark = pytest.mark.e2e

READER = Path(sys.executable).parent / "reader"


class Terminal:
    """A tmux session on its own server socket, so the user's tmux is never touched."""

    def __init__(self, socket: str, session: str) -> None:
        self.socket = socket
        self.session = session

    def tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False
        )
        return result.stdout

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.tmux("send-keys", "-t", self.session, key)
            time.sleep(0.05)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.session)

    def wait_for(self, test: Callable[[str], object], what: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        text = ""
        while time.monotonic() < deadline:
            text = self.screen()
            if test(text):
                return text
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}; screen was:\n{text}")

    def alive(self) -> bool:
        result = subprocess.run(
            ["tmux", "-L", self.socket, "has-session", "-t", self.session],
            capture_output=True,
            check=False,
        )
        return result.returncode == 0


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Callable[..., Terminal]]:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    if not READER.exists():
        pytest.skip(f"the reader console script is not installed next to {sys.executable}")
    # One server per test: a socket shared by the tests of a worker let one test's
    # kill-server race the next one's new-session ("server exited unexpectedly").
    socket = f"reader-e2e-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    started: list[Terminal] = []

    def start(width: int, height: int, *args: str) -> Terminal:
        session = f"reader{len(started)}"
        env = f"READER_DATA_DIR={tmp_path / 'data'} TERM=xterm-256color"
        # COLUMNS/LINES (set under pytest) would override the real terminal size
        command = f"env -u COLUMNS -u LINES {env} {READER} {' '.join(args)}"
        tmux = ["tmux", "-L", socket, "-f", "/dev/null"]  # never the user's config or server
        new_session = [*tmux, "new-session", "-d", "-s", session, "sleep 600"]
        for _ in range(20):  # the server of a terminal just quit may still be exiting
            if subprocess.run(new_session, capture_output=True, check=False).returncode == 0:
                break
            time.sleep(0.1)
        else:
            subprocess.run(new_session, check=True)
        # size the window first, then start reader in it, so it starts at that size
        subprocess.run([*tmux, "set-option", "-t", session, "window-size", "manual"], check=True)
        subprocess.run(
            [*tmux, "resize-window", "-t", session, "-x", str(width), "-y", str(height)],
            check=True,
        )
        subprocess.run([*tmux, "respawn-pane", "-k", "-t", session, command], check=True)
        terminal = Terminal(socket, session)
        started.append(terminal)
        return terminal

    yield start
    subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True, check=False)
    # Closing the terminal saves and ends reader (SIGHUP); one still running is a hang.
    left = wait_for_exit(tmp_path, 10.0)
    if left:
        message = describe(left)
        kill(left)
        pytest.fail(f"reader outlived its terminal (killed now):\n{message}")


def quit_and_wait(term: Terminal) -> None:
    """Press q and wait for reader to end (its tmux session goes with it)."""
    term.keys("q")
    deadline = time.monotonic() + 15
    while term.alive() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not term.alive(), "reader did not quit on q"


def status(screen: str) -> str:
    """The status line (the row holding "N/M" sentence position)."""
    for line in screen.splitlines():
        if re.search(r" · \d+/\d+", line):
            return line
    return ""


def test_read_the_seeds_side_by_side_then_quit(terminal: Callable[..., Terminal]) -> None:
    term = terminal(160, 48)
    # the status line fills in once the alignment worker is done: wait for both
    screen = term.wait_for(
        lambda s: "● reading" in s and status(s), "the reading screen and its status line"
    )
    assert screen.count("% of ") == 5  # all five seeds side by side at 160 columns
    first = status(screen)
    position = re.search(r" · (\d+)/(\d+)", first)
    assert position is not None
    start = int(position.group(1))

    term.keys("j", "j", "j")
    screen = term.wait_for(lambda s: f" · {start + 3}/" in status(s), "the cursor to move")

    term.keys("l")
    screen = term.wait_for(
        lambda s: s.splitlines()[1].count("● reading") == 1 and not status(s).startswith(first[:8]),
        "the focus to move to the second pane",
    )

    term.keys("/")
    # type only once the field has the focus: under load "K" could reach the panes first
    term.wait_for(lambda s: "Search all panes" in s, "the search field")
    term.keys("Kyiv", "Enter")
    screen = term.wait_for(lambda s: re.search(r"hit \d+ of \d+ for “Kyiv”", s), "search hits")
    assert "Kyiv" in status(screen) or "Kyiv" in screen

    term.keys("v")
    term.wait_for(lambda s: "srcs" in s, "the alignment table")
    term.keys("v")
    term.wait_for(lambda s: "% of " in s, "the panes again")

    term.keys("q")
    deadline = time.monotonic() + 10
    while term.alive() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not term.alive(), "reader did not quit on q"


def test_80_columns_shows_two_panes_and_a_tiny_window_a_message(
    terminal: Callable[..., Terminal],
) -> None:
    term = terminal(80, 24)
    # the headers' "N% of" comes with the alignment, after the articles are on screen
    screen = term.wait_for(lambda s: "panes 1-2 of 5" in s and "% of " in s, "the alignment")
    assert screen.count("% of ") == 2  # two readable panes, not five crushed ones
    term.tmux("resize-window", "-t", term.session, "-x", "24", "-y", "8")
    term.wait_for(lambda s: "too small" in s, "the too-small message")
    term.tmux("resize-window", "-t", term.session, "-x", "160", "-y", "48")
    screen = term.wait_for(lambda s: s.count("% of ") == 5, "five panes after growing")
    assert term.alive()
    term.keys("q")


def test_a_link_and_its_removal_survive_quitting_and_resuming(
    terminal: Callable[..., Terminal], tmp_path: Path
) -> None:
    term = terminal(160, 48)
    term.wait_for(lambda s: "● reading" in s and status(s), "the reading screen")
    term.keys("Space", "l")  # the first pane's sentence, then a sentence of the second pane
    term.wait_for(lambda s: s.splitlines()[1].count("● reading") == 1, "the second pane")
    term.keys("L")
    screen = term.wait_for(lambda s: "linked by you" in status(s), "the link in the status line")
    where = re.search(r"^ ?(.+? · \d+/\d+)", status(screen))
    assert where is not None
    notes = tmp_path / "data" / "sessions" / "default.notes.yaml"
    assert "kind: link" in notes.read_text(encoding="utf-8")
    quit_and_wait(term)

    term = terminal(160, 48, "--resume")  # the same place, the link applied again
    screen = term.wait_for(
        lambda s: where.group(1) in status(s) and "linked by you" in status(s),
        "the resumed session, once aligned",
    )
    term.keys("U")  # several counterparts: a list, the reader's own link first
    screen = term.wait_for(
        lambda s: "Unlink " in s or "unlinked" in s, "the unlink list or its notice"
    )
    if "Unlink " in screen:
        term.keys("Enter")
    term.wait_for(lambda s: "linked by you" not in status(s), "the link removed")
    text = notes.read_text(encoding="utf-8")
    assert "kind: unlink" in text and "kind: link" not in text
    quit_and_wait(term)

    term = terminal(160, 48, "--resume")
    screen = term.wait_for(
        lambda s: where.group(1) in status(s) and "● reading" in s, "the resumed session, aligned"
    )
    assert "linked by you" not in status(screen)
    term.keys("q")
