"""The user's theme and keys, applied as the app mounts.

With a data folder: the bundled themes and the user's own, the saved theme (or ``--theme`` for
this run), later choices saved, and ``<data dir>/keymap.yaml`` remapping keys by binding id (a
bad entry is one warning line). Without one, nothing is read or saved: the bundled themes and
the theme asked for.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App

from tui.keymap import KEYMAP_FILE, load_keymap
from tui.settings import SettingsStore
from tui.themes import (
    first_theme,
    load_themes,
    pick_theme,
    register_themes,
    start_themes,
    theme_folders,
)


def preset_theme(app: App[Any], data_dir: Path | None, theme: str | None) -> None:
    """Set the start theme before ``app`` runs, quietly: the styles of the first frame are then
    parsed and applied once, in its colours (a theme set once mounted parsed and applied every
    style again). :func:`apply_preferences` then says what needs saying and sets the same."""
    for found in load_themes(theme_folders(data_dir))[0]:
        app.register_theme(found)
    saved = None if data_dir is None else SettingsStore(data_dir).load()[0].theme
    app.theme = first_theme(app, theme, saved)


def apply_preferences(app: App[Any], data_dir: Path | None, theme: str | None) -> None:
    """Set ``app``'s theme (``theme`` first) and keys from ``data_dir``; call from ``on_mount``."""
    if data_dir is None:
        register_themes(app)
        app.theme = pick_theme(app, theme)
        return
    start_themes(app, SettingsStore(data_dir), theme)
    if not (data_dir / KEYMAP_FILE).is_file():
        return  # listing the binding ids imports every screen: only for a keymap to check
    from tui.binding_scopes import binding_ids, binding_scopes

    keymap = load_keymap(data_dir, binding_ids(), binding_scopes())
    for problem in keymap.problems:
        app.notify(problem, severity="warning", timeout=8)
    if keymap.bindings:
        app.set_keymap(keymap.bindings)
