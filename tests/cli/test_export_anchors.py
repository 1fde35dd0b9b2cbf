"""``reader export`` checks the notes against the article files as they are now."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.anchoring import target_for_sentence
from tui.core.corpus import make_article
from tui.core.notes_store import NotesStore

STORY = "Bridge shut on Monday. Twelve were hurt in the fall. Cracks were known. An inquiry opens."
EDITED = "Bridge shut on Monday. Twelve were injured in the fall. An inquiry opens."


def test_orphans_and_reworded_passages_are_flagged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "cbn.txt"
    story.write_text(STORY, encoding="utf-8")
    article = make_article("cbn", str(story), STORY, label="CBN")
    notes = tmp_path / "notes.yaml"
    store = NotesStore(notes)
    for index in (1, 2):
        store.add("note", [target_for_sentence(article, article.sentences[index])], str(index))
    story.write_text(EDITED, encoding="utf-8")  # sentence 2 reworded, sentence 3 deleted

    assert main(["export", str(notes)]) == 0
    report = capsys.readouterr().out
    assert "— CBN, sentence 3 when noted" in report
    assert report.count("⚠ **Orphan:**") == 1 and report.count("≈ **Reworded**") == 1

    assert main(["export", str(notes), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert sorted(r["anchor"] for r in rows) == ["orphan", "reworded"]
