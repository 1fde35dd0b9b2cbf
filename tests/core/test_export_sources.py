"""Exports say which article each passage is from: outlet, title, date and URL when known,
recorded in the notes when annotated or read from the article file as it is now."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tui.core.anchoring import anchor_notes, noted_articles, target_for_sentence
from tui.core.corpus import load_paths
from tui.core.export import READER_VOCAB, export_csv, export_jsonld, export_markdown
from tui.core.model import Article
from tui.core.notes import (
    Annotation,
    CandidateQuote,
    NotesDocument,
    dismissed_candidate,
    dump_document,
    parse_document,
)

FRONT = (
    "---\ntitle: Bridge falls in the night\nsource: Wire Service\npublished: 2024-05-01\n"
    "url: https://wire.example/bridge\n---\nThe bridge fell at night. Twelve were hurt.\n"
)


@pytest.fixture
def wire(tmp_path: Path) -> Path:
    path = tmp_path / "wire.md"
    path.write_text(FRONT, encoding="utf-8")
    return path


def noted(wire: Path) -> NotesDocument:
    (article,) = load_paths([wire]).articles
    target = target_for_sentence(article, article.sentences[1])
    note = Annotation("a-1", "note", (target,), comment="check", created="2026-01-01T00:00:00Z")
    return NotesDocument().with_annotations([note])


def test_the_notes_file_records_the_articles_metadata_and_the_sentence_number(
    wire: Path,
) -> None:
    text = dump_document(noted(wire))
    assert "title: Bridge falls in the night" in text
    assert "published: '2024-05-01'" in text or "published: 2024-05-01" in text
    assert "url: https://wire.example/bridge" in text
    assert "sentence: 1\n" in text and "sentence_number: 2\n" in text
    again = parse_document(text)
    assert again == noted(wire)  # the number is derived, not kept as an unknown key
    assert again.annotations[0].targets[0].article.url == "https://wire.example/bridge"


@pytest.mark.parametrize("recorded", [True, False])
def test_every_export_carries_outlet_title_date_and_url(wire: Path, recorded: bool) -> None:
    """Recorded in the notes, or (notes written before they were) read from the file now."""
    document = noted(wire)
    if not recorded:  # as notes written before these fields were recorded
        (note,) = document.annotations
        (target,) = note.targets
        bare = replace(target.article, title="", published="", url="")
        document = document.with_annotations(
            [replace(note, targets=(replace(target, article=bare),))]
        )
        assert "title:" not in dump_document(document)
    anchors = anchor_notes(document, noted_articles(document, wire.parent))

    (row,) = csv.DictReader(io.StringIO(export_csv(document, anchors)))
    assert (row["outlet"], row["title"], row["published"], row["url"]) == (
        "Wire Service",
        "Bridge falls in the night",
        "2024-05-01",
        "https://wire.example/bridge",
    )

    report = export_markdown(document, anchors=anchors)
    sources = report.split("## Sources")[1].strip().splitlines()[0]
    assert sources == (
        "- **Wire Service**, “Bridge falls in the night”, 2024-05-01 — https://wire.example/bridge"
    )

    (item,) = json.loads(export_jsonld(document, anchors))["first"]["items"]
    source = item["target"]["source"]
    assert source["id"] == "https://wire.example/bridge"  # the URL, not the file
    assert source["reader:outlet"] == "Wire Service"
    assert source["reader:title"] == "Bridge falls in the night"
    assert source["reader:published"] == "2024-05-01"
    assert source["reader:path"] == str(wire)


def test_an_article_without_metadata_is_named_by_its_file(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("The bridge fell. Twelve were hurt.\n", encoding="utf-8")
    (article,) = load_paths([path]).articles
    target = target_for_sentence(article, article.sentences[0])
    document = NotesDocument().with_annotations([Annotation("a-1", "note", (target,))])
    (item,) = json.loads(export_jsonld(document))["first"]["items"]
    assert item["target"]["source"]["id"] == path.as_uri()
    assert "reader:title" in item["target"]["source"]  # the first line stands for a title
    assert "reader:outlet" not in item["target"]["source"]
    (row,) = csv.DictReader(io.StringIO(export_csv(document)))
    assert (row["published"], row["url"]) == ("", "")


OTHER = (
    "---\ntitle: Span gives way\nsource: Daily Post\npublished: 2024-05-02\n"
    "url: https://post.example/span\n---\nThe span gave way. Fifteen were hurt.\n"
)


def with_a_dismissed_candidate(wire: Path) -> tuple[NotesDocument, list[Article]]:
    """The note on the wire story, and a dismissed candidate between it and an article no
    annotation points into (the notes record only its id and label)."""
    other = wire.parent / "post.md"
    other.write_text(OTHER, encoding="utf-8")
    articles = list(load_paths([wire, other]).articles)
    first, second = articles
    item = dismissed_candidate(
        "number",
        CandidateQuote(first.id, "Twelve"),
        CandidateQuote(second.id, "Fifteen", second.label),
        datetime(2026, 1, 2, tzinfo=UTC),
        "12 vs 15 hurt",
    )
    return noted(wire).with_dismissed([item]), articles


def test_dismissed_candidates_carry_outlet_title_date_and_url(wire: Path) -> None:
    """Each side as far as known: from the notes of that article, else the open article."""
    document, articles = with_a_dismissed_candidate(wire)
    anchors = anchor_notes(document, articles)
    rows = csv.DictReader(io.StringIO(export_csv(document, anchors)))
    dismissed = [row for row in rows if row["kind"] == "dismissed"]
    assert [(r["outlet"], r["title"], r["published"], r["url"]) for r in dismissed] == [
        ("Wire Service", "Bridge falls in the night", "2024-05-01", "https://wire.example/bridge"),
        ("Daily Post", "Span gives way", "2024-05-02", "https://post.example/span"),
    ]

    item = json.loads(export_jsonld(document, anchors))["first"]["items"][-1]
    assert item["id"].startswith("urn:x-reader:dismissed:")
    assert item["@context"] == ["http://www.w3.org/ns/anno.jsonld", {"reader": READER_VOCAB}]
    sources = [target["source"] for target in item["target"]]
    assert [s["id"] for s in sources] == [
        "https://wire.example/bridge",
        "https://post.example/span",
    ]
    assert [s["reader:outlet"] for s in sources] == ["Wire Service", "Daily Post"]
    assert sources[1]["reader:title"] == "Span gives way"

    report = export_markdown(document, anchors=anchors)
    listed = report.split("## Sources")[1].split("## 1.")[0].strip().splitlines()
    assert listed == [
        "- **Wire Service**, “Bridge falls in the night”, 2024-05-01 — https://wire.example/bridge",
        "- **Daily Post**, “Span gives way”, 2024-05-02 — https://post.example/span",
    ]
    assert "## Dismissed engine candidates" in report  # still listed at the end


def test_without_the_articles_a_dismissed_side_gives_what_the_notes_know(wire: Path) -> None:
    document, _ = with_a_dismissed_candidate(wire)
    rows = csv.DictReader(io.StringIO(export_csv(document)))
    first, second = [row for row in rows if row["kind"] == "dismissed"]
    assert (first["title"], first["url"]) == (
        "Bridge falls in the night",
        "https://wire.example/bridge",
    )
    assert (second["source"], second["outlet"], second["title"], second["url"]) == (
        "Daily Post",
        "",
        "",
        "",
    )
    listed = export_markdown(document).split("## Sources")[1].split("## 1.")[0].splitlines()
    assert "- **Daily Post**" in listed  # its label: nothing else is known of it


def test_a_link_names_its_articles_by_url(wire: Path) -> None:
    """The reader's links (and unlinks) are annotations like the others: their targets' sources
    are the articles' URLs, with outlet, title and date."""
    document, articles = with_a_dismissed_candidate(wire)
    first, second = articles
    targets = (
        target_for_sentence(first, first.sentences[0]),
        target_for_sentence(second, second.sentences[0]),
    )
    document = document.with_annotations([Annotation("a-2", "link", targets)])
    (item, _) = json.loads(export_jsonld(document))["first"]["items"]
    assert item["motivation"] == "linking"
    assert [t["source"]["id"] for t in item["target"]] == [
        "https://wire.example/bridge",
        "https://post.example/span",
    ]
    assert [t["source"]["reader:published"] for t in item["target"]] == [
        "2024-05-01",
        "2024-05-02",
    ]
