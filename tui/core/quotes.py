"""Quotations in a sentence and who said them.

Two quotes are one quote reworded only when one person said them; the same words credited
to two people is a different finding (an attribution). So each quoted stretch gets its
speaker, read as a person reads it: "X said", "said X", "according to X", "X told …:", a
pronoun or a role ("the prime minister") resolved to the person named earlier in the
paragraph, and a quote running over several sentences keeps the speaker of its first one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tui.core.context import NO_CONTEXT, SentenceContext
from tui.core.text import CAPITALISED_NOT_NAMES

_OPEN = "“«„"
_QUOTE_CHAR_RE = re.compile(r'["“«„”»]')
_VERBS = (
    r"(?:said|says|say|told|tells|added|adds|stated|wrote|writes|tweeted|explained|noted|"
    r"warned|declared|insisted|continued|asked|replied|recalled|argued|announced|posted|"
    r"called|described|acknowledged|admitted|confirmed|urged|claimed|vowed|concluded|"
    r"responded|remarked|cautioned|emphasized|stressed|predicted)"
)
_PERSON = (
    r"(?:[A-Z][a-z]+\.?\s+)?(?:[A-Z][\w’'\-]+)(?:\s+(?:[A-Z][\w’'\-]+|de|van|von|bin|al-\w+))*"
    r"(?:\s+Jr\.|\s+Sr\.)?"
)
_ROLE_WORDS = (
    r"(?:prime\s+minister|president|secretary|spokesman|spokeswoman|spokesperson|minister|"
    r"chancellor|mayor|governor|senator|chief|official|ambassador|director|sheriff|"
    r"commissioner|leader|chairman|attorney|lawyer|judge|prosecutor)"
)
_SPEAKER_WORD = rf"(?P<who>{_PERSON}|he|she|they|(?i:the\s+{_ROLE_WORDS})|it)"
_DESCRIPTOR = r"(?:[A-Za-z.’'\-]+\s+){0,6}?"
"""Words before a name that say who the person is ("police spokesman", "White House")."""
_AFTER_PATTERNS = (
    # ' ," said Aaron' / ' ," said police spokesman Don Aaron'
    re.compile(
        rf"^[\s,.!?]*{_VERBS}\s+(?:(?:the\s+)?[a-z]+(?:\s+[a-z]+){{0,3}}\s+)?(?P<who>{_PERSON}|he|she|they)"
    ),
    # ' ," Aaron said' / ' ," he told CNN' / ' ," Sanders, the press secretary, said'
    re.compile(rf"^[\s,.!?]*{_DESCRIPTOR}{_SPEAKER_WORD}(?:,[^,\"“”]{{1,80}},)?\s+{_VERBS}\b"),
)
_BEFORE_PATTERNS = (
    # 'Aaron said: "' / 'Aaron told WTVF: "' / 'Aaron said that "'
    re.compile(
        rf"{_SPEAKER_WORD}(?:,[^,\"“”]{{1,80}},)?\s+(?:also\s+|later\s+|initially\s+)?{_VERBS}\b[^\"“”]{{0,80}}$"
    ),
    re.compile(rf"\b(?i:according\s+to)\s+{_DESCRIPTOR}{_SPEAKER_WORD}[^\"“”]{{0,40}}$"),
)
_ROLE_NAME = re.compile(
    rf"\b(?P<role>(?i:{_ROLE_WORDS}))\s+(?P<name>(?:[A-Z][\w’'\-]+\s+){{0,2}}[A-Z][\w’'\-]+)"
)
_NOT_PEOPLE = CAPITALISED_NOT_NAMES | {"cnn"}
_PRONOUNS = {"he", "she", "they", "it"}


@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted stretch (inside the marks) and its speaker, in sentence offsets."""

    start: int
    end: int
    speaker: str
    """The speaker's key (a surname, casefolded), or "" when it cannot be told."""
    speaker_name: str
    """The speaker as written ("Sarah Sanders"), or ""."""
    explicit: bool = False
    """The speaker is named in the quote's own sentence, not read through "he" or an
    earlier sentence."""
    attribution: str = ""
    """How the speaker was read: "named" in the sentence, "pronoun" ("he said", resolved
    to the person named just before), "continued" (the quote runs on from or into another
    sentence that names the speaker), or "" when unknown."""


@lru_cache(maxsize=8192)
def quote_regions(text: str) -> tuple[tuple[int, int], ...]:
    """Quoted stretches (inside the marks) of ``text``.

    A quote may open in an earlier sentence or close in a later one: an unmatched closing
    mark quotes from the sentence start, an unmatched opening one to its end. A stretch
    never runs past its closing mark.
    """
    regions: list[tuple[int, int]] = []
    open_at: int | None = None
    for m in _QUOTE_CHAR_RE.finditer(text):
        i, ch = m.start(), m.group()
        if ch == '"':
            opening = i == 0 or text[i - 1].isspace() or text[i - 1] in "([—–-"
        else:
            opening = ch in _OPEN
        if opening:
            open_at = i + 1
        else:
            regions.append((open_at if open_at is not None else 0, i))
            open_at = None
    if open_at is not None:
        regions.append((open_at, len(text)))
    return tuple((s, e) for s, e in regions if e > s)


def _key(name: str) -> str:
    words = [w for w in re.split(r"\s+", name.strip()) if w.rstrip(".") not in ("Jr", "Sr")]
    return words[-1].casefold().strip("’'.,") if words else ""


_SPEAKS = (
    re.compile(rf"(?P<who>{_PERSON})(?:,[^,]{{1,60}},)?\s+{_VERBS}\b"),
    re.compile(rf"\b{_VERBS}\s+(?:[a-z]+\s+){{0,3}}(?P<who>{_PERSON})(?=\s*(?:[,.;:]|$))"),
)


def _named_people(text: str) -> list[tuple[str, str]]:
    """(key, name) of the people ``text`` names, in order of preference: those it says
    speak ("X said", "said X") first, then roles filled by names ("Prime Minister Theresa
    May"): "Sarah Sanders said the case was unrelated to President Donald Trump" is
    Sanders speaking."""
    speakers: list[tuple[int, str]] = []
    for pattern in _SPEAKS:
        for m in pattern.finditer(text):
            speakers.append((m.start("who"), m.group("who")))
    roles = [(m.start("name"), m.group("name")) for m in _ROLE_NAME.finditer(text)]
    out: list[tuple[str, str]] = []
    for _, who in sorted(roles) + sorted(speakers):
        words = [w for w in who.split() if w.casefold() not in _NOT_PEOPLE]
        if words and words[0][0].isupper():
            name = " ".join(words)
            out.append((_key(name), name))
    return out  # the preferred one last


def _resolve(word: str, text: str, start: int, context: SentenceContext) -> tuple[str, str]:
    """A pronoun or role resolved to the person named last before it."""
    role = re.match(rf"the\s+(?P<role>{_ROLE_WORDS})", word, re.IGNORECASE)
    sources = [text[:start], *reversed(context.paragraph_before or context.before[-1:])]
    if role:
        wanted = role.group("role").casefold().split()[-1]
        for source in [text, *reversed(context.before)]:
            for m in _ROLE_NAME.finditer(source):
                if m.group("role").casefold().split()[-1] == wanted:
                    return _key(m.group("name")), m.group("name")
        return "", ""
    if word.casefold() == "it":
        return "", ""
    for source in sources:
        people = _named_people(source)
        if people:
            return people[-1]
    return "", ""


def _speaker_at(
    text: str, region: tuple[int, int], context: SentenceContext
) -> tuple[str, str, str]:
    start, end = region
    close = end + 1 if end < len(text) else end
    tail = text[close : close + 120]
    for pattern in _AFTER_PATTERNS:
        m = pattern.match(tail)
        if m:
            return (*_speaker_from(m.group("who"), text, start, context), _how(m.group("who")))
    head = text[max(0, start - 1 - 160) : max(0, start - 1)]
    for pattern in _BEFORE_PATTERNS:
        m = pattern.search(head)
        if m:
            return (*_speaker_from(m.group("who"), text, start, context), _how(m.group("who")))
    return "", "", ""


def _how(who: str) -> str:
    bare = who.strip().casefold()
    return "pronoun" if bare in _PRONOUNS or bare.startswith("the ") else "named"


def _speaker_from(who: str, text: str, start: int, context: SentenceContext) -> tuple[str, str]:
    bare = who.strip()
    if bare.casefold() in _PRONOUNS or bare.casefold().startswith("the "):
        return _resolve(bare, text, start, context)
    words = [w for w in bare.split() if w.casefold() not in _NOT_PEOPLE]
    if not words:
        return "", ""
    name = " ".join(words)
    return _key(name), name


@lru_cache(maxsize=8192)
def quotes(text: str, context: SentenceContext = NO_CONTEXT) -> tuple[Quote, ...]:
    """The quotes of ``text`` with their speakers.

    A quote with no attribution in its own sentence takes the speaker of the quote it
    continues: an attributed quote in the sentence after it (within the region's sentence)
    or, for a quote that opened earlier, the speaker of the paragraph's last attributed
    quote.
    """
    regions = quote_regions(text)
    read = [_speaker_at(text, region, context) for region in regions]
    found = [(key, name) for key, name, _ in read]
    hows = [how for _, _, how in read]
    # One attribution often serves every quote of the sentence ('"A," he said. "B."').
    known = [f for f in found if f[0]]
    out: list[Quote] = []
    for region, (key, name), how in zip(regions, found, hows, strict=True):
        explicit = how == "named"
        if not key and len({k for k, _ in known}) == 1:
            key, name = known[0]
            how = "named"
        if not key and region[1] == len(text.rstrip(" .")) and context.after:
            key, name = _closing_speaker(context)  # the quote runs on into the next sentence
            how = "continued" if key else ""
        if not key and (region[0] == 0 or not known):
            key, name = _continued_speaker(context)
            how = "continued" if key else ""
        out.append(Quote(region[0], region[1], key, name, explicit, how))
    return tuple(out)


def _closing_speaker(context: SentenceContext) -> tuple[str, str]:
    """The speaker named where a quote that runs on closes: '"He wanted … life. He's
    accepted responsibility. … remember that," said attorney Kevin Downing.'"""
    later = SentenceContext(context.published, (), 0)
    for sentence in context.after:
        regions = quote_regions(sentence)
        if not regions or regions[0][0] != 0:
            return "", ""
        key, name, _ = _speaker_at(sentence, regions[0], later)
        if key:
            return key, name
        if regions[0][1] < len(sentence.rstrip(" .")):
            return "", ""  # it closed without saying who
    return "", ""


def _continued_speaker(context: SentenceContext) -> tuple[str, str]:
    """Who speaks a quote with no attribution of its own: the speaker of the last
    attributed quote in the paragraph, else of the sentence just before ("Atroshenko said
    the bombardment intensified." then a quote paragraph)."""
    earlier = SentenceContext(context.published, (), 0)
    nearby = context.paragraph_before or context.before[-1:]
    for sentence in reversed(nearby):
        for quote in reversed(quotes(sentence, earlier)):
            if quote.speaker:
                return quote.speaker, quote.speaker_name
        people = [p for p in _named_people(sentence) if p[0]]
        if people and _SAYS.search(sentence):
            return people[-1]
    return "", ""


_SAYS = re.compile(rf"\b{_VERBS}\b")
