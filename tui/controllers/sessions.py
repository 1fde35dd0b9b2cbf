"""Saving, restoring and switching sessions, and exporting notes: the app's session actions.

A mixin for ReaderApp. The session is saved on quit and on demand (palette "Save session", key
`S`); switching (palette "Sessions…") saves, then exits the app with :class:`SwitchSession` so
``run_open`` starts it again on the other session.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.controllers.session_state import apply_view, view_of
from tui.core.notes_store import NotesStore
from tui.core.sessions import Session, SessionStore, session_articles
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

    def _reading_any(self) -> ReadingScreen | None:
        for screen in reversed(self.screen_stack):
            if isinstance(screen, ReadingScreen):
                return screen
        return None

    def save_session(self) -> str | None:
        """Save the current session; returns the problem, or None when saved (or nothing to do)."""
        if self.sessions is None or self.session is None:
            return None
        session = replace(
            self.session,
            articles=session_articles(getattr(self, "articles", ())),
            notes=str(self.notes_path) if self.notes_path else self.session.notes,
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
            if problem:
                self.notify(problem, severity="error", timeout=8)
                return
            self.exit(SwitchSession(name))

        current = self.session.name if self.session else None
        self.push_screen(SessionsScreen(self.sessions.list(), current), chosen)

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
