"""Shared by the commands that open articles: load, report bad inputs, fail clearly."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import replace
from typing import TextIO

from tui.commands.common import CliError
from tui.core.controls import strip_controls
from tui.core.corpus import load_paths
from tui.core.model import Article
from tui.resources import as_bundled, from_bundled, seeds_dir


def load_or_fail(paths: Sequence[str], *, stderr: TextIO | None = None) -> tuple[Article, ...]:
    """Load the articles named (the seeds when none); report every problem on stderr.

    Each skipped input, notice and decoding warning is one ``reader: ...``
    line; the articles that did load are returned so one bad file never
    stops the rest.

    Raises:
        CliError: when not a single article could be loaded.
    """
    out = stderr or sys.stderr

    def say(line: str) -> None:  # a file name can hold escape sequences too
        print(f"reader: {strip_controls(line, keep='')}", file=out)

    result = load_paths([from_bundled(p) for p in paths] or [str(seeds_dir())])
    if not result.articles:
        if len(result.errors) == 1:
            raise CliError(result.errors[0])
        for error in result.errors:
            say(error)
        raise CliError("no article could be opened")
    for error in result.errors:
        say(f"{error}; skipped")
    for notice in result.notices:
        say(notice)
    # The bundled seeds are named as such (never by a path inside site-packages) in
    # sessions, notes and reports: bundled:seeds/NAME.
    articles = tuple(replace(a, path=as_bundled(a.path)) for a in result.articles)
    for article in articles:
        for warning in article.warnings:
            say(f"{article.path}: {warning}")
    return articles
