"""The bundled seeds are named as such (``bundled:seeds/NAME``) in notes, sessions and
reports, never by a path inside one installation's site-packages, and still found by it."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest

from tui.cli import main
from tui.commands.loading import load_or_fail
from tui.core.anchoring import target_for_sentence
from tui.core.model import Article
from tui.core.notes_store import NotesStore
from tui.core.sessions import SessionStore, session_articles
from tui.resources import as_bundled, from_bundled, seeds_dir


def test_align_names_the_seeds_as_bundled(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["align"]) == 0
    paths = [d["path"] for d in json.loads(capsys.readouterr().out)["documents"]]
    assert paths == [f"bundled:seeds/{p.name}" for p in sorted(seeds_dir().glob("*.txt"))]


def test_a_note_on_a_seed_names_it_as_bundled_and_export_finds_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = load_or_fail([])[0]
    notes = tmp_path / "notes.yaml"
    NotesStore(notes).add("note", [target_for_sentence(seed, seed.sentences[3])], comment="x")
    text = notes.read_text(encoding="utf-8")
    assert f"path: bundled:seeds/{Path(seed.id).name}.txt" in text
    assert str(seeds_dir()) not in text
    assert main(["export", str(notes), "--format", "csv"]) == 0
    (row,) = csv.DictReader(io.StringIO(capsys.readouterr().out))
    assert row["path"] == f"bundled:seeds/{seed.id}.txt"
    assert row["anchor"] == "intact"  # the seed file was found from its bundled name
    assert row["sentence_now"] == "4"


@pytest.mark.parametrize("argv", [[], ["--session", "default"]])  # the seeds again, or reopened
def test_a_session_saved_with_the_seeds_file_paths_reopens_unchanged(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fake_ui: list[tuple[Article, ...]],
    argv: list[str],
) -> None:
    """Sessions saved before the seeds were named as bundled still match them."""
    from tests.cli.conftest import OpenedApp

    data = tmp_path / "data"
    monkeypatch.setenv("READER_DATA_DIR", str(data))
    store = SessionStore(data)
    seeds = load_or_fail([])
    old = store.new("default", ())
    files = [str(seeds_dir() / f"{a.id}.txt") for a in seeds]
    old_articles = tuple(
        replace(item, path=path) for item, path in zip(session_articles(seeds), files, strict=True)
    )
    store.save(replace(old, articles=old_articles))
    assert main(argv) == 0
    assert capsys.readouterr().err == ""  # nothing "replaced", nothing "missing"
    assert OpenedApp.notices == [()]
    assert [a.path for a in fake_ui[0]] == [f"bundled:seeds/{a.id}.txt" for a in seeds]


@pytest.mark.parametrize(
    "recorded", ["bundled:seeds/../secret.txt", "bundled:seeds/", "bundled:seeds/a/b.txt"]
)
def test_only_a_plain_file_name_is_taken_from_a_bundled_path(recorded: str) -> None:
    assert from_bundled(recorded) == recorded  # left as it is, to fail as a path


def test_other_paths_are_left_alone(tmp_path: Path) -> None:
    path = str(tmp_path / "000_1839c8842eb5fcfc.txt")
    assert as_bundled(path) == path
    assert as_bundled("https://example.com/seeds/a.txt") == "https://example.com/seeds/a.txt"
    seed = str(seeds_dir() / "000_1839c8842eb5fcfc.txt")
    assert from_bundled(as_bundled(seed)) == seed
