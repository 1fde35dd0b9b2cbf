"""What the annotation keys (a x X c L U i space e d u m) do, given the sentences they act on.

The reading screen declares the keys and hands :class:`Annotating` what they act on, as values
(:class:`Chosen`: the selection or the focused sentence, its counterparts, its candidates).
`a` and `x` record at once with a short notice; `c`/`e` open the editor; every change is saved
by the store before the notice shows, then the screen is told to show the notes again. The notes
file itself, opening and polling it, belongs to the app.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.notifications import SeverityLevel

from tui.annotations import KIND_GLYPHS, Annotations
from tui.candidate_marks import CONFIRMED_GLYPH, ordered
from tui.core.model import Article, SentenceRef
from tui.core.storage import StorageError
from tui.core.text import counted, excerpt
from tui.notices import NoticeBoard, OpenScreen
from tui.undone import describe_undo, places

if TYPE_CHECKING:  # the keys act once the alignment is there; the dialogs load when opened
    from tui.core.align import Alignment
    from tui.core.candidates import Discrepancy
    from tui.core.notes import Annotation, AnnotationKind, Target
    from tui.linking import Counterpart
    from tui.screens.note_editor import NoteDraft


@dataclass(frozen=True)
class Chosen:
    """What an annotation key acts on."""

    refs: tuple[SentenceRef, ...]
    """The selection, in order, or else the focused sentence alone."""
    from_selection: bool
    linked: tuple[SentenceRef, ...] = ()
    """The focused sentence and its counterparts in the other articles, furniture left out."""
    candidates: tuple[Discrepancy, ...] = ()
    """The contradiction candidates of the focused sentence, in the order they are listed
    (open before confirmed, most severe first: ``candidate_marks.ordered``)."""
    confirmed: frozenset[Discrepancy] = frozenset()
    """Those of them the reader already confirmed."""

    @classmethod
    def of(
        cls,
        alignment: Alignment,
        focused: SentenceRef,
        selection: Collection[SentenceRef],
        confirmed: Collection[Discrepancy] = frozenset(),
    ) -> Chosen:
        """The selection if there is one, else the ``focused`` sentence."""
        if selection:
            return cls(tuple(sorted(selection)), True)
        linked = tuple(
            ref
            for ref in _aligned_refs(alignment, focused)
            if not alignment.articles[ref.doc].sentences[ref.sentence].furniture
        )
        candidates = ordered(alignment.discrepancies_of(focused), confirmed)
        mine = frozenset(d for d in candidates if d in confirmed)
        return cls((focused,), False, linked, tuple(candidates), mine)


class Annotating:
    """Carries out the annotation keys on the open notes (see the module docstring).

    Args:
        notices: where what a key did is said (a burst of `a` shows one notice).
        open_screen: opens the editors and pickers.
        changed: called after every saved change, to show the notes again.
        unselect: clears the selection, once what was selected is annotated or linked.
    """

    def __init__(
        self,
        notices: NoticeBoard,
        open_screen: OpenScreen,
        changed: Callable[[], None],
        unselect: Callable[[], None],
    ) -> None:
        self.notes: Annotations | None = None
        """The open notes file; None when there is none (the keys then say how to get one)."""
        self._notices = notices
        self._open = open_screen
        self._changed = changed
        self._unselect = unselect

    # -- saving and saying so -------------------------------------------------------------

    def writable(self) -> Annotations | None:
        """The notes if changes can be made; otherwise say why not and return None."""
        if self.notes is None:
            self.notice(
                "No notes file: start reader with --notes PATH or a session.", severity="warning"
            )
            return None
        if self.notes.store.read_only:
            why = self.notes.store.problem or f"{self.notes.path} was opened read-only"
            self.notice(f"Annotation keys are disabled: {why}", severity="warning", timeout=6)
            return None
        return self.notes

    def notice(
        self, message: str, *, severity: SeverityLevel = "information", timeout: float = 5
    ) -> None:
        """What an annotation key did: replaces the last such notice (a burst of `a` shows one).

        Errors have their own slot, so the next success never hides a failed save.
        """
        kind = "annotation-error" if severity == "error" else "annotation"
        self._notices.show(kind, message, severity=severity, timeout=timeout)

    def _save(self, change: Callable[[], object], done: str | Callable[[], str]) -> bool:
        """Run a store change; notice on success (``done``, or what it returns), else why not."""
        problem = self._try_save(change, done)
        if problem is not None:
            self.notice(problem, severity="error", timeout=8)
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
        self._changed()
        self.notice(done if isinstance(done, str) else done(), timeout=2)
        return None

    # -- the keys -------------------------------------------------------------------------

    def annotate(self, kind: AnnotationKind, chosen: Chosen) -> bool:
        """Mark the chosen sentences as agreeing or contradicting; True once saved."""
        notes = self.writable()
        if notes is None:
            return False
        if not chosen.from_selection and kind == "contradiction" and chosen.candidates:
            return self.confirm(chosen.candidates[0], chosen.confirmed)
        refs = list(chosen.refs) if chosen.from_selection else list(chosen.linked)
        if len(set(refs)) < 2:
            self.notice(
                f"Nothing to link: this sentence has no counterpart. Select sentences with space, "
                f"then press {'a' if kind == 'agreement' else 'x'}.",
                severity="warning",
                timeout=4,
            )
            return False
        targets = notes.targets(refs)
        labels = ", ".join(notes.articles[doc].label for doc in sorted({r.doc for r in refs}))
        if already_marked(notes.store.annotations, kind, targets):
            self.notice(f"Already marked as {kind}: {labels} (e edits it, d deletes it)", timeout=3)
            return False
        saved = self._save(
            lambda: notes.store.add(kind, targets),
            f"{KIND_GLYPHS[kind]} {kind} saved: {places(targets, notes.articles)}",
        )
        if saved and chosen.from_selection:
            self._unselect()
        return saved

    def confirm(self, disc: Discrepancy, confirmed: Collection[Discrepancy] = ()) -> bool:
        """Confirm an engine candidate as a contradiction: its two sentences linked, its
        explanation the comment, its kind, status and fingerprint recorded; True once saved."""
        from tui.core.notes import DiscrepancyInfo

        notes = self.writable()
        if notes is None:
            return False
        if disc in confirmed:
            self.notice("Already confirmed: e edits it, d deletes it.", timeout=3)
            return False
        refs = [SentenceRef(disc.a.doc, disc.a.sentence), SentenceRef(disc.b.doc, disc.b.sentence)]
        targets = notes.targets(refs)
        info = DiscrepancyInfo(disc.kind, disc.explanation, disc.status, notes.fingerprint(disc))
        return self._save(
            lambda: notes.store.add("contradiction", targets, disc.explanation, discrepancy=info),
            f"{CONFIRMED_GLYPH} {disc.kind} candidate confirmed: {places(targets, notes.articles)}",
        )

    def candidates(self, chosen: Chosen, articles: Sequence[Article], title: str) -> None:
        """``i``: the candidates of the focused sentence in full, to confirm or dismiss one."""
        from tui.screens.candidates import CandidateChoice, CandidatesScreen

        if not chosen.candidates:
            self._notices.show("move", "No contradiction candidate on this sentence.", timeout=3)
            return

        def act(choice: CandidateChoice | None) -> None:
            if choice is None:
                return
            if choice.action == "confirm":
                self.confirm(choice.candidate, chosen.confirmed)
            else:
                self.dismiss(choice.candidate)

        self._open(CandidatesScreen(chosen.candidates, articles, title, chosen.confirmed), act)

    def dismiss_candidate(self, chosen: Chosen) -> None:
        """Dismiss the first open candidate of the focused sentence (remembered in the notes)."""
        if not chosen.candidates:
            if self.writable() is not None:
                self.notice("No contradiction candidate on this sentence.", timeout=3)
            return
        self.dismiss(first_open(chosen.candidates, chosen.confirmed))

    def dismiss(self, disc: Discrepancy) -> bool:
        """Dismiss one candidate: not shown again, its explanation kept for exports."""
        notes = self.writable()
        if notes is None:
            return False
        a, b = notes.quotes(disc)
        return self._save(
            lambda: notes.store.dismiss(disc.kind, a, b, disc.explanation),
            f"{disc.kind.capitalize()} candidate dismissed ({excerpt(disc.explanation, 70)}); "
            "u brings it back",
        )

    def link(self, refs: Sequence[SentenceRef]) -> bool:
        """Link ``refs`` as one fact (a ``link`` annotation); True once saved (and the
        selection cleared).

        An unlink of two of them is replaced in the same change (one ``u`` undoes both): the
        reader's last word counts.
        """
        notes = self.writable()
        if notes is None:
            return False
        from tui.linking import spans_articles

        if not spans_articles(refs):
            self.notice(
                "Nothing to link: select sentences in two or more panes with space, then "
                "press L (o shows a possible match beside this one).",
                severity="warning",
                timeout=5,
            )
            return False
        targets = notes.targets(refs)
        if already_marked(notes.store.annotations, "link", targets):
            self.notice(f"Already linked: {places(targets, notes.articles)}", timeout=3)
            return False
        replacing = [a.id for a in notes.corrections_within("unlink", refs)]
        saved = self._save(
            lambda: notes.store.add("link", targets, replacing=replacing),
            f"{KIND_GLYPHS['link']} linked as one fact: {places(targets, notes.articles)}"
            " (u undoes)",
        )
        if saved:
            self._unselect()
        return saved

    def unlink(self, ref: SentenceRef, counterparts: Sequence[Counterpart]) -> None:
        """Say that ``ref`` and one of its ``counterparts`` are not one fact (an ``unlink``
        annotation), asking which one when there are several.

        A link of exactly these two sentences is replaced in the same change.
        """
        notes = self.writable()
        if notes is None:
            return
        if not counterparts:
            self.notice("No link on this sentence to remove.", timeout=3)
            return

        def chosen(other: SentenceRef | None) -> None:
            if other is None:
                return
            two = (ref, other)
            targets = notes.targets(two)
            replacing = [a.id for a in notes.corrections_within("link", two)]
            self._save(
                lambda: notes.store.add("unlink", targets, replacing=replacing),
                f"{KIND_GLYPHS['unlink']} unlinked: {places(targets, notes.articles)} are not "
                "one fact (u undoes)",
            )

        if len(counterparts) == 1:
            chosen(counterparts[0].ref)
            return
        from tui.screens.unlink_chooser import UnlinkChooser

        self._open(UnlinkChooser(ref, counterparts, notes.articles), chosen)

    def selected(self, count: int) -> None:
        """Say how many sentences are selected now."""
        self.notice(
            f"{count} selected: a, x or c annotates them together, L links them"
            if count
            else "Selection cleared",
            timeout=2,
        )

    def note(self, chosen: Chosen) -> None:
        """Open the editor for a note on the chosen sentences (the selection is cleared once
        the note is saved)."""
        notes = self.writable()
        if notes is None:
            return
        refs = chosen.refs
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
            if problem is None and chosen.from_selection:
                self._unselect()
            return problem

        from tui.screens.note_editor import NoteEditor

        self._open(NoteEditor("New note", about, save=save), None)

    def _with_annotation_at(
        self, ref: SentenceRef, verb: str, then: Callable[[Annotations, Annotation], None]
    ) -> None:
        """Find the annotation on ``ref`` (asking which, if several) and act on it."""
        notes = self.writable()
        if notes is None:
            return
        here = notes.at(ref)
        if not here:
            self.notice(f"No annotation on this sentence to {verb}.", timeout=3)
            return
        if len(here) == 1:
            then(notes, here[0])
            return

        def chosen(annotation_id: str | None) -> None:
            annotation = notes.store.get(annotation_id) if annotation_id else None
            if annotation is not None:
                then(notes, annotation)

        enter = {"edit": "edits", "delete": "deletes"}.get(verb, verb)
        from tui.screens.notes_panel import NotesPanel

        self._open(NotesPanel(notes, here, f"Which annotation to {verb}?", enter), chosen)

    def edit(self, ref: SentenceRef) -> None:
        """Open the editor on the annotation of ``ref``."""

        def edit(notes: Annotations, annotation: Annotation) -> None:
            def save(draft: NoteDraft) -> str | None:
                return self._try_save(
                    lambda: notes.store.update(
                        annotation.id, comment=draft.comment, tags=draft.tags, based_on=annotation
                    ),
                    f"{KIND_GLYPHS[annotation.kind]} {annotation.kind} updated",
                )

            from tui.screens.note_editor import NoteEditor

            editor = NoteEditor(
                f"Edit {annotation.kind}",
                notes.describe(annotation, 90),
                annotation.comment,
                annotation.tags,
                save=save,
            )
            self._open(editor, None)

        self._with_annotation_at(ref, "edit", edit)

    def delete(self, ref: SentenceRef) -> None:
        """Delete the annotation of ``ref`` (u undoes it)."""

        def delete(notes: Annotations, annotation: Annotation) -> None:
            self._save(
                lambda: notes.store.delete(annotation.id),
                f"{KIND_GLYPHS[annotation.kind]} {annotation.kind} deleted; u undoes",
            )

        self._with_annotation_at(ref, "delete", delete)

    def undo(self) -> None:
        """Undo the last change to the notes, saying what it was."""
        notes = self.writable()
        if notes is None:
            return
        if not notes.store.can_undo:
            self.notice("Nothing to undo.", timeout=2)
            return
        before = notes.store.document
        undone: list[str | None] = []
        self._save(
            lambda: undone.append(notes.store.undo()),
            lambda: describe_undo(undone[0], before, notes.store.document, notes.articles),
        )

    def notes_panel(self, jump: Callable[[Sequence[SentenceRef]], None]) -> None:
        """List every annotation; ``jump`` goes to the passages of the one chosen."""
        notes = self.notes
        if notes is None:
            self.writable()
            return
        orphans = len(notes.orphan_ids())
        title = f"Notes · {notes.path}" + (f" · {orphans} orphaned" if orphans else "")

        def chosen(annotation_id: str | None) -> None:
            if annotation_id is None:
                return
            refs = notes.refs_of(annotation_id)
            if refs:
                jump(refs)
                return
            if annotation_id in notes.orphan_ids():
                message = (
                    "That annotation's passage could not be found in the changed article "
                    "(reworded or removed since the note); its quote is kept in the notes."
                )
            else:
                message = "That annotation's passages are not in the open articles."
            self.notice(message, timeout=5)

        from tui.screens.notes_panel import NotesPanel

        self._open(NotesPanel(notes, None, title), chosen)


def first_open(
    candidates: Sequence[Discrepancy], confirmed: Collection[Discrepancy]
) -> Discrepancy:
    """The candidate X dismisses: the first not yet confirmed (a confirmed one is deleted
    with d), else the first."""
    return next((d for d in candidates if d not in confirmed), candidates[0])


def already_marked(
    annotations: Iterable[Annotation], kind: AnnotationKind, targets: Sequence[Target]
) -> bool:
    """Whether an annotation of ``kind`` already links exactly these passages."""
    wanted = {(t.article.id, t.position.start, t.position.end) for t in targets}
    return any(
        a.kind == kind
        and {(t.article.id, t.position.start, t.position.end) for t in a.targets} == wanted
        for a in annotations
    )


def _aligned_refs(alignment: Alignment, ref: SentenceRef) -> list[SentenceRef]:
    from tui.sync import aligned_refs  # loaded with the alignment, not before the first frame

    return aligned_refs(alignment, ref)
