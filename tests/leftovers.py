"""Find ``reader`` processes a test started and left running (Linux: read from /proc).

A test's reader is recognised by its environment: every test runs with ``READER_DATA_DIR``
inside pytest's temporary folder (tests/conftest.py), and the processes it starts inherit it.
So only this run's processes are ever found, never a reader the user runs beside the tests.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import signal
import time
from pathlib import Path

PROC = Path("/proc")


def _is_reader(cmdline: list[bytes]) -> bool:
    """``.../bin/reader ...`` or ``python -m tui ...``."""
    if any(part.endswith(b"/reader") for part in cmdline[:2]):
        return True
    return any(a == b"-m" and b == b"tui" for a, b in itertools.pairwise(cmdline))


def _data_dir(pid: int) -> Path | None:
    try:
        environ = (PROC / str(pid) / "environ").read_bytes().split(b"\0")
    except OSError:
        return None
    for entry in environ:
        if entry.startswith(b"READER_DATA_DIR="):
            return Path(os.fsdecode(entry.partition(b"=")[2]))
    return None


def _alive(pid: int) -> bool:
    """Running, not a zombie waiting for its parent to reap it."""
    try:
        stat = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[0] not in ("Z", "X")


def reader_processes(root: Path) -> list[int]:
    """Live reader processes whose ``READER_DATA_DIR`` lies in ``root`` (empty off Linux)."""
    if not PROC.is_dir():
        return []
    found = []
    for entry in PROC.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        pid = int(entry.name)
        try:
            cmdline = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if not _is_reader(cmdline):
            continue
        folder = _data_dir(pid)
        if folder is not None and folder.is_relative_to(root) and _alive(pid):
            found.append(pid)
    return sorted(found)


def wait_for_exit(root: Path, timeout: float) -> list[int]:
    """Wait up to ``timeout`` seconds for the readers under ``root`` to end; the ones left."""
    deadline = time.monotonic() + timeout
    left = reader_processes(root)
    while left and time.monotonic() < deadline:
        time.sleep(0.1)
        left = reader_processes(root)
    return left


def describe(pids: list[int]) -> str:
    """One line per process: pid, parent, state and command line, for a failure message."""
    lines = []
    for pid in pids:
        try:
            stat = (PROC / str(pid) / "stat").read_text().rpartition(")")[2].split()
            cmdline = (PROC / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ")
        except OSError:
            continue
        lines.append(f"pid {pid} parent {stat[1]} state {stat[0]}: {os.fsdecode(cmdline)}")
    return "\n".join(lines)


def kill(pids: list[int]) -> None:
    """SIGKILL each of ``pids`` (gone already is fine)."""
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
