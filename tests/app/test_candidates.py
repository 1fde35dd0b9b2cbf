"""`i`: the contradiction candidates of the focused sentence, explained in full."""

from __future__ import annotations

from textual.widgets import Static

from tests.app.reading_fixture import CONFLICT, make_app, reading, sample_corpus
from tui.binding_scopes import binding_ids
from tui.core.align import Alignment
from tui.core.candidates import Discrepancy, Span
from tui.screens.candidates import CandidatesScreen, CandidateView
from tui.screens.help import HelpScreen
from tui.widgets.status_line import StatusLine

LONG = (
    "people hurt: twelve in Alpha against fifteen in Beta, and the gap is not explained by "
    "the time of day of either report, so at least one of the two counts must be wrong"
)


def with_two_candidates() -> Alignment:
    """The sample, its conflict explained at length, plus a name variant listed before it."""
    base = sample_corpus()
    conflict = base.discrepancies[0]
    a_sentence = base.articles[0].sentences[CONFLICT.sentence]
    start = a_sentence.start + a_sentence.text.index("Alpha")
    variant = Discrepancy(
        "name",
        "variant",
        Span(0, CONFLICT.sentence, start, start + 5, "Alpha"),
        Span(1, 17, conflict.b.start, conflict.b.start, ""),
        "Spelling variant: Alpha vs Alfa",
    )
    long_conflict = Discrepancy(conflict.kind, conflict.status, conflict.a, conflict.b, LONG)
    return Alignment(base.articles, base.pairs, base.groups, (variant, long_conflict))


def shown_text(screen: CandidatesScreen) -> list[str]:
    return [view.text for view in screen.query(CandidateView)]


async def test_i_lists_every_candidate_in_full_and_escape_closes() -> None:
    app = make_app(with_two_candidates())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await reading(pilot)
        screen.move_cursor(CONFLICT.doc, CONFLICT.sentence)
        await pilot.pause()
        status = screen.query_one(StatusLine)
        assert status.text.splitlines()[1].startswith("i: read in full")  # it is cut here
        await pilot.press("i")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, CandidatesScreen)
        conflict, variant = shown_text(modal)  # most severe first, as the status line
        assert conflict.startswith("⚑ number conflict\n")
        assert LONG in conflict  # the whole explanation, not cut at the width
        assert "Alpha #13\nAlpha says twelve people were hurt when the bridge fell." in conflict
        assert "Beta #18\nBeta says fifteen people were hurt when the bridge fell." in conflict
        assert variant.startswith("≈ name variant\nSpelling variant: Alpha vs Alfa")
        assert "Beta #18 (no single word)\nBeta says" in variant
        assert "2 candidates · Alpha #13" in str(modal.query_one("VerticalScroll").border_title)
        subtitle = str(modal.query_one("VerticalScroll").border_subtitle)
        assert subtitle == "↑↓ choose · x confirms · X dismisses · escape closes"
        assert len(subtitle) + 4 <= modal.query_one("VerticalScroll").size.width  # fits whole
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("i", "i")  # i closes it too
        await pilot.pause()
        assert app.screen is screen


async def test_i_without_a_candidate_says_so_and_opens_nothing() -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await reading(pilot)
        await pilot.press("i")
        await pilot.pause()
        assert app.screen is screen
        assert any("No contradiction candidate" in n.message for n in app._notifications)


async def test_the_hint_shows_only_when_the_detail_row_is_cut() -> None:
    app = make_app()  # a short explanation: fits at 160 columns
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await reading(pilot)
        screen.move_cursor(CONFLICT.doc, CONFLICT.sentence)
        await pilot.pause()
        detail = screen.query_one(StatusLine).text.splitlines()[1]
        assert detail.startswith("⚑ number conflict vs Beta #18: people hurt: twelve vs fifteen")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert screen.query_one(StatusLine).text.splitlines()[1].startswith("i: read in full")


async def test_the_key_is_listed_in_help_and_can_be_remapped() -> None:
    assert {"reader.candidates", "reader.candidates-close"} <= binding_ids()
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await reading(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        entries = [e for s in app.screen.sections for e in s.entries]
        (entry,) = [e for e in entries if e.id == "reader.candidates"]
        assert entry.keys == ["i"] and entry.enabled


async def test_the_status_line_quotes_each_passage_once() -> None:
    """The explanation already quotes both passages; the status line adds no second copy."""
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await reading(pilot)
        screen.move_cursor(CONFLICT.doc, CONFLICT.sentence)
        await pilot.pause()
        detail = screen.query_one(StatusLine).text.splitlines()[1]
        explanation = sample_corpus().discrepancies[0].explanation
        assert explanation in detail
        assert detail.count("twelve") == explanation.count("twelve") == 1, detail


def whole_sentence_quote() -> Alignment:
    """A quote candidate whose spans are the whole sentences (as quote conflicts often are)."""
    base = sample_corpus()
    a = base.articles[0].sentences[CONFLICT.sentence]
    b = base.articles[1].sentences[17]
    quote = Discrepancy(
        "quote",
        "conflict",
        Span(0, a.index, a.start, a.end, a.text),
        Span(1, b.index, b.start, b.end, b.text),
        "Quote worded differently",
    )
    return Alignment(base.articles, base.pairs, base.groups, (quote,))


async def test_each_passage_is_shown_once_with_a_hanging_indent() -> None:
    app = make_app(whole_sentence_quote())
    async with app.run_test(size=(60, 24)) as pilot:
        screen = await reading(pilot)
        screen.move_cursor(CONFLICT.doc, CONFLICT.sentence)
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, CandidatesScreen)
        (shown,) = shown_text(modal)
        assert shown.count("Alpha says twelve people were hurt") == 1
        assert shown.count("Beta says fifteen people were hurt") == 1
        label, text = modal.query(Static).filter(".passage-label, .passage-text")[:2]
        assert text.size.height > 1  # wrapped at this width...
        assert text.content_region.x == label.content_region.x + 2  # ...every line indented


async def test_with_one_candidate_the_keys_say_it() -> None:
    app = make_app(sample_corpus())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await reading(pilot)
        screen.move_cursor(CONFLICT.doc, CONFLICT.sentence)
        await pilot.press("i")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, CandidatesScreen)
        subtitle = str(modal.query_one("VerticalScroll").border_subtitle)
        assert subtitle == "x confirms it · X dismisses it · escape closes"
        assert "choose" not in subtitle
