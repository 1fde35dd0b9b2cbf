"""An alignment as data (the documented JSON/YAML schema) or as a readable Markdown report.

The JSON shape is a contract (README, "reader align"): documents with their sentences,
pairs, possible pairs, groups and discrepancies; ``doc`` is always the document ``id``, ``sentence``
its sentence ``index`` (from 0), ``number`` the same sentence counted from 1. Keys may be added,
never renamed.
"""

from __future__ import annotations

import json
from typing import Any

import yaml

from tui.core.align import ENGINE, Alignment, Pair, SentenceRef
from tui.core.candidates import Span
from tui.core.controls import strip_controls, strip_controls_in
from tui.core.model import Article, is_url
from tui.core.text import counted, excerpt

SCHEMA_VERSION = 1


def matched_share(alignment: Alignment, doc: int) -> tuple[int, int]:
    """(body sentences of article ``doc`` matched in another source, body sentences).

    The one measure of "matched" that the report, the JSON and the reading screen's pane
    headers show: whole body sentences, furniture left out of both counts. A sentence is
    matched when it has a partner (every grouped sentence has one).
    """
    body = alignment.articles[doc].body_sentences
    matched = sum(1 for s in body if alignment.partners(SentenceRef(doc, s.index)))
    return matched, len(body)


def matched_label(matched: int, body: int) -> str:
    """ "54% of 61 body sentences matched": the share said with what it is a share of."""
    share = matched / body if body else 0.0
    return f"{share:.0%} of {counted(body, 'body sentence')} matched"


def alignment_data(alignment: Alignment) -> dict[str, Any]:
    """The alignment as plain data: what ``--format json`` and ``--format yaml`` print."""
    ids = [article.id for article in alignment.articles]

    def ref(r: SentenceRef) -> dict[str, Any]:
        return {"doc": ids[r.doc], "sentence": r.sentence, "number": r.sentence + 1}

    def pair(p: Pair) -> dict[str, Any]:
        found = {"a": ref(p.a), "b": ref(p.b), "score": p.score}
        if p.origin != ENGINE:
            found["origin"] = p.origin
        return found

    def span(s: Span) -> dict[str, Any]:
        return {
            "doc": ids[s.doc],
            "sentence": s.sentence,
            "number": s.sentence + 1,
            "start": s.start,
            "end": s.end,
            "text": s.text,
        }

    shares = [matched_share(alignment, doc) for doc in range(len(alignment.articles))]
    return {
        "version": SCHEMA_VERSION,
        "threshold": alignment.threshold,
        "documents": [
            {
                "id": article.id,
                "path": article.path,
                "label": article.label,
                "outlet": article.meta.source,
                "title": article.meta.title,
                "published": article.meta.published,
                "url": article_url(article),
                "matched_share": round(shares[doc][0] / shares[doc][1], 3)
                if shares[doc][1]
                else 0.0,
                "matched_sentences": shares[doc][0],
                "body_sentences": shares[doc][1],
                "sentences": [
                    {
                        "index": s.index,
                        "number": s.index + 1,
                        "text": s.text,
                        "start": s.start,
                        "end": s.end,
                        "furniture": s.furniture,
                        "heading": s.heading,
                    }
                    for s in article.sentences
                ],
            }
            for doc, article in enumerate(alignment.articles)
        ],
        "pairs": [pair(p) for p in alignment.pairs],
        "possible_floor": alignment.possible_floor,
        "possible": [pair(p) for p in alignment.possible_pairs],
        "groups": [
            {"id": g.id, "members": [ref(m) for m in g.members], "sources": g.sources}
            for g in alignment.groups
        ],
        "discrepancies": [
            {
                "kind": d.kind,
                "status": d.status,
                "a": span(d.a),
                "b": span(d.b),
                "explanation": d.explanation,
            }
            for d in alignment.discrepancies
        ],
    }


def to_json(alignment: Alignment) -> str:
    """JSON text of ``alignment_data``, UTF-8 kept readable."""
    return json.dumps(_clean(alignment), ensure_ascii=False, indent=2) + "\n"


def to_yaml(alignment: Alignment) -> str:
    """YAML text with the same structure as the JSON."""
    return yaml.safe_dump(_clean(alignment), sort_keys=False, allow_unicode=True)


def _clean(alignment: Alignment) -> object:
    """The data without control characters (article text is cleaned when loaded; labels,
    ids and paths from file names may still hold them)."""
    return strip_controls_in(alignment_data(alignment))


def _cell(text: str, limit: int | None = 160) -> str:
    """A Markdown table cell or list line: one line, cut to ``limit`` (None: whole), pipes
    escaped."""
    flat = " ".join(text.split()) if limit is None else excerpt(text, limit)
    return flat.replace("|", "\\|")


def to_markdown(alignment: Alignment) -> str:
    """A readable report: the sources (outlet, title, date, URL), one row per group with its
    sentence numbers (counted from 1, as the app shows them), then the discrepancies."""
    articles = alignment.articles
    n = len(articles)
    lines = [
        "# Alignment report",
        "",
        f"{counted(n, 'source')}, {counted(len(alignment.groups), 'group')}, "
        f"{counted(len(alignment.pairs), 'matched pair')}, "
        f"{counted(len(alignment.discrepancies), 'discrepancy')} "
        f"(threshold {alignment.threshold:g}).",
        "",
        "| source | id | sentences (with page furniture) | matched in another source "
        "| outlet | title | date | URL or file |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for doc, article in enumerate(articles):
        meta = article.meta
        lines.append(
            f"| {_cell(article.label)} | {article.id} | {len(article.sentences)} | "
            f"{matched_label(*matched_share(alignment, doc))} | {_cell(meta.source)} | "
            f"{_cell(meta.title)} | {_cell(meta.published)} | "
            f"{_cell(article_url(article) or article.path, None)} |"
        )
    lines += ["", "## Groups", ""]
    lines.append(
        "Sentence numbers count from 1 in each article, as the app shows them; groups are "
        "numbered here from the most widely reported."
    )
    lines.append("")
    lines.append("| # | sources | " + " | ".join(_cell(a.label, 40) for a in articles) + " |")
    lines.append("| --- | --- |" + " --- |" * n)
    ordered = sorted(alignment.groups, key=lambda g: (-g.sources, g.id))
    for number, group in enumerate(ordered, start=1):
        cells = []
        for doc in range(n):
            texts = [
                f"({m.sentence + 1}) {articles[doc].sentences[m.sentence].text}"
                for m in group.members
                if m.doc == doc
            ]
            cells.append(_cell(" / ".join(texts)) if texts else "")
        lines.append(f"| {number} | {group.sources} of {n} | " + " | ".join(cells) + " |")
    lines += ["", "## Discrepancies", ""]
    if not alignment.discrepancies:
        lines.append("None proposed.")
    for d in alignment.discrepancies:
        lines.append(
            f"- **{d.kind} {d.status}**: {_cell(d.explanation, None)}  \n"
            f"  {articles[d.a.doc].label}, sentence {d.a.sentence + 1}: "
            f"“{_cell(d.a.text, 200)}” vs "
            f"{articles[d.b.doc].label}, sentence {d.b.sentence + 1}: “{_cell(d.b.text, 200)}”"
        )
    return strip_controls("\n".join(lines) + "\n")


def article_url(article: Article) -> str:
    """Where the article was published: its metadata's URL, or the URL it was fetched from."""
    if article.meta.url:
        return article.meta.url
    return article.path if is_url(article.path) else ""
