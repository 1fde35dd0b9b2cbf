"""``reader align PATH... --format json|yaml|markdown [-o FILE]``: the alignment, headless."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.cli import CliError
from tui.commands.loading import load_or_fail
from tui.core.align import DEFAULT_THRESHOLD, align_corpus
from tui.core.report import to_json, to_markdown, to_yaml

_RENDERERS = {"json": to_json, "yaml": to_yaml, "markdown": to_markdown}


def run_align(args: argparse.Namespace) -> int:
    """Load, align and print (or write) the alignment; returns the exit status."""
    threshold = DEFAULT_THRESHOLD if args.threshold is None else float(args.threshold)
    if not 0.0 <= threshold <= 100.0:
        raise CliError(f"--threshold must be between 0 and 100, not {threshold:g}", status=2)
    articles = load_or_fail(args.paths)
    text = _RENDERERS[args.format](align_corpus(articles, threshold=threshold))
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise CliError(f"{args.output}: cannot write: {exc.strerror or exc}") from exc
    else:
        sys.stdout.write(text)
    return 0
