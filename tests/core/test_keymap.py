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


def test_a_line_that_does_not_parse_costs_only_itself(tmp_path: Path) -> None:
    """README: bad entries are skipped, the rest applies, even when one breaks the YAML."""
    folder = write(
        tmp_path, "# mine\nreader.quit: q\n  : [unclosed\nreader.next-sentence: ctrl+n\n"
    )
    keymap = load_keymap(folder, KNOWN)
    assert keymap.bindings == {"reader.quit": "q", "reader.next-sentence": "ctrl+n"}
    assert len(keymap.problems) == 2
    assert "line" in keymap.problems[0] and "the other lines apply" in keymap.problems[0]
    assert "line 3: not 'binding-id: keys'; skipped" in keymap.problems[1]


def test_a_file_that_is_not_text_is_ignored(tmp_path: Path) -> None:
    (tmp_path / KEYMAP_FILE).write_bytes(b"reader.quit: \xff\n")
    keymap = load_keymap(tmp_path, KNOWN)
    assert keymap.bindings == {} and "keymap ignored" in keymap.problems[0]


READING = {
    "reader.help": ("question_mark", "f1"),
    "reader.toggle-sync": ("s",),
    "reader.previous-contradiction": ("left_square_bracket",),
    "reader.next-sentence": ("down", "j"),
    "alignment.next-row": ("down",),
}


def test_a_key_another_binding_has_is_a_conflict_and_skipped(tmp_path: Path) -> None:
    folder = write(
        tmp_path,
        'reader.help: "["\nreader.toggle-sync: j\nreader.quit: ctrl+q\n',
    )
    keymap = load_keymap(folder, KNOWN, [READING, {"reader.quit": ("q",)}])
    assert keymap.bindings == {"reader.quit": "ctrl+q"}
    assert keymap.problems == (
        f"{folder / KEYMAP_FILE}: reader.help: '[' is already "
        "reader.previous-contradiction's key; entry skipped",
        f"{folder / KEYMAP_FILE}: reader.toggle-sync: 'j' is already reader.next-sentence's "
        "key; entry skipped",
    )


def test_swapping_keys_and_shadowing_bindings_are_no_conflict(tmp_path: Path) -> None:
    folder = write(
        tmp_path,
        "reader.toggle-sync: question_mark\nreader.help: s, f1\nalignment.next-row: j\n",
    )
    keymap = load_keymap(folder, (), [READING])
    assert keymap.problems == ()
    assert keymap.bindings == {
        "reader.toggle-sync": "question_mark",
        "reader.help": "s,f1",
        "alignment.next-row": "j",
    }


def test_python_tags_are_refused(tmp_path: Path) -> None:
    folder = write(tmp_path, "reader.quit: !!python/object/apply:os.system ['true']\n")
    keymap = load_keymap(folder, KNOWN)
    assert keymap.bindings == {} and keymap.problems
