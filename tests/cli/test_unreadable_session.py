"""``reader --session NAME PATH`` on a session file that cannot be read: wired to the app, and
what the app could not save is said again on the terminal after it quits."""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import ClassVar

import pytest

from tui.cli import main
from tui.core.sessions import SessionStore

BROKEN = "schema_version: 1\nname: flood\narticles: [\n  - path: x\n"


class QuitUnsaved:
    """Stands in for ReaderApp: records its options; quitting leaves the session unsaved."""

    given: ClassVar[dict[str, object]] = {}

    def __init__(self, articles: object, **options: object) -> None:
        QuitUnsaved.given = options
        self.return_code = 0
        self.unsaved_problem: str | None = None

    def run(self) -> None:
        problem = QuitUnsaved.given["session_problem"]
        self.unsaved_problem = f"session “flood” not saved: {problem}; the file is left as it is"


def test_the_reason_reaches_the_app_and_the_terminal_after_quitting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store = SessionStore(tmp_path / "data")
    store.folder.mkdir(parents=True)
    path = store.path_for("flood")
    path.write_text(BROKEN, encoding="utf-8")
    article = tmp_path / "one.txt"
    article.write_text("A first sentence. A second one.\n", encoding="utf-8")
    module = types.ModuleType("tui.app")
    module.ReaderApp = QuitUnsaved  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tui.app", module)

    status = main(["--data-dir", str(store.root), "--session", "flood", str(article)])

    assert status == 0
    problem = QuitUnsaved.given["session_problem"]
    assert isinstance(problem, str) and problem.startswith(f"{path}, line 4: not valid YAML")
    err = capsys.readouterr().err
    assert err == f"reader: session “flood” not saved: {problem}; the file is left as it is\n"
    assert path.read_text(encoding="utf-8") == BROKEN


def test_a_broken_session_named_alone_is_one_line_and_nothing_opens(
    tmp_path: Path, fake_ui: list[object], capsys: pytest.CaptureFixture[str]
) -> None:
    """Without PATHs there is nothing to read: refused, with the file and line."""
    store = SessionStore(tmp_path / "data")
    store.folder.mkdir(parents=True)
    path = store.path_for("flood")
    path.write_text(BROKEN, encoding="utf-8")
    status = main(["--data-dir", str(store.root), "--session", "flood"])
    err = capsys.readouterr().err
    assert status == 1 and fake_ui == []
    assert err.startswith(f"reader: {path}, line 4: not valid YAML") and err.count("\n") == 1
    assert path.read_text(encoding="utf-8") == BROKEN


def test_a_session_file_that_is_a_folder_is_refused_at_start(
    tmp_path: Path, fake_ui: list[object], capsys: pytest.CaptureFixture[str]
) -> None:
    """Not the seeds in a fresh view with "session not saved" only on quit: one line, now."""
    store = SessionStore(tmp_path / "data")
    path = store.path_for("a")
    path.mkdir(parents=True)
    status = main(["--data-dir", str(store.root), "--session", "a"])
    err = capsys.readouterr().err
    assert (status, fake_ui) == (1, [])
    assert err == f"reader: {path}: is a folder where the session file goes\n"
    assert path.is_dir() and not (store.folder / "last").exists()


def test_a_session_folder_with_paths_opens_them_with_the_reason_and_never_saves_over_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store = SessionStore(tmp_path / "data")
    path = store.path_for("flood")
    path.mkdir(parents=True)
    article = tmp_path / "one.txt"
    article.write_text("A first sentence. A second one.\n", encoding="utf-8")
    module = types.ModuleType("tui.app")
    module.ReaderApp = QuitUnsaved  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tui.app", module)
    assert main(["--data-dir", str(store.root), "--session", "flood", str(article)]) == 0
    assert (
        QuitUnsaved.given["session_problem"] == f"{path}: is a folder where the session file goes"
    )
    assert path.is_dir()
