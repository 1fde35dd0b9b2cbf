"""Closing the terminal (SIGHUP) or ``kill`` (SIGTERM) ends reader the way ``q`` does.

Annotations are saved as they are made; without this the reading position of a session
whose window was closed was lost, and a new session never recorded. The terminal driver
(:func:`driver_for`) makes sure the app gets to hear of it.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Callable

from textual.driver import Driver

SIGNALS = ("SIGHUP", "SIGTERM")


def on_hang_up(callback: Callable[[], None]) -> Callable[[], None]:
    """Call ``callback`` on the running loop at SIGHUP or SIGTERM; returns what undoes it.

    Where there are no such signals (Windows) or this is not the main thread, nothing is done.
    """
    numbers = [getattr(signal, name) for name in SIGNALS if hasattr(signal, name)]
    try:
        loop = asyncio.get_running_loop()
        for number in numbers:
            loop.add_signal_handler(number, callback)
    except (NotImplementedError, RuntimeError, ValueError):
        return lambda: None

    def undo() -> None:
        with contextlib.suppress(RuntimeError, ValueError):  # the loop may be closing
            for number in numbers:
                loop.remove_signal_handler(number)

    return undo


def driver_for(base: type[Driver]) -> type[Driver]:
    """The driver to run with, given the one Textual chose (``App.get_driver_class``).

    Textual's Linux driver is replaced by :class:`tui.driver.ReaderDriver`, which does not
    hang when the terminal goes away; any other (Windows's, or a ``TEXTUAL_DRIVER`` of one's
    own) is kept. ``tui.driver`` is imported only then: it needs the Linux driver's module,
    which does not exist on Windows.
    """
    if (base.__module__, base.__name__) != ("textual.drivers.linux_driver", "LinuxDriver"):
        return base
    from tui.driver import ReaderDriver

    return ReaderDriver
