"""Terminal control characters and sequences: out of what we write, out of what we read.

A notes file is shared; an article is downloaded. Either can carry ``ESC ] 0 ; title BEL``
(which retitles the terminal), OSC 52 (which sets the clipboard) or colour codes. Printed
raw by ``reader export`` or ``reader align`` they act on the reader's terminal; shown in a
pane they are junk ("[31mRED").

- :func:`strip_controls` removes the C0 and C1 control characters (and DEL) from text we
  write, keeping the layout characters the format allows (newline and tab by default).
- :func:`drop_control_sequences` removes whole escape sequences (CSI, OSC, DCS, ...) and then
  the remaining control characters from an article's text, counting what it removed.
"""

from __future__ import annotations

import functools
import re

_C0_C1 = "\x00-\x1f\x7f-\x9f"

_STRING_END = r"(?:\x07|\x1b\\|\x9c|(?=\n)|\Z)"
"""A control string (OSC, DCS, ...) ends at BEL or ST; one never ended stops at the line's end
(a terminal would swallow the rest of the text, but dropping it would lose the article)."""

_SEQUENCE = re.compile(
    "|".join(
        (
            r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]",  # CSI: colours, cursor moves
            r"(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*" + _STRING_END,  # OSC...
            r"\x1b[\x20-\x2f]*[\x30-\x7e]",  # other escapes: ESC ( B, ESC 7, ESC c
        )
    )
)


@functools.cache
def _controls_except(keep: str) -> re.Pattern[str]:
    kept = "".join(re.escape(ch) for ch in keep)
    return re.compile(f"(?![{kept}])[{_C0_C1}]" if kept else f"[{_C0_C1}]")


def strip_controls(text: str, keep: str = "\n\t") -> str:
    """``text`` without C0/C1 control characters or DEL, except those in ``keep``."""
    return _controls_except(keep).sub("", text)


_ARTICLE_CONTROL = re.compile(f"(?![\n\t])[{_C0_C1}]")
_PAGE_BREAK = re.compile("[\f\v]")


def drop_control_sequences(text: str) -> tuple[str, int]:
    """``text`` with terminal control sequences and control characters removed, and how many
    were removed. Form feeds and vertical tabs become line breaks; newline and tab stay."""
    text, sequences = _SEQUENCE.subn("", text)
    text = _PAGE_BREAK.sub("\n", text)
    text, characters = _ARTICLE_CONTROL.subn("", text)
    return text, sequences + characters


def strip_controls_in(data: object, keep: str = "\n\t") -> object:
    """``data`` (dicts, lists, strings, numbers: what JSON and YAML hold) with
    :func:`strip_controls` applied to every string, keys included."""
    strip = _controls_except(keep).sub

    def clean(value: object) -> object:
        if isinstance(value, str):
            return strip("", value)
        if isinstance(value, dict):
            return {clean(k): clean(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [clean(item) for item in value]
        return value

    return clean(data)
