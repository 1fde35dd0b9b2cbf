"""The user's key remapping, read from ``<data dir>/keymap.yaml``.

Every binding of reader has an id (``reader.next-sentence``, ...). A user remaps keys by
writing those ids with the keys they want into ``keymap.yaml``::

    reader.next-sentence: ctrl+n
    reader.previous-sentence: ctrl+p, up

The result feeds Textual's ``App.set_keymap``. Pure Python (no Textual import) so it is
tested without a terminal; problems come back as one-line messages, never exceptions, and
the file is only ever read. A bad entry costs only itself: an unknown id, malformed keys, a
key another binding already has, or a line that is not YAML (the other lines still apply).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.core.storage import StorageError, TooLarge, load_yaml, parse_yaml, read_text

KEYMAP_FILE = "keymap.yaml"
MAX_KEYMAP_BYTES = 1_000_000
"""Largest keymap read: one line per binding id, a few kB at most."""
_KEY = re.compile(r"^[a-z0-9_+\-]+$|^.$")
_KEY_NAME_REPLACEMENTS = {
    "solidus": "slash",
    "reverse_solidus": "backslash",
    "commercial_at": "at",
    "hyphen_minus": "minus",
    "plus_sign": "plus",
    "low_line": "underscore",
}
"""As ``textual.keys.KEY_NAME_REPLACEMENTS``: "[" and "left_square_bracket" are one key."""

Scope = Mapping[str, Sequence[str]]
"""Bindings active together (a screen, its widgets and the app): binding id -> default keys."""


@dataclass(frozen=True)
class Keymap:
    """Binding id -> comma-separated keys, plus what was wrong with the file."""

    bindings: dict[str, str]
    problems: tuple[str, ...] = ()


def load_keymap(folder: Path, known_ids: Iterable[str], scopes: Iterable[Scope] = ()) -> Keymap:
    """Read ``folder/keymap.yaml``; a missing file is an empty keymap.

    Args:
        folder: the data folder.
        known_ids: every binding id that may be remapped.
        scopes: groups of bindings active at the same time, with their default keys; an
            entry giving a binding a key another binding of its group keeps is a conflict.

    Entries with an unknown id, malformed keys or a conflicting key are left out and
    reported; a file that is not valid YAML is read line by line, so only its bad lines go.
    """
    path = folder / KEYMAP_FILE
    if not path.is_file():
        return Keymap({})
    problems: list[str] = []
    try:
        data = load_yaml(path, MAX_KEYMAP_BYTES, "keymap")
    except TooLarge as exc:
        return Keymap({}, (f"keymap ignored: {exc}",))
    except StorageError as exc:
        try:
            data = _line_by_line(read_text(path), path, problems)
        except StorageError:
            return Keymap({}, (f"keymap ignored: {exc}",))
        problems.insert(0, f"{exc}; the other lines apply")
    if data is None:
        return Keymap({}, tuple(problems))
    if not isinstance(data, dict):
        return Keymap({}, (f"keymap ignored: {path} must map binding ids to keys",))
    scope_list = [dict(scope) for scope in scopes]
    known = set(known_ids).union(*(scope.keys() for scope in scope_list))
    wanted: dict[str, str] = {}
    for binding_id, keys in data.items():
        if str(binding_id) not in known:
            problems.append(f"{path}: unknown binding id {binding_id!r} (see '?' for ids)")
            continue
        parsed = _keys(keys)
        if parsed is None:
            problems.append(f"{path}: {binding_id}: keys must be text like 'ctrl+n, j'")
            continue
        wanted[str(binding_id)] = parsed
    bindings: dict[str, str] = {}
    for binding_id, keys in wanted.items():
        clash = _conflict(binding_id, keys.split(","), scope_list, bindings, wanted)
        if clash is not None:
            key, other = clash
            problems.append(
                f"{path}: {binding_id}: {key!r} is already {other}'s key; entry skipped"
            )
            continue
        bindings[binding_id] = keys
    return Keymap(bindings, tuple(problems))


def _conflict(
    binding_id: str,
    keys: Sequence[str],
    scopes: Sequence[Mapping[str, Sequence[str]]],
    accepted: Mapping[str, str],
    wanted: Mapping[str, str],
) -> tuple[str, str] | None:
    """The first (key, other binding id) that ``keys`` would take from another binding.

    The other binding's keys are those this file gives it (accepted, or still to be checked),
    else its defaults, so swapping two bindings' keys is no conflict. Bindings that already
    share a default key (the table's next-row and the panes' next-sentence both have down)
    shadow each other by design: giving one the other's key is no conflict either.
    """
    for scope in scopes:
        if binding_id not in scope:
            continue
        own_defaults = {key_name(k) for k in scope[binding_id]}
        for other, defaults in scope.items():
            if other == binding_id or own_defaults & {key_name(k) for k in defaults}:
                continue
            current = accepted.get(other) or wanted.get(other)
            other_keys = {key_name(k) for k in (current.split(",") if current else defaults)}
            for key in keys:
                if key_name(key) in other_keys:
                    return key, other
    return None


def key_name(key: str) -> str:
    """The long name Textual gives a key ("[" -> "left_square_bracket"), to compare keys."""
    key = key.strip()
    if len(key) == 1 and not key.isalnum():
        try:
            key = unicodedata.name(key).lower().replace("-", "_").replace(" ", "_")
        except ValueError:
            return key
    return _KEY_NAME_REPLACEMENTS.get(key, key)


def _line_by_line(text: str, path: Path, problems: list[str]) -> dict[str, Any]:
    """Entries of a file that is not valid YAML as a whole, one line at a time."""
    entries: dict[str, Any] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            item = parse_yaml(line, f"{path}, line {number}")
        except StorageError:
            item = None
        if isinstance(item, dict) and len(item) == 1:
            entries.update(item)
        else:
            problems.append(f"{path}, line {number}: not 'binding-id: keys'; skipped")
    return entries


def _keys(value: object) -> str | None:
    if isinstance(value, list):
        items = [str(item).strip() for item in value]
    elif isinstance(value, str | int):
        items = [part.strip() for part in str(value).split(",")]
    else:
        return None
    items = [item for item in items if item]
    if not items or not all(_KEY.match(item) for item in items):
        return None
    return ",".join(items)
