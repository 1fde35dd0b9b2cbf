"""``reader report``: valid HTML5, figures that agree with ``reader align --format json``, rows
that follow the reading order and the reader's links and unlinks."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.report.conftest import SEEDS, figures, parse, row_holding, rows, stories
from tui.cli import main
from tui.core.align import align_corpus
from tui.core.anchoring import target_for_sentence
from tui.core.corpus import load_paths
from tui.core.notes_store import NotesStore


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    assert main(["align", *args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def _expected(data: dict[str, Any]) -> tuple[dict[str, int], list[dict[str, int]]]:
    """The summary's figures computed from the JSON alone."""
    docs = data["documents"]
    n = len(docs)
    paired = {(p[s]["doc"], p[s]["sentence"]) for p in data["pairs"] for s in "ab"}
    possible = {(p[s]["doc"], p[s]["sentence"]) for p in data["possible"] for s in "ab"}
    grouped = {(m["doc"], m["sentence"]) for g in data["groups"] for m in g["members"]}
    sources = []
    loose = 0
    for doc in docs:
        body = [s for s in doc["sentences"] if not s["furniture"]]
        loose += sum(1 for s in body if (doc["id"], s["index"]) not in grouped)
        sources.append(
            {
                "body": doc["body_sentences"],
                "matched": doc["matched_sentences"],
                "groups": sum(
                    1 for g in data["groups"] if any(m["doc"] == doc["id"] for m in g["members"])
                ),
                "unique": sum(
                    1
                    for s in body
                    if not s["heading"] and (doc["id"], s["index"]) not in paired | possible
                ),
            }
        )
    totals = {
        "sources": n,
        "facts": len(data["groups"]) + loose,
        "in-all": sum(1 for g in data["groups"] if g["sources"] == n),
        "open": sum(1 for d in data["discrepancies"] if d["status"] == "conflict"),
        "confirmed": 0,
        "dismissed": 0,
        "annotations": 0,
    }
    return totals, sources


def _shown(page: str) -> tuple[dict[str, int], list[dict[str, int]]]:
    tree = parse(page)
    shown = figures(tree)
    cards = [p for p in tree.iter("p") if p.get("class") == "covers"]
    keys = ("body", "matched", "groups", "unique")
    return shown, [{k: int(p.get(f"data-{k}", "-1")) for k in keys} for p in cards]


def _corpora() -> list[Path]:
    return [SEEDS, *stories()]


@pytest.mark.parametrize("corpus", _corpora(), ids=lambda p: p.name)
def test_the_page_is_valid_html5_and_its_figures_agree_with_the_json(
    corpus: Path, report: Callable[..., str], capsys: pytest.CaptureFixture[str]
) -> None:
    page = report(str(corpus))
    totals, sources = _expected(_json(capsys, str(corpus)))
    shown, cards = _shown(page)
    assert {k: shown[k] for k in totals} == totals
    assert cards == sources
    tree = parse(page)
    assert len(rows(tree)) == totals["facts"]
    assert len(tree.findall(".//thead/tr/th")) == totals["sources"] + 1  # one column each


def test_every_body_sentence_shows_once_and_furniture_never(seeds_page: str) -> None:
    tree = parse(seeds_page)
    shown = [
        span.get("id")
        for tr in rows(tree)
        for span in tr.iter("span")
        if (span.get("id") or "").startswith("d")
    ]
    assert len(shown) == len(set(shown))
    articles = load_paths([SEEDS]).articles
    expected = {f"d{d}s{s.index}" for d, a in enumerate(articles) for s in a.body_sentences}
    assert set(shown) == expected


def test_rows_follow_the_reading_order_of_the_article_chosen(report: Callable[..., str]) -> None:
    articles = load_paths([SEEDS]).articles
    for by in (0, 3):
        tree = parse(report(str(SEEDS), "--by", articles[by].label))
        order = [
            int((row_holding(tree, by, s.index) or "r0")[1:]) for s in articles[by].body_sentences
        ]
        first_met = list(dict.fromkeys(order))  # a group's later sentences sit in its row
        assert first_met == sorted(first_met), f"rows out of {articles[by].label}'s order"
        heads = [th for th in tree.iter("th") if "reading" in (th.get("class") or "")]
        assert len(heads) == 1 and heads[0].find("a").text == articles[by].label  # type: ignore[union-attr]


def test_an_unknown_reading_order_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(SEEDS), "--by", "Nobody"]) == 2
    err = capsys.readouterr().err.strip()
    assert "no such article" in err and "CBC News" in err and len(err.splitlines()) == 1


def test_a_link_and_an_unlink_in_the_notes_change_the_rows(
    tmp_path: Path, report: Callable[..., str]
) -> None:
    articles = load_paths([SEEDS]).articles
    alignment = align_corpus(articles)
    before = parse(report(str(SEEDS)))
    pair = next(p for p in alignment.pairs if alignment.group_of(p.a) is alignment.group_of(p.b))
    first, second = (
        (0, alignment.unique_sentences(0)[0]),
        (1, alignment.unique_sentences(1)[0]),
    )
    assert row_holding(before, *first) != row_holding(before, *second)
    assert row_holding(before, pair.a.doc, pair.a.sentence) == row_holding(
        before, pair.b.doc, pair.b.sentence
    )
    notes = tmp_path / "notes.yaml"
    store = NotesStore(notes)
    a, b = articles[first[0]], articles[second[0]]
    store.add(
        "link",
        [
            target_for_sentence(a, a.sentences[first[1]]),
            target_for_sentence(b, b.sentences[second[1]]),
        ],
        comment="Same fact, other words",
    )
    x, y = articles[pair.a.doc], articles[pair.b.doc]
    store.add(
        "unlink",
        [
            target_for_sentence(x, x.sentences[pair.a.sentence]),
            target_for_sentence(y, y.sentences[pair.b.sentence]),
        ],
    )
    after_page = report(str(SEEDS), "--notes", str(notes))
    after = parse(after_page)
    linked = row_holding(after, *first)
    assert linked is not None and linked == row_holding(after, *second)
    assert row_holding(after, pair.a.doc, pair.a.sentence) != row_holding(
        after, pair.b.doc, pair.b.sentence
    )
    row = next(tr for tr in rows(after) if tr.get("id") == linked)
    assert "annotated" in (row.get("class") or "")
    assert "Same fact, other words" in after_page
    assert figures(after)["annotations"] == 2


def test_many_sources_are_stacked_without_gap_cells(
    tmp_path: Path, report: Callable[..., str]
) -> None:
    for i in range(9):
        (tmp_path / f"{i}_paper{i}.txt").write_text(
            f"Police said four people died at the diner on Sunday.\n\nPaper {i} alone says "
            f"the weather on day {i} was mild.\n",
            encoding="utf-8",
        )
    page = report(str(tmp_path))
    tree = parse(page)
    assert not list(tree.iter("thead"))
    assert not [td for td in tree.iter("td") if "gap" in (td.get("class") or "")]
    css = next(tree.iter("style")).text or ""
    assert css.count("table.comparison thead { display: none; }") == 2  # phones, and any width
    first = row_holding(tree, 0, 0)
    assert first is not None and all(row_holding(tree, d, 0) == first for d in range(9))
