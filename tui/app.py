"""ReaderApp: aligns the articles in a worker, then opens the reading screen.

Services (the aligner, the data folder, the theme) are injected so tests can
run the whole app on a hand-built alignment without touching the user's home.
"""

from __future__ import annotations

import asyncio
import signal
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ClassVar

from textual import events, on, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.driver import Driver
from textual.notifications import SeverityLevel
from textual.worker import get_current_worker

from tui.annotations import Annotations
from tui.burst_keys import note_key_target, redirect_stray_key
from tui.controllers.annotating import ANNOTATION_BINDINGS, POLL_SECONDS, AnnotatingActions
from tui.controllers.sessions import SessionActions, SwitchSession
from tui.core.align import DEFAULT_THRESHOLD, Alignment, Progress, align_corpus
from tui.core.model import Article
from tui.core.sessions import Session, SessionStore
from tui.core.text import counted
from tui.messages import AlignmentFailed, AlignmentProgress, AlignmentReady
from tui.notices import NoticeBoard
from tui.palette import ReaderCommands
from tui.screens.loading import LoadingScreen
from tui.screens.reading import ReadingScreen

LOADING_DELAY = 0.15
"""Seconds of alignment after which the progress screen appears."""
CANCEL_POLL_SECONDS = 0.1
"""How soon a quit during alignment lets the process end."""

Aligner = Callable[[Sequence[Article], float, Progress | None], Alignment]
"""What computes the alignment: ``align_corpus`` by default; tests inject a fixed one."""


def _default_aligner(
    articles: Sequence[Article], threshold: float, progress: Progress | None
) -> Alignment:
    return align_corpus(articles, threshold, progress)


class ReaderApp(AnnotatingActions, SessionActions, App[SwitchSession | None]):
    """Several accounts of one story, side by side."""

    TITLE = "reader"
    CSS_PATH = Path(__file__).parent / "reader.tcss"
    COMMANDS = App.COMMANDS | {ReaderCommands}
    HELP_GROUPS: ClassVar[dict[str, str]] = {
        binding.id: "Annotating (reading screen)" for binding in ANNOTATION_BINDINGS if binding.id
    }
    """Help lists these app keys under their own heading: they act on the reading screen only."""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "q", "quit", "Quit", tooltip="Quit reader (the session is saved)", id="reader.quit"
        ),
        Binding(
            "question_mark,f1",
            "help",
            "Help",
            tooltip="Every key that works here",
            id="reader.help",
        ),
        Binding(  # Textual's own says "return to the command prompt": say what is kept
            "ctrl+q",
            "quit",
            "Quit",
            tooltip="Quit reader (the session is saved)",
            show=False,
            id="reader.quit-anywhere",
            priority=True,
        ),
        *ANNOTATION_BINDINGS,
        Binding(
            "S",
            "save_session",
            "Save session",
            tooltip="Save panes, cursors, view and theme now (also done on quit)",
            id="reader.save-session",
            show=False,
        ),
    ]

    def __init__(
        self,
        articles: Sequence[Article],
        *,
        threshold: float | None = None,
        data_dir: Path | None = None,
        theme: str | None = None,
        aligner: Aligner | None = None,
        notes_path: Path | None = None,
        session: Session | None = None,
        sessions: SessionStore | None = None,
        notices: Sequence[str] = (),
        session_problem: str | None = None,
    ) -> None:
        super().__init__()
        self.articles = tuple(articles)
        self.threshold = DEFAULT_THRESHOLD if threshold is None else threshold
        self.data_dir = data_dir
        """Where settings (and sessions, issue 5) live; None keeps everything in memory."""
        self.start_theme = theme
        self.aligner: Aligner = aligner or _default_aligner
        self.alignment: Alignment | None = None
        self.align_progress = 0.0
        """Share of the alignment done (the progress screen starts from it)."""
        self.notes_path = notes_path
        """The notes file (``--notes`` or the session's own); None: annotating is off."""
        self.notes: Annotations | None = None
        self.notes_problem: str | None = None
        self.session = session
        self.sessions = sessions
        self.notices = tuple(notices)
        """Shown once the reading screen is up (e.g. a session's articles moved)."""
        self.notice_board = NoticeBoard(self)
        """Notices of one kind (annotation keys, notes file) replace each other."""
        self.session_problem = session_problem
        """Why the session's saved file could not be read: it is then never saved over."""

    def get_driver_class(self) -> type[Driver]:
        """Textual's Linux driver, kept from hanging when the terminal goes away (tui/driver.py)."""
        driver = super().get_driver_class()
        # not on Windows (no such module there), nor a TEXTUAL_DRIVER of one's own
        if (driver.__module__, driver.__name__) == ("textual.drivers.linux_driver", "LinuxDriver"):
            from tui.driver import ReaderDriver

            return ReaderDriver
        return driver

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notice is plain text: they quote file paths, session names and article
        text, where brackets ("notes [draft].yaml", "[furniture]") are not markup.

        ``markup`` is accepted for Textual's signature (widgets pass it on) and ignored.
        """
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            note_key_target(self, event)
        await super().on_event(event)

    def on_key(self, event: events.Key) -> None:
        """Keys come back up here before the bindings: a burst's stray letters go to the field."""
        if redirect_stray_key(self, event):
            event.stop()
            event.prevent_default()

    def action_help_quit(self) -> None:
        """ctrl+c does not quit (it copies in text fields): say which keys do, in plain text.

        Textual's own message is markup ("Press [b]ctrl+q[/b]"), which plain notices would show raw.
        """
        keys = [
            self.get_key_display(active.binding)
            for active in self.active_bindings.values()
            if active.binding.action in ("quit", "app.quit")
        ]
        if keys:
            self.notify(f"Press {' or '.join(dict.fromkeys(keys))} to quit.", title="Quit?")

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """Our ``$reader-*`` variables exist in every theme, Textual's built-ins included."""
        from tui.themes import VARIABLE_DEFAULTS

        return dict(VARIABLE_DEFAULTS)

    def on_mount(self) -> None:
        from tui.themes import pick_theme, register_themes, start_themes

        self._save_on_hang_up()

        if self.data_dir is not None:
            from tui.settings import SettingsStore

            start_themes(self, SettingsStore(self.data_dir), self.start_theme)
        else:
            register_themes(self)
            self.theme = pick_theme(self, self.start_theme)
        self._apply_user_keymap()
        if self.notes_path is not None:
            self.notes_problem = self.open_notes(self.notes_path)
            self.set_interval(POLL_SECONDS, self.poll_notes, name="poll-notes")
        count = len(self.articles)
        if count < 2 and self.aligner is _default_aligner:  # nothing to align with
            self.post_message(AlignmentReady(Alignment(self.articles, (), (), (), self.threshold)))
            return
        self._align()
        # Most corpora align in well under a blink: show progress only if it takes a while
        self.set_timer(LOADING_DELAY, self._show_loading)

    def _apply_user_keymap(self) -> None:
        """Remap keys from ``<data dir>/keymap.yaml`` (binding id -> keys), if the user has one."""
        if self.data_dir is None:
            return
        from tui.keymap import load_keymap

        keymap = load_keymap(self.data_dir, binding_ids(), binding_scopes())
        for problem in keymap.problems:
            self.notify(problem, severity="warning", timeout=8)
        if keymap.bindings:
            self.set_keymap(keymap.bindings)

    def _show_loading(self) -> None:
        if self.alignment is None and not isinstance(self.screen, LoadingScreen):
            self.push_screen(
                LoadingScreen(f"Aligning {len(self.articles)} articles…", self.align_progress)
            )

    @work(thread=True, exclusive=True, name="align")
    def _align(self) -> None:
        """Align off the event loop; report progress at most every percent."""
        last = [-1]

        def progress(done: float) -> None:
            percent = int(done * 100)
            if percent != last[0]:
                last[0] = percent
                self.post_message(AlignmentProgress(done))

        def align() -> None:
            try:
                alignment = self.aligner(self.articles, self.threshold, progress)
            except Exception as exc:  # one line on screen, never a traceback
                self.post_message(AlignmentFailed(f"Alignment failed: {exc}"))
                return
            self.post_message(AlignmentReady(alignment))

        # The aligner cannot be interrupted, and Python waits for a worker's thread at exit:
        # quitting during a minutes-long alignment left a blank terminal until it finished.
        # It runs in a daemon thread instead, which dies with the app once the worker is
        # cancelled (Textual cancels workers on exit).
        worker = get_current_worker()
        aligning = threading.Thread(target=align, name="reader-align", daemon=True)
        aligning.start()
        while aligning.is_alive() and not worker.is_cancelled:
            aligning.join(CANCEL_POLL_SECONDS)

    @on(AlignmentProgress)
    def _alignment_progress(self, message: AlignmentProgress) -> None:
        self.align_progress = message.done
        if isinstance(self.screen, LoadingScreen):
            self.screen.set_progress(message.done)

    @on(AlignmentFailed)
    def _alignment_failed(self, message: AlignmentFailed) -> None:
        if not isinstance(self.screen, LoadingScreen):
            self.push_screen(
                LoadingScreen(f"Aligning {len(self.articles)} articles…", self.align_progress)
            )
        self.call_after_refresh(self._show_failure, message.error)

    def _show_failure(self, error: str) -> None:
        if isinstance(self.screen, LoadingScreen):
            self.screen.show_error(error)

    @on(AlignmentReady)
    def _alignment_ready(self, message: AlignmentReady) -> None:
        self.alignment = message.alignment
        shown = self.shown_alignment(message.alignment)  # dismissed candidates left out
        if isinstance(self.screen, LoadingScreen):
            self.switch_screen(ReadingScreen(shown))
        else:
            self.push_screen(ReadingScreen(shown))
        self.call_after_refresh(self._reading_ready)

    def _reading_ready(self) -> None:
        """Restore the session's view, mark annotations, say what needs saying."""
        self.restore_view()
        self.sync_notes_to_screen()
        for notice in self.notices:
            self.notify(notice, severity="warning", timeout=10)
        if self.notes is not None:
            orphans = len(self.notes.orphan_ids())
            if orphans:
                self.notify(
                    f"{counted(orphans, 'annotation')} could not be placed in "
                    "the changed text: listed as orphans in the notes panel (m).",
                    severity="warning",
                    timeout=10,
                )
        if self.notes_problem and self.notes_path is not None:
            self.show_notes_problem(self.notes_problem, self.notes_path)
        if self.session_problem:  # on top: asked first, then the notes file's problem
            self.show_session_problem()

    @property
    def reading_screen(self) -> ReadingScreen | None:
        """The reading screen once the alignment is shown (under any modal)."""
        for screen in reversed(self.screen_stack):
            if isinstance(screen, ReadingScreen):
                return screen
        return None

    def save_state(self) -> None:
        """Save the session (articles, notes file, panes, cursors, sync, view, theme)."""
        problem = self.save_session()
        if problem:
            self.notify(problem, severity="error")

    def _save_on_hang_up(self) -> None:
        """Closing the terminal (SIGHUP) or ``kill`` (SIGTERM) saves the session like ``q``.

        Annotations are saved as they are made; without this the reading position of a
        session whose window was closed was lost, and a new session never recorded.
        """
        try:
            loop = asyncio.get_running_loop()
            for number in (signal.SIGHUP, signal.SIGTERM):
                loop.add_signal_handler(number, self._hang_up)
        except (AttributeError, NotImplementedError, RuntimeError, ValueError):
            return  # no such signals (Windows) or not the main thread: nothing to do

    def _hang_up(self) -> None:
        self.save_state()
        self.exit()

    def on_unmount(self) -> None:
        try:
            loop = asyncio.get_running_loop()
            for number in (signal.SIGHUP, signal.SIGTERM):
                loop.remove_signal_handler(number)
        except (AttributeError, NotImplementedError, RuntimeError, ValueError):
            pass

    async def action_quit(self) -> None:
        """Save, then leave."""
        self.save_state()
        self.exit()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The palette, like the other keys, waits while the window is too small to read."""
        screen = self.screen
        if (
            action not in ("help", "quit")
            and isinstance(screen, ReadingScreen)
            and screen.has_class("-too-small")
        ):
            return False
        return super().check_action(action, parameters)

    def action_help(self) -> None:
        """Show every live binding (the chrome engineer's HelpScreen)."""
        try:
            from tui.screens.help import HelpScreen
        except ImportError:  # until the help screen lands, Textual's key panel lists them
            self.action_show_help_panel()
            return
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))


def _binding_groups() -> tuple[tuple[type[DOMNode], ...], ...]:
    """Nodes whose bindings are active together: the reading screen with its table and the
    app; each modal screen on its own (Textual's binding chain stops at a modal)."""
    from tui.screens.candidates import CandidatesScreen
    from tui.screens.export import ExportScreen
    from tui.screens.help import HelpScreen
    from tui.screens.note_editor import NoteEditor
    from tui.screens.notes_panel import NotesPanel
    from tui.screens.notes_problem import NotesProblem
    from tui.screens.pane_chooser import PaneChooser
    from tui.screens.session_problem import SessionProblem
    from tui.screens.sessions import SessionsScreen
    from tui.widgets.alignment_table import AlignmentTable

    modals: tuple[type[DOMNode], ...] = (
        CandidatesScreen,
        ExportScreen,
        HelpScreen,
        NoteEditor,
        NotesPanel,
        NotesProblem,
        PaneChooser,
        SessionProblem,
        SessionsScreen,
    )
    return ((ReaderApp, ReadingScreen, AlignmentTable), *((modal,) for modal in modals))


def _id_bindings(owner: type[DOMNode]) -> list[Binding]:
    return [b for b in owner.BINDINGS if isinstance(b, Binding) and b.id]


def binding_ids() -> set[str]:
    """Every binding id of the app, its screens and widgets: what ``keymap.yaml`` may remap
    (every id the help screen shows)."""
    return {
        str(binding.id)
        for group in _binding_groups()
        for owner in group
        for binding in _id_bindings(owner)
    }


def binding_scopes() -> list[dict[str, tuple[str, ...]]]:
    """Per group of bindings active together: binding id -> default keys (for conflicts)."""
    scopes = []
    for group in _binding_groups():
        scope: dict[str, list[str]] = {}
        for owner in group:
            for binding in _id_bindings(owner):
                keys = [key.strip() for key in binding.key.split(",")]
                scope.setdefault(str(binding.id), []).extend(keys)
        scopes.append({binding_id: tuple(keys) for binding_id, keys in scope.items()})
    return scopes
