"""Saving a session on quit keeps the articles that were not found this time (data loss fix)."""

from __future__ import annotations

from pathlib import Path

from tui.core.corpus import make_article
from tui.core.sessions import SessionStore
from tui.session_keeper import SessionKeeper, Snapshot


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
