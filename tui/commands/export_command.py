"""``reader export NOTES.yaml --format markdown|csv|jsonld [-o FILE]``."""

from __future__ import annotations

import argparse
from pathlib import Path

from tui.commands.common import CliError
from tui.commands.output import output_option, write_output, write_stdout
from tui.commands.user_paths import refuse_foreign_yaml
from tui.core.anchoring import anchor_notes, noted_articles
from tui.core.export import ExportFormat, export_document, export_markdown
from tui.core.notes import MAX_NOTES_BYTES, NotesDocument, parse_notes
from tui.core.output_path import export_path_problem
from tui.core.storage import LINK_LOOP, StorageError, is_link_loop, read_text
from tui.resources import from_bundled


def read_notes_file(notes: Path) -> NotesDocument:
    """A notes file read for a headless command (never written to); one line when not."""
    if is_link_loop(notes):
        raise CliError(f"{notes}: {LINK_LOOP}")
    if notes.is_dir():
        raise CliError(f"{notes}: is a folder, not a notes file")
    if not notes.is_file():
        raise CliError(f"{notes}: no such notes file")
    try:
        source = read_text(notes, MAX_NOTES_BYTES, "notes file")
        document, data = parse_notes(source, str(notes))
        refuse_foreign_yaml(notes, data)
        del data  # only the document is needed from here: free the plain copy
    except StorageError as exc:
        raise CliError(str(exc)) from exc
    return document


def run_export(args: argparse.Namespace) -> int:
    """Read the notes file (never writing to it) and print or write the export."""
    if not args.notes:
        raise CliError("NOTES.yaml: empty file name", 2)
    output = output_option(args.output)
    notes = Path(args.notes)
    document = read_notes_file(notes)
    fmt: ExportFormat = args.format
    # Checked against the article files as they are now: reworded and orphaned passages flagged.
    anchors = anchor_notes(document, noted_articles(document, notes.parent, from_bundled))
    if fmt == "markdown":
        text = export_markdown(document, title=f"Notes: {notes.name}", anchors=anchors)
    else:
        text = export_document(document, fmt, anchors)
    if output is None:
        write_stdout(text)
        return 0
    problem = export_path_problem(output, notes)
    if problem:
        raise CliError(problem)
    write_output(output, text)
    return 0
