"""reader never outlives its terminal, and SIGTERM / SIGHUP always save and end it.

The hang these tests catch: the terminal closed while reader was still painting (start-up
work under way) killed Textual's output thread; the next 30 frames filled its queue and
blocked the event loop for good, so the process lived on with parent 1 and ignored SIGTERM
(tui/driver.py has the details).
"""

from __future__ import annotations

import fcntl
import os
import random
import re
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.e2e.test_tmux import READER, Terminal, terminal  # noqa: F401  (fixture)
from tests.leftovers import describe, kill, reader_processes, wait_for_exit
from tui.core.sessions import SessionStore
from tui.resources import seeds_dir

pytestmark = pytest.mark.e2e

EXIT_WITHIN = 10.0
"""Seconds reader may take to save and exit once told to (it takes well under one)."""


def _exits(root: Path) -> None:
    """Assert every reader started under ``root`` ends within EXIT_WITHIN seconds."""
    left = wait_for_exit(root, EXIT_WITHIN)
    if left:
        message = describe(left)
        kill(left)
        raise AssertionError(f"reader still running (killed now):\n{message}")


@pytest.fixture
def slow_corpus(tmp_path: Path) -> Path:
    """30 articles of 150 sentences (sentences of the seeds, shuffled): a few seconds of
    alignment, so signals arrive while the alignment worker runs."""
    sentences = [
        line.strip()
        for seed in sorted(seeds_dir().glob("*.txt"))
        for line in re.split(r"(?<=[.!?])\s+", seed.read_text(encoding="utf-8"))
        if len(line.strip()) > 40
    ]
    folder = tmp_path / "story"
    folder.mkdir()
    rng = random.Random(7)
    for n in range(30):
        body = rng.sample(sentences, min(150, len(sentences)))
        text = f"Story {n}\n\n" + "\n\n".join(body) + "\n"
        (folder / f"{n:02d}_outlet-{n}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("attempt", range(4))
def test_tmux_killed_while_starting_up_ends_reader(
    terminal: Callable[..., Terminal],  # noqa: F811
    tmp_path: Path,
    attempt: int,
) -> None:
    """The issue's reproduction: kill the tmux server as soon as article text shows, while
    start-up work is still going on (it hung in about half the runs: several attempts)."""
    term = terminal(160, 48, "--session", "gone")
    term.wait_for(lambda s: "% of " in s or "Kyiv" in s, "the first article text", timeout=30)
    term.tmux("kill-server")
    _exits(tmp_path)
    assert SessionStore(tmp_path / "data").exists("gone"), "the hang-up did not save the session"


def _pane_pid(term: Terminal, root: Path) -> int:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        pids = reader_processes(root)
        if pids:
            return pids[0]
        time.sleep(0.05)
    raise AssertionError("no reader process found")


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP])
def test_signal_while_aligning_saves_and_exits(
    terminal: Callable[..., Terminal],  # noqa: F811
    tmp_path: Path,
    slow_corpus: Path,
    number: signal.Signals,
) -> None:
    term = terminal(160, 48, "--session", "busy", str(slow_corpus))
    term.wait_for(lambda s: "Aligning 30 articles" in s, "the progress screen", timeout=30)
    pid = _pane_pid(term, tmp_path)
    os.kill(pid, number)
    _exits(tmp_path)
    session = SessionStore(tmp_path / "data").load("busy")
    assert len(session.articles) == 30


class DetachedTerminal:
    """A pseudo-terminal that is not reader's controlling terminal: closing it sends no
    SIGHUP (as when an ssh link drops), reader only finds writes failing."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 48, 160, 0, 0))
        self.process = subprocess.Popen(
            argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,  # a session of its own, without a controlling terminal
        )
        os.close(slave)
        self.output = bytearray()
        self._reading = threading.Thread(target=self._read, daemon=True)
        self._reading.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk

    def wait_for(self, text: bytes, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.output:
            if time.monotonic() > deadline:
                raise AssertionError(f"no {text!r} on the terminal")
            time.sleep(0.05)

    def close(self) -> None:
        os.close(self.master)


@pytest.fixture
def detached(tmp_path: Path) -> Iterator[Callable[..., DetachedTerminal]]:
    if not READER.exists():
        pytest.skip(f"the reader console script is not installed next to {sys.executable}")
    started: list[DetachedTerminal] = []

    def start(*args: str) -> DetachedTerminal:
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        env |= {"READER_DATA_DIR": str(tmp_path / "data"), "TERM": "xterm-256color"}
        term = DetachedTerminal([str(READER), *args], env)
        started.append(term)
        return term

    yield start
    for term in started:
        if term.process.poll() is None:
            term.process.kill()
        term.process.wait(10)


@pytest.mark.parametrize("number", [None, signal.SIGTERM, signal.SIGHUP])
def test_terminal_gone_without_hang_up_saves_and_exits(
    detached: Callable[..., DetachedTerminal],
    tmp_path: Path,
    slow_corpus: Path,
    number: signal.Signals | None,
) -> None:
    """The terminal goes while the alignment worker runs and no SIGHUP comes: reader ends
    by itself, and a SIGTERM or SIGHUP sent after is never ignored."""
    term = detached("--session", "lost", str(slow_corpus))
    term.wait_for(b"Aligning 30 articles")
    term.close()
    time.sleep(0.5)  # reader paints on into the closed terminal
    if number is not None and term.process.poll() is None:
        term.process.send_signal(number)
    try:
        term.process.wait(EXIT_WITHIN)
    except subprocess.TimeoutExpired:
        raise AssertionError(
            f"reader still running after its terminal went:\n{describe([term.process.pid])}"
        ) from None
    assert len(SessionStore(tmp_path / "data").load("lost").articles) == 30
