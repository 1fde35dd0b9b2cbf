"""ExportScreen (palette "Export notes…"): a format and a file path the reader confirms.

The default path is next to the notes file (``notes.md``, ``notes.csv``, ``notes.jsonld``); the
export is written atomically and the app notifies where it went. A path that cannot be written
(a missing folder, a folder, the notes file itself) is refused inside the dialog, by the same
checks and in the same words as ``reader export -o``: the dialog stays open, nothing is written.
The export flags reworded and orphaned passages, from where the open notes were placed in the
open articles.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from tui.core.anchoring import NoteAnchors
from tui.core.export import ExportFormat, export_document
from tui.core.notes import NotesDocument
from tui.core.output_path import export_path_problem
from tui.core.storage import StorageError, atomic_write_text
from tui.screens.path_dialog import PathDialog

SUFFIXES: dict[ExportFormat, str] = {"markdown": ".md", "csv": ".csv", "jsonld": ".jsonld"}
LABELS: dict[ExportFormat, str] = {
    "markdown": "Markdown report",
    "csv": "CSV (one row per passage)",
    "jsonld": "W3C Web Annotation JSON-LD",
}


def default_export_path(notes: Path, fmt: ExportFormat) -> Path:
    """``folder/NAME.yaml`` -> ``folder/NAME.md`` (or .csv / .jsonld)."""
    stem = notes.name.removesuffix(".yaml").removesuffix(".yml")
    return notes.with_name(stem + SUFFIXES[fmt])


def write_export(
    document: NotesDocument, fmt: ExportFormat, path: Path, anchors: NoteAnchors | None = None
) -> None:
    """Export ``document`` to ``path`` atomically (``anchors``: see ``export_document``).

    Raises:
        StorageError: the file could not be written.
    """
    atomic_write_text(path, export_document(document, fmt, anchors), backup=False)


class ExportScreen(PathDialog):
    """Choose a format, confirm the path; returns the path written, or None.

    Args:
        document: the notes to export.
        notes_path: the notes file (the default export goes beside it).
        anchors: where the notes are in the open articles (see ``export_document``); None
            when they are not placed.
    """

    PREFIX = "export"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Cancel", tooltip="Do not export", id="reader.export-cancel"),
    ]

    def __init__(
        self, document: NotesDocument, notes_path: Path, anchors: NoteAnchors | None = None
    ) -> None:
        super().__init__()
        self.document = document
        self.notes_path = notes_path
        self.anchors = anchors
        self.format: ExportFormat = "markdown"

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(f"Export {len(self.document.annotations)} annotations")
            with RadioSet(id="export-format"):
                for fmt, label in LABELS.items():
                    yield RadioButton(label, value=fmt == "markdown", name=fmt)
            yield Label("To file (enter exports):")
            yield Input(str(default_export_path(self.notes_path, "markdown")), id="export-path")
            yield Static("", id="export-error", classes="dialog-error", markup=False)
            with Horizontal(id="export-buttons", classes="dialog-buttons"):
                yield Button("Cancel", id="export-cancel")
                yield Button("Export", variant="primary", id="export-go")

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        fmt = event.pressed.name
        if fmt in SUFFIXES:
            path_input = self.path_input
            if path_input.value == str(default_export_path(self.notes_path, self.format)):
                path_input.value = str(default_export_path(self.notes_path, fmt))
            self.format = fmt

    def export(self) -> None:
        """Write the export to the confirmed path, or say in the dialog why not."""
        value = self.path_input.value.strip()
        if not value:
            self.show_error("Type the file to export to.")
            return
        path = Path(value).expanduser()
        problem = export_path_problem(path, self.notes_path)
        if problem is None:
            try:
                write_export(self.document, self.format, path, self.anchors)
            except StorageError as exc:
                problem = str(exc)
        if problem:
            self.refuse(problem)
            return
        self.dismiss(path)
