"""The alignment table: one row per fact, gaps visible, and moving in it reports where to go."""

from __future__ import annotations

from dataclasses import replace

from textual.app import App, ComposeResult

from tests.app.alignment_fixture import sample_alignment
from tui.core.align import Alignment, SentenceRef
from tui.core.candidates import Discrepancy
from tui.resources import themes_dir
from tui.themes import VARIABLE_DEFAULTS, load_theme_file, register_themes
from tui.widgets.alignment_table import GAP, AlignmentTable, table_rows
from tui.widgets.pane_styles import COMPATIBLE_GLYPH, CONTRADICTION_GLYPH, UNIQUE_GLYPH


class TableApp(App[None]):
    """Hosts the table and records what it tells the (future) reading screen."""

    def __init__(self, alignment: Alignment | None = None, order: list[int] | None = None) -> None:
        super().__init__()
        self.order = order
        self.alignment = alignment or sample_alignment()
        self.messages: list[AlignmentTable.GroupHighlighted] = []

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(VARIABLE_DEFAULTS)

    def compose(self) -> ComposeResult:
        yield AlignmentTable(self.alignment, order=self.order)

    def on_alignment_table_group_highlighted(self, event: AlignmentTable.GroupHighlighted) -> None:
        self.messages.append(event)

    def on_alignment_table_group_selected(self, event: AlignmentTable.GroupSelected) -> None:
        self.messages.append(event)


def test_rows_are_groups_and_unique_sentences_in_reading_order() -> None:
    rows = table_rows(sample_alignment())
    r = SentenceRef
    assert [row.members for row in rows] == [
        (r(0, 0), r(1, 0), r(2, 1)),  # the bridge collapsed (all three)
        (r(2, 0),),  # BBC only: the loud bang (position 0 of 2)
        (r(0, 1), r(1, 1)),  # injured, with a contradiction
        (r(0, 3),),  # Reuters only: traffic; the furniture line has no row
    ]
    assert [row.contradiction for row in rows] == [False, False, True, False]
    assert rows[1].group is None and rows[0].group is not None


async def test_table_shows_sources_gaps_and_markers() -> None:
    app = TableApp()
    async with app.run_test(size=(160, 20)) as pilot:
        await pilot.pause()
        table = app.query_one(AlignmentTable)
        assert table.row_count == 4
        assert [str(c.label) for c in table.columns.values()][3:] == ["Reuters", "AP", "BBC"]
        first = [str(cell) for cell in table.get_row_at(0)]
        assert first[1] == "3/3" and first[3].startswith("The bridge collapsed")
        unique = [str(cell) for cell in table.get_row_at(1)]
        assert unique[1] == "1/3" and unique[2] == UNIQUE_GLYPH
        assert unique[3] == GAP and unique[4] == GAP and unique[5].startswith("Residents")
        injured = [str(cell) for cell in table.get_row_at(2)]
        assert injured[2] == CONTRADICTION_GLYPH and injured[5] == GAP
        assert all(len(str(cell)) <= 30 for cell in table.get_row_at(2))
        assert app.messages == []  # filling the table is not a move


async def test_moving_the_cursor_posts_the_row_sentence_in_the_preferred_source() -> None:
    app = TableApp()
    async with app.run_test(size=(160, 20)) as pilot:
        table = app.query_one(AlignmentTable)
        table.focus()
        table.preferred_doc = 1
        await pilot.press("down")
        await pilot.pause()
        (moved,) = app.messages
        assert isinstance(moved, AlignmentTable.GroupHighlighted)
        assert moved.group is None and moved.ref == SentenceRef(2, 0)  # AP lacks it: BBC's
        await pilot.press("j")
        await pilot.pause()
        assert app.messages[-1].ref == SentenceRef(1, 1)
        assert app.messages[-1].group is not None
        await pilot.press("G")
        await pilot.pause()
        assert app.messages[-1].ref == SentenceRef(0, 3)
        await pilot.press("g", "enter")
        await pilot.pause()
        selected = app.messages[-1]
        assert isinstance(selected, AlignmentTable.GroupSelected)
        assert selected.ref == SentenceRef(1, 0)


async def test_select_ref_moves_without_echo_and_sets_preferred_source() -> None:
    app = TableApp()
    async with app.run_test(size=(160, 20)) as pilot:
        table = app.query_one(AlignmentTable)
        assert table.select_ref(SentenceRef(1, 1))
        await pilot.pause()
        assert table.cursor_row == 2 and table.preferred_doc == 1
        assert app.messages == []  # the screen asked for it: no echo back to the panes
        assert not table.select_ref(SentenceRef(0, 2))  # furniture has no row
        assert table.cursor_row == 2
        table.focus()
        await pilot.press("up")
        await pilot.pause()
        assert [m.ref for m in app.messages] == [SentenceRef(2, 0)]


async def test_column_order_follows_the_visible_articles() -> None:
    app = TableApp(order=[2, 0])
    async with app.run_test(size=(120, 20)) as pilot:
        await pilot.pause()
        table = app.query_one(AlignmentTable)
        assert [str(c.label) for c in table.columns.values()][3:] == ["BBC", "Reuters"]
        assert str(table.get_row_at(0)[1]) == "3/3"  # counts still cover every source


async def test_a_long_column_label_is_cut_between_words() -> None:
    """A label longer than the column ends on a whole word, marked "…", never inside one."""
    alignment = sample_alignment()
    long = replace(alignment.articles[0], label="Fox Online News Network International")
    alignment = replace(alignment, articles=(long, *alignment.articles[1:]))
    app = TableApp(alignment)
    async with app.run_test(size=(160, 20)) as pilot:
        await pilot.pause()
        table = app.query_one(AlignmentTable)
        assert table.cell_width == 30
        labels = [str(c.label) for c in table.columns.values()][3:]
        assert labels == ["Fox Online News Network…", "AP", "BBC"]


async def test_rapid_keys_end_on_the_last_row_reached() -> None:
    app = TableApp()
    async with app.run_test(size=(160, 20)) as pilot:
        table = app.query_one(AlignmentTable)
        table.focus()
        await pilot.press("down", "down", "down")
        await pilot.pause()
        assert app.messages and app.messages[-1].ref == SentenceRef(0, 3)
        assert table.cursor_row == 3


async def test_markers_take_the_theme_colours_and_follow_theme_changes() -> None:
    app = TableApp()
    async with app.run_test(size=(160, 20)) as pilot:
        await pilot.pause()
        table = app.query_one(AlignmentTable)
        flag = table.get_row_at(2)[2]
        assert VARIABLE_DEFAULTS["reader-contradict"] in str(flag.style)  # built-in theme
        register_themes(app)
        app.theme = "reader-high-contrast"
        await pilot.pause()
        await pilot.pause()
        colours = load_theme_file(themes_dir() / "reader-high-contrast.yaml").variables
        assert colours["reader-contradict"] in str(table.get_row_at(2)[2].style)
        assert colours["reader-unique"] in str(table.get_row_at(1)[2].style)
        assert colours["reader-agree"] in str(table.get_row_at(0)[1].style)  # all sources


def test_flags_count_only_candidates_between_tabulated_articles() -> None:
    """With columns for Reuters and BBC only, the Reuters/AP conflict is not that row's ⚑."""
    rows = table_rows(sample_alignment(), docs=[0, 2])
    injured = next(row for row in rows if SentenceRef(0, 1) in row.members)
    assert not injured.contradiction and not injured.compatible
    everyone = table_rows(sample_alignment())
    assert next(row for row in everyone if SentenceRef(0, 1) in row.members).contradiction


def test_a_refinement_only_row_is_compatible_not_a_contradiction() -> None:
    base = sample_alignment()
    (conflict,) = base.discrepancies
    refinement = Discrepancy(conflict.kind, "refinement", conflict.a, conflict.b, "refines")
    alignment = Alignment(base.articles, base.pairs, base.groups, (refinement,))
    injured = next(row for row in table_rows(alignment) if SentenceRef(0, 1) in row.members)
    assert (injured.contradiction, injured.compatible) == (False, True)


async def test_a_compatible_row_shows_the_compatible_glyph() -> None:
    base = sample_alignment()
    (conflict,) = base.discrepancies
    refinement = Discrepancy(conflict.kind, "refinement", conflict.a, conflict.b, "refines")
    app = TableApp(Alignment(base.articles, base.pairs, base.groups, (refinement,)))
    async with app.run_test(size=(160, 20)) as pilot:
        await pilot.pause()
        table = app.query_one(AlignmentTable)
        flags = [str(table.get_row_at(i)[2]) for i in range(table.row_count)]
        assert flags.count(COMPATIBLE_GLYPH) == 1 and CONTRADICTION_GLYPH not in flags
