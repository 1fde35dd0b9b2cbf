"""Find the bundled seeds/ and themes/, both in an installed wheel and in a checkout."""

from __future__ import annotations

from pathlib import Path

from tui.core.model import BUNDLED_SEEDS

_PACKAGE = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def seeds_dir() -> Path:
    """Folder of the five bundled articles opened when no path is given."""
    return _data_dir("seeds")


def themes_dir() -> Path:
    """Folder of the bundled theme files (``*.yaml``)."""
    return _data_dir("themes")


def as_bundled(path: str) -> str:
    """``bundled:seeds/NAME`` for a file of the bundled seeds folder; any other path as it is."""
    if path.startswith(BUNDLED_SEEDS) or "://" in path:
        return path
    candidate = Path(path)
    try:
        inside = candidate.parent.resolve() == seeds_dir().resolve()
    except (OSError, RuntimeError):  # a symlink loop, say: not a seed
        return path
    return BUNDLED_SEEDS + candidate.name if inside else path


def from_bundled(path: str) -> str:
    """The file a ``bundled:seeds/NAME`` names in this installation; any other path as it is.

    Only a plain file name is taken ("bundled:seeds/../x" is left as it is, to fail as a path).
    """
    if not path.startswith(BUNDLED_SEEDS):
        return path
    name = path[len(BUNDLED_SEEDS) :]
    if not name or Path(name).name != name or name in (".", ".."):
        return path
    return str(seeds_dir() / name)
