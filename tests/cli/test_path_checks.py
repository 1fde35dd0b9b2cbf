"""The data folder and notes file a user names are checked before anything starts or is written.

Each mistake is one ``reader: ...`` line, the UI never starts and no file is touched; before,
a data folder that was a file surfaced as a dialog on quit, and ``--notes`` on some other YAML
file would have written annotations into it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.cli import main
from tui.core.anchoring import target_for_sentence
from tui.core.corpus import make_article
from tui.core.model import Article
from tui.core.notes_store import NotesStore

SESSION_YAML = "schema_version: 1\nname: flood\narticles: []\nview: {sync: true}\n"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "one.txt"
    path.write_text("A first sentence. A second one.\n", encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "data"
    monkeypatch.setenv("READER_DATA_DIR", str(root))
    return root


def one_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "Traceback" not in err
    return status, err.removesuffix("\n")


# --- the data folder ----------------------------------------------------------------------


@pytest.mark.parametrize("command", [[], ["sessions"]])
def test_data_dir_that_is_a_file(
    tmp_path: Path,
    article: Path,
    capsys: pytest.CaptureFixture[str],
    fake_ui: list[tuple[Article, ...]],
    command: list[str],
) -> None:
    datafile = tmp_path / "datafile"
    datafile.write_text("not a folder\n")
    argv = [*command, "--data-dir", str(datafile)] + ([] if command else [str(article)])
    assert one_line(argv, capsys) == (
        1,
        f"reader: {datafile}: is a file, not a folder (the data folder, from --data-dir)",
    )
    assert fake_ui == [] and datafile.read_text() == "not a folder\n"


def test_data_dir_inside_a_file_from_the_environment(
    tmp_path: Path,
    article: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fake_ui: list[tuple[Article, ...]],
) -> None:
    datafile = tmp_path / "datafile"
    datafile.write_text("x\n")
    monkeypatch.setenv("READER_DATA_DIR", str(datafile / "reader"))
    assert one_line([str(article)], capsys) == (
        1,
        f"reader: {datafile / 'reader'}: {datafile} is a file, not a folder "
        "(the data folder, from READER_DATA_DIR)",
    )
    assert fake_ui == []


def test_missing_data_dir_is_still_created_on_first_use(
    tmp_path: Path, article: Path, fake_ui: list[tuple[Article, ...]]
) -> None:
    """A new data folder is how a first run starts: only a file in the way is refused."""
    assert main(["--data-dir", str(tmp_path / "new" / "data"), str(article)]) == 0
    assert len(fake_ui) == 1


# --- --notes ------------------------------------------------------------------------------


def test_notes_that_is_a_folder(
    tmp_path: Path,
    article: Path,
    capsys: pytest.CaptureFixture[str],
    fake_ui: list[tuple[Article, ...]],
) -> None:
    assert one_line(["--notes", str(tmp_path), str(article)], capsys) == (
        1,
        f"reader: {tmp_path}: is a folder, not a notes file",
    )
    assert fake_ui == []


def test_notes_in_a_missing_folder(
    tmp_path: Path,
    article: Path,
    capsys: pytest.CaptureFixture[str],
    fake_ui: list[tuple[Article, ...]],
) -> None:
    notes = tmp_path / "flod" / "notes.yaml"
    assert one_line(["--notes", str(notes), str(article)], capsys) == (
        1,
        f"reader: {notes}: the folder {notes.parent} does not exist (reader creates no folders)",
    )
    assert fake_ui == [] and not notes.parent.exists()


def test_notes_that_is_another_yaml_file(
    tmp_path: Path,
    article: Path,
    capsys: pytest.CaptureFixture[str],
    fake_ui: list[tuple[Article, ...]],
) -> None:
    other = tmp_path / "flood.yaml"
    other.write_text(SESSION_YAML)
    assert one_line(["--notes", str(other), str(article)], capsys) == (
        1,
        f"reader: {other}: not a reader notes file (it has name, articles, view but no "
        "annotations)",
    )
    assert fake_ui == [] and other.read_text() == SESSION_YAML


@pytest.mark.parametrize(
    "content", [None, "", "schema_version: 1\n", "schema_version: 1\nannotations: []\nmine: 1\n"]
)
def test_new_empty_or_real_notes_file_opens(
    tmp_path: Path, article: Path, fake_ui: list[tuple[Article, ...]], content: str | None
) -> None:
    notes = tmp_path / "notes.yaml"
    if content is not None:
        notes.write_text(content)
    assert main(["--notes", str(notes), str(article)]) == 0
    assert len(fake_ui) == 1


def test_unparsable_notes_file_is_left_to_the_app(
    tmp_path: Path, article: Path, fake_ui: list[tuple[Article, ...]]
) -> None:
    """The app's dialog gives file and line and offers read-only or a new file."""
    notes = tmp_path / "notes.yaml"
    notes.write_text("annotations: [\n")
    assert main(["--notes", str(notes), str(article)]) == 0
    assert len(fake_ui) == 1


# --- reader export NOTES --------------------------------------------------------------------


def test_export_of_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert one_line(["export", str(tmp_path)], capsys) == (
        1,
        f"reader: {tmp_path}: is a folder, not a notes file",
    )


def test_export_of_another_yaml_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A session file passed by mistake used to export as an empty report, status 0."""
    other = tmp_path / "flood.yaml"
    other.write_text(SESSION_YAML)
    status, err = one_line(["export", str(other)], capsys)
    assert status == 1 and err.startswith(f"reader: {other}: not a reader notes file")


def test_export_of_a_real_notes_file_still_works(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wire = make_article("wire", "/n/wire.txt", "The mayor said 12 died.")
    notes = tmp_path / "notes.yaml"
    NotesStore(notes).add("note", [target_for_sentence(wire, wire.sentences[0])], comment="x")
    assert main(["export", str(notes)]) == 0
    assert capsys.readouterr().out.startswith("# Notes: notes.yaml\n\n1 annotation: 1 note.")


LOOP = "symlink loop (its links lead back to each other, to no file)"


@pytest.fixture
def loop(tmp_path: Path) -> Path:
    """``a`` -> ``b`` -> ``a``: a path that leads nowhere."""
    (tmp_path / "b").symlink_to(tmp_path / "a")
    (tmp_path / "a").symlink_to(tmp_path / "b")
    return tmp_path / "a"


@pytest.mark.parametrize(
    "argv",
    [
        ["--notes", "{loop}", "{article}"],
        ["export", "{loop}"],
        ["align", "{article}", "{article}", "-o", "{loop}"],
        ["--data-dir", "{loop}", "{article}"],
    ],
)
def test_a_symlink_loop_is_one_line(
    argv: list[str],
    loop: Path,
    article: Path,
    capsys: pytest.CaptureFixture[str],
    fake_ui: list[tuple[Article, ...]],
) -> None:
    args = [a.format(loop=loop, article=article) for a in argv]
    status, err = one_line(args, capsys)
    assert status in (1, 2)
    assert LOOP in err and str(loop) in err
    assert fake_ui == []  # the UI never started


def test_export_to_a_symlink_loop_is_one_line(
    loop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.yaml"
    notes.write_text("schema_version: 1\nannotations: []\n", encoding="utf-8")
    status, err = one_line(["export", str(notes), "-o", str(loop)], capsys)
    assert status == 1
    assert err == f"reader: {loop}: {LOOP}"


def test_an_article_that_is_a_symlink_loop_is_skipped_in_one_line(
    loop: Path,
    article: Path,
    capsys: pytest.CaptureFixture[str],
    fake_ui: list[tuple[Article, ...]],
) -> None:
    assert main([str(loop), str(article)]) == 0
    assert capsys.readouterr().err == f"reader: {loop}: {LOOP}; skipped\n"
    assert [a.path for a in fake_ui[0]] == [str(article.resolve())]
