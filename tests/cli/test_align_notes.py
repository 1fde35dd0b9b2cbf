"""``reader align PATH... --notes FILE``: the reader's links and unlinks change the report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.anchoring import target_for_sentence
from tui.core.corpus import load_paths
from tui.core.notes_store import NotesStore


def _story(tmp_path: Path) -> list[Path]:
    first = tmp_path / "a.txt"
    second = tmp_path / "b.txt"
    first.write_text(
        "Police named the gunman on Sunday. James Shaw Jr., 29, took the rifle away.\n",
        encoding="utf-8",
    )
    second.write_text(
        "The suspect was named by police on Sunday. A patron later identified as Shaw "
        "wrestled the gun from him.\n",
        encoding="utf-8",
    )
    return [first, second]


def _report(paths: list[Path], capsys: pytest.CaptureFixture[str], *extra: str) -> dict:
    assert main(["align", *map(str, paths), "--format", "json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def _pairs(report: dict) -> set[tuple[int, int, str]]:
    return {
        (p["a"]["sentence"], p["b"]["sentence"], p.get("origin", "engine")) for p in report["pairs"]
    }


def test_links_and_unlinks_of_a_notes_file_correct_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = _story(tmp_path)
    before = _report(paths, capsys)
    assert (1, 1, "user") not in _pairs(before)
    engine_pairs = [(a, b) for a, b, _ in _pairs(before)]
    assert engine_pairs, "the two opening sentences should align"
    articles = load_paths(paths).articles
    notes = tmp_path / "notes.yaml"
    store = NotesStore(notes)
    first, second = articles
    store.add(
        "link",
        [
            target_for_sentence(first, first.sentences[1]),
            target_for_sentence(second, second.sentences[1]),
        ],
    )
    a, b = engine_pairs[0]
    store.add(
        "unlink",
        [
            target_for_sentence(first, first.sentences[a]),
            target_for_sentence(second, second.sentences[b]),
        ],
    )
    after = _report(paths, capsys, "--notes", str(notes))
    assert (1, 1, "user") in _pairs(after)
    assert (a, b) not in [(x, y) for x, y, _ in _pairs(after)]
    # the reader's link counts its sentences from 1 beside the index, as the engine's pairs do
    (linked,) = [p for p in after["pairs"] if p.get("origin") == "user"]
    assert linked["a"] == {"doc": first.id, "sentence": 1, "number": 2}
    assert linked["b"] == {"doc": second.id, "sentence": 1, "number": 2}


def test_a_missing_notes_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["align", *map(str, _story(tmp_path)), "--notes", str(tmp_path / "no.yaml")])
    err = capsys.readouterr().err.strip()
    assert status == 1 and "no such notes file" in err and len(err.splitlines()) == 1
