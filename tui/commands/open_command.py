"""``reader [PATH...]``: load the articles, then start the reading UI."""

from __future__ import annotations

import argparse

from tui.commands.loading import load_or_fail


def run_open(args: argparse.Namespace) -> int:
    """Load the articles named on the command line and run the app until it quits."""
    articles = load_or_fail(args.paths)
    from tui.app import ReaderApp
    from tui.cli import data_dir

    app = ReaderApp(
        articles,
        threshold=args.threshold,
        data_dir=data_dir(args.data_dir),
        theme=args.theme,
    )
    app.run()
    return app.return_code or 0
