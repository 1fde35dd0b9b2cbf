"""Reading the counts in a news sentence as intervals, with what they count.

"More than 3.9 million people fled" and "4.01 million have fled" only
contradict each other if the hedges are ignored; "34 days" and "eight years"
never should be compared at all. So every number is read as an interval
(hedge applied) together with the noun it counts and the event it reports
(killed, injured, fled...), and only like is compared with like.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Protocol

from tui.core.text import plural

INF = float("inf")

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_SUFFIX_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}
_VAGUE = {
    "dozens": (24.0, 99.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2_000.0, 999_999.0),
    "millions": (2_000_000.0, 999_999_999.0),
}
_VAGUE_OF = {  # "tens of thousands", "hundreds of thousands"
    ("tens", "thousands"): (20_000.0, 99_999.0),
    ("hundreds", "thousands"): (200_000.0, 999_999.0),
    ("tens", "millions"): (20_000_000.0, 99_999_999.0),
}

# Hedge phrase -> how it turns the nominal value v into an interval.
_HEDGES: dict[str, str] = {
    "more than": "more", "over": "more", "above": "more", "in excess of": "more",
    "upwards of": "more", "more": "more", "at least": "least", "no fewer than": "least",
    "no less than": "least", "a minimum of": "least", "about": "about", "around": "about",
    "approximately": "about", "roughly": "about", "some": "about", "an estimated": "about",
    "estimated": "about", "circa": "about", "nearly": "nearly", "almost": "nearly",
    "close to": "nearly", "just under": "nearly", "up to": "most", "as many as": "most",
    "at most": "most", "no more than": "most", "fewer than": "less", "less than": "less",
    "under": "less", "below": "less",
}  # fmt: skip
_HEDGE_WORDS = {
    "more": "more than", "least": "at least", "about": "about", "nearly": "nearly",
    "most": "up to", "less": "fewer than", "": "",
}  # fmt: skip

_MONTHS = (
    "jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|"
    "sep|sept|september|oct|october|nov|november|dec|december"
)
_NUMBER_WORD = "|".join(sorted([*_UNITS, "hundred"], key=len, reverse=True))
_NUMBER_RE = re.compile(
    r"(?<![\w\-.,:/©$€£])(?:"
    r"(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<suffix>k|m|mn|bn)?(?![\w:])"
    r"|(?P<words>(?:a\s+(?=dozen|hundred))?(?:"
    + _NUMBER_WORD
    + r")(?:[\s\-]+(?:and\s+)?(?:"
    + _NUMBER_WORD
    + r"))*)"
    r"(?![\w])"
    r"|(?P<vague>(?:tens|hundreds)\s+of\s+(?:thousands|millions)|dozens|hundreds|thousands"
    r"|millions)(?![\w])"
    r")"
    r"(?:\s+(?P<scale>hundred|thousand|million|billion)\b)?",
    re.IGNORECASE,
)
_HEDGE_RE = re.compile(
    r"(?:^|\W)(?P<hedge>" + "|".join(sorted(_HEDGES, key=len, reverse=True)) + r")\s+$",
    re.IGNORECASE,
)
_WORD_RE = re.compile(r"[A-Za-z][\w’'\-]*|\d[\d,.]*|[.;:!?()]")
_MONTH_BEFORE = re.compile(r"(?:\b(?:" + _MONTHS + r")\.?\s+)$", re.IGNORECASE)
_MONTH_AFTER = re.compile(r"^\s*(?:" + _MONTHS + r")\b", re.IGNORECASE)
_LABEL_BEFORE = re.compile(
    r"\b(?:article|section|chapter|no|number|resolution|flight|route|highway|war|paragraph|"
    r"page|version|level|category|phase|room|gate|duration|item|point)\.?\s+$",
    re.IGNORECASE,
)

# Words that say what happened to the counted (the "event" of the count).
_EVENTS: dict[str, str] = {
    "killed": "killed", "kill": "killed", "kills": "killed", "dead": "killed",
    "died": "killed", "die": "killed", "deaths": "killed", "death": "killed",
    "toll": "killed", "lives": "killed", "fatalities": "killed",
    "injured": "injured", "wounded": "injured", "wounding": "injured", "injuring": "injured",
    "hurt": "injured", "injuries": "injured", "casualties": "casualties",
    "fled": "fled", "flee": "fled", "fleeing": "fled", "refugees": "fled", "flown": "fled",
    "displaced": "displaced", "evacuated": "evacuated", "arrested": "arrested",
    "detained": "arrested", "missing": "missing", "captured": "captured",
}  # fmt: skip
_EVENT_LABEL = {
    "killed": "Death toll", "injured": "Number injured", "casualties": "Casualty count",
    "fled": "Refugee count", "displaced": "Number displaced", "evacuated": "Number evacuated",
    "arrested": "Number detained", "missing": "Number missing", "captured": "Number captured",
}  # fmt: skip
# Nouns that name the same kind of thing when counted.
_UNIT_CLASS = {
    "people": "people", "person": "people", "civilian": "people", "resident": "people",
    "inhabitant": "people", "individual": "people", "refugee": "people", "men": "men",
    "women": "women", "child": "children", "children": "children", "kid": "children",
    "ally": "country", "nation": "country", "soldier": "troops", "troop": "troops",
    "serviceman": "troops", "servicemen": "troops",
    "storey": "story", "stories": "story", "storeys": "story", "percent": "percent",
    "per": "percent", "%": "percent", "tonne": "ton", "metre": "meter", "kilometre": "km",
    "kilometer": "km", "kilometres": "km",
}  # fmt: skip
# Words between a number and its noun that do not change what is counted.
_SKIP_AFTER = {
    "more", "other", "additional", "further", "new", "of", "the", "so-called", "ukrainian",
    "russian", "civilian", "innocent", "internally", "local", "foreign", "young", "elderly",
    "western", "eastern", "european", "allied", "member", "different", "separate",
    "diplomatic", "military", "federal", "senior",
}  # fmt: skip
# Words that end the search for a noun: verbs, prepositions, conjunctions.
_NOT_NOUN = {
    "have", "has", "had", "were", "was", "are", "is", "be", "been", "being", "said", "says",
    "and", "or", "but", "in", "on", "at", "to", "from", "for", "with", "by", "the", "a", "an",
    "that", "who", "which", "as", "than", "since", "after", "before", "during", "into", "of",
    "will", "would", "could", "may", "might", "can", "did", "do", "does", "more", "there",
    "it", "they", "them", "their", "its", "this", "these", "those", "over", "under", "ago",
    "later", "earlier", "now", "also", "still", "per", "including",
}  # fmt: skip
_DURATIONS = {"second", "minute", "hour", "day", "week", "month", "year", "decade"}
_COUNT_NOUN_AFTER_ONE = {
    "person", "man", "woman", "child", "civilian", "soldier", "day", "week", "month", "year",
    "hour", "minute", "people", "building", "house", "city", "town", "village", "country",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A count found in a sentence, read as an interval, in offsets within the sentence."""

    start: int
    """Offset of the hedge (if any) or the number, within the sentence text."""
    end: int
    """Offset one past the number (and its scale word)."""
    text: str
    value: float
    """The nominal value as written ("4.01 million" -> 4010000)."""
    low: float
    high: float
    hedge: str
    """Normalised hedge: "", "more", "least", "about", "nearly", "most", "less", "vague"."""
    unit: str | None
    """What it counts, normalised ("people", "day", "story"); None when not said."""
    event: str | None
    """What happened to them ("killed", "injured", "fled"...); None when not said."""
    modifier: bool
    """A compound modifier ("nine-storey", "15-year"): a property, not a tally."""
    context_end: int
    """End of the phrase that says what is counted ("seven people were killed")."""


def _stem(word: str) -> str:
    w = word.casefold().strip("’'")
    if w in _UNIT_CLASS:
        return _UNIT_CLASS[w]
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        w = w[:-1]
    return _UNIT_CLASS.get(w, w)


def _words_value(words: str) -> float | None:
    """Value of "twenty-five", "two hundred", "a dozen"; None if not a number phrase."""
    total = 0.0
    current = 0.0
    seen = False
    for part in re.split(r"[\s\-]+", words.casefold()):
        if part in ("a", "and"):
            continue
        if part == "hundred":
            current = max(current, 1.0) * 100
        elif part == "dozen":
            current = max(current, 1.0) * 12
        elif part in _UNITS:
            current += _UNITS[part]
        else:
            return None
        seen = True
    if not seen:
        return None
    return total + current


def _interval(value: float, hedge: str, tolerance: float) -> tuple[float, float]:
    if hedge == "more" or hedge == "least":
        return value, INF
    if hedge == "about":
        return value * 0.9, value * 1.1
    if hedge == "nearly":
        return value * 0.9, value
    if hedge in ("most", "less"):
        return 0.0, value
    return value - tolerance, value + tolerance


def _tolerance(digits: str | None, scale: float) -> float:
    """Rounding implied by a scaled figure: "four million" is 3.5 to 4.5 million."""
    if scale < 1_000_000:
        return 0.0
    decimals = len(digits.split(".")[1]) if digits and "." in digits else 0
    return 0.5 * scale / float(10**decimals)


def _noun_after(text: str, pos: int) -> tuple[str | None, int]:
    """The counted noun right after a number, and where it ends."""
    skipped = 0
    for m in _WORD_RE.finditer(text, pos):
        word = m.group()
        low = word.casefold()
        if low in _SKIP_AFTER and skipped < 2 and low not in _EVENTS:
            skipped += 1
            continue
        if word[0].isupper() and skipped < 2 and not text[pos : m.start()].strip(" "):
            # "30 Russian shellings": a capitalised adjective right after the number.
            skipped += 1
            continue
        if word[0].isupper() and skipped < 2 and low.endswith(("ian", "ish", "ese", "an")):
            skipped += 1
            continue
        if not word[0].isalpha() or low in _NOT_NOUN or low in _EVENTS:
            return None, pos
        return _stem(word), m.end()
    return None, pos


def _event_near(text: str, start: int, end: int) -> tuple[str | None, int]:
    """The event a count reports: "killed thousands", else the first event word after it,
    else the last one before it ("the death toll rose to 14")."""
    before = list(_WORD_RE.finditer(text[max(0, start - 80) : start]))[-8:]
    if before and (ev := _EVENTS.get(before[-1].group().casefold())):
        return ev, end
    after = list(islice(_WORD_RE.finditer(text, end), 9))
    for m in after:
        if m.group() in ".;!?":
            break
        ev = _EVENTS.get(m.group().casefold())
        if ev:
            return ev, m.end()
    for m in reversed(before):
        if m.group() in ".;!?":
            break
        ev = _EVENTS.get(m.group().casefold())
        if ev:
            return ev, end
    return None, end


def _is_label_or_date(text: str, start: int, end: int, value: float, raw: str) -> bool:
    before = text[max(0, start - 24) : start]
    after = text[end : end + 12]
    if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after):
        return True
    if _LABEL_BEFORE.search(before):
        return True
    if (
        re.fullmatch(r"\d{4}", raw)
        and 1800 <= value <= 2100
        and not re.match(r"\s+(?:people|civilians|troops|soldiers|children)\b", after)
    ):
        return True  # a year
    return bool(re.match(r"(?:st|nd|rd|th)\b|:\d", after))


def _read(text: str, m: re.Match[str]) -> NumberMention | None:
    digits, words, vague = m.group("digits"), m.group("words"), m.group("vague")
    scale_word = m.group("scale")
    scale = float(_SCALES[scale_word.casefold()]) if scale_word else 1.0
    start, end = m.start(), m.end()
    hedge = ""
    if digits is not None:
        suffix = m.group("suffix")
        if suffix:
            scale = float(_SUFFIX_SCALES[suffix.casefold()])
        value = float(digits.replace(",", "")) * scale
        if _is_label_or_date(text, start, end, value, digits + (suffix or "")):
            return None
        low, high = _interval(value, "", _tolerance(digits, scale))
    elif words is not None:
        base = _words_value(words)
        if base is None:
            return None
        if words.casefold() == "one" and not scale_word:
            nxt = re.match(r"[\s\-]+([A-Za-z]+)", text[end:])
            if not nxt or _stem(nxt.group(1)) not in _COUNT_NOUN_AFTER_ONE:
                return None  # "an attack on one", "one that appeared..."
        if re.search(r"\bwar\s+$", text[max(0, start - 8) : start], re.IGNORECASE):
            return None  # "World War Two"
        value = base * scale
        low, high = _interval(value, "", _tolerance(None, scale))
    else:
        parts = vague.casefold().split()
        low, high = _VAGUE_OF.get((parts[0], parts[-1])) or _VAGUE[parts[0]]
        value = low
        hedge = "vague"
    hm = _HEDGE_RE.search(text[max(0, start - 20) : start])
    if hm and not hedge:
        hedge = _HEDGES[hm.group("hedge").casefold()]
        start = start - (len(text[max(0, start - 20) : start]) - hm.start("hedge"))
        low, high = _interval(value, hedge, _tolerance(digits, scale))
    modifier = False
    unit: str | None
    hyphen = re.match(r"-([A-Za-z]+)", text[end:])
    if hyphen and scale == 1.0:
        modifier = True
        unit = _stem(hyphen.group(1))
        context_end = end + hyphen.end()
    else:
        after_of = re.match(r"\s+of\s+", text[end:]) if hedge == "vague" else None
        whole = None if after_of else _PARTITIVE.match(text[end:])
        # "eight of 18 counts": the part counts what the whole counts
        skip = after_of.end() if after_of else whole.end() if whole else 0
        unit, context_end = _noun_after(text, end + skip)
        context_end = max(context_end, end)
    timed = modifier or unit in _DURATIONS
    event, event_end = (None, context_end) if timed else _event_near(text, start, end)
    if event is None and unit is not None and _EVENTS.get(unit):
        event = _EVENTS[unit]
    if event_end - end <= 40:
        context_end = max(context_end, event_end)
    return NumberMention(
        start=start,
        end=end,
        text=text[start:end],
        value=value,
        low=low,
        high=high,
        hedge=hedge,
        unit=unit,
        event=event,
        modifier=modifier,
        context_end=context_end,
    )


@lru_cache(maxsize=8192)
def find_numbers(text: str) -> tuple[NumberMention, ...]:
    """Every count in ``text`` (dates, times, years and labels left out), in order."""
    found: list[NumberMention] = []
    for m in _NUMBER_RE.finditer(text):
        mention = _read(text, m)
        if mention is not None:
            found.append(mention)
    return tuple(found)


def comparable(a: NumberMention, b: NumberMention) -> bool:
    """Whether two counts are about the same thing and so may be compared."""
    if a.modifier or b.modifier:
        return a.modifier and b.modifier and a.unit == b.unit
    if a.event is not None and b.event is not None and a.event != b.event:
        return False
    if a.unit is not None and b.unit is not None:
        return a.unit == b.unit
    if a.unit is None and b.unit is None:
        return a.event is not None and a.event == b.event
    known = a.unit if a.unit is not None else b.unit
    return a.event is not None and a.event == b.event and known in ("people", None)


def is_duration(m: NumberMention) -> bool:
    """A stretch of time ("34 days", "eight years"), not a tally of people or things."""
    return m.unit in _DURATIONS


def same_frame(text_a: str, a: NumberMention, text_b: str, b: NumberMention) -> bool:
    """Whether two durations measure the same stretch: the words right after them agree
    ("34 days of the invasion" / "35 days of invasion"), so "in two weeks" and "five weeks
    into a war" are never compared."""

    def frame(text: str, m: NumberMention) -> set[str]:
        words = [w.group().casefold() for w in islice(_WORD_RE.finditer(text, m.context_end), 4)]
        return {w for w in words if w.isalpha() and w not in _NOT_NOUN}

    return bool(frame(text_a, a) & frame(text_b, b))


class Ranged(Protocol):
    """A figure as a range: its value as written, the range its hedge allows, the hedge."""

    @property
    def value(self) -> float: ...
    @property
    def low(self) -> float: ...
    @property
    def high(self) -> float: ...
    @property
    def hedge(self) -> str: ...


def relation(a: Ranged, b: Ranged) -> str:
    """ "same", "refines" (a narrower), "refined" (b narrower), "overlap" or "conflict"."""
    if a.value == b.value and a.hedge == b.hedge:
        return "same"
    if a.high < b.low or b.high < a.low:
        return "conflict"
    a_in_b = b.low <= a.low and a.high <= b.high
    b_in_a = a.low <= b.low and b.high <= a.high
    if a_in_b and b_in_a:
        return "same"
    if a_in_b:
        return "refines"
    if b_in_a:
        return "refined"
    return "overlap"


_PARTITIVE = re.compile(
    r"\s+of\s+(?:the\s+|its\s+|his\s+|her\s+|their\s+)?(?:\d[\d,.]*|"
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|hundred|thousand)\b",
    re.IGNORECASE,
)
"""" of 18", " of the 50" after a figure: the figure is a part of a counted whole."""


def event_label(a: NumberMention, b: NumberMention) -> str:
    """What a journalist would call the figure: "Death toll", "Refugee count"..."""
    event = a.event or b.event
    if event:
        return _EVENT_LABEL.get(event, "Figure")
    unit = a.unit or b.unit
    return f"Number of {plural(unit)}" if unit else "Figure"


def format_value(value: float) -> str:
    """4010000.0 -> "4,010,000"; 3.5 -> "3.5"."""
    if value == INF:
        return "∞"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def describe(m: NumberMention) -> str:
    """The interval as words: "more than 3,900,000", "14", "thousands"."""
    if m.hedge == "vague":
        return m.text.split(" of ")[0] if " of " in m.text else m.text
    word = _HEDGE_WORDS.get(m.hedge, "")
    return f"{word} {format_value(m.value)}".strip()


def reason(narrow: NumberMention, wide: NumberMention) -> str:
    """Why ``narrow`` fits inside ``wide``: "4,010,000 > 3,900,000"."""
    n, w = format_value(narrow.value), format_value(wide.value)
    if narrow.value == wide.value:
        return f"{describe(narrow)} vs {describe(wide)}"
    symbol = {"more": ">", "least": "≥", "most": "≤", "less": "<", "nearly": "≲", "about": "≈"}
    if wide.hedge in symbol:
        return f"{n} {symbol[wide.hedge]} {w}"
    if wide.hedge == "vague":
        return f"{n} is {describe(wide)}"
    return f"{describe(narrow)} within {describe(wide)}"
