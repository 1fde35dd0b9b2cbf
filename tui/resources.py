"""Find the bundled seeds/ and themes/, both in an installed wheel and in a checkout."""

from __future__ import annotations

from pathlib import Path

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
