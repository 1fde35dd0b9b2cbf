"""Text into HTML for the report: masked first in blind mode, then always escaped."""

from __future__ import annotations

import html
from collections.abc import Callable

Mask = Callable[[str], str]


def text(value: str, mask: Mask | None = None) -> str:
    """``value`` as HTML text (or attribute value): masked first in blind mode, then escaped."""
    return html.escape(mask(value) if mask else value, quote=True)
