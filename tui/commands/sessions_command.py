"""``reader sessions``: a table of saved sessions (name, articles, notes, last opened)."""

from __future__ import annotations

import argparse
import sys

from tui.commands.output import write_stdout
from tui.commands.user_paths import checked_data_dir
from tui.core.sessions import SessionStore, SessionSummary, shown_time

HEADERS = ("NAME", "ARTICLES", "NOTES", "LAST OPENED")


def format_table(rows: list[SessionSummary]) -> str:
    """Plain aligned columns; ``*`` marks the session ``--resume`` reopens."""
    cells = [HEADERS] + [
        (
            ("* " if row.is_last else "  ") + row.name,
            str(row.articles) if row.problem is None else "?",
            "-" if row.notes is None else str(row.notes),
            shown_time(row.last_opened),
        )
        for row in rows
    ]
    cells[0] = ("  " + HEADERS[0], *HEADERS[1:])
    widths = [max(len(r[i]) for r in cells) for i in range(len(HEADERS))]
    lines = []
    for r in cells:
        lines.append(
            "  ".join(
                [r[0].ljust(widths[0]), r[1].rjust(widths[1]), r[2].rjust(widths[2]), r[3]]
            ).rstrip()
        )
    return "\n".join(lines) + "\n"


def run_sessions(args: argparse.Namespace) -> int:
    """Print the saved sessions, most recently opened first."""
    store = SessionStore(checked_data_dir(args.data_dir))
    rows = store.list()
    if not rows:
        write_stdout(f"no saved sessions in {store.folder}\n")
        return 0
    write_stdout(format_table(rows))
    for row in rows:
        if row.problem:
            print(f"reader: session {row.name}: {row.problem}", file=sys.stderr)
    return 0
