"""Where a report may be written: a file, in a folder that already exists, not the notes file.

Shared by ``reader export -o`` / ``reader align -o`` and the app's Export dialog, so both refuse
the same paths with the same words. No folder is ever created for an output: a typo in a folder
name (``reprots/x.md``) would otherwise put the file somewhere the user does not expect and
cannot find. A folder given where a file is meant, or a file where a folder is meant, is named
plainly rather than surfacing as an OS error from inside the write.
"""

from __future__ import annotations

from pathlib import Path

from tui.core.storage import LINK_LOOP, is_link_loop


def output_path_problem(path: Path) -> str | None:
    """Why ``path`` cannot be written as an output file, or None when it can be.

    Args:
        path: the file the user asked for (it may exist: it is replaced atomically).

    Returns:
        One line for the user naming the path (and the folder at fault), or None.
    """
    if is_link_loop(path):
        return f"{path}: {LINK_LOOP}"
    if path.is_dir():
        return f"{path}: is a folder; give the name of a file to write"
    folder = path.parent
    if folder.is_dir():
        return None
    if folder.exists():
        return f"{path}: {folder} is not a folder"
    return f"{path}: the folder {folder} does not exist (reader creates no folders)"


def export_path_problem(path: Path, notes: Path) -> str | None:
    """:func:`output_path_problem`, and never the notes file being exported.

    The notes file may not exist yet (no annotation saved): its path is refused all the same,
    since a report written there would be taken for the notes file later.
    """
    if is_link_loop(path) or is_link_loop(notes):  # nothing to resolve to
        return output_path_problem(path)
    if path.resolve() == notes.resolve():
        return f"{path}: refusing to overwrite the notes file being exported"
    return output_path_problem(path)
