"""Keys typed in one burst are handled one after another, each once the one before is done.

Textual reads a key, sends it to the focused widget (or the screen) and reads the next key
at once; bindings run only when a key has bubbled back up to the app, and priority bindings
(the editor's ctrl+s) run as soon as the app reads the key. So in a burst (fast typing, a
paste, a macro, tmux ``send-keys``) the keys ran ahead of what the earlier ones did:

- "/dead" sent its letters to the reading screen before "/" had opened the search field, and
  ``d`` deleted the annotation under the cursor;
- in "c hello ctrl+s", the letters went to the reading screen before `c` had opened the note
  editor, and ctrl+s saved the editor while its text field had not yet taken the letters sent
  to it: notes were saved empty, with the next note's text, or as "ac".

:class:`KeyGate` lets one key (or paste: a terminal delivers pasted text as one event) through
at a time. A key is done when it has come back up to the app and its bindings have run, when a
priority binding took it, or when a widget on the way kept it (a text field typing it). The
next key waits, also, until the app, then the screen on top, then the app again have handled
what is already queued for them: a screen the key opened has mounted and put the focus on its
field, a field the key focused has the focus, a message the key made a widget post (the search
field's "submitted") has been handled.

How long that takes is no sign of anything: on a loaded machine a key can take seconds to come
back. So the gate never lets the next key through on time alone; it waits as long as the node
it waits on still handles messages, and gives up on a key only when that node has stopped (a
widget removed, or the app closing, with the key or the gate's callback still in its queue).
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any

from textual import events
from textual.app import App
from textual.dom import DOMNode
from textual.message_pump import MessagePump

Typed = events.Key | events.Paste
"""What the gate passes one at a time."""

STUCK_SECONDS = 2.0
"""How often the gate checks, while a key is on its way, that the node it waits on still
handles messages: a key whose widget went away is never seen again, and the keyboard must not
freeze for it."""


class KeyGate:
    """Lets keys and pastes reach the app's handling one at a time, in the order they came.

    Args:
        app: the app whose keys these are.
        handle: what the app does with a key or paste event (``App.on_event``).
    """

    def __init__(self, app: App[Any], handle: Callable[[Typed], Awaitable[None]]) -> None:
        self._app = app
        self._handle = handle
        self._waiting: deque[Typed] = deque()
        self._current: Typed | None = None
        """The key on its way through the widgets."""
        self._settling = False
        """A key is done; what it started is still being handled."""
        self._stuck: asyncio.TimerHandle | None = None
        self._waiting_on: MessagePump | None = None
        """The node whose queue holds what the gate waits for (a key, a callback of its own)."""
        self._chain = 0
        """Number of the latest wait up to the app: an earlier one still climbing is stale."""

    @property
    def busy(self) -> bool:
        """Whether a key is on its way, or keys wait their turn."""
        return self._current is not None or self._settling or bool(self._waiting)

    async def receive(self, event: Typed) -> None:
        """Take a key event the app received: a new key (handled now, or queued behind the
        ones before it), or one coming back up from the widgets (its bindings run now)."""
        if event.is_forwarded:
            await self._handle(event)
            if event is self._current:
                self._done()
            return
        if self.busy:
            self._waiting.append(event)
            return
        await self._send(event)

    async def _send(self, event: Typed) -> None:
        self._current = event
        self._waiting_on = self._app
        self._watch()
        await self._handle(event)
        if event is not self._current:
            return
        if not event.is_forwarded:  # a priority binding took it at the app
            self._done()
            return
        # where the app just sent it; a widget that kept it (a field typing it) is done with it
        # once it and every node above it have handled what was queued before
        self._up_to_app(self._app.focused or self._app.screen, lambda: self._kept(event))

    def _kept(self, event: Typed) -> None:
        if event is self._current:  # it never came back up: a widget on the way kept it
            self._done()

    def _up_to_app(self, node: MessagePump, then: Callable[[], object]) -> None:
        """Call ``then`` once ``node``, then each node above it up to the app, has handled what
        was queued for it (a key, a message the key made it post) before this call.

        A message bubbles by being posted to the parent's queue while the child handles it,
        so a callback queued behind it on each node in turn runs after that node had it.
        """
        self._chain += 1
        chain = self._chain

        def wait_at(node: MessagePump) -> bool:
            if chain == self._chain:
                self._waiting_on = node
            return node.call_later(step, node)

        def step(node: MessagePump) -> None:
            parent = node.parent if isinstance(node, DOMNode) and node is not self._app else None
            if parent is None or not wait_at(parent):
                then()  # at the app, or closing: nothing more will be handled there

        if not wait_at(node):
            then()

    def _done(self) -> None:
        """The current key is done; the next one waits for what it started to settle: first
        what the key queued for the app (a focus set, a screen's result), then from the
        focused widget up (a screen the key opened mounting and focusing its field, a
        message the key made a widget post), then the app again."""
        self._current = None
        self._settling = True
        self._chain += 1  # a wait still climbing for the key is no longer what holds the gate
        self._waiting_on = self._app
        self._watch()
        self._app.call_later(self._settle)

    def _settle(self) -> None:
        try:
            start: MessagePump = self._app.focused or self._app.screen
        except Exception:  # no screen: the app is closing
            start = self._app
        self._up_to_app(start, self._settle_at_app)

    def _settle_at_app(self) -> None:
        self._chain += 1
        self._waiting_on = self._app
        self._app.call_later(self._settled)

    async def _settled(self) -> None:
        if not self._settling:
            return
        self._settling = False
        self._unwatch()
        if self._waiting and self._current is None:
            await self._send(self._waiting.popleft())

    def _watch(self) -> None:
        self._unwatch()
        self._stuck = asyncio.get_running_loop().call_later(STUCK_SECONDS, self._unstick)

    def _unwatch(self) -> None:
        if self._stuck is not None:
            self._stuck.cancel()
            self._stuck = None

    def _unstick(self) -> None:
        """Give up on the key only if the node it waits on has stopped handling messages: one
        that still runs is only slow (a loaded machine), and the next key would overtake it."""
        self._stuck = None
        if self._waiting_on is not None and self._waiting_on.is_running:
            self._watch()
            return
        self._current = None
        self._settling = True
        self._app.call_later(self._settled)
