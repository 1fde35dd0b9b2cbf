"""Sessions in the app: saved on quit, reopened exactly; switching; export from the palette."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, RadioButton

from tests.app.reading_fixture import aligned, sample_corpus
from tui.app import ReaderApp
from tui.commands.common import CliError
from tui.commands.open_command import plan_open
from tui.core.align import Alignment
from tui.core.notes import parse_document
from tui.core.sessions import Session, SessionStore
from tui.screens.export import ExportScreen
from tui.screens.reading import ReadingScreen
from tui.screens.sessions import SessionsScreen
from tui.screens.view_state import view_of
from tui.session_keeper import SwitchSession

SIZE = (120, 40)


def session_app(
    store: SessionStore, session: Session, alignment: Alignment, theme: str | None = None
) -> ReaderApp:
    return ReaderApp(
        alignment.articles,
        theme=theme or session.view.theme or "reader-dark",
        data_dir=store.root,
        aligner=lambda articles, threshold, progress: alignment,
        notes_path=Path(session.notes),
        session=session,
        sessions=store,
    )


async def test_quit_saves_and_reopening_restores_the_view_exactly(tmp_path: Path) -> None:
    alignment = sample_corpus(extra_articles=2)
    store = SessionStore(tmp_path / "data")
    session = store.new("work", alignment.articles)
    app = session_app(store, session, alignment)
    async with app.run_test(size=SIZE) as pilot:
        await aligned(pilot)
        screen = app.reading_screen
        assert isinstance(screen, ReadingScreen)
        await pilot.press("j", "j", "j", "l", "j", "j", "s", "f", "a")
        screen.set_pane_shown(3, False)
        app.theme = "reader-light"
        await pilot.pause()
        before = view_of(screen, app.theme, app.threshold)
        await pilot.press("q")
    saved = store.resume()
    assert saved.name == "work"
    assert saved.view == before
    assert not before.sync and before.hidden == ("a3",) and before.focused == "a1"

    again = session_app(store, saved, alignment)
    async with again.run_test(size=SIZE) as pilot:
        await aligned(pilot)
        await pilot.pause()
        screen = again.reading_screen
        assert isinstance(screen, ReadingScreen)
        assert view_of(screen, again.theme, again.threshold) == before
        assert again.theme == "reader-light"
        assert screen.annotated  # the agreement made before quitting is marked
    assert len(parse_document(Path(saved.notes).read_text("utf-8")).annotations) == 1


async def test_table_view_is_restored(tmp_path: Path) -> None:
    alignment = sample_corpus()
    store = SessionStore(tmp_path / "data")
    app = session_app(store, store.new("t", alignment.articles), alignment)
    async with app.run_test(size=SIZE) as pilot:
        await aligned(pilot)
        await pilot.press("v", "S")
        await pilot.pause()
    assert store.load("t").view.view_mode == "table"
    again = session_app(store, store.load("t"), alignment)
    async with again.run_test(size=SIZE) as pilot:
        await aligned(pilot)
        await pilot.pause()
        assert again.reading_screen is not None
        assert again.reading_screen.view_mode == "table"


async def test_sessions_screen_saves_this_one_and_switches(tmp_path: Path) -> None:
    alignment = sample_corpus()
    store = SessionStore(tmp_path / "data")
    store.save(store.new("other", alignment.articles), make_last=False)
    app = session_app(store, store.new("mine", alignment.articles), alignment)
    async with app.run_test(size=SIZE) as pilot:
        await aligned(pilot)
        app.action_sessions()
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen)
        names = [s.name for s in app.screen.sessions]
        assert sorted(names) == ["mine", "other"]
        index = names.index("other")
        await pilot.press(*(["down"] * index), "enter")
        await pilot.pause()
    assert app.return_value == SwitchSession("other")
    assert store.exists("mine")  # saved before switching


async def test_export_from_the_palette_writes_the_confirmed_path(tmp_path: Path) -> None:
    alignment = sample_corpus()
    store = SessionStore(tmp_path / "data")
    app = session_app(store, store.new("x", alignment.articles), alignment)
    async with app.run_test(size=SIZE) as pilot:
        await aligned(pilot)
        await pilot.press("j", "a")
        await pilot.press("ctrl+p", *"export notes")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        screen = app.screen
        path_input = screen.query_one("#export-path", Input)
        assert path_input.value.endswith("x.notes.md")  # next to the notes file
        await pilot.click(screen.query(RadioButton)[1])  # CSV
        await pilot.pause()
        assert screen.format == "csv" and path_input.value.endswith("x.notes.csv")
        target = tmp_path / "report.csv"
        path_input.value = str(target)
        path_input.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
    lines = target.read_text("utf-8").splitlines()
    assert len(lines) == 3  # header + one row per target of the agreement


def args(**kw: object) -> argparse.Namespace:
    base: dict[str, object] = {
        "paths": [],
        "resume": False,
        "session": None,
        "notes": None,
        "threshold": None,
        "theme": None,
        "data_dir": None,
    }
    base.update(kw)
    return argparse.Namespace(**base)


def test_plan_default_session_then_resume(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    with pytest.raises(CliError):
        plan_open(args(resume=True), store)
    article = tmp_path / "one.txt"
    article.write_text("A first sentence. A second one.\n", encoding="utf-8")
    plan = plan_open(args(paths=[str(article)]), store)
    assert plan.session.name == "default"
    assert plan.session.notes == str(store.default_notes_path("default"))
    store.save(plan.session)
    resumed = plan_open(args(resume=True), store)
    assert [a.path for a in resumed.articles] == [str(article)]
    article.write_text("Changed text.\n", encoding="utf-8")
    notices = plan_open(args(resume=True), store).notices
    assert len(notices) == 1 and "changed" in notices[0]


def test_plan_named_session_and_notes_flag(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    article = tmp_path / "one.txt"
    article.write_text("A first sentence.\n", encoding="utf-8")
    plan = plan_open(args(session="s1", paths=[str(article)], notes="my.yaml"), store)
    assert plan.session.notes == str(Path("my.yaml").resolve())
    store.save(plan.session)
    reopened = plan_open(args(session="s1"), store)
    assert reopened.session.notes == str(Path("my.yaml").resolve())
    assert [a.path for a in reopened.articles] == [str(article)]
    with pytest.raises(CliError):
        plan_open(args(session="../evil"), store)


def test_notes_flag_is_for_that_run_only_on_the_default_session(tmp_path: Path) -> None:
    """``reader --notes X`` once must not send every later plain ``reader`` into X."""
    store = SessionStore(tmp_path / "data")
    article = tmp_path / "one.txt"
    article.write_text("A first sentence.\n", encoding="utf-8")
    own = str(store.default_notes_path("default"))
    other = tmp_path / "n.yaml"
    plan = plan_open(args(paths=[str(article)], notes=str(other)), store)
    assert plan.notes_path == str(other)  # used for this run
    assert plan.session.notes == own and not plan.session.keep_notes
    store.save(plan.session)
    assert store.load("default").notes == own  # not remembered
    assert plan_open(args(paths=[str(article)]), store).notes_path == own
    assert plan_open(args(), store).notes_path == own
    assert plan_open(args(resume=True), store).notes_path == own
    # a default.yaml that remembered another file (saved by an earlier reader) is put right
    store.save(replace(store.load("default"), notes=str(other)))
    assert plan_open(args(paths=[str(article)]), store).notes_path == own


def test_notes_flag_is_remembered_by_a_named_or_resumed_session(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "data")
    article = tmp_path / "one.txt"
    article.write_text("A first sentence.\n", encoding="utf-8")
    first, second = tmp_path / "first.yaml", tmp_path / "second.yaml"
    store.save(
        plan_open(args(session="flood", paths=[str(article)], notes=str(first)), store).session
    )
    assert plan_open(args(session="flood"), store).notes_path == str(first)
    store.save(plan_open(args(resume=True, notes=str(second)), store).session)
    assert plan_open(args(session="flood"), store).notes_path == str(second)


async def test_quitting_the_default_session_keeps_its_own_notes_file(tmp_path: Path) -> None:
    """The app writes to the run's --notes file but saves the session with its own."""
    alignment = sample_corpus()
    store = SessionStore(tmp_path / "data")
    session = replace(store.new("default", alignment.articles), keep_notes=False)
    other = tmp_path / "n.yaml"
    app = session_app(store, session, alignment)
    app.notes_path = other
    async with app.run_test(size=SIZE) as pilot:
        await aligned(pilot)
        await pilot.press("j", "j", "j", "l", "j", "j", "s", "f", "a", "q")
    assert store.load("default").notes == str(store.default_notes_path("default"))
    assert len(parse_document(other.read_text("utf-8")).annotations) == 1
    named = store.new("named", alignment.articles)
    app = session_app(store, named, alignment)
    app.notes_path = other
    async with app.run_test(size=SIZE) as pilot:
        await aligned(pilot)
        await pilot.press("q")
    assert store.load("named").notes == str(other)


def test_other_articles_in_a_saved_session_are_announced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``reader PATH`` moves ``default`` to another story: said, not done silently."""
    store = SessionStore(tmp_path / "data")
    files = []
    for name in ("a", "b", "c", "d"):
        path = tmp_path / f"{name}.txt"
        path.write_text(f"Story {name} starts here. It goes on.\n", encoding="utf-8")
        files.append(str(path))
    store.save(plan_open(args(paths=files[:2]), store).session)
    capsys.readouterr()
    assert plan_open(args(paths=files[:2]), store).notices == ()  # the same articles: no word

    plan = plan_open(args(paths=files[2:]), store)
    expected = (
        "Session “default” now holds 2 other articles; its previous view (2 articles) was "
        "replaced — use --session NAME to keep stories apart"
    )
    assert plan.notices == (expected,)
    assert capsys.readouterr().err == f"reader: {expected}\n"  # before the screen clears
    assert "1 of its 2 articles" in plan_open(args(paths=files[:1]), store).notices[0]
    more = plan_open(args(paths=files[:3]), store).notices[0]
    assert "3 articles, 1 of them new" in more

    store.save(plan_open(args(session="flood", paths=files[:1]), store).session)
    named = plan_open(args(session="flood", paths=files[1:2]), store).notices[0]
    assert named.startswith("Session “flood” now holds 1 other article;")
    assert "use another --session NAME" in named
    # nothing replaced; only the new session is said
    assert plan_open(args(session="new", paths=files), store).notices == ("new session 'new'",)


def test_skipped_inputs_reach_the_app_as_notices_and_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The full-screen app hides stderr: a skipped file must also be said inside it."""
    good = tmp_path / "good.txt"
    good.write_text("A first sentence. A second one.\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    plan = plan_open(args(paths=[str(good), str(empty)]), SessionStore(tmp_path / "data"))
    assert [a.path for a in plan.articles] == [str(good)]
    assert plan.notices == (f"{empty}: empty file; skipped",)
    assert f"reader: {empty}: empty file; skipped" in capsys.readouterr().err


async def test_resume_shows_a_pane_without_a_match_at_its_own_cursor(tmp_path: Path) -> None:
    """Gamma has no match for Alpha 3: it holds its place, and resuming keeps that place."""
    alignment = sample_corpus()
    store = SessionStore(tmp_path / "data")
    session = store.new("hold", alignment.articles)
    view = replace(session.view, pane_order=("a0", "a1", "a2"), focused="a0")
    view = replace(view, cursors={"a0": 3, "a1": 8, "a2": 25})
    app = session_app(store, replace(session, view=view), alignment)
    async with app.run_test(size=SIZE) as pilot:
        await aligned(pilot)
        await pilot.pause()
        screen = app.reading_screen
        assert isinstance(screen, ReadingScreen)
        assert screen.cursors[2] == 25
        gamma = screen.pane(2)
        assert 0 <= gamma.screen_row_of(25) < gamma.size.height  # on screen, not at the top


async def test_resume_restores_which_panes_were_on_screen(tmp_path: Path) -> None:
    alignment = sample_corpus(extra_articles=2)  # five articles, three panes fit at 120
    store = SessionStore(tmp_path / "data")
    app = session_app(store, store.new("w", alignment.articles), alignment)
    async with app.run_test(size=SIZE) as pilot:
        await aligned(pilot)
        screen = app.reading_screen
        assert isinstance(screen, ReadingScreen)
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert screen.visible_docs == [1, 2, 3]
        await pilot.press("q")
    saved = store.load("w")
    assert saved.view.extra["first_visible"] == 1
    again = session_app(store, saved, alignment)
    async with again.run_test(size=SIZE) as pilot:
        await aligned(pilot)
        await pilot.pause()
        screen = again.reading_screen
        assert isinstance(screen, ReadingScreen)
        assert screen.first_visible == 1
        assert screen.visible_docs == [1, 2, 3]
        assert screen.focused_doc == 1


async def test_resume_in_a_narrower_window_still_shows_the_focused_pane(tmp_path: Path) -> None:
    alignment = sample_corpus(extra_articles=2)
    store = SessionStore(tmp_path / "data")
    app = session_app(store, store.new("w", alignment.articles), alignment)
    async with app.run_test(size=(200, 40)) as pilot:  # six panes fit: all five on screen
        await pilot.pause()
        await pilot.press("l", "l", "l", "l")
        await pilot.pause()
        await pilot.press("q")
    saved = store.load("w")
    assert saved.view.focused == "a4" and saved.view.extra["first_visible"] == 0
    again = session_app(store, saved, alignment)
    async with again.run_test(size=SIZE) as pilot:
        await aligned(pilot)
        await pilot.pause()
        screen = again.reading_screen
        assert isinstance(screen, ReadingScreen)
        assert screen.focused_doc == 4
        assert screen.visible_docs == [2, 3, 4]


async def test_sessions_screen_moves_with_j_and_k(tmp_path: Path) -> None:
    alignment = sample_corpus()
    store = SessionStore(tmp_path / "data")
    for name in ("one", "two"):
        store.save(store.new(name, alignment.articles), make_last=False)
    app = session_app(store, store.new("mine", alignment.articles), alignment)
    async with app.run_test(size=SIZE) as pilot:
        await aligned(pilot)
        app.action_sessions()
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen)
        options = app.screen.query_one(OptionList)
        start = options.highlighted
        assert start is not None
        await pilot.press("j")
        assert options.highlighted == start + 1
        await pilot.press("k")
        assert options.highlighted == start
        names = [s.name for s in app.screen.sessions]
        await pilot.press(*(["j"] * (names.index("two") - start)), "enter")
        await pilot.pause()
    assert app.return_value == SwitchSession("two")


def test_session_rows_count_in_english() -> None:
    """One article and one note read "1 article · 1 note", not "1 articles · 1 notes"."""
    from tui.core.sessions import SessionSummary
    from tui.screens.sessions import SessionsScreen

    screen = SessionsScreen([], current=None)
    one = str(screen._option(SessionSummary("solo", 1, 1, "2026-11-21", False)).prompt)
    assert "1 article · 1 note · opened" in one
    many = str(screen._option(SessionSummary("pair", 2, 3, "2026-11-21", False)).prompt)
    assert "2 articles · 3 notes · opened" in many


def test_the_dialog_shows_times_as_reader_sessions_does() -> None:
    """One format for "last opened" everywhere: ``2026-11-22 00:03:27 UTC``."""
    from tui.commands.sessions_command import format_table
    from tui.core.sessions import SessionSummary

    row = SessionSummary("solo", 1, 1, "2026-11-22T00:03:27Z", False)
    shown = str(SessionsScreen([], current=None)._option(row).prompt)
    assert "opened 2026-11-22 00:03:27 UTC" in shown
    assert format_table([row]).splitlines()[1].endswith("2026-11-22 00:03:27 UTC")
    never = SessionSummary("new", 0, None, "", False)
    assert "opened -" in str(SessionsScreen([], current=None)._option(never).prompt)


async def test_quitting_before_the_alignment_keeps_the_place_and_the_table(tmp_path: Path) -> None:
    """The place is put back after the first frame and the table once aligned: quitting
    before either saves the session's own place, not the first frame's."""
    import threading

    alignment = sample_corpus()
    store = SessionStore(tmp_path / "data")
    app = session_app(store, store.new("t", alignment.articles), alignment)
    async with app.run_test(size=SIZE) as pilot:
        await aligned(pilot)
        await pilot.press("l", "j", "j", "v")
        await pilot.pause()
        await pilot.press("S")
        await pilot.pause()
    saved = store.load("t")
    assert saved.view.view_mode == "table" and saved.view.focused == alignment.articles[1].id

    release = threading.Event()

    def slow(articles: object, threshold: object, progress: object) -> Alignment:
        release.wait(10)
        return alignment

    again = ReaderApp(
        alignment.articles,
        theme="reader-dark",
        data_dir=store.root,
        aligner=slow,
        notes_path=Path(saved.notes),
        session=saved,
        sessions=store,
    )
    assert again._snapshot().view == saved.view  # nothing on screen yet: the place as saved
    try:
        async with again.run_test(size=SIZE) as pilot:
            for _ in range(100):
                await pilot.pause()
                screen = again.reading_screen
                if screen is not None and screen.query("ReaderFooter"):
                    break
            await pilot.pause()
            screen = again.reading_screen
            assert screen is not None and screen.alignment is None
            assert screen.focused_doc == 1 and screen.view_mode == "panes"  # the table waits
            await pilot.press("q")
    finally:
        release.set()
    kept = store.load("t").view
    assert kept.view_mode == "table"
    assert (kept.focused, kept.cursors) == (saved.view.focused, saved.view.cursors)
