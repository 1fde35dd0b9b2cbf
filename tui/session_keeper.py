"""The session of a run: saving it, never over a file that could not be read, and renaming it.

The app saves the session on quit, on ``S`` and on hang-up; switching (palette "Sessions…")
saves, then ends the app with :class:`SwitchSession` so ``run_open`` starts it again on the other
session. A session whose file could not be read (``problem``) is never saved over it: the reader
is asked once the articles are up whether to save under a new name (:meth:`SessionKeeper.rename`)
or not at all; the last save's problem is kept in ``unsaved_problem`` so ``run_open`` can repeat
it on the terminal after quitting. No Textual here: the app passes the values it saves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from tui.core.model import Article
from tui.core.sessions import Session, SessionStore, ViewState, merge_articles, notes_for_run
from tui.core.storage import StorageError


@dataclass(frozen=True)
class SwitchSession:
    """The app's result when the reader switched to another session."""

    name: str


class SessionKeeper:
    """The open session and its store (both None when there is no data folder).

    Args:
        store: where sessions are saved.
        session: the session of this run.
        problem: why the session's saved file could not be read; while set, it is not saved.
    """

    def __init__(
        self, store: SessionStore | None, session: Session | None, problem: str | None = None
    ) -> None:
        self.store = store
        self.session = session
        self.problem = problem
        self.unsaved_problem: str | None = None
        """Why the last save did not happen (None: saved, or nothing to save)."""

    def save(
        self, articles: Sequence[Article], notes_path: Path | None, view: ViewState | None
    ) -> str | None:
        """Save the session as it is now; returns the problem, or None when saved (or nothing
        to do).

        Args:
            articles: the articles open now (those not found this time stay in the session).
            notes_path: the notes file the run uses now.
            view: the reading screen's view, if it is up.
        """
        self.unsaved_problem = self._save(articles, notes_path, view)
        return self.unsaved_problem

    def _save(
        self, articles: Sequence[Article], notes_path: Path | None, view: ViewState | None
    ) -> str | None:
        if self.store is None or self.session is None:
            return None
        if self.problem:
            return (
                f"session “{self.session.name}” not saved: {self.problem}; "
                "the file is left as it is"
            )
        own = str(self.store.default_notes_path(self.session.name))
        chosen = None if notes_path is None else str(notes_path)
        _, session = notes_for_run(self.session, chosen, own)
        # articles not found this time stay in the session, to reopen once they are back
        session = replace(session, articles=merge_articles(session.articles, articles))
        if view is not None:
            session = replace(session, view=view)
        try:
            self.session = self.store.save(session)
        except StorageError as exc:
            return f"session not saved: {exc}"
        return None

    def rename(self, name: str) -> None:
        """Save under ``name`` from now on (the unreadable file is left as it is)."""
        if self.session is not None:
            self.session = replace(self.session, name=name)
            self.problem = None
