"""An unknown ``--theme`` (or saved theme) names the theme used instead and the available ones."""

from __future__ import annotations

from typing import Any

from tui.themes import pick_theme


class ThemesApp:
    """What ``pick_theme`` uses of the app: its themes and notify."""

    def __init__(self, *themes: str) -> None:
        self.available_themes = {name: object() for name in themes}
        self.notices: list[str] = []

    def notify(self, message: str, **options: Any) -> None:
        self.notices.append(message)


def test_unknown_theme_names_the_one_used_and_the_choices() -> None:
    app = ThemesApp("reader-dark", "reader-light", "textual-dark")
    assert pick_theme(app, "nope", "reader-light") == "reader-light"  # type: ignore[arg-type]
    assert app.notices == [
        "unknown theme 'nope'; using 'reader-light' "
        "(available: reader-dark, reader-light, textual-dark)"
    ]


def test_unknown_themes_fall_back_to_the_default() -> None:
    app = ThemesApp("reader-dark", "textual-dark")
    assert pick_theme(app, "nope", None, "gone") == "reader-dark"  # type: ignore[arg-type]
    assert [n.split(";")[1] for n in app.notices] == [
        " using 'reader-dark' (available: reader-dark, textual-dark)"
    ] * 2
