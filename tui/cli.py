"""Command line: ``reader [PATH...]`` opens the UI; subcommands work headless.

Textual is imported only on the path that starts the UI, so ``--help``,
``--version`` and the headless subcommands answer fast.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from typing import NoReturn

from tui import __version__
from tui.commands.common import DATA_DIR_ENV, CliError

SUBCOMMANDS = ("align", "export", "report", "sessions")


class _ArgumentParser(argparse.ArgumentParser):
    """Usage mistakes as one ``reader: ...`` line (status 2), like every other problem,
    instead of argparse's usage block followed by an ``error:`` line."""

    def error(self, message: str) -> NoReturn:
        raise CliError(f"{message}; see '{self.prog} --help'", 2)


def build_parser() -> argparse.ArgumentParser:
    """The parser for ``reader [options] [PATH...]`` (the UI)."""
    parser = _ArgumentParser(
        prog="reader",
        description=(
            "Read several accounts of the same story side by side, aligned sentence by "
            "sentence. With no PATH, opens the five bundled articles."
        ),
        epilog=(
            "subcommands (headless): reader align [PATH...] --format json|yaml|markdown; "
            "reader export NOTES.yaml --format markdown|csv|jsonld [-o FILE]; "
            "reader report [PATH...] [--notes FILE] [--by LABEL] [--blind] -o report.html; "
            "reader sessions. Run 'reader SUBCOMMAND --help' for details."
        ),
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="article files (.txt, .md, .html) or folders of them, or http(s) URLs",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    add_common_options(parser)
    parser.add_argument("--notes", metavar="PATH", help="notes file to use (created if absent)")
    parser.add_argument("--resume", action="store_true", help="reopen the last session")
    parser.add_argument("--session", metavar="NAME", help="open or create a named session")
    parser.add_argument("--theme", metavar="NAME", help="theme to start with (e.g. reader-dark)")
    parser.add_argument(
        "--blind",
        action="store_true",
        help="blind mode: outlets, titles, dates and URLs hidden, sources as Source A… in the "
        "session's shuffled order (B reveals them)",
    )
    return parser


def add_common_options(parser: argparse.ArgumentParser) -> None:
    """Options shared by the UI and the subcommands that load articles."""
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"where sessions, notes and settings live (default: platform user data dir; "
        f"env {DATA_DIR_ENV})",
    )
    parser.add_argument(
        "--threshold",
        type=threshold_score,
        metavar="SCORE",
        help="alignment threshold, 0-100 (higher: fewer, surer matches)",
    )


def threshold_score(text: str) -> float:
    """``--threshold`` as a score from 0 to 100; anything else is a usage mistake."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.0 <= value <= 100.0:  # also refuses nan
        raise argparse.ArgumentTypeError(f"must be between 0 and 100, not {text}")
    return value


def build_align_parser() -> argparse.ArgumentParser:
    """Parser for ``reader align``."""
    parser = _ArgumentParser(
        prog="reader align",
        description="Print the alignment of the articles without starting the UI.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="articles (default: the seeds)")
    parser.add_argument(
        "--format", choices=("json", "yaml", "markdown"), default="json", help="output format"
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE, not stdout")
    parser.add_argument(
        "--notes",
        metavar="FILE",
        help="apply the links and unlinks of this notes file (the reader's corrections)",
    )
    add_common_options(parser)
    return parser


def build_export_parser() -> argparse.ArgumentParser:
    """Parser for ``reader export``."""
    parser = _ArgumentParser(
        prog="reader export",
        description="Export a notes file as a Markdown report, CSV or W3C Web Annotation JSON-LD.",
    )
    parser.add_argument("notes", metavar="NOTES.yaml", help="the notes file to export")
    parser.add_argument(
        "--format", choices=("markdown", "csv", "jsonld"), default="markdown", help="output format"
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE, not stdout")
    return parser


def build_report_parser() -> argparse.ArgumentParser:
    """Parser for ``reader report``."""
    parser = _ArgumentParser(
        prog="reader report",
        description=(
            "Write the side-by-side comparison as one self-contained HTML page (no script, "
            "nothing fetched): one column per article, one row per fact, differences, "
            "contradiction candidates and the reader's notes."
        ),
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="articles (default: the seeds)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE, not stdout")
    parser.add_argument(
        "--notes",
        metavar="FILE",
        help="show this notes file's annotations and apply its links and unlinks",
    )
    parser.add_argument(
        "--by",
        metavar="LABEL",
        help="rows in the reading order of this article (label, outlet or id; default: the first)",
    )
    parser.add_argument(
        "--blind",
        action="store_true",
        help="hide outlets, titles, dates, URLs and authors; sources as Source A, B… in a "
        "shuffled order",
    )
    parser.add_argument(
        "--seed",
        type=int,
        metavar="N",
        help="with --blind: the shuffle's seed (the same seed gives the same letters)",
    )
    add_common_options(parser)
    return parser


def build_sessions_parser() -> argparse.ArgumentParser:
    """Parser for ``reader sessions``."""
    parser = _ArgumentParser(prog="reader sessions", description="List saved reading sessions.")
    parser.add_argument("--data-dir", metavar="DIR", help="where sessions live")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``reader`` console command; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        # A subcommand's name always means the subcommand, even beside a file or folder of
        # that name (a data folder holds sessions/): such a path is given as ./sessions.
        if args and args[0] in SUBCOMMANDS:
            return _run_subcommand(args[0], args[1:])
        return _run_ui(build_parser().parse_args(args))
    except CliError as exc:
        if str(exc):  # an empty message: nothing to say (e.g. the reader closed the pipe)
            from tui.core.controls import strip_controls  # paths can hold escape sequences

            print(f"reader: {strip_controls(str(exc), keep='')}", file=sys.stderr)
        return exc.status
    except KeyboardInterrupt:
        return 130


def _run_subcommand(name: str, args: list[str]) -> int:
    if name == "align":
        from tui.commands.align_command import run_align

        return run_align(build_align_parser().parse_args(args))
    if name == "export":
        from tui.commands.export_command import run_export

        return run_export(build_export_parser().parse_args(args))
    if name == "report":
        from tui.commands.report_command import run_report

        return run_report(build_report_parser().parse_args(args))
    from tui.commands.sessions_command import run_sessions

    return run_sessions(build_sessions_parser().parse_args(args))


def _run_ui(args: argparse.Namespace) -> int:
    # Importing Textual and the UI, loading the articles and building the first frame make a
    # few hundred thousand objects that live as long as the process, and almost no garbage, yet
    # the cyclic collector ran over them again and again before the first frame. So nothing is
    # collected until the articles are on screen (the app turns the collector on then), and
    # what the imports made is frozen out of every later collection.
    gc.disable()
    try:
        import tui.app  # noqa: F401 (imported here for the reason above)
        from tui.commands.open_command import run_open
    finally:
        gc.freeze()
    try:
        return run_open(args)
    finally:
        gc.enable()
