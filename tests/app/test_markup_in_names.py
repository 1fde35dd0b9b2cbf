"""Labels and paths with brackets ("Daily [/] News", "notes[v2]") are shown as written, never
read as markup: as markup they crashed the table, the candidates view and the notes panel."""

from __future__ import annotations

from pathlib import Path

from textual.content import Content
from textual.widgets import DataTable, Label

from tests.app.reading_fixture import reading
from tui.app import ReaderApp
from tui.core.corpus import make_article
from tui.core.model import ArticleMeta
from tui.screens.candidates import CandidatesScreen
from tui.screens.notes_panel import NotesPanel

LABEL = "Daily [/] News"


def articles() -> list:  # type: ignore[type-arg]
    first = make_article(
        "a",
        "a.md",
        "The mayor said 12 people died in the flood. Rescue teams worked all night.",
        ArticleMeta(title="", source=LABEL, url="", published="", extra={}),
    )
    second = make_article(
        "b",
        "report [i].txt",
        "The mayor said 14 people died in the flood. Rescue teams worked all night.",
    )
    return [first, second]


async def test_table_candidates_and_notes_panel_show_brackets_literally(tmp_path: Path) -> None:
    notes = tmp_path / "notes[v2]" / "[b]n.yaml"
    notes.parent.mkdir()
    app = ReaderApp(articles(), data_dir=tmp_path / "data", notes_path=notes)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await reading(pilot)
        assert screen.articles[0].label == LABEL  # the metadata's source is the label

        await pilot.press("v")
        await pilot.pause()
        table = screen.query_one(DataTable)
        headers = [str(column.label) for column in table.columns.values()]
        assert LABEL in headers and "report [i]" in headers, headers
        await pilot.press("v")
        await pilot.pause()

        await pilot.press("i")  # the cursor starts on the sentence with the 12-vs-14 candidate
        await pilot.pause()
        assert isinstance(app.screen, CandidatesScreen), app.screen
        titles = [  # the getter gives the title back as markup
            Content.from_markup(widget.border_title).plain
            for widget in app.screen.query("*")
            if widget.border_title
        ]
        assert any(LABEL in title for title in titles), titles
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("m")
        await pilot.pause()
        panel = app.screen
        assert isinstance(panel, NotesPanel)
        title = str(panel.query_one("#notes-title", Label).render())
        assert "notes[v2]/[b]n.yaml" in title, title
