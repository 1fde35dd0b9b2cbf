"""Keys typed in one burst with the key that opened a text field belong in that field.

Textual picks a key's target widget when the key is read, and runs bindings only when the key
has bubbled back up to the app. So in "/dead" typed at once (fast typing, a paste, tmux
``send-keys``) the four letters were sent to the focused pane before "/" opened the search
field, and on their way back up they met the reading screen's bindings: ``d`` deleted the
annotation under the cursor. The first letters of a note typed right after ``c`` were lost the
same way. The app notes each key's first target; a printable key that comes back up while a
text field other than that target has the focus is typed into the field instead.
"""

from __future__ import annotations

from typing import Any, TypeGuard

from textual import events
from textual.app import App
from textual.dom import DOMNode
from textual.widget import Widget
from textual.widgets import Input

_TARGET = "_reader_first_target"


def _is_text_field(widget: DOMNode | None) -> TypeGuard[Widget]:
    """An input, or the note editor's text area (loaded with the editor, not before)."""
    from textual.widgets import TextArea

    return isinstance(widget, Input | TextArea)


def note_key_target(app: App[Any], event: events.Key) -> None:
    """Remember where ``event`` is about to be sent (call before the app forwards it)."""
    if not event.is_forwarded:
        setattr(event, _TARGET, app.focused or app.screen)


def _type_into(field: DOMNode, event: events.Key) -> None:
    field.post_message(events.Key(event.key, event.character))


def redirect_stray_key(app: App[Any], event: events.Key) -> bool:
    """Type a stray printable key into the text field that now has the focus.

    Called for keys bubbling up to the app, before its bindings. Returns True when the key was
    taken (the caller then stops it, so no binding acts on it).
    """
    target = getattr(event, _TARGET, None)
    if not event.is_printable or not isinstance(target, Widget) or target is app.focused:
        return False
    if target.screen is app.screen:
        if _is_text_field(app.focused):
            _type_into(app.focused, event)
            return True
        return False

    # An earlier key of the burst opened a dialog, which focuses its field once mounted.
    def deliver() -> None:
        _type_into(app.focused if _is_text_field(app.focused) else app.screen, event)

    app.call_after_refresh(deliver)
    return True
