"""NotesPanel (`m`): every annotation, filtered by kind, enter jumps to it.

Orphans (a passage that could no longer be found) and annotations on articles that are not open
are listed with a marker, never dropped. The same list, limited to the annotations on one
sentence, is how `e` and `d` ask which one is meant.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from tui.annotations import Annotations
from tui.core.notes import Annotation
from tui.core.text import excerpt

FILTERS = ("all", "agreement", "contradiction", "note")


class NotesPanel(ModalScreen[str | None]):
    """A list of annotations; returns the chosen annotation id, or None.

    Args:
        notes: the open notes, for labels and anchors.
        only: limit the list to these annotations (the chooser for `e`/`d`).
        title: the heading.
    """

    DEFAULT_CSS = """
    NotesPanel { align: center middle; }
    NotesPanel > Vertical {
        width: 90%; max-width: 140; height: 80%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    NotesPanel #notes-filter { color: $text-muted; height: 1; }
    NotesPanel #notes-problem { color: $text-error; height: auto; display: none; }
    NotesPanel OptionList { height: 1fr; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,m", "close", "Close", tooltip="Back to reading", id="reader.notes-close"),
        Binding(
            "tab",
            "next_filter",
            "Filter",
            tooltip="Show all, agreements, contradictions or notes",
            id="reader.notes-filter",
            priority=True,
        ),
        Binding("1", "filter('all')", "All", tooltip="Every annotation", id="reader.notes-all"),
        Binding(
            "2", "filter('agreement')", "≡", tooltip="Agreements only", id="reader.notes-agree"
        ),
        Binding(
            "3",
            "filter('contradiction')",
            "⚑",
            tooltip="Contradictions only",
            id="reader.notes-contradict",
        ),
        Binding("4", "filter('note')", "✎", tooltip="Notes only", id="reader.notes-notes"),
    ]

    def __init__(
        self,
        notes: Annotations,
        only: Sequence[Annotation] | None = None,
        title: str = "Notes",
    ) -> None:
        super().__init__()
        self.notes = notes
        self.only = None if only is None else tuple(only)
        self.title_text = title
        self.kind = "all"

    @property
    def annotations(self) -> list[Annotation]:
        """The annotations listed under the current filter."""
        pool = self.only if self.only is not None else self.notes.store.annotations
        return [a for a in pool if self.kind == "all" or a.kind == self.kind]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text, id="notes-title", markup=False)
            yield Static("", id="notes-problem", markup=False)
            yield Static("", id="notes-filter", markup=False)
            yield OptionList(id="notes-list")

    def on_mount(self) -> None:
        self._fill()
        self.query_one(OptionList).focus()

    def _fill(self) -> None:
        orphans, absent = self.notes.orphan_ids(), self.notes.absent_ids()
        options = []
        for annotation in self.annotations:
            options.append(Option(self._row(annotation, orphans, absent), id=annotation.id))
        listing = self.query_one(OptionList)
        listing.clear_options()
        listing.add_options(options)
        if options:
            listing.highlighted = 0
        counts = " · ".join(
            f"{'[' + name + ']' if name == self.kind else name}" for name in FILTERS
        )
        total = len(self.annotations)
        self.query_one("#notes-filter", Static).update(
            f"{total} shown · filter (tab, 1-4): {counts} · enter jumps"
        )
        self._show_problem()

    def _show_problem(self) -> None:
        """Say when the list is empty because the file could not be read, not for want of notes."""
        store = self.notes.store
        note = self.query_one("#notes-problem", Static)
        if store.problem:
            note.update(
                f"⚠ The notes file could not be read, so none of its notes are listed: "
                f"{store.problem}"
            )
        elif store.read_only:
            note.update(f"{self.notes.path} is open read-only: annotation keys are disabled.")
        note.display = store.read_only

    def _row(self, annotation: Annotation, orphans: set[str], absent: set[str]) -> Content:
        parts: list[str | tuple[str, str]] = [(self.notes.describe(annotation, 70), "bold")]
        if annotation.id in orphans:
            parts.append(("  ⚠ orphan: passage not found", "$text-error"))
        elif annotation.id in absent:
            parts.append(("  (article not open)", "$text-muted"))
        for target in annotation.targets:
            label = target.article.label or target.article.id
            quote = excerpt(target.quote.exact, 90)
            parts.append(f"\n    {label}: “{quote}”")
        if annotation.tags:
            parts.append((f"\n    tags: {', '.join(annotation.tags)}", "$text-muted"))
        return Content.assemble(*parts)

    def action_filter(self, kind: str) -> None:
        self.kind = kind
        self._fill()

    def action_next_filter(self) -> None:
        self.action_filter(FILTERS[(FILTERS.index(self.kind) + 1) % len(FILTERS)])

    def action_close(self) -> None:
        self.dismiss(None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)
