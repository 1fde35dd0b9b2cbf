"""Pilot tests of the reading screen: the key contract, sync, search, views, resize."""

from __future__ import annotations

from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot

from tests.app.reading_fixture import (
    ALPHA_FURNITURE,
    CONFLICT,
    alpha_to_beta,
    alpha_to_gamma,
    make_app,
    reading,
    sample_corpus,
)
from tui.app import ReaderApp
from tui.candidate_marks import COMPATIBLE_FLAG, CONFLICT_FLAG
from tui.core.align import Alignment, Pair, SentenceRef
from tui.core.candidates import Discrepancy, Span
from tui.screens.reading import ReadingScreen
from tui.widgets.pane_header import PaneHeader
from tui.widgets.status_line import StatusLine


def header_text(screen: ReadingScreen, doc: int) -> str:
    return screen.query_one(f"#header-{doc}", PaneHeader).render().plain


def status_text(screen: ReadingScreen) -> str:
    return screen.query_one(StatusLine).text


async def put_cursor(pilot: Pilot[Any], screen: ReadingScreen, sentence: int) -> None:
    """Move the focused pane's cursor to ``sentence`` with j/k, as a user would."""
    doc = screen.focused_doc
    while screen.cursors[doc] < sentence:
        await pilot.press("j")
    while screen.cursors[doc] > sentence:
        await pilot.press("k")
    await pilot.pause()


async def test_opens_with_every_pane_and_header() -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await reading(pilot)
        assert screen.visible_docs == [0, 1, 2]
        assert "Alpha" in header_text(screen, 0)
        assert "2024-05-01" in header_text(screen, 0)
        body = len(screen.articles[0].body_sentences)
        assert body < len(screen.articles[0].sentences)  # Alpha has page furniture
        # the share and the count are of the same sentences: the body, furniture left out
        assert f"% of {body} sentences matched" in header_text(screen, 0)
        assert screen.cursors[0] == 0
        assert "Alpha · 1/40" in status_text(screen)


async def test_down_and_up_move_the_cursor_and_the_others_line_up() -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await reading(pilot)
        await put_cursor(pilot, screen, 20)
        alpha, beta, gamma = (screen.pane(d) for d in range(3))
        assert screen.cursors[0] == 20
        assert beta.counterpart == alpha_to_beta(20) == 25
        assert gamma.counterpart == alpha_to_gamma(20) == 10
        row = alpha.screen_row_of(20)
        assert 0 <= row < alpha.size.height
        assert beta.screen_row_of(25) == row
        # Gamma's sentence 10 sits higher in its article than the cursor row: as near as can be
        assert gamma.screen_row_of(10) == min(row, gamma.row_of(10))
        assert "≡ match" in header_text(screen, 2)
        assert "in 3 of 3 sources" in status_text(screen)
        await pilot.press("k", "up")
        assert screen.cursors[0] == 18
        await pilot.press("down")
        assert screen.cursors[0] == 19


async def test_a_pane_without_a_match_holds_its_place_and_says_so() -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await reading(pilot)
        await put_cursor(pilot, screen, 20)
        beta = screen.pane(1)
        before = beta.scroll_y
        await pilot.press("j")  # 21 is a multiple of 7: unique to Alpha
        await pilot.pause()
        assert screen.cursors[0] == 21
        assert beta.counterpart is None
        assert beta.scroll_y == before
        assert "no match" in header_text(screen, 1)
        assert "◦ no match found" in status_text(screen)


async def test_s_turns_sync_off_and_on() -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await reading(pilot)
        await pilot.press("s")
        assert screen.sync is False
        beta = screen.pane(1)
        before = beta.scroll_y
        await put_cursor(pilot, screen, 30)
        assert beta.scroll_y == before
        assert "sync off" in header_text(screen, 0)
        await pilot.press("s")
        await pilot.pause()
        assert screen.sync is True
        assert beta.screen_row_of(35) == screen.pane(0).screen_row_of(30)


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (["right"], 1),
        (["l"], 1),
        (["tab"], 1),
        (["right", "right"], 2),
        (["right", "right", "right"], 2),
        (["right", "left"], 0),
        (["right", "h"], 0),
        (["right", "shift+tab"], 0),
        (["left"], 0),
    ],
)
async def test_pane_keys_move_the_focus(keys: list[str], expected: int) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await reading(pilot)
        await pilot.press(*keys)
        await pilot.pause()
        assert screen.focused_doc == expected
        assert screen.query_one(f"#header-{expected}", PaneHeader).has_class("-focused")


async def test_switching_pane_lands_on_the_counterpart() -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await reading(pilot)
        await put_cursor(pilot, screen, 15)
        await pilot.press("l")
        await pilot.pause()
        assert screen.focused_ref.doc == 1
        assert screen.focused_ref.sentence == 20
        assert screen.pane(0).counterpart == 15


@pytest.mark.parametrize("end_keys", [["end"], ["G"]])
async def test_home_end_and_paging(end_keys: list[str]) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await reading(pilot)
        await pilot.press(*end_keys)
        assert screen.cursors[0] == 39
        await pilot.press("g")
        assert screen.cursors[0] == 0
        await pilot.press("j", "end", "home")
        assert screen.cursors[0] == 0
        await pilot.press("pagedown")
        await pilot.pause()
        paged = screen.cursors[0]
        assert paged > 5
        alpha = screen.pane(0)
        assert 0 <= alpha.screen_row_of(paged) < alpha.size.height
        await pilot.press("pageup")
        assert screen.cursors[0] < paged


async def test_contradiction_keys_jump_and_explain() -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await reading(pilot)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.focused_ref == CONFLICT
        status = status_text(screen)
        assert "⚑ number conflict" in status
        assert "people hurt: twelve vs fifteen" in status
        await pilot.press("G", "left_square_bracket")
        assert screen.focused_ref == CONFLICT


async def test_unique_keys_skip_matched_sentences() -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await reading(pilot)
        await pilot.press("right_curly_bracket")
        assert screen.cursors[0] == 7
        await pilot.press("right_curly_bracket")
        assert screen.cursors[0] == 14
        await pilot.press("left_curly_bracket")
        assert screen.cursors[0] == 7


async def test_search_finds_in_all_panes_and_n_cycles() -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await reading(pilot)
        await pilot.press("slash")
        assert screen.has_class("-searching")
        await pilot.press(*"hurt", "enter")
        await pilot.pause()
        assert not screen.has_class("-searching")
        assert [(h.doc, h.sentence) for h in screen.hits] == [(0, 12), (1, 17)]
        assert screen.focused_ref == CONFLICT
        assert screen.pane(1).search_marks
        assert "hit 1 of 2" in status_text(screen)
        await pilot.press("n")
        assert (screen.focused_doc, screen.cursors[1]) == (1, 17)
        await pilot.press("n")  # wraps
        assert screen.focused_ref == CONFLICT
        await pilot.press("N")
        assert (screen.focused_doc, screen.cursors[1]) == (1, 17)
        await pilot.press("escape")
        assert screen.hits == []


async def test_search_is_case_insensitive_and_reports_nothing_found() -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await reading(pilot)
        await pilot.press("slash", *"KYIV", "enter")
        await pilot.pause()
        assert screen.focused_ref.doc == 2
        assert screen.focused_ref.sentence == 5
        await pilot.press("slash", *"zzz", "enter")
        await pilot.pause()
        assert screen.hits == []


async def test_v_switches_to_the_table_and_moving_there_moves_the_panes() -> None:
    from tui.widgets.alignment_table import AlignmentTable

    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await reading(pilot)
        await put_cursor(pilot, screen, 10)
        await pilot.press("v")
        await pilot.pause()
        await pilot.pause()
        assert screen.view_mode == "table"
        table = screen.query_one(AlignmentTable)
        assert table.display and not screen.query_one("#panes").display
        assert table.has_focus
        start = table.cursor_row
        await pilot.press("down", "down")
        await pilot.pause()
        assert table.cursor_row == start + 2
        moved = screen.focused_ref
        assert table.row_of(moved) == start + 2
        await pilot.press("v")
        await pilot.pause()
        assert screen.view_mode == "panes"
        assert screen.query_one("#panes").display
        assert screen.focused_ref == moved


async def test_f_hides_furniture_and_the_cursor_skips_it() -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await reading(pilot)
        alpha = screen.pane(0)
        assert alpha.is_shown(ALPHA_FURNITURE)
        await pilot.press("f")
        await pilot.pause()
        assert not alpha.is_shown(ALPHA_FURNITURE)
        await pilot.press("j", "j")
        assert screen.cursors[0] == 3
        await pilot.press("f")
        await pilot.pause()
        assert alpha.is_shown(ALPHA_FURNITURE)


@pytest.mark.parametrize("key", ["question_mark", "f1"])
async def test_help_lists_the_reading_keys(key: str) -> None:
    from tui.screens.help import HelpScreen

    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await reading(pilot)
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert any("sentence" in str(section) for section in app.screen.sections)


async def test_q_saves_and_quits(monkeypatch: pytest.MonkeyPatch) -> None:
    saved: list[bool] = []
    app = make_app()
    monkeypatch.setattr(app, "save_state", lambda: saved.append(True))
    async with app.run_test(size=(160, 48)) as pilot:
        await reading(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert saved == [True]
    assert app.return_code == 0


async def test_click_focuses_a_sentence() -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await reading(pilot)
        gamma = screen.pane(2)
        row = gamma.screen_row_of(4)
        await pilot.click(gamma, offset=(5, row))
        await pilot.pause()
        assert screen.focused_ref.doc == 2
        assert screen.focused_ref.sentence == 4


async def test_wheel_scrolling_with_sync_makes_the_others_follow() -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await reading(pilot)
        alpha, beta = screen.pane(0), screen.pane(1)
        for _ in range(12):
            alpha.post_message(events.MouseScrollDown(alpha, 5, 5, 0, 1, 0, False, False, False))
            await pilot.pause()
        assert alpha.scroll_y > 0
        cursor = screen.cursors[0]
        assert 0 <= alpha.screen_row_of(cursor) < alpha.size.height
        partner = alpha_to_beta(cursor)
        if partner is not None:
            assert beta.screen_row_of(partner) == alpha.screen_row_of(cursor)


async def test_80_columns_shows_two_readable_panes_and_focus_scrolls_the_window() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await reading(pilot)
        assert screen.visible_docs == [0, 1]
        assert all(screen.pane(d).size.width >= 30 for d in screen.visible_docs)
        assert not screen.query_one("#column-2").display
        await pilot.press("l", "l")
        await pilot.pause()
        assert screen.focused_doc == 2
        assert screen.visible_docs == [1, 2]
        assert screen.query_one("#column-2").display
        assert "panes 2-3 of 3" in status_text(screen)
        await pilot.press("less_than_sign")
        await pilot.pause()
        assert screen.visible_docs == [0, 1]


async def test_resize_reflows_and_tiny_sizes_show_a_message() -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await reading(pilot)
        await put_cursor(pilot, screen, 20)
        wide_rows = screen.pane(0).text_layout.height
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert screen.visible_docs == [0, 1]
        assert screen.pane(0).text_layout.height > wide_rows  # narrower: more rows
        assert screen.pane(1).counterpart == 25
        await pilot.resize_terminal(20, 6)
        await pilot.pause()
        assert screen.has_class("-too-small")
        assert screen.query_one("#too-small").display
        await pilot.press("j", "l", "v", "v")  # keys in a tiny window never crash
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert not screen.has_class("-too-small")
        assert screen.visible_docs == [0, 1, 2]


async def test_choosing_panes_hides_and_shows_articles() -> None:
    from textual.widgets import SelectionList

    from tui.screens.pane_chooser import PaneChooser

    app = make_app(sample_corpus(extra_articles=3))
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await reading(pilot)
        assert screen.visible_docs == [0, 1, 2, 3, 4]
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PaneChooser)
        chooser = app.screen.query_one(SelectionList)
        chooser.deselect(1)
        chooser.deselect(3)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.hidden_docs == {1, 3}
        assert screen.visible_docs == [0, 2, 4, 5]
        await pilot.press("l")
        assert screen.focused_doc == 2
        screen.set_pane_shown(1, True)
        await pilot.pause()
        assert 1 in screen.visible_docs


async def test_every_binding_has_an_id_description_and_tooltip() -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await reading(pilot)
        ours = [b for b in [*ReaderApp.BINDINGS, *ReadingScreen.BINDINGS] if hasattr(b, "id")]
        assert len(ours) == len(ReaderApp.BINDINGS) + len(ReadingScreen.BINDINGS)
        for binding in ours:
            assert binding.id and binding.id.startswith("reader.")  # type: ignore[union-attr]
            assert binding.description and binding.tooltip  # type: ignore[union-attr]
        keys = {key for b in screen.active_bindings.values() for key in [b.binding.key]}
        for contract in [
            "j",
            "k",
            "up",
            "down",
            "h",
            "l",
            "left",
            "right",
            "tab",
            "shift+tab",
            "pageup",
            "pagedown",
            "home",
            "end",
            "g",
            "G",
            "right_square_bracket",
            "left_square_bracket",
            "right_curly_bracket",
            "left_curly_bracket",
            "slash",
            "n",
            "N",
            "s",
            "v",
            "question_mark",
            "f1",
            "q",
        ]:
            assert contract in keys, contract


async def test_a_keymap_remaps_by_binding_id() -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await reading(pilot)
        app.set_keymap({"reader.next-sentence": "ctrl+n"})
        await pilot.pause()
        await pilot.press("ctrl+n")
        assert screen.cursors[0] == 1


async def test_panes_mark_annotations_and_selection() -> None:
    from tui.core.align import SentenceRef

    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await reading(pilot)
        refs = screen.aligned_refs(SentenceRef(0, 11))
        assert refs == [SentenceRef(0, 11), SentenceRef(1, 16), SentenceRef(2, 1)]
        screen.annotated = frozenset(refs)
        screen.toggle_selected([SentenceRef(1, 3)])
        await pilot.pause()
        assert 16 in screen.pane(1).annotated
        assert screen.pane(1).selected == {3}
        screen.toggle_selected([SentenceRef(1, 3)])
        assert screen.selection == frozenset()


async def test_the_articles_show_at_once_and_the_alignment_follows_with_progress() -> None:
    from threading import Event

    alignment = sample_corpus()
    release = Event()

    def slow(articles: Any, threshold: float, progress: Any) -> Any:
        progress(0.5)
        release.wait(5)
        return alignment

    app = ReaderApp(alignment.articles, aligner=slow)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(100):
            await pilot.pause(0.02)
            screen = app.screen
            if isinstance(screen, ReadingScreen) and "50%" in status_text(screen):
                break
        assert isinstance(screen, ReadingScreen) and screen.alignment is None
        assert "Aligning 3 articles… 50%" in status_text(screen)
        painted = "".join(segment.text for segment in screen.pane(0).render_line(0))
        assert "Alpha reports fact 0" in painted  # the text is there before the alignment
        assert "aligning…" in header_text(screen, 0)
        assert "%" not in header_text(screen, 0) and "● reading" not in header_text(screen, 0)
        await pilot.press("j")  # the UI answers while the worker runs
        assert screen.cursors[0] == 1
        await pilot.press("right_square_bracket", "v", "L")  # these wait for the alignment
        assert (screen.cursors[0], screen.view_mode) == (1, "panes")
        release.set()
        screen = await reading(pilot)
        assert "Aligning" not in status_text(screen)
        assert "% of " in header_text(screen, 0) and "● reading" in header_text(screen, 0)
        await pilot.press("right_square_bracket")
        assert screen.focused_ref == CONFLICT


async def test_an_alignment_error_is_one_line_on_screen() -> None:
    from textual.widgets import Label

    from tui.screens.loading import LoadingScreen

    def broken(articles: Any, threshold: float, progress: Any) -> Any:
        raise ValueError("bad input")

    app = ReaderApp(sample_corpus().articles, aligner=broken)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(250):
            await pilot.pause(0.02)
            screen = app.screen
            # query, not query_one: a screen just pushed has not composed its label yet
            if isinstance(screen, LoadingScreen) and screen.query("#loading-label.-error"):
                break
        assert isinstance(app.screen, LoadingScreen)
        label = app.screen.query_one("#loading-label", Label)
        assert "Alignment failed: bad input" in str(label.render())
        await pilot.press("q")
    assert app.return_code == 0


async def test_article_text_is_never_parsed_as_markup() -> None:
    from tests.app.reading_fixture import make_article
    from tui.core.align import Alignment

    article = make_article(0, "Brackets", ["He said [bold]no[/bold] and [link=x]y[/]."], set())
    app = make_app(Alignment((article,), (), (), ()))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await reading(pilot)
        pane = screen.pane(0)
        line = "".join(seg.text for seg in pane.render_line(0))
        assert "[bold]no[/bold]" in line


async def test_compatible_candidates_are_marked_apart_and_skipped_by_the_jump_keys() -> None:
    """A refinement ("4.01 million" vs "more than 3.9 million") is not a contradiction."""
    base = sample_corpus()
    conflict = base.discrepancies[0]
    refinement = Discrepancy(
        "number",
        "refinement",
        Span(0, 3, conflict.a.start, conflict.a.start, ""),
        Span(1, 8, conflict.b.start, conflict.b.start, ""),
        "people hurt: about ten refines more than nine",
    )
    alignment = Alignment(base.articles, base.pairs, base.groups, (refinement, conflict))
    app = make_app(alignment)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await reading(pilot)
        alpha = screen.pane(0)
        assert alpha.flagged[3] == COMPATIBLE_FLAG
        assert alpha.flagged[CONFLICT.sentence] == CONFLICT_FLAG
        gutter = "".join(seg.text for seg in alpha.render_line(alpha.screen_row_of(3)))
        assert "≈" in gutter and "⚑" not in gutter
        await pilot.press("right_square_bracket")  # passes the refinement at 3
        await pilot.pause()
        assert screen.focused_ref == CONFLICT
        await put_cursor(pilot, screen, 3)
        status = status_text(screen)
        assert "≈ number refinement" in status and "⚑" not in status


async def test_going_to_another_pane_and_back_keeps_the_readers_place() -> None:
    """Beta 25 matches Alpha 20 and (better) Alpha 21: back from Beta, Alpha stays on 20."""
    base = sample_corpus()
    split = Pair(SentenceRef(0, 21), SentenceRef(1, 25), 95.0)
    alignment = Alignment(base.articles, (*base.pairs, split), base.groups, base.discrepancies)
    app = make_app(alignment)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await reading(pilot)
        await put_cursor(pilot, screen, 20)
        await pilot.press("l")
        await pilot.pause()
        assert screen.focused_ref == SentenceRef(1, 25)
        await pilot.press("h")
        await pilot.pause()
        assert screen.focused_ref == SentenceRef(0, 20)


async def test_a_counterpart_near_the_end_still_lines_up_with_the_cursor() -> None:
    """Beta 35 of 45 sits in Beta's last screenful; with the cursor near the top of Alpha's
    window, Beta scrolls past its end so that 35 is on the cursor's row all the same."""
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await reading(pilot)
        await put_cursor(pilot, screen, 30)
        alpha, beta = screen.pane(0), screen.pane(1)
        alpha.scroll_sentence_to(30, 1)
        await pilot.pause()
        await pilot.press("j", "k")
        await pilot.pause()
        row = alpha.screen_row_of(30)
        assert row < 6, row
        assert beta.counterpart == alpha_to_beta(30) == 35
        assert beta.screen_row_of(35) == row
        assert beta.row_of(44) - beta.row_of(35) < beta.size.height  # it was in the last page


async def test_a_selected_sentence_keeps_its_mark_under_the_cursor_and_as_counterpart() -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await reading(pilot)
        await put_cursor(pilot, screen, 11)
        alpha, beta = screen.pane(0), screen.pane(1)
        counterpart = beta.counterpart
        assert counterpart is not None
        screen.toggle_selected([SentenceRef(0, 11), SentenceRef(1, counterpart)])
        await pilot.pause()

        def first_row(pane: Any, sentence: int) -> str:
            return pane.render_line(pane.screen_row_of(sentence)).text

        def second_row(pane: Any, sentence: int) -> str:
            return pane.render_line(pane.screen_row_of(sentence) + 1).text

        assert first_row(alpha, 11).startswith("●")
        assert first_row(beta, counterpart).startswith("●")
        # the bar still says which is the cursor and which the counterpart, on the next rows
        if alpha.text_layout.last_row[11] > alpha.text_layout.first_row[11]:
            assert second_row(alpha, 11).startswith("▌")
        await pilot.press("j")
        assert first_row(alpha, 11).startswith("●")
        assert not first_row(alpha, 12).startswith("●")


@pytest.mark.parametrize("width", [96, 120, 160])
async def test_every_header_words_its_share_alike_focused_or_not(width: int) -> None:
    import re

    app = make_app()
    async with app.run_test(size=(width, 40)) as pilot:
        screen = await reading(pilot)
        stats = []
        for doc in screen.visible_docs:
            second = header_text(screen, doc).splitlines()[1]
            body = len(screen.articles[doc].body_sentences)
            match = re.match(rf"\d+% of {body}( sentences)? matched ", second)
            assert match, second  # the focused pane kept "matched" too
            stats.append(match.group(1))
        assert len(set(stats)) == 1  # one wording for all panes of one width
