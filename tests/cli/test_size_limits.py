"""Notes, session and keymap files over their size limit are refused in one line, unread.

The big files are sparse (a size without the data), so the tests write nothing to disk.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.cli import main
from tui.core.notes import MAX_NOTES_BYTES
from tui.core.notes_store import NotesStore
from tui.core.sessions import MAX_SESSION_BYTES, SessionError, SessionStore
from tui.keymap import KEYMAP_FILE, MAX_KEYMAP_BYTES, load_keymap


def sparse(path: Path, size: int) -> Path:
    with path.open("wb") as stream:
        stream.truncate(size)
    return path


@pytest.fixture
def huge_notes(tmp_path: Path) -> Path:
    return sparse(tmp_path / "huge.yaml", MAX_NOTES_BYTES + 1)


def test_export_refuses_a_notes_file_over_the_limit(
    huge_notes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(huge_notes)]) == 1
    assert capsys.readouterr().err == (
        f"reader: {huge_notes}: too large for a notes file (50.0 MB; the limit is 50 MB)\n"
    )


def test_notes_option_refuses_a_file_over_the_limit(
    huge_notes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--notes", str(huge_notes)]) == 1  # before the app starts
    err = capsys.readouterr().err
    assert (
        err == f"reader: {huge_notes}: too large for a notes file (50.0 MB; the limit is 50 MB)\n"
    )


def test_the_app_opens_a_notes_file_over_the_limit_read_only(huge_notes: Path) -> None:
    store = NotesStore(huge_notes)
    assert store.read_only
    assert store.problem == (
        f"{huge_notes}: too large for a notes file (50.0 MB; the limit is 50 MB); "
        "opened read-only, the file is left untouched"
    )
    assert huge_notes.stat().st_size == MAX_NOTES_BYTES + 1  # never written


def test_a_session_file_over_the_limit_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = SessionStore(tmp_path)
    store.folder.mkdir(parents=True, exist_ok=True)
    path = sparse(store.path_for("big"), MAX_SESSION_BYTES + 1)
    with pytest.raises(SessionError) as caught:
        store.load("big")
    assert str(caught.value) == (
        f"{path}: too large for a session file (5.0 MB; the limit is 5 MB)"
    )
    assert main(["sessions", "--data-dir", str(tmp_path)]) == 0
    assert capsys.readouterr().err == (
        f"reader: session big: {path}: too large for a session file (5.0 MB; the limit is 5 MB)\n"
    )


def test_a_keymap_over_the_limit_is_ignored_in_one_line(tmp_path: Path) -> None:
    sparse(tmp_path / KEYMAP_FILE, MAX_KEYMAP_BYTES + 1)
    keymap = load_keymap(tmp_path, ("reader.quit",))
    assert keymap.bindings == {}
    assert keymap.problems == (
        f"keymap ignored: {tmp_path / KEYMAP_FILE}: too large for a keymap "
        "(1.0 MB; the limit is 1 MB)",
    )


def test_a_file_just_under_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / KEYMAP_FILE
    path.write_text("reader.quit: Q\n" + "#" * (MAX_KEYMAP_BYTES - 100) + "\n", encoding="utf-8")
    assert load_keymap(tmp_path, ("reader.quit",)).bindings == {"reader.quit": "Q"}
