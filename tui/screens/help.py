"""HelpScreen (``?`` / f1): every key live on the screen below, as the user has mapped them.

Built from ``screen.active_bindings`` when opened, never from a hard-coded list, so it shows
what is really bound right now: remapped keys (keymap), the focused widget's keys, disabled
actions (dimmed). Keys of one action are merged ("down, j"); groups follow the binding chain
from the focused widget out to the app. Binding ids are listed so users can remap them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from rich.console import Console, ConsoleOptions, RenderResult
from rich.console import Group as RenderGroup
from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

DEFAULT_MOUSE_HELP: tuple[tuple[str, str], ...] = (
    ("click", "focus a sentence (its pane gets the cursor)"),
    ("wheel", "scroll a pane; with sync on, the other panes follow"),
    ("click a table row", "move to that fact"),
)
"""Shown when the screen below has no ``MOUSE_HELP`` of its own."""
ACTION_MIN_WIDTH = 24
"""Columns a description needs beside the binding ids; narrower, the ids are left out."""


@dataclass
class HelpEntry:
    """One action with every key bound to it."""

    keys: list[str]
    description: str
    id: str
    enabled: bool
    tooltip: str = ""


@dataclass
class HelpSection:
    """The bindings one node (widget, screen or app) contributes."""

    title: str
    entries: list[HelpEntry] = field(default_factory=list)


def _title(node: DOMNode, target: Screen[Any]) -> str:
    explicit = getattr(node, "HELP_TITLE", None)
    if isinstance(explicit, str):
        return explicit
    if isinstance(node, App):
        return "Everywhere"
    if node is target:
        return f"{target.__class__.__name__.removesuffix('Screen') or 'Screen'} screen"
    name = node.__class__.__name__
    if name in _WIDGET_TITLES:
        return _WIDGET_TITLES[name]
    words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).lower()
    return f"In the {words}"


_WIDGET_TITLES = {
    "Input": "In a text field (search, filters, paths)",
    "TextArea": "In the note text",
    "OptionList": "In a list",
    "SelectionList": "In a checklist",
    "DataTable": "In the table view",
}
"""User-facing names of Textual's widgets, whose class names mean nothing to a reader."""


def help_sections(target: Screen[Any]) -> list[HelpSection]:
    """The live bindings of ``target`` grouped by the node that defines them.

    Order: the focused widget first, then outwards to the screen and the app, as Textual
    looks them up. Hidden-from-footer bindings are included (that is what help is for).
    """
    app = target.app
    sections: dict[tuple[int, str | None], HelpSection] = {}
    entries: dict[tuple[int, str, str, str], HelpEntry] = {}
    for active in target.active_bindings.values():
        binding: Binding = active.binding
        node = active.node
        # a node may file some of its keys under their own heading (the app's annotation keys
        # act only on the reading screen, so they are not listed as "Everywhere")
        group = getattr(node, "HELP_GROUPS", {}).get(binding.id or "")
        section = sections.setdefault((id(node), group), HelpSection(group or _title(node, target)))
        description = binding.description or binding.tooltip or binding.action
        description = description[:1].upper() + description[1:]  # Textual's "palette"
        tooltip = active.tooltip or binding.tooltip
        merge = (id(node), binding.id or "", binding.action, description)
        display = app.get_key_display(binding)
        entry = entries.get(merge)
        if entry is None:
            entry = HelpEntry([], description, binding.id or "", active.enabled, tooltip)
            entries[merge] = entry
            section.entries.append(entry)
        if display not in entry.keys:
            entry.keys.append(display)
    return [section for section in sections.values() if section.entries]


class HelpText:
    """The help tables laid out for the width they get: the ids go before the descriptions."""

    def __init__(
        self,
        sections: Sequence[HelpSection],
        mouse: Sequence[tuple[str, str]],
        marks: Sequence[tuple[str, str]] = (),
    ):
        self.sections = sections
        self.mouse = mouse
        self.marks = marks

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        key_width = _key_width(self.sections, self.mouse)
        id_width = max([len(e.id) for s in self.sections for e in s.entries] + [0])
        show_ids = options.max_width >= key_width + id_width + ACTION_MIN_WIDTH + 4
        yield render_help(self.sections, self.mouse, show_ids=show_ids, marks=self.marks)


def _key_width(sections: Sequence[HelpSection], mouse: Sequence[tuple[str, str]]) -> int:
    return max(
        [len(", ".join(e.keys)) for s in sections for e in s.entries] + [len(w) for w, _ in mouse]
    )


def render_help(
    sections: Sequence[HelpSection],
    mouse: Sequence[tuple[str, str]],
    show_ids: bool = True,
    marks: Sequence[tuple[str, str]] = (),
) -> RenderGroup:
    """The help text: one table per section, then the mouse hints and what the marks mean,
    columns lined up."""
    key_width = _key_width(sections, mouse)
    id_width = max([len(e.id) for s in sections for e in s.entries] + [0]) if show_ids else 0

    def table(title: str) -> Table:
        grid = Table(
            title=title,
            title_justify="left",
            title_style="bold",
            show_header=False,
            box=None,
            expand=True,
            padding=(0, 1),
        )
        grid.add_column("keys", style="bold", no_wrap=True, width=key_width)
        grid.add_column("action", ratio=1)
        if show_ids:
            grid.add_column("id", style="dim", no_wrap=True, width=id_width)
        return grid

    parts: list[Table | Text] = []
    for section in sections:
        grid = table(section.title)
        for entry in section.entries:
            style = "" if entry.enabled else "dim"
            action = Text(entry.description, style=style)
            if entry.tooltip and entry.tooltip != entry.description:
                action.append(f" · {entry.tooltip}", style="dim")
            cells = [Text(", ".join(entry.keys), style=style), action]
            grid.add_row(*cells, *([entry.id] if show_ids else []))
        parts.extend((grid, Text()))
    grid = table("Mouse")
    for what, does in mouse:
        grid.add_row(what, does, *([""] if show_ids else []))
    parts.append(grid)
    if marks:
        grid = table("Marks, and how often they were right on real news")
        for mark, means in marks:
            grid.add_row(mark, means, *([""] if show_ids else []))
        parts.extend((Text(), grid))
    return RenderGroup(*parts)


class HelpScreen(ModalScreen[None]):
    """Lists every live binding of the screen it was opened from; any close key dismisses."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen > VerticalScroll {
        width: 90%;
        max-width: 110;
        height: 90%;
        border: round $primary;
        border-title-style: bold;
        border-subtitle-color: $text-muted;
        background: $surface;
        padding: 0 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,q,question_mark,f1",
            "close",
            "Close help",
            id="help.close",
            tooltip="Back to reading",
        ),
    ]

    def __init__(self, target: Screen[Any]) -> None:
        super().__init__()
        self.target = target
        self.sections = help_sections(target)

    def compose(self) -> ComposeResult:
        mouse = getattr(self.target, "MOUSE_HELP", DEFAULT_MOUSE_HELP)
        marks = getattr(self.target, "MARKS_HELP", ())
        with VerticalScroll() as scroll:
            scroll.border_title = "Keys and mouse"
            scroll.border_subtitle = "escape / q / ? closes · ↑↓ scroll"
            yield Static(HelpText(self.sections, mouse, marks), id="help-text")

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)
