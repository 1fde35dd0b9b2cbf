"""The terminal driver: Textual's Linux driver, made safe for a terminal that goes away.

Closing the window (or ``tmux kill-server``, or a dropped ssh link) while reader was still
painting left the process alive for good, with parent 1, ignoring SIGTERM. Two things in
Textual's ``LinuxDriver`` combine into that hang:

- Its output thread writes to the terminal and dies on the first ``OSError`` (``EIO`` once
  the terminal is gone). Every later write goes into a bounded queue (30 entries) that nothing
  drains, and once it is full ``queue.put`` blocks the event loop for good; signal handlers
  added with ``loop.add_signal_handler`` (our SIGHUP/SIGTERM save-and-exit) then never run.
  Upstream: https://github.com/Textualize/textual/issues/6692 (the same dead-writer hang,
  reached through ``App.suspend``).
- A hang-up sends SIGCONT along with SIGHUP, and the driver answers every SIGCONT by starting
  application mode again, suspended or not: a second output thread and a second input thread.

``ReaderDriver`` writes through a file that swallows those errors (output to a terminal that
is gone has nowhere to go) and raises SIGHUP once, so a terminal lost without one is saved
and left like a closed window; and it resumes only after it was suspended.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable
from typing import IO, Any

from textual.drivers.linux_driver import LinuxDriver


class TerminalOutput:
    """The terminal's output stream; once a write fails, later output is dropped.

    Args:
        stream: The real output (the driver's ``sys.__stderr__``).
        lost: Called once, from the output thread, when the terminal first fails a write.
    """

    def __init__(self, stream: IO[str], lost: Callable[[], None]) -> None:
        self._stream = stream
        self._lost = lost
        self._gone = threading.Event()

    @property
    def gone(self) -> bool:
        """True once a write or flush to the terminal has failed."""
        return self._gone.is_set()

    def _fail(self) -> None:
        if not self._gone.is_set():
            self._gone.set()
            self._lost()

    def write(self, text: str) -> int:
        """Write ``text``; with the terminal gone, drop it."""
        if self._gone.is_set():
            return len(text)
        try:
            return self._stream.write(text)
        except OSError:
            self._fail()
            return len(text)

    def flush(self) -> None:
        """Flush; with the terminal gone, do nothing."""
        if self._gone.is_set():
            return
        try:
            self._stream.flush()
        except OSError:
            self._fail()

    def fileno(self) -> int:
        """The real stream's file descriptor."""
        return self._stream.fileno()

    def isatty(self) -> bool:
        """Whether the real stream is a terminal."""
        return self._stream.isatty()


def hang_up_self() -> None:
    """Act as if the terminal hung up: the app's SIGHUP handler saves and exits."""
    os.kill(os.getpid(), signal.SIGHUP)


class ReaderDriver(LinuxDriver):
    """``LinuxDriver`` whose output survives the terminal going away (see the module doc)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The driver's output thread writes to this attribute's stream (textual 8.2: set in
        # LinuxDriver.__init__, read in start_application_mode); duck-typed, not a TextIOWrapper.
        if self._file is not None:
            self._file = TerminalOutput(self._file, hang_up_self)  # type: ignore[assignment]
        self._suspended = False

    def suspend_application_mode(self) -> None:
        """Give the terminal back (ctrl+z, ``App.suspend``)."""
        self._suspended = True
        super().suspend_application_mode()

    def resume_application_mode(self) -> None:
        """Take the terminal again, only if it was given back: a hang-up's SIGCONT is not
        a resume, and starting application mode twice leaves threads behind."""
        if not self._suspended:
            return
        self._suspended = False
        super().resume_application_mode()
