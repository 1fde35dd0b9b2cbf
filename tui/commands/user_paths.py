"""Checks on the data folder and notes file a user names, made before anything starts.

Inside the full-screen app these mistakes surface late (a data folder that is a file: a dialog
on quit) or not at all (``--notes`` on some other YAML file: annotations written into it).
Here each is one ``reader: ...`` line and nothing starts or is written.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from tui.commands.common import DATA_DIR_ENV, CliError, data_dir
from tui.commands.output import check_output_file
from tui.core.storage import LINK_LOOP, StorageError, TooLarge, is_link_loop, load_yaml

NOTES_LISTS = ("annotations", "dismissed")
NOTES_KEYS = ("schema_version", *NOTES_LISTS)


def checked_data_dir(option: str | None) -> Path:
    """:func:`tui.commands.common.data_dir`, refused when it is a file or lies inside one.

    A data folder that does not exist yet is fine: the first save creates it.

    Raises:
        CliError: the data folder, or the nearest existing folder above it, is a file.
    """
    root = data_dir(option)
    if is_link_loop(root):
        raise CliError(f"{root}: the data folder is a {LINK_LOOP}")
    blocker = next((p for p in (root, *root.parents) if p.exists()), None)
    if blocker is None or blocker.is_dir():
        return root
    source = "--data-dir" if option else DATA_DIR_ENV if os.environ.get(DATA_DIR_ENV) else None
    origin = f" (the data folder, from {source})" if source else " (the data folder)"
    what = "is a file" if blocker == root else f"{blocker} is a file"
    raise CliError(f"{root}: {what}, not a folder{origin}")


def refuse_foreign_yaml(path: Path, data: Any) -> None:
    """Refuse YAML that is plainly something else (a session file, a config) as notes.

    Reader always writes ``annotations``; a mapping of other keys without it or ``dismissed``
    is another file named by mistake. Empty files and bare ``schema_version`` pass.

    Raises:
        CliError: ``data`` is such a mapping.
    """
    if not isinstance(data, dict) or any(key in data for key in NOTES_LISTS):
        return
    foreign = [str(key) for key in data if key not in NOTES_KEYS]
    if foreign:
        keys = ", ".join(foreign[:3]) + (", ..." if len(foreign) > 3 else "")
        raise CliError(f"{path}: not a reader notes file (it has {keys} but no annotations)")


def check_notes_option(path: Path) -> None:
    """Check ``--notes PATH``: a notes file, or a new one in a folder that exists.

    A file that does not parse is left to the app, whose dialog shows the line and offers to
    read on without it or start a new file.

    Raises:
        CliError: ``path`` is a folder, its folder is missing, or it is another kind of YAML.
    """
    if is_link_loop(path):
        raise CliError(f"{path}: {LINK_LOOP}")
    if path.is_dir():
        raise CliError(f"{path}: is a folder, not a notes file")
    check_output_file(path)
    if not path.is_file():
        return
    from tui.core.notes import MAX_NOTES_BYTES

    try:
        data = load_yaml(path, MAX_NOTES_BYTES, "notes file")
    except TooLarge as exc:
        raise CliError(str(exc)) from None
    except StorageError:
        return
    refuse_foreign_yaml(path, data)
