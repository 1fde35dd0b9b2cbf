"""Word-level differences and contradiction candidates inside an aligned pair.

(Types fixed here; the comparison itself is built in issue 3.)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from tui.core.model import Sentence

DiffKind = Literal["insert", "delete", "replace"]
DiscrepancyKind = Literal["number", "name", "list", "quote"]
DiscrepancyStatus = Literal["conflict", "refinement", "variant"]


@dataclass(frozen=True, slots=True)
class DiffSpan:
    """A word-level change between two sentences, in article-text offsets of each side.

    ``insert``: present only in b (a side empty); ``delete``: only in a;
    ``replace``: different words on both sides.
    """

    kind: DiffKind
    a_start: int
    a_end: int
    b_start: int
    b_end: int


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of one sentence, in offsets into its article's text."""

    doc: int
    sentence: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Discrepancy:
    """A candidate contradiction the engine proposes; a person confirms or dismisses it."""

    kind: DiscrepancyKind
    status: DiscrepancyStatus
    a: Span
    b: Span
    explanation: str


def diff_words(a: Sentence, b: Sentence) -> list[DiffSpan]:
    """Word-level differences between two sentences, ignoring case, punctuation, quotes."""
    return []


def find_discrepancies(doc_a: int, a: Sentence, doc_b: int, b: Sentence) -> list[Discrepancy]:
    """Contradiction candidates between two aligned sentences."""
    return []
