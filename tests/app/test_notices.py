"""Notices: a burst of annotation keys shows one toast, and undo says what it undid."""

from __future__ import annotations

from pathlib import Path

from textual.widgets._toast import Toast

from tests.app.reading_fixture import CONFLICT, notes_app, sample_corpus
from tui.app import ReaderApp
from tui.core.anchoring import target_for_sentence
from tui.core.notes_store import NotesStore
from tui.screens.reading import ReadingScreen
from tui.undone import describe_undo

SIZE = (120, 40)


def toasts(app: ReaderApp) -> list[str]:
    """The toasts on screen now, oldest first."""
    return [str(toast.render()) for toast in app.screen.query(Toast)]


async def ready(pilot: object, app: ReaderApp) -> ReadingScreen:
    for _ in range(100):
        await pilot.pause()  # type: ignore[attr-defined]
        screen = app.reading_screen
        if screen is not None and screen.is_mounted and screen.alignment is not None:
            await pilot.pause()  # type: ignore[attr-defined]
            return screen
    raise AssertionError("the reading screen never opened")


async def test_a_burst_of_agreements_shows_one_notice_the_latest(tmp_path: Path) -> None:
    app = notes_app(tmp_path / "notes.yaml")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ready(pilot, app)
        await pilot.press("j", "a", "j", "a", "j", "a", "j", "a")
        await pilot.pause()
        await pilot.pause()
        shown = toasts(app)
        assert len(shown) == 1, shown
        assert shown[0].startswith("≡ agreement saved") and "Alpha" in shown[0]
        await pilot.press("a")  # the same passages again: the reply replaces it too
        await pilot.pause()
        await pilot.pause()
        (shown_now,) = toasts(app)
        assert shown_now.startswith("Already marked as agreement")


async def test_other_kinds_of_notice_are_not_swallowed(tmp_path: Path) -> None:
    app = notes_app(tmp_path / "notes.yaml")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ready(pilot, app)
        await pilot.press("j", "a", "s")  # an annotation notice, then sync's own
        await pilot.pause()
        await pilot.pause()
        shown = toasts(app)
        assert len(shown) == 2 and shown[1].startswith("Sync off")
        await pilot.press("s", "s", "s")
        await pilot.pause()
        await pilot.pause()
        assert len(toasts(app)) == 2


async def test_undo_says_what_it_undid(tmp_path: Path) -> None:
    app = notes_app(tmp_path / "notes.yaml")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await ready(pilot, app)
        await pilot.press("j", "a")  # Alpha 1 <-> Beta 6: sentences #2 and #7
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        await pilot.pause()
        assert toasts(app) == ["Undone: agreement on Alpha #2, Beta #7"]
        screen.move_cursor(CONFLICT.doc, CONFLICT.sentence)
        await pilot.press("X")  # dismiss the candidate, then bring it back
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        await pilot.pause()
        assert toasts(app) == [
            "Undone: dismissing the number candidate “twelve” vs “fifteen” (shown again)"
        ]
        await pilot.press("a", "d")  # Alpha 12's agreement, deleted, then restored
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        await pilot.pause()
        (shown,) = toasts(app)
        assert shown.startswith("Undone: deleting the agreement on Alpha #13, Beta #18")


def test_undo_of_an_edit_and_of_an_unknown_step_are_described(tmp_path: Path) -> None:
    articles = sample_corpus().articles
    store = NotesStore(tmp_path / "notes.yaml")
    alpha = articles[0]
    note = store.add("note", [target_for_sentence(alpha, alpha.sentences[4])], "first")
    store.update(note.id, comment="second")
    before = store.document
    label = store.undo()
    assert describe_undo(label, before, store.document, articles) == (
        "Undone: edit of the note on Alpha #5"
    )
    assert describe_undo("restore candidate", before, before, articles) == (
        "Undone: restore candidate"
    )
