"""The annotation model and its YAML schema: what a reader's judgement looks like on disk.

The notes file is meant to be read, diffed and merged by people, so output is stable (same notes,
same bytes: annotations ordered by creation time then id, keys in a fixed order), multi-line
comments are block scalars, and keys this version does not know are carried through untouched.
A ``schema_version`` at the top lets later versions upgrade older files step by step.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any, Literal, cast, get_args

from tui.core.clock import Clock as Clock  # the notes' times; sessions share them
from tui.core.clock import format_time as format_time
from tui.core.clock import utc_now as utc_now
from tui.core.storage import StorageError, collector_paused, dump_yaml, line_of, parse_yaml

SCHEMA_VERSION = 1
MAX_NOTES_BYTES = 50_000_000
"""Largest notes file read: 10,000 annotations take about 13 MB and load in 1-2 s."""
"""The version this code writes; files with a lower version are upgraded on load."""

AnnotationKind = Literal["agreement", "contradiction", "note", "link", "unlink"]
ANNOTATION_KINDS: tuple[str, ...] = get_args(AnnotationKind)

IdFactory = Callable[[], str]

SchemaPath = tuple[str | int, ...]


class SchemaError(StorageError):
    """A notes document that parses as YAML but does not match the schema."""

    def __init__(self, message: str, path: SchemaPath = (), line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.detail = message
        super().__init__(message)

    def located(self, source: str, text: str) -> SchemaError:
        """The same error with the file name and the line of the offending node."""
        line = line_of(text, self.path)
        where = _format_path(self.path)
        prefix = f"{source}, line {line}" if line else source
        message = f"{prefix}: {where + ': ' if where else ''}{self.detail}"
        err = SchemaError(message, self.path, line)
        err.detail = self.detail
        return err


def _format_path(path: SchemaPath) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else step)
    return out


def new_annotation_id() -> str:
    """A short random id (``a-`` + 10 hex digits).

    Random rather than a counter so two people (or two ``reader`` processes) adding notes to
    the same file at once never hand out the same id, and a deleted id is never reused.
    """
    return f"a-{secrets.token_hex(5)}"


# ---------------------------------------------------------------------------------------------
# Model


@dataclass(frozen=True)
class ArticleRef:
    """Which article a target points into: id in the corpus, where it was read, hash of its text."""

    id: str
    path: str
    sha256: str
    label: str = ""
    """Display label at the time of annotating (used by exports, which have no articles)."""
    source: str = ""
    """The outlet (``ArticleMeta.source``), for exports."""
    extra: Mapping[str, Any] = field(default_factory=dict)
    title: str = ""
    """The article's title when annotated ("" if unknown), for exports."""
    published: str = ""
    """Its publication date as found ("" if unknown)."""
    url: str = ""
    """Where it was published or fetched from ("" if unknown)."""


@dataclass(frozen=True)
class TextQuote:
    """W3C TextQuoteSelector: the exact passage and a little context either side."""

    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class TextPosition:
    """W3C TextPositionSelector: character offsets into the article text, end exclusive."""

    start: int
    end: int


@dataclass(frozen=True)
class Target:
    """One passage an annotation is about, identified in several ways that survive edits."""

    article: ArticleRef
    quote: TextQuote
    position: TextPosition
    sentence: int | None = None
    """Sentence index in the article at the time of annotating."""
    extra: Mapping[str, Any] = field(default_factory=dict)
    selector_extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class DiscrepancyInfo:
    """The engine's candidate a contradiction confirmed (kind number, quote, attribution,
    timing, list or name)."""

    kind: str
    explanation: str = ""
    status: str = ""
    fingerprint: str = ""
    """The candidate's :func:`candidate_fingerprint`, so it is known as confirmed when the
    articles are opened again; empty in files written before it was recorded."""
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Annotation:
    """One judgement about one or more passages: an agreement, a contradiction, a note, or a
    correction of the alignment (a ``link`` says its sentences report one fact, an
    ``unlink`` that its two sentences do not)."""

    id: str
    kind: AnnotationKind
    targets: tuple[Target, ...]
    comment: str = ""
    tags: tuple[str, ...] = ()
    created: str = ""
    updated: str = ""
    discrepancy: DiscrepancyInfo | None = None
    conflict_of: str | None = None
    """Set on the copy kept when two writers edited the same annotation differently."""
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class CandidateQuote:
    """One side of a dismissed engine candidate: article id and the quoted span."""

    article: str
    exact: str
    label: str = ""
    """The article's pane label when dismissed (for exports; empty in older files)."""


@dataclass(frozen=True)
class DismissedCandidate:
    """An engine contradiction candidate the reader dismissed: remembered, not shown again."""

    fingerprint: str
    kind: str
    a: CandidateQuote
    b: CandidateQuote
    dismissed: str = ""
    explanation: str = ""
    """The engine's explanation when it was dismissed (empty in older files), so a reviewer
    of an export sees what was set aside."""
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class NotesDocument:
    """Everything in a notes file."""

    annotations: tuple[Annotation, ...] = ()
    dismissed: tuple[DismissedCandidate, ...] = ()
    schema_version: int = SCHEMA_VERSION
    extra: Mapping[str, Any] = field(default_factory=dict)

    def get(self, annotation_id: str) -> Annotation | None:
        """The annotation with this id, or None."""
        return next((a for a in self.annotations if a.id == annotation_id), None)

    def ids(self) -> set[str]:
        """Ids of every annotation in the document."""
        return {a.id for a in self.annotations}

    def is_dismissed(self, fingerprint: str) -> bool:
        """Whether the candidate with this fingerprint was dismissed."""
        return any(d.fingerprint == fingerprint for d in self.dismissed)

    def with_annotations(self, annotations: Iterable[Annotation]) -> NotesDocument:
        """A copy holding these annotations, in canonical order."""
        return replace(self, annotations=sort_annotations(annotations))

    def with_dismissed(self, dismissed: Iterable[DismissedCandidate]) -> NotesDocument:
        """A copy holding these dismissed candidates, in canonical order."""
        return replace(self, dismissed=tuple(sorted(dismissed, key=lambda d: d.fingerprint)))


def sort_annotations(annotations: Iterable[Annotation]) -> tuple[Annotation, ...]:
    """Canonical order: creation time, then id, so every writer produces the same file."""
    return tuple(sorted(annotations, key=lambda a: (a.created, a.id)))


def candidate_fingerprint(
    kind: str, a_article: str, a_exact: str, b_article: str, b_exact: str
) -> str:
    """Stable id of an engine candidate: both article ids, both quotes and the kind.

    Order-independent (a/b swapped gives the same fingerprint), because the engine may list a
    pair either way round depending on the order the articles were opened in.
    """
    sides = sorted([(a_article, a_exact), (b_article, b_exact)])
    payload = "\x1f".join([kind, *(part for side in sides for part in side)])
    return "c-" + hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def dismissed_candidate(
    kind: str,
    a: CandidateQuote,
    b: CandidateQuote,
    when: datetime,
    explanation: str = "",
) -> DismissedCandidate:
    """Record of a dismissed candidate, fingerprinted (see :func:`candidate_fingerprint`)."""
    fingerprint = candidate_fingerprint(kind, a.article, a.exact, b.article, b.exact)
    return DismissedCandidate(fingerprint, kind, a, b, format_time(when), explanation)


# ---------------------------------------------------------------------------------------------
# Serialisation: model -> plain data -> YAML


def _with_extra(data: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    for key, value in extra.items():
        if key not in data:
            data[key] = value
    return data


_ARTICLE_METADATA = ("title", "published", "url")
"""Optional keys of a target's ``article``, written only when known."""


def _target_to_data(target: Target) -> dict[str, Any]:
    article: dict[str, Any] = {
        "id": target.article.id,
        "path": target.article.path,
        "sha256": target.article.sha256,
    }
    if target.article.label:
        article["label"] = target.article.label
    if target.article.source:
        article["source"] = target.article.source
    for key in _ARTICLE_METADATA:
        if getattr(target.article, key):
            article[key] = getattr(target.article, key)
    _with_extra(article, target.article.extra)
    selectors: dict[str, Any] = {
        "quote": {
            "exact": target.quote.exact,
            "prefix": target.quote.prefix,
            "suffix": target.quote.suffix,
        },
        "position": {"start": target.position.start, "end": target.position.end},
    }
    if target.sentence is not None:
        selectors["sentence"] = target.sentence
        selectors["sentence_number"] = target.sentence + 1  # as the app counts (derived)
    _with_extra(selectors, target.selector_extra)
    return _with_extra({"article": article, "selectors": selectors}, target.extra)


def _annotation_to_data(annotation: Annotation) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": annotation.id,
        "kind": annotation.kind,
        "comment": annotation.comment,
        "tags": list(annotation.tags),
        "created": annotation.created,
        "updated": annotation.updated,
    }
    if annotation.discrepancy is not None:
        info = annotation.discrepancy
        disc: dict[str, Any] = {"kind": info.kind}
        if info.status:
            disc["status"] = info.status
        disc["explanation"] = info.explanation
        if info.fingerprint:
            disc["fingerprint"] = info.fingerprint
        data["discrepancy"] = _with_extra(disc, info.extra)
    if annotation.conflict_of is not None:
        data["conflict_of"] = annotation.conflict_of
    data["targets"] = [_target_to_data(t) for t in annotation.targets]
    return _with_extra(data, annotation.extra)


def _side_to_data(side: CandidateQuote) -> dict[str, Any]:
    data = {"article": side.article, "exact": side.exact}
    if side.label:
        data["label"] = side.label
    return data


def _dismissed_to_data(item: DismissedCandidate) -> dict[str, Any]:
    data: dict[str, Any] = {
        "fingerprint": item.fingerprint,
        "kind": item.kind,
        "a": _side_to_data(item.a),
        "b": _side_to_data(item.b),
    }
    if item.explanation:
        data["explanation"] = item.explanation
    data["dismissed"] = item.dismissed
    return _with_extra(data, item.extra)


def document_to_data(document: NotesDocument) -> dict[str, Any]:
    """Plain data (dicts, lists, strings, ints) in the canonical order of the schema."""
    data: dict[str, Any] = {
        "schema_version": document.schema_version,
        "annotations": [_annotation_to_data(a) for a in sort_annotations(document.annotations)],
        "dismissed": [
            _dismissed_to_data(d) for d in sorted(document.dismissed, key=lambda d: d.fingerprint)
        ],
    }
    return _with_extra(data, document.extra)


HEADER = "# reader notes file: see README, section 'Notes file'. Safe to edit, diff and merge.\n"


def dump_document(document: NotesDocument) -> str:
    """The notes file text: a one-line header comment, then stable YAML."""
    return HEADER + dump_yaml(document_to_data(document))


# ---------------------------------------------------------------------------------------------
# Parsing: YAML -> plain data -> (upgrade) -> model, with the path of any problem


def _mapping(value: Any, path: SchemaPath) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise SchemaError(f"expected a mapping, found {_describe(value)}", path)
    for key in value:
        if not isinstance(key, str):
            raise SchemaError(f"keys must be text, found {key!r}", path)
    return cast(dict[str, Any], value)


def _list(value: Any, path: SchemaPath) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise SchemaError(f"expected a list, found {_describe(value)}", path)
    return value


def _text(data: Mapping[str, Any], key: str, path: SchemaPath, *, required: bool = False) -> str:
    if key not in data or data[key] is None:
        if required:
            raise SchemaError(f"missing '{key}'", path)
        return ""
    value = data[key]
    if isinstance(value, datetime):
        return format_time(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise SchemaError(f"expected text, found {_describe(value)}", (*path, key))
    return str(value)


def _int(data: Mapping[str, Any], key: str, path: SchemaPath) -> int:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise SchemaError(f"expected a whole number, found {_describe(value)}", (*path, key))
    if value < 0:
        raise SchemaError(f"must not be negative (found {value})", (*path, key))
    return value


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__} {value!r}"


def _extra(data: Mapping[str, Any], known: Iterable[str]) -> dict[str, Any]:
    known_set = set(known)
    return {k: v for k, v in data.items() if k not in known_set}


def _target_from_data(value: Any, path: SchemaPath) -> Target:
    data = _mapping(value, path)
    article_path = (*path, "article")
    article = _mapping(data.get("article"), article_path)
    ref = ArticleRef(
        id=_text(article, "id", article_path, required=True),
        path=_text(article, "path", article_path),
        sha256=_text(article, "sha256", article_path),
        label=_text(article, "label", article_path),
        source=_text(article, "source", article_path),
        extra=_extra(article, ("id", "path", "sha256", "label", "source", *_ARTICLE_METADATA)),
        title=_text(article, "title", article_path),
        published=_text(article, "published", article_path),
        url=_text(article, "url", article_path),
    )
    sel_path = (*path, "selectors")
    selectors = _mapping(data.get("selectors"), sel_path)
    quote_path = (*sel_path, "quote")
    quote = _mapping(selectors.get("quote"), quote_path)
    pos_path = (*sel_path, "position")
    position = _mapping(selectors.get("position"), pos_path)
    start, end = _int(position, "start", pos_path), _int(position, "end", pos_path)
    if end < start:
        raise SchemaError(f"end ({end}) is before start ({start})", pos_path)
    sentence: int | None = None
    if selectors.get("sentence") is not None:
        sentence = _int(selectors, "sentence", sel_path)
    return Target(
        article=ref,
        quote=TextQuote(
            exact=_text(quote, "exact", quote_path, required=True),
            prefix=_text(quote, "prefix", quote_path),
            suffix=_text(quote, "suffix", quote_path),
        ),
        position=TextPosition(start, end),
        sentence=sentence,
        extra=_extra(data, ("article", "selectors")),
        # sentence_number is derived from sentence, written afresh with it
        selector_extra=_extra(selectors, ("quote", "position", "sentence", "sentence_number")),
    )


_ANNOTATION_KEYS = (
    "id",
    "kind",
    "comment",
    "tags",
    "created",
    "updated",
    "discrepancy",
    "conflict_of",
    "targets",
)


def _annotation_from_data(value: Any, path: SchemaPath) -> Annotation:
    data = _mapping(value, path)
    annotation_id = _text(data, "id", path, required=True)
    kind = _text(data, "kind", path, required=True)
    if kind not in ANNOTATION_KINDS:
        raise SchemaError(
            f"unknown kind '{kind}' (expected one of: {', '.join(ANNOTATION_KINDS)})",
            (*path, "kind"),
        )
    targets_path = (*path, "targets")
    targets = tuple(
        _target_from_data(t, (*targets_path, i))
        for i, t in enumerate(_list(data.get("targets"), targets_path))
    )
    if not targets:
        raise SchemaError("an annotation needs at least one target", targets_path)
    tags_path = (*path, "tags")
    tags = tuple(
        _text({"tag": t}, "tag", (*tags_path, i))
        for i, t in enumerate(_list(data.get("tags"), tags_path))
    )
    discrepancy = None
    if data.get("discrepancy") is not None:
        disc_path = (*path, "discrepancy")
        disc = _mapping(data["discrepancy"], disc_path)
        discrepancy = DiscrepancyInfo(
            kind=_text(disc, "kind", disc_path, required=True),
            explanation=_text(disc, "explanation", disc_path),
            status=_text(disc, "status", disc_path),
            fingerprint=_text(disc, "fingerprint", disc_path),
            extra=_extra(disc, ("kind", "explanation", "status", "fingerprint")),
        )
    conflict_of = _text(data, "conflict_of", path) or None
    return Annotation(
        id=annotation_id,
        kind=cast(AnnotationKind, kind),
        targets=targets,
        comment=_text(data, "comment", path),
        tags=tags,
        created=_text(data, "created", path),
        updated=_text(data, "updated", path),
        discrepancy=discrepancy,
        conflict_of=conflict_of,
        extra=_extra(data, _ANNOTATION_KEYS),
    )


def _dismissed_from_data(value: Any, path: SchemaPath) -> DismissedCandidate:
    data = _mapping(value, path)
    sides: list[CandidateQuote] = []
    for side in ("a", "b"):
        side_path = (*path, side)
        quote = _mapping(data.get(side), side_path)
        sides.append(
            CandidateQuote(
                _text(quote, "article", side_path, required=True),
                _text(quote, "exact", side_path),
                _text(quote, "label", side_path),
            )
        )
    return DismissedCandidate(
        fingerprint=_text(data, "fingerprint", path, required=True),
        kind=_text(data, "kind", path),
        a=sides[0],
        b=sides[1],
        dismissed=_text(data, "dismissed", path),
        explanation=_text(data, "explanation", path),
        extra=_extra(data, ("fingerprint", "kind", "a", "b", "explanation", "dismissed")),
    )


Upgrade = Callable[[dict[str, Any]], dict[str, Any]]

UPGRADES: dict[int, Upgrade] = {}
"""``UPGRADES[n]`` turns plain data of schema version ``n`` into version ``n + 1``.

Version 1 is the first published schema, so the table is empty today; when the schema changes,
bump :data:`SCHEMA_VERSION` and add the step here (never edit an old step).
"""


def upgrade_data(
    data: dict[str, Any],
    upgrades: Mapping[int, Upgrade] | None = None,
    current: int = SCHEMA_VERSION,
) -> dict[str, Any]:
    """Bring plain notes data up to ``current``, one version step at a time.

    Raises:
        SchemaError: the version is missing, not a number, newer than this program, or has no
            upgrade step.
    """
    steps = UPGRADES if upgrades is None else upgrades
    version = data.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise SchemaError(
            f"must be a whole number, found {_describe(version)}",
            ("schema_version",),
        )
    if version > current:
        raise SchemaError(
            f"version {version} was written by a newer reader (this one reads up to {current})",
            ("schema_version",),
        )
    while version < current:
        step = steps.get(version)
        if step is None:
            raise SchemaError(
                f"no upgrade from schema_version {version} to {current}", ("schema_version",)
            )
        data = step(dict(data))
        version += 1
        data["schema_version"] = version
    return data


def document_from_data(value: Any, upgrades: Mapping[int, Upgrade] | None = None) -> NotesDocument:
    """Validate plain data (as parsed from YAML) and build the document.

    An empty document (``None``: an empty file) is a new, empty notes file.

    Raises:
        SchemaError: with the path of the offending node.
    """
    if value is None:
        return NotesDocument()
    data = upgrade_data(_mapping(value, ()), upgrades)
    annotations = tuple(
        _annotation_from_data(a, ("annotations", i))
        for i, a in enumerate(_list(data.get("annotations"), ("annotations",)))
    )
    seen: set[str] = set()
    for i, annotation in enumerate(annotations):
        if annotation.id in seen:
            raise SchemaError(f"duplicate id '{annotation.id}'", ("annotations", i, "id"))
        seen.add(annotation.id)
    dismissed = tuple(
        _dismissed_from_data(d, ("dismissed", i))
        for i, d in enumerate(_list(data.get("dismissed"), ("dismissed",)))
    )
    return NotesDocument(
        annotations=sort_annotations(annotations),
        dismissed=tuple(sorted(dismissed, key=lambda d: d.fingerprint)),
        schema_version=data["schema_version"],
        extra=_extra(data, ("schema_version", "annotations", "dismissed")),
    )


def parse_document(
    text: str, source: str = "<notes>", upgrades: Mapping[int, Upgrade] | None = None
) -> NotesDocument:
    """Parse notes file text.

    Raises:
        YamlProblem: not YAML, or unsafe YAML (with line).
        SchemaError: valid YAML that is not a notes file (with line).
    """
    return parse_notes(text, source, upgrades)[0]


def parse_notes(
    text: str, source: str = "<notes>", upgrades: Mapping[int, Upgrade] | None = None
) -> tuple[NotesDocument, Any]:
    """Parse notes file text: the document, and the plain data it was built from (for a
    caller that checks the data too, without parsing a big file twice).

    Raises:
        YamlProblem: not YAML, or unsafe YAML (with line).
        SchemaError: valid YAML that is not a notes file (with line).
    """
    data = parse_yaml(text, source)
    try:
        with collector_paused():  # a hundred thousand small objects (see collector_paused)
            return document_from_data(data, upgrades), data
    except SchemaError as exc:
        raise exc.located(source, text) from None


def annotation_kinds_summary(annotations: Sequence[Annotation]) -> dict[str, int]:
    """How many annotations of each kind, in the order agreement, contradiction, note."""
    return {kind: sum(1 for a in annotations if a.kind == kind) for kind in ANNOTATION_KINDS}
