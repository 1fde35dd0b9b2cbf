"""The notes file service the UI talks to: every change saved at once, nothing ever lost.

Each change is applied, merged with whatever another writer put on disk meanwhile, and saved
atomically before the call returns (so an acknowledged annotation survives ``kill -9``). A file
that does not parse or does not match the schema is never overwritten: the store opens it
read-only and says what is wrong and where.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from tui.core.merge import MergeReport, merge_documents
from tui.core.notes import (
    MAX_NOTES_BYTES,
    Annotation,
    AnnotationKind,
    CandidateQuote,
    Clock,
    DiscrepancyInfo,
    DismissedCandidate,
    IdFactory,
    NotesDocument,
    Target,
    dismissed_candidate,
    dump_document,
    format_time,
    new_annotation_id,
    parse_document,
    utc_now,
)
from tui.core.storage import (
    StorageError,
    TooLarge,
    atomic_write_text,
    backup_path,
    check_size,
    keep_backup,
    parse_yaml,
    remove_stale_temps,
    stale_temps,
)
from tui.core.text import counted

try:  # POSIX: serialise read-merge-write between processes sharing one notes file.
    import fcntl
except ImportError:  # pragma: no cover - Windows: atomic replace still protects the file
    fcntl = None  # type: ignore[assignment]


class NotesError(StorageError):
    """A change the store cannot make (unknown id, read-only file...); message is for people."""


class ReadOnlyNotes(NotesError):
    """The notes file is open read-only (it did not parse, or the user asked for it)."""


@dataclass(frozen=True)
class DiskState:
    """What the notes file looked like when we last read or wrote it."""

    mtime_ns: int
    size: int
    sha256: str


Mutation = Callable[[NotesDocument], NotesDocument]


@dataclass(frozen=True)
class _UndoStep:
    label: str
    revert: Mutation


def _tidy_comment(comment: str) -> str:
    """Drop the trailing newline an editor leaves, so comments stay clean block scalars."""
    return comment.lstrip("\n").rstrip()


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _replace_annotation(document: NotesDocument, annotation: Annotation) -> NotesDocument:
    others = [a for a in document.annotations if a.id != annotation.id]
    return document.with_annotations([*others, annotation])


def _remove_annotation(document: NotesDocument, annotation_id: str) -> NotesDocument:
    return document.with_annotations(a for a in document.annotations if a.id != annotation_id)


class NotesStore:
    """One open notes file: read, change, undo, and keep in step with the copy on disk.

    Args:
        path: the notes file; created (empty) if absent, unless ``read_only``.
        clock: gives "now" for created/updated times (inject a fixed clock in tests).
        id_factory: gives new annotation ids (random by default so writers never collide).
        read_only: never write, even if the file is fine.
    """

    def __init__(
        self,
        path: Path | str,
        *,
        clock: Clock = utc_now,
        id_factory: IdFactory = new_annotation_id,
        read_only: bool = False,
    ) -> None:
        self.path = Path(path)
        self.clock = clock
        self.id_factory = id_factory
        self.document = NotesDocument()
        self.problem: str | None = None
        """Why the file is read-only against the user's wish (with file and line), or None."""
        self.last_merge: MergeReport | None = None
        self.emptied_notice: str | None = None
        """Set while the file on disk is emptied under us (see :meth:`refresh`), for the UI."""
        self._wanted_read_only = read_only
        self._base = NotesDocument()
        self._disk: DiskState | None = None
        self._good_bytes: bytes | None = None
        """The last version read (and accepted) or written: what ``.bak`` keeps if the file is
        emptied or deleted under us."""
        self._disk_emptied = False
        self._undo: list[_UndoStep] = []
        self._used_ids: set[str] = set()
        """Every id this store has seen, so a deleted id is never handed out again."""
        self._load_or_create()
        self._used_ids |= self.document.ids()

    # -- state -------------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        """Whether changes are refused (asked for, or the file on disk is not usable)."""
        return self._wanted_read_only or self.problem is not None

    @property
    def annotations(self) -> tuple[Annotation, ...]:
        """Every annotation, in canonical order (creation time, then id)."""
        return self.document.annotations

    def get(self, annotation_id: str) -> Annotation | None:
        """The annotation with this id, or None."""
        return self.document.get(annotation_id)

    def is_dismissed(self, fingerprint: str) -> bool:
        """Whether the engine candidate with this fingerprint was dismissed."""
        return self.document.is_dismissed(fingerprint)

    @property
    def can_undo(self) -> bool:
        """Whether :meth:`undo` has something to undo."""
        return bool(self._undo)

    # -- changes -----------------------------------------------------------------------------

    def add(
        self,
        kind: AnnotationKind,
        targets: Sequence[Target],
        comment: str = "",
        tags: Sequence[str] = (),
        discrepancy: DiscrepancyInfo | None = None,
        replacing: Sequence[str] = (),
    ) -> Annotation:
        """Record a new annotation and save it before returning.

        Args:
            replacing: ids of annotations the new one supersedes (a link replaces the unlink
                of two of its sentences): deleted in the same change, so one undo brings
                them back and takes the new one away.

        Raises:
            ReadOnlyNotes: the file is read-only.
            NotesError: no target, or an agreement/contradiction with a single target.
            StorageError: the file could not be written (the change is not kept).
        """
        if not targets:
            raise NotesError("an annotation needs at least one passage")
        if kind != "note" and len(targets) < 2:
            raise NotesError(f"an {kind} links two or more passages")
        now = format_time(self.clock())
        annotation_id = self._fresh_id()
        annotation = Annotation(
            id=annotation_id,
            kind=kind,
            targets=tuple(targets),
            comment=_tidy_comment(comment),
            tags=tuple(tags),
            created=now,
            updated=now,
            discrepancy=discrepancy,
        )
        replaced = [a for a in map(self.document.get, replacing) if a is not None]
        gone = {a.id for a in replaced}

        def add(doc: NotesDocument) -> NotesDocument:
            kept = [a for a in doc.annotations if a.id not in gone]
            return doc.with_annotations([*kept, annotation])

        def revert(doc: NotesDocument) -> NotesDocument:
            doc = _remove_annotation(doc, annotation.id)
            for old in replaced:
                doc = _replace_annotation(doc, old)
            return doc

        self._commit(add, _UndoStep(f"add {kind}", revert))
        return annotation

    def update(
        self,
        annotation_id: str,
        *,
        kind: AnnotationKind | None = None,
        comment: str | None = None,
        tags: Sequence[str] | None = None,
        targets: Sequence[Target] | None = None,
        based_on: Annotation | None = None,
    ) -> Annotation:
        """Change an annotation's kind, comment, tags or targets; saved before returning.

        Args:
            based_on: the version the user edited (e.g. when the editor opened). If the
                annotation changed meanwhile (another writer), both versions are kept: the
                current one under its id, the edit as a copy with ``conflict_of`` set.

        Returns:
            The saved edit (a copy with a new id in the conflict case).
        """
        current = self.document.get(annotation_id)
        if current is None and based_on is None:
            raise NotesError(f"no annotation {annotation_id}")
        original = based_on or current
        assert original is not None
        changes: dict[str, object] = {"updated": format_time(self.clock())}
        if kind is not None:
            changes["kind"] = kind
        if comment is not None:
            changes["comment"] = _tidy_comment(comment)
        if tags is not None:
            changes["tags"] = tuple(tags)
        if targets is not None:
            if not targets:
                raise NotesError("an annotation needs at least one passage")
            changes["targets"] = tuple(targets)
        edited = replace(original, **changes)  # type: ignore[arg-type]
        if current is not None and based_on is not None and current != based_on:
            copy_id = self._fresh_id()
            edited = replace(edited, id=copy_id, conflict_of=annotation_id)
            step = _UndoStep("edit", lambda doc: _remove_annotation(doc, copy_id))
        elif current is None:
            step = _UndoStep("edit", lambda doc: _remove_annotation(doc, annotation_id))
        else:
            previous = current
            step = _UndoStep("edit", lambda doc: _replace_annotation(doc, previous))
        self._commit(lambda doc: _replace_annotation(doc, edited), step)
        return edited

    def delete(self, annotation_id: str) -> Annotation:
        """Delete an annotation (undo brings it back with the same id); saved at once."""
        current = self.document.get(annotation_id)
        if current is None:
            raise NotesError(f"no annotation {annotation_id}")
        self._commit(
            lambda doc: _remove_annotation(doc, annotation_id),
            _UndoStep(f"delete {current.kind}", lambda doc: _replace_annotation(doc, current)),
        )
        return current

    def dismiss(
        self, kind: str, a: CandidateQuote, b: CandidateQuote, explanation: str = ""
    ) -> DismissedCandidate:
        """Remember that the reader dismissed an engine candidate (with the engine's
        ``explanation``, for exports); saved at once."""
        item = dismissed_candidate(kind, a, b, self.clock(), explanation)
        if self.document.is_dismissed(item.fingerprint):
            return next(d for d in self.document.dismissed if d.fingerprint == item.fingerprint)

        def add(doc: NotesDocument) -> NotesDocument:
            return doc.with_dismissed([*doc.dismissed, item])

        def remove(doc: NotesDocument) -> NotesDocument:
            return doc.with_dismissed(d for d in doc.dismissed if d.fingerprint != item.fingerprint)

        self._commit(add, _UndoStep("dismiss candidate", remove))
        return item

    def undismiss(self, fingerprint: str) -> None:
        """Show a dismissed candidate again; saved at once."""
        item = next((d for d in self.document.dismissed if d.fingerprint == fingerprint), None)
        if item is None:
            raise NotesError(f"no dismissed candidate {fingerprint}")

        def remove(doc: NotesDocument) -> NotesDocument:
            return doc.with_dismissed(d for d in doc.dismissed if d.fingerprint != fingerprint)

        def add(doc: NotesDocument) -> NotesDocument:
            return doc.with_dismissed([*doc.dismissed, item])

        self._commit(remove, _UndoStep("restore candidate", add))

    def undo(self) -> str | None:
        """Revert the last change made through this store; returns what was undone, or None.

        Only our own changes are undone; what other writers did meanwhile stays.
        """
        if not self._undo:
            return None
        step = self._undo[-1]
        self._commit(step.revert, None)
        self._undo.pop()
        return step.label

    def _fresh_id(self) -> str:
        """A new id never seen by this store (nor present in our view or on disk)."""
        taken = self.document.ids() | self._base.ids() | self._used_ids
        new_id = self.id_factory()
        while new_id in taken:
            new_id = self.id_factory()
        self._used_ids.add(new_id)
        return new_id

    # -- disk --------------------------------------------------------------------------------

    def refresh(self) -> MergeReport | None:
        """Pick up changes another writer made on disk (call on a timer or on focus).

        Returns:
            What changed in our view, or None when the file is as we left it. If the file on
            disk stopped parsing, the store turns read-only with :attr:`problem` set; if it
            parses again, the store becomes writable again.

        A file emptied under us (0 bytes, blanks, or no ``annotations`` at all, as a bad editor
        save or ``: > notes.yaml`` leaves) while we hold annotations is taken like a deleted
        one, not as "the user deleted everything": our view is kept, ``.bak`` is made the last
        good version at once, and the next change writes everything back. The file itself is
        not rewritten here, so an editor still writing into it is not raced.
        :attr:`emptied_notice` says so.
        """
        with self._locked():
            theirs = self._read_if_changed()
            if theirs is None:
                return None
            merged, report = merge_documents(self._base, self.document, theirs, self._fresh_id)
            self._base = theirs
            self.document = merged
            self._used_ids |= merged.ids()
            if merged != theirs and not self.read_only:
                self._write(merged)
        self.last_merge = report
        return report

    def _load_or_create(self) -> None:
        if not self._wanted_read_only and stale_temps(self.path):
            with self._locked():  # no save is under way: they are left over
                remove_stale_temps(self.path)
        if not self.path.exists():
            if not self._wanted_read_only:
                self._write(self.document)
            return
        with self._locked():
            theirs = self._read_if_changed()
        if theirs is not None:
            self.document = self._base = theirs

    def _read_if_changed(self) -> NotesDocument | None:
        """The document on disk if it differs from what we last saw; None if unchanged.

        Sets :attr:`problem` (and returns None) when it does not parse; clears it when it does.
        """
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return None  # deleted under us: the next save recreates it
        except OSError as exc:
            raise StorageError(f"could not read {self.path}: {exc.strerror or exc}") from exc
        same_stat = self._disk and (stat.st_mtime_ns, stat.st_size) == (
            self._disk.mtime_ns,
            self._disk.size,
        )
        if same_stat and self.problem is None:
            return None
        try:
            check_size(self.path, stat.st_size, MAX_NOTES_BYTES, "notes file")
        except TooLarge as exc:
            self.problem = f"{exc}; opened read-only, the file is left untouched"
            return None
        try:
            data = self.path.read_bytes()
        except OSError as exc:
            raise StorageError(f"could not read {self.path}: {exc.strerror or exc}") from exc
        digest = _sha256(data)
        if self._disk and digest == self._disk.sha256:
            # Back to (or still) the version we know: touched, or a broken edit undone.
            self._disk = DiskState(stat.st_mtime_ns, stat.st_size, digest)
            self.problem = None
            self._set_emptied(False)
            return None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            self.problem = f"{self.path}: not UTF-8 text (byte {exc.start}); opened read-only"
            return None
        try:
            # Blanks are an empty file, even a stray tab that YAML would refuse.
            blank = not text.strip()
            document = NotesDocument() if blank else parse_document(text, str(self.path))
        except StorageError as exc:
            self.problem = f"{exc}; opened read-only, the file is left untouched"
            return None
        self.problem = None
        if self._emptied(text, document):
            self._set_emptied(True)
            return None  # like a deleted file: ours is kept and written back by the next save
        self._set_emptied(False)
        self._disk = DiskState(stat.st_mtime_ns, stat.st_size, digest)
        self._good_bytes = data
        return document

    def _emptied(self, text: str, document: NotesDocument) -> bool:
        """Whether the disk lost everything we hold without saying so (no ``annotations`` list).

        An explicit ``annotations: []`` is a deliberate edit and is merged like any other.
        """
        held = (self._base, self.document)
        if not any(doc.annotations or doc.dismissed for doc in held):
            return False
        if document.annotations or document.dismissed:
            return False
        if not text.strip():
            return True
        data = parse_yaml(text, str(self.path))  # parsed fine a moment ago
        return not isinstance(data, dict) or data.get("annotations") is None

    def _set_emptied(self, emptied: bool) -> None:
        """Enter or leave the emptied state; on entering, make ``.bak`` the last good version."""
        if emptied == self._disk_emptied:
            return
        self._disk_emptied = emptied
        if not emptied:
            self.emptied_notice = None
            return
        count = counted(len(self.document.annotations), "annotation")
        self.emptied_notice = (
            f"{self.path.name} was emptied on disk: your {count} are kept and will be written "
            f"back with the next change (the last good version is in "
            f"{backup_path(self.path).name})"
        )
        if not self._wanted_read_only and self._good_bytes is not None:
            keep_backup(self.path, self._good_bytes)

    def _commit(self, mutate: Mutation, step: _UndoStep | None) -> None:
        """Apply a change to our view, merge with disk, save; only then keep it."""
        if self.read_only:
            raise ReadOnlyNotes(self.problem or f"{self.path} is open read-only")
        with self._locked():
            theirs = self._read_if_changed()
            if self.problem is not None:
                raise ReadOnlyNotes(self.problem)
            mine = mutate(self.document)
            report = None
            if theirs is not None:
                mine, report = merge_documents(self._base, mine, theirs, self._fresh_id)
            self._write(mine)
        self.document = self._base = mine
        self._used_ids |= mine.ids()
        if report is not None:
            self.last_merge = report
        if step is not None:
            self._undo.append(step)

    def _write(self, document: NotesDocument) -> None:
        """Save ``document``; ``.bak`` gets the version on disk, or, when that was emptied or
        deleted under us, the last good version we know (never a blank or a lesser one)."""
        text = dump_document(document)
        disk_is_good = not self._disk_emptied and self.path.exists()
        atomic_write_text(self.path, text, backup_data=None if disk_is_good else self._good_bytes)
        data = text.encode("utf-8")
        stat = self.path.stat()
        self._disk = DiskState(stat.st_mtime_ns, stat.st_size, _sha256(data))
        self._good_bytes = data
        self._set_emptied(False)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold an advisory lock on ``.NAME.lock`` beside the file (no-op without fcntl)."""
        if fcntl is None or self._wanted_read_only:
            yield
            return
        lock_path = self.path.with_name(f".{self.path.name}.lock")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            yield  # a read-only folder: nothing can be written anyway
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            with contextlib.suppress(OSError):
                fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)
