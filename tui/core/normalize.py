"""Text normalisation for matching sentences across outlets.

Two outlets write the same fact with different case, punctuation, quote styles,
spelled-out numbers, British or American spelling and transliterations of names
(Zelensky, Zelenskiy, Zelenskyy; Kiev, Kyiv). Matching compares what survives
this module, never the raw text; offsets and display always use the raw text.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache

import numpy as np
import Stemmer
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

_QUOTES = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "`": "'",
        "´": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "–": "-",
        "—": "-",
        "‑": "-",
        "−": "-",
        "…": "...",
    }
)
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[a-z]+")
_CLAUSE_BREAK = re.compile(r"(?<!\d),(?!\d)|[;:()\"\[\]]|\s-\s|\.\.\.")

_SMALL_NUMBERS = """zero one two three four five six seven eight nine ten eleven twelve thirteen
fourteen fifteen sixteen seventeen eighteen nineteen twenty"""
_NUMBER_WORDS: dict[str, str] = {
    word: str(value) for value, word in enumerate(_SMALL_NUMBERS.split())
}
_NUMBER_WORDS.update(
    {
        "thirty": "30",
        "forty": "40",
        "fifty": "50",
        "sixty": "60",
        "seventy": "70",
        "eighty": "80",
        "ninety": "90",
        "hundred": "100",
        "first": "1st",
        "second": "2nd",
        "third": "3rd",
        "ii": "2",
        "iii": "3",
    }
)

KNOWN_VARIANTS: dict[str, str] = {
    # transliterations of names and places in the news of the seeds and beyond
    "kiev": "kyiv",
    "zelenskiy": "zelensky",
    "zelenskyy": "zelensky",
    "zelenski": "zelensky",
    "zeleskyy": "zelensky",
    "aleksandr": "alexander",
    "aleksander": "alexander",
    "alexandr": "alexander",
    "mykhaylo": "mykhailo",
    "boychenko": "boichenko",
    "astroshenko": "atroshenko",
    "kharkov": "kharkiv",
    "odessa": "odesa",
    "lvov": "lviv",
    "nikolaev": "mykolaiv",
    "mykolayiv": "mykolaiv",
    "chernigov": "chernihiv",
    "dmitri": "dmitry",
    "dmitriy": "dmitry",
    # British and American spellings
    "defense": "defence",
    "offense": "offence",
    "skepticism": "scepticism",
    "skeptical": "sceptical",
    "maneuver": "manoeuvre",
    "maneuvers": "manoeuvres",
    "storey": "story",
    "traveled": "travelled",
    "traveling": "travelling",
    "traveler": "traveller",
    "travelers": "travellers",
    "canceled": "cancelled",
    "canceling": "cancelling",
    "labeled": "labelled",
    "modeled": "modelled",
    "signaled": "signalled",
    "fueled": "fuelled",
    "leveled": "levelled",
    "totaled": "totalled",
    "counseled": "counselled",
    "jewelry": "jewellery",
    "pummelled": "pummeled",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "america": "usa",
    "british": "britain",
    "nonmilitary": "non military",
}
_BRITISH_ENDINGS = (("our", "or"), ("tre", "ter"), ("ise", "ize"), ("ised", "ized"))

_STOPWORD_TEXT = """a about above after again against all also am an and any are as at be because
    been before being below between both but by can could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in into
    is it its itself just me more most my myself no nor not now of off on once only or other
    our ours ourselves out over own same she should so some such than that the their theirs
    them themselves then there these they this those through to too under until up very was we
    were what when where which while who whom why will with would you your yours yourself mr
    mrs ms said says say saying told tell according s t new"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
"""Words that carry no fact on their own; the aligner ignores them."""

_ENGLISH = Stemmer.Stemmer("english")
"""Snowball (Porter 2) English stemmer, in C; joins "civilian/civilians", "shelling/shells",
"reduce/reduced" where 6-letter truncation split some and merged unrelated words."""


def fold(text: str) -> str:
    """Lower-case, unify quote and dash styles, drop accents."""
    text = text.translate(_QUOTES)
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def canonical_word(word: str, variants: Mapping[str, str] | None = None) -> str:
    """One spelling for a word: numbers as digits, known and corpus variants merged."""
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    if variants is not None and word in variants:
        return variants[word]
    if word in KNOWN_VARIANTS:
        return KNOWN_VARIANTS[word]
    if word[:1].isdigit():
        return word.replace(",", "")
    for british, american in _BRITISH_ENDINGS:
        if len(word) > 5 and word.endswith(american):
            return word[: -len(american)] + british
    return word


_COUNTRY_ABBREVIATIONS = (
    (re.compile(r"\bU\.?S\.?A?\.?(?![a-z])"), " USA "),
    (re.compile(r"\bU\.?K\.?(?![a-z])"), " Britain "),
)
_CLOCK = re.compile(r"\b(\d{1,2}):(\d{2})\b(?:\s*([ap])\.?\s?m\b\.?)?", re.IGNORECASE)


def _clock_time(match: re.Match[str]) -> str:
    hour, minute, half = int(match[1]), match[2], (match[3] or "").lower()
    if half == "p" and hour < 12:
        hour += 12
    elif half == "a" and hour == 12:
        hour = 0
    return f"{match[1]}:{minute} {hour:02d}{minute}"


def clock_times(text: str) -> str:
    """``text`` with a token for each clock time beside it: "3:25 a.m." and "3:25 am" both
    give "0325" (24-hour), a rare token two reports of one event's time share, where the hour
    and the minutes alone are common numbers. The hour and the minutes stay."""
    return _CLOCK.sub(_clock_time, text) if ":" in text else text


def words(text: str, variants: Mapping[str, str] | None = None) -> list[str]:
    """The canonical words of ``text``, stopwords included, in order."""
    for pattern, replacement in _COUNTRY_ABBREVIATIONS:
        text = pattern.sub(replacement, text)
    folded = fold(clock_times(text)).replace("'s ", " ").replace("'", "")
    return [canonical_word(w, variants) for w in _TOKEN.findall(folded)]


def normalize_text(text: str, variants: Mapping[str, str] | None = None) -> str:
    """``text`` as one normalised string: what rapidfuzz compares."""
    return " ".join(words(text, variants))


@lru_cache(maxsize=1 << 16)
def term(word: str) -> str:
    """The matching key of a canonical word: numbers whole, words stemmed (cached per word)."""
    return word if word[:1].isdigit() else str(_ENGLISH.stemWord(word))


def informative(canonical_words: Iterable[str]) -> list[str]:
    """Matching terms of canonical words: stopwords and single letters dropped, stemmed."""
    return [term(w) for w in canonical_words if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]


def content_terms(text: str, variants: Mapping[str, str] | None = None) -> list[str]:
    """Informative terms of ``text`` (stopwords dropped, stemmed), in order."""
    return informative(words(text, variants))


def clause_terms(text: str, variants: Mapping[str, str] | None = None) -> list[list[str]]:
    """Informative terms of each clause of ``text`` (see ``clauses``), in one pass."""
    return [content_terms(piece, variants) for piece in clauses(text)]


_TOKEN_OR_BREAK = re.compile(r"(\d+(?:[.,]\d+)*|[a-z]+)|(?<!\d),(?!\d)|[;:()\"\[\]]|\s-\s|\.\.\.")


def clause_words(
    text: str, variants: Mapping[str, str] | None = None, memo: dict[str, str] | None = None
) -> list[list[str]]:
    """The canonical words of each clause of ``text`` (stopwords included), in one pass.

    Same words as ``words`` and same pieces as ``clauses``; ``memo`` caches
    ``canonical_word`` across the sentences of one corpus (it depends on ``variants``).
    """
    if "U" in text:  # both abbreviations start with it: most sentences skip the regexes
        for pattern, replacement in _COUNTRY_ABBREVIATIONS:
            text = pattern.sub(replacement, text)
    folded = fold(clock_times(text)).replace("'s ", " ").replace("'", "")
    memo = {} if memo is None else memo
    pieces: list[list[str]] = [[]]
    piece = pieces[0]
    # findall yields the word group, or "" for a clause break: no match objects
    for word in _TOKEN_OR_BREAK.findall(folded):
        if not word:
            if piece:
                piece = []
                pieces.append(piece)
            continue
        canonical = memo.get(word)
        if canonical is None:
            canonical = memo[word] = canonical_word(word, variants)
        piece.append(canonical)
    return [piece for piece in pieces if piece]


def clauses(text: str) -> list[str]:
    """Pieces of a sentence between commas, quotes, brackets and dashes."""
    return [piece for piece in _CLAUSE_BREAK.split(fold(text)) if piece.strip()]


_REPORTING_TEXT = """said says say told tells added adds according tweeted wrote writes stated
    states explained noted confirmed announced asked warned"""
_REPORTING = frozenset(_REPORTING_TEXT.split())
_MAY_REPORT_LOWER = re.compile("|".join(sorted(_REPORTING)))
"""A cheap gate on the lower-cased text (no word boundaries, so "sayings" passes it): the
words of a clause it lets through are then checked one by one."""
_TITLE_TEXT = """spokesman spokeswoman spokesperson spokespeople police officials official
    department agency president minister secretary governor mayor chief head director leader
    deputy chairman senator sen rep representative press prime foreign defense defence state
    house white council commission ministry office aide aides executive ceo attorney general
    sheriff commissioner ambassador lawyer"""
_TITLE_WORDS = frozenset(_TITLE_TEXT.split())
"""Words of a speaker's title that are not capitalised ("police spokesman Don Aaron")."""
_PLAIN = _REPORTING | STOPWORDS
_RAW_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'.-]*")
MAX_ATTRIBUTION_WORDS = 8
"""An attribution names its speaker in a few words; a longer clause says something more."""


def attribution_clauses(text: str) -> list[str]:
    """The clauses of ``text`` that only say who said it: a reporting verb ("said", "told",
    "according to") and otherwise only names, titles and stopwords, e.g. "European Council
    President Donald Tusk said" after a quote, or "according to the National Center for
    Missing & Exploited Children". A clause that also says what was done ("Tusk said 14
    countries would expel diplomats") is not one.
    """
    if not _MAY_REPORT_LOWER.search(text.lower()):
        return []
    found = []
    for piece in _CLAUSE_BREAK.split(text.translate(_QUOTES)):
        if not _MAY_REPORT_LOWER.search(piece.lower()):
            continue
        words = [(w, w.lower().rstrip(".'")) for w in _RAW_WORD.findall(piece)]
        rest = [(w, low) for w, low in words if low not in _PLAIN]
        if (
            0 < len(rest) <= MAX_ATTRIBUTION_WORDS
            and len(rest) < len(words)
            and any(low in _REPORTING for _, low in words)
            and all(w[0].isupper() or low in _TITLE_WORDS for w, low in rest)
        ):
            found.append(piece)
    return found


_WRITTEN_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
NAME_SHARE = 0.6
"""A stem is a name when this share of its uses inside sentences is capitalised."""


def name_terms(
    texts: Iterable[str],
    variants: Mapping[str, str] | None = None,
    memo: dict[str, str] | None = None,
) -> frozenset[str]:
    """The stems of ``texts`` that are names: capitalised in most of their uses after a
    sentence's first word ("Scalise", "Capitol", "Treasury", "Mnuchin").

    Read from the corpus itself, so "police" stays a word and "Police Chief Michael McGrath"
    gives three names; what two sentences share beyond names says whether they report one
    fact or only the same people.
    """
    memo = {} if memo is None else memo
    written: Counter[str] = Counter()
    for text in set(texts):
        written.update(_WRITTEN_WORD.findall(text)[1:])  # not the sentence's first word
    capital: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    stems_of: dict[str, list[str]] = {}
    for word, count in written.items():
        key = word.lower()
        stems = stems_of.get(key)
        if stems is None:
            stems = stems_of[key] = informative(
                w for piece in clause_words(word, variants, memo) for w in piece
            )
        for stem in stems:
            seen[stem] += count
            if word[0].isupper():
                capital[stem] += count
    return frozenset(stem for stem, n in seen.items() if capital[stem] >= NAME_SHARE * n)


_NAME = re.compile(r"(?<![.!?\"]\s)(?<!^)\b[A-Z][a-z]{4,}\b")


def build_variant_map(texts: Iterable[str]) -> dict[str, str]:
    """Merge spellings of the same proper name found in the corpus (Zelenskiy/Zelenskyy).

    Only capitalised words inside sentences are considered, one edit apart (two for long
    names), with the same first letter; each cluster maps to its most frequent spelling.
    """
    raw: Counter[str] = Counter()
    for text, repeats in Counter(texts).items():
        for name in _NAME.findall(text):
            raw[name] += repeats
    counts: Counter[str] = Counter()
    for name, count in raw.items():
        counts[fold(name)] += count
    names = sorted(counts)
    blocks: dict[str, list[str]] = {}
    for name in names:
        blocks.setdefault(name[:1], []).append(name)
    parent = {name: name for name in names}

    def root(name: str) -> str:
        while parent[name] != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    for block in blocks.values():
        if len(block) < 2:
            continue
        # all distances of a block at once in C (capped at 3), then the pairs in the same
        # order as a nested loop over the block, so the merges are the same
        distance = process.cdist(block, block, scorer=Levenshtein.distance, score_cutoff=2)
        for i, j in zip(*np.nonzero(np.triu(distance <= 2, k=1)), strict=True):
            first, second = block[i], block[j]
            if abs(len(first) - len(second)) > 2 or second.startswith(first):
                continue
            allowed = 2 if min(len(first), len(second)) >= 9 else 1
            if distance[i, j] <= allowed:
                ra, rb = root(first), root(second)
                if ra != rb:
                    keep, drop = sorted((ra, rb), key=lambda n: (-counts[n], n))
                    parent[drop] = keep
    return {name: root(name) for name in names if root(name) != name}
