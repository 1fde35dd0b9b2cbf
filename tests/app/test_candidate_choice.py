"""``i`` chooses any candidate of the sentence to confirm (x) or dismiss (X); a confirmed
candidate is marked ✗, not ⚑, in the pane, the status line, the list and the table."""

from __future__ import annotations

import re
from pathlib import Path

from textual.widgets import OptionList

from tests.app.candidates_fixture import BETA_CONFLICT, UPDATED, many_candidates
from tests.app.reading_fixture import CONFLICT, notes_app, reading
from tests.app.test_annotations import on_disk
from tui.candidate_marks import CONFIRMED_FLAG, CONFLICT_FLAG, UPDATED_FLAG
from tui.screens.candidates import CandidatesScreen, CandidateView
from tui.screens.reading import ReadingScreen
from tui.widgets.alignment_table import AlignmentTable
from tui.widgets.status_line import StatusLine

SIZE = (160, 48)


def detail(screen: ReadingScreen) -> str:
    return screen.query_one(StatusLine).text.split("\n")[1]


def gutter(screen: ReadingScreen, doc: int, sentence: int) -> str:
    pane = screen.pane(doc)
    return "".join(seg.text for seg in pane.render_line(pane.screen_row_of(sentence)))[:3]


async def test_i_chooses_the_second_candidate_and_x_confirms_that_one(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    app = notes_app(path, many_candidates())
    async with app.run_test(size=SIZE) as pilot:
        screen = await reading(pilot)
        screen.move_cursor(CONFLICT.doc, CONFLICT.sentence)
        await pilot.press("i")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, CandidatesScreen)
        first, second = modal.views
        assert first.has_class("-chosen") and not second.has_class("-chosen")
        assert first.text.startswith("⚑ number conflict")  # the ⚑ first, as listed
        assert second.text.startswith("≈ name variant")
        await pilot.press("j")
        await pilot.pause()
        assert second.has_class("-chosen") and not first.has_class("-chosen")
        await pilot.press("down", "k")  # the ends hold: down stays on the last, k goes up
        await pilot.pause()
        assert modal.chosen == 0
        await pilot.press("j", "x")
        await pilot.pause()
        assert app.screen is screen
        (confirmed,) = on_disk(path).annotations
        assert confirmed.kind == "contradiction"
        assert confirmed.discrepancy is not None
        assert (confirmed.discrepancy.kind, confirmed.discrepancy.status) == ("name", "variant")
        assert confirmed.discrepancy.fingerprint.startswith("c-")
        assert confirmed.comment == 'Spelling variant: "Alpha" vs "Beta"'
        # the ⚑ is still open: the gutter keeps it, the status line says it first
        assert screen.pane(0).flagged[CONFLICT.sentence] == CONFLICT_FLAG
        row = detail(screen)
        assert row.index("⚑ number conflict") < row.index("✗ name variant, confirmed")


async def test_X_in_the_list_dismisses_the_chosen_candidate(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    app = notes_app(path, many_candidates())
    async with app.run_test(size=SIZE) as pilot:
        screen = await reading(pilot)
        screen.move_cursor(CONFLICT.doc, CONFLICT.sentence)
        await pilot.press("i", "j", "X")
        await pilot.pause()
        (dismissed,) = on_disk(path).dismissed
        assert dismissed.kind == "name"
        assert dismissed.explanation == 'Spelling variant: "Alpha" vs "Beta"'
        assert "≈" not in detail(screen)  # gone from the status line, the ⚑ stays
        assert "⚑ number conflict" in detail(screen)
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, CandidatesScreen)
        assert len(app.screen.views) == 1


async def test_a_confirmed_candidate_is_marked_as_confirmed_not_as_a_flag(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    app = notes_app(path, many_candidates())
    async with app.run_test(size=SIZE) as pilot:
        screen = await reading(pilot)
        screen.move_cursor(CONFLICT.doc, CONFLICT.sentence)
        assert gutter(screen, CONFLICT.doc, CONFLICT.sentence)[1] == "⚑"
        await pilot.press("x")  # the first open one: the number conflict
        await pilot.pause()
        for ref in (CONFLICT, BETA_CONFLICT):
            assert screen.pane(ref.doc).flagged[ref.sentence] == CONFIRMED_FLAG
            assert (
                gutter(screen, ref.doc, ref.sentence)[1:] == "✗✎"
            )  # its own mark, beside the note's
        row = detail(screen).removeprefix("i: read in full · ")
        assert "⚑" not in row
        assert row.startswith("≈ name variant vs Beta #18")  # open ones first
        assert "✗ number conflict, confirmed vs Beta #18: people hurt" in row
        await pilot.press("x")  # then the variant, on the same two sentences
        await pilot.pause()
        assert len(on_disk(path).annotations) == 2
        await pilot.press("x")
        await pilot.pause()
        assert any("Already confirmed" in n.message for n in app._notifications)
        await pilot.press("i")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, CandidatesScreen)
        assert [v.text.split("\n")[0] for v in modal.query(CandidateView)] == [
            "✗ number conflict, confirmed",
            "✗ name variant, confirmed",
        ]
        await pilot.press("escape", "v")  # the table marks the row ✗ too
        await pilot.pause()
        await pilot.pause()
        table = screen.query_one(AlignmentTable)
        (row_of_conflict,) = [r for r in table.rows_shown if CONFLICT in r.members]
        assert row_of_conflict.flag == CONFIRMED_FLAG
        (row_of_update,) = [r for r in table.rows_shown if UPDATED in r.members]
        assert row_of_update.flag == UPDATED_FLAG
        await pilot.press("escape", "m")  # the notes panel says what was confirmed
        await pilot.pause()
        listing = app.screen.query_one(OptionList)
        prompts = sorted(str(listing.get_option_at_index(i).prompt) for i in range(2))
        assert prompts[0].startswith("⚑ contradiction (name variant) · Alpha, Beta · Spelling")
        assert prompts[1].startswith("⚑ contradiction (number conflict) · Alpha, Beta · people")
    again = notes_app(path, many_candidates())  # known as confirmed when opened again
    async with again.run_test(size=SIZE) as pilot:
        screen = await reading(pilot)
        await pilot.pause()
        assert screen.pane(0).flagged[CONFLICT.sentence] == CONFIRMED_FLAG
    # a file written before fingerprints were recorded: known by kind, explanation, sentences
    text = path.read_text(encoding="utf-8")
    older = re.sub(r"\n    fingerprint: c-[0-9a-f]+", "", text)
    assert older != text and "fingerprint: c-" not in older
    path.write_text(older, encoding="utf-8")
    old = notes_app(path, many_candidates())
    async with old.run_test(size=SIZE) as pilot:
        screen = await reading(pilot)
        await pilot.pause()
        assert screen.pane(0).flagged[CONFLICT.sentence] == CONFIRMED_FLAG
        assert screen.pane(1).flagged[BETA_CONFLICT.sentence] == CONFIRMED_FLAG
