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
_NOT_PEOPLE = {
    w.casefold()
    for w in [
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
        "CNN",
        "AP",
    ]
}
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


def _named_people(text: str) -> list[tuple[str, str]]:
    """(key, name) of people named in ``text``: "X said" / "said X" speakers first, then
    roles filled by names ("Prime Minister Theresa May")."""
    out: list[tuple[str, str]] = []
    for pattern in (
        re.compile(rf"(?P<who>{_PERSON})(?:,[^,]{{1,60}},)?\s+{_VERBS}\b"),
        re.compile(rf"\b{_VERBS}\s+(?:[a-z]+\s+){{0,3}}(?P<who>{_PERSON})"),
        _ROLE_NAME,
    ):
        for m in pattern.finditer(text):
            who = m.group("name") if "name" in pattern.groupindex else m.group("who")
            words = [w for w in who.split() if w.casefold() not in _NOT_PEOPLE]
            if words and words[0][0].isupper():
                name = " ".join(words)
                out.append((_key(name), name))
    return out


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


def _speaker_at(text: str, region: tuple[int, int], context: SentenceContext) -> tuple[str, str]:
    start, end = region
    close = end + 1 if end < len(text) else end
    tail = text[close : close + 120]
    for pattern in _AFTER_PATTERNS:
        m = pattern.match(tail)
        if m:
            return _speaker_from(m.group("who"), text, start, context)
    head = text[max(0, start - 1 - 160) : max(0, start - 1)]
    for pattern in _BEFORE_PATTERNS:
        m = pattern.search(head)
        if m:
            return _speaker_from(m.group("who"), text, start, context)
    return "", ""


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
    found = [_speaker_at(text, region, context) for region in regions]
    # One attribution often serves every quote of the sentence ('"A," he said. "B."').
    known = [f for f in found if f[0]]
    out: list[Quote] = []
    for region, (key, name) in zip(regions, found, strict=True):
        explicit = bool(key) and name.casefold() not in _PRONOUNS and key in name.casefold()
        if not key and len({k for k, _ in known}) == 1:
            key, name = known[0]
        if not key and (region[0] == 0 or not known):
            key, name = _continued_speaker(context)
        out.append(Quote(region[0], region[1], key, name, explicit))
    return tuple(out)


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
