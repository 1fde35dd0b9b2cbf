"""The session is saved as it goes, not only on quit: a crash (kill -9) then --resume loses little.

The session file was written only on quit, ``S``, SIGHUP or SIGTERM: after ``kill -9`` there
was no session to resume while the notes file held a hundred annotations.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.app.reading_fixture import reading, session_app
from tui import session_writes
from tui.core.sessions import Session, SessionStore

SIZE = (120, 40)


class WatchedStore(SessionStore):
    """A session store that is slow to save, and says which thread saved."""

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.threads: list[str] = []

    def save(self, session: Session, *, make_last: bool = True) -> Session:
        self.threads.append(threading.current_thread().name)
        time.sleep(0.2)  # a slow disk: the event loop must not wait for it
        return super().save(session, make_last=make_last)


async def saved_where(
    pilot: Pilot[object], store: SessionStore, wanted: dict[str, object], seconds: float = 5.0
) -> Session:
    """Wait (bounded) until the saved session's view has ``wanted``; the session as saved."""
    deadline = time.monotonic() + seconds
    session = None
    while time.monotonic() < deadline:
        await pilot.pause(0.05)
        if store.exists("flood"):
            session = store.load("flood")
            data = session.view.to_data()
            if all(data.get(key) == value for key, value in wanted.items()):
                return session
    raise AssertionError(f"never saved with {wanted}: {session}")


async def test_a_new_session_is_saved_when_it_starts(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "data")
    app = session_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await reading(pilot)
        session = await saved_where(pilot, store, {"focused": "a0"})
        # what --resume opens: written just after the session file, by the same thread
        deadline = time.monotonic() + 5.0
        while store.last_name() != "flood" and time.monotonic() < deadline:
            await pilot.pause(0.05)
        assert store.last_name() == "flood"
        assert [a.id for a in session.articles] == ["a0", "a1", "a2"]
        assert session.notes == str(store.default_notes_path("flood"))
        assert session.view.pane_order == ("a0", "a1", "a2")
        app.exit()  # not saved on quit: it already was


async def test_panes_are_saved_at_once_and_the_cursor_soon(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = SessionStore(tmp_path / "data")
    app = session_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await reading(pilot)
        await saved_where(pilot, store, {"focused": "a0"})
        monkeypatch.setattr(session_writes, "CURSOR_SECONDS", 60.0)  # the cursor waits
        await pilot.press("l")  # another pane: saved without waiting for the cursor's delay
        session = await saved_where(pilot, store, {"focused": "a1"}, seconds=3.0)
        await pilot.press("j", "j", "j")
        moved = {"a0": screen.cursors[0], "a1": screen.cursors[1], "a2": screen.cursors[2]}
        assert moved != session.view.cursors
        await pilot.pause(1.0)
        assert store.load("flood").view.cursors == session.view.cursors  # not on every key
        monkeypatch.setattr(session_writes, "CURSOR_SECONDS", 0.5)
        await saved_where(pilot, store, {"focused": "a1", "cursors": moved}, seconds=3.0)
        app.exit()


async def test_the_session_is_written_off_the_event_loop(tmp_path: Path) -> None:
    store = WatchedStore(tmp_path / "data")
    app = session_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await reading(pilot)
        await saved_where(pilot, store, {"focused": "a0"})
        await pilot.press("l")
        await saved_where(pilot, store, {"focused": "a1"})
        app.exit()
    assert len(store.threads) >= 2  # on starting, then with the view, then the pane
    assert threading.main_thread().name not in store.threads
