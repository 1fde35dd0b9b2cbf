"""ReaderApp: wires the loaded articles into the reading screen."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import App, ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Header, Static

from tui.core.model import Article


class ReaderApp(App[None]):
    """Several accounts of one story, side by side."""

    TITLE = "reader"

    def __init__(self, articles: Sequence[Article]) -> None:
        super().__init__()
        self.articles = tuple(articles)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            for article in self.articles:
                with VerticalScroll():
                    yield Static(article.label, markup=False)
                    yield Static(article.text, markup=False)
        yield Footer()
