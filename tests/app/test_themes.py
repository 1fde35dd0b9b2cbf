"""Theme files become registered Textual themes; broken ones are skipped; the choice persists."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from textual.app import App, ComposeResult
from textual.color import Color
from textual.filter import Monochrome
from textual.widgets import Static

from tui.resources import themes_dir
from tui.settings import SETTINGS_FILE, SettingsStore
from tui.themes import (
    DEFAULT_THEME,
    USER_THEMES_FOLDER,
    VARIABLE_DEFAULTS,
    ThemeFileError,
    load_theme_file,
    load_themes,
    start_themes,
    theme_folders,
    theme_from_data,
)

BUNDLED = sorted(themes_dir().glob("*.yaml"))


class ThemedApp(App[None]):
    """The smallest app that starts themes the way ReaderApp does, with our variables in TCSS."""

    CSS = "Static { color: $reader-contradict; background: $reader-match-strong; }"

    def __init__(self, data_dir: Path, override: str | None = None) -> None:
        super().__init__()
        self.store = SettingsStore(data_dir)
        self.override = override
        self.notices: list[str] = []

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(VARIABLE_DEFAULTS)

    def notify(self, message: str, **kwargs: Any) -> None:  # type: ignore[override]
        self.notices.append(message)
        super().notify(message, **kwargs)

    def compose(self) -> ComposeResult:
        yield Static("≠ contradiction")

    def on_mount(self) -> None:
        start_themes(self, self.store, self.override)


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    parsed = Color.parse(colour)
    return 0.2126 * channel(parsed.r) + 0.7152 * channel(parsed.g) + 0.0722 * channel(parsed.b)


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two opaque colours (1 to 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_at_least_dark_light_and_high_contrast_are_bundled() -> None:
    names = {load_theme_file(path).name for path in BUNDLED}
    assert {"reader-dark", "reader-light", "reader-high-contrast"} <= names
    assert DEFAULT_THEME in names


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_bundled_theme_sets_every_reader_variable_itself(path: Path) -> None:
    raw = yaml.safe_load(path.read_text())
    assert raw["name"] == path.stem
    assert set(VARIABLE_DEFAULTS) <= set(raw["variables"]), "do not rely on the fallbacks"
    theme = load_theme_file(path)
    for role in ("cursor", "counterpart", "search", "diff"):
        text, back = theme.variables[f"reader-{role}-text"], theme.variables[f"reader-{role}"]
        assert contrast(text, back) >= 4.5, role
    assert theme.foreground and theme.background
    assert contrast(theme.foreground, theme.background) >= 7


def test_high_contrast_is_genuinely_high_contrast() -> None:
    theme = load_theme_file(themes_dir() / "reader-high-contrast.yaml")
    assert theme.background == "#000000" and theme.foreground == "#FFFFFF"
    v = theme.variables
    for role in ("cursor", "counterpart", "search", "diff"):
        assert contrast(v[f"reader-{role}-text"], v[f"reader-{role}"]) >= 7, role
    for glyph in ("agree", "contradict", "unique", "annotation", "furniture"):
        assert contrast(v[f"reader-{glyph}"], "#000000") >= 7, glyph
    for tint in ("match-strong", "match-weak"):
        assert contrast("#FFFFFF", v[f"reader-{tint}"]) >= 7, tint
    hues = {v[f"reader-{k}"] for k in ("agree", "contradict", "unique", "annotation")}
    assert len(hues) == 4  # distinct hues, not shades of one


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ([1, 2], "mapping"),
        ({"primary": "#000000"}, "'name'"),
        ({"name": "Bad Name", "primary": "#000000"}, "'name'"),
        ({"name": "x"}, "'primary'"),
        ({"name": "x", "primary": "not-a-colour"}, "not a colour"),
        ({"name": "x", "primary": "#000", "backgound": "#111"}, "unknown key 'backgound'"),
        ({"name": "x", "primary": "#000", "dark": "yes"}, "'dark'"),
        ({"name": "x", "primary": "#000", "text_alpha": 3}, "'text_alpha'"),
        ({"name": "x", "primary": "#000", "variables": ["a"]}, "'variables'"),
        ({"name": "x", "primary": "#000", "variables": {"reader-agree": "pink-ish"}}, "colour"),
        ({"name": "x", "primary": "#000", "variables": {"reader-agre": "#fff"}}, "reader-agre"),
    ],
)
def test_invalid_theme_data_is_one_clear_line(data: object, fragment: str) -> None:
    with pytest.raises(ThemeFileError) as info:
        theme_from_data(data, "mine.yaml")
    message = str(info.value)
    assert message.startswith("mine.yaml: ") and fragment in message and "\n" not in message


def test_minimal_theme_gets_default_variables() -> None:
    theme = theme_from_data({"name": "tiny", "primary": "#336699"}, "tiny.yaml")
    assert theme.variables == VARIABLE_DEFAULTS and theme.dark


def test_broken_and_unparsable_files_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "a-good.yaml").write_text("name: good\nprimary: '#123456'\n")
    (tmp_path / "b-yaml.yaml").write_text("name: [oops\n")
    (tmp_path / "c-bad.yaml").write_text("name: bad\nprimary: nope\n")
    (tmp_path / "d-bytes.yaml").write_bytes(b"\xff\xfe\x00")
    themes, problems = load_themes([tmp_path, tmp_path / "missing"])
    assert [t.name for t in themes] == ["good"]
    assert len(problems) == 3 and all("\n" not in p for p in problems)
    assert "b-yaml.yaml: not valid YAML at line" in problems[0]


async def test_themes_registered_default_applied_and_variables_reach_tcss(tmp_path: Path) -> None:
    app = ThemedApp(tmp_path)
    async with app.run_test(size=(40, 5)) as pilot:
        await pilot.pause()
        assert {"reader-dark", "reader-light", "reader-high-contrast"} <= set(app.available_themes)
        assert app.theme == DEFAULT_THEME
        static = app.query_one(Static)
        dark = load_theme_file(themes_dir() / "reader-dark.yaml").variables
        assert static.styles.color == Color.parse(dark["reader-contradict"])
        app.theme = "textual-light"  # a built-in theme: our variables fall back, TCSS still works
        await pilot.pause()
        assert static.styles.color == Color.parse(VARIABLE_DEFAULTS["reader-contradict"])
        assert app.notices == []


async def test_broken_user_theme_is_one_notification_not_a_crash(tmp_path: Path) -> None:
    folder = tmp_path / USER_THEMES_FOLDER
    folder.mkdir()
    (folder / "mine.yaml").write_text("name: mine\nprimary: '#aa3355'\nbackground: '#fff'\n")
    (folder / "broken.yaml").write_text("name: broken\nprimary: [\n")
    assert theme_folders(tmp_path)[-1] == folder
    app = ThemedApp(tmp_path)
    async with app.run_test(size=(40, 5)) as pilot:
        await pilot.pause()
        assert "mine" in app.available_themes and "broken" not in app.available_themes
        assert len(app.notices) == 1 and "broken.yaml" in app.notices[0]


async def test_theme_choice_persists_across_runs(tmp_path: Path) -> None:
    first = ThemedApp(tmp_path)
    async with first.run_test(size=(40, 5)) as pilot:
        await pilot.pause()
        assert not (tmp_path / SETTINGS_FILE).exists()  # starting is not choosing
        first.theme = "reader-light"
        await pilot.pause()
    assert "theme: reader-light" in (tmp_path / SETTINGS_FILE).read_text()
    second = ThemedApp(tmp_path)
    async with second.run_test(size=(40, 5)) as pilot:
        await pilot.pause()
        assert second.theme == "reader-light"


async def test_theme_flag_applies_for_the_run_without_being_saved(tmp_path: Path) -> None:
    SettingsStore(tmp_path).save(SettingsStore(tmp_path).load()[0].with_theme("reader-light"))
    app = ThemedApp(tmp_path, override="reader-high-contrast")
    async with app.run_test(size=(40, 5)) as pilot:
        await pilot.pause()
        assert app.theme == "reader-high-contrast"
    assert "theme: reader-light" in (tmp_path / SETTINGS_FILE).read_text()


async def test_unknown_theme_flag_falls_back_with_a_notice(tmp_path: Path) -> None:
    app = ThemedApp(tmp_path, override="no-such-theme")
    async with app.run_test(size=(40, 5)) as pilot:
        await pilot.pause()
        assert app.theme == DEFAULT_THEME
        assert any("no-such-theme" in n for n in app.notices)


async def test_corrupt_settings_notice_and_file_untouched(tmp_path: Path) -> None:
    (tmp_path / SETTINGS_FILE).write_text("theme: [\n")
    app = ThemedApp(tmp_path)
    async with app.run_test(size=(40, 5)) as pilot:
        await pilot.pause()
        assert app.theme == DEFAULT_THEME
        assert len(app.notices) == 1 and SETTINGS_FILE in app.notices[0]
    assert (tmp_path / SETTINGS_FILE).read_text() == "theme: [\n"


async def test_no_color_is_honoured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = ThemedApp(tmp_path)
    async with app.run_test(size=(40, 5)) as pilot:
        await pilot.pause()
        assert app.no_color
        assert any(isinstance(f, Monochrome) for f in app._filters)
        # meaning survives without colour: the marker is a glyph, not only a hue
        assert "≠" in str(app.query_one(Static).render())
