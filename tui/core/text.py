"""Text helpers shared by every place that shows a passage on one line or counts things."""

from __future__ import annotations

import hashlib


def excerpt(text: str, limit: int) -> str:
    """``text`` on one line (runs of whitespace folded), cut to ``limit`` characters.

    A cut is marked with an ellipsis, so the result is never longer than ``limit``.
    """
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[: max(0, limit - 1)].rstrip() + "…"


def cut_on_word(text: str, limit: int) -> str:
    """``text`` on one line, at most ``limit`` characters, cut between words and marked "…".

    "Fox Online News" in 13 gives "Fox Online…", never "Fox Online Ne"; only a single word
    longer than the room is cut inside it (still marked).
    """
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    if limit < 2:
        return "…" if limit == 1 else ""
    head = flat[: limit - 1]
    if flat[limit - 1] != " ":  # the cut falls inside a word: back to the space before it
        space = head.rfind(" ")
        if space > 0:
            head = head[:space]
    return head.rstrip(" ,;:-–—·|/") + "…"


_INVARIANT_PLURALS = frozenset(
    [
        "people",
        "women",
        "men",
        "children",
        "police",
        "percent",
        "staff",
        "personnel",
        "aircraft",
        "sheep",
        "fish",
        "intelligence",
        "evidence",
        "equipment",
        "news",
        "series",
        "species",
        "data",
    ]
)
_IRREGULAR_PLURALS = {"woman": "women", "man": "men", "person": "people", "child": "children"}


def plural(noun: str) -> str:
    """English plural of a counted noun: "women", "countries", "counts", "percent"."""
    head, _, last = noun.rpartition(" ")
    if head:  # "engine candidate" -> "engine candidates"
        return f"{head} {plural(last)}"
    if noun in _INVARIANT_PLURALS or noun.endswith("s"):
        return noun
    if noun in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[noun]
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return noun[:-1] + "ies"
    if noun.endswith(("x", "ch", "sh", "z")):
        return noun + "es"
    return noun + "s"


def counted(n: int, noun: str) -> str:
    """ "1 note", "2 notes", "0 discrepancies"."""
    return f"{n} {noun if n == 1 else plural(noun)}"


def text_sha256(text: str) -> str:
    """Hex sha256 of an article's text (UTF-8), to notice edits."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


CAPITALISED_NOT_NAMES = frozenset(
    w.casefold()
    for w in (
        "The",
        "A",
        "An",
        "And",
        "But",
        "Or",
        "In",
        "On",
        "At",
        "Of",
        "For",
        "To",
        "From",
        "With",
        "By",
        "As",
        "It",
        "Its",
        "He",
        "She",
        "They",
        "We",
        "You",
        "I",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "Here",
        "However",
        "Meanwhile",
        "While",
        "When",
        "After",
        "Before",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Police",
        "Officials",
        "Authorities",
        "Reuters",
        "AP",
    )
)
"""Words that start a sentence or a title capitalised but never name a person: function
words, weekdays, "Police", news agencies."""
