"""A session file that cannot be read is never saved over: the app says so and offers a new name."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from tests.app.reading_fixture import aligned, sample_corpus, session_app
from tui.app import ReaderApp
from tui.commands.open_command import plan_open
from tui.core.sessions import SessionStore
from tui.screens.reading import ReadingScreen
from tui.screens.session_problem import SessionProblem
from tui.screens.sessions import SessionsScreen
from tui.session_keeper import SwitchSession

SIZE = (120, 40)
BROKEN = "schema_version: 1\nname: flood\narticles: [\n  - path: x\n"


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    """A data folder whose session "flood" was hand-edited into invalid YAML."""
    store = SessionStore(tmp_path / "data")
    store.folder.mkdir(parents=True)
    store.path_for("flood").write_text(BROKEN, encoding="utf-8")
    return store


async def problem_dialog(app: ReaderApp, pilot: object) -> SessionProblem:
    await aligned(pilot)  # type: ignore[arg-type]  # asked once the alignment is shown
    assert isinstance(app.screen, SessionProblem)
    return app.screen


def files(store: SessionStore) -> list[str]:
    """The session folder's files, the notes file and its lock aside (the notes poll takes the
    lock every 2 s, so whether it exists depends on how long the test took)."""
    notes = ("flood.notes", ".flood.notes")
    return sorted(p.name for p in store.folder.iterdir() if not p.name.startswith(notes))


async def test_the_dialog_gives_the_reason_and_line_and_quit_leaves_the_file(
    store: SessionStore,
) -> None:
    path = store.path_for("flood")
    app = session_app(store, store.unreadable("flood"))
    async with app.run_test(size=SIZE) as pilot:
        dialog = await problem_dialog(app, pilot)
        text = str(dialog.query_one("#session-problem-text", Static).render())
        assert f"{path}, line 4: not valid YAML" in text
        assert "left exactly as it is" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        assert any("will not be saved" in n.message for n in app._notifications)
        await pilot.press("S")  # saving again asks for a new name rather than overwrite
        await pilot.pause()
        assert isinstance(app.screen, SessionProblem)
        await pilot.press("escape", "q")
    assert path.read_text(encoding="utf-8") == BROKEN
    assert files(store) == ["flood.yaml"]  # no backup swap, no "last" pointing at it
    assert app.unsaved_problem is not None  # run_open repeats it on the terminal
    assert app.unsaved_problem.startswith(f"session “flood” not saved: {path}, line 4:")


async def test_saving_under_a_new_name_keeps_the_articles_and_notes(store: SessionStore) -> None:
    app = session_app(store, store.unreadable("flood"))
    notes = app.notes_path
    async with app.run_test(size=SIZE) as pilot:
        dialog = await problem_dialog(app, pilot)
        assert dialog.query_one("#session-problem-name", Input).value == "flood.new"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        await pilot.press("j", "j", "q")
    assert store.path_for("flood").read_text(encoding="utf-8") == BROKEN
    saved = store.resume()
    assert saved.name == "flood.new"
    assert saved.notes == str(notes)
    assert [a.path for a in saved.articles] == [a.path for a in app.articles]
    assert saved.view.cursors  # the view as it was at quit
    assert app.unsaved_problem is None


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        ("flood", "a session named “flood” already exists: choose another name"),
        ("bad/name", "invalid session name 'bad/name'"),
        ("", "Type a name for the new session."),
    ],
)
async def test_a_name_that_cannot_be_used_is_an_error_in_the_dialog(
    store: SessionStore, typed: str, error: str
) -> None:
    app = session_app(store, store.unreadable("flood"))
    async with app.run_test(size=SIZE) as pilot:
        dialog = await problem_dialog(app, pilot)
        dialog.query_one("#session-problem-name", Input).value = typed
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog
        shown = dialog.query_one("#session-problem-error", Static)
        assert shown.display and str(shown.render()).startswith(error)
    assert store.path_for("flood").read_text(encoding="utf-8") == BROKEN


async def test_switching_after_choosing_not_to_save_goes_ahead(store: SessionStore) -> None:
    alignment = sample_corpus()
    store.save(store.new("other", alignment.articles))
    app = session_app(store, store.unreadable("flood"))
    async with app.run_test(size=SIZE) as pilot:
        await problem_dialog(app, pilot)
        await pilot.press("escape")
        app.action_sessions()
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen)
        names = [s.name for s in app.screen.sessions]
        await pilot.press(*(["down"] * names.index("other")), "enter")
        await pilot.pause()
    assert app.return_value == SwitchSession("other")
    assert store.path_for("flood").read_text(encoding="utf-8") == BROKEN


def open_args(**kw: object) -> argparse.Namespace:
    base: dict[str, object] = {"paths": [], "resume": False, "session": None, "notes": None}
    base.update(kw)
    return argparse.Namespace(**base)


@pytest.mark.parametrize("name", ["flood", None])
def test_plan_reads_the_articles_and_carries_the_reason(
    store: SessionStore, tmp_path: Path, name: str | None
) -> None:
    """``reader --session flood PATH`` (or plain ``reader PATH`` on a broken ``default``)."""
    session = name or "default"
    store.path_for(session).write_text(BROKEN, encoding="utf-8")
    article = tmp_path / "one.txt"
    article.write_text("A first sentence. A second one.\n", encoding="utf-8")
    plan = plan_open(open_args(session=name, paths=[str(article)]), store)
    assert plan.session.name == session
    assert [a.path for a in plan.articles] == [str(article)]
    assert plan.session_problem is not None
    assert plan.session_problem.startswith(f"{store.path_for(session)}, line 4: not valid YAML")


def test_a_readable_session_has_no_problem(store: SessionStore, tmp_path: Path) -> None:
    article = tmp_path / "one.txt"
    article.write_text("A first sentence.\n", encoding="utf-8")
    plan = plan_open(open_args(session="quake", paths=[str(article)]), store)
    assert plan.session_problem is None


async def test_the_save_as_dialog_refuses_a_name_ending_in_notes(store: SessionStore) -> None:
    """The save-as-new dialog uses the same name check as the command line."""
    app = session_app(store, store.unreadable("flood"))
    async with app.run_test(size=SIZE) as pilot:
        dialog = await problem_dialog(app, pilot)
        dialog.query_one("#session-problem-name", Input).value = "flood.notes"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog
        error = str(dialog.query_one("#session-problem-error", Static).render())
        assert error.startswith("invalid session name 'flood.notes': a name may not end in")
    assert not store.path_for("flood.new").exists()
    assert not (store.folder / "last").exists()  # nothing was saved under any name
