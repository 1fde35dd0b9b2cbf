"""Which output paths a report may be written to (shared by the CLI and the Export dialog)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.output_path import export_path_problem, output_path_problem


@pytest.fixture
def place(tmp_path: Path) -> dict[str, Path]:
    notes = tmp_path / "notes.yaml"
    notes.write_text("schema_version: 1\n", encoding="utf-8")
    return {"tmp": tmp_path, "notes": notes}


@pytest.mark.parametrize(
    ("path", "problem"),
    [
        ("{tmp}/report.md", None),
        ("{notes}", None),  # an existing file is replaced, atomically
        ("{tmp}", "{tmp}: is a folder; give the name of a file to write"),
        ("{notes}/report.md", "{notes}/report.md: {notes} is not a folder"),
        (
            "{tmp}/reprots/report.md",
            "{tmp}/reprots/report.md: the folder {tmp}/reprots does not exist "
            "(reader creates no folders)",
        ),
    ],
)
def test_output_path_problem(place: dict[str, Path], path: str, problem: str | None) -> None:
    expected = None if problem is None else problem.format(**place)
    assert output_path_problem(Path(path.format(**place))) == expected
    assert not (place["tmp"] / "reprots").exists()


def test_export_never_goes_to_the_notes_file_even_before_it_exists(tmp_path: Path) -> None:
    notes = tmp_path / "notes.yaml"  # not written yet: no annotation saved
    same = tmp_path / "sub" / ".." / "notes.yaml"
    assert export_path_problem(same, notes) == (
        f"{same}: refusing to overwrite the notes file being exported"
    )
    assert export_path_problem(tmp_path / "notes.md", notes) is None
