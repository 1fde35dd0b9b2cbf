"""ReaderApp: shows the articles at once, aligns them in a worker, keeps the notes file and the
session.

The reading screen is the first screen. Once it says the articles are on screen
(``ReadingScreen.Painted``) the slow work starts: the place is put back, the notes file opened
and the alignment worker started, which imports the alignment core itself. The keys that act on
the articles belong to the reading screen; the app wires things up, keeps the notes file
(:class:`~tui.notes_file.NotesFile`) and the session (:class:`~tui.session_keeper.SessionKeeper`)
and has the keys that work everywhere. Its services (aligner, data folder, theme, session store)
are injected, so tests run it on a hand-built alignment without touching the user's home.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import App
from textual.binding import BindingType
from textual.driver import Driver
from textual.message import Message
from textual.notifications import Notify

from tui.aligning import default_aligner, start_aligning
from tui.blind_mode import BlindMode
from tui.burst_keys import KeyGate
from tui.core.model import Article
from tui.core.sessions import Session, SessionStore
from tui.hang_up import driver_for, on_hang_up
from tui.keys import APP_BINDINGS, quit_hint
from tui.messages import AlignmentReady
from tui.notes_file import POLL_SECONDS, NotesFile
from tui.notices import NoticeBoard
from tui.palette import ReaderCommands
from tui.preferences import apply_preferences, preset_theme
from tui.screens.reading import ReadingScreen, reading_screen_in
from tui.screens.view_state import PlaceKeeper, view_of
from tui.session_keeper import SessionKeeper, Snapshot, SwitchSession
from tui.session_writes import CHECK_SECONDS
from tui.themes import VARIABLE_DEFAULTS

if TYPE_CHECKING:  # the alignment core loads in the worker, after the articles are on screen
    from tui.aligning import Aligner
    from tui.annotations import Annotations
    from tui.core.align import Alignment


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
        self.sessions = SessionKeeper(
            sessions, session, session_problem, say=self.notify, ask=self.push_screen
        )
        self.blind_mode = BlindMode(self.articles, self.sessions, on=blind)
        """Blind mode (``--blind``, ``B``): the articles as shown, the notes bound to them."""
        self.threshold = threshold
        """The alignment threshold asked for; None until the alignment says its default."""
        self.data_dir = data_dir
        """Where settings and sessions live; None keeps everything in memory."""
        self.start_theme = theme
        self.aligner: Aligner = aligner or default_aligner
        self.place = PlaceKeeper(None if session is None else session.view)
        """Where the reader was (the session's view; the same view after blind mode switched)."""
        self._blind_switched = False
        """Whether the alignment under way is of the articles blind mode just switched."""
        self.notes_file = NotesFile(
            self.articles,
            notes_path,
            say=self.notify,
            board=NoticeBoard(self),  # notices about the notes file replace each other
            ask=self.push_screen,
            annotations=self.blind_mode.annotations,
        )
        self.notices = tuple(notices)
        """Shown once the reading screen is up (e.g. a session's articles moved)."""
        self._no_hang_up: Callable[[], None] = lambda: None
        """Undoes what SIGHUP and SIGTERM do while the app runs."""
        self.keys = KeyGate(self, partial(App.on_event, self))
        """Lets keys (and pastes) through one at a time, each once the one before is done."""
        preset_theme(self, data_dir, theme)

    def get_driver_class(self) -> type[Driver]:
        """Textual's Linux driver, kept from hanging when the terminal goes away (tui/driver.py)."""
        return driver_for(super().get_driver_class())

    def post_message(self, message: Message) -> bool:
        """Every notice is plain text (``notify`` and the notice board post them): they quote
        paths and article text, where brackets ("notes [draft].yaml") are not markup; masked
        in blind mode."""
        if isinstance(message, Notify):
            message.notification.markup = False
            self.blind_mode.mask_notice(message.notification)
        return super().post_message(message)

    async def on_event(self, event: events.Event) -> None:
        """Keys pass one at a time (:mod:`tui.burst_keys`): a burst after `c` is the note's."""
        if isinstance(event, events.Key | events.Paste):
            await self.keys.receive(event)
        else:
            await super().on_event(event)

    def action_help_quit(self) -> None:
        """ctrl+c does not quit (it copies in text fields): say which keys do, in plain text."""
        bindings = [active.binding for active in self.active_bindings.values()]
        if said := quit_hint(bindings, self.get_key_display):
            self.notify(said, title="Quit?")

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """Our ``$reader-*`` variables exist in every theme, Textual's built-ins included."""
        return dict(VARIABLE_DEFAULTS)

    def on_mount(self) -> None:
        self._no_hang_up = on_hang_up(self._quit_saved)
        apply_preferences(self, self.data_dir, self.start_theme)

    def on_unmount(self) -> None:
        self._no_hang_up()

    def get_default_screen(self) -> ReadingScreen:
        """The articles are the first screen (no blank one to paint and leave first)."""
        return ReadingScreen(self.blind_mode.shown)

    @on(ReadingScreen.Painted)
    def _painted(self) -> None:
        """The articles are on screen: put the place back, open the notes, align."""
        gc.enable()  # off while the command line starts the app (tui/cli.py)
        if (screen := self.reading_screen) is None:
            return
        self.place.painted(screen)
        if not self._blind_switched:
            in_thread = partial(self.run_worker, thread=True, name="save-session")
            every = partial(self.set_interval, CHECK_SECONDS, name="keep-session")
            self.sessions.keep_saving(self._snapshot, in_thread, every)
            if self.notes_file.path is not None:
                self.notes_file.start()
                self.set_interval(POLL_SECONDS, self.poll_notes, name="poll-notes")
        screen.use_notes(self.notes)
        start_aligning(screen, screen.articles, self.threshold, self.aligner)  # it shows them

    @on(AlignmentReady)
    def _alignment_ready(self, message: AlignmentReady) -> None:
        """Once the reading screen shows the alignment: put the view back (the table, if the
        reader left it in it), then say what needs saying."""
        if self.threshold is None:
            self.threshold = message.alignment.threshold
        if (screen := self.reading_screen) is None:
            return
        self.place.aligned(screen)
        self.refresh_bindings()  # B waits for the alignment too
        if self._blind_switched:
            self._blind_switched = False
            self.notify(self.blind_mode.toggled, timeout=5)
            return
        for notice in self.notices:
            self.notify(notice, severity="warning", timeout=10)
        self.notes_file.say_orphans()
        self.notes_file.ask_about_problem(lambda: screen.use_notes(self.notes))
        self.sessions.ask_about_problem(self._snapshot)  # on top: asked before the notes file

    @property
    def reading_screen(self) -> ReadingScreen | None:
        """The reading screen (under any modal)."""
        return reading_screen_in(self.screen_stack)

    @property
    def alignment(self) -> Alignment | None:
        """The engine's alignment of the articles shown; None until it is there."""
        screen = self.reading_screen
        return None if screen is None else screen.shown_alignment.engine

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
        from tui.screens.report_export import export_report

        screen = self.reading_screen
        export_report(
            self.articles,
            self.alignment,
            self.notes.store.document if self.notes is not None else None,
            by=None if screen is None else self.blind_mode.original(screen.focused_doc),
            notes_path=self.notes_path,
            blind_seed=self.blind_mode.shown_seed,
            say=self.notify,
            ask=self.push_screen,
        )

    def action_toggle_blind(self) -> None:
        """Blind mode on (sources as Source A…, in the session's order) or off (revealed): the
        articles as now shown, in the same view, aligned again."""
        if (was := self.reading_screen) is None:
            return
        if self.alignment is None:
            self.notify("Blind mode switches once the articles are aligned.", timeout=3)
            return
        view = view_of(was, self.theme, self.threshold)
        self._blind_switched = True
        self.blind_mode.toggle()
        self.notes_file.rebind()
        self.place.reopen(self, was, ReadingScreen(self.blind_mode.shown), view)

    @property
    def unsaved_problem(self) -> str | None:
        """Why the session was not saved when it last was to be (``run_open`` repeats it)."""
        return self.sessions.unsaved_problem

    def _snapshot(self) -> Snapshot:
        view = self.place.view(self.reading_screen, self.theme, self.threshold)
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
        """The palette, like the other keys, waits while the window is too small to read;
        blind mode waits for the alignment of the articles shown (listed, disabled)."""
        if action in ("help", "quit"):
            return True
        if self.screen.has_class("-too-small"):
            return False
        return action != "toggle_blind" or self.alignment is not None or None

    def action_help(self) -> None:
        """Show every live binding of the screen below."""
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))
