"""YAML front matter: the metadata block at the top of a Markdown or text article.

A block opens with ``---`` on the first line and closes with ``---`` or
``...``. Known keys fill :class:`ArticleMeta`; every other key is kept as a
string in ``extra`` so nothing the user wrote is lost.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from tui.core.model import ArticleMeta
from tui.core.storage import UnsafeYaml, YamlProblem, parse_yaml

_BLOCK = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)

# Accepted spellings for each field, first match wins.
_TITLE_KEYS = ("title", "headline")
_SOURCE_KEYS = ("source", "outlet", "publisher", "site", "site_name", "sitename")
_URL_KEYS = ("url", "link", "canonical", "canonical_url")
_PUBLISHED_KEYS = ("published", "date", "pubdate", "published_at", "date_published")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """What the front matter held, and the text that follows it."""

    meta: ArticleMeta | None
    """None when there was no (valid) front matter."""
    body: str
    warning: str = ""
    """Set when a block was found but could not be read as a YAML mapping."""


def split_front_matter(text: str) -> FrontMatter:
    """Separate a leading YAML front-matter block from the article body.

    An unreadable block is left in the body (shown as text) with a warning,
    rather than failing the whole article.
    """
    match = _BLOCK.match(text)
    if not match:
        return FrontMatter(None, text)
    try:
        data = parse_yaml(match.group(1) or "", "front matter")
    except UnsafeYaml as exc:
        line = f" (line {exc.line + 1})" if exc.line else ""
        return FrontMatter(
            None,
            text,
            f"front matter refused: it carries a Python tag (!!python/...){line}, which could "
            "run code; shown as text",
        )
    except YamlProblem as exc:
        # exc.line counts inside the block; the file has the opening --- above it
        line = f" (line {exc.line + 1})" if exc.line else ""
        return FrontMatter(None, text, f"front matter is not valid YAML{line}; shown as text")
    if data is None:
        return FrontMatter(None, text[match.end() :])
    if not isinstance(data, dict):
        return FrontMatter(None, text, "front matter is not a YAML mapping; shown as text")
    return FrontMatter(meta_from_mapping(data), text[match.end() :])


def meta_from_mapping(data: dict[object, object]) -> ArticleMeta:
    """Build metadata from a mapping with loosely named keys (front matter, sidecar files)."""
    fields = {str(key).strip().lower(): value for key, value in data.items()}
    used: set[str] = set()

    def pick(keys: tuple[str, ...]) -> str:
        for key in keys:
            if key in fields and fields[key] not in (None, ""):
                used.add(key)
                return _as_text(fields[key])
        return ""

    meta_fields = {
        "title": pick(_TITLE_KEYS),
        "source": pick(_SOURCE_KEYS),
        "url": pick(_URL_KEYS),
        "published": pick(_PUBLISHED_KEYS),
    }
    extra = {key: _as_text(value) for key, value in fields.items() if key not in used}
    return ArticleMeta(**meta_fields, extra=extra)


def _as_text(value: object) -> str:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(_as_text(item) for item in value)
    return "" if value is None else str(value).strip()
