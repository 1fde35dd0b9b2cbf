"""Persisted UI settings (the theme choice, ...) in ``<data dir>/settings.yaml``.

Pure Python (no Textual), so it is tested without a terminal. A file that cannot be parsed
is never overwritten silently: the store reports it once, runs on defaults, and moves the bad
file aside (``settings.yaml.bad``) only when a new setting must be saved. Writes are atomic
and keep the previous version as ``settings.yaml.bak``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from tui.core.storage import StorageError, atomic_write_text, dump_yaml, load_yaml

SETTINGS_FILE = "settings.yaml"
SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Settings:
    """What the UI remembers between runs."""

    theme: str | None = None
    """Name of the theme last chosen in the app; None means the default."""
    extra: dict[str, Any] = field(default_factory=dict)
    """Keys this version does not know, kept so a newer version's settings survive."""

    def with_theme(self, theme: str) -> Settings:
        """A copy with ``theme`` chosen."""
        return replace(self, theme=theme)


class SettingsStore:
    """Loads and saves :class:`Settings` in one folder (the data dir, injected for tests)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / SETTINGS_FILE
        self._unreadable = False

    def load(self) -> tuple[Settings, str | None]:
        """The saved settings, or defaults plus a one-line notice when the file is unusable."""
        if not self.path.exists():
            return Settings(), None
        try:
            return _from_data(load_yaml(self.path)), None
        except (StorageError, ValueError) as exc:
            self._unreadable = True
            reason = str(exc).splitlines()[0]
            return Settings(), f"settings ignored, file left as is: {reason}"

    def save(self, settings: Settings) -> None:
        """Write ``settings`` atomically; an unparsable old file is moved aside, not lost.

        Raises:
            StorageError: when the folder or file cannot be written.
        """
        if self._unreadable and self.path.exists():
            try:
                os.replace(self.path, self.path.with_name(SETTINGS_FILE + ".bad"))
            except OSError as exc:
                raise StorageError(f"could not move aside {self.path}: {exc}") from exc
        self._unreadable = False
        atomic_write_text(self.path, dump_yaml(_to_data(settings)))


def _from_data(data: Any) -> Settings:
    """Settings from parsed YAML; ValueError says what is wrong with it."""
    if data is None:
        return Settings()
    if not isinstance(data, dict):
        raise ValueError(f"{SETTINGS_FILE}: expected a mapping of settings")
    version = data.get("schema_version", SCHEMA_VERSION)
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise ValueError(
            f"{SETTINGS_FILE}: schema_version {version!r} is not one this reader knows"
        )
    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        raise ValueError(f"{SETTINGS_FILE}: 'theme' must be a theme name")
    extra = {k: v for k, v in data.items() if k not in ("schema_version", "theme")}
    return Settings(theme=theme, extra=extra)


def _to_data(settings: Settings) -> dict[str, Any]:
    data: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    if settings.theme is not None:
        data["theme"] = settings.theme
    data.update(settings.extra)
    return data
