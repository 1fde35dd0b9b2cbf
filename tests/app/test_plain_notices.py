"""Notices show brackets in paths and article text literally, never as markup."""

from __future__ import annotations

from textual.widgets._toast import Toast

from tests.app.reading_fixture import make_app


async def test_a_notice_with_brackets_is_shown_as_written() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await pilot.pause()
        message = "Exported 3 annotations to /tmp/notes [draft]/[bold]x[/bold].md"
        app.screen.notify(message)  # through a widget, as the screens do
        await pilot.pause()
        (notification,) = [n for n in app._notifications if n.message == message]
        assert notification.markup is False
        await pilot.pause()
        toasts = [str(toast.render()) for toast in app.screen.query(Toast)]
        assert any("[draft]/[bold]x[/bold].md" in text for text in toasts), toasts


async def test_ctrl_c_says_plainly_which_keys_quit() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+c")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("Press ") and "quit" in m for m in messages), messages
        assert not any("[b]" in m for m in messages), messages
