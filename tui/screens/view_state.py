"""The reading screen's state as a session's ViewState, and back again.

Everything is keyed by article id (not pane index), so a session reopened with an article
missing still puts every other pane back where it was.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual.app import App

from tui.core.sessions import ViewState
from tui.screens.reading import ReadingScreen


def view_of(screen: ReadingScreen, theme: str, threshold: float | None) -> ViewState:
    """Capture what the reader sees: panes, focus, cursors, sync, view mode, theme, threshold,
    the kinds of candidate hidden."""
    ids = [article.id for article in screen.articles]
    return ViewState(
        pane_order=tuple(ids),
        hidden=tuple(ids[doc] for doc in sorted(screen.hidden_docs)),
        focused=ids[screen.focused_doc] if ids else None,
        cursors={ids[doc]: cursor for doc, cursor in enumerate(screen.cursors)},
        sync=screen.sync,
        view_mode=screen.view_mode,
        theme=theme,
        threshold=threshold,
        hidden_kinds=tuple(sorted(screen.hidden_kinds)),
        extra={
            "hide_furniture": screen.hide_furniture,
            "first_visible": screen.first_visible,
        },
    )


def apply_view(screen: ReadingScreen, view: ViewState) -> None:
    """Put a saved view back on a mounted reading screen (ids it does not know are ignored),
    but for the view mode: the table needs the alignment (:func:`apply_view_mode`)."""
    screen.view_restored = True
    doc_of = {article.id: doc for doc, article in enumerate(screen.articles)}
    if not view.pane_order or not doc_of:
        return
    hidden = frozenset(doc_of[i] for i in view.hidden if i in doc_of)
    if len(hidden) < len(screen.articles):
        screen.hidden_docs = hidden
    if view.extra.get("hide_furniture") is True:
        screen.hide_furniture = True
    screen.sync = view.sync
    screen.hidden_kinds = frozenset(view.hidden_kinds)
    cursors = list(screen.cursors)
    for article_id, cursor in view.cursors.items():
        doc = doc_of.get(article_id)
        if doc is not None:
            cursors[doc] = max(0, min(cursor, len(screen.articles[doc].sentences) - 1))
    focused = doc_of.get(view.focused or "", screen.focused_doc)
    if focused in screen.hidden_docs:
        focused = screen.shown_docs[0]
    first_visible = view.extra.get("first_visible")
    if isinstance(first_visible, int) and not isinstance(first_visible, bool):
        screen.restore_window(focused, first_visible)
    # every cursor at once, then focus: with sync on, the panes that have a match follow it
    screen.set_reactive(ReadingScreen.cursors, tuple(cursors))
    screen.move_cursor(focused, cursors[focused])
    screen.call_after_refresh(_reveal_cursors_that_hold_their_place, screen)


def apply_view_mode(screen: ReadingScreen, view: ViewState) -> None:
    """Put the saved view mode (panes or table) back, once the alignment is shown."""
    if view.view_mode in ("panes", "table") and view.view_mode != screen.view_mode:
        screen.view_mode = view.view_mode


def _reveal_cursors_that_hold_their_place(screen: ReadingScreen) -> None:
    """Scroll to its cursor every pane that sync does not move (no match, sync off, or no
    alignment yet), so a resumed session shows each pane where the reader left it, not at the
    top."""
    ref = screen.focused_ref
    for doc in screen.visible_docs:
        if doc == ref.doc:
            continue
        if not screen.sync or screen.counterpart_in(ref, doc) is None:
            screen.pane(doc).ensure_visible(screen.cursors[doc])


class PlaceKeeper:
    """Where the reader was, put back in two steps: the panes and cursors once the articles
    are painted, the view mode (the table needs the alignment) once they are aligned.
    Until each step, a session saved keeps what it had.

    Args:
        view: the session's view at start; None for a new session.
    """

    def __init__(self, view: ViewState | None) -> None:
        self.pending = view
        """The view still to put on screen once painted; None once it is."""
        self.mode_of: ViewState | None = None
        """The view whose mode is put back once the alignment is shown."""

    def painted(self, screen: ReadingScreen) -> None:
        if self.pending is not None:
            apply_view(screen, self.pending)
            self.pending, self.mode_of = None, self.pending

    def aligned(self, screen: ReadingScreen) -> None:
        mode_of, self.mode_of = self.mode_of, None
        if mode_of is not None:
            apply_view_mode(screen, mode_of)

    def view(
        self, screen: ReadingScreen | None, theme: str, threshold: float | None
    ) -> ViewState | None:
        """The view a save records now: the screen's, or what is not on it yet."""
        if self.pending is not None or screen is None:
            return self.pending
        view = view_of(screen, theme, threshold)
        if self.mode_of is not None:
            view = replace(view, view_mode=self.mode_of.view_mode)
        return view

    def reopen(
        self, app: App[Any], was: ReadingScreen, screen: ReadingScreen, view: ViewState
    ) -> None:
        """Show ``screen`` in place of ``was`` (blind mode switched), in ``view`` (``was``'s):
        what is open above ``was`` closes; the first screen cannot be switched away, so the new
        one goes on top of it."""
        self.pending = view
        while app.screen is not was:
            app.pop_screen()
        if was is app.screen_stack[0]:
            app.push_screen(screen)
        else:
            app.switch_screen(screen)
