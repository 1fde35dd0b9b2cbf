"""Blinding: letters for sources, a seeded shuffle, names masked one character for one."""

from __future__ import annotations

from pathlib import Path

from tui.core.blind import (
    MASK,
    Masker,
    blind_articles,
    hidden_names,
    shuffled_order,
    source_name,
)
from tui.core.corpus import make_article
from tui.core.model import ArticleMeta


def test_source_names_run_past_z() -> None:
    assert [source_name(i) for i in (0, 1, 25, 26, 27, 51, 52)] == [
        "Source A",
        "Source B",
        "Source Z",
        "Source AA",
        "Source AB",
        "Source AZ",
        "Source BA",
    ]


def test_the_shuffle_depends_on_the_seed_only() -> None:
    assert shuffled_order(7, 42) == shuffled_order(7, 42)
    assert sorted(shuffled_order(7, 42)) == list(range(7))
    assert len({shuffled_order(7, seed) for seed in range(20)}) > 1


def test_names_are_masked_whole_words_and_any_case() -> None:
    masker = Masker(["Vox", "USA TODAY"])
    assert masker.mask("Vox said; vox populi; Voxel; usa today NETWORK") == (
        f"{MASK * 3} said; {MASK * 3} populi; Voxel; {MASK * 9} NETWORK"
    )


def test_blinded_articles_keep_their_ids_offsets_and_sentences(tmp_path: Path) -> None:
    meta = ArticleMeta(
        title="Diner shooting: what we know",
        source="Daily Planet",
        url="https://www.dailyplanet.example/2018/diner",
        published="2018-04-22",
        extra={"authors": "Lois Lane and Clark Kent"},
    )
    text = (
        "Diner shooting: what we know\n\nBy Lois Lane\n\nFour people died, the Daily Planet "
        "learned (dailyplanet.example).\n\nCopyright 2018 Daily Planet Inc.\n"
    )
    article = make_article("01_daily-planet", "/x/01_daily-planet.txt", text, meta)
    other = make_article("02_gazette", "/x/02_gazette.txt", "Four people died on Sunday.")
    assert "Daily Planet" in hidden_names([article])
    shown, order = blind_articles([article, other], seed=1)
    blinded = shown[order.index(0)]
    assert blinded.id == article.id and blinded.path == article.path
    assert blinded.meta == ArticleMeta() and blinded.label.startswith("Source ")
    assert len(blinded.text) == len(article.text)
    assert [(s.start, s.end) for s in blinded.sentences] == [
        (s.start, s.end) for s in article.sentences
    ]
    assert all(s.text == blinded.text[s.start : s.end] for s in blinded.sentences)
    for giveaway in ("Daily Planet", "Lois", "Diner shooting: what we know", "dailyplanet"):
        assert giveaway.casefold() not in blinded.text.casefold()
    assert "Four people died" in blinded.text
    untouched, _ = blind_articles([article, other], seed=1, mask_text=False)
    assert untouched[order.index(0)].text == article.text
