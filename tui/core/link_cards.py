"""Link cards a scrape glued into a paragraph, dropped when the article is loaded.

Some sites put a card beside each name they mention: the person's full name, then the
headlines of their latest stories, then "MORE". Copied as text, the card lands inside the
sentence, glued to the name: "President Trump Donald John TrumpGOP senators balk at lengthy
impeachment trial Warren goes local in race to build 2020 movement MORE did a distinctly
un-Trumpian thing." The headlines are the same in every article of the site, so sentences
with nothing else in common shared their rarest words, were linked and chained into
groups, and the reader had to read through them. What is dropped is the card: the glued
headlines up to "MORE" and, when it comes right after the name as written, the full name
that heads them ("President Trump did ..."; otherwise the full name stays).

A card is recognised by three things together: "MORE" standing alone, a name glued to a
capital letter before it ("TrumpGOP"), and that name written just before the card ("President
Trump Donald John TrumpGOP"): "ObamaCare" or "McConnell" in the text itself is no card.
"""

from __future__ import annotations

import re

_MORE = re.compile(r"\sMORE\b(?![A-Za-z])")
_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z])")
_NAME_BEFORE = re.compile(r"[A-Z][A-Za-z'’-]*$")
MAX_CARD = 400
"""Characters from a card's glued start to its "MORE": the cards seen run 80-250."""
_FULL_NAME = re.compile(r"(?:\s+(?:[A-Z][\w'’.-]*|\([A-Z][\w'’.-]*\))){2,5}")
"""The card's full name right after the name as written ("Trump| Donald John Trump",
"McConnell| Addison (Mitch) Mitchell McConnell"): dropped with the card."""
NAME_LOOKBACK = 80
"""How far before the full name the name it repeats must be written."""


def drop_link_cards(text: str) -> tuple[str, int]:
    """``text`` without its link cards, and how many there were."""
    spans: list[tuple[int, int]] = []
    done = 0
    for more in _MORE.finditer(text):
        start = _card_start(text, max(done, more.start() - MAX_CARD), more.start())
        if start is not None:
            spans.append((start, more.end()))
            done = more.end()
    if not spans:
        return text, 0
    kept, last = [], 0
    for start, end in spans:
        kept.append(text[last:start])
        last = end
    kept.append(text[last:])
    return "".join(kept), len(spans)


def _card_start(text: str, lo: int, hi: int) -> int | None:
    """The first glue point in ``text[lo:hi]`` whose name was written just before it."""
    for glue in _GLUE.finditer(text, lo, hi):
        at = glue.start()
        if "\n" in text[at:hi]:
            continue
        name = _NAME_BEFORE.search(text, max(0, at - 40), at)
        if name is None or len(name.group()) < 2:
            continue
        back = max(0, name.start() - NAME_LOOKBACK)
        written = list(re.finditer(rf"\b{re.escape(name.group())}\b", text[back : name.start()]))
        if written:
            after_written = back + written[-1].end()
            full_name = text[after_written:at]
            return after_written if _FULL_NAME.fullmatch(full_name) else at
    return None
