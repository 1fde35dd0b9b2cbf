"""Saves that lose nothing: an emptied notes file, permissions, symlinks, FIFOs and devices.

An editor's bad save (or ``: > notes.yaml``) must not read as "the reader deleted everything",
and ``.bak`` must stay the last good version. A save keeps the file's mode (a private notes
file stays private). A symlink stays a link, its target is replaced; a FIFO or device is
written in place, never swapped for a regular file.
"""

from __future__ import annotations

import itertools
import os
import stat
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tui.core.anchoring import target_for_sentence
from tui.core.corpus import make_article
from tui.core.notes import Target, parse_document
from tui.core.notes_store import NotesStore
from tui.core.sessions import SessionStore
from tui.core.storage import StorageError, atomic_write_text, backup_path

WIRE = make_article("wire", "/n/wire.txt", "The mayor said 12 died. Rain fell. Roads shut.")


def one(i: int = 0) -> list[Target]:
    return [target_for_sentence(WIRE, WIRE.sentences[i % len(WIRE.sentences)])]


def store(path: Path) -> NotesStore:
    start = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    ticks = itertools.count()
    ids = itertools.count(1)
    return NotesStore(
        path,
        clock=lambda: start + timedelta(seconds=next(ticks)),
        id_factory=lambda: f"a-{next(ids):04d}",
    )


def ids_in(text: str) -> list[str]:
    return [a.id for a in parse_document(text).annotations]


def with_six(path: Path) -> NotesStore:
    notes = store(path)
    for i in range(6):
        notes.add("note", one(i), comment=f"note {i}")
    return notes


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


# -- an emptied notes file ---------------------------------------------------------------------

EMPTIED = {
    "zero bytes": "",
    "blanks": "\n  \n\t\n",
    "comment only": "# reader notes file\n",
    "no annotations key": "schema_version: 1\n",
    "annotations: null": "schema_version: 1\nannotations:\n",
}


@pytest.mark.parametrize("emptied", EMPTIED.values(), ids=EMPTIED.keys())
def test_an_emptied_file_loses_nothing(tmp_path: Path, emptied: str) -> None:
    path = tmp_path / "notes.yaml"
    notes = with_six(path)
    six = ids_in(path.read_text())
    path.write_text(emptied)  # the bad editor save, or ``: > notes.yaml``

    assert notes.refresh() is None  # not "6 removed"
    assert [a.id for a in notes.annotations] == six
    assert ids_in(backup_path(path).read_text()) == six  # at once, before any save
    assert notes.emptied_notice and "emptied" in notes.emptied_notice

    added = notes.add("note", one(), comment="seventh")
    assert ids_in(path.read_text()) == [*six, added.id]
    assert ids_in(backup_path(path).read_text()) == six  # never the emptied version
    assert notes.emptied_notice is None


def test_emptied_then_saved_twice_keeps_the_backup_good(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    notes = with_six(path)
    path.write_text("")
    notes.add("note", one(), comment="seventh")
    seven = ids_in(path.read_text())
    assert len(seven) == 7
    notes.add("note", one(1), comment="eighth")
    assert ids_in(backup_path(path).read_text()) == seven


def test_emptied_file_seen_only_by_the_next_change(tmp_path: Path) -> None:
    """No poll between the truncation and the key press: the change still keeps all six."""
    path = tmp_path / "notes.yaml"
    notes = with_six(path)
    six = ids_in(path.read_text())
    path.write_text("")
    added = notes.add("note", one(), comment="seventh")
    assert ids_in(path.read_text()) == [*six, added.id]
    assert ids_in(backup_path(path).read_text()) == six


def test_emptied_file_then_refilled_by_the_editor_merges_as_usual(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    notes = with_six(path)
    good = path.read_text()
    path.write_text("")
    assert notes.refresh() is None
    path.write_text(good.replace("comment: note 5", "comment: note 5, edited"))
    report = notes.refresh()
    assert report is not None and len(report.changed) == 1 and not report.removed
    assert len(notes.annotations) == 6 and notes.emptied_notice is None


def test_explicitly_emptied_list_is_still_a_deletion(tmp_path: Path) -> None:
    """``annotations: []`` is written on purpose: merged as a deletion, as before."""
    path = tmp_path / "notes.yaml"
    notes = with_six(path)
    path.write_text("schema_version: 1\nannotations: []\n")
    report = notes.refresh()
    assert report is not None and len(report.removed) == 6
    assert notes.annotations == ()


def test_deleted_file_backup_is_the_last_good_version(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    notes = with_six(path)
    six = ids_in(path.read_text())
    path.unlink()
    notes.add("note", one(), comment="seventh")
    assert len(ids_in(path.read_text())) == 7
    assert ids_in(backup_path(path).read_text()) == six


def test_a_blank_file_never_becomes_the_backup(tmp_path: Path) -> None:
    target = tmp_path / "settings.yaml"
    atomic_write_text(target, "good: 1\n")
    atomic_write_text(target, "good: 2\n")
    target.write_text("  \n")
    atomic_write_text(target, "good: 3\n")
    assert backup_path(target).read_text() == "good: 1\n"


# -- permissions ---------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", [0o600, 0o444, 0o640], ids=oct)
def test_notes_save_keeps_the_file_mode(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "notes.yaml"
    notes = store(path)
    notes.add("note", one(), comment="first")
    path.chmod(mode)
    notes.add("note", one(1), comment="private")
    assert mode_of(path) == mode
    assert mode_of(backup_path(path)) == mode  # the copy is as private as the file


def test_a_new_file_gets_the_umask_default(tmp_path: Path, umask_022: None) -> None:
    os.umask(0o077)
    target = tmp_path / "new.md"
    atomic_write_text(target, "x")
    assert mode_of(target) == 0o600
    os.umask(0o022)
    other = tmp_path / "other.md"
    atomic_write_text(other, "x")
    assert mode_of(other) == 0o644


def test_session_save_keeps_the_file_mode(tmp_path: Path) -> None:
    sessions = SessionStore(tmp_path / "sessions")
    saved = sessions.save(sessions.new("Daily", [WIRE]))
    path = sessions.path_for(saved.name)
    path.chmod(0o600)
    sessions.save(saved)
    assert mode_of(path) == 0o600


# -- symlinks, FIFOs, devices --------------------------------------------------------------------


def test_symlink_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old\n")
    real.chmod(0o600)
    link = tmp_path / "link.md"
    link.symlink_to("real.md")
    atomic_write_text(link, "new\n")
    assert link.is_symlink() and os.readlink(link) == "real.md"
    assert real.read_text() == "new\n" and mode_of(real) == 0o600
    assert backup_path(real).read_text() == "old\n"  # the backup sits beside the real file
    assert not backup_path(link).exists()


def test_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "made.md")
    atomic_write_text(link, "made\n", backup=False)
    assert link.is_symlink() and (tmp_path / "made.md").read_text() == "made\n"


def test_symlinked_notes_file_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "store" / "notes.yaml"
    real.parent.mkdir()
    link = tmp_path / "notes.yaml"
    link.symlink_to(real)
    notes = store(link)
    added = notes.add("note", one(), comment="through the link")
    assert link.is_symlink() and ids_in(real.read_text()) == [added.id]


def _drain(fifo: Path) -> tuple[threading.Thread, list[bytes]]:
    got: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as handle:
            got.append(handle.read())

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread, got


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_is_written_in_place(tmp_path: Path) -> None:
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    thread, got = _drain(fifo)
    atomic_write_text(fifo, "through the pipe\n")
    thread.join(timeout=10)
    assert got == [b"through the pipe\n"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert not backup_path(fifo).exists()
    assert [p.name for p in tmp_path.iterdir()] == ["out.fifo"]


def full_device(folder: Path) -> Path:
    """A private copy of /dev/full's node in ``folder`` (root only): never the real one."""
    real = Path("/dev/full")
    if not real.is_char_device():
        pytest.skip("/dev/full is not a character device here")
    node = folder / "full"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.stat(real).st_rdev)
    except (PermissionError, OSError) as exc:
        pytest.skip(f"cannot make a device node here: {exc}")
    try:
        with open(node, "wb", buffering=0) as handle:
            handle.write(b"x")
    except OSError as exc:
        if exc.errno != 28:
            pytest.skip(f"device nodes do not work in {folder}: {exc}")
    return node


def test_full_device_is_a_clear_error_and_stays_a_device(tmp_path: Path) -> None:
    node = full_device(tmp_path)
    with pytest.raises(StorageError, match=r"could not write .*full: No space left on device"):
        atomic_write_text(node, "report\n")
    assert stat.S_ISCHR(node.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["full"]


def test_link_to_a_device_writes_the_device(tmp_path: Path) -> None:
    node = full_device(tmp_path)
    link = tmp_path / "link"
    link.symlink_to(node)
    with pytest.raises(StorageError, match="No space left on device"):
        atomic_write_text(link, "report\n")
    assert link.is_symlink() and stat.S_ISCHR(node.lstat().st_mode)
