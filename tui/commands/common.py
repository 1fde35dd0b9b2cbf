"""What the command line and every command share: the one-line error and the data folder.

Its own module so that ``tui.cli`` imports the commands and never the other way round.
"""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR_ENV = "READER_DATA_DIR"


class CliError(Exception):
    """A problem to report as one line on stderr with a non-zero exit status."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


def data_dir(option: str | None) -> Path:
    """Resolve the data folder: flag, then environment, then platformdirs.

    Raises:
        CliError: ``--data-dir ''`` (an unset variable, say): refused, not taken as "no flag".
    """
    if option is not None:
        if not option:
            raise CliError("--data-dir '': empty path (no folder named)", 2)
        return Path(option).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("reader", appauthor=False))
