"""Pilot tests of the reader's corrections: `L` links, `U` unlinks, `o` shows possible matches.

What the reader presses, what lands in the notes file, and that the whole screen follows the
corrected alignment: groups, sync, marks, headers, status line, table and candidates.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.widgets import OptionList

from tests.app.reading_fixture import CONFLICT, make_article, notes_app, reading, sample_corpus
from tui.annotations import Annotations
from tui.app import ReaderApp
from tui.core.align import Alignment, Pair, SentenceRef
from tui.core.notes import NotesDocument, parse_document
from tui.core.notes_store import NotesStore
from tui.screens.help import HelpScreen
from tui.screens.reading import ReadingScreen
from tui.screens.unlink_chooser import UnlinkChooser
from tui.widgets.alignment_table import AlignmentTable, table_rows
from tui.widgets.article_pane import POSSIBLE, STRONG, UNIQUE

SIZE = (160, 40)
"""Five panes side by side."""
r = SentenceRef


def on_disk(path: Path) -> NotesDocument:
    return parse_document(path.read_text(encoding="utf-8"), str(path))


def kinds_on_disk(path: Path) -> list[str]:
    return [a.kind for a in on_disk(path).annotations]


def status(screen: ReadingScreen) -> str:
    return str(screen.status_line.render())


async def go(screen: ReadingScreen, pilot: object, ref: SentenceRef) -> None:
    screen.move_cursor(ref.doc, ref.sentence)
    await pilot.pause()  # type: ignore[attr-defined]


async def test_L_links_a_selection_across_three_panes_as_one_group(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    app = notes_app(path, sample_corpus(extra_articles=2))
    async with app.run_test(size=SIZE) as pilot:
        screen = await reading(pilot)
        alpha, extra0, extra1 = r(0, 0), r(3, 1), r(4, 2)  # each reported nowhere else
        for ref in (alpha, extra0, extra1):
            assert screen.pane(ref.doc).kinds[ref.sentence] == UNIQUE
        assert screen.panes.header(3).matched == 0.0
        await go(screen, pilot, alpha)
        assert "◦ no match found" in status(screen)
        for ref in (alpha, extra0, extra1):
            await go(screen, pilot, ref)
            await pilot.press("space")
        await pilot.press("L")
        await pilot.pause()

        # the notes file holds one link of the three sentences
        [link] = on_disk(path).annotations
        assert link.kind == "link"
        assert [(t.article.id, t.sentence) for t in link.targets] == [
            ("a0", 0),
            ("a3", 1),
            ("a4", 2),
        ]
        assert screen.selection == frozenset()
        # one group of three; the ◦ marks are gone, the headers count the new matches
        group = screen.alignment.group_of(alpha)
        assert group is not None and set(group.members) == {alpha, extra0, extra1}
        for ref in (alpha, extra0, extra1):
            assert screen.pane(ref.doc).kinds[ref.sentence] == STRONG
        assert screen.panes.header(3).matched == 1 / 12
        assert "1 of 12 body sentences" in str(screen.panes.header(3).tooltip)
        # sync brings the linked sentences beside the cursor
        await go(screen, pilot, alpha)
        assert screen.pane(3).counterpart == 1 and screen.cursors[3] == 1
        assert screen.pane(4).counterpart == 2 and screen.cursors[4] == 2
        said = status(screen)
        assert "in 3 of 5 sources" in said and "linked by you: Extra0, Extra1" in said
        assert "unique" not in said
        # the table has one row for the three, counted 3/5
        row = next(row for row in table_rows(screen.alignment) if alpha in row.members)
        assert set(row.members) == {alpha, extra0, extra1}
        await pilot.press("v")
        await pilot.pause()
        table = screen.query_one(AlignmentTable)
        assert table.alignment is screen.alignment
        cells = [str(cell) for cell in table.get_row(row.key)]
        assert cells[1] == "3/5"


async def test_U_removes_an_engine_link_and_reopening_keeps_it_removed(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    corpus = sample_corpus()
    alpha = r(0, 1)  # paired with Beta 6 only
    app = notes_app(path, corpus)
    async with app.run_test(size=SIZE) as pilot:
        screen = await reading(pilot)
        await go(screen, pilot, alpha)
        assert screen.alignment.pair_between(alpha, r(1, 6)) is not None
        await pilot.press("U")  # one counterpart: no question asked
        await pilot.pause()
        assert kinds_on_disk(path) == ["unlink"]
        assert screen.alignment.pair_between(alpha, r(1, 6)) is None
        assert screen.pane(0).kinds[1] == UNIQUE
        assert screen.pane(1).counterpart is None
        assert "◦ no match found" in status(screen)
    app = notes_app(path, corpus)  # the same notes file, a new run
    async with app.run_test(size=SIZE) as pilot:
        screen = await reading(pilot)
        assert screen.alignment.pair_between(alpha, r(1, 6)) is None
        assert screen.pane(0).kinds[1] == UNIQUE


async def test_U_with_several_counterparts_asks_which(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    app = notes_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await reading(pilot)
        alpha = r(0, 11)  # paired with Beta 16 and Gamma 1
        await go(screen, pilot, alpha)
        await pilot.press("U", "escape")  # escape: nothing removed
        await pilot.pause()
        assert app.screen is screen and on_disk(path).annotations == ()
        await pilot.press("U")
        await pilot.pause()
        chooser = app.screen
        assert isinstance(chooser, UnlinkChooser)
        assert [c.ref for c in chooser.counterparts] == [r(1, 16), r(2, 1)]  # best first
        listing = chooser.query_one(OptionList)
        assert "Gamma #2 · match 88" in str(listing.get_option_at_index(1).prompt)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.screen is screen
        assert screen.alignment.pair_between(alpha, r(2, 1)) is None
        assert screen.alignment.pair_between(alpha, r(1, 16)) is not None
        [unlink] = on_disk(path).annotations
        assert [(t.article.id, t.sentence) for t in unlink.targets] == [("a0", 11), ("a2", 1)]


async def test_j_and_k_choose_in_the_unlink_list_as_in_the_candidates_view(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    app = notes_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await reading(pilot)
        alpha = r(0, 11)  # paired with Beta 16 and Gamma 1
        await go(screen, pilot, alpha)
        await pilot.press("U", "j", "k", "j")
        await pilot.pause()
        listing = app.screen.query_one(OptionList)
        assert listing.highlighted == 1
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert screen.alignment.pair_between(alpha, r(2, 1)) is None
        assert screen.alignment.pair_between(alpha, r(1, 16)) is not None


async def test_undo_takes_back_a_link_and_an_unlink(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    app = notes_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await reading(pilot)
        alpha, beta = r(0, 1), r(1, 6)
        engine = screen.alignment
        await go(screen, pilot, alpha)
        await pilot.press("U")
        await pilot.pause()
        assert screen.alignment.pair_between(alpha, beta) is None
        # linking the two again replaces the unlink: one annotation, the reader's last word
        await go(screen, pilot, beta)
        await pilot.press("space")
        await go(screen, pilot, alpha)
        await pilot.press("L")
        await pilot.pause()
        assert kinds_on_disk(path) == ["link"]
        pair = screen.alignment.pair_between(alpha, beta)
        assert pair is not None and pair.origin == "user"
        await pilot.press("u")  # the link goes, the unlink is back
        await pilot.pause()
        assert kinds_on_disk(path) == ["unlink"]
        assert screen.alignment.pair_between(alpha, beta) is None
        await pilot.press("u")  # the unlink goes: the engine's pair is back
        await pilot.pause()
        assert kinds_on_disk(path) == []
        assert screen.alignment.pairs == engine.pairs
        assert screen.pane(0).kinds[1] != UNIQUE


def possible_corpus() -> Alignment:
    """The sample with Alpha 0 (unique) possibly matched by Beta 0 (41) and Gamma 3 (30)."""
    corpus = sample_corpus(extra_articles=2)
    possible = (Pair(r(0, 0), r(1, 0), 41.0), Pair(r(0, 0), r(2, 3), 30.0))
    return Alignment(
        corpus.articles, corpus.pairs, corpus.groups, corpus.discrepancies, 50.0, possible
    )


async def test_a_possible_match_is_offered_and_confirmed_with_o_then_L(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    app = notes_app(path, possible_corpus())
    async with app.run_test(size=SIZE) as pilot:
        screen = await reading(pilot)
        alpha = r(0, 0)
        await go(screen, pilot, alpha)
        assert screen.pane(0).kinds[0] == POSSIBLE  # ◌, not ◦ unique
        said = status(screen)
        assert "no match; possible: Beta #1 (41), Gamma #4 (30) — L links" in said
        assert "unique" not in said
        await pilot.press("o")  # the best one beside the cursor, highlighted
        await pilot.pause()
        assert screen.possible_shown == r(1, 0)
        assert screen.pane(1).counterpart == 0 and screen.cursors[1] == 0
        assert screen.pane(1).screen_row_of(0) == screen.pane(0).screen_row_of(0)
        assert screen.panes.header(1).sync_note == "◌ possible"
        assert "possible match 1 of 2: Beta #1 (41) shown beside it" in status(screen)
        await pilot.press("o")  # the next one
        await pilot.pause()
        assert screen.possible_shown == r(2, 3)
        assert screen.pane(2).counterpart == 3
        assert screen.pane(1).counterpart is None
        await pilot.press("o", "L")  # round to the first, and link it
        await pilot.pause()
        [link] = on_disk(path).annotations
        assert [(t.article.id, t.sentence) for t in link.targets] == [("a0", 0), ("a1", 0)]
        pair = screen.alignment.pair_between(alpha, r(1, 0))
        assert pair is not None and pair.origin == "user"
        assert screen.pane(0).kinds[0] == STRONG
        assert screen.possible_shown is None
        assert "linked by you: Beta" in status(screen)


async def test_L_on_a_possible_match_shows_it_first(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    app = notes_app(path, possible_corpus())
    async with app.run_test(size=SIZE) as pilot:
        screen = await reading(pilot)
        await go(screen, pilot, r(0, 0))
        await pilot.press("L")  # nothing chosen: the best possible match is shown, not linked
        await pilot.pause()
        assert screen.possible_shown == r(1, 0)
        assert on_disk(path).annotations == ()
        await pilot.press("L")
        await pilot.pause()
        assert kinds_on_disk(path) == ["link"]


async def test_moving_on_forgets_the_possible_match_shown(tmp_path: Path) -> None:
    app = notes_app(tmp_path / "notes.yaml", possible_corpus())
    async with app.run_test(size=SIZE) as pilot:
        screen = await reading(pilot)
        await go(screen, pilot, r(0, 0))
        await pilot.press("o", "j")
        await pilot.pause()
        assert screen.possible_shown is None
        assert screen.panes.header(1).sync_note != "◌ possible"


def figures_corpus() -> Alignment:
    """Two short reports giving two tolls, not aligned by the engine."""
    fox = make_article(
        0, "Fox", ["Storm hits the coast.", "Twelve people were killed in the storm."], set()
    )
    vox = make_article(
        1,
        "Vox",
        ["A storm struck overnight.", "The storm killed 15 people, officials said."],
        set(),
    )
    vox = replace(vox, meta=fox.meta)  # one day: a later report would give an update
    return Alignment((fox, vox), (), (), ())


async def test_a_link_between_different_figures_raises_their_flags(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    app = notes_app(path, figures_corpus())
    async with app.run_test(size=SIZE) as pilot:
        screen = await reading(pilot)
        fox, vox = r(0, 1), r(1, 1)
        assert screen.alignment.discrepancies == ()
        await go(screen, pilot, vox)
        await pilot.press("space")
        await go(screen, pilot, fox)
        await pilot.press("L")
        await pilot.pause()
        [disc] = screen.alignment.discrepancies_of(fox)
        assert disc.kind == "number" and disc.status == "conflict"
        assert screen.pane(0).flagged[1] and screen.pane(1).flagged[1]
        assert "⚑ number conflict vs Vox #2" in status(screen)
        await pilot.press("u")
        await pilot.pause()
        assert screen.alignment.discrepancies == ()


async def test_the_keys_are_in_help_and_can_be_remapped(tmp_path: Path) -> None:
    (tmp_path / "keymap.yaml").write_text("reader.possible: ctrl+o\nreader.link: K\n", "utf-8")
    app = ReaderApp(
        possible_corpus().articles,
        theme="reader-dark",
        data_dir=tmp_path,
        aligner=lambda articles, threshold, progress: possible_corpus(),
        notes_path=tmp_path / "notes.yaml",
    )
    async with app.run_test(size=SIZE) as pilot:
        screen = await reading(pilot)
        await go(screen, pilot, r(0, 0))
        await pilot.press("o")  # no longer bound
        await pilot.pause()
        assert screen.possible_shown is None
        await pilot.press("ctrl+o", "K")
        await pilot.pause()
        assert kinds_on_disk(tmp_path / "notes.yaml") == ["link"]
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        section = next(
            s for s in app.screen.sections if s.title == "Correcting the alignment (reading screen)"
        )
        entries = {e.id: (e.keys, e.description, e.tooltip) for e in section.entries}
        assert set(entries) == {"reader.link", "reader.unlink", "reader.possible"}
        assert entries["reader.possible"][0] == ["^o"]
        assert entries["reader.link"][0] == ["K"]
        assert entries["reader.unlink"][1] == "Unlink (not one fact)"
        assert all(tooltip for _, _, tooltip in entries.values())


async def test_a_link_written_by_another_reader_is_applied_when_merged(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    corpus = sample_corpus()
    app = notes_app(path, corpus)
    async with app.run_test(size=SIZE) as pilot:
        screen = await reading(pilot)
        alpha, gamma = r(0, 0), r(2, 4)  # neither matched
        assert screen.pane(2).kinds[4] == UNIQUE
        other = NotesStore(path)  # another reader, the same file
        other.add("link", Annotations(other, corpus.articles).targets([alpha, gamma]))
        app.poll_notes()
        await pilot.pause()
        pair = screen.alignment.pair_between(alpha, gamma)
        assert pair is not None and pair.origin == "user"
        assert screen.pane(2).kinds[4] == STRONG


async def test_dismissing_a_candidate_keeps_the_possible_matches(tmp_path: Path) -> None:
    app = notes_app(tmp_path / "notes.yaml", possible_corpus())
    async with app.run_test(size=SIZE) as pilot:
        screen = await reading(pilot)
        await go(screen, pilot, CONFLICT)
        await pilot.press("X")
        await pilot.pause()
        assert screen.alignment.discrepancies == ()
        assert screen.pane(0).kinds[0] == POSSIBLE  # still ◌, not ◦ unique
