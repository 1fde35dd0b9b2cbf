"""Quitting during a long alignment ends the app at once instead of waiting for the aligner."""

from __future__ import annotations

import threading
from collections.abc import Sequence

from textual.worker import WorkerState

from tests.app.reading_fixture import sample_corpus
from tui.app import ReaderApp
from tui.core.align import Alignment, Progress
from tui.core.model import Article
from tui.screens.reading import ReadingScreen


async def test_q_during_alignment_cancels_the_worker_and_leaves_the_aligner_behind() -> None:
    release = threading.Event()
    started = threading.Event()
    alignment = sample_corpus()

    def slow_aligner(
        articles: Sequence[Article], threshold: float, progress: Progress | None
    ) -> Alignment:
        started.set()
        release.wait(30)  # an alignment that takes minutes
        return alignment

    app = ReaderApp(alignment.articles, aligner=slow_aligner)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            for _ in range(50):
                await pilot.pause(0.02)
                if started.is_set():
                    break
            assert isinstance(app.screen, ReadingScreen) and started.is_set()
            (worker,) = [w for w in app.workers if w.name == "align"]
            await pilot.press("q")
            await app.workers.wait_for_complete()
            assert worker.state is WorkerState.CANCELLED
            # the aligner's own thread is a daemon: it no longer holds the process open
            (aligning,) = [t for t in threading.enumerate() if t.name == "reader-align"]
            assert aligning.daemon and aligning.is_alive()
        assert app.return_code in (0, None)
    finally:
        release.set()
