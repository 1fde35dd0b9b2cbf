"""Reading-UI benchmarks, each against a baseline measured in the same run.

    .venv/bin/python bench/bench_ui.py [--repeat 5]

1. Start-up to the first complete frame of the reading screen on the five seeds, vs a bare
   Textual app showing one Static (goal: within 1.5x).
2. A keypress that moves the cursor and re-syncs 6 panes of 1,000 sentences each, measured
   with Pilot (goal: median under 30 ms); a bare app's keypress is the baseline.
3. 50 articles open without freezing the UI: the longest stall of the event loop while the
   alignment worker runs (goal: under 100 ms), vs the same app idle.
4. A 2 MB text opens in under 2 s and pages smoothly (median pagedown).

Headless (Pilot), so terminal output costs are not included. The exit status is 1 when a
goal is missed.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Static

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.app import ReaderApp  # noqa: E402
from tui.commands.loading import load_or_fail  # noqa: E402
from tui.core.align import Alignment, Group, Pair, SentenceRef, align_corpus  # noqa: E402
from tui.core.corpus import make_article  # noqa: E402
from tui.core.model import Article  # noqa: E402
from tui.screens.reading import ReadingScreen  # noqa: E402

Timings = tuple[list[float], list[float]]
SCALE = ROOT.parent / "shared" / "corpora" / "scale"


class BareApp(App[None]):
    """The baseline: a Textual app that shows one Static."""

    def compose(self) -> ComposeResult:
        yield Static("Hello")


async def _until_reading(app: ReaderApp, pilot: Any, timeout: float = 600.0) -> ReadingScreen:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        screen = app.screen
        if isinstance(screen, ReadingScreen) and screen.alignment is not None:
            await pilot.pause()  # one full refresh: the first complete frame (marks and sync)
            return screen
        await asyncio.sleep(0.001)
    raise RuntimeError("the reading screen never opened")


class FirstFrameReader(ReaderApp):
    """The reader that exits once the reading screen has been painted with the alignment."""

    def on_mount(self) -> None:
        self.set_interval(0.002, self._check_ready)

    def _check_ready(self) -> None:
        if isinstance(self.screen, ReadingScreen) and self.screen.alignment is not None:
            self.call_after_refresh(self.exit)


class FirstFrameBare(BareApp):
    """The baseline that exits once its Static has been painted once."""

    def on_mount(self) -> None:
        self.call_after_refresh(lambda: self.call_after_refresh(self.exit))


def _child(kind: str) -> None:
    """Run in a fresh process: start an app headless and quit after its first frame."""
    if kind == "reader":
        FirstFrameReader(load_or_fail([]), theme="reader-dark").run(headless=True, size=(160, 48))
    else:
        FirstFrameBare().run(headless=True, size=(160, 48))


def _process_startup(kind: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, __file__, "--child", kind], check=True)
    return time.perf_counter() - start


async def _startup_reader(articles: Sequence[Article], size: tuple[int, int]) -> float:
    return (await _startup_reader_stages(articles, size))[1]


async def _startup_reader_stages(
    articles: Sequence[Article], size: tuple[int, int]
) -> tuple[float, float]:
    """Seconds to the reading screen's first paint, and to its first complete frame."""
    first_paint = [0.0]
    original = Screen._compositor_refresh

    def timed(screen: Screen[Any]) -> None:
        original(screen)
        if isinstance(screen, ReadingScreen) and not first_paint[0]:
            first_paint[0] = time.perf_counter()

    Screen._compositor_refresh = timed  # type: ignore[method-assign,assignment]
    try:
        start = time.perf_counter()
        app = ReaderApp(articles, theme="reader-dark")
        async with app.run_test(size=size) as pilot:
            await _until_reading(app, pilot)
            elapsed = time.perf_counter() - start
            await pilot.press("q")
    finally:
        Screen._compositor_refresh = original  # type: ignore[method-assign]
    return first_paint[0] - start, elapsed


async def _startup_bare(size: tuple[int, int]) -> float:
    start = time.perf_counter()
    app = BareApp()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        elapsed = time.perf_counter() - start
    return elapsed


def synthetic_alignment(docs: int, sentences: int) -> Alignment:
    """``docs`` articles of ``sentences`` sentences, sentence i of each matched with all."""
    articles = []
    for doc in range(docs):
        lines = [
            f"Source {doc} reports that fact number {i} happened near the old bridge today."
            for i in range(sentences)
        ]
        text = "\n\n".join(" ".join(lines[p : p + 3]) for p in range(0, sentences, 3))
        articles.append(make_article(f"s{doc}", f"s{doc}.txt", text))
    pairs = []
    groups = []
    for i in range(sentences):
        members = tuple(SentenceRef(d, i) for d in range(docs))
        for a in range(docs):
            for b in range(a + 1, docs):
                pairs.append(Pair(members[a], members[b], 90.0 - (i % 20)))
        groups.append(Group(i, members, docs))
    return Alignment(tuple(articles), tuple(pairs), tuple(groups), ())


class _FrameClock:
    """Records when the screen last finished painting (Pilot's own idle waits excluded)."""

    def __init__(self) -> None:
        self.painted = 0.0
        original = Screen._compositor_refresh

        def timed(screen: Screen[Any]) -> None:
            original(screen)
            self.painted = time.perf_counter()

        self.original = original
        Screen._compositor_refresh = timed  # type: ignore[method-assign,assignment]

    def close(self) -> None:
        Screen._compositor_refresh = self.original  # type: ignore[method-assign]


async def _press_timings(app: App[Any], pilot: Any, key: str, presses: int) -> Timings:
    """Per keypress: wall time from sending the key to the end of the repaint, and CPU."""
    clock = _FrameClock()
    wall, cpu = [], []
    try:
        for _ in range(presses):
            clock.painted = 0.0
            start, cpu_start = time.perf_counter(), time.process_time()
            await pilot.press(key)
            cpu.append(time.process_time() - cpu_start)
            wall.append((clock.painted or time.perf_counter()) - start)
    finally:
        clock.close()
    return wall, cpu


async def _keypress_reader(alignment: Alignment, presses: int) -> Timings:
    app = ReaderApp(alignment.articles, theme="reader-dark", aligner=lambda *_: alignment)
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await _until_reading(app, pilot)
        assert len(screen.visible_docs) == len(alignment.articles), screen.visible_docs
        await pilot.press("j")
        timings = await _press_timings(app, pilot, "j", presses)
        assert screen.cursors[0] == presses + 1
        assert screen.pane(5).counterpart == presses + 1
    return timings


class CountingApp(BareApp):
    """The keypress baseline: one binding that changes what the Static shows (a repaint)."""

    presses = 0

    def action_count(self) -> None:
        self.presses += 1
        self.query_one(Static).update(f"Hello {self.presses}")


async def _keypress_bare(presses: int) -> Timings:
    app = CountingApp()
    app.bind("j", "count")
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        return await _press_timings(app, pilot, "j", presses)


def fifty_articles() -> list[Article]:
    """50 real articles (the scale corpus when present), else the seeds cycled with edits."""
    if SCALE.is_dir():
        files = sorted(p for p in SCALE.rglob("*") if p.suffix in (".txt", ".md"))[:50]
        if len(files) == 50:
            return list(load_or_fail([str(f) for f in files]))
    seeds = load_or_fail([])
    return [
        make_article(f"c{n}", f"c{n}.txt", seeds[n % len(seeds)].text.replace("said", f"s{n}"))
        for n in range(50)
    ]


async def _stall_while_opening(articles: Sequence[Article]) -> tuple[float, float, float]:
    """Seconds to the reading screen, and the longest event-loop stall (loading, idle)."""
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    start = time.perf_counter()
    app = ReaderApp(articles, theme="reader-dark")
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        last[0] = time.perf_counter()
        timer = app.set_interval(0.01, tick)
        await _until_reading(app, pilot)
        opened = time.perf_counter() - start
        loading_stall = max(gaps, default=0.0)
        gaps.clear()
        await asyncio.sleep(1.0)
        idle_stall = max(gaps, default=0.0)
        timer.stop()
    return opened, loading_stall, idle_stall


def two_mb_article() -> Article:
    """About 2 MB of news text: the seeds repeated, each copy slightly different."""
    seeds = load_or_fail([])
    chunks = []
    size = 0
    copy = 0
    while size < 2_000_000:
        for seed in seeds:
            chunk = seed.text.replace("Ukraine", f"Ukraine-{copy}")
            chunks.append(chunk)
            size += len(chunk.encode())
        copy += 1
    return make_article("big", "big.txt", "\n\n".join(chunks))


async def _open_big(text_mb: float) -> tuple[float, float, list[float]]:
    start = time.perf_counter()
    article = two_mb_article()
    loaded = time.perf_counter() - start
    app = ReaderApp([article], theme="reader-dark")
    pages = []
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _until_reading(app, pilot)
        opened = time.perf_counter() - start
        for _ in range(30):
            t = time.perf_counter()
            await pilot.press("pagedown")
            pages.append(time.perf_counter() - t)
        assert screen.cursors[0] > 30
    return loaded, opened, pages


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def _median(run: Callable[[], Any], repeat: int) -> float:
    return float(statistics.median(asyncio.run(run()) for _ in range(repeat)))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per start-up figure")
    parser.add_argument("--presses", type=int, default=60, help="keypresses to time")
    parser.add_argument(
        "--only",
        default="1234",
        help="which figures to measure, e.g. --only 2 or --only 13 (default: all)",
    )
    parser.add_argument("--child", choices=("reader", "bare"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child)
        return 0
    ok = True
    if "1" in args.only:
        ok &= _report_startup(args.repeat)
    if "2" in args.only:
        ok &= _report_keypress(args.presses)
    if "3" in args.only:
        ok &= _report_fifty()
    if "4" in args.only:
        ok &= _report_big()
    return 0 if ok else 1


def _report_startup(repeat: int) -> bool:
    seeds = load_or_fail([])
    asyncio.run(_startup_bare((160, 48)))  # warm imports and caches for both
    bare = _median(lambda: _startup_bare((160, 48)), repeat)
    stages = [asyncio.run(_startup_reader_stages(seeds, (160, 48))) for _ in range(repeat)]
    painted = statistics.median(first for first, _ in stages)
    reader = statistics.median(complete for _, complete in stages)
    started = time.perf_counter()
    align_corpus(seeds)
    aligning = time.perf_counter() - started
    ratio = reader / bare
    ok = ratio <= 1.5
    print("1. start-up to first complete frame (160x48, median of", repeat, "runs)")
    print(f"   in process: bare Textual + Static {_ms(bare)}  reader on 5 seeds {_ms(reader)}")
    print(f"   ratio {ratio:.2f}x (goal <= 1.5x) {'OK' if ratio <= 1.5 else 'MISSED'}")
    print(
        f"   of which: first paint of the reading screen {_ms(painted)} "
        f"({painted / bare:.2f}x); aligning the seeds alone takes {_ms(aligning)} "
        "(the screen waits for it)"
    )

    processes = [_process_startup("bare") for _ in range(repeat)]
    readers = [_process_startup("reader") for _ in range(repeat)]
    bare_p, reader_p = statistics.median(processes), statistics.median(readers)
    print(
        f"   as a user sees it (new process: imports, loading, alignment, first frame): "
        f"bare {_ms(bare_p)}  reader {_ms(reader_p)}  ratio {reader_p / bare_p:.2f}x"
    )
    return ok


def _report_keypress(presses: int) -> bool:
    alignment = synthetic_alignment(6, 1000)
    wall, cpu = asyncio.run(_keypress_reader(alignment, presses))
    base_wall, base_cpu = asyncio.run(_keypress_bare(presses))
    median = statistics.median(wall)
    ok = median < 0.030
    print("2. keypress that moves the cursor and re-syncs 6 panes x 1,000 sentences (200x50)")
    print(
        f"   key sent -> repaint done: median {_ms(median)}  "
        f"p90 {_ms(sorted(wall)[int(len(wall) * 0.9)])}  max {_ms(max(wall))}; "
        f"CPU per press median {_ms(statistics.median(cpu))}"
    )
    print(
        "   bare app (one binding that repaints a Static): median "
        f"{_ms(statistics.median(base_wall))}, CPU {_ms(statistics.median(base_cpu))}; "
        "goal median < 30 ms "
        f"{'OK' if median < 0.030 else 'MISSED'}"
    )
    return ok


def _report_fifty() -> bool:
    articles = fifty_articles()
    opened, stall, idle = asyncio.run(_stall_while_opening(articles))
    ok = stall < 0.1
    print(f"3. {len(articles)} articles: reading screen after {opened:.2f} s")
    print(
        f"   longest event-loop stall while aligning {_ms(stall)} vs idle {_ms(idle)} "
        f"(goal < 100 ms) {'OK' if stall < 0.1 else 'MISSED'}"
    )
    return ok


def _report_big() -> bool:
    loaded, opened_big, pages = asyncio.run(_open_big(2.0))
    ok = opened_big < 2.0
    print("4. 2 MB text (one article)")
    print(
        f"   load+segment {loaded:.2f} s, reading screen after {opened_big:.2f} s "
        f"(goal < 2 s) {'OK' if opened_big < 2.0 else 'MISSED'}; "
        f"pagedown median {_ms(statistics.median(pages))} max {_ms(max(pages))}"
    )
    return ok


if __name__ == "__main__":
    sys.exit(main())
