"""The user's key remapping, read from ``<data dir>/keymap.yaml``.

Every binding of reader has an id (``reader.next-sentence``, ...). A user remaps keys by
writing those ids with the keys they want into ``keymap.yaml``::

    reader.next-sentence: ctrl+n
    reader.previous-sentence: ctrl+p, up

The result feeds Textual's ``App.set_keymap``. Pure Python (no Textual import) so it is
tested without a terminal; problems come back as one-line messages, never exceptions, and
the file is only ever read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tui.core.storage import StorageError, load_yaml

KEYMAP_FILE = "keymap.yaml"
_KEY = re.compile(r"^[a-z0-9_+\-]+$|^.$")


@dataclass(frozen=True)
class Keymap:
    """Binding id -> comma-separated keys, plus what was wrong with the file."""

    bindings: dict[str, str]
    problems: tuple[str, ...] = ()


def load_keymap(folder: Path, known_ids: Iterable[str]) -> Keymap:
    """Read ``folder/keymap.yaml``; a missing file is an empty keymap.

    Entries with an unknown id or a malformed key are left out and reported; a file
    that does not parse is reported and ignored whole.
    """
    path = folder / KEYMAP_FILE
    if not path.is_file():
        return Keymap({})
    try:
        data = load_yaml(path)
    except StorageError as exc:
        return Keymap({}, (f"keymap ignored: {exc}",))
    if data is None:
        return Keymap({})
    if not isinstance(data, dict):
        return Keymap({}, (f"keymap ignored: {path} must map binding ids to keys",))
    known = set(known_ids)
    bindings: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, keys in data.items():
        if str(binding_id) not in known:
            problems.append(f"{path}: unknown binding id {binding_id!r} (see '?' for ids)")
            continue
        parsed = _keys(keys)
        if parsed is None:
            problems.append(f"{path}: {binding_id}: keys must be text like 'ctrl+n, j'")
            continue
        bindings[str(binding_id)] = parsed
    return Keymap(bindings, tuple(problems))


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
