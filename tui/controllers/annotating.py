"""The annotation keys (a x X c space e d u m) and keeping the notes file in step with the screen.

A mixin for ReaderApp, so the keys are app bindings that act on the reading screen (and only
there: ``check_action`` keeps them quiet under modals). `a` and `x` record at once with a short
notice; `c`/`e` open the editor; every change is saved by the store before the notice shows. The
notes file is polled (cheap mtime check) every few seconds and on app focus; merges are notified.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.binding import Binding
from textual.notifications import SeverityLevel

from tui.annotations import KIND_GLYPHS, Annotations
from tui.core.align import Alignment, SentenceRef
from tui.core.candidates import Discrepancy
from tui.core.notes import Annotation, AnnotationKind, DiscrepancyInfo, Target
from tui.core.notes_store import NotesStore
from tui.core.storage import StorageError
from tui.core.text import counted
from tui.notices import NoticeBoard
from tui.screens.note_editor import NoteDraft, NoteEditor
from tui.screens.notes_panel import NotesPanel
from tui.screens.reading import ReadingScreen
from tui.undone import describe_undo, places

if TYPE_CHECKING:
    from textual.app import App

    _Base = App[Any]
else:
    _Base = object

POLL_SECONDS = 2.0
"""How often the notes file is checked for changes made elsewhere."""


def _b(
    keys: str, action: str, description: str, tooltip: str, id: str, show: bool = True
) -> Binding:
    return Binding(keys, action, description, tooltip=tooltip, id=id, show=show)


ANNOTATION_BINDINGS = [
    _b(
        "a",
        "annotate('agreement')",
        "Agree",
        "Mark the sentence and its counterparts (or the selection) as agreeing",
        "reader.annotate-agree",
    ),
    _b(
        "x",
        "annotate('contradiction')",
        "Contradict",
        "Mark as a contradiction; on a ⚑ candidate, confirm it",
        "reader.annotate-contradict",
    ),
    _b(
        "X",
        "dismiss_candidate",
        "Dismiss ⚑",
        "Dismiss the contradiction candidate under the cursor (remembered)",
        "reader.dismiss-candidate",
        show=False,
    ),
    _b(
        "c",
        "note",
        "Note",
        "Write a note on the sentence (or the selection)",
        "reader.annotate-note",
    ),
    _b(
        "space",
        "select",
        "Select",
        "Add or remove the sentence from a selection across panes",
        "reader.select",
        show=False,
    ),
    _b(
        "e",
        "edit_note",
        "Edit",
        "Edit the annotation under the cursor",
        "reader.annotation-edit",
        show=False,
    ),
    _b(
        "d",
        "delete_note",
        "Delete",
        "Delete the annotation under the cursor (u undoes)",
        "reader.annotation-delete",
        show=False,
    ),
    _b(
        "u",
        "undo_note",
        "Undo",
        "Undo the last annotation change",
        "reader.annotation-undo",
        show=False,
    ),
    _b(
        "m",
        "notes_panel",
        "Notes",
        "Every annotation: filter by kind, jump to one",
        "reader.notes-panel",
    ),
]

ANNOTATION_ACTIONS = frozenset(
    {"annotate", "dismiss_candidate", "note", "select", "edit_note", "delete_note", "undo_note"}
    | {"notes_panel"}
)


class AnnotatingActions(_Base):
    """Annotation actions and notes-file upkeep for the app (see the module docstring)."""

    notes: Annotations | None
    notes_path: Path | None
    alignment: Alignment | None
    notice_board: NoticeBoard
    """Annotation notices replace each other instead of piling up over the panes."""

    @property
    def _reading(self) -> ReadingScreen | None:
        screen = self.screen
        return screen if isinstance(screen, ReadingScreen) else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Annotation keys work on the reading screen only, not under a modal or the loader,
        and not while the window is too small to show what they would mark."""
        if action in ANNOTATION_ACTIONS:
            screen = self._reading
            return screen is not None and not screen.has_class("-too-small")
        return True

    # -- opening and keeping in step ------------------------------------------------------

    def open_notes(self, path: Path, *, read_only: bool = False) -> str | None:
        """Open the notes file; returns the problem that made it read-only, or None."""
        try:
            store = NotesStore(path, read_only=read_only)
        except StorageError as exc:  # e.g. the folder cannot be created
            self.notes = None
            return f"{path}: {exc}"
        self.notes_path = store.path
        self.notes = Annotations(store, getattr(self, "articles", ()))
        return store.problem

    def show_notes_problem(self, problem: str, path: Path) -> None:
        """Offer read-only or a new file for a notes file that cannot be used (never written)."""
        from tui.screens.notes_problem import Choice, NotesProblem

        def chosen(choice: Choice | None) -> None:
            if choice is None or choice[0] == "read-only" or choice[1] is None:
                self.notify(
                    f"{path} is open read-only: annotation keys are disabled.",
                    severity="warning",
                    timeout=6,
                )
                return
            new_path = choice[1]
            problem = self.open_notes(new_path)
            if problem:
                self.show_notes_problem(problem, new_path)
                return
            self.notify(f"New notes file: {new_path}", timeout=5)
            self.sync_notes_to_screen()

        self.push_screen(NotesProblem(problem, path), chosen)

    def shown_alignment(self, alignment: Alignment) -> Alignment:
        """The alignment to put on screen: dismissed candidates left out."""
        return alignment if self.notes is None else self.notes.without_dismissed(alignment)

    def sync_notes_to_screen(self) -> None:
        """Re-anchor and push the ✎ marks and the candidate filter into the reading screen."""
        screen = self.reading_screen_any()
        if self.notes is None or screen is None:
            return
        self.notes.reanchor()
        screen.annotated = self.notes.annotated_refs()
        if self.alignment is not None:
            shown = self.notes.without_dismissed(self.alignment)
            if shown.discrepancies != screen.alignment.discrepancies:
                _show_candidates(screen, shown)

    def reading_screen_any(self) -> ReadingScreen | None:
        """The reading screen, even under a modal."""
        for screen in reversed(self.screen_stack):
            if isinstance(screen, ReadingScreen):
                return screen
        return None

    def poll_notes(self) -> None:
        """Pick up what another writer did to the notes file; tell the reader."""
        if self.notes is None:
            return
        was_problem = self.notes.store.problem
        was_emptied = self.notes.store.emptied_notice
        try:
            report = self.notes.store.refresh()
        except StorageError as exc:
            self.notice_board.show("notes-file", str(exc), severity="error", timeout=6)
            return
        emptied = self.notes.store.emptied_notice
        if emptied and emptied != was_emptied:  # the store kept everything: say so, once
            self.notice_board.show("notes-file", f"{emptied}.", severity="warning", timeout=10)
        problem = self.notes.store.problem
        if problem and problem != was_problem:
            self.notice_board.show(
                "notes-file",
                f"{problem}. Annotation keys are disabled.",
                severity="error",
                timeout=8,
            )
        elif was_problem and not problem:
            self.notice_board.show(
                "notes-file", "The notes file reads fine again: annotating is back on.", timeout=4
            )
        if report is not None:
            if report.anything:
                self.notice_board.show("notes-file", report.summary(), timeout=5)
            self.sync_notes_to_screen()

    def on_app_focus(self) -> None:
        self.poll_notes()

    # -- the keys -------------------------------------------------------------------------

    def _writable(self) -> Annotations | None:
        """The notes if changes can be made; otherwise say why not and return None."""
        if self.notes is None:
            self._notice(
                "No notes file: start reader with --notes PATH or a session.", severity="warning"
            )
            return None
        if self.notes.store.read_only:
            why = self.notes.store.problem or f"{self.notes.path} was opened read-only"
            self._notice(f"Annotation keys are disabled: {why}", severity="warning", timeout=6)
            return None
        return self.notes

    def _notice(
        self, message: str, *, severity: SeverityLevel = "information", timeout: float = 5
    ) -> None:
        """What an annotation key did: replaces the last such notice (a burst of `a` shows one).

        Errors have their own slot, so the next success never hides a failed save.
        """
        kind = "annotation-error" if severity == "error" else "annotation"
        self.notice_board.show(kind, message, severity=severity, timeout=timeout)

    def _save(self, change: Callable[[], object], done: str | Callable[[], str]) -> bool:
        """Run a store change; notice on success (``done``, or what it returns), else why not."""
        problem = self._try_save(change, done)
        if problem is not None:
            self._notice(problem, severity="error", timeout=8)
        return problem is None

    def _try_save(self, change: Callable[[], object], done: str | Callable[[], str]) -> str | None:
        """Run a store change; notice on success and return None, else return why not.

        The editors save through this while still open, so a failed write leaves the reader's
        text in the editor with the reason under it instead of throwing it away.
        """
        try:
            change()
        except StorageError as exc:
            return str(exc)
        self.sync_notes_to_screen()
        self._notice(done if isinstance(done, str) else done(), timeout=2)
        return None

    def _chosen_refs(self, screen: ReadingScreen) -> tuple[list[SentenceRef], bool]:
        """The selection if there is one (cleared by the caller), else the focused sentence."""
        if screen.selection:
            return sorted(screen.selection), True
        return [screen.focused_ref], False

    def action_annotate(self, kind: AnnotationKind) -> None:
        screen, notes = self._reading, self._writable()
        if screen is None or notes is None:
            return
        refs, from_selection = self._chosen_refs(screen)
        discrepancy: DiscrepancyInfo | None = None
        comment = ""
        if not from_selection:
            candidates = screen.alignment.discrepancies_of(refs[0])
            if kind == "contradiction" and candidates:
                disc = _first_candidate(candidates)
                refs = [
                    SentenceRef(disc.a.doc, disc.a.sentence),
                    SentenceRef(disc.b.doc, disc.b.sentence),
                ]
                comment = disc.explanation
                discrepancy = DiscrepancyInfo(disc.kind, disc.explanation, disc.status)
            else:
                refs = [r for r in screen.aligned_refs(refs[0]) if not screen.is_furniture(r)]
        if len(set(refs)) < 2:
            self._notice(
                f"Nothing to link: this sentence has no counterpart. Select sentences with space, "
                f"then press {'a' if kind == 'agreement' else 'x'}.",
                severity="warning",
                timeout=4,
            )
            return
        targets = notes.targets(refs)
        labels = ", ".join(notes.articles[doc].label for doc in sorted({r.doc for r in refs}))
        if _already_marked(notes.store.annotations, kind, targets):
            self._notice(
                f"Already marked as {kind}: {labels} (e edits it, d deletes it)", timeout=3
            )
            return
        what = "confirmed candidate" if discrepancy else kind
        if (
            self._save(
                lambda: notes.store.add(kind, targets, comment, discrepancy=discrepancy),
                f"{KIND_GLYPHS[kind]} {what} saved: {places(targets, notes.articles)}",
            )
            and from_selection
        ):
            screen.selection = frozenset()

    def action_dismiss_candidate(self) -> None:
        screen, notes = self._reading, self._writable()
        if screen is None or notes is None:
            return
        candidates = screen.alignment.discrepancies_of(screen.focused_ref)
        if not candidates:
            self._notice("No contradiction candidate on this sentence.", timeout=3)
            return
        disc = _first_candidate(candidates)
        a, b = notes.quotes(disc)
        self._save(
            lambda: notes.store.dismiss(disc.kind, a, b),
            f"Candidate dismissed (“{disc.a.text}” vs “{disc.b.text}”); u brings it back",
        )

    def action_select(self) -> None:
        screen = self._reading
        if screen is None:
            return
        screen.toggle_selected([screen.focused_ref])
        count = len(screen.selection)
        self._notice(
            f"{count} selected: a, x or c annotates them together"
            if count
            else "Selection cleared",
            timeout=2,
        )

    def action_note(self) -> None:
        screen, notes = self._reading, self._writable()
        if screen is None or notes is None:
            return
        refs, from_selection = self._chosen_refs(screen)
        targets = notes.targets(refs)
        about = "\n".join(
            f"{notes.articles[r.doc].label}: {notes.articles[r.doc].sentences[r.sentence].text}"
            for r in refs[:3]
        ) + (f"\n… and {len(refs) - 3} more" if len(refs) > 3 else "")

        def save(draft: NoteDraft) -> str | None:
            problem = self._try_save(
                lambda: notes.store.add("note", targets, draft.comment, draft.tags),
                f"✎ note saved ({counted(len(targets), 'passage')})",
            )
            if problem is None and from_selection:
                screen.selection = frozenset()
            return problem

        self.push_screen(NoteEditor("New note", about, save=save))

    def _with_annotation_here(self, verb: str, then: Callable[[Annotation], None]) -> None:
        """Find the annotation under the cursor (asking which, if several) and act on it."""
        screen, notes = self._reading, self._writable()
        if screen is None or notes is None:
            return
        here = notes.at(screen.focused_ref)
        if not here:
            self._notice(f"No annotation on this sentence to {verb}.", timeout=3)
            return
        if len(here) == 1:
            then(here[0])
            return

        def chosen(annotation_id: str | None) -> None:
            annotation = notes.store.get(annotation_id) if annotation_id else None
            if annotation is not None:
                then(annotation)

        enter = {"edit": "edits", "delete": "deletes"}.get(verb, verb)
        self.push_screen(NotesPanel(notes, here, f"Which annotation to {verb}?", enter), chosen)

    def action_edit_note(self) -> None:
        def edit(annotation: Annotation) -> None:
            notes = self.notes
            assert notes is not None

            def save(draft: NoteDraft) -> str | None:
                return self._try_save(
                    lambda: notes.store.update(
                        annotation.id, comment=draft.comment, tags=draft.tags, based_on=annotation
                    ),
                    f"{KIND_GLYPHS[annotation.kind]} {annotation.kind} updated",
                )

            editor = NoteEditor(
                f"Edit {annotation.kind}",
                notes.describe(annotation, 90),
                annotation.comment,
                annotation.tags,
                save=save,
            )
            self.push_screen(editor)

        self._with_annotation_here("edit", edit)

    def action_delete_note(self) -> None:
        def delete(annotation: Annotation) -> None:
            notes = self.notes
            assert notes is not None
            self._save(
                lambda: notes.store.delete(annotation.id),
                f"{KIND_GLYPHS[annotation.kind]} {annotation.kind} deleted; u undoes",
            )

        self._with_annotation_here("delete", delete)

    def action_undo_note(self) -> None:
        notes = self._writable()
        if notes is None:
            return
        if not notes.store.can_undo:
            self._notice("Nothing to undo.", timeout=2)
            return
        before = notes.store.document
        undone: list[str | None] = []
        self._save(
            lambda: undone.append(notes.store.undo()),
            lambda: describe_undo(undone[0], before, notes.store.document, notes.articles),
        )

    def action_notes_panel(self) -> None:
        notes = self.notes
        if notes is None:
            self._writable()
            return
        orphans = len(notes.orphan_ids())
        title = f"Notes · {notes.path}" + (f" · {orphans} orphaned" if orphans else "")

        def jump(annotation_id: str | None) -> None:
            screen = self.reading_screen_any()
            if annotation_id is None or screen is None:
                return
            refs = notes.refs_of(annotation_id)
            if not refs:
                if annotation_id in notes.orphan_ids():
                    message = (
                        "That annotation's passage could not be found in the changed article "
                        "(reworded or removed since the note); its quote is kept in the notes."
                    )
                else:
                    message = "That annotation's passages are not in the open articles."
                self._notice(message, timeout=5)
                return
            for ref in reversed(refs):  # the first target ends up focused
                screen.move_cursor(ref.doc, ref.sentence)

        self.push_screen(NotesPanel(notes, None, title), jump)


def _show_candidates(screen: ReadingScreen, shown: Alignment) -> None:
    """Swap the alignment the screen shows (same pairs, fewer candidates) and repaint ⚑ marks."""
    from tui.widgets.article_pane import flag_of

    screen.alignment = shown
    for doc in range(len(screen.articles)):
        pane = screen.pane(doc)  # every pane, mounted yet or not
        pane.alignment = shown
        for index in range(len(pane.flagged)):
            pane.flagged[index] = flag_of(shown, SentenceRef(pane.doc, index))
        pane.set_search_marks(pane.search_marks)  # public way to drop the painted-row cache
    doc = screen.focused_doc
    screen.move_cursor(doc, screen.cursors[doc])  # repaints the detail line


def _first_candidate(candidates: Sequence[Discrepancy]) -> Discrepancy:
    """The candidate x confirms and X dismisses: a conflict before a compatible difference."""
    return min(candidates, key=lambda d: d.status != "conflict")


def _already_marked(
    annotations: Iterable[Annotation], kind: AnnotationKind, targets: Sequence[Target]
) -> bool:
    """Whether an annotation of ``kind`` already links exactly these passages."""
    wanted = {(t.article.id, t.position.start, t.position.end) for t in targets}
    return any(
        a.kind == kind
        and {(t.article.id, t.position.start, t.position.end) for t in a.targets} == wanted
        for a in annotations
    )
