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
from textual.widgets import Button, Input, Label, Static
from textual.worker import Worker, WorkerState

from tui.core.align import Alignment, align_corpus
from tui.core.html_page import report_page
from tui.core.model import Article
from tui.core.notes import NotesDocument
from tui.core.output_path import export_path_problem, output_path_problem
from tui.core.storage import atomic_write_text
from tui.notices import OpenScreen, Say
from tui.screens.path_dialog import PathDialog

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


class ReportScreen(PathDialog):
    """Confirm the path, write the page; returns the path written, or None."""

    PREFIX = "report"
    DEFAULT_CSS = """
    ReportScreen #report-busy { height: auto; color: $text-muted; display: none; }
    ReportScreen #report-busy.-shown { display: block; }
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
            yield Static("", id="report-error", classes="dialog-error", markup=False)
            yield Static("Writing the page…", id="report-busy", markup=False)
            with Horizontal(id="report-buttons", classes="dialog-buttons"):
                yield Button("Cancel", id="report-cancel")
                yield Button("Export", variant="primary", id="report-go")

    def show_error(self, problem: str | None) -> None:
        """Say under the path why the page was not written (None clears it)."""
        super().show_error(problem)
        self._busy(False)

    def _busy(self, busy: bool) -> None:
        self.query_one("#report-busy", Static).set_class(busy, "-shown")
        self.query_one("#report-go", Button).disabled = busy
        self.path_input.disabled = busy

    def export(self) -> None:
        """Check the path, then write the page in a thread."""
        value = self.path_input.value.strip()
        if not value:
            self.show_error("Type the file to write the page to.")
            return
        path = Path(value).expanduser()
        notes = self.job.notes_path
        problem = export_path_problem(path, notes) if notes else output_path_problem(path)
        if problem:
            self.refuse(problem)
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
