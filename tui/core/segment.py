"""Sentence segmentation with character offsets into the original text.

A hand-written, rule-based splitter, chosen over pysbd by measurement
(``bench/bench_segment.py``: more accurate on our table of news cases and
far faster). Every line is its own unit, so headlines, captions and
cross-heads without final punctuation stay whole. Inside a line, a run of
``.``, ``!``, ``?`` or ``…`` followed by optional closing quotes or brackets
and whitespace is a *candidate* boundary (so is a run of the CJK ``。``, ``！``,
``？`` with its closing brackets, space or not); the word before it and the
word after it decide:

* the next word starts in lower case: never a boundary ("U.S. has",
  "fundamentally ... cut back", ``,” he said``);
* titles and name prefixes never end a sentence ("Maj. Gen. Igor", "Dr.",
  "St. Louis", "v.");
* numbering words hold on to a following figure ("No. 2", "Feb. 24");
* dotted acronyms, initials and company suffixes ("U.S.", "a.m.", "D.",
  "Co.") end a sentence only before a typical sentence opener or an opening
  quote ("... to the U.S. The talks", but "U.S. Secretary", "Berta D. Wells");
* anything else ends the sentence.

Known limit: an acronym that really ends a sentence before a proper noun
("... ties to the U.S. Putin denied it.") stays one sentence.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable

# str.splitlines() boundaries: each one ends a sentence.
_LINE = re.compile(r"[^\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")
_CANDIDATE = re.compile(r"[.!?…]+[”’\"'»)\]]*(?=\s)")
_CJK_CANDIDATE = re.compile(r"[。！？]+[」』）〉》”’\"'»)\]]*")
"""CJK terminators (``。``, ``！``, ``？``) end a sentence with no space after them. A pattern
of its own, searched only in text that has them: one pattern for both ran 3x slower."""
_WORD = re.compile(r"[A-Za-z]+")
_CJK_TERMINATORS = "。！？"

_OPENERS = "\"'“‘«([{"
_CLOSERS = "\"'”’»)]}"
# Skipped when looking for the first character of the next sentence: spaces,
# opening quotes and brackets, dashes, dots. A straight quote before a space
# closes a quotation instead ('boys?' " Edwards asked) and stops the skip.
_LEAD_IN = re.compile(r"""(?:[\s“‘«(\[{–—\-….]|["'](?!\s))*""")
_QUOTE = re.compile(r"[\"'“‘«]")


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# Words that keep the next word with them, whatever follows.
_NEVER_END = _words(
    """
    mr mrs ms mx messrs dr prof rev fr hon
    sen sens rep reps gov lt gen gens maj col capt cmdr adm sgt cpl pvt
    supt det insp pres atty
    st ste mt ft
    v vs cf e.g i.e approx
    """
)
# Words that hold on to a following figure ("No. 2", "Feb. 24", "Fig. 3").
_BEFORE_FIGURE = _words(
    """
    no nos art fig figs vol p pp ch sec para op
    jan feb mar apr jun jul aug sep sept oct nov dec
    """
)
# Months may also precede a capital without ending ("Feb. Wednesday" is rare,
# "Sept. The" is not); they follow the acronym rule before capitals.
_MONTHS = _words("jan feb mar apr jun jul aug sep sept oct nov dec")
# Suffixes that often end a name and sometimes a sentence.
_SUFFIXES = _words("jr sr inc co corp ltd bros llc plc esq")
# Capitalised words that commonly open a sentence but rarely follow an
# abbreviation inside a name or title.
_OPENING_WORDS = _words(
    """
    A An The This That These Those There Here It Its He She His Her They Their
    Them We Our Us I You Your My But And Or So Yet In On At As If When While
    After Before Since Although Though However Meanwhile Still Also Then Now
    Some Many Most All Both Each Every No Not Nor What Who Whom Whose Why How
    Where Which According Officials Police Authorities Earlier Later Last Next
    Today Yesterday Tomorrow Instead Despite During Under Over For From With
    Without By To Of Such Other Another One Two Three Four Five Six Seven
    Eight Nine Ten
    """
)
# "then-Gov.", "ex-Sen.", "Related:Sens.": the title is the last part.
_TITLE_PART = re.compile(r"[^A-Za-z.]")
# How far past a terminator to look for the next sentence's first character:
# bounded, so a line of ". . . . ." stays linear.
_LOOKAHEAD = 32
_DOTTED_ACRONYM = re.compile(r"(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}")


def split_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of the sentences of ``text``, in order.

    Spans index into ``text`` itself, exclude surrounding whitespace, never
    overlap and never cross a line break: every line (headline, caption,
    paragraph) is at least one sentence of its own.
    """
    spans: list[tuple[int, int]] = []
    cjk = any(mark in text for mark in _CJK_TERMINATORS)
    for line in _LINE.finditer(text):
        start, line_end = line.span()
        # Whether the current sentence has a letter or digit yet, and how far
        # we looked: kept incrementally so that long lines stay linear.
        has_word, scanned = False, start
        candidates: Iterable[re.Match[str]] = _CANDIDATE.finditer(text, start, line_end)
        if cjk:
            cjk_candidates = _CJK_CANDIDATE.finditer(text, start, line_end)
            candidates = heapq.merge(candidates, cjk_candidates, key=lambda m: m.start())
        for match in candidates:
            if not has_word:
                has_word = _has_alnum(text, scanned, match.start())
                scanned = match.start()
            if has_word and _is_boundary(text, start, match.start(), match.end(), line_end):
                _append_stripped(spans, text, start, match.end())
                start = scanned = match.end()
                has_word = False
        _append_stripped(spans, text, start, line_end)
    return spans


def split_sentences(text: str) -> list[str]:
    """Return the sentences of ``text`` as strings (see :func:`split_spans`)."""
    return [text[start:end] for start, end in split_spans(text)]


def _is_boundary(
    text: str, sentence_start: int, term_start: int, term_end: int, line_end: int
) -> bool:
    """Decide whether the terminator at ``term_start:term_end`` ends a sentence.

    Only called once the sentence holds a letter or digit: a lone "..." or
    quote mark is never a sentence of its own.
    """
    nxt, quoted = _next_start(text, term_end, line_end)
    if nxt < 0:
        return False  # nothing but punctuation follows on this line
    first = text[nxt]
    if first.islower() or first in _CLOSERS:
        return False  # a closing mark belongs to this sentence: "duty. ...”"
    if text[term_end:nxt].lstrip().startswith("."):
        return False  # a spaced ellipsis ". . ." ends where its last dot is
    if text[term_start] in _CJK_TERMINATORS:
        # Closed by a quote or bracket, what follows is usually the attribution (“…！”他说,
        # 「本当？」と聞いた), as a lower-case word would be after an English quote.
        return text[term_end - 1] in _CJK_TERMINATORS
    terminator = text[term_start:term_end].rstrip(_CLOSERS)
    if terminator != ".":
        # "?", "!", "...", "…" end a sentence before a capital or a symbol;
        # "wait for it ... 36 years" is a pause, not an end.
        return not (first.isdigit() and terminator[-1] in ".…")
    token_start = _token_start(text, sentence_start, term_start)
    token = text[token_start:term_start].lstrip(_OPENERS)
    key = _TITLE_PART.split(token)[-1].lower()  # "then-Gov" -> "gov"
    if key in _NEVER_END:
        return False
    if key in _BEFORE_FIGURE and first.isdigit():
        return False
    if token.isdigit() and not text[sentence_start:token_start].strip():
        return False  # a list number: "1. The first point"
    held = key in _MONTHS or key in _SUFFIXES or _is_acronym_or_initial(token)
    if not held:
        return True
    if first.isdigit():
        return False
    return quoted or _word_at(text, nxt) in _OPENING_WORDS


def _next_start(text: str, pos: int, line_end: int) -> tuple[int, bool]:
    """First character of the next sentence after ``pos`` (-1 if none) and
    whether an opening quote stands before it."""
    run = _LEAD_IN.match(text, pos, min(line_end, pos + _LOOKAHEAD))
    assert run is not None  # the pattern matches the empty string
    quoted = _QUOTE.search(run.group()) is not None
    return (-1 if run.end() == line_end else run.end()), quoted


def _token_start(text: str, sentence_start: int, term_start: int) -> int:
    """Start of the word just before a terminator (back to the last space)."""
    cut = term_start
    while cut > sentence_start and not text[cut - 1].isspace():
        cut -= 1
    return cut


def _has_alnum(text: str, start: int, end: int) -> bool:
    return any(text[pos].isalnum() for pos in range(start, end))


def _is_acronym_or_initial(token: str) -> bool:
    """True for "U.S" (the final dot is the terminator), "a.m", "Ph.D" or "D"."""
    if len(token) == 1:
        return token.isupper()
    return _DOTTED_ACRONYM.fullmatch(token) is not None


def _word_at(text: str, pos: int) -> str:
    match = _WORD.match(text, pos)
    return match.group() if match else ""


def _append_stripped(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))
