"""NoteEditor: a multi-line comment and its tags, for `c` (new note) and `e` (edit).

Saving works with ctrl+s, f2 (terminals and tmux that eat ctrl+s still pass f2) and a visible
Save button. Escape cancels; if something was typed it asks first (escape again to discard),
so a slip of the finger never loses a paragraph. When the caller saves from inside the editor
(``save=``) and the write fails, the editor stays open with the text and says why under it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, Static, TextArea


@dataclass(frozen=True)
class NoteDraft:
    """What the editor hands back on save."""

    comment: str
    tags: tuple[str, ...]


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags typed as ``a, b c``: split on commas and spaces, duplicates dropped, order kept."""
    tags: list[str] = []
    for tag in text.replace(",", " ").split():
        if tag not in tags:
            tags.append(tag)
    return tuple(tags)


SaveNote = Callable[[NoteDraft], str | None]
"""Saves a draft; returns None when saved, else why not (shown in the editor, kept open)."""


class NoteEditor(ModalScreen[NoteDraft | None]):
    """Edit a comment (TextArea) and tags (Input); returns a :class:`NoteDraft` or None.

    Args:
        title: the heading.
        about: the passages the note is on.
        comment: the comment to start from.
        tags: the tags to start from.
        save: called with the draft on save; a failure keeps the editor open with the text.
    """

    DEFAULT_CSS = """
    NoteEditor { align: center middle; }
    NoteEditor > VerticalScroll {
        width: 80%; max-width: 100; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 0 0 1;
        scrollbar-size-vertical: 1; scrollbar-gutter: stable;
    }
    NoteEditor #note-about { color: $text-muted; height: auto; max-height: 4; }
    NoteEditor TextArea { height: 10; }
    NoteEditor #note-error { color: $text-error; height: auto; display: none; }
    NoteEditor #note-error.-shown { display: block; }
    NoteEditor #note-buttons { height: auto; align-horizontal: right; }
    NoteEditor #note-buttons Button { margin-left: 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s,f2",
            "save",
            "Save",
            key_display="^s/f2",
            tooltip="Save the note (f2 where the terminal eats ctrl+s)",
            id="reader.note-save",
            priority=True,
        ),
        Binding(
            "escape",
            "cancel",
            "Cancel",
            tooltip="Close without saving (asks if you typed something)",
            id="reader.note-cancel",
        ),
    ]

    def __init__(
        self,
        title: str,
        about: str,
        comment: str = "",
        tags: tuple[str, ...] = (),
        *,
        save: SaveNote | None = None,
    ) -> None:
        super().__init__()
        self.save = save
        self.title_text = title
        self.about = about
        self.initial = NoteDraft(comment, tuple(tags))
        self._confirming = False

    def compose(self) -> ComposeResult:
        with VerticalScroll(can_focus=False):
            yield Label(self.title_text, id="note-title", markup=False)
            yield Static(self.about, id="note-about", markup=False)
            yield TextArea(self.initial.comment, id="note-comment", soft_wrap=True)
            yield Input(
                " ".join(self.initial.tags),
                placeholder="tags (space or comma separated)",
                id="note-tags",
            )
            yield Static("", id="note-error", markup=False)
            with Horizontal(id="note-buttons"):
                yield Button("Cancel (esc)", id="note-cancel-button")
                yield Button("Save (ctrl+s / f2)", variant="primary", id="note-save-button")
        yield Footer()  # the editor's keys, not the reading screen's, under the dialog

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)
        self.call_after_refresh(self.fit_comment)

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self.fit_comment)

    def fit_comment(self) -> None:
        """Give the comment field what the window leaves (3 to 10 rows) after the rest.

        A fixed 10 rows pushed the tags and the Save/Cancel buttons off a 24-row window; the
        dialog scrolls as a last resort, but at 80x24 and 60x20 everything fits whole.
        """
        area = self.query_one(TextArea)
        dialog = self.query_one(VerticalScroll)
        footer = self.query_one(Footer)
        available = self.size.height - footer.outer_size.height
        dialog.styles.max_height = available  # "100%" came out a row short above the footer
        chrome = dialog.styles.gutter.height  # border and padding
        others = sum(
            child.outer_size.height
            for child in dialog.children
            if child is not area and child.display
        )
        wanted = max(3, min(10, available - chrome - others))
        if area.styles.height is None or area.styles.height.value != wanted:
            area.styles.height = wanted

    @property
    def draft(self) -> NoteDraft:
        """What is in the editor now."""
        return NoteDraft(
            self.query_one(TextArea).text, parse_tags(self.query_one("#note-tags", Input).value)
        )

    def action_save(self) -> None:
        draft = self.draft
        problem = self.save(draft) if self.save is not None else None
        if problem:
            self.show_error(f"Not saved: {problem}. Your text is still here; try again.")
            return
        self.dismiss(draft)

    def show_error(self, problem: str | None) -> None:
        """Say in the editor why the note could not be saved (None clears it)."""
        error = self.query_one("#note-error", Static)
        error.update(problem or "")
        error.set_class(bool(problem), "-shown")
        self.call_after_refresh(self.fit_comment)

    def action_cancel(self) -> None:
        if self.draft == self.initial or self._confirming:
            self.dismiss(None)
            return
        self._confirming = True
        self.notify(
            "Unsaved text: escape again discards it; ctrl+s or f2 saves.",
            severity="warning",
            timeout=4,
        )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "note-save-button":
            self.action_save()
        else:
            self.action_cancel()

    def on_text_area_changed(self) -> None:
        self._confirming = False

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the tags field saves (the comment field keeps enter for new lines)."""
        event.stop()
        self.action_save()
