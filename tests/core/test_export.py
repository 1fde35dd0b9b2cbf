"""Exports: a pasteable Markdown report, CSV one row per target, W3C Web Annotation JSON-LD."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tui.core.anchoring import anchor_notes, noted_articles, target_for_sentence
from tui.core.corpus import make_article
from tui.core.export import (
    READER_VOCAB,
    export_csv,
    export_document,
    export_jsonld,
    export_markdown,
    source_iri,
)
from tui.core.notes import (
    Annotation,
    ArticleRef,
    DiscrepancyInfo,
    NotesDocument,
    Target,
    TextPosition,
    TextQuote,
)

CONTRACT_COLUMNS = [
    "annotation_id",
    "kind",
    "target",
    "source",
    "outlet",
    "article_id",
    "path",
    "sentence",
    "start",
    "end",
    "quote",
    "comment",
    "tags",
    "discrepancy_kind",
    "discrepancy_explanation",
    "created",
    "updated",
]
"""The CSV columns README documents, in order."""


def target(exact: str, article: str, label: str, outlet: str, sentence: int = 2) -> Target:
    return Target(
        ArticleRef(article, f"/news/{article}.txt", "f" * 64, label, outlet),
        TextQuote(exact, "pre ", " post"),
        TextPosition(10, 10 + len(exact)),
        sentence,
    )


REUTERS = target("The mayor said 12 people died.", "r", "Reuters wire", "Reuters")
AP = target("The mayor said 14 people died.", "ap", "AP", "Associated Press", 4)
BBC = target("Officials said *14* died [sic].", "bbc", "BBC", "BBC")

DOC = NotesDocument().with_annotations(
    [
        Annotation(
            "a-1",
            "contradiction",
            (REUTERS, AP),
            comment="Toll differs.\nAsk the ministry.",
            tags=("toll",),
            created="2026-01-01T10:00:00Z",
            updated="2026-01-01T11:00:00Z",
            discrepancy=DiscrepancyInfo("number", "12 vs 14 dead", "conflict"),
        ),
        Annotation("a-2", "agreement", (AP, BBC, REUTERS), created="2026-01-01T10:05:00Z"),
        Annotation(
            "a-3", "note", (BBC,), comment="Check the BBC figure.", created="2026-01-01T10:06:00Z"
        ),
    ]
)


def test_markdown_report_has_kinds_quotes_sources_and_comments() -> None:
    report = export_markdown(DOC, title="Flood notes")
    assert report.startswith(
        "# Flood notes\n\n3 annotations: 1 agreement, 1 contradiction, 1 note."
    )
    assert "## 1. Contradiction — #toll" in report
    assert "**Engine candidate confirmed** (number conflict): 12 vs 14 dead" in report
    assert "> The mayor said 12 people died.\n>\n> — Reuters wire (Reuters), sentence 3" in report
    assert "> — AP (Associated Press), sentence 5" in report
    assert "Toll differs.  \nAsk the ministry." in report  # a hard break: the lines stay two
    assert "## 2. Agreement" in report and "## 3. Note" in report
    assert report.index("## 1.") < report.index("## 2.") < report.index("## 3.")
    # Article text is data: Markdown characters in quotes are escaped.
    assert r"> Officials said \*14\* died \[sic\]." in report
    assert report.endswith("Check the BBC figure.\n")


def confirmed(comment: str) -> NotesDocument:
    """A contradiction confirmed from the engine's candidate with ``x`` (then maybe edited)."""
    info = DiscrepancyInfo("number", "12 vs 14 dead", "conflict")
    annotation = Annotation("a-1", "contradiction", (REUTERS, AP), comment, discrepancy=info)
    return NotesDocument().with_annotations([annotation])


def test_markdown_says_a_confirmed_candidate_explanation_once() -> None:
    """``x`` on a candidate copies its explanation into the comment: the report says it once."""
    report = export_markdown(confirmed("12 vs 14 dead"))
    assert report.count("12 vs 14 dead") == 1
    assert "**Engine candidate confirmed** (number conflict): 12 vs 14 dead" in report


def test_markdown_keeps_what_the_reader_added_to_the_explanation() -> None:
    report = export_markdown(confirmed("12 vs 14 dead\nAsk the ministry."))
    assert report.count("12 vs 14 dead") == 1
    assert report.endswith("> — AP (Associated Press), sentence 5\n\nAsk the ministry.\n")


def test_markdown_keeps_what_the_reader_added_on_the_explanation_line() -> None:
    """``e``, End, " Check transcripts.": the addition only, not the explanation again."""
    report = export_markdown(confirmed("12 vs 14 dead Check transcripts."))
    assert report.count("12 vs 14 dead") == 1
    assert report.endswith("sentence 5\n\nCheck transcripts.\n")
    report = export_markdown(confirmed("12 vs 14 dead. Check transcripts."))
    assert report.endswith("sentence 5\n\nCheck transcripts.\n")


def test_markdown_keeps_a_comment_whose_first_word_extends_the_explanation() -> None:
    report = export_markdown(confirmed("12 vs 14 deadly floods, says AP."))
    assert report.endswith("\n\n12 vs 14 deadly floods, says AP.\n")


def test_markdown_keeps_a_comment_that_differs_from_the_explanation() -> None:
    report = export_markdown(confirmed("Both cite the mayor."))
    assert "(number conflict): 12 vs 14 dead" in report
    assert report.endswith("\n\nBoth cite the mayor.\n")


def test_markdown_of_no_notes() -> None:
    assert export_markdown(NotesDocument()) == "# Notes\n\n0 annotations.\n"


def test_csv_has_one_row_per_target() -> None:
    rows = list(csv.DictReader(io.StringIO(export_csv(DOC))))
    assert [(r["annotation_id"], r["target"]) for r in rows] == [
        ("a-1", "1"),
        ("a-1", "2"),
        ("a-2", "1"),
        ("a-2", "2"),
        ("a-2", "3"),
        ("a-3", "1"),
    ]
    first = rows[0]
    assert first["kind"] == "contradiction"
    assert first["quote"] == "The mayor said 12 people died."
    assert (first["source"], first["outlet"]) == ("Reuters wire", "Reuters")
    assert first["comment"] == "Toll differs.\nAsk the ministry."
    assert (first["sentence"], first["start"], first["end"]) == ("3", "10", "40")
    assert (first["discrepancy_kind"], first["tags"]) == ("number", "toll")


def test_jsonld_follows_the_web_annotation_model() -> None:
    data = json.loads(export_jsonld(DOC))
    # the W3C context, and our prefix declared so "reader:" keys expand to IRIs
    assert data["@context"] == ["http://www.w3.org/ns/anno.jsonld", {"reader": READER_VOCAB}]
    assert data["type"] == "AnnotationCollection" and data["total"] == 3
    items = data["first"]["items"]
    contradiction, agreement, note = items
    assert contradiction["type"] == "Annotation"
    assert contradiction["id"] == "urn:x-reader:annotation:a-1"
    assert contradiction["motivation"] == ["assessing", "linking"]
    assert contradiction["created"] == "2026-01-01T10:00:00Z"
    assert contradiction["modified"] == "2026-01-01T11:00:00Z"
    purposes = {b["purpose"]: b["value"] for b in contradiction["body"]}
    assert purposes["assessing"] == "contradiction"
    assert purposes["commenting"] == "Toll differs.\nAsk the ministry."
    assert purposes["tagging"] == "toll"
    assert len(contradiction["target"]) == 2
    first = contradiction["target"][0]
    assert first["source"]["id"] == "file:///news/r.txt"
    selectors = {s["type"]: s for s in first["selector"]}
    assert selectors["TextQuoteSelector"] == {
        "type": "TextQuoteSelector",
        "exact": "The mayor said 12 people died.",
        "prefix": "pre ",
        "suffix": " post",
    }
    assert selectors["TextPositionSelector"]["start"] == 10
    assert len(agreement["target"]) == 3
    assert note["motivation"] == "commenting"
    assert note["body"] == {
        "type": "TextualBody",
        "purpose": "commenting",
        "value": "Check the BBC figure.",
        "format": "text/plain",
    }
    assert isinstance(note["target"], dict)


def jsonld_bodies(document: NotesDocument) -> list[dict[str, str]]:
    """The bodies of the only annotation, as a list (one body is given bare, as a dict)."""
    (item,) = json.loads(export_jsonld(document))["first"]["items"]
    body = item["body"]
    return body if isinstance(body, list) else [body]


def test_jsonld_says_a_confirmed_candidate_explanation_once() -> None:
    """As in the Markdown report: the ``describing`` body has it, no copy in ``commenting``."""
    bodies = jsonld_bodies(confirmed("12 vs 14 dead"))
    assert [b["purpose"] for b in bodies] == ["assessing", "describing"]
    assert [b["value"] for b in bodies] == ["contradiction", "number: 12 vs 14 dead"]
    assert all(b["type"] == "TextualBody" for b in bodies)


def test_jsonld_comments_only_what_the_reader_added_to_the_explanation() -> None:
    bodies = jsonld_bodies(confirmed("12 vs 14 dead\nAsk the ministry."))
    values = {b["purpose"]: b["value"] for b in bodies}
    assert values["commenting"] == "Ask the ministry."
    assert values["describing"] == "number: 12 vs 14 dead"
    assert sum("12 vs 14 dead" in b["value"] for b in bodies) == 1


def test_jsonld_comments_only_what_the_reader_added_on_the_explanation_line() -> None:
    bodies = jsonld_bodies(confirmed("12 vs 14 dead Check transcripts."))
    values = {b["purpose"]: b["value"] for b in bodies}
    assert values["commenting"] == "Check transcripts."
    assert sum("12 vs 14 dead" in b["value"] for b in bodies) == 1


def test_jsonld_keeps_a_comment_that_differs_from_the_explanation() -> None:
    values = {b["purpose"]: b["value"] for b in jsonld_bodies(confirmed("Both cite the mayor."))}
    assert values["commenting"] == "Both cite the mayor."


def test_csv_keeps_both_the_comment_and_the_explanation_columns() -> None:
    """CSV is structured data: each column says what it holds, even when they repeat."""
    row = next(csv.DictReader(io.StringIO(export_csv(confirmed("12 vs 14 dead")))))
    assert row["comment"] == row["discrepancy_explanation"] == "12 vs 14 dead"


def test_source_iris() -> None:
    assert source_iri("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert source_iri("/srv/news/a b.txt") == "file:///srv/news/a%20b.txt"
    assert source_iri("seeds/a b.txt") == "seeds/a%20b.txt"


def test_export_document_dispatches() -> None:
    assert export_document(DOC, "csv") == export_csv(DOC)
    assert export_document(DOC, "jsonld") == export_jsonld(DOC)


def test_markdown_keeps_the_comments_line_breaks_and_paragraphs() -> None:
    note = Annotation("n-1", "note", (BBC,), comment="First line\nsecond line\n\nNew paragraph")
    report = export_markdown(NotesDocument().with_annotations([note]))
    assert report.endswith("First line  \nsecond line\n\nNew paragraph\n")


STORY = (
    "The bridge closed on Monday. Twelve people were hurt in the collapse. "
    "Engineers had warned about cracks for years. The mayor promised an inquiry."
)
EDITED = (
    "The bridge closed on Monday. Twelve people were injured in the collapse. "
    "The mayor promised an inquiry."
)


def changed_story(tmp_path: Path) -> tuple[NotesDocument, Path]:
    """Notes on three sentences of a story whose file was then edited: one sentence reworded,
    one deleted, one untouched (moved up by the deletion)."""
    path = tmp_path / "cbn.txt"
    path.write_text(STORY, encoding="utf-8")
    article = make_article("cbn", str(path), STORY, label="CBN")
    notes = [
        Annotation(f"n-{i}", "note", (target_for_sentence(article, article.sentences[i]),), c)
        for i, c in [(1, "reworded"), (2, "deleted"), (3, "kept")]
    ]
    path.write_text(EDITED, encoding="utf-8")
    return NotesDocument().with_annotations(notes), path


def test_exports_flag_orphans_and_reworded_passages(tmp_path: Path) -> None:
    document, _ = changed_story(tmp_path)
    anchors = anchor_notes(document, noted_articles(document, tmp_path))
    report = export_markdown(document, anchors=anchors)
    orphan = report[report.index("## 2.") : report.index("## 3.")]
    assert "Engineers had warned" in orphan and "sentence 3 when noted" in orphan
    assert "⚠ **Orphan:** not found in the article as it is now." in orphan
    reworded = report[report.index("## 1.") : report.index("## 2.")]
    assert "≈ **Reworded**" in reworded and "sentence 2" in reworded
    kept = report[report.index("## 3.") :]
    assert "sentence 3" in kept and "Orphan" not in kept and "Reworded" not in kept
    assert "⚠ 1 passage could not be found" in report
    rows = list(csv.DictReader(io.StringIO(export_csv(document, anchors))))
    assert list(rows[0])[: len(CONTRACT_COLUMNS)] == CONTRACT_COLUMNS  # added, none renamed
    assert [(r["anchor"], r["sentence"], r["sentence_now"]) for r in rows] == [
        ("reworded", "2", "2"),
        ("orphan", "3", ""),
        ("moved", "4", "3"),
    ]
    items = json.loads(export_jsonld(document, anchors))["first"]["items"]
    assert [i["target"]["reader:anchor"] for i in items] == ["reworded", "orphan", "moved"]
    assert export_document(document, "csv", anchors) == export_csv(document, anchors)


def test_exports_without_articles_say_nothing_about_anchors(tmp_path: Path) -> None:
    document, path = changed_story(tmp_path)
    path.unlink()  # the article is gone: nothing to check against
    assert noted_articles(document, tmp_path) == []
    report = export_markdown(document)
    assert "Orphan" not in report and "sentence 3 when noted" not in report
    rows = list(csv.DictReader(io.StringIO(export_csv(document))))
    assert {r["anchor"] for r in rows} == {""}
    item = json.loads(export_jsonld(document))["first"]["items"][0]
    assert "reader:anchor" not in item["target"]


def with_dismissed() -> NotesDocument:
    """The sample notes plus a dismissed candidate between Reuters and an article no
    annotation points into (known by the id and label the record gives)."""
    from datetime import UTC, datetime

    from tui.core.notes import CandidateQuote, dismissed_candidate

    item = dismissed_candidate(
        "quote",
        CandidateQuote("r", "with Russia"),
        CandidateQuote("wt", "with the Russians", "Washington Times"),
        datetime(2026, 1, 2, tzinfo=UTC),
        'Quote of Raj Shah worded differently: "with Russia" vs "with the Russians"',
    )
    return DOC.with_dismissed([item])


def test_markdown_lists_dismissed_candidates_with_both_quotes_and_the_explanation() -> None:
    report = export_markdown(with_dismissed())
    assert "1 engine candidate dismissed (listed at the end)." in report
    tail = report[report.index("## Dismissed engine candidates") :]
    assert "- **quote**, dismissed 2026-01-02T00:00:00Z · c-" in tail
    assert 'Quote of Raj Shah worded differently: "with Russia" vs "with the Russians"' in tail
    assert "  - Reuters wire (Reuters): “with Russia”" in tail  # the label its notes give
    assert "  - Washington Times: “with the Russians”" in tail  # else the record's label
    assert report.index("## 3. Note") < report.index("## Dismissed")


def test_csv_gives_each_side_of_a_dismissed_candidate_a_row() -> None:
    rows = list(csv.DictReader(io.StringIO(export_csv(with_dismissed()))))
    dismissed = [row for row in rows if row["kind"] == "dismissed"]
    assert [(r["target"], r["article_id"], r["quote"]) for r in dismissed] == [
        ("1", "r", "with Russia"),
        ("2", "wt", "with the Russians"),
    ]
    first = dismissed[0]
    assert first["annotation_id"].startswith("c-") and first["source"] == "Reuters wire"
    assert (first["outlet"], first["path"]) == ("Reuters", "/news/r.txt")
    assert dismissed[1]["source"] == "Washington Times"
    assert first["discrepancy_kind"] == "quote"
    assert first["discrepancy_explanation"].startswith("Quote of Raj Shah worded differently")
    assert first["created"] == "2026-01-02T00:00:00Z"


def test_jsonld_assesses_a_dismissed_candidate_and_describes_why() -> None:
    collection = json.loads(export_jsonld(with_dismissed()))
    items = collection["first"]["items"]
    assert collection["total"] == len(items) == 4
    dismissed = items[-1]
    assert dismissed["id"].startswith("urn:x-reader:dismissed:c-")
    assert dismissed["motivation"] == "assessing"
    assessing, describing = dismissed["body"]
    assert assessing["value"] == "dismissed"
    assert describing["value"].startswith("quote: Quote of Raj Shah worded differently")
    sources = [(t["source"]["id"], t["source"]["title"]) for t in dismissed["target"]]
    assert sources == [("file:///news/r.txt", "Reuters wire (Reuters)"), ("wt", "Washington Times")]
    assert [t["selector"]["exact"] for t in dismissed["target"]] == [
        "with Russia",
        "with the Russians",
    ]


CORRECTIONS = NotesDocument().with_annotations(
    [
        Annotation("a-4", "link", (REUTERS, AP, BBC), created="2026-01-01T10:07:00Z"),
        Annotation("a-5", "unlink", (AP, BBC), created="2026-01-01T10:08:00Z"),
    ]
)
"""The reader's corrections of the alignment: a link of three passages, an unlink of two."""


def test_links_and_unlinks_are_in_every_export() -> None:
    report = export_markdown(CORRECTIONS)
    assert report.startswith("# Notes\n\n2 annotations: 1 link, 1 unlink.")
    assert "## 1. Link (one fact)" in report and "## 2. Unlink (not one fact)" in report
    link, unlink = report.split("## 2.")
    assert link.count("\n> — ") == 3 and unlink.count("\n> — ") == 2
    assert "> — BBC, sentence 3" in unlink
    rows = list(csv.DictReader(io.StringIO(export_csv(CORRECTIONS))))
    assert [(r["kind"], r["target"], r["source"]) for r in rows] == [
        ("link", "1", "Reuters wire"),
        ("link", "2", "AP"),
        ("link", "3", "BBC"),
        ("unlink", "1", "AP"),
        ("unlink", "2", "BBC"),
    ]
    link_item, unlink_item = json.loads(export_jsonld(CORRECTIONS))["first"]["items"]
    assert link_item["motivation"] == "linking"
    assert link_item["body"]["purpose"] == "linking" and link_item["body"]["value"] == "link"
    assert len(link_item["target"]) == 3
    assert unlink_item["motivation"] == "reader:unlinking"
    assert unlink_item["body"]["value"] == "unlink"
    assert [t["selector"][0]["exact"] for t in unlink_item["target"]] == [
        AP.quote.exact,
        BBC.quote.exact,
    ]
