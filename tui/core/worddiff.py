"""Word-level differences between two sentences, for the highlighting of a matched pair.

Called on every cursor move, so it is cached and works on token ids, not characters.
Token-level Levenshtein operations (rapidfuzz), not difflib: difflib's autojunk
mis-highlights long sentences. Comparison ignores case, quote style and punctuation, and
equates what ``normalize.canonical_word`` equates ("four"/"4", "Kiev"/"Kyiv").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from rapidfuzz.distance import Levenshtein

from tui.core.model import Sentence
from tui.core.normalize import canonical_word

DiffKind = Literal["insert", "delete", "replace"]


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


_TOKEN_RE = re.compile(r"\d+(?:[.,:]\d+)*|\w+(?:['’.\-]\w+)*")
_STRIP_RE = re.compile(r"['’.\-]")


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a sentence: offsets within the sentence and its comparison form."""

    start: int
    end: int
    norm: str


@lru_cache(maxsize=8192)
def tokenize(text: str) -> tuple[Token, ...]:
    """Words of ``text`` with offsets; the comparison form ignores case, quotes, punctuation.

    "Russia’s" and "russia's" compare equal, as do "U.S." and "US", "four" and "4", "thirty"
    and "30", "travelled" and "traveled", "Kiev" and "Kyiv" (``normalize.canonical_word``).
    """
    out: list[Token] = []
    for m in _TOKEN_RE.finditer(text):
        norm = _STRIP_RE.sub("", m.group().casefold()).replace(",", "")
        out.append(Token(m.start(), m.end(), canonical_word(norm) if norm else norm))
    return tuple(out)


Opcode = tuple[str, int, int, int, int]


@lru_cache(maxsize=4096)
def _token_alignment(
    text_a: str, text_b: str
) -> tuple[tuple[Opcode, ...], tuple[tuple[int, int, int, int], ...]]:
    """Merged non-equal token edits and the equal blocks between them (token indices)."""
    ta, tb = tokenize(text_a), tokenize(text_b)
    ops = Levenshtein.opcodes([t.norm for t in ta], [t.norm for t in tb])
    merged: list[list[int]] = []
    equal: list[tuple[int, int, int, int]] = []
    for op in ops:
        if op.tag == "equal":
            equal.append((op.src_start, op.src_end, op.dest_start, op.dest_end))
            continue
        if merged and merged[-1][1] == op.src_start and merged[-1][3] == op.dest_start:
            merged[-1][1], merged[-1][3] = op.src_end, op.dest_end
        else:
            merged.append([op.src_start, op.src_end, op.dest_start, op.dest_end])
    out: list[Opcode] = []
    for i1, i2, j1, j2 in merged:
        tag = "replace" if i2 > i1 and j2 > j1 else ("delete" if i2 > i1 else "insert")
        out.append((tag, i1, i2, j1, j2))
    return tuple(out), tuple(equal)


def token_opcodes(text_a: str, text_b: str) -> tuple[Opcode, ...]:
    """Merged non-equal token edit operations (token indices), adjacent changes joined."""
    return _token_alignment(text_a, text_b)[0]


def char_range(tokens: tuple[Token, ...], i1: int, i2: int) -> tuple[int, int]:
    """Characters covered by tokens[i1:i2]; an empty range sits where the tokens would go."""
    if i2 > i1:
        return tokens[i1].start, tokens[i2 - 1].end
    if i1 < len(tokens):
        return tokens[i1].start, tokens[i1].start
    end = tokens[-1].end if tokens else 0
    return end, end


def diff_words(a: Sentence, b: Sentence) -> list[DiffSpan]:
    """Word-level differences between two sentences, ignoring case, punctuation, quotes.

    Spans are in article-text offsets of each side (``Sentence.start`` added), in order.
    Token-level Levenshtein operations (rapidfuzz), not difflib: difflib's autojunk
    mis-highlights long sentences.
    """
    return list(_diff_cached(a.text, a.start, b.text, b.start))


@lru_cache(maxsize=4096)
def _diff_cached(text_a: str, off_a: int, text_b: str, off_b: int) -> tuple[DiffSpan, ...]:
    ta, tb = tokenize(text_a), tokenize(text_b)
    spans: list[DiffSpan] = []
    for tag, i1, i2, j1, j2 in token_opcodes(text_a, text_b):
        as_, ae = char_range(ta, i1, i2)
        bs, be = char_range(tb, j1, j2)
        kind: DiffKind = (
            "replace" if tag == "replace" else ("delete" if tag == "delete" else "insert")
        )
        spans.append(DiffSpan(kind, off_a + as_, off_a + ae, off_b + bs, off_b + be))
    return tuple(spans)
