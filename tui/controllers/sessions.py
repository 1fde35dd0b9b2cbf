"""Saving, restoring and switching sessions, and exporting notes: the app's session actions.

A mixin for ReaderApp. The session is saved on quit and on demand (palette "Save session", key
`S`); switching (palette "Sessions…") saves, then exits the app with :class:`SwitchSession` so
``run_open`` starts it again on the other session.

A session whose file could not be read (``session_problem``) is never saved over it: the
reader is asked once the articles are up (:class:`~tui.screens.session_problem.SessionProblem`)
whether to save under a new name or not at all; the last save's problem is kept in
``unsaved_problem`` so ``run_open`` can repeat it on the terminal after quitting.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.controllers.session_state import apply_view, view_of
from tui.core.notes_store import NotesStore
from tui.core.sessions import Session, SessionStore, merge_articles, notes_for_run
from tui.core.storage import StorageError
from tui.screens.reading import ReadingScreen

if TYPE_CHECKING:
    from textual.app import App

    from tui.annotations import Annotations

    _Base = App[Any]
else:
    _Base = object


@dataclass(frozen=True)
class SwitchSession:
    """The app's result when the reader switched to another session."""

    name: str


class SessionActions(_Base):
    """Session save/restore/switch and export (see the module docstring)."""

    sessions: SessionStore | None
    session: Session | None
    notes: Annotations | None
    notes_path: Path | None
    threshold: float
    session_problem: str | None = None
    """Why the session's saved file could not be read; while set, the session is not saved."""
    unsaved_problem: str | None = None
    """Why the last save did not happen (None: saved, or nothing to save)."""

    def _reading_any(self) -> ReadingScreen | None:
        for screen in reversed(self.screen_stack):
            if isinstance(screen, ReadingScreen):
                return screen
        return None

    def save_session(self) -> str | None:
        """Save the current session; returns the problem, or None when saved (or nothing to do)."""
        self.unsaved_problem = self._save_session()
        return self.unsaved_problem

    def _save_session(self) -> str | None:
        if self.sessions is None or self.session is None:
            return None
        if self.session_problem:
            return (
                f"session “{self.session.name}” not saved: {self.session_problem}; "
                "the file is left as it is"
            )
        own = str(self.sessions.default_notes_path(self.session.name))
        chosen = None if self.notes_path is None else str(self.notes_path)
        _, session = notes_for_run(self.session, chosen, own)
        # articles not found this time stay in the session, to reopen once they are back
        session = replace(
            session, articles=merge_articles(session.articles, getattr(self, "articles", ()))
        )
        screen = self._reading_any()
        if screen is not None:
            session = replace(session, view=view_of(screen, self.theme, self.threshold))
        try:
            self.session = self.sessions.save(session)
        except StorageError as exc:
            return f"session not saved: {exc}"
        return None

    def restore_view(self) -> None:
        """Put the session's saved view back (called once the reading screen is up)."""
        screen = self._reading_any()
        if screen is not None and self.session is not None:
            apply_view(screen, self.session.view)

    def action_save_session(self) -> None:
        """Save now, and say where."""
        if self.sessions is None or self.session is None:
            self.notify("No session to save (no data folder).", severity="warning")
            return
        if self.session_problem:  # never over the unreadable file: ask for a new name
            self.show_session_problem()
            return
        problem = self.save_session()
        if problem:
            self.notify(problem, severity="error", timeout=8)
        else:
            self.notify(f"Session “{self.session.name}” saved.", timeout=3)

    def action_sessions(self) -> None:
        """List the sessions; choosing one saves this one and switches."""
        if self.sessions is None:
            self.notify("No sessions without a data folder.", severity="warning")
            return
        from tui.screens.sessions import SessionsScreen

        self.save_session()  # so the list shows this session as it is now

        def chosen(name: str | None) -> None:
            if name is None:
                return
            problem = self.save_session()
            if problem and not self.session_problem:  # unsaved by choice: switch all the same
                self.notify(problem, severity="error", timeout=8)
                return
            self.exit(SwitchSession(name))

        current = self.session.name if self.session else None
        self.push_screen(SessionsScreen(self.sessions.list(), current), chosen)

    def show_session_problem(self) -> None:
        """Say the session file could not be read; save under a new name or not at all."""
        from tui.screens.session_problem import SessionProblem

        if self.sessions is None or self.session is None or not self.session_problem:
            return
        store, old = self.sessions, self.session.name
        path = store.path_for(old)

        def chosen(name: str | None) -> None:
            if name is None or self.session is None:
                self.notify(
                    f"Session “{old}” will not be saved: {path} is left as it is. "
                    "Save session (S) offers a new name again.",
                    severity="warning",
                    timeout=10,
                )
                return
            self.session = replace(self.session, name=name)
            self.session_problem = None
            problem = self.save_session()
            if problem:
                self.notify(problem, severity="error", timeout=8)
            else:
                self.notify(f"Session saved as “{name}”; {path} is left as it is.", timeout=6)

        self.push_screen(SessionProblem(self.session_problem, old, store), chosen)

    def action_export_notes(self) -> None:
        """Export the notes to a file the reader confirms; notify the path."""
        from tui.screens.export import ExportScreen

        if self.notes is None or self.notes_path is None:
            self.notify("No notes file to export.", severity="warning")
            return
        store: NotesStore = self.notes.store

        def done(path: Path | None) -> None:
            if path is not None:
                self.notify(f"Exported {len(store.annotations)} annotations to {path}", timeout=6)

        self.push_screen(ExportScreen(store.document, self.notes_path), done)
