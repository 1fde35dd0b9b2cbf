"""A file or folder named like a subcommand never hijacks it; ``./NAME`` opens the path."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.cli import main
from tui.core.corpus import make_article
from tui.core.model import Article
from tui.core.sessions import SessionStore


def test_sessions_in_the_data_folder_lists_sessions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store = SessionStore(tmp_path)
    store.save(store.new("flood", [make_article("wire", "/n/wire.txt", "Rain fell.")]))
    monkeypatch.chdir(tmp_path)  # cd DATA: sessions/ is right here
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path))
    assert main(["sessions"]) == 0
    out, err = capsys.readouterr()
    assert err == "" and "flood" in out


def test_align_beside_an_align_folder_is_the_subcommand(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "align").mkdir()
    (tmp_path / "a.txt").write_text("The mayor said 12 died.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The mayor said 14 died.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["align", "--format", "markdown", "a.txt", "b.txt"]) == 0
    out, err = capsys.readouterr()
    assert err == "" and out.startswith("#")


def test_dot_slash_opens_the_folder_named_like_a_subcommand(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_ui: list[tuple[Article, ...]]
) -> None:
    (tmp_path / "sessions").mkdir()
    (tmp_path / "sessions" / "wire.txt").write_text("The mayor said 12 died.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["--data-dir", str(tmp_path / "data"), "./sessions"]) == 0
    assert [a.path.endswith("wire.txt") for a in fake_ui[0]] == [True]
