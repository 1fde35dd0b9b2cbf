"""The pane screen on its own, in a bare Textual app: it reads, moves, follows and searches
with no notes file, no table and none of reader's app wiring (only its colours)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual.app import App

import tui
from tests.app.reading_fixture import alpha_to_beta, sample_corpus
from tui.core.model import Article
from tui.messages import AlignmentProgress
from tui.screens.panes import PaneScreen
from tui.themes import VARIABLE_DEFAULTS

READER_CSS = Path(tui.__file__).parent / "reader.tcss"


class BareApp(App[None]):
    CSS_PATH = READER_CSS

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(VARIABLE_DEFAULTS)

    def __init__(self, articles: Sequence[Article]) -> None:
        super().__init__()
        self.articles = articles

    def on_mount(self) -> None:
        self.push_screen(PaneScreen(self.articles))


async def test_the_pane_screen_moves_follows_and_searches_without_notes_or_table() -> None:
    alignment = sample_corpus()
    async with BareApp(alignment.articles).run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, PaneScreen)
        assert screen.visible_docs == [0, 1, 2]
        start = screen.cursors[0]
        screen.action_move(1)
        await pilot.pause()
        assert screen.focused_ref.sentence == start + 1
        assert screen.cursors[1] != alpha_to_beta(start + 1)  # nothing to follow yet

        screen.post_message(AlignmentProgress(0.5))
        await pilot.pause()
        assert "Aligning 3 articles… 50%" in screen.status_line.text

        screen.shown_alignment.aligned(alignment, None)
        screen.shown_alignment.update(None, ())
        screen.panes.set_alignment(screen.shown)
        screen.move_cursor(0, 20)
        await pilot.pause()
        assert screen.cursors[1] == alpha_to_beta(20)  # Beta follows Alpha now

        screen.action_pane(1)
        screen.search(alignment.articles[0].sentences[20].text.split()[0])
        await pilot.pause()
        assert screen.hits and screen.focused_ref.doc == screen.hits[screen.find.index].doc
        screen.action_clear_search()
        assert screen.hits == []
