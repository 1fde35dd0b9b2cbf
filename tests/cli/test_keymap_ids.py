"""keymap.yaml accepts every binding id the help screen can show, and refuses a key another
binding of the same screen keeps (the app's real bindings, no terminal needed)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

from textual.binding import Binding
from textual.dom import DOMNode

import tui.screens
import tui.widgets
from tui.binding_scopes import binding_ids, binding_scopes
from tui.keymap import KEYMAP_FILE, load_keymap


def declared_ids() -> set[str]:
    """Every binding id declared by a screen or widget of reader, found by import."""
    ids: set[str] = set()
    for package in (tui.screens, tui.widgets):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for _, cls in inspect.getmembers(module, inspect.isclass):
                if issubclass(cls, DOMNode) and cls.__module__ == module.__name__:
                    ids |= {b.id for b in cls.BINDINGS if isinstance(b, Binding) and b.id}
    return ids


def test_every_declared_id_can_be_remapped() -> None:
    known = binding_ids()
    assert {"alignment.next-row", "alignment.first-row", "help.close"} <= known
    assert declared_ids() <= known


def test_table_ids_apply_and_conflicts_are_skipped_in_one_line(tmp_path: Path) -> None:
    (tmp_path / KEYMAP_FILE).write_text(
        'alignment.next-row: ctrl+n\nalignment.first-row: home\nreader.help: "["\n'
        "reader.toggle-sync: j\n",
        encoding="utf-8",
    )
    keymap = load_keymap(tmp_path, binding_ids(), binding_scopes())
    assert keymap.bindings == {"alignment.next-row": "ctrl+n", "alignment.first-row": "home"}
    assert len(keymap.problems) == 2
    assert "reader.help: '[' is already reader." in keymap.problems[0]
    assert "reader.toggle-sync: 'j' is already reader.next-sentence's key" in keymap.problems[1]
