"""Saving a session: on quit it keeps the articles that were not found this time, and as it
goes it is saved when it changes (a moved cursor within two seconds), never older over newer."""

from __future__ import annotations

import threading
from pathlib import Path

from tui.core.corpus import make_article
from tui.core.model import Article
from tui.core.sessions import SessionStore, ViewState
from tui.session_keeper import SessionKeeper, Snapshot
from tui.session_writes import CURSOR_SECONDS


def test_quitting_with_an_article_missing_keeps_it(tmp_path: Path) -> None:
    docs = []
    for name in ("cnn", "bbc", "ap"):
        path = tmp_path / f"{name}.txt"
        path.write_text(f"{name} reports rain. More rain.\n", encoding="utf-8")
        docs.append(make_article(name, str(path), path.read_text(encoding="utf-8")))
    store = SessionStore(tmp_path / "data")
    store.save(store.new("sc", docs))

    app = SessionKeeper(store, store.load("sc"))  # saved as on quitting, with no screen up
    assert app.save(Snapshot([docs[1], docs[2]], None, None)) is None  # cnn moved away

    assert [row.articles for row in store.list()] == [3]
    saved = store.load("sc").articles
    assert [(a.id, a.missing) for a in saved] == [("cnn", True), ("bbc", False), ("ap", False)]


# -- saved as it goes (a crash loses little) ------------------------------------------------


def keeper_on(tmp_path: Path) -> tuple[SessionKeeper, SessionStore, list[Article]]:
    docs = []
    for name in ("cnn", "bbc"):
        path = tmp_path / f"{name}.txt"
        path.write_text(f"{name} reports rain. More rain. Still rain.\n", encoding="utf-8")
        docs.append(make_article(name, str(path), path.read_text(encoding="utf-8")))
    store = SessionStore(tmp_path / "data")
    return SessionKeeper(store, store.new("sc", docs)), store, docs


def view(focused: str = "cnn", cursor: int = 0, hidden: tuple[str, ...] = ()) -> ViewState:
    return ViewState(
        pane_order=("cnn", "bbc"),
        hidden=hidden,
        focused=focused,
        cursors={"cnn": cursor, "bbc": 0},
        extra={"first_visible": 0, "hide_furniture": False},
    )


def run(docs: list[Article], notes: Path | None, view: ViewState | None) -> Snapshot:
    """The run as it is now: these articles open, this notes file, this view."""
    return Snapshot(docs, notes, view)


def test_a_new_session_is_due_at_once_and_then_only_when_it_changes(tmp_path: Path) -> None:
    keeper, store, docs = keeper_on(tmp_path)
    notes = tmp_path / "notes.yaml"
    # just created: saved before anything else happens
    assert keeper.due(run(docs, notes, None), 0.0)
    point = keeper.take(run(docs, notes, None))
    assert point is not None and keeper.write(point) is None
    assert store.last_name() == "sc" and store.load("sc").article_paths == [d.path for d in docs]
    assert not keeper.due(run(docs, notes, None), 1.0)
    assert keeper.due(run(docs, notes, view()), 1.0)  # the reading screen is up: its view is kept
    keeper.take(run(docs, notes, view()))
    assert not keeper.due(run(docs, notes, view()), 2.0)
    assert not keeper.due(run(docs, notes, None), 2.0)  # no screen to read: nothing new to save
    assert keeper.due(run(docs, notes, view(focused="bbc")), 2.0)  # another pane: at once
    assert keeper.due(run(docs, notes, view(hidden=("bbc",))), 2.0)  # a pane hidden: at once
    assert keeper.due(run(docs, tmp_path / "other.yaml", view()), 2.0)  # another notes file


def test_a_moved_cursor_is_due_two_seconds_after_it_first_moved(tmp_path: Path) -> None:
    keeper, _, docs = keeper_on(tmp_path)
    keeper.take(run(docs, None, view()))
    assert not keeper.due(run(docs, None, view(cursor=1)), 10.0)
    assert not keeper.due(run(docs, None, view(cursor=2)), 11.0)  # still moving: not each sentence
    assert not keeper.due(run(docs, None, view(cursor=3)), 11.9)
    assert keeper.due(
        run(docs, None, view(cursor=4)), 10.0 + CURSOR_SECONDS
    )  # held key: saved all the same
    keeper.take(run(docs, None, view(cursor=4)))
    assert not keeper.due(run(docs, None, view(cursor=4)), 20.0)
    assert not keeper.due(
        run(docs, None, view(cursor=0)), 20.0
    )  # back and forth: the clock starts again
    assert not keeper.due(
        run(docs, None, view(cursor=4)), 21.0
    )  # back where it was saved: nothing due
    assert not keeper.due(run(docs, None, view(cursor=5)), 30.0)
    assert keeper.due(run(docs, None, view(cursor=5)), 32.0)


def test_an_older_save_point_is_never_written_over_a_newer_one(tmp_path: Path) -> None:
    keeper, store, docs = keeper_on(tmp_path)
    older = keeper.take(run(docs, None, view(cursor=1)))
    newer = keeper.take(run(docs, None, view(cursor=2)))
    assert older is not None and newer is not None
    assert keeper.write(newer) is None
    assert keeper.write(older) is None  # its thread came late: left out
    assert store.load("sc").view.cursors["cnn"] == 2


def test_writes_from_many_threads_leave_the_newest(tmp_path: Path) -> None:
    keeper, store, docs = keeper_on(tmp_path)
    points = [keeper.take(run(docs, None, view(cursor=i % 3))) for i in range(30)]
    threads = [threading.Thread(target=keeper.write, args=(s,)) for s in reversed(points) if s]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert store.load("sc").view.cursors["cnn"] == 29 % 3


def test_an_unreadable_session_is_never_due_nor_saved(tmp_path: Path) -> None:
    keeper, store, docs = keeper_on(tmp_path)
    keeper.problem = "sc.yaml, line 3: not valid YAML"
    assert not keeper.due(run(docs, None, view()), 0.0)
    assert keeper.take(run(docs, None, view())) is None
    assert not store.exists("sc")


def test_a_failing_write_is_said_once(tmp_path: Path) -> None:
    keeper, store, docs = keeper_on(tmp_path)
    store.folder.parent.mkdir(parents=True)
    store.folder.write_text("a file where the sessions folder goes", encoding="utf-8")
    said = []
    for cursor in range(3):
        point = keeper.take(run(docs, None, view(cursor=cursor)))
        assert point is not None
        said.append(keeper.write_quietly(point))
    assert said[0] is not None and said[0].startswith("session not saved:")
    assert said[1:] == [None, None]
