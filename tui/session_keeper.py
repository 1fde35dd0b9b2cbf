"""The session of a run: saving it, never over a file that could not be read, and switching.

The app saves the session on quit, on ``S`` and on hang-up; switching (palette "Sessions…")
saves, then ends the app with :class:`SwitchSession` so ``run_open`` starts it again on the other
session. A session whose file could not be read (``problem``) is never saved over it: the reader
is asked once the articles are up whether to save under a new name or not at all; the last
save's problem is kept in ``unsaved_problem`` so ``run_open`` can repeat it on the terminal after
quitting. What a save records comes from the app as a :class:`Snapshot`; what happened is said
through ``say``, and the dialogs open through ``ask``.

So that a crash (``kill -9``, a power cut) loses little, the session is also saved as it goes
(:meth:`SessionKeeper.keep_saved`, :mod:`tui.session_writes`): taken on the event loop when it
changed in a way worth keeping, written in a thread, never an older state over a newer one.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

from tui.core.clock import format_time
from tui.core.model import Article
from tui.core.sessions import Session, SessionStore, ViewState, merge_articles, notes_for_run
from tui.notices import OpenScreen, Say
from tui.session_writes import ChangeWatch, OrderedWriter, SavePoint


@dataclass(frozen=True)
class SwitchSession:
    """The app's result when the reader switched to another session."""

    name: str


@dataclass(frozen=True)
class Snapshot:
    """What a save records of the run as it is now."""

    articles: Sequence[Article]
    """The articles open (those not found this time stay in the session)."""
    notes_path: Path | None
    """The notes file the run uses."""
    view: ViewState | None
    """The reading screen's view, if it is up."""


def _notes(now: Snapshot) -> str | None:
    return None if now.notes_path is None else str(now.notes_path)


def _quiet(message: str, **_: Any) -> None:
    """Says nothing: a keeper that only saves (on quit, in tests)."""


def _no_dialog(screen: Any, callback: Any) -> None:
    raise RuntimeError("this session keeper opens no dialog")


class SessionKeeper:
    """The open session and its store (both None when there is no data folder).

    Args:
        store: where sessions are saved.
        session: the session of this run.
        problem: why the session's saved file could not be read; while set, it is not saved.
        say: tells the reader what a save did.
        ask: opens the sessions list and the unreadable-session dialog.
    """

    def __init__(
        self,
        store: SessionStore | None,
        session: Session | None,
        problem: str | None = None,
        *,
        say: Say = _quiet,
        ask: OpenScreen = _no_dialog,
    ) -> None:
        self.store = store
        self.session = session
        self.problem = problem
        self.unsaved_problem: str | None = None
        """Why the last save did not happen (None: saved, or nothing to save)."""
        self._say, self._ask = say, ask
        self._watch = ChangeWatch()
        self._writer = OrderedWriter()

    def due(self, now: Snapshot, clock: float) -> bool:
        """Whether the session is to be saved, the run being as it is ``now`` at monotonic time
        ``clock`` (see :meth:`ChangeWatch.due`); never when there is nothing to save or its file
        could not be read."""
        if self.store is None or self.session is None or self.problem:
            return False
        return self._watch.due(_notes(now), now.view, clock)

    def take(self, now: Snapshot) -> SavePoint | None:
        """The session as it is ``now``, to :meth:`write`; None when it is not to be saved (no
        data folder, or its file could not be read: it is never saved over)."""
        if self.store is None or self.session is None or self.problem:
            return None
        own = str(self.store.default_notes_path(self.session.name))
        _, session = notes_for_run(self.session, _notes(now), own)
        # articles not found this time stay in the session, to reopen once they are back
        session = replace(session, articles=merge_articles(session.articles, now.articles))
        if now.view is not None:
            session = replace(session, view=now.view)
        if not session.created:
            session = replace(session, created=format_time(self.store.clock()))
        self.session = session
        self._watch.taken(_notes(now), now.view)
        return self._writer.point(session)

    def write(self, point: SavePoint) -> str | None:
        """Write a save point, from any thread, unless a newer one was written; returns the
        problem, or None."""
        return None if self.store is None else self._writer.write(self.store, point)

    def write_quietly(self, point: SavePoint) -> str | None:
        """:meth:`write`, returning a problem only the first time in a row it happens."""
        return None if self.store is None else self._writer.write_quietly(self.store, point)

    def keep_saved(
        self, now: Callable[[], Snapshot], in_thread: Callable[[Callable[[], None]], object]
    ) -> None:
        """Save the session if it changed in a way worth keeping, writing it through
        ``in_thread`` (off the event loop): so ``kill -9`` then ``--resume`` comes back to it."""
        run = now()
        if self.due(run, time.monotonic()) and (point := self.take(run)) is not None:
            in_thread(partial(self._write_saying, point))

    def keep_saving(
        self,
        now: Callable[[], Snapshot],
        in_thread: Callable[[Callable[[], None]], object],
        every: Callable[[Callable[[], None]], object],
    ) -> None:
        """Save the session now and, through ``every`` (a timer), whenever it changes
        (:meth:`keep_saved`); nothing without a session."""
        if self.session is None:
            return
        keep = partial(self.keep_saved, now, in_thread)
        keep()
        every(keep)

    def _write_saying(self, point: SavePoint) -> None:
        if problem := self.write_quietly(point):
            self._say(problem, severity="error", timeout=8)  # thread-safe: posts a message

    def save(self, now: Snapshot) -> str | None:
        """Save the session as it is ``now``; returns the problem, or None when saved (or
        there is nothing to save)."""
        self.unsaved_problem = self._save(now)
        return self.unsaved_problem

    def _save(self, now: Snapshot) -> str | None:
        if self.store is None or self.session is None:
            return None
        if self.problem:
            return (
                f"session “{self.session.name}” not saved: {self.problem}; "
                "the file is left as it is"
            )
        point = self.take(now)
        return None if point is None else self.write(point)

    def save_now(self, now: Callable[[], Snapshot]) -> None:
        """Save, and say where (``S``); an unreadable session file asks for a new name first."""
        if self.store is None or self.session is None:
            self._say("No session to save (no data folder).", severity="warning")
        elif self.problem:  # never over the unreadable file: ask for a new name
            self.ask_about_problem(now)
        elif problem := self.save(now()):
            self._say(problem, severity="error", timeout=8)
        else:
            self._say(f"Session “{self.session.name}” saved.", timeout=3)

    def choose_another(self, now: Callable[[], Snapshot], switch: Callable[[str], None]) -> None:
        """List the sessions; choosing one saves this one and ``switch``-es to it."""
        store = self.store
        if store is None:
            self._say("No sessions without a data folder.", severity="warning")
            return
        from tui.screens.sessions import SessionsScreen

        self.save(now())  # so the list shows this session as it is now

        def chosen(name: str | None) -> None:
            if name is None:
                return
            problem = self.save(now())
            if problem and not self.problem:  # unsaved by choice: switch all the same
                self._say(problem, severity="error", timeout=8)
                return
            switch(name)

        current = self.session.name if self.session else None
        self._ask(SessionsScreen(store.list(), current), chosen)

    def ask_about_problem(self, now: Callable[[], Snapshot]) -> None:
        """Say the session file could not be read; save under a new name or not at all."""
        from tui.screens.session_problem import SessionProblem

        store, session, problem = self.store, self.session, self.problem
        if store is None or session is None or not problem:
            return
        old, path = session.name, store.path_for(session.name)

        def chosen(name: str | None) -> None:
            if name is None or self.session is None:
                self._say(
                    f"Session “{old}” will not be saved: {path} is left as it is. "
                    "Save session (S) offers a new name again.",
                    severity="warning",
                    timeout=10,
                )
                return
            self.session = replace(self.session, name=name)
            self.problem = None
            if unsaved := self.save(now()):
                self._say(unsaved, severity="error", timeout=8)
            else:
                self._say(f"Session saved as “{name}”; {path} is left as it is.", timeout=6)

        self._ask(SessionProblem(problem, old, store), chosen)
