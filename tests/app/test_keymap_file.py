"""A user's keymap.yaml remaps bindings by id in the running app."""

from __future__ import annotations

from pathlib import Path

from tests.app.reading_fixture import make_app
from tests.app.test_reading import reading


async def test_keymap_file_remaps_next_sentence(tmp_path: Path) -> None:
    (tmp_path / "keymap.yaml").write_text("reader.next-sentence: ctrl+n, j\n", encoding="utf-8")
    app = make_app(data_dir=tmp_path)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await reading(pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.cursors[0] == 1
        await pilot.press("down")  # no longer bound: the keymap replaced it
        await pilot.pause()
        assert screen.cursors[0] == 1
        await pilot.press("j")
        await pilot.pause()
        assert screen.cursors[0] == 2


async def test_bad_keymap_entries_are_reported_not_fatal(tmp_path: Path) -> None:
    (tmp_path / "keymap.yaml").write_text("reader.no-such-action: z\n", encoding="utf-8")
    app = make_app(data_dir=tmp_path)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await reading(pilot)
        messages = [n.message for n in app._notifications]
        assert any("unknown binding id 'reader.no-such-action'" in m for m in messages)
        await pilot.press("j")
        await pilot.pause()
        assert screen.cursors[0] == 1
