"""A pane header cuts a long label between words, marked with "…", never inside a word."""

from __future__ import annotations

from dataclasses import replace

import pytest
from textual.app import App, ComposeResult

from tests.app.reading_fixture import make_article
from tui.widgets.pane_header import PaneHeader


class HeaderApp(App[None]):
    def __init__(self, header: PaneHeader) -> None:
        super().__init__()
        self.header = header

    def compose(self) -> ComposeResult:
        yield self.header


@pytest.mark.parametrize(
    ("width", "shown"),
    [
        (40, "Fox Online News Network"),
        (26, "Fox Online…"),  # 24 columns inside: 13 for the label beside the date
        (22, "Fox…"),
    ],
)
async def test_a_long_label_is_cut_between_words(width: int, shown: str) -> None:
    article = make_article(0, "Fox Online News Network", ["One.", "Two."], set())
    article = replace(article, meta=replace(article.meta, published="2024-05-01"))
    header = PaneHeader(article)
    header.set_matched(0.5)
    app = HeaderApp(header)
    async with app.run_test(size=(width, 4)) as pilot:
        await pilot.pause()
        first = app.header.render().plain.splitlines()[0]
        assert first.split("  ")[0].strip() == shown
        assert first.endswith("2024-05-01")
