"""ReaderApp: aligns the articles in a worker, opens the reading screen, keeps the notes file
and the session.

Services (the aligner, the data folder, the theme, the session store) are injected so tests
can run the whole app on a hand-built alignment without touching the user's home. The keys
that act on the articles belong to the reading screen; the app keeps start-up, the notes file
(opened, polled for other writers' changes), the session, and the keys that work everywhere.
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
from textual.binding import BindingType
from textual.message import Message
from textual.notifications import Notify, SeverityLevel
from textual.worker import get_current_worker

from tui.annotations import Annotations
from tui.blind_mode import BlindView, session_seed
from tui.burst_keys import note_key_target, redirect_stray_key
from tui.core.align import DEFAULT_THRESHOLD, Alignment, Progress, align_corpus
from tui.core.model import Article
from tui.core.notes_store import NotesStore
from tui.core.sessions import Session, SessionStore, ViewState
from tui.core.storage import StorageError
from tui.core.text import counted
from tui.keys import APP_BINDINGS
from tui.messages import AlignmentFailed, AlignmentProgress, AlignmentReady
from tui.notices import NoticeBoard
from tui.palette import ReaderCommands
from tui.screens.loading import LoadingScreen
from tui.screens.reading import ReadingScreen
from tui.screens.view_state import apply_view, view_of
from tui.session_keeper import SessionKeeper, SwitchSession

LOADING_DELAY = 0.15
"""Seconds of alignment after which the progress screen appears."""
CANCEL_POLL_SECONDS = 0.1
"""How soon a quit during alignment lets the process end."""
POLL_SECONDS = 2.0
"""How often the notes file is checked for changes made elsewhere."""

Aligner = Callable[[Sequence[Article], float, Progress | None], Alignment]
"""What computes the alignment: ``align_corpus`` by default; tests inject a fixed one."""


def _default_aligner(
    articles: Sequence[Article], threshold: float, progress: Progress | None
) -> Alignment:
    return align_corpus(articles, threshold, progress)


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
        self.aligner: Aligner = aligner or _default_aligner
        self.alignment: Alignment | None = None
        self.align_progress = 0.0
        """Share of the alignment done (the progress screen starts from it)."""
        self.notes_path = notes_path
        """The notes file (``--notes`` or the session's own); None: annotating is off."""
        self.notes: Annotations | None = None
        self.notes_problem: str | None = None
        self.sessions = SessionKeeper(sessions, session, session_problem)
        """The open session and the store it is saved in."""
        self.notices = tuple(notices)
        """Shown once the reading screen is up (e.g. a session's articles moved)."""
        self.notice_board = NoticeBoard(self)
        """Notices of one kind (here: the notes file's) replace each other."""
        if blind:
            self.blind = self._blind_view()

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
            notice.message, notice.title = (
                self.blind.mask(notice.message),
                self.blind.mask(notice.title),
            )
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
        if len(self.articles) < 2 and self.aligner is _default_aligner:  # nothing to align with
            empty = Alignment(self.shown_articles, (), (), (), self.threshold)
            self.post_message(AlignmentReady(empty))
            return
        self._align()
        # Most corpora align in well under a blink: show progress only if it takes a while
        self.set_timer(LOADING_DELAY, self._show_loading)

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
                alignment = self.aligner(self.shown_articles, self.threshold, progress)
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
        if self.notes_problem and self.notes_path is not None:
            self.show_notes_problem(self.notes_problem, self.notes_path)
        if self.sessions.problem:  # on top: asked first, then the notes file's problem
            self.show_session_problem()

    @property
    def reading_screen(self) -> ReadingScreen | None:
        """The reading screen once the alignment is shown (under any modal)."""
        for screen in reversed(self.screen_stack):
            if isinstance(screen, ReadingScreen):
                return screen
        return None

    # -- the notes file -------------------------------------------------------------------

    def open_notes(self, path: Path, *, read_only: bool = False) -> str | None:
        """Open the notes file; returns the problem that made it read-only, or None."""
        try:
            store = NotesStore(path, read_only=read_only)
        except StorageError as exc:  # e.g. the folder cannot be created
            self.notes = None
            return f"{path}: {exc}"
        self.notes_path = store.path
        self.notes = self._annotations(store)
        return store.problem

    def _annotations(self, store: NotesStore) -> Annotations:
        """The notes seen from the screen: written against the real articles, always."""
        if self.blind is None:
            return Annotations(store, self.articles)
        blind = self.blind
        return Annotations(store, blind.shown, originals=blind.originals, mask=blind.mask)

    def show_notes_problem(self, problem: str, path: Path) -> None:
        """Offer read-only or a new file for a notes file that cannot be used (never written)."""
        from tui.screens.notes_problem import Choice, NotesProblem

        def chosen(choice: Choice | None) -> None:
            if choice is None or choice[0] == "read-only" or choice[1] is None:
                said = f"{path} is open read-only: annotation keys are disabled."
                self.notify(said, severity="warning", timeout=6)
                return
            new_path = choice[1]
            problem = self.open_notes(new_path)
            if problem:
                self.show_notes_problem(problem, new_path)
                return
            self.notify(f"New notes file: {new_path}", timeout=5)
            if (screen := self.reading_screen) is not None:
                screen.use_notes(self.notes)

        self.push_screen(NotesProblem(problem, path), chosen)

    def poll_notes(self) -> None:
        """Pick up what another writer did to the notes file; tell the reader."""
        if self.notes is None:
            return
        store = self.notes.store
        was_problem, was_emptied = store.problem, store.emptied_notice
        try:
            report = store.refresh()
        except StorageError as exc:
            self.notice_board.show("notes-file", str(exc), severity="error", timeout=6)
            return
        if store.emptied_notice and store.emptied_notice != was_emptied:  # all kept: say so once
            said = f"{store.emptied_notice}."
            self.notice_board.show("notes-file", said, severity="warning", timeout=10)
        if store.problem and store.problem != was_problem:
            said = f"{store.problem}. Annotation keys are disabled."
            self.notice_board.show("notes-file", said, severity="error", timeout=8)
        elif was_problem and not store.problem:
            said = "The notes file reads fine again: annotating is back on."
            self.notice_board.show("notes-file", said, timeout=4)
        if report is not None:
            if report.anything:
                self.notice_board.show("notes-file", report.summary(), timeout=5)
            if (screen := self.reading_screen) is not None:
                screen.show_notes()

    def on_app_focus(self) -> None:
        self.poll_notes()

    def action_export_notes(self) -> None:
        """Export the notes to a file the reader confirms; notify the path."""
        from tui.screens.export import ExportScreen

        if self.notes is None or self.notes_path is None:
            self.notify("No notes file to export.", severity="warning")
            return
        store, anchors = self.notes.store, self.notes.anchors
        placed = anchors if anchors.document is store.document else None  # placed as they are

        def done(path: Path | None) -> None:
            if path is not None:
                self.notify(f"Exported {len(store.annotations)} annotations to {path}", timeout=6)

        self.push_screen(ExportScreen(store.document, self.notes_path, placed), done)

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
        if self.notes is not None:
            self.notes = self._annotations(self.notes.store)
        self.alignment = None
        self._align()
        self.set_timer(LOADING_DELAY, self._show_loading)

    def _blind_toggled(self, screen: ReadingScreen, view: ViewState) -> None:
        apply_view(screen, view)
        screen.show_notes()
        if self.blind is not None:
            said = "Blind mode: sources are Source A… in a shuffled order; B reveals them."
        else:
            said = "Sources revealed; B hides them again."
        self.notify(said, timeout=5)

    # -- the session ----------------------------------------------------------------------

    @property
    def unsaved_problem(self) -> str | None:
        """Why the session was not saved last time it was to be (``run_open`` repeats it)."""
        return self.sessions.unsaved_problem

    def save_session(self) -> str | None:
        """Save the session (articles, notes file, panes, cursors, sync, view, theme); returns
        the problem, or None when saved (or there is nothing to save)."""
        screen = self.reading_screen
        view = None if screen is None else view_of(screen, self.theme, self.threshold)
        return self.sessions.save(self.articles, self.notes_path, view)

    def action_save_session(self) -> None:
        """Save now, and say where."""
        session = self.sessions.session
        if self.sessions.store is None or session is None:
            self.notify("No session to save (no data folder).", severity="warning")
        elif self.sessions.problem:  # never over the unreadable file: ask for a new name
            self.show_session_problem()
        elif problem := self.save_session():
            self.notify(problem, severity="error", timeout=8)
        else:
            self.notify(f"Session “{session.name}” saved.", timeout=3)

    def action_sessions(self) -> None:
        """List the sessions; choosing one saves this one and switches."""
        store, session = self.sessions.store, self.sessions.session
        if store is None:
            self.notify("No sessions without a data folder.", severity="warning")
            return
        from tui.screens.sessions import SessionsScreen

        self.save_session()  # so the list shows this session as it is now

        def chosen(name: str | None) -> None:
            if name is None:
                return
            problem = self.save_session()
            if problem and not self.sessions.problem:  # unsaved by choice: switch all the same
                self.notify(problem, severity="error", timeout=8)
                return
            self.exit(SwitchSession(name))

        current = session.name if session else None
        self.push_screen(SessionsScreen(store.list(), current), chosen)

    def show_session_problem(self) -> None:
        """Say the session file could not be read; save under a new name or not at all."""
        from tui.screens.session_problem import SessionProblem

        store, session, problem = self.sessions.store, self.sessions.session, self.sessions.problem
        if store is None or session is None or not problem:
            return
        old, path = session.name, store.path_for(session.name)

        def chosen(name: str | None) -> None:
            if name is None:
                self.notify(
                    f"Session “{old}” will not be saved: {path} is left as it is. "
                    "Save session (S) offers a new name again.",
                    severity="warning",
                    timeout=10,
                )
                return
            self.sessions.rename(name)
            if unsaved := self.save_session():
                self.notify(unsaved, severity="error", timeout=8)
            else:
                self.notify(f"Session saved as “{name}”; {path} is left as it is.", timeout=6)

        self.push_screen(SessionProblem(problem, old, store), chosen)

    def _save_on_hang_up(self) -> None:
        """Closing the terminal (SIGHUP) or ``kill`` (SIGTERM) saves the session like ``q``.

        Annotations are saved as they are made; without this the reading position of a
        session whose window was closed was lost, and a new session never recorded.
        """
        try:
            loop = asyncio.get_running_loop()
            for number in (signal.SIGHUP, signal.SIGTERM):
                loop.add_signal_handler(number, self._quit_saved)
        except (AttributeError, NotImplementedError, RuntimeError, ValueError):
            return  # no such signals (Windows) or not the main thread: nothing to do

    def on_unmount(self) -> None:
        try:
            loop = asyncio.get_running_loop()
            for number in (signal.SIGHUP, signal.SIGTERM):
                loop.remove_signal_handler(number)
        except (AttributeError, NotImplementedError, RuntimeError, ValueError):
            pass

    def save_state(self) -> None:
        """Save the session; say so if it could not be."""
        if problem := self.save_session():
            self.notify(problem, severity="error")

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
