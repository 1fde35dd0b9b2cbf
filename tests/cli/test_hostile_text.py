"""Escape sequences in a shared notes file or a downloaded article never reach the terminal:
``reader export`` and ``reader align`` write no control character (newline and tab aside), to
stdout and to files alike, and an article's control sequences are dropped when it is loaded."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.anchoring import target_for_sentence
from tui.core.corpus import load_paths, make_article
from tui.core.model import ArticleMeta
from tui.core.notes_store import NotesStore

CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
TITLE = "\x1b]0;pwned\x07"
CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4=\x1b\\"
RED = "\x1b[31m"


@pytest.fixture
def hostile_notes(tmp_path: Path) -> Path:
    """A notes file whose quote, comment, tags, label and outlet carry escape sequences."""
    article = make_article(
        "wire",
        "/n/wire.txt",
        "The mayor said 12 died. Rain fell.",
        ArticleMeta(source="Wire"),
    )
    path = tmp_path / "shared.yaml"
    target = target_for_sentence(article, article.sentences[0])
    hostile_article = type(target.article)(
        "wire", "/n/wire.txt", target.article.sha256, f"Wire{TITLE}", f"Out{RED}let"
    )
    quote = type(target.quote)(f"The mayor {TITLE}said", "", "")
    target = type(target)(hostile_article, quote, target.position, target.sentence)
    NotesStore(path).add(
        "note", [target], comment=f"see {CLIPBOARD}this\x9b31m", tags=(f"t{RED}ag",)
    )
    return path


@pytest.mark.parametrize("fmt", ["markdown", "csv", "jsonld"])
def test_export_writes_no_control_character(
    hostile_notes: Path, tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(hostile_notes), "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert not CONTROLS.search(out), repr(CONTROLS.search(out))
    assert "said" in out and "this" in out  # the text around the sequences stays
    target = tmp_path / f"out.{fmt}"
    assert main(["export", str(hostile_notes), "--format", fmt, "-o", str(target)]) == 0
    assert not CONTROLS.search(target.read_text(encoding="utf-8"))


@pytest.fixture
def hostile_articles(tmp_path: Path) -> Path:
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "a.txt").write_text(
        f"{TITLE}Flood hits the valley.\n\n{RED}The mayor said 12 people died.\x1b[0m\n",
        encoding="utf-8",
    )
    (folder / f"b{RED}.txt").write_text(
        "Flood hits the valley.\n\nThe mayor said 14 people died.\n", encoding="utf-8"
    )
    return folder


@pytest.mark.parametrize("fmt", ["json", "yaml", "markdown"])
def test_align_writes_no_control_character(
    hostile_articles: Path, tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["align", str(hostile_articles), "--format", fmt]) == 0
    out, err = capsys.readouterr()
    assert not CONTROLS.search(out), repr(CONTROLS.search(out))
    assert not CONTROLS.search(err.replace("\n", ""))
    assert "The mayor said 12 people died." in out
    assert "\\u001b" not in out and "\\e" not in out  # not even escaped in JSON or YAML
    target = tmp_path / f"align.{fmt}"
    assert main(["align", str(hostile_articles), "--format", fmt, "-o", str(target)]) == 0
    assert not CONTROLS.search(target.read_text(encoding="utf-8"))


def test_loading_drops_control_sequences_and_warns_once(hostile_articles: Path) -> None:
    result = load_paths([hostile_articles / "a.txt"])
    (article,) = result.articles
    assert article.text == "Flood hits the valley.\n\nThe mayor said 12 people died."
    assert [s.text for s in article.sentences] == [
        "Flood hits the valley.",
        "The mayor said 12 people died.",
    ]
    assert article.warnings == (
        "3 terminal control sequences in the text (colour codes, title or clipboard changes), "
        "dropped",
    )
    assert "\x1b" not in article.meta.title


def test_the_warning_reaches_stderr(
    hostile_articles: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["align", str(hostile_articles / "a.txt"), str(hostile_articles / "a.txt")])
    err = capsys.readouterr().err
    assert err.count("terminal control sequences in the text") == 1
