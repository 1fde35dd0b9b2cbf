"""The keys of the app and its reading screen, each declared once: keys, action, footer text,
help tooltip and id.

The ids (``reader.next-sentence``...) are what ``keymap.yaml`` remaps; help lists the
annotation keys under a heading of their own. Dialogs and the table declare their own keys.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.binding import Binding, BindingType


def _b(keys: str, action: str, description: str, tooltip: str, id: str, **kw: object) -> Binding:
    return Binding(keys, action, description, tooltip=tooltip, id=id, **kw)  # type: ignore[arg-type]


APP_BINDINGS: list[BindingType] = [
    _b("q", "quit", "Quit", "Quit reader (the session is saved)", "reader.quit"),
    _b("question_mark,f1", "help", "Help", "Every key that works here", "reader.help"),
    _b(  # Textual's own says "return to the command prompt": say what is kept
        "ctrl+q",
        "quit",
        "Quit",
        "Quit reader (the session is saved)",
        "reader.quit-anywhere",
        show=False,
        priority=True,
    ),
    _b(
        "B",
        "toggle_blind",
        "Blind",
        "Blind mode on or off: hide outlets, titles, dates and URLs (Source A…), or reveal them",
        "reader.toggle-blind",
        show=False,
    ),
    _b(
        "S",
        "save_session",
        "Save session",
        "Save panes, cursors, view and theme now (also done on quit)",
        "reader.save-session",
        show=False,
    ),
]
"""Keys that work on every screen of the app."""

READING_BINDINGS: list[BindingType] = [
    _b("down,j", "move(1)", "Next", "Next sentence in the focused pane", "reader.next-sentence"),
    _b(
        "up,k",
        "move(-1)",
        "Prev",
        "Previous sentence in the focused pane",
        "reader.previous-sentence",
    ),
    _b(
        "right,l,tab",
        "pane(1)",
        "Next pane",
        "Focus the pane to the right",
        "reader.next-pane",
        show=False,
    ),
    _b(
        "left,h,shift+tab",
        "pane(-1)",
        "Prev pane",
        "Focus the pane to the left",
        "reader.previous-pane",
        show=False,
    ),
    _b(
        "pagedown",
        "page(1)",
        "Page down",
        "Move the cursor a page down",
        "reader.page-down",
        show=False,
    ),
    _b(
        "pageup",
        "page(-1)",
        "Page up",
        "Move the cursor a page up",
        "reader.page-up",
        show=False,
    ),
    _b(
        "home,g",
        "edge(-1)",
        "Start",
        "First sentence of the focused pane",
        "reader.start",
        show=False,
    ),
    _b("end,G", "edge(1)", "End", "Last sentence of the focused pane", "reader.end", show=False),
    _b(
        "right_square_bracket",
        "jump('contradiction', 1)",
        "Next ⚑",
        "Next candidate to check (⚑ conflict, ↻ updated figure), on into the other panes",
        "reader.next-contradiction",
    ),
    _b(
        "left_square_bracket",
        "jump('contradiction', -1)",
        "Prev ⚑",
        "Previous candidate to check (⚑ conflict, ↻ updated figure), back through the panes",
        "reader.previous-contradiction",
        show=False,
    ),
    _b(
        "right_curly_bracket",
        "jump('unique', 1)",
        "Next unmatched",
        "Next sentence with no match: unique (◦) or with possible matches only (◌)",
        "reader.next-unique",
        show=False,
    ),
    _b(
        "left_curly_bracket",
        "jump('unique', -1)",
        "Prev unmatched",
        "Previous sentence with no match: unique (◦) or with possible matches only (◌)",
        "reader.previous-unique",
        show=False,
    ),
    _b("slash", "search", "Search", "Search all panes", "reader.search"),
    _b(
        "n",
        "next_hit(1)",
        "Next hit",
        "Next search hit (all panes)",
        "reader.next-hit",
        show=False,
    ),
    _b(
        "N",
        "next_hit(-1)",
        "Prev hit",
        "Previous search hit (all panes)",
        "reader.previous-hit",
        show=False,
    ),
    _b(
        "escape",
        "clear_search",
        "Clear search",
        "Close the search bar and clear hits",
        "reader.clear-search",
        show=False,
    ),
    _b(
        "s",
        "toggle_sync",
        "Sync",
        "Other panes follow the cursor (on/off)",
        "reader.toggle-sync",
    ),
    _b(
        "v",
        "toggle_view",
        "Table",
        "Switch between panes and the alignment table",
        "reader.toggle-view",
    ),
    _b(
        "f",
        "toggle_furniture",
        "Furniture",
        "Hide or show page furniture",
        "reader.toggle-furniture",
    ),
    _b("p", "choose_panes", "Panes", "Choose which articles are shown", "reader.choose-panes"),
    _b(
        "greater_than_sign",
        "scroll_window(1)",
        "More panes →",
        "Show the next pane to the right",
        "reader.window-right",
        show=False,
    ),
    _b(
        "less_than_sign",
        "scroll_window(-1)",
        "← More panes",
        "Show the next pane to the left",
        "reader.window-left",
        show=False,
    ),
    _b(
        "i",
        "candidates",
        "Candidates",
        "This sentence's candidates in full; choose one to confirm (x) or dismiss (X)",
        "reader.candidates",
        show=False,
    ),
]

ANNOTATION_BINDINGS: list[BindingType] = [
    _b(
        "a",
        "annotate('agreement')",
        "Agree",
        "Mark the sentence and its counterparts (or the selection) as agreeing",
        "reader.annotate-agree",
    ),
    _b(
        "x",
        "annotate('contradiction')",
        "Contradict",
        "Mark as a contradiction; on a candidate, confirm the first open one (✗)",
        "reader.annotate-contradict",
    ),
    _b(
        "X",
        "dismiss_candidate",
        "Dismiss ⚑",
        "Dismiss the first open candidate of the sentence (remembered; i chooses another)",
        "reader.dismiss-candidate",
        show=False,
    ),
    _b(
        "c",
        "note",
        "Note",
        "Write a note on the sentence (or the selection)",
        "reader.annotate-note",
    ),
    _b(
        "space",
        "select",
        "Select",
        "Add or remove the sentence from a selection across panes",
        "reader.select",
        show=False,
    ),
    _b(
        "e",
        "edit_note",
        "Edit",
        "Edit the annotation under the cursor",
        "reader.annotation-edit",
        show=False,
    ),
    _b(
        "d",
        "delete_note",
        "Delete",
        "Delete the annotation under the cursor (u undoes)",
        "reader.annotation-delete",
        show=False,
    ),
    _b(
        "u",
        "undo_note",
        "Undo",
        "Undo the last annotation change",
        "reader.annotation-undo",
        show=False,
    ),
    _b(
        "m",
        "notes_panel",
        "Notes",
        "Every annotation: filter by kind, jump to one",
        "reader.notes-panel",
    ),
]
CORRECTION_BINDINGS: list[BindingType] = [
    _b(
        "L",
        "link",
        "Link as one fact",
        "Link the selection (or this sentence and the possible match shown beside it) as one fact",
        "reader.link",
        show=False,
    ),
    _b(
        "U",
        "unlink",
        "Unlink (not one fact)",
        "Remove a link of this sentence: it and that counterpart are not one fact",
        "reader.unlink",
        show=False,
    ),
    _b(
        "o",
        "possible",
        "Possible match",
        "Show this sentence's next possible match (◌) beside it; L then links it",
        "reader.possible",
        show=False,
    ),
]
"""The reader's corrections of the alignment: recorded in the notes file like annotations."""

NEEDS_ALIGNMENT = frozenset(
    {"annotate", "dismiss_candidate", "select", "note", "edit_note", "delete_note", "undo_note"}
    | {"notes_panel", "jump", "toggle_view", "candidates", "link", "unlink", "possible"}
)
"""Actions of the reading screen that wait (listed, disabled) until the alignment is there."""

ANNOTATION_HELP_GROUPS = {
    **{
        str(binding.id): "Annotating (reading screen)"
        for binding in ANNOTATION_BINDINGS
        if isinstance(binding, Binding)
    },
    **{
        str(binding.id): "Correcting the alignment (reading screen)"
        for binding in CORRECTION_BINDINGS
        if isinstance(binding, Binding)
    },
}
"""Help lists the annotation keys and the corrections under headings of their own."""


def quit_hint(bindings: Iterable[Binding], key_display: Callable[[Binding], str]) -> str | None:
    """ "Press q or ctrl+q to quit." for the quit keys among ``bindings`` (None if none), in
    plain text: Textual's own hint for ctrl+c is markup ("Press [b]ctrl+q[/b]")."""
    keys = [key_display(b) for b in bindings if b.action in ("quit", "app.quit")]
    return f"Press {' or '.join(dict.fromkeys(keys))} to quit." if keys else None
