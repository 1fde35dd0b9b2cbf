"""Saving a session on quit keeps the articles that were not found this time (data loss fix)."""

from __future__ import annotations

from pathlib import Path

from tui.controllers.sessions import SessionActions
from tui.core.corpus import make_article
from tui.core.model import Article
from tui.core.sessions import Session, SessionStore


class QuitApp(SessionActions):
    """The session half of ReaderApp, with no screen up (as when quitting early)."""

    def __init__(self, store: SessionStore, session: Session, articles: list[Article]) -> None:
        self.sessions = store
        self.session = session
        self.articles = tuple(articles)
        self.notes = None
        self.notes_path = None
        self.threshold = 80.0
        self.screen_stack: list[object] = []


def test_quitting_with_an_article_missing_keeps_it(tmp_path: Path) -> None:
    docs = []
    for name in ("cnn", "bbc", "ap"):
        path = tmp_path / f"{name}.txt"
        path.write_text(f"{name} reports rain. More rain.\n", encoding="utf-8")
        docs.append(make_article(name, str(path), path.read_text(encoding="utf-8")))
    store = SessionStore(tmp_path / "data")
    store.save(store.new("sc", docs))

    app = QuitApp(store, store.load("sc"), [docs[1], docs[2]])  # cnn moved away
    assert app.save_session() is None

    assert [row.articles for row in store.list()] == [3]
    saved = store.load("sc").articles
    assert [(a.id, a.missing) for a in saved] == [("cnn", True), ("bbc", False), ("ap", False)]
