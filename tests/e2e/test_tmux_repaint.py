"""End to end: a pane shown again from the command palette is painted whole in a real terminal.

Pilot cannot see this: the app's own frame is right, what goes wrong is which cells reach the
terminal, so only a terminal (tmux) shows text of the old layout left on screen.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.e2e.test_tmux import Terminal, status, terminal  # noqa: F401 (the fixture)

pytestmark = pytest.mark.e2e

RAILS = "│┃"
"""The rightmost column of every pane: its scroll rail."""


def _rails_intact(screen: str, panes: int, width: int) -> bool:
    """True when every pane's rail column holds a rail on every text row (nothing stale)."""
    lines = screen.splitlines()
    body = [line for line in lines[2:] if line.strip()][:10]
    pane_width = width // panes
    columns = [pane_width * (n + 1) - 1 for n in range(panes)]
    return all(len(line) > x and line[x] in RAILS for line in body for x in columns)


def _top_hit(screen: str) -> str:
    """The first command the palette lists (the one enter runs): the first line under its
    search field."""
    lines = screen.splitlines()
    field = next((i for i, line in enumerate(lines) if "🔎" in line), None)
    if field is None:
        return ""
    return next((line.strip() for line in lines[field + 1 :] if line.strip()), "")


def _palette(term: Terminal, typed: str, hit: str) -> None:
    """Type ``typed`` in the command palette and run the top hit once it is ``hit``."""
    term.keys("C-p")
    term.wait_for(lambda s: "Search for commands" in s, "the command palette")
    term.tmux("send-keys", "-t", term.session, "-l", typed)
    # The field shows every key at once, while the list may still be the one for the first
    # letters ("g": "Go to source: CBC News" on top): enter would run that one. Wait until
    # the command wanted is the top one.
    term.wait_for(lambda s: typed in s and _top_hit(s) == hit, f"the hit “{hit}” on top")
    term.keys("Enter")
    term.wait_for(lambda s: "Search for commands" not in s, "the palette to close")


def test_go_to_source_of_a_hidden_pane_repaints_the_whole_column(
    terminal: Callable[..., Terminal],  # noqa: F811
) -> None:
    term = terminal(160, 48)
    term.wait_for(lambda s: "● reading" in s and status(s), "the reading screen")
    _palette(term, "hide pane: RFE/RL rep", "Hide pane: RFE/RL repost")
    term.wait_for(lambda s: "RFE/RL repost" not in s.splitlines()[0], "four panes")
    _palette(term, "go to source: RFE/RL rep", "Go to source: RFE/RL repost")
    screen = term.wait_for(
        lambda s: "RFE/RL repost" in s.splitlines()[0] and "RFE/RL repost" in status(s),
        "the repost pane focused again",
    )
    # let any late paint land, then look at what the terminal holds
    term.wait_for(lambda s: _rails_intact(s, 5, 160), "a clean five-pane screen", timeout=3)
    assert _rails_intact(term.screen(), 5, 160), screen
