"""Sessions: saved and reopened exactly, listed, resumed; moved or changed articles noticed."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tui.core.anchoring import target_for_sentence
from tui.core.corpus import make_article
from tui.core.model import Article
from tui.core.notes_store import NotesStore
from tui.core.sessions import (
    Session,
    SessionError,
    SessionStore,
    ViewState,
    check_articles,
    check_session_name,
    merge_articles,
    notes_for_run,
)


def clock() -> Callable[[], datetime]:
    ticks = itertools.count()
    start = datetime(2026, 4, 1, 9, 0, tzinfo=UTC)
    return lambda: start + timedelta(minutes=next(ticks))


def articles(tmp_path: Path) -> list[Article]:
    out = []
    for name, text in (("wire", "The mayor said 12 died. Rain."), ("ap", "Mayor: 14 died.")):
        path = tmp_path / f"{name}.txt"
        path.write_text(text)
        out.append(make_article(name, str(path), text))
    return out


def sessions(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "data", clock=clock())


VIEW = ViewState(
    pane_order=("ap", "wire"),
    hidden=("wire",),
    focused="ap",
    cursors={"ap": 3, "wire": 0},
    sync=False,
    view_mode="diff",
    theme="reader-light",
    threshold=72.5,
    hidden_kinds=("quote", "list"),
    extra={"notes_panel": True},
)


def test_save_and_load_exactly(tmp_path: Path) -> None:
    store = sessions(tmp_path)
    session = store.new("flood", articles(tmp_path))
    session = type(session)(**{**session.__dict__, "view": VIEW})
    saved = store.save(session)
    assert store.path_for("flood") == tmp_path / "data" / "sessions" / "flood.yaml"
    loaded = store.load("flood")
    assert loaded == saved
    assert loaded.view == VIEW
    assert loaded.article_paths == [str(tmp_path / "wire.txt"), str(tmp_path / "ap.txt")]
    assert loaded.notes == str(tmp_path / "data" / "sessions" / "flood.notes.yaml")


def test_session_file_is_stable_and_unknown_keys_survive(tmp_path: Path) -> None:
    store = sessions(tmp_path)
    store.save(store.new("s", articles(tmp_path)))
    path = store.path_for("s")
    path.write_text(path.read_text() + "pinned: true\n")
    loaded = store.load("s")
    assert loaded.extra == {"pinned": True}
    store.save(loaded)
    assert "pinned: true" in path.read_text()


def test_resume_opens_the_last_saved(tmp_path: Path) -> None:
    store = sessions(tmp_path)
    with pytest.raises(SessionError, match="no session to resume"):
        store.resume()
    store.save(store.new("one", articles(tmp_path)))
    store.save(store.new("two", articles(tmp_path)))
    assert store.resume().name == "two"
    store.save(store.load("one"))
    assert store.resume().name == "one"
    store.save(store.load("two"), make_last=False)
    assert store.last_name() == "one"


def test_list_shows_articles_notes_and_last_opened(tmp_path: Path) -> None:
    store = sessions(tmp_path)
    docs = articles(tmp_path)
    flood = store.save(store.new("flood", docs))
    notes = NotesStore(flood.notes)
    notes.add("note", [target_for_sentence(docs[0], docs[0].sentences[0])])
    notes.add("agreement", [target_for_sentence(d, d.sentences[0]) for d in docs])
    store.save(store.new("empty", docs[:1]))
    broken = store.path_for("broken")
    broken.write_text("schema_version: [\n")
    rows = store.list()
    by_name = {r.name: r for r in rows}
    assert [r.name for r in rows][:2] == ["empty", "flood"]  # most recent first
    assert (by_name["flood"].articles, by_name["flood"].notes) == (2, 2)
    assert (by_name["empty"].articles, by_name["empty"].notes) == (1, None)
    assert by_name["empty"].is_last and not by_name["flood"].is_last
    assert by_name["flood"].last_opened == "2026-04-01T09:01:00Z"  # new() at :00, save() at :01
    assert by_name["broken"].problem and "line 2: not valid YAML" in by_name["broken"].problem
    assert "flood.notes" not in by_name


def test_list_of_nothing(tmp_path: Path) -> None:
    assert sessions(tmp_path).list() == []


def test_moved_and_changed_articles_are_noticed(tmp_path: Path) -> None:
    store = sessions(tmp_path)
    docs = articles(tmp_path)
    session = store.save(store.new("s", docs))
    assert check_articles(session, docs) == []
    changed = make_article("wire", docs[0].path, "The mayor said 13 died. Rain.")
    notices = check_articles(session, [changed])
    assert [(n.article.id, n.problem) for n in notices] == [("wire", "changed"), ("ap", "missing")]
    assert "text changed" in notices[0].message
    assert "not found at" in notices[1].message and docs[1].path in notices[1].message


@pytest.mark.parametrize("name", ["", "../evil", "a/b", ".hidden", "x" * 65, "s.yaml", "a b"])
def test_bad_names_refused(name: str) -> None:
    with pytest.raises(SessionError, match="invalid session name"):
        check_session_name(name)


@pytest.mark.parametrize("name", ["a.notes", "A.Notes", "flood.NOTES"])
def test_names_ending_in_notes_are_refused_they_would_share_a_notes_file(
    tmp_path: Path, name: str
) -> None:
    """Session "a.notes" would be saved as a.notes.yaml: session a's notes file."""
    owner = name.rsplit(".", 1)[0]
    with pytest.raises(SessionError, match=r"may not end in '\.notes'") as raised:
        check_session_name(name)
    assert f"notes file of session {owner!r}" in str(raised.value)
    store = sessions(tmp_path)
    with pytest.raises(SessionError):
        store.save(store.new(name, []))
    assert not store.folder.exists() or not list(store.folder.iterdir())
    assert check_session_name("notes.a") == "notes.a"  # only the ending matters


def test_unknown_session(tmp_path: Path) -> None:
    with pytest.raises(SessionError, match="no session named 'nope'"):
        sessions(tmp_path).load("nope")


def test_a_session_from_before_hidden_kinds_loads_with_every_kind_shown(tmp_path: Path) -> None:
    store = sessions(tmp_path)
    session = store.new("old", articles(tmp_path))
    store.save(type(session)(**{**session.__dict__, "view": VIEW}))
    path = store.path_for("old")
    text = path.read_text()
    assert "  hidden_kinds:\n  - quote\n  - list\n" in text
    path.write_text(text.replace("  hidden_kinds:\n  - quote\n  - list\n", ""))
    loaded = store.load("old")
    assert loaded.view.hidden_kinds == () and loaded.view.extra == {"notes_panel": True}
    assert ViewState.from_data({"hidden_kinds": "quote"}).hidden_kinds == ()  # not a list


def test_bad_view_values_fall_back_to_defaults() -> None:
    view = ViewState.from_data({"sync": "yes", "cursors": {"a": "x", "b": 2}, "threshold": True})
    assert view.sync is True and view.cursors == {"b": 2} and view.threshold is None
    assert ViewState.from_data(None) == ViewState()


@pytest.mark.parametrize("threshold", [500, -1, float("nan"), float("inf")])
def test_threshold_outside_0_to_100_falls_back(threshold: float) -> None:
    """A hand-edited or older session must not open with nothing matched (or everything)."""
    assert ViewState.from_data({"threshold": threshold}).threshold is None
    assert ViewState.from_data({"threshold": 62}).threshold == 62.0


def test_delete_keeps_notes(tmp_path: Path) -> None:
    store = sessions(tmp_path)
    session = store.save(store.new("s", articles(tmp_path)))
    NotesStore(session.notes)
    store.delete("s")
    assert not store.exists("s") and Path(session.notes).exists()


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("schema_version: 1\narticles: [\n  - path: x\n", ", line 3: not valid YAML"),
        (
            "schema_version: 2\nname: flood\n",
            ": schema_version 2 was written by a newer reader (this one reads up to 1)",
        ),
        ("schema_version: true\n", ": schema_version must be a whole number, found True"),
        ("- a list\n", ": not a session file"),
    ],
)
def test_a_session_file_that_cannot_be_read_is_never_saved_over(
    tmp_path: Path, text: str, reason: str
) -> None:
    """House rule: never overwrite a file you could not parse (no backup swap either)."""
    store = sessions(tmp_path)
    path = store.path_for("flood")
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    assert (store.unreadable("flood") or "").startswith(f"{path}{reason}")
    with pytest.raises(SessionError) as caught:
        store.save(store.new("flood", articles(tmp_path)))
    assert str(caught.value).startswith(f"{path}{reason}")
    assert str(caught.value).endswith("; flood.yaml is left as it is")
    assert path.read_text(encoding="utf-8") == text
    assert sorted(p.name for p in path.parent.iterdir()) == ["flood.yaml"]  # no .bak, no last


def test_unreadable_is_none_for_a_good_or_missing_session(tmp_path: Path) -> None:
    store = sessions(tmp_path)
    assert store.unreadable("flood") is None
    store.save(store.new("flood", articles(tmp_path)))
    assert store.unreadable("flood") is None


def test_unused_name_never_names_an_existing_session(tmp_path: Path) -> None:
    store = sessions(tmp_path)
    assert store.unused_name("flood") == "flood.new"
    store.save(store.new("flood.new", ()))
    assert store.unused_name("flood") == "flood.new-2"
    long = "x" * 64
    assert store.unused_name(long) == "x" * 60 + ".new"
    assert check_session_name(store.unused_name(long))


def test_an_article_missing_once_stays_in_the_session_and_comes_back(tmp_path: Path) -> None:
    store = sessions(tmp_path)
    docs = articles(tmp_path)
    store.save(store.new("s", docs))
    session = store.load("s")
    # reopened with "wire" moved away: only "ap" loaded, then saved on quit
    kept = merge_articles(session.articles, [docs[1]])
    store.save(replace(session, articles=kept))
    reloaded = store.load("s")
    assert [(a.path, a.missing) for a in reloaded.articles] == [
        (docs[0].path, True),
        (docs[1].path, False),
    ]
    assert reloaded.article_paths == [docs[0].path, docs[1].path]
    assert store.list()[0].articles == 2
    # back in place: loaded again, no longer marked missing, order kept
    back = merge_articles(reloaded.articles, docs)
    assert [(a.path, a.missing) for a in back] == [(docs[0].path, False), (docs[1].path, False)]
    notice = check_articles(session, [docs[1]])[0]
    assert "kept in the session" in notice.message


def test_articles_new_to_the_session_are_added_last(tmp_path: Path) -> None:
    docs = articles(tmp_path)
    saved = SessionStore(tmp_path).new("s", docs[:1]).articles
    assert [a.path for a in merge_articles(saved, docs[::-1])] == [docs[0].path, docs[1].path]


def test_a_folder_where_the_session_file_goes_is_unreadable_never_new(tmp_path: Path) -> None:
    store = sessions(tmp_path)
    store.path_for("a").mkdir(parents=True)
    assert store.exists("a")  # so no caller takes it for a new session
    with pytest.raises(SessionError, match="is a folder where the session file goes"):
        store.load("a")
    assert (
        store.unreadable("a") == f"{store.path_for('a')}: is a folder where the session file goes"
    )
    with pytest.raises(SessionError, match="is left as it is"):
        store.save(store.new("a", articles(tmp_path)))
    assert store.unreadable("never-saved") is None


def test_a_session_folder_is_listed_with_the_same_reason(tmp_path: Path) -> None:
    store = sessions(tmp_path)
    store.path_for("a").mkdir(parents=True)
    (row,) = store.list()
    assert (row.name, row.problem) == (
        "a",
        f"{store.path_for('a')}: is a folder where the session file goes",
    )


OWN = "/data/sessions/s.notes.yaml"


@pytest.mark.parametrize(
    ("name", "recorded", "chosen", "used", "kept"),
    [
        # a named session: a chosen file is used and kept; else the one it recorded, else its own
        ("s", "/n/recorded.yaml", None, "/n/recorded.yaml", "/n/recorded.yaml"),
        ("s", "/n/recorded.yaml", "/n/flag.yaml", "/n/flag.yaml", "/n/flag.yaml"),
        ("s", None, None, OWN, None),
        ("s", None, "/n/flag.yaml", "/n/flag.yaml", "/n/flag.yaml"),
        # the default session: a chosen file is used for the run only; it keeps its own
        ("default", OWN, None, OWN, OWN),
        ("default", OWN, "/n/flag.yaml", "/n/flag.yaml", OWN),
        ("default", "/n/remembered-by-mistake.yaml", None, OWN, OWN),
        ("default", None, None, OWN, OWN),
    ],
)
def test_notes_for_run(
    name: str, recorded: str | None, chosen: str | None, used: str, kept: str | None
) -> None:
    session = Session(name, notes=recorded)
    run, after = notes_for_run(session, chosen, OWN)
    assert (run, after.notes) == (used, kept)
    assert after.keep_notes is (name != "default")


def test_a_session_that_does_not_keep_notes_is_not_changed_by_the_one_in_use() -> None:
    session = Session("s", notes="/n/recorded.yaml", keep_notes=False)
    assert notes_for_run(session, "/n/other.yaml", OWN) == ("/n/other.yaml", session)


def test_a_session_without_notes_is_written_and_read_back_as_none(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "data")
    store.save(Session("bare"))
    assert "notes: ''" in store.path_for("bare").read_text(encoding="utf-8")  # format unchanged
    assert store.load("bare").notes is None
