"""``reader report --blind``: no outlet, title, URL, author or date reaches the page."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.report.conftest import SEEDS, parse, stories
from tui.core.anchoring import target_for_sentence
from tui.core.blind import title_from_text
from tui.core.corpus import load_paths
from tui.core.model import Article
from tui.core.notes_store import NotesStore


def giveaways(articles: tuple[Article, ...]) -> set[str]:
    """Every label, outlet, title, URL (and its host), author and date of the articles."""
    found: set[str] = set()
    for a in articles:
        found.update({a.label, a.meta.source, a.meta.url, a.meta.published})
        if a.meta.url:
            found.add(re.sub(r"^https?://(www\.)?", "", a.meta.url).split("/")[0])
        if not title_from_text(a):  # a title made of the opening words is text, not a name
            found.add(a.meta.title)
        for name in re.split(r",| and ", a.meta.extra.get("authors", "")):
            found.add(name.strip())
    return {g for g in found if len(g) >= 3}


@pytest.mark.parametrize("corpus", [SEEDS, *stories()], ids=lambda p: p.name)
def test_the_blind_page_names_no_source(corpus: Path, report: Callable[..., str]) -> None:
    articles = load_paths([corpus]).articles
    page = report(str(corpus), "--blind", "--seed", "3")
    parse(page)  # still valid HTML5
    lowered = page.casefold()
    leaks = sorted(g for g in giveaways(articles) if g.casefold() in lowered)
    assert not leaks
    assert all(f"Source {chr(65 + i)}" in page for i in range(len(articles)))
    assert "/" + articles[0].id not in page and articles[0].path not in page


def test_the_same_seed_gives_the_same_letters(report: Callable[..., str]) -> None:
    first = report(str(SEEDS), "--blind", "--seed", "11")
    assert report(str(SEEDS), "--blind", "--seed", "11") == first
    assert report(str(SEEDS), "--blind", "--seed", "12") != first


def test_notes_are_shown_in_blind_mode_without_their_sources(
    tmp_path: Path, report: Callable[..., str]
) -> None:
    articles = load_paths([SEEDS]).articles
    notes = tmp_path / "notes.yaml"
    first = articles[0]
    NotesStore(notes).add(
        "note", [target_for_sentence(first, first.body_sentences[3])], comment="CBC News says so"
    )
    page = report(str(SEEDS), "--blind", "--seed", "5", "--notes", str(notes))
    assert "▒▒▒▒▒▒▒▒ says so" in page  # the outlet named in the comment is masked too
    assert 'data-figure="annotations"><span class="figure">1<' in page
