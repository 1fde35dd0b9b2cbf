"""Sentence segmentation with character offsets into the original text.

(Provisional splitter; replaced by the measured one of issue 2.)
"""

from __future__ import annotations

import re

_BOUNDARY = re.compile(r"""(?<=[.!?])["”’)]*\s+(?=["“‘(]?[A-Z0-9])""")


def split_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of the sentences of ``text``, in order.

    Paragraph breaks (newlines) always end a sentence; spans exclude the
    surrounding whitespace.
    """
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        base = line.start()
        chunk = line.group()
        pos = 0
        for m in _BOUNDARY.finditer(chunk):
            _append(spans, chunk, base, pos, m.start())
            pos = m.end()
        _append(spans, chunk, base, pos, len(chunk))
    return spans


def _append(spans: list[tuple[int, int]], chunk: str, base: int, start: int, end: int) -> None:
    piece = chunk[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    spans.append((base + start + lead, base + start + lead + len(stripped)))
