"""Keeping the session saved as the reader goes, so a crash (``kill -9``, a power cut) loses little.

The session is saved when the run starts, as soon as what is worth keeping changes (the panes,
the notes file, the view), and within :data:`CURSOR_SECONDS` of the cursor first moving
(:class:`ChangeWatch`). Those saves are written off the event loop: the session is taken on it
as a numbered :class:`SavePoint`, and :class:`OrderedWriter` writes save points from any thread,
never an older one over a newer one. No Textual here.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace

from tui.core.sessions import Session, SessionStore, ViewState
from tui.core.storage import StorageError

CHECK_SECONDS = 0.5
"""How often the app checks the session for changes worth saving (a crash loses no more)."""
CURSOR_SECONDS = 2.0
"""A moved cursor is saved at most this long after it moved (a held key saves every so often,
not on every sentence)."""
_CURSOR_ONLY = ("cursors", "first_visible")
"""What moving through the text changes; anything else changes what is worth keeping."""


@dataclass(frozen=True)
class SavePoint:
    """The session as it was at one moment, to be written (numbered, so an older one is never
    written over a newer one)."""

    session: Session
    number: int


def _kept_part(view: ViewState | None) -> ViewState | None:
    """The view without where the cursors are."""
    if view is None:
        return None
    extra = {k: v for k, v in view.extra.items() if k not in _CURSOR_ONLY}
    return replace(view, cursors={}, extra=extra)


class ChangeWatch:
    """What the last save point held, and whether the run has changed enough since to save."""

    def __init__(self) -> None:
        self._seen: tuple[str | None, ViewState | None] | None = None
        """Notes file and view of the last save point (None: none taken yet)."""
        self._moved_at: float | None = None
        """When the cursor first moved since the last save point."""

    def due(self, notes: str | None, view: ViewState | None, now: float) -> bool:
        """Whether the run, with this notes file and view, is to be saved ``now``.

        Yes when nothing was saved yet, and at once when the notes file or anything in the view
        other than the cursors changed since the last save point; :data:`CURSOR_SECONDS` after
        the cursors first moved when only they did; no when nothing changed.

        Args:
            notes: the notes file the run uses now.
            view: the reading screen's view, if it is up (None: as it was).
            now: a monotonic time in seconds.
        """
        if self._seen is None:
            return True
        seen_notes, seen_view = self._seen
        if view is None:  # no screen to read it from: the view is as it was
            view = seen_view
        if (notes, view) == (seen_notes, seen_view):
            self._moved_at = None
            return False
        if notes != seen_notes or _kept_part(view) != _kept_part(seen_view):
            return True
        if self._moved_at is None:
            self._moved_at = now
        return now - self._moved_at >= CURSOR_SECONDS

    def taken(self, notes: str | None, view: ViewState | None) -> None:
        """A save point was taken with this notes file and view (None: the view as it was)."""
        if view is None and self._seen is not None:
            view = self._seen[1]  # what the screen showed last is still what was saved
        self._seen = (notes, view)
        self._moved_at = None


class OrderedWriter:
    """Numbers save points as they are taken and writes them from any thread, leaving out one
    taken before the last one written (it would put an older state back)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._taken = 0
        """Number of the last save point taken."""
        self._written = 0
        """Number of the last save point written (or given up on)."""
        self._last_problem: str | None = None

    def point(self, session: Session) -> SavePoint:
        """The next save point, holding ``session`` (call on the event loop)."""
        self._taken += 1
        return SavePoint(session, self._taken)

    def write(self, store: SessionStore, point: SavePoint) -> str | None:
        """Write ``point`` unless a newer one was written; the problem, or None."""
        with self._lock:
            if point.number <= self._written:
                return None
            self._written = point.number
            try:
                store.save(point.session)
            except StorageError as exc:
                return f"session not saved: {exc}"
        return None

    def write_quietly(self, store: SessionStore, point: SavePoint) -> str | None:
        """:meth:`write`, returning only a problem not already returned by the last call (a
        full disk is said once, not every half second)."""
        problem = self.write(store, point)
        with self._lock:
            new = problem if problem != self._last_problem else None
            self._last_problem = problem
        return new
