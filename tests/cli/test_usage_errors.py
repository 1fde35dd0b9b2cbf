"""Mistyped options and arguments: one ``reader: ...`` line and status 2, for every command.

argparse's own reaction is a usage block and an ``error:`` line; reader says every other
problem in one ``reader: ...`` line, so usage mistakes read the same way.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tui.cli import main
from tui.core.model import Article

CASES = [
    (["align", "--format", "jsn"], "argument --format: invalid choice: 'jsn'", "reader align"),
    (["align", "--threshold", "abc"], "argument --threshold: not a number: 'abc'", "reader align"),
    (["align", "--bogus"], "unrecognized arguments: --bogus", "reader align"),
    (["export", "n.yaml", "--format", "md"], "invalid choice: 'md'", "reader export"),
    (["export"], "the following arguments are required: NOTES.yaml", "reader export"),
    (["sessions", "extra"], "unrecognized arguments: extra", "reader sessions"),
    (["--theme"], "argument --theme: expected one argument", "reader"),
    (["--bogus"], "unrecognized arguments: --bogus", "reader"),
]


@pytest.mark.parametrize(("argv", "message", "prog"), CASES)
def test_usage_mistake_is_one_line(
    argv: list[str],
    message: str,
    prog: str,
    capsys: pytest.CaptureFixture[str],
    fake_ui: list[tuple[Article, ...]],
) -> None:
    status = main(argv)
    out, err = capsys.readouterr()
    assert (status, out, fake_ui) == (2, "", [])
    assert err.count("\n") == 1 and err.startswith("reader: ") and message in err
    assert err.rstrip().endswith(f"see '{prog} --help'")


def test_installed_command_says_it_in_one_line() -> None:
    """As a user sees it: the console entry point, not just ``main``."""
    result = subprocess.run(
        [sys.executable, "-m", "tui", "export", "n.yaml", "--format", "md"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("reader: argument --format: invalid choice: 'md'")
    assert result.stderr.count("\n") == 1


def test_help_still_prints_usage_and_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "--help"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("usage: reader export")
