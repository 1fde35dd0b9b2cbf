"""ReaderFooter: help and quit first, and only keys that fit whole, so nothing is cut or covered;
when not all fit, the annotation keys stay and the others give way."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

ALWAYS_VISIBLE = ("help", "quit")
"""Actions listed before the rest: the way out and the way to every other key."""
KEPT_FIRST = (
    *ALWAYS_VISIBLE,
    "annotate('agreement')",
    "annotate('contradiction')",
    "note",
    "notes_panel",
)
"""Actions whose keys stay when not every key fits (a x c m: what the reader does most, and
not guessable); the other keys give way, from the last one listed."""


class ReaderFooter(Footer):
    """A Footer that lists help and quit first and hides the keys that do not fit whole.

    Textual lists the focused widget's keys, then the screen's, then the app's, so at 80
    columns the app's help and quit came last and were cut off; and the palette key, docked
    right, was drawn over whichever key ran under it ("/ Sea▏^p palette"). The other keys keep
    their order; when they do not all fit, those of :data:`KEPT_FIRST` stay and the others
    give way, from the last one; the hidden ones are still in help (``?``).
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

    async def recompose(self) -> None:
        await super().recompose()
        self.call_after_refresh(self.fit_keys)

    def on_mount(self) -> None:
        super().on_mount()
        self.call_after_refresh(self.fit_keys)

    def on_resize(self, event: events.Resize) -> None:
        for key in self.query(FooterKey):
            key.display = True  # laid out afresh at the new width, then fitted
        self.call_after_refresh(self.fit_keys)

    def fit_keys(self, attempts: int = 20) -> None:
        """Show the keys that fit whole before the palette key: those of :data:`KEPT_FIRST`
        first, then the others in their order, up to the first one that does not fit.

        New keys are placed a refresh or two after a recompose (later still under a modal
        screen), so the fit waits until every shown key has its place. A hidden key keeps its
        last width (``outer_size``), so keys are fitted without being shown again.
        """
        keys = list(self.query(FooterKey))
        if any(key.display and not key.region for key in keys):
            if attempts:
                self.call_after_refresh(self.fit_keys, attempts - 1)
            return
        palette = [key for key in keys if key.has_class("-command-palette")]
        right = self.region.right
        if palette and palette[0].display:
            right = palette[0].region.x
        others = [key for key in keys if key not in palette]
        rank = {action: position for position, action in enumerate(KEPT_FIRST)}
        by_rank = sorted(
            range(len(others)), key=lambda i: (rank.get(others[i].action, len(rank)), i)
        )
        room = right - self.region.x
        shown: set[int] = set()
        for i in by_rank:
            width = others[i].outer_size.width
            if width > room:
                break
            room -= width
            shown.add(i)
        for i, key in enumerate(others):
            if key.display != (i in shown):
                key.display = i in shown
