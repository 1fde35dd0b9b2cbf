"""Writing a command's result to ``-o FILE``: the path is checked before any work or write.

No folder is ever created for the output: a typo in a folder name (``-o reprots/x.md``) would
otherwise put the file somewhere the user does not expect and cannot find. A folder given
where a file is meant, or a file where a folder is meant, is one clear line too, rather than
an OS error surfacing from inside the write.
"""

from __future__ import annotations

from pathlib import Path

from tui.cli import CliError
from tui.core.storage import StorageError, atomic_write_text


def check_output_file(path: Path) -> None:
    """Refuse an output path that names a folder or whose folder does not exist.

    Raises:
        CliError: ``path`` is a folder, or its folder is missing or is a file.
    """
    if path.is_dir():
        raise CliError(f"{path}: is a folder; give the name of a file to write")
    folder = path.parent
    if folder.is_dir():
        return
    if folder.exists():
        raise CliError(f"{path}: {folder} is not a folder")
    raise CliError(f"{path}: the folder {folder} does not exist (reader creates no folders)")


def write_output(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically (never half a file), after the checks above.

    Raises:
        CliError: the path is refused (see :func:`check_output_file`) or the write failed.
    """
    check_output_file(path)
    try:
        atomic_write_text(path, text, backup=False)
    except StorageError as exc:
        raise CliError(str(exc)) from exc
