"""ReaderApp: aligns the articles in a worker, opens the reading screen, keeps the notes file
and the session.

Services (the aligner, the data folder, the theme, the session store) are injected so tests
can run the whole app on a hand-built alignment without touching the user's home. The keys
that act on the articles belong to the reading screen; the app wires things up, keeps the
notes file (:class:`~tui.notes_file.NotesFile`) and the session
(:class:`~tui.session_keeper.SessionKeeper`), and has the keys that work everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ClassVar

from textual import events, on
from textual.app import App
from textual.binding import BindingType
from textual.driver import Driver
from textual.message import Message
from textual.notifications import Notify, SeverityLevel

from tui.aligning import Aligner, default_aligner, start_aligning
from tui.annotations import Annotations
from tui.blind_mode import BlindView, session_seed
from tui.burst_keys import note_key_target, redirect_stray_key
from tui.core.align import DEFAULT_THRESHOLD, Alignment
from tui.core.model import Article
from tui.core.notes_store import NotesStore
from tui.core.sessions import Session, SessionStore, ViewState
from tui.core.text import counted
from tui.hang_up import on_hang_up
from tui.keys import APP_BINDINGS
from tui.messages import AlignmentFailed, AlignmentProgress, AlignmentReady
from tui.notes_file import NotesFile
from tui.notices import NoticeBoard
from tui.palette import ReaderCommands
from tui.screens.loading import LoadingScreen
from tui.screens.reading import ReadingScreen
from tui.screens.view_state import apply_view, view_of
from tui.session_keeper import SessionKeeper, Snapshot, SwitchSession

LOADING_DELAY = 0.15
"""Seconds of alignment after which the progress screen appears."""
POLL_SECONDS = 2.0
"""How often the notes file is checked for changes made elsewhere."""


class ReaderApp(App[SwitchSession | None]):
    """Several accounts of one story, side by side."""

    TITLE = "reader"
    CSS_PATH = Path(__file__).parent / "reader.tcss"
    COMMANDS = App.COMMANDS | {ReaderCommands}
    BINDINGS: ClassVar[list[BindingType]] = APP_BINDINGS

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
        blind: bool = False,
    ) -> None:
        super().__init__()
        self.articles = tuple(articles)
        self.blind: BlindView | None = None
        """Blind mode's view of the articles (``--blind``, ``B``); None: the real ones shown."""
        self.blind_seed: int | None = None
        """The shuffle of blind mode (the session's), once blind mode has been on."""
        self.threshold = DEFAULT_THRESHOLD if threshold is None else threshold
        self.data_dir = data_dir
        """Where settings and sessions live; None keeps everything in memory."""
        self.start_theme = theme
        self.aligner = aligner or default_aligner
        self.alignment: Alignment | None = None
        self.align_progress = 0.0
        """Share of the alignment done (the progress screen starts from it)."""
        board = NoticeBoard(self)  # notices about the notes file replace each other
        self.notes_file = NotesFile(
            self.articles,
            notes_path,
            say=self.notify,
            board=board,
            ask=self.push_screen,
            annotations=self._annotations,
        )
        self.sessions = SessionKeeper(
            sessions, session, session_problem, say=self.notify, ask=self.push_screen
        )
        if blind:
            self.blind = self._blind_view()
        self.notices = tuple(notices)
        """Shown once the reading screen is up (e.g. a session's articles moved)."""
        self._no_hang_up: Callable[[], None] = lambda: None
        """Undoes what SIGHUP and SIGTERM do while the app runs."""

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

    def post_message(self, message: Message) -> bool:
        """In blind mode every notice is masked on its way (``notify`` and the notice board
        both post one): it may quote a file name, a title or an outlet."""
        if isinstance(message, Notify) and self.blind is not None:
            notice = message.notification
            notice.message = self.blind.mask(notice.message)
            notice.title = self.blind.mask(notice.title)
        return super().post_message(message)

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

        self._no_hang_up = on_hang_up(self._quit_saved)
        if self.data_dir is not None:
            from tui.settings import SettingsStore

            start_themes(self, SettingsStore(self.data_dir), self.start_theme)
        else:
            register_themes(self)
            self.theme = pick_theme(self, self.start_theme)
        self._apply_user_keymap()
        if self.notes_file.path is not None:
            self.notes_file.start()
            self.set_interval(POLL_SECONDS, self.poll_notes, name="poll-notes")
        start_aligning(self, self.shown_articles, self.threshold, self.aligner)
        # Most corpora align in well under a blink: show progress only if it takes a while
        self.set_timer(LOADING_DELAY, self._show_loading)

    def on_unmount(self) -> None:
        self._no_hang_up()

    def _apply_user_keymap(self) -> None:
        """Remap keys from ``<data dir>/keymap.yaml`` (binding id -> keys), if the user has one."""
        if self.data_dir is None:
            return
        from tui.binding_scopes import binding_ids, binding_scopes
        from tui.keymap import load_keymap

        keymap = load_keymap(self.data_dir, binding_ids(), binding_scopes())
        for problem in keymap.problems:
            self.notify(problem, severity="warning", timeout=8)
        if keymap.bindings:
            self.set_keymap(keymap.bindings)

    # -- the alignment --------------------------------------------------------------------

    def _show_loading(self) -> None:
        if self.alignment is None and not isinstance(self.screen, LoadingScreen):
            self.push_screen(
                LoadingScreen(f"Aligning {len(self.articles)} articles…", self.align_progress)
            )

    @on(AlignmentProgress)
    def _alignment_progress(self, message: AlignmentProgress) -> None:
        self.align_progress = message.done
        if isinstance(self.screen, LoadingScreen):
            self.screen.set_progress(message.done)

    @on(AlignmentFailed)
    def _alignment_failed(self, message: AlignmentFailed) -> None:
        self._show_loading()
        self.call_after_refresh(self._show_failure, message.error)

    def _show_failure(self, error: str) -> None:
        if isinstance(self.screen, LoadingScreen):
            self.screen.show_error(error)

    @on(AlignmentReady)
    def _alignment_ready(self, message: AlignmentReady) -> None:
        self.alignment = message.alignment
        screen = ReadingScreen(message.alignment, self.notes)
        if (was := self.reading_screen) is not None:  # blind mode toggled: same view, new names
            view = view_of(was, self.theme, self.threshold)
            while self.screen is not was:
                self.pop_screen()
            self.switch_screen(screen)
            self.call_after_refresh(self._blind_toggled, screen, view)
            return
        if isinstance(self.screen, LoadingScreen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)
        self.call_after_refresh(self._reading_ready, screen)

    def _reading_ready(self, screen: ReadingScreen) -> None:
        """Restore the session's view, mark annotations, say what needs saying."""
        if self.sessions.session is not None:
            apply_view(screen, self.sessions.session.view)
        screen.show_notes()
        for notice in self.notices:
            self.notify(notice, severity="warning", timeout=10)
        orphans = len(self.notes.orphan_ids()) if self.notes is not None else 0
        if orphans:
            self.notify(
                f"{counted(orphans, 'annotation')} could not be placed in "
                "the changed text: listed as orphans in the notes panel (m).",
                severity="warning",
                timeout=10,
            )
        self.notes_file.ask_about_problem(lambda: screen.use_notes(self.notes))
        self.sessions.ask_about_problem(self._snapshot)  # on top: asked before the notes file

    @property
    def reading_screen(self) -> ReadingScreen | None:
        """The reading screen once the alignment is shown (under any modal)."""
        for screen in reversed(self.screen_stack):
            if isinstance(screen, ReadingScreen):
                return screen
        return None

    # -- the notes file and the session ---------------------------------------------------

    @property
    def notes(self) -> Annotations | None:
        """The open notes; None when there is no notes file or it could not be opened."""
        return self.notes_file.notes

    @property
    def notes_path(self) -> Path | None:
        """The notes file (``--notes`` or the session's own); None: annotating is off."""
        return self.notes_file.path

    @notes_path.setter
    def notes_path(self, path: Path | None) -> None:
        self.notes_file.path = path

    def poll_notes(self) -> None:
        """Pick up what another writer did to the notes file; tell the reader."""
        if self.notes_file.poll() and (screen := self.reading_screen) is not None:
            screen.show_notes()

    def on_app_focus(self) -> None:
        self.poll_notes()

    def action_export_notes(self) -> None:
        """Export the notes to a file the reader confirms."""
        self.notes_file.export()

    def action_export_report(self) -> None:
        """Write the comparison as one HTML page (as ``reader report`` does); notify the path."""
        from tui.screens.report_export import ReportScreen, report_job

        screen = self.reading_screen
        if self.alignment is None or screen is None:
            self.notify("Nothing to export before the articles are aligned.", severity="warning")
            return
        blind = self.blind
        job = report_job(
            self.articles,
            self.alignment,
            self.notes.store.document if self.notes is not None else None,
            by=blind.original(screen.focused_doc) if blind else screen.focused_doc,
            notes_path=self.notes_path,
            blind_seed=blind.seed if blind else None,
        )

        def done(path: Path | None) -> None:
            if path is not None:
                self.notify(f"Comparison written to {path}", timeout=6)

        self.push_screen(ReportScreen(job), done)

    # -- blind mode -----------------------------------------------------------------------

    @property
    def shown_articles(self) -> tuple[Article, ...]:
        """The articles as the panes show them: blinded in blind mode."""
        return self.blind.shown if self.blind is not None else self.articles

    def _annotations(self, store: NotesStore) -> Annotations:
        """The notes seen from the screen: written against the real articles, always."""
        if (blind := self.blind) is None:
            return Annotations(store, self.articles)
        return Annotations(store, blind.shown, originals=blind.originals, mask=blind.mask)

    def _blind_view(self) -> BlindView:
        if self.blind_seed is None:  # once a run: the same letters each time B hides them
            self.blind_seed, session = session_seed(self.sessions.session)
            self.sessions.session = session  # the seed is saved with the session
        return BlindView(self.articles, self.blind_seed)

    def action_toggle_blind(self) -> None:
        """Blind mode on (sources as Source A…, in the session's order) or off (revealed)."""
        if self.reading_screen is None:
            return
        self.blind = None if self.blind is not None else self._blind_view()
        self.notes_file.rebind()
        self.alignment = None
        start_aligning(self, self.shown_articles, self.threshold, self.aligner)
        self.set_timer(LOADING_DELAY, self._show_loading)

    def _blind_toggled(self, screen: ReadingScreen, view: ViewState) -> None:
        apply_view(screen, view)
        screen.show_notes()
        if self.blind is not None:
            said = "Blind mode: sources are Source A… in a shuffled order; B reveals them."
        else:
            said = "Sources revealed; B hides them again."
        self.notify(said, timeout=5)

    @property
    def unsaved_problem(self) -> str | None:
        """Why the session was not saved when it last was to be (``run_open`` repeats it)."""
        return self.sessions.unsaved_problem

    def _snapshot(self) -> Snapshot:
        screen = self.reading_screen
        view = None if screen is None else view_of(screen, self.theme, self.threshold)
        return Snapshot(self.articles, self.notes_path, view)

    def save_state(self) -> None:
        """Save the session (articles, notes file, panes, cursors, sync, view, theme)."""
        if problem := self.sessions.save(self._snapshot()):
            self.notify(problem, severity="error")

    def action_save_session(self) -> None:
        """Save now, and say where."""
        self.sessions.save_now(self._snapshot)

    def action_sessions(self) -> None:
        """List the sessions; choosing one saves this one and switches."""
        self.sessions.choose_another(self._snapshot, lambda name: self.exit(SwitchSession(name)))

    def _quit_saved(self) -> None:
        self.save_state()
        self.exit()

    async def action_quit(self) -> None:
        """Save, then leave."""
        self._quit_saved()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The palette, like the other keys, waits while the window is too small to read."""
        return action in ("help", "quit") or not self.screen.has_class("-too-small")

    def action_help(self) -> None:
        """Show every live binding of the screen below."""
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))
