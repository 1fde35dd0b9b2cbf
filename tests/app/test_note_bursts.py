"""Notes typed in one burst (a paste, a macro, tmux send-keys): every key after `c` is the note's.

Textual reads a key, sends it to its target and reads the next before the first has come back
up to the bindings, so a burst ran ahead of the editor `c` opens: notes were saved empty while
"✎ note saved" showed, one note got the next one's text, and under load notes read "ac".
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot

from tests.app.reading_fixture import notes_app
from tui import burst_keys
from tui.app import ReaderApp
from tui.core.notes import parse_document
from tui.screens.reading import ReadingScreen

SIZE = (120, 40)
NAMES = {" ": "space", "/": "slash", ",": "comma", "!": "exclamation_mark"}


def keys_of(text: str) -> list[str]:
    """Key names of the characters of ``text``."""
    return [NAMES.get(character, character) for character in text]


def send_all_at_once(app: ReaderApp, keys: Iterable[str]) -> None:
    """Hand every key to the app at once, as a terminal delivers a paste or a macro."""
    characters = {name: character for character, name in NAMES.items()}
    controls = {"enter": "\r", "tab": "\t", "backspace": "\x7f", "escape": "\x1b"}
    for key in keys:
        character = characters.get(key) or controls.get(key) or (key if len(key) == 1 else None)
        app.post_message(events.Key(key, character))


def burst_of_notes(*comments: str) -> list[str]:
    """`j`, `c`, the comment, ctrl+s, for each comment in turn."""
    keys: list[str] = []
    for comment in comments:
        keys += ["j", "c", *keys_of(comment), "ctrl+s"]
    return keys


async def settle(pilot: Pilot[object], app: ReaderApp, notes: int, path: Path) -> list[str]:
    """Wait (up to 30 s: a loaded machine takes seconds over a burst) until ``notes`` notes
    are on disk and the reading screen is back; their comments, in the file's order."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        await pilot.pause(0.02)
        if path.exists() and isinstance(app.screen, ReadingScreen):
            saved = parse_document(path.read_text("utf-8"), str(path)).annotations
            if len(saved) >= notes:
                return [a.comment for a in saved]
    return [a.comment for a in parse_document(path.read_text("utf-8")).annotations]


def by_sentence(path: Path) -> dict[int | None, str]:
    """The comment of each note, by the sentence (of its first passage) it is on."""
    notes = parse_document(path.read_text("utf-8"), str(path)).annotations
    return {note.targets[0].sentence: note.comment for note in notes}


async def ready(pilot: Pilot[object], app: ReaderApp) -> ReadingScreen:
    for _ in range(50):
        await pilot.pause()
        if isinstance(app.screen, ReadingScreen) and app.screen.is_mounted:
            return app.screen
    raise AssertionError("the reading screen never came up")


COMMENTS = ("hello world", "second", "a third, with more words!")


async def test_notes_sent_all_at_once_keep_every_key(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    app = notes_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot, app)
        send_all_at_once(app, burst_of_notes(*COMMENTS))
        await settle(pilot, app, len(COMMENTS), path)
        # each note on its own sentence (j moved before each c), with its own text
        assert by_sentence(path) == dict(zip((1, 2, 3), COMMENTS, strict=True))
        assert screen.cursors[0] == 3


async def test_a_search_and_a_note_in_one_burst(tmp_path: Path) -> None:
    """The search field takes its letters and enter; the note after it takes its own."""
    path = tmp_path / "notes.yaml"
    app = notes_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot, app)
        keys = ["slash", *keys_of("Kyiv"), "enter", *burst_of_notes("after search")]
        send_all_at_once(app, keys)
        assert await settle(pilot, app, 1, path) == ["after search"]
        assert screen.find.query == "Kyiv"


async def test_keys_that_come_back_slowly_are_still_waited_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a loaded machine a key can take seconds to come back up. The gate let the next key
    through once a timer ran out, and it overtook the slow one: a note saved as "fter search".
    Here the gate's timer runs out on almost every turn of the loop, as if every key were slow."""
    monkeypatch.setattr(burst_keys, "STUCK_SECONDS", 0.001)
    path = tmp_path / "notes.yaml"
    app = notes_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot, app)
        keys = ["slash", *keys_of("Kyiv"), "enter", *burst_of_notes(*COMMENTS)]
        send_all_at_once(app, keys)
        await settle(pilot, app, len(COMMENTS), path)
        assert [text for _, text in sorted(by_sentence(path).items())] == list(COMMENTS)
        assert screen.find.query == "Kyiv"


async def test_editing_keys_in_a_burst_reach_the_editor(tmp_path: Path) -> None:
    """Backspace, enter and the tags field (tab) are the editor's too, not the screen's."""
    path = tmp_path / "notes.yaml"
    app = notes_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot, app)
        keys = ["j", "c", *keys_of("helx"), "backspace", *keys_of("lo"), "enter"]
        keys += [*keys_of("line two"), "tab", *keys_of("tagged"), "ctrl+s"]
        send_all_at_once(app, keys)
        await settle(pilot, app, 1, path)
        (note,) = parse_document(path.read_text("utf-8")).annotations
        assert note.comment == "hello\nline two"
        assert note.tags == ("tagged",)


async def test_a_paste_in_the_burst_is_the_notes_too(tmp_path: Path) -> None:
    """A terminal delivers pasted text as one paste event: it goes into the note before the
    ctrl+s after it saves."""
    path = tmp_path / "notes.yaml"
    app = notes_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot, app)
        send_all_at_once(app, ["j", "c"])
        app.post_message(events.Paste("pasted words"))
        send_all_at_once(app, [*keys_of(" typed"), "ctrl+s"])
        await settle(pilot, app, 1, path)
        assert by_sentence(path) == {1: "pasted words typed"}
