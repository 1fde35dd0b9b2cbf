"""The Export dialog refuses the paths ``reader export -o`` refuses, inside the dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from tests.app.reading_fixture import aligned, notes_app, sample_corpus
from tui.app import ReaderApp
from tui.screens.export import ExportScreen
from tui.screens.reading import ReadingScreen

SIZE = (120, 40)


async def open_dialog(app: ReaderApp, pilot: object) -> ExportScreen:
    await aligned(pilot)  # type: ignore[arg-type]
    await pilot.press("j", "a")  # type: ignore[attr-defined]
    app.action_export_notes()
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, ExportScreen)
    return app.screen


async def submit(pilot: object, screen: ExportScreen, value: str) -> str:
    """Type ``value`` as the path, press enter; the dialog's error line (empty: none)."""
    path_input = screen.query_one("#export-path", Input)
    path_input.value = value
    path_input.focus()
    await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    error = screen.query_one("#export-error", Static)
    return str(error.render()) if error.display else ""


def written(folder: Path) -> list[Path]:
    """Every file under ``folder`` but the notes file's lock, which the notes poll (every 2 s)
    creates whenever a slow run lets it come round."""
    return sorted(p for p in folder.rglob("*") if not p.name.endswith(".lock"))


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (
            "{tmp}/reprots/flood.md",
            "{tmp}/reprots/flood.md: the folder {tmp}/reprots does not exist "
            "(reader creates no folders)",
        ),
        ("{tmp}", "{tmp}: is a folder; give the name of a file to write"),
        ("{notes}/flood.md", "{notes}/flood.md: {notes} is not a folder"),
        ("{notes}", "{notes}: refusing to overwrite the notes file being exported"),
    ],
)
async def test_a_path_export_refuses_is_an_error_in_the_dialog(
    tmp_path: Path, typed: str, message: str
) -> None:
    """Same words as ``reader export -o``; the dialog stays open and nothing is written."""
    notes = tmp_path / "notes.yaml"
    app = notes_app(notes)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_dialog(app, pilot)
        before = written(tmp_path)
        names = {"tmp": tmp_path, "notes": notes}
        shown = await submit(pilot, screen, typed.format(**names))
        assert shown == message.format(**names)
        assert app.screen is screen  # still open, the path there to correct
        assert written(tmp_path) == before
        assert not (tmp_path / "reprots").exists()


async def test_the_error_goes_when_the_path_is_corrected_and_the_export_is_written(
    tmp_path: Path,
) -> None:
    app = notes_app(tmp_path / "notes.yaml")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_dialog(app, pilot)
        assert "does not exist" in await submit(pilot, screen, str(tmp_path / "nope" / "a.md"))
        screen.query_one("#export-path", Input).value = str(tmp_path / "a.md")
        await pilot.pause()
        assert not screen.query_one("#export-error", Static).display
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
    assert (tmp_path / "a.md").read_text("utf-8").startswith("# ")


async def test_the_export_flags_reworded_and_orphaned_passages(tmp_path: Path) -> None:
    from tests.app.test_annotations import _changed_notes

    notes = tmp_path / "notes.yaml"
    alignment = sample_corpus()
    _changed_notes(notes, alignment)
    app = ReaderApp(
        alignment.articles,
        theme="reader-dark",
        aligner=lambda articles, threshold, progress: alignment,
        notes_path=notes,
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        app.action_export_notes()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        out = tmp_path / "report.md"
        screen.query_one("#export-path", Input).value = str(out)
        await pilot.press("enter")
        await pilot.pause()
        report = out.read_text(encoding="utf-8")
        assert report.count("⚠ **Orphan:**") == 1
        assert report.count("≈ **Reworded**") == 1
