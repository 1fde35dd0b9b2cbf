"""The terminal driver's output survives a terminal that has gone away (tui/driver.py)."""

from __future__ import annotations

import errno
import signal
import threading
from collections.abc import Iterator

import pytest
from textual.drivers._writer_thread import MAX_QUEUED_WRITES, WriterThread

from tui.driver import ReaderDriver, TerminalOutput


class GoneTerminal:
    """A terminal after a hang-up: every write fails with EIO."""

    def __init__(self) -> None:
        self.writes = 0

    def write(self, text: str) -> int:
        self.writes += 1
        raise OSError(errno.EIO, "Input/output error")

    def flush(self) -> None:
        raise OSError(errno.EIO, "Input/output error")

    def fileno(self) -> int:
        return 2

    def isatty(self) -> bool:
        return True


def test_output_to_a_gone_terminal_is_dropped_and_reported_once() -> None:
    terminal = GoneTerminal()
    lost: list[int] = []
    output = TerminalOutput(terminal, lambda: lost.append(1))  # type: ignore[arg-type]
    assert output.write("frame") == len("frame")
    output.flush()
    assert output.write("next frame") == len("next frame")
    assert output.gone
    assert lost == [1]
    assert terminal.writes == 1  # nothing more is tried once it failed


def test_the_output_thread_keeps_draining_after_the_terminal_fails() -> None:
    """Textual's output thread died on the first EIO; the event loop then blocked for good on
    its full queue. Through TerminalOutput every write returns."""
    writer = WriterThread(TerminalOutput(GoneTerminal(), lambda: None))  # type: ignore[arg-type]
    writer.start()
    done = threading.Event()

    def paint() -> None:
        for _ in range(MAX_QUEUED_WRITES * 5):
            writer.write("frame")
        done.set()

    threading.Thread(target=paint, daemon=True).start()
    assert done.wait(5), "writes blocked: the output thread stopped draining its queue"
    writer.stop()


@pytest.fixture
def signal_handlers() -> Iterator[None]:
    """The driver installs SIGTSTP/SIGCONT handlers: put the test process's back after."""
    saved = {number: signal.getsignal(number) for number in (signal.SIGTSTP, signal.SIGCONT)}
    yield
    for number, handler in saved.items():
        signal.signal(number, handler)


@pytest.mark.usefixtures("signal_handlers")
async def test_a_hang_ups_sigcont_does_not_start_the_terminal_twice() -> None:
    """SIGCONT comes with every hang-up; only a resume after a suspend takes the terminal."""
    started: list[str] = []

    class Recording(ReaderDriver):
        def start_application_mode(self) -> None:
            started.append("start")

        def stop_application_mode(self) -> None:
            started.append("stop")

    driver = Recording(app=None)  # type: ignore[arg-type]  # the app is not used here
    driver.resume_application_mode()  # a SIGCONT out of the blue
    assert started == []
    driver.suspend_application_mode()
    driver.resume_application_mode()
    assert started == ["stop", "start"]
