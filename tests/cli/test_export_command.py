"""``reader export``: every format to stdout or a file; bad notes files give one clear line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.anchoring import target_for_sentence
from tui.core.corpus import make_article
from tui.core.notes_store import NotesStore


@pytest.fixture
def notes_file(tmp_path: Path) -> Path:
    wire = make_article("wire", "/n/wire.txt", "The mayor said 12 died. Rain fell.")
    ap = make_article("ap", "/n/ap.txt", "The mayor said 14 died. It rained.")
    path = tmp_path / "notes.yaml"
    store = NotesStore(path)
    store.add(
        "contradiction",
        [target_for_sentence(wire, wire.sentences[0]), target_for_sentence(ap, ap.sentences[0])],
        comment="12 or 14?",
    )
    store.add("note", [target_for_sentence(ap, ap.sentences[1])], comment="weather")
    return path


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


def test_markdown_to_stdout(notes_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(["export", str(notes_file)], capsys)
    assert (status, err) == (0, "")
    assert out.startswith("# Notes: notes.yaml\n\n2 annotations: 1 contradiction, 1 note.")
    assert "> The mayor said 14 died." in out and "12 or 14?" in out


def test_csv_and_jsonld(notes_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["export", str(notes_file), "--format", "csv"], capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert sorted(r["kind"] for r in rows) == ["contradiction", "contradiction", "note"]
    _, out, _ = run(["export", str(notes_file), "--format", "jsonld"], capsys)
    assert json.loads(out)["total"] == 2


def test_output_file(notes_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out" / "report.json"
    target.parent.mkdir()
    status, out, _ = run(
        ["export", str(notes_file), "--format", "jsonld", "-o", str(target)], capsys
    )
    assert (status, out) == (0, "")
    assert json.loads(target.read_text())["type"] == "AnnotationCollection"


def test_missing_output_folder_is_refused_not_created(
    notes_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A typo in the folder name must not put the report somewhere unexpected."""
    target = tmp_path / "reprots" / "flood.md"
    status, out, err = run(["export", str(notes_file), "-o", str(target)], capsys)
    assert (status, out) == (1, "")
    folder = target.parent
    assert (
        err == f"reader: {target}: the folder {folder} does not exist (reader creates no folders)\n"
    )
    assert not target.parent.exists()


@pytest.mark.parametrize(
    ("output", "message"),
    [
        ("{tmp}", "{tmp}: is a folder; give the name of a file to write"),
        ("{notes}/report.md", "{notes}/report.md: {notes} is not a folder"),
    ],
)
def test_output_path_that_cannot_be_a_file_is_one_line(
    notes_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    output: str,
    message: str,
) -> None:
    names = {"tmp": tmp_path, "notes": notes_file}
    before = notes_file.read_bytes()
    status, out, err = run(["export", str(notes_file), "-o", output.format(**names)], capsys)
    assert (status, out) == (1, "")
    assert err == f"reader: {message.format(**names)}\n"
    assert notes_file.read_bytes() == before


def test_refuses_to_overwrite_the_notes_file(
    notes_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = notes_file.read_bytes()
    status, _, err = run(["export", str(notes_file), "-o", str(notes_file)], capsys)
    assert status == 1 and "refusing to overwrite" in err
    assert notes_file.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("schema_version: 1\nannotations: [\n", "line 3: not valid YAML"),
        ("x: !!python/object/apply:os.system ['true']\n", "line 1: refused"),
        (
            "schema_version: 1\nannotations:\n- id: a\n  kind: maybe\n",
            "line 4: annotations[0].kind",
        ),
    ],
)
def test_bad_notes_file_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content)
    status, out, err = run(["export", str(path)], capsys)
    assert status == 1 and out == ""
    assert len(err.splitlines()) == 1
    assert err.startswith(f"reader: {path}, ") and message in err
    assert path.read_text() == content


def test_missing_notes_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(["export", str(tmp_path / "nope.yaml")], capsys)
    assert status == 1 and err.strip() == f"reader: {tmp_path / 'nope.yaml'}: no such notes file"
