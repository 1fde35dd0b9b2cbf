"""Aligning the articles off the event loop, reported back as messages.

The worker never touches a widget: it posts :class:`~tui.messages.AlignmentProgress` (at most
once a percent), then :class:`~tui.messages.AlignmentReady` or, with one line for the reader,
:class:`~tui.messages.AlignmentFailed`. The alignment core (numpy, the stemmer, the candidate
finders: a good part of a second of imports) is imported by the worker, in its thread, so the
articles are on screen before any of it loads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeAlias

from textual.dom import DOMNode
from textual.worker import Worker, get_current_worker

from tui.core.model import Article
from tui.messages import AlignmentFailed, AlignmentProgress, AlignmentReady

if TYPE_CHECKING:
    from tui.core.align import Alignment, Progress

CANCEL_POLL_SECONDS = 0.1
"""How soon a quit during alignment lets the process end."""

Aligner: TypeAlias = "Callable[[Sequence[Article], float | None, Progress | None], Alignment]"
"""What computes the alignment from the articles, a threshold (None: the default) and a
progress callback: :func:`default_aligner` unless tests inject a fixed one."""


def default_aligner(
    articles: Sequence[Article], threshold: float | None, progress: Progress | None
) -> Alignment:
    """``align_corpus`` at ``threshold`` (None: its default); fewer than two articles have
    nothing to align with."""
    from tui.core.align import DEFAULT_THRESHOLD, Alignment, align_corpus

    threshold = DEFAULT_THRESHOLD if threshold is None else threshold
    if len(articles) < 2:
        return Alignment(tuple(articles), (), (), (), threshold)
    return align_corpus(articles, threshold, progress)


def start_aligning(
    node: DOMNode, articles: Sequence[Article], threshold: float | None, aligner: Aligner
) -> Worker[None]:
    """Align ``articles`` in a thread worker named "align"; ``node`` gets the messages."""
    articles = tuple(articles)
    last = -1

    def report(done: float) -> None:
        nonlocal last
        if int(done * 100) != last:
            last = int(done * 100)
            node.post_message(AlignmentProgress(done))

    def align() -> None:
        try:
            alignment = aligner(articles, threshold, report)
        except Exception as exc:  # one line on screen, never a traceback
            node.post_message(AlignmentFailed(f"Alignment failed: {exc}"))
            return
        node.post_message(AlignmentReady(alignment))

    def run() -> None:
        # The aligner cannot be interrupted, and Python waits for a worker's thread at exit:
        # quitting during a minutes-long alignment left a blank terminal until it finished.
        # It runs in a daemon thread instead, which dies with the app once the worker is
        # cancelled (Textual cancels workers on exit).
        worker = get_current_worker()
        aligning = threading.Thread(target=align, name="reader-align", daemon=True)
        aligning.start()
        while aligning.is_alive() and not worker.is_cancelled:
            aligning.join(CANCEL_POLL_SECONDS)

    return node.run_worker(run, name="align", thread=True, exclusive=True)
