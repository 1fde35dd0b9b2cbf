"""ReportScreen (palette "Export HTML report…"): the comparison as one HTML page, to a path the
reader confirms; the same page ``reader report`` writes for these articles and notes.

The path is checked as ``reader report -o`` checks it (no folder created, never the notes
file), in the dialog, which stays open to correct it. The page is built and written in a
thread worker (a blind page aligns the articles again); a worker that fails says why in the
dialog, through the one ``on_worker_state_changed`` handler.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static
from textual.worker import Worker, WorkerState

from tui.core.align import Alignment, align_corpus
from tui.core.html_page import report_page
from tui.core.model import Article
from tui.core.notes import NotesDocument
from tui.core.output_path import export_path_problem, output_path_problem
from tui.core.storage import atomic_write_text
from tui.notices import OpenScreen, Say

DEFAULT_NAME = "report.html"


@dataclass(frozen=True)
class ReportJob:
    """What the page is made of, as values: the dialog needs no app."""

    make: Callable[[], str]
    """Builds the page (slow for a blind page or many articles: called in a thread)."""
    default_path: Path
    notes_path: Path | None = None
    """The notes file, never written over."""


def report_job(
    articles: Sequence[Article],
    alignment: Alignment,
    document: NotesDocument | None,
    *,
    by: int,
    notes_path: Path | None,
    blind_seed: int | None = None,
) -> ReportJob:
    """The job for the app's articles as loaded, ``alignment`` their engine alignment.

    Args:
        articles: the articles as loaded (real names: the notes point at them).
        alignment: the engine's alignment of ``articles``, reused when not blind.
        document: the open notes, or None.
        by: the article (a position in ``articles``) whose reading order the rows follow.
        notes_path: the notes file; the page goes beside it by default.
        blind_seed: a blind page with this shuffle (the letters the app shows).
    """
    threshold = alignment.threshold

    def align(shown: Sequence[Article]) -> Alignment:
        if tuple(shown) == alignment.articles:
            return alignment
        return align_corpus(shown, threshold=threshold)

    def make() -> str:
        return report_page(
            articles,
            document,
            align=align,
            by=by,
            blind_seed=blind_seed,
            notes_name=notes_path.name if notes_path is not None else "",
        )

    if notes_path is not None:
        stem = notes_path.name.removesuffix(".yaml").removesuffix(".yml")
        default = notes_path.with_name(stem + ".html")
    else:
        default = Path.cwd() / DEFAULT_NAME
    return ReportJob(make, default, notes_path)


def export_report(
    articles: Sequence[Article],
    alignment: Alignment | None,
    document: NotesDocument | None,
    *,
    by: int | None,
    notes_path: Path | None,
    blind_seed: int | None,
    say: Say,
    ask: OpenScreen,
) -> None:
    """Open the dialog for the page (see :func:`report_job`); say the path once written.

    ``by`` is None, like ``alignment``, until the reading screen is up: there is nothing to
    export yet, and ``say`` says so.
    """
    if alignment is None or by is None:
        say("Nothing to export before the articles are aligned.", severity="warning")
        return
    job = report_job(
        articles, alignment, document, by=by, notes_path=notes_path, blind_seed=blind_seed
    )

    def done(path: Path | None) -> None:
        if path is not None:
            say(f"Comparison written to {path}", timeout=6)

    ask(ReportScreen(job), done)


class ReportScreen(ModalScreen[Path | None]):
    """Confirm the path, write the page; returns the path written, or None."""

    DEFAULT_CSS = """
    ReportScreen { align: center middle; }
    ReportScreen > Vertical {
        width: 80%; max-width: 100; height: auto;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    ReportScreen #report-error { height: auto; color: $text-error; display: none; }
    ReportScreen #report-error.-shown { display: block; }
    ReportScreen #report-busy { height: auto; color: $text-muted; display: none; }
    ReportScreen #report-busy.-shown { display: block; }
    ReportScreen #report-buttons { height: auto; align-horizontal: right; }
    ReportScreen #report-buttons Button { margin-left: 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Cancel", tooltip="Do not export", id="reader.report-cancel"),
    ]

    class Written(Message):
        """The page is on disk."""

        def __init__(self, path: Path) -> None:
            super().__init__()
            self.path = path

    def __init__(self, job: ReportJob) -> None:
        super().__init__()
        self.job = job

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Export the comparison as one HTML page (opens in any browser, offline)")
            yield Label("To file (enter writes it):")
            yield Input(str(self.job.default_path), id="report-path")
            yield Static("", id="report-error", markup=False)
            yield Static("Writing the page…", id="report-busy", markup=False)
            with Horizontal(id="report-buttons"):
                yield Button("Cancel", id="report-cancel")
                yield Button("Export", variant="primary", id="report-go")

    def on_mount(self) -> None:
        self.query_one("#report-path", Input).focus()

    def show_error(self, problem: str | None) -> None:
        """Say under the path why the page was not written (None clears it)."""
        error = self.query_one("#report-error", Static)
        error.update(problem or "")
        error.set_class(bool(problem), "-shown")
        self._busy(False)

    def _busy(self, busy: bool) -> None:
        self.query_one("#report-busy", Static).set_class(busy, "-shown")
        self.query_one("#report-go", Button).disabled = busy
        self.query_one("#report-path", Input).disabled = busy

    def export(self) -> None:
        """Check the path, then write the page in a thread."""
        value = self.query_one("#report-path", Input).value.strip()
        if not value:
            self.show_error("Type the file to write the page to.")
            return
        path = Path(value).expanduser()
        notes = self.job.notes_path
        problem = export_path_problem(path, notes) if notes else output_path_problem(path)
        if problem:
            self.show_error(problem)
            self.query_one("#report-path", Input).focus()
            return
        self.show_error(None)
        self._busy(True)
        self._write(path)

    @work(thread=True, exclusive=True, exit_on_error=False, name="write-report")
    def _write(self, path: Path) -> None:
        atomic_write_text(path, self.job.make(), backup=False)
        self.post_message(self.Written(path))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A failed write (disk full, permission) is said in the dialog, which stays open."""
        if event.worker.name == "write-report" and event.state == WorkerState.ERROR:
            self.show_error(f"The page was not written: {event.worker.error}")

    def on_report_screen_written(self, message: Written) -> None:
        self.dismiss(message.path)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.show_error(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.export()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "report-go":
            self.export()
        else:
            self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
