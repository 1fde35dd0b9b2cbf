"""NotesPanel (`m`): every annotation, filtered by kind, enter jumps to it.

Orphans (a passage that could no longer be found), passages found again in reworded text and
annotations on articles that are not open are listed with a marker, never dropped. Quotes are
cut to the width of the list, so a cut never wraps onto a line of its own. The same list,
limited to the annotations on one sentence, is how `e` and `d` ask which one is meant.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from tui.annotations import Annotations
from tui.core.anchoring import AnchoredTarget
from tui.core.notes import Annotation
from tui.core.text import excerpt

FILTERS = ("all", "agreement", "contradiction", "note")
QUOTE_MARKS = "\"'“”‘’«»„‟‹›"
"""Quote marks a sentence may begin or end with; the list wraps quotes in its own “”."""
TARGET_INDENT = 4
"""Spaces before each passage under an annotation's heading line."""
OPTION_GUTTER = 4
"""Columns an option loses to the list's padding and scrollbar."""
REANCHORED_MARK = "  ≈ text changed since the note"
ORPHAN_MARK = "  ⚠ not found in the changed article"


def bare_quote(text: str) -> str:
    """The passage without its own leading and trailing quote marks (no “"We… or ““We…)."""
    return text.strip().strip(QUOTE_MARKS).strip()


def fit_quote(label: str, quote: str, width: int) -> str:
    """``label: “quote”`` cut inside the quote marks so the whole line fits ``width``."""
    room = max(8, width - len(label) - 4)  # ": “" and "”"
    return f"{label}: “{excerpt(bare_quote(quote), room)}”"


class NotesPanel(ModalScreen[str | None]):
    """A list of annotations; returns the chosen annotation id, or None.

    Args:
        notes: the open notes, for labels and anchors.
        only: limit the list to these annotations (the chooser for `e`/`d`).
        title: the heading.
        enter: what enter does to the highlighted annotation ("jumps", "edits", "deletes").
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
        enter: str = "jumps",
    ) -> None:
        super().__init__()
        self.enter = enter
        self._width = 86
        """Columns a row may use; measured once the list is laid out."""
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
        self._width = self._row_width()
        self.call_after_refresh(self._refit)

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self._refit)

    def _row_width(self) -> int:
        """Columns a row may use: the list's width less its padding and scrollbar."""
        width = self.query_one(OptionList).size.width
        return max(30, width - OPTION_GUTTER) if width else 86

    def _refit(self) -> None:
        """Cut the rows again when the list's width is known or has changed."""
        width = self._row_width()
        if width != self._width:
            self._width = width
            self._fill()

    def _fill(self) -> None:
        listing = self.query_one(OptionList)
        highlighted = listing.highlighted
        options = [
            Option(self._row(annotation), id=annotation.id) for annotation in self.annotations
        ]
        listing.clear_options()
        listing.add_options(options)
        if options:
            listing.highlighted = min(highlighted or 0, len(options) - 1)
        counts = " · ".join(
            f"{'[' + name + ']' if name == self.kind else name}" for name in FILTERS
        )
        total = len(self.annotations)
        self.query_one("#notes-filter", Static).update(
            f"{total} shown · filter (tab, 1-4): {counts} · enter {self.enter}"
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

    def _row(self, annotation: Annotation) -> Content:
        """Heading line (glyph, sources, comment), then each passage on one line, then tags."""
        width = self._width
        placed = {t.index: t for t in self.notes.anchors.of_annotation(annotation.id)}
        mark = _annotation_mark(list(placed.values()))
        heading = self.notes.describe(annotation, 1000)
        parts: list[str | tuple[str, str]] = [(excerpt(heading, width - len(mark[0])), "bold")]
        if mark[0]:
            parts.append(mark)
        for index, target in enumerate(annotation.targets):
            label = self.notes.label_of(target)
            where = placed.get(index)
            status = where.anchor.status if where is not None else "intact"
            note = {"fuzzy": REANCHORED_MARK, "orphan": ORPHAN_MARK}.get(status, "")
            room = width - TARGET_INDENT - len(note)
            quote = self.notes.shown(target.quote.exact)
            parts.append("\n" + " " * TARGET_INDENT + fit_quote(label, quote, room))
            if note:
                parts.append((note, "$text-error" if status == "orphan" else "$text-warning"))
        if annotation.tags:
            tags = self.notes.shown(f"tags: {', '.join(annotation.tags)}")
            tags = excerpt(tags, width - TARGET_INDENT)
            parts.append(("\n" + " " * TARGET_INDENT + tags, "$text-muted"))
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


def _annotation_mark(placed: Sequence[AnchoredTarget]) -> tuple[str, str]:
    """What the heading line says about where the annotation's passages are now."""
    orphans = sum(1 for t in placed if t.anchor.status == "orphan")
    absent = {t.target.article.id for t in placed if t.anchor.status == "absent"}
    if orphans:
        return ("  ⚠ orphan: passage not found", "$text-error")
    if absent:
        return (f"  ({'article' if len(absent) == 1 else 'articles'} not open)", "$text-muted")
    if any(t.anchor.status == "fuzzy" for t in placed):
        return ("  ≈ re-anchored", "$text-warning")
    return ("", "")
