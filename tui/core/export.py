"""Exports of a notes document: a Markdown report, CSV, and W3C Web Annotation JSON-LD.

Exports work from the notes file alone (no articles needed): each target carries its quote, its
article's label, outlet, title, date, URL and path, which is what a reader of the report needs.
Given the notes placed in the articles as they are now (``anchors``), they also say which
passages were found again only in reworded text and which could not be found at all (orphans),
give the sentence number where the passage is now rather than where it was, and fill in the
title, date and URL that older notes files did not record.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any, Literal
from urllib.parse import quote as url_quote

from tui.core.anchoring import AnchoredTarget, NoteAnchors
from tui.core.controls import strip_controls
from tui.core.model import BUNDLED_SEEDS, Article
from tui.core.notes import (
    ANNOTATION_KINDS,
    Annotation,
    ArticleRef,
    CandidateQuote,
    DismissedCandidate,
    NotesDocument,
    Target,
)
from tui.core.text import counted

ExportFormat = Literal["markdown", "csv", "jsonld"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("markdown", "csv", "jsonld")

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
READER_VOCAB = "urn:x-reader:vocab:"
"""What the ``reader:`` prefix of our extension keys stands for."""
JSONLD_CONTEXT: list[Any] = [ANNO_CONTEXT, {"reader": READER_VOCAB}]
"""The W3C Web Annotation context, plus ``reader:`` declared so its keys expand to IRIs."""
ANNOTATION_IRI_PREFIX = "urn:x-reader:annotation:"
DISMISSED_IRI_PREFIX = "urn:x-reader:dismissed:"

_KIND_TITLES = {
    "agreement": "Agreement",
    "contradiction": "Contradiction",
    "note": "Note",
    "link": "Link (one fact)",
    "unlink": "Unlink (not one fact)",
}
_PLURALS = {
    "agreement": "agreements",
    "contradiction": "contradictions",
    "note": "notes",
    "link": "links",
    "unlink": "unlinks",
}


ANCHOR_WORDS = {
    "intact": "intact",
    "moved": "moved",
    "fuzzy": "reworded",
    "orphan": "orphan",
    "absent": "article-missing",
}
"""What the CSV ``anchor`` column and the JSON-LD ``reader:anchor`` key say about a passage."""


def _placed(
    anchors: NoteAnchors | None, annotation: Annotation, index: int
) -> AnchoredTarget | None:
    """Where target ``index`` of ``annotation`` is now (None when not checked)."""
    if anchors is None:
        return None
    for placed in anchors.of_annotation(annotation.id):
        if placed.index == index:
            return placed
    return None


def _sentence_now(target: Target, placed: AnchoredTarget | None) -> int | None:
    """The 0-based sentence the passage is in now, or as recorded when not re-found."""
    if placed is not None and placed.anchor.located and placed.anchor.sentence is not None:
        return placed.anchor.sentence
    return target.sentence


@dataclass(frozen=True)
class SourceInfo:
    """What an export says of a target's article: outlet, title, date, URL ("" if unknown)."""

    outlet: str
    title: str
    published: str
    url: str


def source_info(ref: ArticleRef | None, article: Article | None) -> SourceInfo:
    """An article as recorded in the notes (``ref``), completed from the article file as it is
    now (``article``, when found): notes written before these fields were recorded have none,
    and a dismissed candidate records only its articles' ids."""
    meta = article.meta if article is not None else None
    url = (ref.url if ref else "") or (meta.url if meta else "")
    path = ref.path if ref else (article.path if article else "")
    if not url and re.match(r"^https?://", path):
        url = path
    return SourceInfo(
        outlet=(ref.source if ref else "") or (meta.source if meta else ""),
        title=(ref.title if ref else "") or (meta.title if meta else ""),
        published=(ref.published if ref else "") or (meta.published if meta else ""),
        url=url,
    )


def _article_now(anchors: NoteAnchors | None, article_id: str | None) -> Article | None:
    """The open article of that id, as it is now (None when not open or not checked)."""
    if anchors is None or article_id is None:
        return None
    return anchors.articles.get(article_id)


def _target_info(
    target: Target, placed: AnchoredTarget | None, anchors: NoteAnchors | None
) -> SourceInfo:
    """What an export says of a target's article (see :func:`source_info`)."""
    return source_info(target.article, _article_now(anchors, placed.article_id if placed else None))


def _quote_info(
    quote: CandidateQuote, known: dict[str, Target], anchors: NoteAnchors | None
) -> SourceInfo:
    """What an export says of the article one side of a dismissed candidate quotes."""
    target = known.get(quote.article)
    return source_info(target.article if target else None, _article_now(anchors, quote.article))


def _source_name(target: Target) -> str:
    """ "Label (Outlet)" or whichever of the two is known, else the article id."""
    label, outlet = target.article.label, target.article.source
    if label and outlet and outlet != label:
        return f"{label} ({outlet})"
    return label or outlet or target.article.id


def _articles_noted(document: NotesDocument) -> dict[str, Target]:
    """A target of each article the annotations point into, by article id: what an export
    knows of the articles a dismissed candidate quotes (it records their ids only)."""
    known: dict[str, Target] = {}
    for annotation in document.annotations:
        for target in annotation.targets:
            known.setdefault(target.article.id, target)
    return known


def _dismissed_source(quote: CandidateQuote, known: dict[str, Target]) -> tuple[str, str]:
    """Source name and path of one side of a dismissed candidate, as far as known."""
    target = known.get(quote.article)
    if target is None:
        return quote.label or quote.article, ""
    return _source_name(target), target.article.path


# -- Markdown ---------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_MD_BLOCK_START = re.compile(r"^[#+\-=~]", re.MULTILINE)
"""What begins a heading, list item, thematic break, setext underline or code fence when it
opens a line ("+1+2" or "- 3" as a comment's first line, "===" under one); ``*``, ``_``,
``>``, ``<``, ``|``, ``[`` and backticks are escaped everywhere."""
_MD_NUMBER_MARK = re.compile(r"^(\d{1,9})([.)])", re.MULTILINE)
"""An ordered list item: "1." or "1)" opening a line."""
_MD_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)


def _md_escape(text: str) -> str:
    """Article text and comments are data: escape what Markdown would turn into formatting,
    links or block structure (lists, headings, quotes, code blocks), so the report shows
    exactly what was written."""
    # A line's indentation becomes no-break spaces: four spaces would open a code block.
    text = _MD_INDENT.sub(lambda m: m.group().replace("\t", "    ").replace(" ", "\u00a0"), text)
    escaped = _MD_SPECIAL.sub(r"\\\1", text)
    escaped = _MD_NUMBER_MARK.sub(r"\1\\\2", escaped)
    return _MD_BLOCK_START.sub(r"\\\g<0>", escaped)


def _md_quote(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in _md_escape(text).splitlines())


def export_markdown(
    document: NotesDocument, title: str = "Notes", anchors: NoteAnchors | None = None
) -> str:
    """A report a journalist can paste: each annotation, its passages and sources, the comment.

    With ``anchors``, reworded and orphaned passages are flagged under their quote.
    """
    annotations = document.annotations
    counts = {k: sum(1 for a in annotations if a.kind == k) for k in ANNOTATION_KINDS}
    summary = ", ".join(f"{n} {_PLURALS[k] if n != 1 else k}" for k, n in counts.items() if n)
    lines = [f"# {title}", ""]
    lines.append(
        f"{counted(len(annotations), 'annotation')}" + (f": {summary}." if summary else ".")
    )
    if document.dismissed:
        n = len(document.dismissed)
        lines.append(f"{counted(n, 'engine candidate')} dismissed (listed at the end).")
    if anchors is not None:
        orphans = len(anchors.orphans())
        reworded = sum(1 for t in anchors.targets if t.anchor.status == "fuzzy")
        if orphans:
            lines.append(
                f"⚠ {counted(orphans, 'passage')} could not be found in the changed articles "
                "(orphans): the quotes below are as noted."
            )
        if reworded:
            lines.append(f"≈ {counted(reworded, 'passage')} reworded in the article since noted.")
    lines += _md_sources(document, anchors)
    for number, annotation in enumerate(annotations, start=1):
        lines += ["", *_md_annotation(number, annotation, anchors)]
    if document.dismissed:
        lines += ["", *_md_dismissed(document)]
    return strip_controls("\n".join(lines).rstrip() + "\n")


def _md_sources(document: NotesDocument, anchors: NoteAnchors | None) -> list[str]:
    """Every article noted, once, in order of first mention (then those only a dismissed
    candidate quotes): outlet, title, date, URL or file."""
    seen: dict[str, str] = {}
    for annotation in document.annotations:
        for index, target in enumerate(annotation.targets):
            if target.article.id not in seen:
                info = _target_info(target, _placed(anchors, annotation, index), anchors)
                where = info.url or target.article.path
                seen[target.article.id] = _md_source(_source_name(target), info, where)
    for item in document.dismissed:
        for quote in (item.a, item.b):
            if quote.article not in seen:
                info = _quote_info(quote, {}, anchors)
                article = _article_now(anchors, quote.article)
                where = info.url or (article.path if article else "")
                seen[quote.article] = _md_source(quote.label or quote.article, info, where)
    return ["", "## Sources", "", *seen.values()] if seen else []


def _md_source(name: str, info: SourceInfo, where: str) -> str:
    """ "- **Label (Outlet)**, “Title”, date — URL or file": one line of the sources."""
    parts = [f"**{_md_escape(name)}**"]
    if info.title:
        parts.append(f"“{_md_escape(info.title)}”")
    if info.published:
        parts.append(_md_escape(info.published))
    line = "- " + ", ".join(parts)
    return line + (f" — {_md_escape(where)}" if where else "")


def _md_dismissed(document: NotesDocument) -> list[str]:
    """The engine candidates set aside, each with both quotes, their sources and the
    engine's explanation, so a reviewer can check what was dismissed."""
    known = _articles_noted(document)
    lines = ["## Dismissed engine candidates"]
    for item in sorted(document.dismissed, key=lambda d: (d.dismissed, d.fingerprint)):
        when = f", dismissed {item.dismissed}" if item.dismissed else ""
        lines += ["", f"- **{_md_escape(item.kind or 'candidate')}**{when} · {item.fingerprint}"]
        if item.explanation:
            lines.append(f"  {_md_escape(item.explanation)}")
        for quote in (item.a, item.b):
            source = _md_escape(_dismissed_source(quote, known)[0])
            lines.append(f"  - {source}: “{_md_escape(quote.exact)}”")
    return lines


def _md_annotation(
    number: int, annotation: Annotation, anchors: NoteAnchors | None = None
) -> list[str]:
    heading = f"## {number}. {_KIND_TITLES[annotation.kind]}"
    if annotation.tags:
        heading += " — " + ", ".join(f"#{_md_escape(t)}" for t in annotation.tags)
    lines = [heading, ""]
    meta = f"*{annotation.created or 'undated'}"
    if annotation.updated and annotation.updated != annotation.created:
        meta += f", edited {annotation.updated}"
    lines.append(meta + f" · {annotation.id}*")
    if annotation.conflict_of:
        lines.append(f"*Kept from a conflicting edit of {annotation.conflict_of}.*")
    if annotation.discrepancy is not None:
        info = annotation.discrepancy
        what = f"{info.kind} {info.status}" if info.status else info.kind
        text = f"**Engine candidate confirmed** ({_md_escape(what)})"
        if info.explanation:
            text += f": {_md_escape(info.explanation)}"
        lines += ["", text]
    for index, target in enumerate(annotation.targets):
        placed = _placed(anchors, annotation, index)
        status = placed.anchor.status if placed is not None else None
        where = _source_name(target)
        sentence = _sentence_now(target, placed)
        if sentence is not None:
            when = " when noted" if status == "orphan" else ""
            where += f", sentence {sentence + 1}{when}"
        lines += ["", _md_quote(target.quote.exact), f">\n> — {_md_escape(where)}"]
        if status == "orphan":
            lines.append(">\n> ⚠ **Orphan:** not found in the article as it is now.")
        elif status == "fuzzy":
            lines.append(">\n> ≈ **Reworded** in the article since this was noted.")
    comment = _comment_beyond_explanation(annotation)
    if comment:
        lines += ["", _md_lines(_md_escape(comment))]
    return lines


def _md_lines(text: str) -> str:
    """The user's own line breaks kept when rendered (a single newline would join the lines).

    Each line ends in a Markdown hard break (two spaces); blank lines still part paragraphs.
    """
    lines = text.splitlines()
    return "\n".join(
        line + "  " if line.strip() and i + 1 < len(lines) and lines[i + 1].strip() else line
        for i, line in enumerate(lines)
    )


def _comment_beyond_explanation(annotation: Annotation) -> str:
    """The comment without the candidate's explanation, which the export already gives.

    Confirming a candidate (``x``) copies its explanation into the comment; the reader may then
    add to it, on the same line or below. Only what they added is news; a comment they
    rewrote is kept whole, and so is one whose first word merely begins with the explanation.
    The Markdown report and the JSON-LD ``commenting`` body use this; the CSV keeps the comment
    as written, since its ``comment`` and ``discrepancy_explanation`` columns are separate data.
    """
    comment = annotation.comment
    info = annotation.discrepancy
    explanation = info.explanation.strip() if info is not None else ""
    if not explanation or not comment.strip().startswith(explanation):
        return comment
    rest = comment.strip()[len(explanation) :]
    if rest and (rest[0].isalnum() or rest[0] == "_"):
        return comment  # "12 vs 14 deadly…": the explanation's words begin one of the reader's
    return rest.lstrip(" \t\n.,;:-–—").strip()


# -- CSV --------------------------------------------------------------------------------------

CSV_COLUMNS = (
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
    "anchor",
    "sentence_now",
    "title",
    "published",
    "url",
)
"""Columns are a contract (README): new ones are added at the end, none renamed."""


def export_csv(document: NotesDocument, anchors: NoteAnchors | None = None) -> str:
    """One row per target (an agreement of three passages gives three rows, same id), then
    two rows per dismissed engine candidate (kind ``dismissed``, one per side).

    ``anchor`` (see :data:`ANCHOR_WORDS`) and ``sentence_now`` are empty unless ``anchors``
    says where each passage is now.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for annotation in document.annotations:
        info = annotation.discrepancy
        for index, target in enumerate(annotation.targets, start=1):
            placed = _placed(anchors, annotation, index - 1)
            sentence_now = (
                _sentence_now(target, placed) if placed and placed.anchor.located else None
            )
            about = _target_info(target, placed, anchors)
            writer.writerow(
                _csv_cell(value)
                for value in [
                    annotation.id,
                    annotation.kind,
                    index,
                    target.article.label,
                    about.outlet,
                    target.article.id,
                    target.article.path,
                    "" if target.sentence is None else target.sentence + 1,
                    target.position.start,
                    target.position.end,
                    target.quote.exact,
                    annotation.comment,
                    "; ".join(annotation.tags),
                    info.kind if info else "",
                    info.explanation if info else "",
                    annotation.created,
                    annotation.updated,
                    ANCHOR_WORDS[placed.anchor.status] if placed is not None else "",
                    "" if sentence_now is None else sentence_now + 1,
                    about.title,
                    about.published,
                    about.url,
                ]
            )
    known = _articles_noted(document)
    for item in document.dismissed:
        rows = _csv_dismissed(item, known, anchors)
        writer.writerows([_csv_cell(value) for value in row] for row in rows)
    return buffer.getvalue()


def _csv_dismissed(
    item: DismissedCandidate, known: dict[str, Target], anchors: NoteAnchors | None = None
) -> list[list[object]]:
    """Two rows of kind ``dismissed`` (one per side; the fingerprint as the id): the quote,
    its article (outlet, title, date and URL as far as known), the candidate's kind and
    explanation, and when it was dismissed."""
    rows: list[list[object]] = []
    for index, quote in enumerate((item.a, item.b), start=1):
        article = known[quote.article].article if quote.article in known else None
        about = _quote_info(quote, known, anchors)
        now = _article_now(anchors, quote.article)
        rows.append(
            [
                item.fingerprint,
                "dismissed",
                index,
                article.label if article else quote.label,
                about.outlet,
                quote.article,
                article.path if article else (now.path if now else ""),
                "",
                "",
                "",
                quote.exact,
                "",
                "",
                item.kind,
                item.explanation,
                item.dismissed,
                "",
                "",
                "",
                about.title,
                about.published,
                about.url,
            ]
        )
    return rows


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection")."""


def _csv_cell(value: object) -> object:
    """A cell as written: numbers as they are; text without control characters (line breaks
    and tabs stay, quoted by the CSV writer), and with a leading ``'`` when it would start
    with a formula character, so a spreadsheet shows it as text (``=HYPERLINK(...)`` in a
    shared notes file runs nothing)."""
    if not isinstance(value, str):
        return value
    text = strip_controls(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


# -- W3C Web Annotation JSON-LD ---------------------------------------------------------------


def source_iri(path: str) -> str:
    """An IRI for where an article was read: URLs as they are, absolute paths as file: URIs."""
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", path) or path.startswith(BUNDLED_SEEDS):
        return path
    if path.startswith("/"):
        return PurePosixPath(path).as_uri()
    if re.match(r"^[A-Za-z]:[\\/]", path):
        return PureWindowsPath(path).as_uri()
    return url_quote(path.replace("\\", "/"))


CORRECTION_MOTIVATIONS = {"link": "linking", "unlink": "reader:unlinking"}
"""The motivations of the reader's corrections of the alignment: a link says its passages
report one fact (the W3C ``linking``); an unlink that two do not, which no W3C motivation
says (an extension term, as ``reader:anchor``)."""


def _motivations(annotation: Annotation) -> str | list[str]:
    if annotation.kind in CORRECTION_MOTIVATIONS:
        return CORRECTION_MOTIVATIONS[annotation.kind]
    if annotation.kind == "note":
        return "commenting" if len(annotation.targets) < 2 else ["commenting", "linking"]
    return ["assessing", "linking"] if len(annotation.targets) > 1 else "assessing"


def _t(text: str) -> str:
    """A string from the notes file as JSON-LD gives it: without control characters."""
    return strip_controls(text)


def _jsonld_annotation(
    annotation: Annotation, anchors: NoteAnchors | None = None
) -> dict[str, Any]:
    bodies: list[dict[str, Any]] = []
    if annotation.kind != "note":
        assessment: dict[str, Any] = {
            "type": "TextualBody",
            "purpose": CORRECTION_MOTIVATIONS.get(annotation.kind, "assessing"),
            "value": _t(annotation.kind),
            "format": "text/plain",
        }
        bodies.append(assessment)
    comment = _comment_beyond_explanation(annotation)  # the describing body has the rest
    if comment:
        bodies.append(
            {
                "type": "TextualBody",
                "purpose": "commenting",
                "value": _t(comment),
                "format": "text/plain",
            }
        )
    if annotation.discrepancy is not None:
        info = annotation.discrepancy
        bodies.append(
            {
                "type": "TextualBody",
                "purpose": "describing",
                "value": _t(f"{info.kind}: {info.explanation}" if info.explanation else info.kind),
                "format": "text/plain",
            }
        )
    bodies += [
        {"type": "TextualBody", "purpose": "tagging", "value": _t(t)} for t in annotation.tags
    ]
    item: dict[str, Any] = {
        "@context": JSONLD_CONTEXT,
        "id": ANNOTATION_IRI_PREFIX + _t(annotation.id),
        "type": "Annotation",
        "motivation": _motivations(annotation),
    }
    if annotation.created:
        item["created"] = _t(annotation.created)
    if annotation.updated:
        item["modified"] = _t(annotation.updated)
    if bodies:
        item["body"] = bodies[0] if len(bodies) == 1 else bodies
    targets = [
        _jsonld_target(t, _placed(anchors, annotation, i), anchors)
        for i, t in enumerate(annotation.targets)
    ]
    item["target"] = targets[0] if len(targets) == 1 else targets
    return item


def _jsonld_target(
    target: Target, placed: AnchoredTarget | None = None, anchors: NoteAnchors | None = None
) -> dict[str, Any]:
    selectors: list[dict[str, Any]] = [
        {
            "type": "TextQuoteSelector",
            "exact": _t(target.quote.exact),
            "prefix": _t(target.quote.prefix),
            "suffix": _t(target.quote.suffix),
        },
        {
            "type": "TextPositionSelector",
            "start": target.position.start,
            "end": target.position.end,
        },
    ]
    info = _target_info(target, placed, anchors)
    resource: dict[str, Any] = {
        "type": "SpecificResource",
        "source": _jsonld_source(
            _source_name(target), info, target.article.path, target.article.id
        ),
        "selector": selectors,
    }
    if placed is not None:  # an extension key: W3C consumers ignore it
        resource["reader:anchor"] = ANCHOR_WORDS[placed.anchor.status]
    return resource


def _jsonld_source(name: str, info: SourceInfo, path: str, article_id: str) -> dict[str, Any]:
    """A target's ``source``: its ``id`` is where the article was published when known, else
    the file it was read from (else its id); ``reader:`` keys say the rest that is known."""
    source: dict[str, Any] = {
        "id": _t(info.url or (source_iri(path) if path else article_id)),
        "type": "Text",
        "format": "text/plain",
    }
    if name:
        source["title"] = _t(name)
    extension = {
        "reader:outlet": info.outlet,
        "reader:title": info.title,
        "reader:published": info.published,
        "reader:path": path if info.url and path != info.url else "",
    }
    return source | {key: _t(value) for key, value in extension.items() if value}


def _jsonld_dismissed(
    item: DismissedCandidate, known: dict[str, Target], anchors: NoteAnchors | None = None
) -> dict[str, Any]:
    """A dismissed engine candidate as an ``assessing`` annotation: its value ``dismissed``,
    the engine's explanation as the ``describing`` body, each quote a target."""
    bodies: list[dict[str, Any]] = [
        {"type": "TextualBody", "purpose": "assessing", "value": "dismissed"},
    ]
    if item.explanation or item.kind:
        value = f"{item.kind}: {item.explanation}" if item.explanation else item.kind
        bodies.append(
            {
                "type": "TextualBody",
                "purpose": "describing",
                "value": _t(value),
                "format": "text/plain",
            }
        )
    targets = []
    for quote in (item.a, item.b):
        name, path = _dismissed_source(quote, known)
        now = _article_now(anchors, quote.article)
        info = _quote_info(quote, known, anchors)
        source = _jsonld_source(name, info, path or (now.path if now else ""), quote.article)
        targets.append(
            {
                "type": "SpecificResource",
                "source": source,
                "selector": {"type": "TextQuoteSelector", "exact": _t(quote.exact)},
            }
        )
    data: dict[str, Any] = {
        "@context": JSONLD_CONTEXT,
        "id": DISMISSED_IRI_PREFIX + item.fingerprint,
        "type": "Annotation",
        "motivation": "assessing",
    }
    if item.dismissed:
        data["created"] = item.dismissed
    data["body"] = bodies
    data["target"] = targets
    return data


def export_jsonld(document: NotesDocument, anchors: NoteAnchors | None = None) -> str:
    """A W3C Web Annotation collection, one page holding every annotation, then every
    dismissed engine candidate (``assessing``, value ``dismissed``).

    With ``anchors``, each target says whether its passage is still there (``reader:anchor``).
    """
    collection = {
        "@context": JSONLD_CONTEXT,
        "type": "AnnotationCollection",
        "total": len(document.annotations) + len(document.dismissed),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": []},
    }
    frame = json.dumps(collection, ensure_ascii=False, indent=2)
    if not document.annotations and not document.dismissed:
        return frame + "\n"
    known = _articles_noted(document) if document.dismissed else {}
    data = itertools.chain(
        (_jsonld_annotation(a, anchors) for a in document.annotations),
        (_jsonld_dismissed(item, known, anchors) for item in document.dismissed),
    )
    # One annotation at a time, indented as one json.dumps of the whole would: the same text,
    # without the whole collection held as data at once (10,000 annotations: 290 MB less).
    items = ",\n".join(
        textwrap.indent(json.dumps(item, ensure_ascii=False, indent=2), " " * _JSONLD_ITEM_INDENT)
        for item in data
    )
    head, tail = frame.split('"items": []', 1)
    closing = " " * (_JSONLD_ITEM_INDENT - 2)
    return f'{head}"items": [\n{items}\n{closing}]{tail}\n'


_JSONLD_ITEM_INDENT = 6
"""Spaces before an annotation in the collection (under ``first`` and ``items``, 2 each)."""


EXPORTERS: dict[ExportFormat, Callable[[NotesDocument], str]] = {
    "markdown": export_markdown,
    "csv": export_csv,
    "jsonld": export_jsonld,
}


def export_document(
    document: NotesDocument, fmt: ExportFormat, anchors: NoteAnchors | None = None
) -> str:
    """Export in one of :data:`EXPORT_FORMATS` (``anchors``: see the module docstring)."""
    if fmt == "markdown":
        return export_markdown(document, anchors=anchors)
    if fmt == "csv":
        return export_csv(document, anchors)
    return export_jsonld(document, anchors)
