"""The user's keymap file: ids to keys, bad entries reported, never a crash."""

from __future__ import annotations

from pathlib import Path

from tui.keymap import KEYMAP_FILE, load_keymap

KNOWN = ("reader.next-sentence", "reader.previous-sentence", "reader.quit")


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / KEYMAP_FILE).write_text(text, encoding="utf-8")
    return tmp_path


def test_missing_file_is_an_empty_keymap(tmp_path: Path) -> None:
    keymap = load_keymap(tmp_path, KNOWN)
    assert keymap.bindings == {} and keymap.problems == ()


def test_ids_map_to_comma_separated_keys(tmp_path: Path) -> None:
    folder = write(
        tmp_path,
        "reader.next-sentence: ctrl+n\nreader.previous-sentence: [ctrl+p, up]\n"
        "reader.quit: 'ctrl+q, Q'\n",
    )
    keymap = load_keymap(folder, KNOWN)
    assert keymap.bindings == {
        "reader.next-sentence": "ctrl+n",
        "reader.previous-sentence": "ctrl+p,up",
        "reader.quit": "ctrl+q,Q",
    }
    assert keymap.problems == ()


def test_unknown_ids_and_bad_keys_are_reported_and_skipped(tmp_path: Path) -> None:
    folder = write(
        tmp_path, "reader.next-sentense: j\nreader.quit: {a: 1}\nreader.next-sentence: n\n"
    )
    keymap = load_keymap(folder, KNOWN)
    assert keymap.bindings == {"reader.next-sentence": "n"}
    assert len(keymap.problems) == 2
    assert "unknown binding id 'reader.next-sentense'" in keymap.problems[0]
    assert "reader.quit" in keymap.problems[1]


def test_a_file_that_does_not_parse_is_ignored_with_its_line(tmp_path: Path) -> None:
    folder = write(tmp_path, "reader.quit: q\n  : [unclosed\n")
    keymap = load_keymap(folder, KNOWN)
    assert keymap.bindings == {}
    assert len(keymap.problems) == 1 and "line" in keymap.problems[0]


def test_python_tags_are_refused(tmp_path: Path) -> None:
    folder = write(tmp_path, "reader.quit: !!python/object/apply:os.system ['true']\n")
    keymap = load_keymap(folder, KNOWN)
    assert keymap.bindings == {} and keymap.problems
