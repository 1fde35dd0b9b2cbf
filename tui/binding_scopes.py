"""Which binding ids exist and which are active together: what ``keymap.yaml`` may remap.

The reading screen, its table and the app's own keys are active at once; each dialog on its
own (Textual's binding chain stops at a modal screen). Help shows every one of these ids.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

from tui.keys import APP_BINDINGS


def _binding_groups() -> list[list[BindingType]]:
    from tui.screens.candidates import CandidatesScreen
    from tui.screens.export import ExportScreen
    from tui.screens.help import HelpScreen
    from tui.screens.note_editor import NoteEditor
    from tui.screens.notes_panel import NotesPanel
    from tui.screens.notes_problem import NotesProblem
    from tui.screens.pane_chooser import PaneChooser
    from tui.screens.reading import ReadingScreen
    from tui.screens.report_export import ReportScreen
    from tui.screens.session_problem import SessionProblem
    from tui.screens.sessions import SessionsScreen
    from tui.screens.unlink_chooser import UnlinkChooser
    from tui.widgets.alignment_table import AlignmentTable

    modals = (
        CandidatesScreen,
        ExportScreen,
        HelpScreen,
        NoteEditor,
        NotesPanel,
        NotesProblem,
        PaneChooser,
        ReportScreen,
        SessionProblem,
        SessionsScreen,
        UnlinkChooser,
    )
    reading = [*APP_BINDINGS, *ReadingScreen.BINDINGS, *AlignmentTable.BINDINGS]
    return [reading, *(list(modal.BINDINGS) for modal in modals)]


def _with_ids(bindings: list[BindingType]) -> list[Binding]:
    return [b for b in bindings if isinstance(b, Binding) and b.id]


def binding_ids() -> set[str]:
    """Every binding id of the app, its screens and widgets (every id the help screen shows)."""
    return {str(b.id) for group in _binding_groups() for b in _with_ids(group)}


def binding_scopes() -> list[dict[str, tuple[str, ...]]]:
    """Per group of bindings active together: binding id -> default keys (for conflicts)."""
    scopes = []
    for group in _binding_groups():
        scope: dict[str, list[str]] = {}
        for binding in _with_ids(group):
            keys = [key.strip() for key in binding.key.split(",")]
            scope.setdefault(str(binding.id), []).extend(keys)
        scopes.append({binding_id: tuple(keys) for binding_id, keys in scope.items()})
    return scopes
