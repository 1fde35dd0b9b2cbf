"""``reader sessions``: a table of saved sessions from the data folder (env or flag)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.cli import main
from tui.core.anchoring import target_for_sentence
from tui.core.corpus import make_article
from tui.core.notes_store import NotesStore
from tui.core.sessions import SessionStore


def make_sessions(root: Path) -> None:
    store = SessionStore(root)
    docs = [
        make_article("wire", "/n/wire.txt", "The mayor said 12 died."),
        make_article("ap", "/n/ap.txt", "The mayor said 14 died."),
    ]
    flood = store.save(store.new("flood", docs))
    NotesStore(flood.notes).add("note", [target_for_sentence(docs[0], docs[0].sentences[0])])
    store.save(store.new("quake", docs[:1]))


def test_lists_sessions_from_env_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    make_sessions(tmp_path)
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path))
    assert main(["sessions"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    lines = out.splitlines()
    assert lines[0].split() == ["NAME", "ARTICLES", "NOTES", "LAST", "OPENED"]
    rows = {
        line.split()[1] if line.startswith("*") else line.split()[0]: line for line in lines[1:]
    }
    assert set(rows) == {"flood", "quake"}
    assert rows["quake"].startswith("* quake")  # the one --resume reopens
    assert rows["flood"].split()[1:3] == ["2", "1"]
    assert rows["quake"].split()[2:4] == ["1", "-"]
    assert "UTC" in rows["flood"]


def test_flag_beats_env(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    make_sessions(tmp_path / "a")
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "empty"))
    assert main(["sessions", "--data-dir", str(tmp_path / "a")]) == 0
    assert "flood" in capsys.readouterr().out


def test_no_sessions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path))
    assert main(["sessions"]) == 0
    assert capsys.readouterr().out.strip() == f"no saved sessions in {tmp_path / 'sessions'}"


def test_unreadable_session_is_listed_and_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    make_sessions(tmp_path)
    (tmp_path / "sessions" / "broken.yaml").write_text("name: [\n")
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path))
    assert main(["sessions"]) == 0
    out, err = capsys.readouterr()
    assert "broken" in out and "flood" in out
    assert err.startswith("reader: session broken: ") and "line 2" in err
    assert "Traceback" not in err
