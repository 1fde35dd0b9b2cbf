"""ReaderFooter: the footer with help and quit first, so a narrow window never cuts them off."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer

ALWAYS_VISIBLE = ("help", "quit")
"""Actions listed before the rest: the way out and the way to every other key."""


class ReaderFooter(Footer):
    """A Footer that lists help and quit before the screen's keys.

    Textual lists the focused widget's keys, then the screen's, then the app's, so at 80
    columns the app's help and quit came last and were cut off. The other keys keep their
    order; the ones that do not fit are still in help (``?``).
    """

    def compose(self) -> ComposeResult:
        widgets = list(super().compose())
        rank = {action: position for position, action in enumerate(ALWAYS_VISIBLE)}
        first = sorted(
            (w for w in widgets if getattr(w, "action", None) in rank),
            key=lambda w: rank[getattr(w, "action", "")],
        )
        yield from first
        yield from (w for w in widgets if w not in first)
