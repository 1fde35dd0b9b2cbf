"""``reader align PATH... --format json|yaml|markdown [-o FILE] [--notes FILE]``: the alignment,
headless, with the links and unlinks of a notes file applied."""

from __future__ import annotations

import argparse
from pathlib import Path

from tui.commands.common import CliError
from tui.commands.export_command import read_notes_file
from tui.commands.loading import load_or_fail
from tui.commands.output import check_output_file, output_option, write_output, write_stdout
from tui.core.align import DEFAULT_THRESHOLD, align_corpus
from tui.core.corrections import apply_corrections
from tui.core.report import to_json, to_markdown, to_yaml
from tui.core.user_links import corrections_of

_RENDERERS = {"json": to_json, "yaml": to_yaml, "markdown": to_markdown}


def run_align(args: argparse.Namespace) -> int:
    """Load, align and print (or write) the alignment; returns the exit status."""
    threshold = DEFAULT_THRESHOLD if args.threshold is None else float(args.threshold)
    if not 0.0 <= threshold <= 100.0:
        raise CliError(f"--threshold must be between 0 and 100, not {threshold:g}", status=2)
    output = output_option(args.output)
    if output is not None:
        check_output_file(output)  # before the work, not after it
    articles = load_or_fail(args.paths)
    document = read_notes_file(Path(args.notes)) if args.notes else None
    alignment = align_corpus(articles, threshold=threshold)
    if document is not None:
        found = corrections_of(document, articles)
        alignment = apply_corrections(alignment, found.links, found.unlinks)
    text = _RENDERERS[args.format](alignment)
    if output is not None:
        write_output(output, text)
    else:
        write_stdout(text)
    return 0
