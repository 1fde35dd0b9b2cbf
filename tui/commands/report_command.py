"""``reader report PATH... [--notes FILE] [--by LABEL] [--blind] -o report.html``: the
comparison as one self-contained HTML page, headless."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from tui.commands.common import CliError
from tui.commands.export_command import read_notes_file
from tui.commands.loading import load_or_fail
from tui.commands.output import check_output_file, output_option, write_output, write_stdout
from tui.core.align import DEFAULT_THRESHOLD, align_corpus
from tui.core.html_page import report_page
from tui.core.model import Article


def run_report(args: argparse.Namespace) -> int:
    """Load, align, apply the notes, render; write to ``-o FILE`` or print. Exit status."""
    threshold = DEFAULT_THRESHOLD if args.threshold is None else float(args.threshold)
    output = output_option(args.output)
    if output is not None:
        check_output_file(output)  # before the work, not after it
    articles = load_or_fail(args.paths)
    by = reading_order(articles, args.by)
    notes = Path(args.notes) if args.notes else None
    document = read_notes_file(notes) if notes is not None else None
    page = report_page(
        articles,
        document,
        by=by,
        blind=args.blind,
        blind_seed=args.seed if args.blind else None,
        notes_name=notes.name if notes is not None else "",
        align=lambda shown: align_corpus(shown, threshold=threshold),
    )
    if output is not None:
        write_output(output, page)
    else:
        write_stdout(page)
    return 0


def reading_order(articles: Sequence[Article], by: str | None) -> int:
    """The position of the article ``--by`` names (label, outlet or id; case ignored).

    Raises:
        CliError: no article, or several, answer to that name (status 2).
    """
    if by is None:
        return 0
    wanted = by.strip().casefold()
    found = [
        i
        for i, a in enumerate(articles)
        if wanted in (a.label.casefold(), a.meta.source.casefold(), a.id.casefold())
    ]
    if len(found) == 1:
        return found[0]
    known = ", ".join(repr(a.label) for a in articles)
    if not found:
        raise CliError(f"--by {by!r}: no such article (the labels are {known})", 2)
    raise CliError(f"--by {by!r}: names {len(found)} articles; give the id instead", 2)
