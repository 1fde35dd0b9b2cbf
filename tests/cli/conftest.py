"""CLI fixtures: a stand-in for the UI so opening articles never starts Textual."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from tui.core.anchoring import target_for_sentence
from tui.core.corpus import make_article
from tui.core.model import Article
from tui.core.notes_store import NotesStore

INPUTS = Path(__file__).parent.parent / "data" / "inputs"


class OpenedApp:
    """Records what the reading UI would have been given."""

    opened: ClassVar[list[tuple[Article, ...]]] = []
    notices: ClassVar[list[object]] = []
    """The notices each run would have shown in the app."""

    def __init__(self, articles: tuple[Article, ...], *args: object, **kwargs: object) -> None:
        self.articles = articles
        OpenedApp.notices.append(kwargs.get("notices", ()))
        self.return_code: int | None = 0

    def run(self) -> None:
        OpenedApp.opened.append(self.articles)


@pytest.fixture
def fake_ui(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[Article, ...]]]:
    """Replace ``tui.app`` with a recorder; yields the article tuples the UI received."""
    module = types.ModuleType("tui.app")
    module.ReaderApp = OpenedApp  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tui.app", module)
    OpenedApp.opened = []
    OpenedApp.notices = []
    yield OpenedApp.opened


@pytest.fixture
def inputs() -> Path:
    return INPUTS


@pytest.fixture
def notes_file(tmp_path: Path) -> Path:
    """A notes file holding one note on a local article (the export tests' input)."""
    wire = make_article("wire", "/n/wire.txt", "The mayor said 12 died. Rain fell.")
    path = tmp_path / "notes.yaml"
    NotesStore(path).add("note", [target_for_sentence(wire, wire.sentences[0])], comment="toll")
    return path
