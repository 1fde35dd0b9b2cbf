"""Palette "Export HTML report…": the page ``reader report`` writes, to a path checked in the
dialog, written by a thread worker."""

from __future__ import annotations

import re
from pathlib import Path

from textual.widgets import Input, Static

from tests.app.reading_fixture import reading
from tests.report.conftest import SEEDS
from tui.app import ReaderApp
from tui.cli import main
from tui.core.corpus import load_paths
from tui.screens.report_export import ReportScreen

SIZE = (120, 40)


def _app(notes: Path) -> ReaderApp:
    return ReaderApp(load_paths([SEEDS]).articles, theme="reader-dark", notes_path=notes)


async def _dialog(app: ReaderApp, pilot: object) -> ReportScreen:
    await reading(pilot)  # type: ignore[arg-type]
    await pilot.press("j", "a")  # type: ignore[attr-defined]  # one agreement in the notes
    app.action_export_report()
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, ReportScreen)
    return app.screen


async def _wait_closed(app: ReaderApp, pilot: object) -> None:
    for _ in range(200):
        await pilot.pause(0.02)  # type: ignore[attr-defined]
        if not isinstance(app.screen, ReportScreen):
            return
    raise AssertionError("the dialog never closed")


async def test_the_app_writes_the_page_reader_report_writes(tmp_path: Path) -> None:
    notes = tmp_path / "notes.yaml"
    app = _app(notes)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _dialog(app, pilot)
        assert screen.query_one("#report-path", Input).value == str(tmp_path / "notes.html")
        await pilot.press("enter")
        await _wait_closed(app, pilot)
        assert any("Comparison written to" in n.message for n in app._notifications)
    written = (tmp_path / "notes.html").read_text(encoding="utf-8")
    assert (
        main(["report", str(SEEDS), "--notes", str(notes), "-o", str(tmp_path / "cli.html")]) == 0
    )
    assert written == (tmp_path / "cli.html").read_text(encoding="utf-8")
    assert 'data-figure="annotations"><span class="figure">1<' in written


async def test_a_refused_path_is_said_in_the_dialog(tmp_path: Path) -> None:
    notes = tmp_path / "notes.yaml"
    app = _app(notes)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _dialog(app, pilot)
        for typed, said in (
            (str(tmp_path / "nope" / "r.html"), "does not exist (reader creates no folders)"),
            (str(notes), "refusing to overwrite the notes file"),
        ):
            screen.query_one("#report-path", Input).value = typed
            await pilot.press("enter")
            await pilot.pause()
            error = screen.query_one("#report-error", Static)
            assert error.display and said in str(error.render())
            assert app.screen is screen
        await pilot.press("escape")
        await pilot.pause()
    assert not list(tmp_path.rglob("*.html"))


async def test_the_palette_opens_the_dialog(tmp_path: Path) -> None:
    app = _app(tmp_path / "notes.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await reading(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"html report")
        await pilot.pause(0.3)  # the palette searches in a worker
        await pilot.press("enter")
        for _ in range(50):
            await pilot.pause(0.02)
            if isinstance(app.screen, ReportScreen):
                break
        assert isinstance(app.screen, ReportScreen)


async def test_in_blind_mode_the_page_is_blind_with_the_app_s_letters(tmp_path: Path) -> None:
    articles = load_paths([SEEDS]).articles
    app = ReaderApp(articles, theme="reader-dark", notes_path=tmp_path / "notes.yaml", blind=True)
    async with app.run_test(size=SIZE) as pilot:
        await _dialog(app, pilot)
        await pilot.press("enter")
        await _wait_closed(app, pilot)
        assert app.blind_mode.view is not None
        letters = [a.label for a in app.blind_mode.view.shown]
        ids = [a.id for a in app.blind_mode.view.shown]
    page = (tmp_path / "notes.html").read_text(encoding="utf-8")
    assert "CBC News" not in page and "Global News" not in page and "ITV" not in page
    heads = re.findall(r'<a href="#source-(\d+)" class="outlet">([^<]+)</a>', page)
    assert [label for _, label in heads] == letters
    for doc, article_id in enumerate(ids):  # the same article under the same letter
        first = next(a for a in articles if a.id == article_id).body_sentences[0].index
        assert f'id="d{doc}s{first}"' in page
