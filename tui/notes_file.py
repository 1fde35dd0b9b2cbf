"""The notes file of a run: opened, watched for what other writers do to it, exported.

The app holds it, polls it every few seconds and when it gets the focus, and opens it once the
articles are known. What happened is said through ``say`` (one notice of the notes file at a
time); the dialogs (a notes file that cannot be used, the export) open through ``ask``. The
reading screen annotates into :attr:`NotesFile.notes` and shows them again when they change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tui.annotations import Annotations
from tui.core.model import Article
from tui.core.storage import StorageError
from tui.core.text import counted
from tui.notices import NoticeBoard, OpenScreen, Say

if TYPE_CHECKING:  # the file opens once the articles are on screen
    from tui.core.notes_store import NotesStore

POLL_SECONDS = 2.0
"""How often the app checks the notes file for changes made elsewhere."""


class NotesFile:
    """The notes file (``--notes`` or the session's own) and the annotations read from it.

    Args:
        articles: the open articles, in pane order.
        path: the notes file; None: annotating is off.
        say: tells the reader something once.
        board: where notices about the file replace each other.
        ask: opens a dialog.
        annotations: binds a store to the articles as shown (default: the articles).
    """

    def __init__(
        self,
        articles: Sequence[Article],
        path: Path | None,
        *,
        say: Say,
        board: NoticeBoard,
        ask: OpenScreen,
        annotations: Callable[[NotesStore], Annotations] | None = None,
    ) -> None:
        self.articles = tuple(articles)
        self._annotations = annotations or (lambda store: Annotations(store, self.articles))
        """How the notes are bound to the articles (blind mode binds them to its view)."""
        self.path = path
        self.notes: Annotations | None = None
        """The open notes, bound to the articles; None until opened, or when unusable."""
        self.problem: str | None = None
        """Why the file could not be used when opened (it is then read-only, never written)."""
        self._say, self._board, self._ask = say, board, ask

    def start(self) -> None:
        """Open the file the run was given; a problem with it is kept to ask about."""
        if self.path is not None:
            self.problem = self.open(self.path)

    def ask_about_problem(self, opened: Callable[[], None]) -> None:
        """If the file could not be used, offer read-only or a new file (see
        :meth:`offer_another`)."""
        if self.problem and self.path is not None:
            self.offer_another(self.problem, self.path, opened)

    def open(self, path: Path, *, read_only: bool = False) -> str | None:
        """Open ``path``; returns the problem that made it read-only, or None."""
        from tui.core.notes_store import NotesStore

        try:
            store = NotesStore(path, read_only=read_only)
        except StorageError as exc:  # e.g. the folder cannot be created
            self.notes = None
            return f"{path}: {exc}"
        self.path = store.path
        self.notes = self._annotations(store)
        return store.problem

    def rebind(self) -> None:
        """Bind the open notes to the articles again (blind mode switched on or off)."""
        if self.notes is not None:
            self.notes = self._annotations(self.notes.store)

    def say_orphans(self) -> None:
        """Say how many annotations could not be placed in the changed text, if any."""
        orphans = len(self.notes.orphan_ids()) if self.notes is not None else 0
        if orphans:
            self._say(
                f"{counted(orphans, 'annotation')} could not be placed in "
                "the changed text: listed as orphans in the notes panel (m).",
                severity="warning",
                timeout=10,
            )

    def offer_another(self, problem: str, path: Path, opened: Callable[[], None]) -> None:
        """Offer read-only or a new file for a notes file that cannot be used (never written);
        ``opened`` runs once a new file is open."""
        from tui.screens.notes_problem import Choice, NotesProblem

        def chosen(choice: Choice | None) -> None:
            if choice is None or choice[0] == "read-only" or choice[1] is None:
                said = f"{path} is open read-only: annotation keys are disabled."
                self._say(said, severity="warning", timeout=6)
                return
            new_path = choice[1]
            problem = self.open(new_path)
            if problem:
                self.offer_another(problem, new_path, opened)
                return
            self._say(f"New notes file: {new_path}", timeout=5)
            opened()

        self._ask(NotesProblem(problem, path), chosen)

    def poll(self) -> bool:
        """Pick up what another writer did to the file and tell the reader; returns whether
        the annotations changed (the screen then shows them again)."""
        if self.notes is None:
            return False
        store = self.notes.store
        was_problem, was_emptied = store.problem, store.emptied_notice
        try:
            report = store.refresh()
        except StorageError as exc:
            self._board.show("notes-file", str(exc), severity="error", timeout=6)
            return False
        if store.emptied_notice and store.emptied_notice != was_emptied:  # all kept: say once
            said = f"{store.emptied_notice}."
            self._board.show("notes-file", said, severity="warning", timeout=10)
        if store.problem and store.problem != was_problem:
            said = f"{store.problem}. Annotation keys are disabled."
            self._board.show("notes-file", said, severity="error", timeout=8)
        elif was_problem and not store.problem:
            said = "The notes file reads fine again: annotating is back on."
            self._board.show("notes-file", said, timeout=4)
        if report is not None and report.anything:
            self._board.show("notes-file", report.summary(), timeout=5)
        return report is not None

    def export(self) -> None:
        """Export the notes to a file the reader confirms; say where they went."""
        from tui.screens.export import ExportScreen

        if self.notes is None or self.path is None:
            self._say("No notes file to export.", severity="warning")
            return
        store, anchors = self.notes.store, self.notes.anchors
        placed = anchors if anchors.document is store.document else None  # placed as they are

        def done(path: Path | None) -> None:
            if path is not None:
                self._say(f"Exported {len(store.annotations)} annotations to {path}", timeout=6)

        self._ask(ExportScreen(store.document, self.path, placed), done)
