"""kill -9 of the real ``reader`` in the middle of a burst of `a` keys loses nothing saved.

The reader runs in tmux with ``--notes``; we type a fast burst of `a`/`j`, snapshot the notes
file while it runs (every snapshot is something the app acknowledged by writing it), SIGKILL
the reader process mid-burst, then check: the file parses, holds every annotation any snapshot
held, the annotations are a prefix of the burst, the backup parses, and reader opens it again.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.e2e.test_tmux import Terminal, terminal  # noqa: F401  (fixture)
from tui.core.notes import parse_document
from tui.core.notes_store import NotesStore
from tui.core.storage import StorageError, backup_path

pytestmark = pytest.mark.e2e


def reader_pid(root_pid: int) -> int:
    """The pid of the reader process under the tmux pane (the shell may or may not exec it)."""
    todo, seen = [root_pid], []
    while todo:
        pid = todo.pop()
        seen.append(pid)
        try:
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except OSError:
            children = []
        todo += [int(c) for c in children]
    for pid in seen:
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if any(part.endswith(b"/reader") for part in cmdline):
            return pid
    raise AssertionError(f"no reader process under pane pid {root_pid}")


def snapshot_ids(path: Path) -> set[str]:
    try:
        return parse_document(path.read_text("utf-8")).ids()
    except (OSError, StorageError):  # only possible before the first save
        return set()


@pytest.mark.parametrize("delay", [0.1, 0.8])
def test_kill9_reader_mid_burst(
    terminal: Callable[..., Terminal],  # noqa: F811
    tmp_path: Path,
    delay: float,
) -> None:
    if not Path("/proc/self/task").exists():
        pytest.skip("needs /proc to find the reader process")
    notes = tmp_path / "burst.yaml"
    term = terminal(160, 48, "--notes", str(notes))
    term.wait_for(lambda s: "● reading" in s, "the reading screen")
    pid = reader_pid(int(term.tmux("display-message", "-p", "-t", term.session, "#{pane_pid}")))
    # One send-keys call per chunk: the keys arrive faster than a person types.
    burst = ["a", "j"] * 15
    seen: set[str] = set()
    sent = 0
    first_save = time.monotonic() + 20
    while not seen and time.monotonic() < first_save:  # the burst is under way once one lands
        term.tmux("send-keys", "-t", term.session, *burst)
        sent += 1
        time.sleep(0.05)
        seen |= snapshot_ids(notes)
    deadline = time.monotonic() + delay
    while time.monotonic() < deadline:
        if sent < 12:
            term.tmux("send-keys", "-t", term.session, *burst)
            sent += 1
        seen |= snapshot_ids(notes)
        time.sleep(0.02)
    seen |= snapshot_ids(notes)
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
        time.sleep(0.05)

    document = parse_document(notes.read_text("utf-8"), str(notes))
    assert seen, "nothing was saved before the kill"
    assert seen <= document.ids()  # nothing acknowledged on disk was lost
    assert {a.kind for a in document.annotations} == {"agreement"}
    # a prefix of the burst: one agreement per sentence, each a distinct first-pane sentence
    firsts = [a.targets[0].sentence for a in document.annotations]
    assert len(firsts) == len(set(firsts))
    if backup_path(notes).exists():
        parse_document(backup_path(notes).read_text("utf-8"))
    # leftovers of the killed write never get in the way of opening the file again
    store = NotesStore(notes)
    assert store.problem is None and store.document.ids() == document.ids()
    again = terminal(160, 48, "--notes", str(notes))
    again.wait_for(lambda s: "● reading" in s and "✎" in s, "reader reopening the notes")
    again.keys("q")
