"""What a figure measures, whose it is and when: the slot two figures must share to disagree.

"Germany expelled four" and "Australia is expelling two" are two facts; "six people were
shot" and "four killed" measure different things; "one person died" in last September's
church shooting is not this shooting's toll. A figure is compared with another only when
both slots can be read and match: the same measure (read from the figure's own clause), the
same holder (the actor named as the clause's subject or as the counted thing's qualifier,
with "it"/"they" resolved from the sentence before), and the same time frame where one is
stated. A slot that cannot be read is no slot: the engine stays quiet rather than guess.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice

from tui.core import numbers as nb
from tui.core.context import NO_CONTEXT, SentenceContext
from tui.core.names import canonical_name
from tui.core.text import CAPITALISED_NOT_NAMES

# The measure a word names, read in the figure's own clause.
_MEASURE_WORDS: dict[str, str] = {
    **dict.fromkeys(
        [
            "killed",
            "kill",
            "kills",
            "dead",
            "died",
            "die",
            "dies",
            "deaths",
            "death",
            "toll",
            "lives",
            "fatalities",
            "fatally",
            "murdered",
            "slain",
            "perished",
        ],
        "killed",
    ),
    **dict.fromkeys(["shot", "gunshot", "shooting-victims"], "shot"),
    **dict.fromkeys(
        ["injured", "wounded", "wounding", "injuring", "hurt", "injuries", "injury", "wounds"],
        "injured",
    ),
    **dict.fromkeys(
        ["hospitalized", "hospitalised", "hospital", "hospitals", "transported", "treated"],
        "hospitalized",
    ),
    **dict.fromkeys(
        ["expelled", "expel", "expels", "expelling", "expulsion", "expulsions", "expel"], "expelled"
    ),
    **dict.fromkeys(
        ["arrested", "arrest", "arrests", "detained", "detention", "detentions"], "arrested"
    ),
    **dict.fromkeys(["charged", "charges", "counts", "count"], "charged"),
    **dict.fromkeys(["sanctioned", "sanctions", "sanction"], "sanctioned"),
    **dict.fromkeys(["fled", "flee", "fleeing", "refugees"], "fled"),
    "displaced": "displaced",
    "evacuated": "evacuated",
    "missing": "missing",
    "captured": "captured",
    **dict.fromkeys(["exposed", "affected"], "exposed"),
}
_MEASURE_LABEL = {
    "killed": "Death toll",
    "shot": "Shot",
    "injured": "Wounded",
    "hospitalized": "Hospitalised",
    "expelled": "Expelled",
    "arrested": "Arrested",
    "charged": "Charges",
    "sanctioned": "Sanctioned",
    "fled": "Refugee count",
    "displaced": "Displaced",
    "evacuated": "Evacuated",
    "missing": "Missing",
    "captured": "Captured",
    "exposed": "Exposed",
    "age": "Age",
    "prison term": "Prison term",
    "distance": "Distance",
    "money": "Amount",
    "percent": "Share",
}
_DISTANCE_UNITS = {"mile", "km", "kilometer", "meter", "metre", "yard", "feet", "foot"}
_MONEY_UNITS = {"dollar", "pound", "euro", "ruble", "rouble"}
_NOT_UNITS = {"people", "other", "others", "them", "more", "time", "times", "way", "thing"}
ACTOR_UNITS = {
    "country",
    "nation",
    "state",
    "member",
    "senator",
    "lawmaker",
    "government",
    "ally",
    "republican",
    "democrat",
}
"""Counted things that are themselves actors: a qualifier narrows the set ("14 EU
countries" are not "18 countries"), so qualifiers must agree exactly."""

_CLAUSE_BREAK = re.compile(
    r"[;:()\[\]—–]"
    r"|,\s+(?=(?:and|but|while|whereas|where|which|who|whom|when|after|before|including|"
    r"as|although|though|with)\b)"
    r"|\s(?:while|whereas|where|when|after|before|although|because)\s"
    r"|\s(?:and|but)\s(?=(?:\S+\s+){0,3}?(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|"
    r"ten|eleven|twelve|dozens?|hundreds?|several|more)\b))",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][\w’'\-.]*[A-Za-z]|[A-Za-z]|\d[\d,.:]*")
_NAME = re.compile(
    r"(?<![\w’'])(?:(?:[A-Z]\.){2,}|[A-Z][a-z]+(?:[’'\-][A-Za-z]+)*|[A-Z]{2,})"
    r"(?:\s+(?:(?:[A-Z]\.){2,}|[A-Z][a-z]+(?:[’'\-][A-Za-z]+)*|[A-Z]{2,}))*"
)
_NOT_HOLDERS = CAPITALISED_NOT_NAMES | {
    w.casefold()
    for w in (
        "Over",
        "Under",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Sen",
        "Rep",
        "Gov",
        "Gen",
        "Some",
        "Most",
        "More",
        "About",
        "Nearly",
        "Almost",
        "Least",
        "Up",
        "Only",
        "Just",
        "All",
        "Both",
        "Each",
        "Several",
        "Many",
        "Other",
        "Another",
        "Hospital",
        "Breaking",
        "Update",
        "Read",
        "Photo",
        "Video",
        "Getty",
        "Images",
        "Associated",
        "Press",
        "Sources",
        "Source",
    )
}
_SPEAKER_AFTER = re.compile(
    r"^[’']?s?\s*,?\s*(?:said|says|told|wrote|added|tweeted|noted|stated|announced)\b"
)
_SAID_BEFORE = re.compile(r"\b(?:said|says|told|according\s+to|tweeted|announced)\s*$")
_CLAUSE_END = re.compile(r"^[’']?s?\s*(?:[,.;:!?)]|$)")
_PRONOUN_SUBJECT = re.compile(r"^\s*(?:it|they|the\s+country|the\s+government)\b", re.I)
_DEMONYMS = {
    "british": "United Kingdom",
    "english": "United Kingdom",
    "american": "United States",
    "russian": "Russia",
    "german": "Germany",
    "french": "France",
    "canadian": "Canada",
    "australian": "Australia",
    "ukrainian": "Ukraine",
    "polish": "Poland",
    "italian": "Italy",
    "dutch": "Netherlands",
    "danish": "Denmark",
    "czech": "Czech Republic",
    "chinese": "China",
    "israeli": "Israel",
    "turkish": "Turkey",
    "irish": "Ireland",
    "spanish": "Spain",
    "swedish": "Sweden",
    "finnish": "Finland",
    "european": "European Union",
    "eu": "European Union",
    "u.s.": "United States",
    "us": "United States",
    "republican": "Republican",
    "republicans": "Republican",
    "gop": "Republican",
    "democratic": "Democrat",
    "democrats": "Democrat",
    "democrat": "Democrat",
}
_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_FRAME_WORD = re.compile(
    r"\b(?:(?P<year>(?:19|20)\d\d)|(?P<month>January|February|March|April|June|July|August|"
    r"September|October|November|December|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
    r"|(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|(?P<rel>last\s+(?:year|month|week)|previous\s+year|earlier\s+this\s+year|in\s+the\s+past"
    r"|since\s+\d{4}|so\s+far|to\s+date|in\s+total|overall|all\s+told|in\s+all))\b"
)
_AGE_PATTERNS = (
    # "Travis Reinking, 29," / "Michelle Knight, now 30," / "Knight, 32."
    re.compile(
        r"(?P<name>(?:[A-Z][a-z]+(?:[’'\-][A-Za-z]+)*\s+)*[A-Z][a-z]+(?:[’'\-][A-Za-z]+)*"
        r"(?:\s+Jr\.|\s+Sr\.)?),\s+(?:now\s+|aged\s+)?(?P<age>\d{1,3})(?=[,.;)]|\s+(?:of|from|and)\b)"
    ),
    # "the 32-year-old Knight" / "29-year-old James Shaw Jr."
    re.compile(
        r"(?P<age>\d{1,3})-year-old\s+(?:[a-z]+,?\s+){0,4}?"
        r"(?P<name>(?:[A-Z][a-z]+(?:[’'\-][A-Za-z]+)*\s*)+(?:Jr\.|Sr\.)?)"
    ),
    # "Knight ... is 32 now" / "who was 19" / "at the age of 19" (the name found in the clause)
    re.compile(r"\b(?:is|was)\s+(?P<age>\d{1,3})(?=\s+(?:now|years\s+old)\b|\s*[,.]|\s+when\b)"),
    # index 3 and after: an age at some past moment
    re.compile(r"\bat\s+the\s+age\s+of\s+(?P<age>\d{1,3})\b|\baged?\s+(?P<age2>\d{1,3})\b"),
)
_DIGIT = re.compile(r"\d")
_PART = re.compile(
    r"\b(?:outside|inside|in\s+the\s+parking\s+lot|at\s+first|initially|first|at\s+the\s+scene)\b",
    re.IGNORECASE,
)
_ALONE = re.compile(r"\balone\b", re.I)
"""'On Monday alone, about 45 people were arrested', '45 in Ohio alone': one part's figure."""
_RATE = re.compile(
    r"\b(?:(?:each|every|per|a)\s+(?P<period>day|night|week|month|year|hour))\b"
    r"(?!\s+(?:after|before|earlier|later|ago|of|when|since)\b)"
    r"|\b(?P<adverb>daily|nightly|weekly|monthly|yearly|annually|hourly)\b",
    re.I,
)
"""A figure given per period ('about 70 people were arrested each day'): a rate, which a
total ('128 people were arrested') neither confirms nor contradicts."""
_PERIOD_OF = {"daily": "day", "nightly": "night", "weekly": "week", "monthly": "month"}
_PERIOD_OF |= {"yearly": "year", "annually": "year", "hourly": "hour"}
_PRISON = re.compile(r"\b(?:prison|jail|sentence[ds]?|behind\s+bars|penalty)\b", re.I)
_REMAINDER = re.compile(r"\s+(?:other|others|more|additional|further)\b", re.I)
_RELATIVE = re.compile(r",?\s+(?:where|in\s+which|during\s+which)\s", re.I)


def _previous_clause_start(text: str, lo: int) -> int:
    """Where the clause before the one starting at ``lo`` starts ("On Monday alone," before
    "about 45 people were arrested"); ``lo`` itself for a sentence's first clause."""
    return clause_bounds(text, max(0, lo - 2), max(0, lo - 1))[0] if lo > 1 else lo


def _rate(text: str, at: int, hi: int) -> str:
    """The period of a figure given per period, read in its clause after it ("" if none)."""
    found = _RATE.search(text, at)  # (not cut at ``hi``: "a day" must see "after" past it)
    if found is None or found.start() >= hi:
        return ""
    if found["period"]:
        return found["period"].casefold()
    return _PERIOD_OF[found["adverb"].casefold()]


def _relative_start(text: str, at: int) -> int | None:
    """Where the relative clause holding offset ``at`` starts ("…, where one person died
    and nine were injured"), or None when ``at`` is in no such clause."""
    found = None
    for m in _RELATIVE.finditer(text, 0, at):
        found = m.start()
    if found is None or re.search(r"[;:()]", text[found:at]):
        return None
    return found


_NOW = re.compile(r"\bnow\b|\btoday\b|\bcurrently\b", re.I)


@dataclass(frozen=True, slots=True)
class FigureSlot:
    """A figure with what it measures, whose it is and when, in sentence offsets."""

    start: int
    end: int
    """The figure (its hedge included)."""
    context_end: int
    """End of the phrase a reader needs to see what is counted."""
    text: str
    value: float
    low: float
    high: float
    hedge: str
    measure: str
    """"killed", "shot", "injured", "expelled", "age", "distance", ...: never empty."""
    unit: str | None
    subject: frozenset[str]
    """Canonical names of the actor whose figure it is (the clause's subject or possessor,
    or the person whose age it is); empty when the clause names none."""
    qualifiers: frozenset[str]
    """Canonical names qualifying the counted thing ("EU" in "14 EU countries")."""
    frame: frozenset[str]
    """Time keys stated in the clause ("2002", "2018-03", "now"); empty when none."""
    holder: str
    """The holder as a reader would name it ("Canada", "Knight"), or ""."""
    remainder: bool = False
    """The figure counts the rest of a group ("four others", "two more"), not the whole."""
    places: frozenset[str] = frozenset()
    """Where the counted are ("48 at the Russian Embassy", "12 at the UN mission"): two
    figures of different places are two parts, not two accounts."""
    part: bool = False
    """The clause places the figure in one part of the event ("two people outside", "in
    the parking lot", "on Monday alone"): a share of a total, not the total."""
    rate: str = ""
    """The period a figure is given per ("day" for "70 arrested each day"), or "" for a
    count."""

    @property
    def label(self) -> str:
        """The measure as a journalist would name it: "Wounded", "Age"."""
        if self.measure.startswith("count:"):
            return f"Number of {self.measure[6:]}"
        return _MEASURE_LABEL.get(self.measure, self.measure.capitalize())

    def describe(self) -> str:
        """The value as words: "more than 3,900,000", "seven"."""
        word = nb._HEDGE_WORDS.get(self.hedge, "")
        if self.hedge == "vague":
            return self.text
        return f"{word} {nb.format_value(self.value)}".strip()


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of ``text`` around ``[start, end)``: between the nearest clause breaks."""
    left, right = 0, len(text)
    for m in _CLAUSE_BREAK.finditer(text):
        if m.end() <= start:
            left = m.end()
        elif m.start() >= end:
            right = m.start()
            break
    return left, right


def holder_key(name: str) -> str:
    """A holder's canonical key: aliases and demonyms folded, a person by surname."""
    bare = re.sub(r"[’']s$", "", name.strip())
    key = bare.casefold()
    if key in _DEMONYMS:
        return _DEMONYMS[key].casefold()
    canonical = canonical_name(bare)
    if canonical != bare:
        return canonical.casefold()
    return key


def _names(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Capitalised names in ``text[lo:hi]`` that may hold a figure, with their offsets."""
    out: list[tuple[int, int, str]] = []
    for m in _NAME.finditer(text, lo, hi):
        words = [
            w
            for w in m.group().split()
            if re.sub(r"[’']s$", "", w).casefold().rstrip(".") not in _NOT_HOLDERS
            and w.rstrip(".") not in ("Jr", "Sr")
        ]
        if not words:
            continue
        if m.start() == 0 and len(m.group().split()) == 1 and m.group().casefold() in _DEMONYMS:
            pass
        name = " ".join(words)
        if m.start() == 0 and len(words) == 1 and re.fullmatch(r"[A-Z][a-z]+s", name):
            continue  # "Delegates from 12 countries": a plural noun opening the sentence
        out.append((m.start(), m.end(), name))
    return out


def _is_speaker(text: str, start: int, end: int) -> bool:
    """ "Aaron said", "said Aaron.", "according to Aaron,": the name says the figure."""
    if _SPEAKER_AFTER.match(text[end : end + 30]):
        return True
    return bool(_SAID_BEFORE.search(text[:start]) and _CLAUSE_END.match(text[end : end + 3]))


_SPEECH = re.compile(
    r"\b(?:said|says|told\s+[\w.’' ]{1,30}?|announced|reported|added|stated|tweeted|posted|"
    r"wrote|estimated|confirmed|according\s+to\s+[\w.’' ]{1,40}?|that)"
    r"(?:\s+(?:on|that)\b)?\s*"
)


def _subject(text: str, lo: int, at: int, context: SentenceContext) -> tuple[frozenset[str], str]:
    """The actor named in the clause before the figure (not a speaker), its possessive, or
    a pronoun's antecedent in the sentence or the one before.

    What is said starts after the speech verb: in "Ukraine's state agency on Wednesday said
    the death toll had risen to 14" Ukraine says the figure, it does not hold it.
    """
    for speech in _SPEECH.finditer(text, lo, at):
        lo = max(lo, speech.end())
    names = [n for n in _names(text, lo, at) if not _is_speaker(text, n[0], n[1])]
    if names:
        _, _, name = names[-1]
        return frozenset({holder_key(name)}), name
    clause = text[lo:at]
    if _PRONOUN_SUBJECT.match(clause) or re.search(
        r"\b(?:it|they)\s+(?:is|was|were|are|has|had|said|would|will)\b", clause
    ):
        # "Canada said it is expelling four": the speaker is the antecedent too.
        earlier = _names(text, 0, lo) or _names(text, 0, at)
        if earlier:
            return frozenset({holder_key(earlier[0][2])}), earlier[0][2]
        for sentence in reversed(context.paragraph_before[-1:]):
            found = _names(sentence, 0, len(sentence))
            if found:
                return frozenset({holder_key(found[0][2])}), found[0][2]
    return frozenset(), ""


def _after_names(text: str, end: int, hi: int, prepositions: str) -> list[str]:
    """Names right after one of ``prepositions`` following the figure: "expelled by
    Germany" (whose), "48 in the Russian embassy" / "12 at the UN mission" (which part)."""
    out = []
    for m in re.finditer(rf"\b(?:{prepositions})\s+(?:the\s+)?", text[end:hi]):
        names = _names(text, end + m.end(), min(hi, end + m.end() + 40))
        if names and names[0][0] == end + m.end():
            out.append(names[0][2])
    return out


def _qualifiers(text: str, end: int, unit_end: int) -> frozenset[str]:
    """Capitalised words between a figure and its noun ("14 EU countries")."""
    between = text[end:unit_end]
    keys = set()
    for w in _WORD.findall(between):
        if w[0].isupper() and w.casefold() not in _NOT_HOLDERS:
            keys.add(holder_key(w))
    return frozenset(keys)


_WHEN_WAS = re.compile(r"\bwhen\s+(?:she|he|they|I|we)\s+(?:was|were)\b", re.IGNORECASE)
"""A clause set at a past moment of someone's life ("when she was 15")."""


def _long_ago(years: set[str], context: SentenceContext) -> bool:
    """Whether the clause is set years before the article (every year it names is two or
    more before the article's)."""
    published = context.published
    return (
        bool(years)
        and published is not None
        and all(len(y) == 4 and int(y) < published.year - 1 for y in years)
    )


def _frame(text: str, lo: int, hi: int, context: SentenceContext) -> frozenset[str]:
    """Time keys stated in the clause: years, months (with the year when known), weekdays
    resolved against the article's date, and "now"."""
    keys: set[str] = set()
    published = context.published
    for m in _FRAME_WORD.finditer(text, lo, hi):
        if m["year"]:
            keys.add(m["year"])
        elif m["month"]:
            month = _MONTHS[m["month"].casefold().rstrip(".")]
            year = published.year if published else None
            if published and month > published.month:
                year = published.year - 1
            keys.add(f"{year}-{month:02d}" if year else f"m{month:02d}")
        elif m["weekday"]:
            keys.add(_weekday_key(m["weekday"], published))
        else:
            keys.add("rel:" + " ".join(m["rel"].casefold().split()))
    return frozenset(keys)


def _weekday_key(weekday: str, published: dt.date | None) -> str:
    """ "Tuesday" in a 2022-03-30 (Wednesday) article is 2022-03-29: the latest such day on
    or before the date. Without a date, the weekday itself."""
    target = _WEEKDAYS.index(weekday.casefold())
    if published is None:
        return f"recent:{weekday.casefold()}"
    back = (published.weekday() - target) % 7
    return "recent:" + (published - dt.timedelta(days=back)).isoformat()


def _measure(text: str, m: nb.NumberMention, lo: int, hi: int) -> str | None:
    """What the figure measures, from its own clause: the nearest event word after it, else
    before it; else its unit when the unit is a measure (miles, dollars, countries)."""
    if m.unit in _DISTANCE_UNITS:
        return "distance"
    if m.unit in _MONEY_UNITS or text[max(0, m.start - 1) : m.start + 1].startswith("$"):
        return "money"
    if m.unit == "percent":
        return "percent"
    if nb.is_duration(m) and _PRISON.search(text, lo, hi):
        return "prison term"
    if nb.is_duration(m) or m.modifier:
        return None
    after = [w for w in islice(_WORD.finditer(text, m.end, hi), 10)]
    for w in after:
        measure = _MEASURE_WORDS.get(w.group().casefold())
        if measure:
            if measure == "shot" and _followed_by_kill(text, w.end(), hi):
                return "killed"
            return measure
    before = list(_WORD.finditer(text, lo, m.start))[-16:]
    for k in range(len(before) - 1, -1, -1):
        measure = _MEASURE_WORDS.get(before[k].group().casefold())
        if measure:
            if measure == "shot" and k and before[k - 1].group().casefold() == "fatally":
                return "killed"
            return measure
    if m.unit and m.unit not in _NOT_UNITS and m.unit.isalpha() and len(m.unit) > 2:
        return f"count:{nb_plural(m.unit)}"
    return None


def nb_plural(unit: str) -> str:
    from tui.core.text import plural

    return plural(unit)


def _followed_by_kill(text: str, at: int, hi: int) -> bool:
    return bool(re.match(r"\s+(?:and\s+)?(?:killed|dead)\b", text[at:hi]))


@lru_cache(maxsize=8192)
def figure_slots(text: str, context: SentenceContext = NO_CONTEXT) -> tuple[FigureSlot, ...]:
    """The figures of ``text`` whose measure can be read, with their slots, in order."""
    out: list[FigureSlot] = []
    taken: list[tuple[int, int]] = []
    for slot in _ages(text, context):
        out.append(slot)
        taken.append((slot.start, slot.end))
    for m in nb.find_numbers(text):
        if any(s <= m.start < e or s < m.end <= e for s, e in taken):
            continue
        if text[m.end : m.end + 9].startswith("-year-old"):
            continue
        if "," in text[m.end : m.context_end]:
            # "risen to 14, officials said": no counted noun past the comma
            m = replace(m, unit=None, context_end=m.end)
        lo, hi = clause_bounds(text, m.start, m.end)
        measure = _measure(text, m, lo, hi)
        if measure is None:
            continue
        subject, holder = _subject(text, lo, m.start, context)
        frame = _frame(text, lo, hi, context)
        relative = _relative_start(text, m.start)
        if relative is not None:
            lo = relative
            # "the September mass shooting at an Antioch church, where one person died": the
            # figure belongs to the noun before, with its names and its time.
            before_lo, _ = clause_bounds(text, max(0, relative - 2), max(0, relative - 1))
            named = [
                n for n in _names(text, before_lo, relative) if not _is_speaker(text, n[0], n[1])
            ]
            subject = subject | frozenset(holder_key(n[2]) for n in named)
            frame = frame | _frame(text, before_lo, relative, context)
            if not subject and not frame:
                continue  # a figure of some other event we cannot name: no slot
            holder = holder or (named[-1][2] if named else "")
        extra = _after_names(text, m.context_end, hi, "by")
        if not subject and extra:
            subject, holder = frozenset(holder_key(x) for x in extra), extra[0]
        places = frozenset(
            holder_key(x)
            for x in _after_names(text, m.end, min(hi, m.context_end + 40), "in|at|from")
        )
        qualifiers = _qualifiers(text, m.end, m.context_end) - subject
        if measure == "distance":
            anchor = re.search(
                r"\b(?:from|of|to)\s+(?:the\s+)?([\w’' .-]{3,40})", text[m.context_end : hi]
            )
            subject = frozenset({"from:" + anchor[1].casefold().strip()}) if anchor else frozenset()
        out.append(
            FigureSlot(
                start=m.start,
                end=m.end,
                context_end=m.context_end,
                text=m.text,
                value=m.value,
                low=m.low,
                high=m.high,
                hedge=m.hedge,
                measure=measure,
                unit=m.unit,
                subject=subject,
                qualifiers=qualifiers,
                frame=frame,
                holder=holder,
                remainder=bool(_REMAINDER.match(text, m.end)),
                places=places,
                part=bool(_PART.search(text, m.end, hi))
                or bool(_ALONE.search(text, _previous_clause_start(text, lo), hi)),
                rate=_rate(text, m.end, hi),
            )
        )
    out.sort(key=lambda s: s.start)
    return tuple(out)


def _ages(text: str, context: SentenceContext) -> list[FigureSlot]:
    """Ages of named people: "Travis Reinking, 29,", "the 32-year-old Knight", "Knight ...
    is 32 now"."""
    out: list[FigureSlot] = []
    if not _DIGIT.search(text):
        return out  # every age pattern needs a digit; most sentences have none
    seen: set[int] = set()
    for n, pattern in enumerate(_AGE_PATTERNS):
        for m in pattern.finditer(text):
            group = "age"
            if "age2" in pattern.groupindex and m.group("age") is None:
                group = "age2"
            value_text = m.group(group)
            if value_text is None:
                continue
            start = m.start(group)
            if start in seen:
                continue
            value = float(value_text)
            if not 0 < value < 120:
                continue
            lo, hi = clause_bounds(text, start, m.end(group))
            name = m.groupdict().get("name")
            if not name:
                people = [x for x in _names(text, 0, start) if not _is_speaker(text, x[0], x[1])]
                if not people:
                    if not re.search(r"\b(?:she|he)\b", text[:start], re.I):
                        continue
                    people = [
                        x
                        for s in reversed(context.paragraph_before[-2:])
                        for x in _names(s, 0, len(s))
                        if not _is_speaker(s, x[0], x[1])
                    ][-1:]
                    if not people:
                        continue
                name = people[-1][2]
            surname = [w for w in name.split() if w.rstrip(".") not in ("Jr", "Sr")][-1]
            if surname.casefold() in _NOT_HOLDERS or surname.casefold() in _DEMONYMS:
                continue
            seen.add(start)
            window = text[max(0, start - 40) : m.end(group) + 12]
            past = n == 3 or bool(re.search(r"\bwhen\s+(?:she|he)\s+was\s+$", text[:start]))
            past = past or (
                n == 2 and text[start - 4 : start] == "was " and not _NOW.search(window)
            )
            # the years the clause names: only an age at a past moment, or a "17-year-old"
            # one, can be of another year than today
            years = (
                {k for k in _frame(text, lo, hi, context) if k[:2] in ("19", "20")}
                if past or n == 1
                else set()
            )
            frame: set[str] = set()
            if past:
                frame = years or {"then"}
            elif n == 1 and _long_ago(years, context):
                # "a drunken, 17-year-old Kavanaugh pinned her down at a party in 1982": his
                # age in 1982, not the 53 of today's reports ("Kavanaugh, 53,").
                frame = years
            elif n == 1 and _WHEN_WAS.search(text, 0, start):
                # "when she was 15, a drunken 17-year-old Kavanaugh pinned her down": then
                frame = {"then"}
            else:
                frame = {"now"}
            out.append(
                FigureSlot(
                    start=start,
                    end=m.end(group),
                    context_end=m.end(group),
                    text=value_text,
                    value=value,
                    low=value,
                    high=value,
                    hedge="",
                    measure="age",
                    unit="year",
                    subject=frozenset({surname.casefold()}),
                    qualifiers=frozenset(),
                    frame=frozenset(frame),
                    holder=" ".join(w for w in name.split() if w.rstrip(".") not in ("Jr", "Sr")),
                )
            )
    return out


def same_slot(a: FigureSlot, b: FigureSlot) -> bool:
    """Whether two figures measure the same thing of the same holder at the same time."""
    if a.measure != b.measure or a.remainder != b.remainder or a.part != b.part:
        return False
    if a.rate != b.rate:
        return False
    if a.measure == "age" and not _same_person(a.holder, b.holder):
        return False
    if a.unit and b.unit and a.unit != b.unit:
        return False
    if a.subject != b.subject and not (a.subject & b.subject):
        return False
    actors = (a.unit in ACTOR_UNITS) or (b.unit in ACTOR_UNITS)
    if actors:
        if a.qualifiers != b.qualifiers:
            return False
    elif a.qualifiers and b.qualifiers and not (a.qualifiers & b.qualifiers):
        return False
    if a.places and b.places and not (a.places & b.places):
        return False
    if a.frame and b.frame:
        frames = a.frame | b.frame
        if a.measure == "age" and "now" not in frames and "then" in frames:
            return True  # an age at some past moment: the other side names the moment
        return bool(a.frame & b.frame) or _frames_overlap(a.frame, b.frame)
    if a.frame or b.frame:
        stated = a.frame or b.frame
        return all(k in _NOW_LIKE or k.startswith("recent:") for k in stated)
    return True


_NOW_LIKE = {"now", "rel:so far", "rel:to date", "rel:in total", "rel:overall", "rel:in all"}


def _same_person(a: str, b: str) -> bool:
    """Two names of one person: the same surname, and the same first name when both give
    one ("Ariel Castro" is not "Onil Castro"; "Castro" may be either)."""
    wa, wb = a.split(), b.split()
    if not wa or not wb or wa[-1].casefold() != wb[-1].casefold():
        return False
    return len(wa) < 2 or len(wb) < 2 or wa[0].casefold() == wb[0].casefold()


def _frames_overlap(a: frozenset[str], b: frozenset[str]) -> bool:
    """ "2002" and "2002-08" overlap; "2017" and "2018-04" do not."""
    for x in a:
        for y in b:
            if x.startswith(y) or y.startswith(x):
                return True
    return False
