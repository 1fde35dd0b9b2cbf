"""Themes as data: every ``themes/*.yaml`` becomes a Textual ``Theme``, registered at start.

A theme file holds Textual's palette (``primary``, ``secondary``, ``accent``, ``foreground``,
``background``, ``surface``, ``panel``, ``boost``, ``warning``, ``error``, ``success``,
``dark``, optionally ``luminosity_spread`` and ``text_alpha``) plus ``variables``. Our own
variables all start with ``reader-`` and are used in TCSS as ``$reader-agree`` etc. (and from
code through ``app.theme_variables["reader-agree"]``). Values are plain colours ("#RRGGBB"),
so they work both in TCSS (``background: $reader-match-strong 60%;``) and in a rich/Content
``Style``.

| variable                   | paints                                                        |
|----------------------------|---------------------------------------------------------------|
| ``reader-agree``           | foreground: agreement marks and glyphs                        |
| ``reader-contradict``      | foreground: ⚑ and ✗ (confirmed) candidate glyphs, underline   |
| ``reader-compatible``      | foreground: ≈ (refinement, variant) and ↻ (updated) glyphs    |
| ``reader-unique``          | foreground: marker of a sentence matched nowhere              |
| ``reader-match-strong``    | background tint: sentence matched with a high score           |
| ``reader-match-weak``      | background tint: sentence matched with a low score            |
| ``reader-diff``            | background: differing words inside the focused pair           |
| ``reader-diff-text``       | foreground drawn on ``reader-diff``                           |
| ``reader-furniture``       | foreground: page furniture (dimmed lines)                     |
| ``reader-annotation``      | foreground/underline: annotated spans                         |
| ``reader-search``          | background: search hits                                       |
| ``reader-search-text``     | foreground drawn on ``reader-search``                         |
| ``reader-cursor``          | background: the sentence cursor in the focused pane           |
| ``reader-cursor-text``     | foreground drawn on ``reader-cursor``                         |
| ``reader-counterpart``     | background: the matching sentence in the other panes          |
| ``reader-counterpart-text``| foreground drawn on ``reader-counterpart``                    |

A file may also set any of Textual's own variables (``footer-key-foreground``,
``block-cursor-background``...). A missing ``reader-`` variable falls back to
:data:`VARIABLE_DEFAULTS` (also what built-in Textual themes get, so our TCSS always parses).
A broken file is skipped with a one-line notification; it never stops the app.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from textual.app import App
from textual.color import Color, ColorParseError
from textual.theme import Theme

from tui.core.storage import SAFE_LOADER, StorageError
from tui.resources import themes_dir
from tui.settings import Settings, SettingsStore

DEFAULT_THEME = "reader-dark"
USER_THEMES_FOLDER = "themes"
"""Sub-folder of the data dir where users drop their own theme files."""

VARIABLE_DEFAULTS: dict[str, str] = {
    "reader-agree": "#4EBF71",
    "reader-contradict": "#E5484D",
    "reader-compatible": "#D4A017",
    "reader-unique": "#B07CD8",
    "reader-match-strong": "#2B5E3B",
    "reader-match-weak": "#5E5A2B",
    "reader-diff": "#8A6A1F",
    "reader-diff-text": "#FFFFFF",
    "reader-furniture": "#7F7F7F",
    "reader-annotation": "#3B8EEA",
    "reader-search": "#D4A017",
    "reader-search-text": "#000000",
    "reader-cursor": "#2F4F7F",
    "reader-cursor-text": "#FFFFFF",
    "reader-counterpart": "#36465E",
    "reader-counterpart-text": "#FFFFFF",
}
"""Every ``reader-`` variable with a neutral fallback that reads on dark and light."""

_PALETTE = (
    "primary",
    "secondary",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
    "warning",
    "error",
    "success",
)
_NUMBERS = ("luminosity_spread", "text_alpha")
_KNOWN_KEYS = {"name", "dark", "variables", *_PALETTE, *_NUMBERS}
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class ThemeFileError(Exception):
    """A theme file that cannot be used; the message is one line naming the file."""


def theme_folders(data_dir: Path | None = None) -> list[Path]:
    """Where theme files are looked for: the bundled folder, then the user's (later wins)."""
    folders = [themes_dir()]
    if data_dir is not None:
        folders.append(data_dir / USER_THEMES_FOLDER)
    return folders


def load_theme_file(path: Path) -> Theme:
    """Read and validate one theme file.

    Raises:
        ThemeFileError: unreadable file, bad YAML, unknown key, missing name/primary,
            or a value that is not a colour.
    """
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except (OSError, UnicodeDecodeError) as exc:
        raise ThemeFileError(f"{path.name}: cannot read ({exc.__class__.__name__})") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise ThemeFileError(f"{path.name}: not valid YAML{where}") from exc
    return theme_from_data(data, path.name)


def theme_from_data(data: Any, origin: str) -> Theme:
    """Build a Theme from parsed YAML, naming ``origin`` in any error."""
    if not isinstance(data, dict):
        raise ThemeFileError(f"{origin}: expected a mapping of theme keys")
    unknown = sorted(str(key) for key in data if key not in _KNOWN_KEYS)
    if unknown:
        raise ThemeFileError(f"{origin}: unknown key {unknown[0]!r}")
    name = data.get("name")
    if not isinstance(name, str) or not _NAME.match(name):
        raise ThemeFileError(f"{origin}: 'name' must be lower-case letters, digits, '-' or '_'")
    if "primary" not in data:
        raise ThemeFileError(f"{origin}: 'primary' colour is required")
    palette = {key: _colour(origin, key, data[key]) for key in _PALETTE if key in data}
    dark = data.get("dark", True)
    if not isinstance(dark, bool):
        raise ThemeFileError(f"{origin}: 'dark' must be true or false")
    numbers: dict[str, float] = {}
    for key in _NUMBERS:
        if key in data:
            value = data[key]
            if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
                raise ThemeFileError(f"{origin}: {key!r} must be a number from 0 to 1")
            numbers[key] = float(value)
    variables = _variables(origin, data.get("variables", {}))
    fields: dict[str, Any] = {**palette, **numbers}
    return Theme(name=name, dark=dark, variables=variables, **fields)


def _variables(origin: str, raw: Any) -> dict[str, str]:
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ThemeFileError(f"{origin}: 'variables' must be a mapping")
    variables = dict(VARIABLE_DEFAULTS)
    for key, value in raw.items():
        if not isinstance(key, str) or not isinstance(value, str | int | float):
            raise ThemeFileError(f"{origin}: variable {key!r} must be a name and a value")
        if key.startswith("reader-"):
            if key not in VARIABLE_DEFAULTS:
                raise ThemeFileError(f"{origin}: unknown variable {key!r}")
            variables[key] = _colour(origin, key, value)
        else:
            variables[key] = str(value)  # Textual's own variables may be styles, e.g. "bold"
    return variables


def _colour(origin: str, key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise ThemeFileError(f'{origin}: {key!r} must be a colour string like "#1B1D23"')
    try:
        Color.parse(value)
    except ColorParseError as exc:
        raise ThemeFileError(f"{origin}: {key!r} is not a colour: {value!r}") from exc
    return value


def load_themes(folders: Iterable[Path]) -> tuple[list[Theme], list[str]]:
    """Every usable theme in ``folders`` (sorted by file name) and one line per skipped file."""
    themes: dict[str, Theme] = {}
    problems: list[str] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.yaml")):
            try:
                theme = load_theme_file(path)
            except ThemeFileError as exc:
                problems.append(f"theme skipped: {exc}")
                continue
            themes[theme.name] = theme
    return list(themes.values()), problems


def register_themes(app: App[Any], data_dir: Path | None = None) -> list[str]:
    """Register every theme found with ``app``; notify (one line each) about skipped files.

    Call from ``on_mount``. Returns the names registered.
    """
    themes, problems = load_themes(theme_folders(data_dir))
    for theme in themes:
        app.register_theme(theme)
    for problem in problems:
        app.notify(problem, severity="warning", markup=False)
    return [theme.name for theme in themes]


def first_theme(app: App[Any], *choices: str | None) -> str:
    """The first of ``choices`` that is registered, else :data:`DEFAULT_THEME`, quietly."""
    for choice in choices:
        if choice and choice in app.available_themes:
            return choice
    return DEFAULT_THEME if DEFAULT_THEME in app.available_themes else "textual-dark"


def pick_theme(app: App[Any], *choices: str | None) -> str:
    """The first of ``choices`` that is registered, else :data:`DEFAULT_THEME`.

    A requested name that does not exist is reported (one line naming the theme used instead
    and the available ones) rather than failing.
    """
    chosen = first_theme(app, *choices)
    unknown = []
    for choice in choices:
        if choice == chosen:
            break
        if choice:
            unknown.append(choice)
    available = ", ".join(sorted(app.available_themes))
    for name in unknown:
        app.notify(
            f"unknown theme {name!r}; using {chosen!r} (available: {available})",
            severity="warning",
            markup=False,
        )
    return chosen


def start_themes(app: App[Any], store: SettingsStore, override: str | None = None) -> Settings:
    """Register themes, apply the starting one and save later changes of theme.

    The start theme is ``override`` (``--theme``, for this run only), else the saved choice,
    else :data:`DEFAULT_THEME`. Any theme the user picks afterwards (palette, ``ctrl+p``)
    is saved; a failed save is one warning line, never a crash. Call from ``on_mount``.
    """
    register_themes(app, store.folder)
    settings, notice = store.load()
    if notice:
        app.notify(notice, severity="warning", markup=False)
    app.theme = pick_theme(app, override, settings.theme)
    saver = _ThemeSaver(app, store, settings, app.theme)
    app.theme_changed_signal.subscribe(app, saver)
    return settings


class _ThemeSaver:
    """Saves each theme the user picks; ignores the start-up theme until a real change."""

    def __init__(self, app: App[Any], store: SettingsStore, settings: Settings, start: str):
        self.app = app
        self.store = store
        self.settings = settings
        self.start = start
        self.changed = False

    def __call__(self, theme: Theme) -> None:
        if not self.changed and theme.name == self.start:
            return  # the start-up theme (maybe a --theme override) is not a choice
        self.changed = True
        if self.settings.theme == theme.name:
            return
        self.settings = self.settings.with_theme(theme.name)
        try:
            self.store.save(self.settings)
        except StorageError as exc:
            self.app.notify(f"theme not saved: {exc}", severity="warning", markup=False)
