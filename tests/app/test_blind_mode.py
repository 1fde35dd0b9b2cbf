"""Blind mode in the app: no label, outlet, title, URL, author, date or file name on any screen
or notice, the notes still written against the real articles, and B reveals them."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
import yaml
from textual.pilot import Pilot

from tests.app.reading_fixture import reading
from tests.report.conftest import SEEDS, stories
from tui.app import ReaderApp
from tui.blind_mode import SEED_KEY, BlindView
from tui.core.blind import title_from_text
from tui.core.corpus import load_paths
from tui.core.model import Article
from tui.core.sessions import SessionStore
from tui.screens.reading import ReadingScreen

SIZE = (160, 48)
WAFFLE = next((s for s in stories() if s.name.startswith("waffle")), None)


def giveaways(articles: Iterable[Article]) -> set[str]:
    """What would tell a blind reader the source."""
    found: set[str] = set()
    for a in articles:
        found |= {a.label, a.meta.source, a.meta.url, a.meta.published, a.id, Path(a.path).name}
        if a.meta.url:
            found.add(re.sub(r"^https?://(www\.)?", "", a.meta.url).split("/")[0])
        if not title_from_text(a):
            found.add(a.meta.title)
        found.update(n.strip() for n in re.split(r",| and ", a.meta.extra.get("authors", "")))
    return {g for g in found if len(g) >= 3}


def screen_text(app: ReaderApp) -> str:
    """What is on the terminal now, line by line (from Textual's SVG screenshot)."""
    lines: dict[float, list[tuple[float, str]]] = {}
    for match in re.finditer(
        r'<text [^>]*?x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)</text>', app.export_screenshot()
    ):
        x, y, text = float(match[1]), float(match[2]), html.unescape(match[3])
        lines.setdefault(y, []).append((x, text.replace("\xa0", " ")))
    return "\n".join("".join(t for _, t in sorted(parts)) for _, parts in sorted(lines.items()))


def assert_blind(text: str, secrets: set[str], where: str) -> None:
    lowered = text.casefold()
    leaks = sorted(s for s in secrets if s.casefold() in lowered)
    assert not leaks, f"{where} shows {leaks}"


def _corpora() -> list[Path]:
    return [SEEDS] + ([WAFFLE] if WAFFLE else [])


@pytest.mark.parametrize("corpus", _corpora(), ids=lambda p: p.name)
def test_the_blind_articles_carry_no_name(corpus: Path) -> None:
    articles = load_paths([corpus]).articles
    view = BlindView(articles, seed=4)
    secrets = giveaways(articles) - {a.id for a in articles} - {Path(a.path).name for a in articles}
    for shown in view.shown:
        assert shown.meta.title == shown.meta.source == shown.meta.url == ""
        assert_blind(f"{shown.label}\n{shown.text}", secrets, shown.label)


async def _visit(app: ReaderApp, pilot: Pilot[Any], secrets: set[str]) -> list[str]:
    """Every screen a reader can reach, each checked; returns every notice seen."""
    said: list[str] = []

    async def check(keys: tuple[str, ...], where: str, until: str = "") -> None:
        await pilot.press(*keys)
        await pilot.pause(0.3)
        for _ in range(50):  # a notice of the key's work, once it is done (under load: later)
            if not until or any(until in n.message for n in app._notifications):
                break
            await pilot.pause(0.1)
        assert_blind(screen_text(app), secrets, where)
        said.extend(f"{n.title}\n{n.message}" for n in app._notifications)

    screen = await reading(pilot)
    await check((), "the panes")
    await check(("v",), "the table")
    await check(("v",), "the panes again")
    await check(("question_mark",), "help")
    await check(("escape", "p"), "the pane chooser")
    await check(("escape",), "the reading screen again")
    # the shuffle differs each run: agree on a sentence that has a counterpart, wherever it is
    matched = next(p.a for p in screen.alignment.pairs if p.a.doc in screen.shown_docs)
    screen.move_cursor(matched.doc, matched.sentence)
    await check(("a",), "the reading screen after an agreement", until="saved")
    await check(("m",), "the notes panel")
    await check(("escape",), "the reading screen")
    flagged = next(d for d in screen.alignment.discrepancies if d.flagged)
    screen.move_cursor(flagged.a.doc, flagged.a.sentence)
    await check(("i",), "the candidates view")
    await check(("escape", "x"), "the reading screen after a confirmed candidate")
    await check(("ctrl+p",), "the palette")
    await check(("escape", "ctrl+p", *"source"), "the palette's sources")
    await pilot.press("escape")
    return said


@pytest.mark.parametrize("corpus", _corpora(), ids=lambda p: p.name)
async def test_no_screen_names_a_source_and_notes_name_the_real_articles(
    corpus: Path, tmp_path: Path
) -> None:
    articles = load_paths([corpus]).articles
    notes = tmp_path / "notes.yaml"
    app = ReaderApp(articles, theme="reader-dark", notes_path=notes, blind=True)
    async with app.run_test(size=SIZE) as pilot:
        said = await _visit(app, pilot, giveaways(articles))
    assert any("saved" in notice for notice in said), said  # the notices were seen
    assert_blind("\n".join(said), giveaways(articles), "the notices")
    saved = yaml.safe_load(notes.read_text(encoding="utf-8"))
    targets = [t["article"] for a in saved["annotations"] for t in a["targets"]]
    assert targets and {t["id"] for t in targets} <= {a.id for a in articles}
    real = {a.id: a for a in articles}
    assert all(t["label"] == real[t["id"]].label for t in targets)  # the real label, not Source A


async def test_b_reveals_the_sources_and_hides_them_again(tmp_path: Path) -> None:
    articles = load_paths([SEEDS]).articles
    app = ReaderApp(articles, theme="reader-dark", blind=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await reading(pilot)
        await pilot.press("j", "j")
        shown_first = screen.articles[screen.focused_doc].id
        assert "Source A" in screen_text(app) and "CBC News" not in screen_text(app)
        await pilot.press("B")
        for _ in range(100):
            await pilot.pause(0.02)
            if isinstance(app.screen, ReadingScreen) and app.screen is not screen:
                break
        revealed = app.screen
        assert isinstance(revealed, ReadingScreen)
        await pilot.pause(0.1)
        assert "CBC News" in screen_text(app) and "Source A" not in screen_text(app)
        assert revealed.articles[revealed.focused_doc].id == shown_first  # same place
        await pilot.press("B")
        for _ in range(100):
            await pilot.pause(0.02)
            if app.screen is not revealed and isinstance(app.screen, ReadingScreen):
                break
        assert "Source A" in screen_text(app)


def test_the_session_keeps_the_seed(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    articles = load_paths([SEEDS]).articles
    session = store.new("class", articles)
    app = ReaderApp(articles, session=session, sessions=store, blind=True)
    assert app.blind_mode.view is not None
    assert app.sessions.session is not None
    seed = app.sessions.session.extra[SEED_KEY]
    app.save_state()
    again = ReaderApp(articles, session=store.load("class"), sessions=store, blind=True)
    assert again.blind_mode.view is not None and again.blind_mode.view.seed == seed
    assert [a.id for a in again.blind_mode.view.shown] == [a.id for a in app.blind_mode.view.shown]


async def test_notices_that_name_a_file_or_an_outlet_are_masked(tmp_path: Path) -> None:
    if WAFFLE is None:
        pytest.skip("the shared stories are not on this machine")
    articles = load_paths([WAFFLE]).articles
    moved = f"{articles[0].path} changed since the session was saved (USA TODAY)"
    app = ReaderApp(articles, theme="reader-dark", notices=[moved], blind=True)
    async with app.run_test(size=SIZE) as pilot:
        await reading(pilot)
        await pilot.pause(0.2)
        app.reading_screen.notice_board.show("test", f"Fox Online News said so in {articles[1].id}")
        await pilot.pause()
        said = "\n".join(n.message for n in app._notifications)
    assert "changed since the session was saved" in said and "said so in" in said
    assert_blind(said, giveaways(articles), "the notices")
