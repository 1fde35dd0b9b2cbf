"""Closing the terminal (SIGHUP) or ``kill`` (SIGTERM) ends reader the way ``q`` does.

Annotations are saved as they are made; without this the reading position of a session
whose window was closed was lost, and a new session never recorded.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Callable

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
