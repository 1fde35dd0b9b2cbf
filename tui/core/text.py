"""Text helpers shared by every place that shows a passage on one line."""

from __future__ import annotations


def excerpt(text: str, limit: int) -> str:
    """``text`` on one line (runs of whitespace folded), cut to ``limit`` characters.

    A cut is marked with an ellipsis, so the result is never longer than ``limit``.
    """
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[: max(0, limit - 1)].rstrip() + "…"
