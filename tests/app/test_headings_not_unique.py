"""A heading no other source matches is never marked "◦ unique": a headline or a cross-head sums
the story up, it is no claim of its own (``Alignment.unique_sentences`` already said so; the
panes, the status line and the table marked them all the same)."""

from __future__ import annotations

from tests.app.reading_fixture import reading
from tui.app import ReaderApp
from tui.core.align import Alignment, SentenceRef, align_corpus
from tui.core.corpus import load_paths
from tui.resources import seeds_dir
from tui.widgets.alignment_table import AlignmentTable, table_rows
from tui.widgets.article_pane import LONE_HEADING, UNIQUE, classify
from tui.widgets.status_text import PaneWindow, status_text
from tui.widgets.table_view import TableView

SEEDS = load_paths([seeds_dir()]).articles
CROSS_HEAD = SentenceRef(0, 13)
"""CBC News #14, "Consultations next after talks": a cross-head no other source matches."""


def unmatched_headings(alignment: Alignment) -> list[SentenceRef]:
    """Headings with no match and no possible one (those with possible ones are marked ◌)."""
    return [
        ref
        for doc, article in enumerate(alignment.articles)
        for sentence in article.sentences
        if sentence.heading
        and not alignment.partners(ref := SentenceRef(doc, sentence.index))
        and alignment.group_of(ref) is None
        and not alignment.possible(ref)
    ]


def test_the_panes_mark_no_heading_unique() -> None:
    alignment = align_corpus(SEEDS)
    headings = unmatched_headings(alignment)
    assert CROSS_HEAD in headings and len(headings) > 5
    for doc, article in enumerate(alignment.articles):
        kinds, _ = classify(alignment, doc)
        for sentence in article.sentences:
            ref = SentenceRef(doc, sentence.index)
            if ref in headings:
                assert kinds[sentence.index] == LONE_HEADING, ref
            elif kinds[sentence.index] == UNIQUE:
                assert not sentence.heading
    assert any(kind == UNIQUE for kind in classify(alignment, 0)[0])  # the body ones still are


def test_the_status_line_says_no_heading_is_unique() -> None:
    alignment = align_corpus(SEEDS)
    window = PaneWindow(0, 5, 5)
    for ref in unmatched_headings(alignment):
        text = status_text(SEEDS, alignment, ref, window=window, sync=True, width=200).plain
        assert "unique" not in text and "◦" not in text, text
    where = status_text(SEEDS, alignment, CROSS_HEAD, window=window, sync=True, width=200)
    assert where.plain.split("\n")[0] == "CBC News · 14/74"


async def test_the_table_marks_no_heading_unique() -> None:
    alignment = align_corpus(SEEDS)
    app = ReaderApp(SEEDS, aligner=lambda articles, threshold, progress: alignment)
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await reading(pilot)
        await pilot.press("v")
        table = screen.query_one(TableView).query_one(AlignmentTable)
        for _ in range(50):
            await pilot.pause(0.02)
            if table.filled:
                break
        assert table.filled
        flags = {
            row.members: str(table.get_cell(f"{row.key}", "flag"))
            for row in table.rows_shown
            if row.group is None
        }
        assert flags[(CROSS_HEAD,)] == ""
        headings = set(unmatched_headings(alignment))
        for members, flag in flags.items():
            if members[0] in headings:
                assert flag == "", members
        assert "◦" in flags.values()  # the body sentences no one else reports still have it
    rows = {row.members: row for row in table_rows(alignment)}
    assert rows[(CROSS_HEAD,)].heading
