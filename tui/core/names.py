"""Names and lists of names in a sentence, and telling a spelling variant from a new name.

Outlets spell the same person differently (Boichenko/Boychenko, a typo like
Astroshenko for Atroshenko): that is worth a quiet "variant" note, never a
conflict. A different person in the same role, or a different set of
countries in the same list, is a conflict a fact-checker wants to see.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

_TOKEN_RE = re.compile(r"(?<![\w’'])(?:[A-Z]\.){2,}|(?<![\w’'])[A-Z][a-z]+(?:[’'\-][A-Za-z]+)*")

_MONTHS_DAYS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Jan|Feb|Mar|Apr|Jun|Jul|Aug|"
    "Sep|Sept|Oct|Nov|Dec"
)
# Capitalised words that are not names: titles, sentence openers, house-style spellings.
_NOT_NAMES = {
    w.casefold()
    for w in (
        _MONTHS_DAYS.split("|")
        + """The A An And But Or In On At Of For To From With By As It Its He She They We You I
        This That These Those There Here However Meanwhile While When After Before Over Under
        Mayor Governor President Minister Secretary Spokesman Spokesperson Deputy Prime Foreign
        Defence Defense Ministry General Gen Maj Mr Mrs Ms Dr Head Chief Centre Center Regional
        Region City State States Agency Office Department Council Army Military Forces Force
        Mission Human Rights National Security Staff Live Story Watch View Image Duration
        Yes No Of Last Almost Nearly About More Most Some Thousands Tens Hundreds Millions
        Russian Ukrainian British Turkish Western Eastern Northern Southern Danish""".split()  # noqa: SIM905
    )
}
_DEMONYM_SUFFIXES = ("n", "ns", "an", "ans", "ian", "ians", "s", "es", "ese", "ish", "i", "'s")
_SPELLING_CONVENTIONS = (
    (re.compile(r"ence\b"), "ense"),
    (re.compile(r"our\b"), "or"),
    (re.compile(r"is(e|ed|ing|ation)\b"), r"iz\1"),
    (re.compile(r"tre\b"), "ter"),
)
_TRANSLIT = (
    (re.compile(r"[’'`]"), ""),
    (re.compile(r"x"), "ks"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"[yj]"), "i"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"w"), "v"),
    (re.compile(r"(.)\1+"), r"\1"),
)

_ROLE_WORDS = (
    "Mayor|Governor|President|Minister|Secretary|Chancellor|spokesman|spokesperson|"
    "spokeswoman|negotiator|commander|ambassador|mayor|governor|president|minister|"
    "secretary|Ambassador|Commander|Spokesman|Spokesperson"
)
_ROLE_RE = re.compile(
    r"(?P<role>(?:(?P<mod>[A-Z][\w’'\-]+)\s+)?(?P<word>" + _ROLE_WORDS + r"))\s+"
    r"(?P<name>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2})"
)

_ALIASES = {
    "us": "United States", "usa": "United States", "u.s.": "United States",
    "u.s.a.": "United States", "united states": "United States", "america": "United States",
    "uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom", "united kingdom": "United Kingdom",
    "eu": "European Union", "european union": "European Union",
    "un": "United Nations", "u.n.": "United Nations", "united nations": "United Nations",
}  # fmt: skip
_ITEM = (
    r"(?:the\s+)?(?!(?:" + _MONTHS_DAYS + r"|However|Meanwhile|But|And|The|In|On)\b)"
    r"(?:(?:[A-Z]\.){2,}|[A-Z][\w’'\-]+(?:\s+(?:of\s+)?[A-Z][\w’'\-]+){0,2})"
)
_SEP = r"(?:,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
_LIST_RE = re.compile(r"(?P<list>" + _ITEM + r"(?:" + _SEP + _ITEM + r")+)(?P<tail>\s+etc\b)?")
_ITEM_RE = re.compile(_ITEM)
_NAMES = _ITEM + r"(?:" + _SEP + _ITEM + r")*"
_RANGE_RE = re.compile(r"\bfrom\s+(?P<first>" + _NAMES + r")\s+to\s+(?P<last>" + _NAMES + r")")
"""'from France and Germany to Latvia and Estonia': a range of examples, one list of all four."""
_LIST_TOPICS = (
    ("guarant", "Guarantor list"),
    ("sanction", "Sanctions list"),
    ("countr", "Country list"),
    ("nation", "Country list"),
    ("cities", "List of cities"),
    ("towns", "List of towns"),
    ("region", "List of regions"),
)


@dataclass(frozen=True, slots=True)
class NameToken:
    """A capitalised word that may be (part of) a name, in sentence offsets."""

    start: int
    end: int
    text: str
    key: str
    """Casefolded, possessive dropped: what must match exactly to count as the same name."""


@dataclass(frozen=True, slots=True)
class RoleName:
    """ "Mayor Vadym Boichenko": a role and the name that fills it, in sentence offsets."""

    role: str
    """The role word, lowercased ("mayor")."""
    modifier: str
    """The word before it, lowercased ("chernihiv" in "Chernihiv Mayor"), or ""."""
    start: int
    end: int
    name: str


@dataclass(frozen=True, slots=True)
class NameList:
    """A list of names ("the U.S., Britain, France and Poland"), in sentence offsets."""

    start: int
    end: int
    items: tuple[str, ...]
    """The items as written."""
    canonical: tuple[str, ...]
    """The items normalised (U.S./USA -> United States), in the same order."""
    open_ended: bool
    """The list says "etc." or "including": it does not claim to be complete."""


def _possessive(word: str) -> str:
    return re.sub(r"[’']s$", "", word)


@lru_cache(maxsize=8192)
def name_tokens(text: str) -> tuple[NameToken, ...]:
    """Capitalised words of ``text`` that could be names, skipping titles and openers."""
    out: list[NameToken] = []
    for m in _TOKEN_RE.finditer(text):
        word = _possessive(m.group())
        key = word.casefold()
        if key in _NOT_NAMES or len(word) < 3:
            continue
        out.append(NameToken(m.start(), m.start() + len(word), word, key))
    return tuple(out)


@lru_cache(maxsize=16384)
def translit_key(word: str) -> str:
    """A spelling-insensitive key: Zelensky/Zelenskiy/Zelenskyy, Boichenko/Boychenko agree."""
    key = word.casefold()
    for pattern, repl in _TRANSLIT:
        key = pattern.sub(repl, key)
    return key


def _convention_key(word: str) -> str:
    key = word.casefold()
    for pattern, repl in _SPELLING_CONVENTIONS:
        key = pattern.sub(repl, key)
    return key


def _is_inflection(a: str, b: str) -> bool:
    """Ukraine/Ukrainian, Russia/Russians, Delegation/Delegations: one word, two forms."""
    short, long = sorted((a.casefold(), b.casefold()), key=len)
    for cut in (0, 1):
        stem = short[: len(short) - cut] if cut else short
        if long.startswith(stem) and long[len(stem) :] in _DEMONYM_SUFFIXES:
            return True
    return False


@lru_cache(maxsize=65536)
def variant_kind(a: str, b: str) -> str | None:
    """ "transliteration" or "spelling" if ``a`` and ``b`` are one name spelt two ways."""
    if a.casefold() == b.casefold():
        return None
    ka, kb = translit_key(a), translit_key(b)
    if ka != kb and (ka[:1] != kb[:1] or abs(len(ka) - len(kb)) > 3):
        return None  # the cheap test first: most word pairs are plainly different
    if _is_inflection(a, b):
        return None
    parts_a, parts_b = a.split("-"), b.split("-")
    if len(parts_a) > 1 and len(parts_a) == len(parts_b):
        # "Russian-backed" / "Russia-backed": judge the parts, not the compound.
        kinds = [variant_kind(x, y) for x, y in zip(parts_a, parts_b, strict=True)]
        changed = [k for x, y, k in zip(parts_a, parts_b, kinds, strict=True) if x != y]
        return changed[0] if len(changed) == 1 and changed[0] else None
    if _convention_key(a) == _convention_key(b):
        return None  # Defence/Defense: house style, not a name
    if ka == kb:
        return "transliteration"
    if min(len(ka), len(kb)) < 4 or ka[0] != kb[0]:
        return None
    if Levenshtein.normalized_similarity(ka, kb) >= 0.8:
        return "spelling"
    return None


@lru_cache(maxsize=8192)
def role_names(text: str) -> tuple[RoleName, ...]:
    """Roles filled by a name: "Mayor Vadym Boichenko", "Foreign Minister Mevlut Cavusoglu"."""
    out: list[RoleName] = []
    for m in _ROLE_RE.finditer(text):
        name = _possessive(m.group("name"))
        words = [w for w in name.split() if w.casefold() not in _NOT_NAMES]
        if not words:
            continue
        mod = (m.group("mod") or "").casefold()
        out.append(
            RoleName(
                role=m.group("word").casefold(),
                modifier=mod,
                start=m.start("name"),
                end=m.start("name") + len(name),
                name=name,
            )
        )
    return tuple(out)


def canonical_name(item: str) -> str:
    """U.S./USA/United States -> "United States"; a place's adjective as the place
    ("European" -> "Europe", "Syrian" -> "Syria"); others trimmed."""
    bare = re.sub(r"^the\s+", "", item.strip(), flags=re.IGNORECASE)
    aliased = _ALIASES.get(bare.casefold())
    if aliased is not None:
        return aliased
    if " " not in bare and len(bare) >= 6:
        for adjective, place in (("ean", "e"), ("ian", "ia")):
            if bare.endswith(adjective):
                return bare[: -len(adjective)] + place
    return bare


@lru_cache(maxsize=8192)
def name_lists(text: str) -> tuple[NameList, ...]:
    """Lists of two or more names ("Kyiv and Chernihiv", "(USA, UK, Turkey etc.)")."""
    out: list[NameList] = []
    for m in _LIST_RE.finditer(text):
        body = m.group("list")
        items = [(im.start(), im.group()) for im in _ITEM_RE.finditer(body) if im.group().strip()]
        seps = [
            body[items[i][0] + len(items[i][1]) : items[i + 1][0]] for i in range(len(items) - 1)
        ]
        if len(items) < 2:
            continue
        ends_with_and = bool(re.search(r"\b(?:and|or)\b", seps[-1]))
        before = text[max(0, m.start() - 12) : m.start()]
        etc = bool(m.group("tail"))
        enclosed = before.rstrip().endswith("(") or text[m.end() : m.end() + 2].startswith(")")
        if not (ends_with_and or ((etc or enclosed) and len(items) >= 3)):
            continue
        if len(items) >= 3 and not all(
            re.fullmatch(r",\s+(?:and\s+|or\s+)?", s) for s in seps[:-1]
        ):
            continue
        clean = tuple(re.sub(r"^the\s+", "", it) for _, it in items)
        if any(w.casefold() in _NOT_NAMES for it in clean for w in it.split()):
            continue  # "Prime Minister Boris Johnson and US President": titles, not a list
        start = m.start() + items[0][0]
        if body.startswith("the "):
            start += 4
        including = bool(re.search(r"\b(?:including|such as|like)\s+(?:the\s+)?$", before))
        out.append(
            NameList(
                start=start,
                end=m.start() + items[-1][0] + len(items[-1][1]),
                items=clean,
                canonical=tuple(canonical_name(it) for it in clean),
                open_ended=etc or including,
            )
        )
    return tuple(_with_ranges(text, out))


def _with_ranges(text: str, lists: list[NameList]) -> list[NameList]:
    """``lists`` with each "from X and Y to Z and W" made one open-ended list of every name
    in it (the lists inside it dropped): read as two lists, France and Germany were missed
    when the other side's list matched "Latvia and Estonia". A side must be a list: "from
    Kyiv to Lviv" is a route, not a list."""
    for m in _RANGE_RE.finditer(text):
        parts = [
            [(m.start(g) + im.start(), im.group()) for im in _ITEM_RE.finditer(m.group(g))]
            for g in ("first", "last")
        ]
        if max(len(part) for part in parts) < 2:
            continue
        items = [(at, re.sub(r"^the\s+", "", item)) for part in parts for at, item in part]
        if any(w.casefold() in _NOT_NAMES for _, it in items for w in it.split()):
            continue
        first_at, first = parts[0][0]
        last_at, last = parts[1][-1]
        start = first_at + (4 if first.startswith("the ") else 0)
        end = last_at + len(last)
        lists = [found for found in lists if found.end <= start or found.start >= end]
        clean = tuple(item for _, item in items)
        lists.append(
            NameList(
                start=start,
                end=end,
                items=clean,
                canonical=tuple(canonical_name(it) for it in clean),
                open_ended=True,
            )
        )
    lists.sort(key=lambda found: found.start)
    return lists


def list_topic(text_a: str, list_a: NameList, text_b: str, list_b: NameList) -> str:
    """What the list is of, from words just before it in either sentence."""
    context = (
        text_a[max(0, list_a.start - 80) : list_a.start]
        + " "
        + text_b[max(0, list_b.start - 80) : list_b.start]
    ).casefold()
    for stem, label in _LIST_TOPICS:
        if stem in context:
            return label
    return "List"
