"""First frame in a real terminal: launch to the first article text on screen, against a bare app.

    .venv/bin/python bench/bench_first_frame.py [--runs 10] [--size 160x48]

What a person sees when they type ``reader``: the installed console command starts in tmux on
the five bundled seeds (a fresh data folder each run, so no saved session is restored), and the
clock stops when the first article's opening words are on the terminal's screen. The baseline is
a bare Textual app showing one Static holding the same words, started the same way in the same
tmux. Runs alternate between the two (reader first, then bare first, and so on) after one warm-up
run of each; the medians and their ratio are printed. The exit status is 1 when the ratio misses
the goal (1.5x).

The screen is read with ``tmux capture-pane`` every few milliseconds, which adds the same
polling delay to both sides. Both run with Python's bytecode cache on, as for a person who
installed reader (``PYTHONDONTWRITEBYTECODE`` is unset; the warm-up run writes the cache), or
every module of reader would be compiled from source on each start. Needs tmux.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
READER = Path(sys.executable).parent / "reader"
MARKER = "UN refugee agency says"
"""Opening words of the first seed (CBC News), shown in the first pane at 160x48."""
BARE_TEXT = f"The {MARKER} more than four million people have now fled Ukraine"
GOAL = 1.5
POLL_SECONDS = 0.003
TIMEOUT = 30.0


def _bare_app() -> None:
    """The baseline, run in its own process: one Static, ``q`` quits."""
    from typing import ClassVar

    from textual.app import App, ComposeResult
    from textual.binding import BindingType
    from textual.widgets import Static

    class BareApp(App[None]):
        BINDINGS: ClassVar[list[BindingType]] = [("q", "quit", "Quit")]

        def compose(self) -> ComposeResult:
            yield Static(BARE_TEXT)

    BareApp().run()


class Tmux:
    """One tmux server on its own socket (never the user's), one window of a fixed size."""

    def __init__(self, width: int, height: int) -> None:
        self.socket = f"reader-bench-{os.getpid()}"
        size = ("-x", str(width), "-y", str(height))
        self.run("new-session", "-d", "-s", "bench", *size, "sleep 600")
        self.run("set-option", "-t", "bench", "window-size", "manual")
        self.run("set-option", "-t", "bench", "remain-on-exit", "on")
        self.run("resize-window", "-t", "bench", *size)

    def run(self, *args: str) -> str:
        command = ["tmux", "-L", self.socket, "-f", "/dev/null", *args]
        return subprocess.run(command, capture_output=True, text=True, check=False).stdout

    def first_frame(self, command: str) -> float:
        """Seconds from starting ``command`` in the pane to ``MARKER`` on screen; then quit it."""
        start = time.perf_counter()
        self.run("respawn-pane", "-k", "-t", "bench", command)
        deadline = start + TIMEOUT
        while MARKER not in self.run("capture-pane", "-p", "-t", "bench"):
            if time.perf_counter() > deadline:
                raise RuntimeError(f"no first frame within {TIMEOUT:.0f} s: {command}")
            time.sleep(POLL_SECONDS)
        elapsed = time.perf_counter() - start
        self._quit()
        return elapsed

    def _quit(self) -> None:
        """``q``, then wait for the process to end (killed if it does not within 10 s)."""
        self.run("send-keys", "-t", "bench", "q")
        deadline = time.perf_counter() + 10
        while time.perf_counter() < deadline:
            if self.run("display-message", "-p", "-t", "bench", "#{pane_dead}").strip() == "1":
                return
            time.sleep(0.02)
        pid = self.run("display-message", "-p", "-t", "bench", "#{pane_pid}").strip()
        if pid.isdigit():
            subprocess.run(["kill", "-9", pid], check=False)

    def close(self) -> None:
        self.run("kill-server")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="measured runs of each (default 10)")
    parser.add_argument("--size", default="160x48", help="terminal size (default 160x48)")
    parser.add_argument("--bare", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bare:
        _bare_app()
        return 0
    if shutil.which("tmux") is None:
        print("tmux is not installed", file=sys.stderr)
        return 2
    width, height = (int(n) for n in args.size.split("x"))
    env = "env -u COLUMNS -u LINES -u PYTHONDONTWRITEBYTECODE TERM=xterm-256color"
    bare = f"{env} {sys.executable} {Path(__file__).resolve()} --bare"
    times: dict[str, list[float]] = {"reader": [], "bare": []}
    tmux = Tmux(width, height)
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as scratch:

        def reader(run: int) -> str:
            return f"{env} {READER} --data-dir {Path(scratch) / f'data{run}'}"

        try:
            tmux.first_frame(reader(-1))  # warm-up: bytecode caches, page cache
            tmux.first_frame(bare)
            for run in range(args.runs):
                order = ("reader", "bare") if run % 2 == 0 else ("bare", "reader")
                for kind in order:
                    times[kind].append(tmux.first_frame(reader(run) if kind == "reader" else bare))
        finally:
            tmux.close()
    ms = {kind: [t * 1000 for t in values] for kind, values in times.items()}
    median = {kind: statistics.median(values) for kind, values in ms.items()}
    ratio = median["reader"] / median["bare"]
    print(f"First frame with article text, tmux {width}x{height}, {args.runs} alternating runs")
    for kind, label in (("reader", "reader (5 seeds)"), ("bare", "bare Textual app")):
        values = ms[kind]
        print(
            f"  {label:18} median {median[kind]:6.0f} ms"
            f"  (min {min(values):.0f}, max {max(values):.0f})"
        )
    verdict = "met" if ratio <= GOAL else "MISSED"
    print(f"  ratio {ratio:.2f}x (goal <= {GOAL}x: {verdict})")
    return 0 if ratio <= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
