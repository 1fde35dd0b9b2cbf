"""NotesStore: immediate atomic saves, undo, read-only on bad files, merging with other writers."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tui.core.anchoring import target_for_sentence
from tui.core.corpus import make_article
from tui.core.notes import CandidateQuote, DiscrepancyInfo, Target, parse_document
from tui.core.notes_store import NotesError, NotesStore, ReadOnlyNotes
from tui.core.storage import backup_path

WIRE = make_article("wire", "/n/wire.txt", "The mayor said 12 died. Rain fell. Roads shut.")
AP = make_article("ap", "/n/ap.txt", "The mayor said 14 died. It rained. Roads closed.")


def pair(i: int = 0) -> list[Target]:
    return [target_for_sentence(WIRE, WIRE.sentences[i]), target_for_sentence(AP, AP.sentences[i])]


def one(i: int = 0) -> list[Target]:
    return [target_for_sentence(WIRE, WIRE.sentences[i])]


def ticking_clock() -> Callable[[], datetime]:
    start = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    counter = itertools.count()
    return lambda: start + timedelta(seconds=next(counter))


def counter_ids(prefix: str = "a-") -> Callable[[], str]:
    counter = itertools.count(1)
    return lambda: f"{prefix}{next(counter):04d}"


def store(path: Path, prefix: str = "a-") -> NotesStore:
    return NotesStore(path, clock=ticking_clock(), id_factory=counter_ids(prefix))


def on_disk(path: Path) -> list[str]:
    return [a.id for a in parse_document(path.read_text()).annotations]


def test_open_creates_the_file(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "notes.yaml"
    notes = store(path)
    assert path.is_file() and not notes.read_only
    assert parse_document(path.read_text()).annotations == ()


def test_every_change_is_on_disk_when_the_call_returns(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    notes = store(path)
    added = notes.add(
        "contradiction",
        pair(),
        comment="12 or 14?\n",
        tags=["toll"],
        discrepancy=DiscrepancyInfo("number", "12 vs 14", "conflict"),
    )
    assert added.id == "a-0001" and added.comment == "12 or 14?"
    assert added.created == "2026-03-01T12:00:00Z"
    assert on_disk(path) == ["a-0001"]
    edited = notes.update("a-0001", comment="Checked: 14.", tags=["toll", "checked"])
    assert edited.updated == "2026-03-01T12:00:01Z" and edited.created == added.created
    assert parse_document(path.read_text()).annotations[0].comment == "Checked: 14."
    notes.delete("a-0001")
    assert on_disk(path) == []


def test_agreements_need_two_passages(tmp_path: Path) -> None:
    notes = store(tmp_path / "n.yaml")
    with pytest.raises(NotesError, match="two or more"):
        notes.add("agreement", one())
    with pytest.raises(NotesError, match="at least one"):
        notes.add("note", [])
    assert notes.add("note", one()).kind == "note"


def test_ids_are_never_reused(tmp_path: Path) -> None:
    path = tmp_path / "n.yaml"
    ids = iter(["a-1", "a-1", "a-2", "a-1", "a-3"])
    notes = NotesStore(path, id_factory=lambda: next(ids))
    first = notes.add("note", one())
    notes.delete(first.id)
    assert notes.add("note", one()).id == "a-2"  # a-1 skipped: it existed before
    assert notes.add("note", one()).id == "a-3"


def test_undo_reverts_add_edit_delete_in_order(tmp_path: Path) -> None:
    path = tmp_path / "n.yaml"
    notes = store(path)
    a = notes.add("note", one(), comment="first")
    notes.update(a.id, comment="second")
    notes.delete(a.id)
    assert notes.undo() == "delete note"
    assert notes.get(a.id) is not None and notes.get(a.id).comment == "second"  # type: ignore[union-attr]
    assert notes.undo() == "edit"
    assert parse_document(path.read_text()).annotations[0].comment == "first"
    assert notes.undo() == "add note"
    assert on_disk(path) == [] and not notes.can_undo
    assert notes.undo() is None


def test_an_annotation_replacing_others_is_one_change_and_one_undo(tmp_path: Path) -> None:
    """A link of two sentences replaces their unlink: both at once, undone at once."""
    path = tmp_path / "n.yaml"
    notes = store(path)
    unlink = notes.add("unlink", pair())
    note = notes.add("note", one())
    link = notes.add("link", pair(), replacing=[unlink.id, "a-gone"])  # an unknown id: ignored
    assert on_disk(path) == [note.id, link.id]
    assert notes.undo() == "add link"
    assert on_disk(path) == [unlink.id, note.id]
    assert notes.get(unlink.id) == unlink  # back as it was, id and times kept


def test_dismissed_candidates_are_remembered(tmp_path: Path) -> None:
    path = tmp_path / "n.yaml"
    notes = store(path)
    item = notes.dismiss("number", CandidateQuote("wire", "12"), CandidateQuote("ap", "14"))
    assert notes.is_dismissed(item.fingerprint)
    again = notes.dismiss("number", CandidateQuote("ap", "14"), CandidateQuote("wire", "12"))
    assert again == item and len(notes.document.dismissed) == 1
    assert store(path).is_dismissed(item.fingerprint)
    notes.undo()
    assert not store(path).is_dismissed(item.fingerprint)


def test_backup_holds_the_previous_version(tmp_path: Path) -> None:
    path = tmp_path / "n.yaml"
    notes = store(path)
    notes.add("note", one(0))
    notes.add("note", one(1))
    assert on_disk(backup_path(path)) == ["a-0001"]
    assert on_disk(path) == ["a-0001", "a-0002"]


def test_failed_save_keeps_file_and_memory_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "n.yaml"
    notes = store(path)
    notes.add("note", one())
    before = path.read_bytes()

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("tui.core.storage.os.replace", full_disk)
    with pytest.raises(Exception, match="No space left"):
        notes.add("note", one(1))
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert [a.id for a in notes.annotations] == ["a-0001"]
    assert notes.add("note", one(2)).id in on_disk(path)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("schema_version: 1\nannotations: [\n", r"n\.yaml, line \d+: not valid YAML"),
        ("schema_version: 1\nannotations:\n- id: x\n  kind: rumour\n", r"line 4.*unknown kind"),
        ("schema_version: 7\n", r"line 1.*newer reader"),
        ("a: !!python/object/apply:os.system ['true']\n", r"line 1.*refused"),
    ],
)
def test_bad_file_opens_read_only_and_is_never_overwritten(
    tmp_path: Path, content: str, expected: str
) -> None:
    path = tmp_path / "n.yaml"
    path.write_text(content)
    notes = store(path)
    assert notes.read_only
    assert notes.problem is not None
    assert "read-only" in notes.problem
    assert re.search(expected, notes.problem), notes.problem
    with pytest.raises(ReadOnlyNotes):
        notes.add("note", one())
    assert path.read_text() == content
    assert not backup_path(path).exists()


def test_read_only_by_request_never_writes(tmp_path: Path) -> None:
    path = tmp_path / "n.yaml"
    notes = NotesStore(path, read_only=True)
    assert notes.read_only and notes.problem is None and not path.exists()
    with pytest.raises(ReadOnlyNotes):
        notes.add("note", one())


def test_two_writers_on_one_file_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "shared.yaml"
    alice, bob = store(path, "a-"), store(path, "b-")
    for i in range(3):
        alice.add("note", one(i), comment=f"alice {i}")
        bob.add("agreement", pair(i), comment=f"bob {i}")
    expected = {f"a-000{i}" for i in (1, 2, 3)} | {f"b-000{i}" for i in (1, 2, 3)}
    assert set(on_disk(path)) == expected
    assert bob.document.ids() == expected
    alice.refresh()
    assert alice.document.ids() == expected
    assert store(path).document == alice.document


def test_external_edit_is_noticed_and_merged(tmp_path: Path) -> None:
    path = tmp_path / "n.yaml"
    mine = store(path, "a-")
    kept = mine.add("note", one(0), comment="mine")
    theirs = store(path, "t-")
    theirs.add("note", one(1), comment="theirs")
    report = mine.refresh()
    assert report is not None and report.added == ("t-0001",)
    assert "1 added" in report.summary()
    assert mine.refresh() is None  # nothing new
    theirs.delete(kept.id)
    report = mine.refresh()
    assert report is not None and report.removed == (kept.id,)


def test_external_delete_of_an_annotation_we_edit_keeps_our_edit(tmp_path: Path) -> None:
    path = tmp_path / "n.yaml"
    mine = store(path, "a-")
    a = mine.add("note", one(), comment="v1")
    theirs = store(path, "t-")
    theirs.delete(a.id)
    mine.update(a.id, comment="v2")
    assert [x.comment for x in parse_document(path.read_text()).annotations] == ["v2"]


def test_conflicting_edits_keep_both_versions(tmp_path: Path) -> None:
    path = tmp_path / "n.yaml"
    mine = store(path, "a-")
    a = mine.add("note", one(), comment="original")
    theirs = store(path, "t-")
    theirs.update(a.id, comment="their edit")
    saved = mine.update(a.id, comment="my edit")  # our view still had "original"
    on = parse_document(path.read_text()).annotations
    comments = sorted(x.comment for x in on)
    assert comments == ["my edit", "their edit"]
    copy = next(x for x in on if x.comment == "my edit")
    assert copy.conflict_of == a.id and copy.id != a.id and saved.id == a.id
    assert mine.last_merge is not None and mine.last_merge.conflicts == (a.id,)


def test_edit_based_on_a_stale_version_keeps_both(tmp_path: Path) -> None:
    path = tmp_path / "n.yaml"
    mine = store(path, "a-")
    a = mine.add("note", one(), comment="original")
    store(path, "t-").update(a.id, comment="their edit")
    mine.refresh()  # a timer picked their edit up while our editor was open on "original"
    saved = mine.update(a.id, comment="my edit", based_on=a)
    assert saved.conflict_of == a.id
    assert sorted(x.comment for x in parse_document(path.read_text()).annotations) == [
        "my edit",
        "their edit",
    ]


def test_file_broken_by_an_editor_turns_read_only_then_recovers(tmp_path: Path) -> None:
    path = tmp_path / "n.yaml"
    notes = store(path)
    notes.add("note", one())
    good = path.read_text()
    path.write_text(good + "  - broken: [\n")
    assert notes.refresh() is None
    assert notes.read_only and notes.problem and "line" in notes.problem
    with pytest.raises(ReadOnlyNotes):
        notes.add("note", one(1))
    assert path.read_text().endswith("broken: [\n")
    path.write_text(good)
    notes.refresh()
    assert not notes.read_only
    notes.add("note", one(1))
    assert len(on_disk(path)) == 2


def test_file_deleted_while_open_is_recreated_on_next_save(tmp_path: Path) -> None:
    path = tmp_path / "n.yaml"
    notes = store(path)
    notes.add("note", one())
    path.unlink()
    notes.add("note", one(1))
    assert on_disk(path) == ["a-0001", "a-0002"]


def test_temp_files_left_by_a_killed_save_are_removed_on_start(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    NotesStore(path)
    ours = [".notes.yaml.k3x9_q2a.tmp", ".notes.yaml.bak.0a1b2c3d.tmp"]
    others = [
        ".notes.yaml.tmp",  # not mkstemp's naming
        ".other.yaml.k3x9_q2a.tmp",  # another file's
        "notes.yaml.k3x9_q2a.tmp",
        ".notes.yaml.k3x9_q2a.tmp.keep",
    ]
    for name in ours + others:
        (tmp_path / name).write_text("half a save", encoding="utf-8")
    NotesStore(path)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted([".notes.yaml.lock", "notes.yaml", *others])


def test_a_read_only_store_leaves_temp_files_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    NotesStore(path)
    (tmp_path / ".notes.yaml.k3x9_q2a.tmp").write_text("x", encoding="utf-8")
    NotesStore(path, read_only=True)
    assert (tmp_path / ".notes.yaml.k3x9_q2a.tmp").exists()


def test_temp_files_beside_a_linked_notes_file_go_where_the_writes_go(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    NotesStore(real / "team.yaml")
    link = tmp_path / "notes.yaml"
    link.symlink_to(real / "team.yaml")
    (real / ".team.yaml.abcdefgh.tmp").write_text("x", encoding="utf-8")
    NotesStore(link)
    assert not (real / ".team.yaml.abcdefgh.tmp").exists()
