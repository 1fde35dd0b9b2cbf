"""The table view (``v``) on corpora too big for one column per article or one batch of rows."""

from __future__ import annotations

import asyncio
from typing import Any

from textual.app import App
from textual.message import Message
from textual.pilot import Pilot
from textual.widgets import Static

from tests.app.reading_fixture import make_app, make_article, reading, sample_corpus
from tui.core.align import Alignment, SentenceRef
from tui.screens.reading import ReadingScreen
from tui.themes import VARIABLE_DEFAULTS
from tui.widgets.alignment_table import FIRST_ROWS, AlignmentTable
from tui.widgets.table_view import TABLE_ALL_COLUMNS


async def open_table(pilot: Pilot[Any], screen: ReadingScreen) -> AlignmentTable:
    await pilot.press("v")
    await pilot.pause()
    await pilot.pause()
    table = screen.query_one(AlignmentTable)
    assert table.has_focus
    return table


def caption(screen: ReadingScreen) -> Static:
    return screen.query_one("#table-caption", Static)


def labels(table: AlignmentTable) -> list[str]:
    return [str(column.label) for column in table.columns.values()][3:]


async def test_many_articles_get_columns_for_the_panes_on_screen_only() -> None:
    alignment = sample_corpus(extra_articles=TABLE_ALL_COLUMNS)  # 3 + 8 articles
    app = make_app(alignment)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await reading(pilot)
        assert screen.visible_docs == [0, 1, 2, 3, 4]
        table = await open_table(pilot, screen)
        assert table.docs == (0, 1, 2, 3, 4)
        assert labels(table) == ["Alpha", "Beta", "Gamma", "Extra0", "Extra1"]
        # every row has a sentence in a column: no line of gaps for the hidden articles
        assert all(any(r.doc in table.docs for r in row.members) for row in table.rows_shown)
        assert not any(r.doc >= 5 for row in table.rows_shown for r in row.members)
        assert str(table.get_row_at(0)[1]).endswith("/11")  # counts still cover every source
        assert caption(screen).display
        assert "panes on screen, 1-5 of 11" in str(caption(screen).render())
        await pilot.press("greater_than_sign")  # the next source gets a column
        await pilot.pause()
        assert table.docs == (1, 2, 3, 4, 5) and labels(table)[-1] == "Extra2"
        assert "2-6 of 11" in str(caption(screen).render())
        assert screen.view_mode == "table" and table.has_focus
        screen.set_pane_shown(3, False)  # as the pane chooser (p) does
        await pilot.pause()
        assert 3 not in table.docs
        assert "of 10 (1 hidden)" in str(caption(screen).render())
        await pilot.press("j", "j")  # following the table stays within its columns
        await pilot.pause()
        assert screen.focused_doc in table.docs
        assert table.docs == tuple(screen.visible_docs)


async def test_few_articles_keep_a_column_each_and_no_caption() -> None:
    app = make_app()  # three articles: the table as before
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await reading(pilot)
        assert screen.visible_docs == [0, 1]
        table = await open_table(pilot, screen)
        assert labels(table) == ["Alpha", "Beta", "Gamma"]
        assert not caption(screen).display
        assert table.filled


def long_corpus(sentences: int) -> Alignment:
    """Three articles with nothing in common: one table row per sentence."""
    articles = tuple(
        make_article(
            doc, name, [f"{name} says thing {i} happened." for i in range(sentences)], set()
        )
        for doc, name in enumerate(["Alpha", "Beta", "Gamma"])
    )
    return Alignment(articles, (), (), ())


async def test_a_long_table_fills_in_slices_with_progress_and_finds_the_cursor() -> None:
    alignment = long_corpus(FIRST_ROWS)  # 3 x FIRST_ROWS rows
    app = make_app(alignment)
    progress: list[tuple[int, int, str]] = []

    def hook(message: Message) -> None:
        if isinstance(message, AlignmentTable.Filling):  # caption: as the last one left it
            shown = app.screen.query_one("#table-caption", Static)
            text = str(shown.render()) if shown.display else ""
            progress.append((message.added, message.total, text))

    async with app.run_test(size=(160, 48), message_hook=hook) as pilot:
        screen = await reading(pilot)
        screen.move_cursor(2, FIRST_ROWS - 5)  # row 3 x 195 + 2: far past the first slice
        await pilot.pause()
        await pilot.press("v")
        table = screen.query_one(AlignmentTable)
        for _ in range(500):
            if table.filled:
                break
            await asyncio.sleep(0.01)
        await pilot.pause()
        assert table.filled and table.row_count == 3 * FIRST_ROWS
        total = 3 * FIRST_ROWS
        assert progress[0][:2] == (FIRST_ROWS, total)  # the first slice only: the UI goes on
        assert len(progress) > 2 and progress[-1][:2] == (total, total)
        assert f"filling {FIRST_ROWS} of {total} rows" in progress[1][2]  # progress shown
        assert not caption(screen).display  # three articles, all filled: nothing to say
        target = table.row_of(SentenceRef(2, FIRST_ROWS - 5))
        assert table.cursor_row == target  # the cursor went there once the row was in
        assert screen.focused_ref == SentenceRef(2, FIRST_ROWS - 5)  # and was not echoed back
        await pilot.press("j")  # rows in reading order: the next one is Alpha's next sentence
        await pilot.pause()
        assert screen.focused_ref == SentenceRef(0, FIRST_ROWS - 4)


class TableApp(App[None]):
    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(VARIABLE_DEFAULTS)


async def test_moving_before_the_row_is_in_wins_over_the_pending_jump() -> None:
    app = TableApp()
    async with app.run_test(size=(120, 30)) as pilot:
        table = AlignmentTable()
        await app.mount(table)
        table.set_alignment(long_corpus(FIRST_ROWS))
        assert not table.filled
        assert table.select_ref(SentenceRef(2, FIRST_ROWS - 5))  # not in yet: remembered
        assert table.cursor_row == 0
        table.action_cursor_down()  # the reader moves on meanwhile
        for _ in range(500):
            if table.filled:
                break
            await asyncio.sleep(0.01)
        await pilot.pause()
        assert table.filled and table.cursor_row == 1  # not yanked to the row asked for


async def test_help_names_the_table_view_not_the_widget() -> None:
    from tui.screens.help import HelpScreen

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await reading(pilot)
        await open_table(pilot, screen)
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        titles = [section.title for section in help_screen.sections]
        assert titles[0] == "In the table view"
        assert not any("AlignmentTable" in title for title in titles)


def column_on_screen(table: AlignmentTable, doc: int) -> bool:
    columns = table.ordered_columns
    index = [column.key.value for column in columns].index(f"doc{doc}")
    x = sum(column.get_render_width(table) for column in columns[:index]) - table.scroll_x
    fixed = sum(column.get_render_width(table) for column in columns[: table.fixed_columns])
    width = columns[index].get_render_width(table)
    return fixed <= x and x + width <= table.scrollable_content_region.width


async def test_the_table_scrolls_sideways_to_the_focused_sources_column() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await reading(pilot)
        await pilot.press("l", "l")  # Gamma: its column is off to the right at 80 columns
        await pilot.pause()
        assert screen.focused_doc == 2
        table = await open_table(pilot, screen)
        await pilot.pause()
        assert column_on_screen(table, 2)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("h", "h", "v")  # back to Alpha: the table scrolls back left
        for _ in range(3):
            await pilot.pause()
        assert screen.focused_doc == 0
        assert column_on_screen(table, 0)


async def test_source_columns_fit_the_window_so_the_last_is_not_cut() -> None:
    """Five sources at 120 columns: every column fits, each cut sentence ends with …;
    a narrower window refits them (the last column was hard-clipped: "Talks are ex")."""
    app = make_app(sample_corpus(extra_articles=2))  # 5 articles: one column each
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await reading(pilot)
        table = await open_table(pilot, screen)

        def fits() -> None:
            assert len(table.docs) == 5
            total = sum(column.get_render_width(table) for column in table.ordered_columns)
            assert total <= table.scrollable_content_region.width
            for column in table.ordered_columns[3:]:
                for cell in table.get_column(column.key):
                    text = str(cell)
                    assert len(text) <= table.cell_width
                    if "Alpha reports" in text:
                        assert text.endswith("…")

        fits()
        cursor = table.ref_for_row(table.cursor_row)
        await pilot.resize_terminal(110, 40)
        await pilot.pause()
        await pilot.pause()
        fits()
        assert table.ref_for_row(table.cursor_row) == cursor
