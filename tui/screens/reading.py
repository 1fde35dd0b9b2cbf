"""ReadingScreen: the panes (:class:`~tui.screens.panes.PaneScreen`), the keys, and what the
reader does with what they show.

The keys are declared here, all of them, the moving ones acting in the pane screen; those that
need the alignment (``keys.NEEDS_ALIGNMENT``) are listed but disabled until it arrives. The
screen adds the alignment table, the annotation keys (carried out by
:class:`~tui.screens.annotating.Annotating`) and the reader's corrections of the alignment
(what ``o`` shows next is decided in :mod:`tui.linking`).

What is shown of the engine's alignment (the reader's links and unlinks applied, dismissed
candidates and hidden kinds left out) is derived again when the notes change, so pairs,
groups, sync, marks, headers, the table and the candidates all follow.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.binding import BindingType
from textual.reactive import reactive
from textual.screen import Screen

from tui.core.model import Article, SentenceRef
from tui.keys import (
    ANNOTATION_BINDINGS,
    ANNOTATION_HELP_GROUPS,
    CORRECTION_BINDINGS,
    READING_BINDINGS,
)
from tui.legend import MARK_LEGEND
from tui.messages import AlignmentFailed, AlignmentReady
from tui.screens.annotating import Annotating, Chosen
from tui.screens.panes import PaneScreen
from tui.widgets.table_view import TableView

if TYPE_CHECKING:  # the alignment core is loaded by the worker that aligns
    from tui.annotations import Annotations
    from tui.core.notes import AnnotationKind


class ReadingScreen(PaneScreen):
    """Several articles side by side, to read, compare, annotate and correct.

    Args:
        articles: the articles, in pane order.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        *READING_BINDINGS,
        *ANNOTATION_BINDINGS,
        *CORRECTION_BINDINGS,
    ]
    HELP_GROUPS: ClassVar[dict[str, str]] = ANNOTATION_HELP_GROUPS
    MARKS_HELP = MARK_LEGEND

    view_mode: reactive[str] = reactive("panes", init=False)
    """"panes" or "table"."""

    def __init__(self, articles: Sequence[Article]) -> None:
        super().__init__(articles)
        self.table_view = TableView(id="table-view")
        self.annotating = Annotating(
            self.notice_board, self.app.push_screen, self.show_notes, self._unselect
        )
        """What the annotation keys do (a x X c space e d u m)."""

    def _painted(self) -> None:
        """The articles are on screen: the table comes too (hidden until ``v``)."""
        if self.is_attached:
            self.mount(self.table_view, after=self.panes)
        super()._painted()

    @on(AlignmentReady)
    def _aligned(self, message: AlignmentReady) -> None:
        """Tint, mark and sync the panes by the engine's alignment (the reader's links and
        unlinks applied, dismissed candidates and hidden kinds left out); the keys that need
        it act from now on. (The message goes on to the app, which puts the view back.)"""
        # The alignment lives as long as the app: keep the cyclic collector from re-scanning
        # it (a full pass over 50 articles' objects took 80-110 ms, a freeze on a keypress).
        gc.freeze()
        self.shown_alignment.aligned(message.alignment, self.annotating.notes)
        self._show_candidates()
        self.refresh_bindings()

    @on(AlignmentFailed)
    def _not_aligned(self, message: AlignmentFailed) -> None:
        """Why the alignment failed, on a screen of its own that says how to leave."""
        from tui.screens.loading import LoadingScreen

        self.app.push_screen(
            LoadingScreen(f"Aligning {len(self.articles)} articles…", message.error)
        )

    # -- the table ----------------------------------------------------------------------

    def watch_view_mode(self, mode: str) -> None:
        self.set_class(mode == "table", "-table")
        if mode == "table":
            self._open_table()
        else:
            self.set_focus(None)
            self.call_after_refresh(self._show)

    def action_toggle_view(self) -> None:
        self.view_mode = "table" if self.view_mode == "panes" else "panes"

    def _open_table(self) -> None:
        """Show the table for the current columns (rebuilt when they or the alignment changed)."""
        view = self.table_view
        if not view.show(
            self.shown, self.shown_docs, self.visible_docs, self.focused_ref, self.confirmed
        ):
            self.call_after_refresh(self._open_table)

    def _refresh_table(self) -> None:
        """Keep an open table's columns in step with the panes on screen."""
        if self.view_mode == "table" and self.table_view.table is not None:
            self._open_table()

    @on(TableView.Moved)
    def _table_moved(self, message: TableView.Moved) -> None:
        """Moving in the table moves the panes (they show once the table closes)."""
        self.move_cursor(message.ref.doc, message.ref.sentence)
        if message.chosen:
            self.view_mode = "panes"

    def _window_changed(self) -> None:
        """An open table takes the columns of the panes now on screen."""
        super()._window_changed()
        self._refresh_table()

    def action_clear_search(self) -> None:
        """Escape closes the search field, else the table, else clears the search."""
        if self.view_mode == "table" and not self.has_class("-searching"):
            self.view_mode = "panes"
        else:
            super().action_clear_search()

    # -- annotating ---------------------------------------------------------------------

    def action_candidates(self) -> None:
        """Open the candidates of the focused sentence in full (the status line cuts them)."""
        ref = self.focused_ref
        title = f"{self.articles[ref.doc].label} #{ref.sentence + 1}"
        self.annotating.candidates(self._chosen(alone=True), self.articles, title)

    def use_notes(self, notes: Annotations | None) -> None:
        """Annotate into ``notes`` from now on (None: no notes file) and show their marks."""
        self.annotating.notes = notes
        self.show_notes()

    def show_notes(self) -> None:
        """Place the annotations again, mark them (✎), apply the reader's links and unlinks,
        leave the dismissed candidates and hidden kinds out and mark the confirmed ones."""
        notes = self.annotating.notes
        if notes is None:
            return
        notes.reanchor()
        self.annotated = notes.annotated_refs()
        self.shown_alignment.notes_changed(notes)
        self._show_candidates()

    def watch_hidden_kinds(self) -> None:
        self._show_candidates()

    def _show_candidates(self) -> None:
        """Repaint the marks when what is shown changed (:class:`ShownAlignment`)."""
        change = self.shown_alignment.update(self.annotating.notes, self.hidden_kinds)
        if change is None:
            return
        if change.pairs_changed:
            self.possible_shown = None  # linked now, or no longer possible
        self.panes.set_alignment(self.shown, self.confirmed)  # mounted yet or not
        self._refresh_table()
        if self.is_mounted:
            self._go_to(self.focused_ref)  # repaints the status line

    def set_kind_shown(self, kind: str, shown: bool) -> None:
        """Show or hide the candidates of ``kind`` for the session (palette)."""
        hidden = self.hidden_kinds - {kind} if shown else self.hidden_kinds | {kind}
        if hidden != self.hidden_kinds:
            self.hidden_kinds = frozenset(hidden)
            said = "shown again" if shown else "hidden: not marked, not visited by ] and ["
            self.notice_board.show("candidates", f"{kind.capitalize()} candidates {said}.")

    def toggle_selected(self, refs: Iterable[SentenceRef]) -> None:
        """Add ``refs`` to the selection, or remove them if all are already selected."""
        refs = frozenset(refs)
        selected = self.selection - refs if refs <= self.selection else self.selection | refs
        self.selection = selected

    def _chosen(self, alone: bool = False) -> Chosen:
        """What an annotation key acts on: the selection, else (or when ``alone``) the
        focused sentence."""
        selection = frozenset() if alone else self.selection
        return Chosen.of(self.shown, self.focused_ref, selection, self.confirmed)

    def _unselect(self) -> None:
        self.selection = frozenset()

    def action_annotate(self, kind: AnnotationKind) -> None:
        self.annotating.annotate(kind, self._chosen())

    def action_dismiss_candidate(self) -> None:
        self.annotating.dismiss_candidate(self._chosen(alone=True))

    def action_select(self) -> None:
        self.toggle_selected([self.focused_ref])
        self.annotating.selected(len(self.selection))

    def action_note(self) -> None:
        self.annotating.note(self._chosen())

    def action_edit_note(self) -> None:
        self.annotating.edit(self.focused_ref)

    def action_delete_note(self) -> None:
        self.annotating.delete(self.focused_ref)

    def action_undo_note(self) -> None:
        self.annotating.undo()

    def action_notes_panel(self) -> None:
        self.annotating.notes_panel(lambda refs: self._go_to(*refs))

    # -- correcting the alignment -------------------------------------------------------

    def action_link(self) -> None:
        """Link the selection, or the sentence and the possible match shown beside it."""
        from tui.linking import possible_in, refs_to_link, spans_articles

        ref = self.focused_ref
        refs = refs_to_link(self.selection, ref, self.possible_shown)
        if not spans_articles(refs) and possible_in(self.shown.possible(ref), self.shown_docs):
            self.action_possible()  # nothing chosen yet: show the best possible match first
            return
        self.annotating.link(refs)

    def action_unlink(self) -> None:
        """Remove a link of the focused sentence (asking which, when it has several)."""
        from tui.linking import counterparts_of

        ref = self.focused_ref
        self.annotating.unlink(ref, counterparts_of(self.shown, ref))

    def action_possible(self) -> None:
        """Show the focused sentence's next possible counterpart beside it, in its pane."""
        from tui.linking import step_possible

        ref = self.focused_ref
        window = (self.first_visible, self.capacity)
        possible = self.shown.possible(ref)
        step = step_possible(
            self.articles, possible, ref, self.possible_shown, self.shown_docs, window
        )
        if step.notice is not None:
            self.notice_board.show("move", step.notice, timeout=5 if step.ref else 3)
        if step.ref is None:
            return
        self.possible_shown, self._possible_of = step.ref, ref
        if step.first_visible is not None:
            self.first_visible = step.first_visible
        self._show()  # the status line says which one is shown and what L and o do


def reading_screen_in(stack: Sequence[Screen[Any]]) -> ReadingScreen | None:
    """The topmost reading screen of a screen ``stack`` (``App.screen_stack``), if any."""
    for screen in reversed(stack):
        if isinstance(screen, ReadingScreen):
            return screen
    return None
