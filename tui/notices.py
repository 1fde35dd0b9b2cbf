"""NoticeBoard: toasts that replace the previous one of their kind instead of piling up.

Marking a dozen agreements in a row used to stack a dozen toasts over the panes. A notice of
a kind ("annotation", "move", ...) now retires the last one of that kind: Textual drops a
notification once it has expired, so the previous one is given a timeout of zero before the new
one is posted, and the toast rack removes its toast as it mounts the new one (public
``Notification`` fields only; Textual has no public call to withdraw one toast).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from textual.app import App
from textual.notifications import Notification, Notify, SeverityLevel
from textual.screen import Screen

OpenScreen = Callable[[Screen[Any], Callable[[Any], None] | None], object]
"""Opens a dialog with a callback for its result (``App.push_screen``)."""


class Say(Protocol):
    """Tells the reader something in a notice (``App.notify``)."""

    def __call__(
        self, message: str, *, severity: SeverityLevel = "information", timeout: float | None = None
    ) -> None: ...


class NoticeBoard:
    """Posts notices for ``app``; one live notice per kind.

    Messages are plain text (never markup): they quote article text, which has brackets.
    """

    def __init__(self, app: App[Any]) -> None:
        self._app = app
        self._live: dict[str, Notification] = {}

    def show(
        self,
        kind: str,
        message: str,
        *,
        severity: SeverityLevel = "information",
        timeout: float | None = None,
    ) -> Notification:
        """Show ``message``, replacing the notice of the same ``kind`` if it is still up."""
        self.retire(kind)
        notification = Notification(
            message,
            severity=severity,
            timeout=self._app.NOTIFICATION_TIMEOUT if timeout is None else timeout,
            markup=False,
        )
        self._live[kind] = notification
        self._app.post_message(Notify(notification))
        return notification

    def retire(self, kind: str) -> None:
        """Let the notice of ``kind`` go with the next notice (expired ones are dropped)."""
        previous = self._live.pop(kind, None)
        if previous is not None:
            previous.timeout = 0
