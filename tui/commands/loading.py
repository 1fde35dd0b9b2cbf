"""Shared by the commands that open articles: load, report bad inputs, fail clearly."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from tui.cli import CliError
from tui.core.corpus import load_paths
from tui.core.model import Article
from tui.resources import seeds_dir


def load_or_fail(paths: Sequence[str]) -> tuple[Article, ...]:
    """Load the articles named (the seeds when none); print skipped inputs to stderr.

    Raises:
        CliError: when not a single article could be loaded.
    """
    result = load_paths(list(paths) or [str(seeds_dir())])
    if not result.articles and len(result.errors) == 1:
        raise CliError(result.errors[0])
    for error in result.errors:
        print(f"reader: {error}", file=sys.stderr)
    if not result.articles:
        raise CliError("no article could be opened")
    return result.articles
