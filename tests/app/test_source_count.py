"""The status line's "in N of M sources" counts the articles the panes show a counterpart in,
linked at the threshold or above (a figure link below it is shown but not counted).

On the seeds, a pair scoring above the threshold could sit across two groups: CBC #8 showed
counterparts in RFE/RL repost and ITV while the status said "in 2 of 5 sources".
"""

from __future__ import annotations

import re

from tests.app.reading_fixture import reading
from tui.app import ReaderApp
from tui.core.align import SentenceRef
from tui.core.corpus import load_paths
from tui.resources import seeds_dir
from tui.widgets.status_line import StatusLine


async def test_every_status_count_agrees_with_the_counterparts_shown() -> None:
    articles = load_paths([seeds_dir()]).articles
    app = ReaderApp(articles)
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await reading(pilot)
        alignment = screen.alignment
        checked = below = 0
        for doc, article in enumerate(articles):
            for sentence in article.body_sentences:
                ref = SentenceRef(doc, sentence.index)
                shown = [
                    other
                    for other in range(len(articles))
                    if other != doc and screen.counterpart_in(ref, other) is not None
                ]
                if not shown:
                    continue
                screen.move_cursor(doc, sentence.index)
                await pilot.pause()
                text = str(screen.query_one(StatusLine).render())
                count = re.search(r"in (\d+) of 5 sources", text)
                counted = alignment.sources_of(ref)
                assert set(counted) <= {doc, *shown}, (ref, counted, shown)
                if len(counted) == 1:  # shown beside it, linked below the threshold only
                    assert count is None and "unique" not in text, text
                    below += 1
                    continue
                assert count is not None, text
                assert int(count.group(1)) == len(counted), (ref, text, shown)
                checked += 1
        assert checked > 50 and below > 0


async def test_every_table_row_counts_the_sources_it_shows() -> None:
    from tui.widgets.alignment_table import GAP, AlignmentTable

    articles = load_paths([seeds_dir()]).articles
    app = ReaderApp(articles)
    async with app.run_test(size=(200, 50)) as pilot:
        await reading(pilot)
        assert app.alignment is not None
        await pilot.press("v")
        table = app.screen.query_one(AlignmentTable)
        for _ in range(50):
            await pilot.pause(0.02)
            if table.filled:
                break
        assert table.filled and table.row_count > 50
        doc_columns = [key for key in table.columns if str(key.value).startswith("doc")]
        assert len(doc_columns) == 5
        for row in range(table.row_count):
            sources = str(table.get_cell_at((row, 1))).split("/")[0]
            shown = [
                column
                for column in doc_columns
                if str(table.get_cell(table.rows_shown[row].key, column)).strip() != GAP
            ]
            assert int(sources) == len(shown), (row, sources, shown)
            for ref in table.rows_shown[row].members:  # the status line on that sentence
                assert len(app.alignment.sources_of(ref)) <= int(sources), (row, ref)
