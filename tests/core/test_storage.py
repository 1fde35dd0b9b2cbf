"""Atomic writes, backups and safe YAML: the guarantees the notes file rests on."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tui.core import storage
from tui.core.storage import (
    StorageError,
    UnsafeYaml,
    YamlProblem,
    atomic_write_text,
    backup_path,
    dump_yaml,
    line_of,
    load_yaml,
    parse_yaml,
)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_atomic_write_creates_folder_and_file(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "notes.yaml"
    atomic_write_text(target, "one\n")
    assert target.read_text() == "one\n"
    assert not backup_path(target).exists()
    assert _leftovers(target.parent) == []


def test_previous_version_kept_as_backup(tmp_path: Path) -> None:
    target = tmp_path / "notes.yaml"
    atomic_write_text(target, "v1\n")
    atomic_write_text(target, "v2\n")
    assert target.read_text() == "v2\n"
    assert backup_path(target) == tmp_path / "notes.yaml.bak"
    assert backup_path(target).read_text() == "v1\n"
    atomic_write_text(target, "v3\n")
    assert backup_path(target).read_text() == "v2\n"


def test_rewriting_same_content_keeps_the_older_backup(tmp_path: Path) -> None:
    target = tmp_path / "notes.yaml"
    atomic_write_text(target, "v1\n")
    atomic_write_text(target, "v2\n")
    atomic_write_text(target, "v2\n")
    assert backup_path(target).read_text() == "v1\n"


def test_no_backup_when_asked(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    atomic_write_text(target, "a", backup=False)
    atomic_write_text(target, "b", backup=False)
    assert not backup_path(target).exists()


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_crash_mid_save_leaves_original_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "notes.yaml"
    atomic_write_text(target, "original\n")
    real = getattr(storage.os, failing)
    calls = {"n": 0}

    def boom(*args: object, **kwargs: object) -> None:
        # Let the backup write through, fail while writing the new version.
        calls["n"] += 1
        if calls["n"] >= 2:
            raise OSError(28, "No space left on device")
        real(*args, **kwargs)

    monkeypatch.setattr(storage.os, failing, boom)
    with pytest.raises(StorageError, match="No space left on device"):
        atomic_write_text(target, "new content that never lands\n")
    monkeypatch.undo()
    assert target.read_text() == "original\n"
    assert _leftovers(tmp_path) == []


def test_exception_while_writing_leaves_original_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "notes.yaml"
    atomic_write_text(target, "original\n")

    class Interrupted(BaseException):
        pass

    def interrupted(*args: object, **kwargs: object) -> None:
        raise Interrupted

    monkeypatch.setattr(storage.os, "replace", interrupted)
    with pytest.raises(Interrupted):
        atomic_write_text(target, "half", backup=False)
    monkeypatch.undo()
    assert target.read_text() == "original\n"
    assert _leftovers(tmp_path) == []


def test_unwritable_folder_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StorageError, match="could not write"):
        atomic_write_text(blocker / "notes.yaml", "x")


def test_corrupt_yaml_reports_line(tmp_path: Path) -> None:
    text = "schema_version: 1\nannotations:\n- id: a\n  kind: [unclosed\n  comment: x\n"
    with pytest.raises(YamlProblem) as info:
        parse_yaml(text, "notes.yaml")
    assert info.value.line is not None and 4 <= info.value.line <= 5
    assert str(info.value).startswith(f"notes.yaml, line {info.value.line}: not valid YAML")


def test_tab_indentation_reports_line() -> None:
    with pytest.raises(YamlProblem, match=r"line 2"):
        parse_yaml("a: 1\n\tb: 2\n", "f.yaml")


def test_malicious_yaml_refused_and_not_run(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    path = tmp_path / "evil.yaml"
    path.write_text(f"schema_version: 1\nx: !!python/object/apply:os.system ['touch {marker}']\n")
    with pytest.raises(UnsafeYaml) as info:
        load_yaml(path)
    assert not marker.exists()
    assert info.value.line == 2
    assert "!!python" in str(info.value) and str(path) in str(info.value)


def test_python_object_tag_refused() -> None:
    with pytest.raises(UnsafeYaml, match="refused"):
        parse_yaml("!!python/object:collections.OrderedDict {}\n")


def test_unknown_local_tag_is_a_plain_problem() -> None:
    with pytest.raises(YamlProblem) as info:
        parse_yaml("a: !custom 3\n")
    assert not isinstance(info.value, UnsafeYaml)


def test_non_utf8_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes(b"a: caf\xe9\n")
    with pytest.raises(StorageError, match="not UTF-8"):
        load_yaml(path)


def test_dump_uses_block_scalars_for_multiline_text() -> None:
    out = dump_yaml({"comment": "first line\nsecond line", "plain": "x"})
    assert out == "comment: |-\n  first line\n  second line\nplain: x\n"
    assert yaml.safe_load(out) == {"comment": "first line\nsecond line", "plain": "x"}


def test_dump_quotes_multiline_text_with_edge_whitespace() -> None:
    value = " leading\n\ntrailing "
    out = dump_yaml({"suffix": value})
    assert "|" not in out
    assert yaml.safe_load(out) == {"suffix": value}


def test_dump_keeps_key_order_and_unicode() -> None:
    out = dump_yaml({"z": "«déjà vu»", "a": 1})
    assert out.splitlines() == ["z: «déjà vu»", "a: 1"]


def test_line_of_finds_nested_nodes() -> None:
    text = "top: 1\nitems:\n- name: a\n  kind: x\n- name: b\n  kind: y\n"
    assert line_of(text, ("items", 1, "kind")) == 6
    assert line_of(text, ("items", 0)) == 3
    assert line_of(text, ("items", 1, "missing")) == 5
    assert line_of("a: [", ("a",)) is None
