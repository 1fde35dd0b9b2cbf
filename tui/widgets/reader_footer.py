"""ReaderFooter: help and quit first, and only keys that fit whole, so nothing is cut or covered."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

ALWAYS_VISIBLE = ("help", "quit")
"""Actions listed before the rest: the way out and the way to every other key."""


class ReaderFooter(Footer):
    """A Footer that lists help and quit first and hides the keys that do not fit whole.

    Textual lists the focused widget's keys, then the screen's, then the app's, so at 80
    columns the app's help and quit came last and were cut off; and the palette key, docked
    right, was drawn over whichever key ran under it ("/ Sea▏^p palette"). The other keys keep
    their order; the ones that do not fit are still in help (``?``).
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
        """Hide every key from the first one that would run under the palette key or off screen.

        New keys are placed a refresh or two after a recompose (later still under a modal
        screen), so the fit waits until every shown key has its place.
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
        overflowing = False
        for key in keys:
            if key in palette:
                continue
            overflowing = overflowing or key.region.right > right
            if key.display == overflowing:
                key.display = not overflowing
