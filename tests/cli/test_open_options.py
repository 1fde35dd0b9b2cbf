"""``reader [options] [PATH...]``: options that contradict each other are refused in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.cli import main
from tui.core.corpus import load_paths
from tui.core.model import Article
from tui.core.sessions import SessionStore


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "data"
    monkeypatch.setenv("READER_DATA_DIR", str(root))
    return root


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "one.txt"
    path.write_text("A first sentence. A second one.\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "argv",
    [["--session", "flood", "--resume"], ["--resume", "--session", "flood"]],
)
def test_session_and_resume_together_are_refused(
    data: Path,
    article: Path,
    capsys: pytest.CaptureFixture[str],
    fake_ui: list[tuple[Article, ...]],
    argv: list[str],
) -> None:
    """Both sessions exist, so either could be meant: reader must not guess."""
    store = SessionStore(data)
    for name in ("flood", "quake"):  # quake is saved last: --resume alone would open it
        store.save(store.new(name, ()))
    status = main(argv)
    err = capsys.readouterr().err
    assert status == 2 and fake_ui == []
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("reader: --session and --resume cannot be used together")
    assert "--session flood" in err  # says how to reopen the named one
    assert store.resume().name == "quake"  # nothing was opened, so nothing became "last"


def test_session_name_alone_reopens_it(
    data: Path, article: Path, fake_ui: list[tuple[Article, ...]]
) -> None:
    """What the error message recommends does work: ``--session NAME`` reopens a saved one."""
    store = SessionStore(data)
    store.save(store.new("flood", load_paths([str(article)]).articles))
    store.save(store.new("quake", ()))
    assert main(["--session", "flood"]) == 0
    assert [[a.path for a in opened] for opened in fake_ui] == [[str(article)]]


@pytest.mark.parametrize("value", ["500", "-1", "nan"])
def test_threshold_out_of_range_is_refused_before_the_ui(
    data: Path,
    article: Path,
    capsys: pytest.CaptureFixture[str],
    fake_ui: list[tuple[Article, ...]],
    value: str,
) -> None:
    """The UI used to open with nothing matched, and saved the value into the session."""
    status = main(["--threshold", value, str(article)])
    err = capsys.readouterr().err
    assert (status, fake_ui) == (2, [])
    assert err == (
        f"reader: argument --threshold: must be between 0 and 100, not {value}; "
        "see 'reader --help'\n"
    )
    assert not (data / "sessions").exists()


def test_threshold_in_range_reaches_the_ui(
    data: Path, article: Path, fake_ui: list[tuple[Article, ...]]
) -> None:
    assert main(["--threshold", "100", str(article)]) == 0
    assert main(["align", "--threshold", "0", str(article)]) == 0


def test_empty_session_name_is_refused_not_taken_as_default(
    data: Path,
    article: Path,
    capsys: pytest.CaptureFixture[str],
    fake_ui: list[tuple[Article, ...]],
) -> None:
    assert main(["--session", "", str(article)]) == 2  # a usage mistake
    err = capsys.readouterr().err
    assert err.startswith("reader: invalid session name ''") and err.count("\n") == 1
    assert fake_ui == []


@pytest.mark.parametrize("extra", [[], ["PATH"]])
def test_a_session_name_ending_in_notes_is_refused_before_anything_is_written(
    data: Path,
    article: Path,
    capsys: pytest.CaptureFixture[str],
    fake_ui: list[tuple[Article, ...]],
    extra: list[str],
) -> None:
    """``a.notes.yaml`` is session a's notes file: session "a.notes" would write into it."""
    store = SessionStore(data)
    store.save(store.new("a", ()))
    notes = store.default_notes_path("a")
    notes.write_text("schema_version: 1\nannotations: []\n", encoding="utf-8")
    paths = [str(article) if p == "PATH" else p for p in extra]
    assert main(["--session", "a.notes", *paths]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("reader: invalid session name 'a.notes': a name may not end in")
    assert "notes file of session 'a'" in err
    assert fake_ui == []
    assert notes.read_text(encoding="utf-8") == "schema_version: 1\nannotations: []\n"
    assert [row.name for row in store.list()] == ["a"]


@pytest.mark.parametrize("command", [[], ["align"]])
def test_empty_path_does_not_open_the_current_folder(
    tmp_path: Path,
    data: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fake_ui: list[tuple[Article, ...]],
    command: list[str],
) -> None:
    (tmp_path / "stray.txt").write_text("A file that happens to be here.\n")
    monkeypatch.chdir(tmp_path)
    assert main([*command, ""]) == 1
    out, err = capsys.readouterr()
    assert (out, err, fake_ui) == ("", "reader: '': empty path (no file or folder named)\n", [])


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--notes", ""], "--notes '': empty path (no file named)"),
        (["--data-dir", ""], "--data-dir '': empty path (no folder named)"),
        (["sessions", "--data-dir", ""], "--data-dir '': empty path (no folder named)"),
    ],
)
def test_an_empty_option_value_is_refused_not_taken_as_the_default(
    data: Path,
    article: Path,
    capsys: pytest.CaptureFixture[str],
    fake_ui: list[tuple[Article, ...]],
    argv: list[str],
    message: str,
) -> None:
    """As an empty PATH is: an unset variable must not quietly mean the default file."""
    paths = [] if argv[0] == "sessions" else [str(article)]
    assert main([*argv, *paths]) == 2
    out, err = capsys.readouterr()
    assert (out, err, fake_ui) == ("", f"reader: {message}\n", [])
    assert not data.exists()  # nothing was written to the default data folder


def test_a_new_session_name_is_said_on_the_terminal_and_in_the_app(
    data: Path, capsys: pytest.CaptureFixture[str], fake_ui: list[tuple[Article, ...]]
) -> None:
    from tests.cli.conftest import OpenedApp

    assert main(["--session", "nosuch"]) == 0
    assert capsys.readouterr().err == "reader: new session 'nosuch'\n"
    assert OpenedApp.notices == [("new session 'nosuch'",)]


@pytest.mark.parametrize(
    ("typed", "offered"),
    [
        ("flod", "'flood'"),  # a typo
        ("Flood", "'flood'"),  # another case
        ("flood-2", "'flood'"),
        ("quakes", "'quake'"),
    ],
)
def test_a_new_session_name_close_to_saved_ones_lists_them(
    data: Path,
    article: Path,
    capsys: pytest.CaptureFixture[str],
    fake_ui: list[tuple[Article, ...]],
    typed: str,
    offered: str,
) -> None:
    from tests.cli.conftest import OpenedApp

    store = SessionStore(data)
    for name in ("flood", "quake", "budget"):
        store.save(store.new(name, ()))
    assert main(["--session", typed, str(article)]) == 0
    expected = f"new session '{typed}' (saved sessions with a close name: {offered})"
    assert capsys.readouterr().err == f"reader: {expected}\n"
    assert OpenedApp.notices == [(expected,)]


def test_reopening_a_saved_session_or_the_default_announces_nothing(
    data: Path,
    article: Path,
    capsys: pytest.CaptureFixture[str],
    fake_ui: list[tuple[Article, ...]],
) -> None:
    store = SessionStore(data)
    store.save(store.new("flood", load_paths([str(article)]).articles))
    assert main(["--session", "flood"]) == 0
    assert main([str(article)]) == 0  # the default session, new the first time
    assert "new session" not in capsys.readouterr().err
