"""Contradiction candidates: two sources stating the same fact differently.

The aligner decides which sentences report the same thing; this module says where two of
them disagree, and only where it can say what it compared:

- ``number``: two figures of the same slot (measure, holder, time frame; ``slots``) that
  cannot both be true (conflict), or one narrowing the other (refinement). Between reports
  of different dates the later figure is an ``updated`` one, not a clash.
- ``quote``: one speaker's quotation worded so that its meaning changes (a negation, a
  figure, a name, a content word); contractions, articles, word order and punctuation are
  no change.
- ``attribution``: the same quoted words credited to two different speakers.
- ``list``: a closed list of names that differs; an open list ("including", "among",
  "etc.") missing members is a refinement, never a conflict.
- ``name``: a spelling variant (quiet) or the same role filled by another person.
- ``timing``: the same event put on different days.

Every candidate has an explanation naming what was compared and who says what. All of it
is pure and deterministic, and ``find_discrepancies(b, a)`` mirrors ``(a, b)``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import combinations
from typing import Literal

from rapidfuzz.distance import Levenshtein

from tui.core import names as nm
from tui.core import numbers as nb
from tui.core.context import NO_CONTEXT, SentenceContext, context_of, days_apart
from tui.core.model import Article, Sentence
from tui.core.quotes import Quote, quotes
from tui.core.slots import FigureSlot, clause_bounds, figure_slots, same_slot
from tui.core.worddiff import char_range, token_opcodes, tokenize

DiscrepancyKind = Literal["number", "name", "list", "quote", "attribution", "timing"]
DiscrepancyStatus = Literal["conflict", "refinement", "variant", "updated"]
KINDS: tuple[DiscrepancyKind, ...] = ("number", "quote", "attribution", "timing", "list", "name")
"""Every kind, in the order a reader is shown them."""
SEVERITY: dict[str, int] = {"conflict": 0, "updated": 1, "refinement": 2, "variant": 3}
"""How much a status asks of the reader: the most severe is shown first."""


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of one sentence, in offsets into its article's text."""

    doc: int
    sentence: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Discrepancy:
    """A candidate contradiction the engine proposes; a person confirms or dismisses it."""

    kind: DiscrepancyKind
    status: DiscrepancyStatus
    a: Span
    b: Span
    explanation: str

    @property
    def flagged(self) -> bool:
        """Whether it is a ⚑: two sources stating the same fact incompatibly."""
        return self.status == "conflict"


Explain = Callable[[bool, tuple[str, str]], str]
"""Builds the explanation; the flag says the caller's sides are swapped, the pair names the
caller's sides a and b (article labels)."""


@dataclass(frozen=True, slots=True)
class _Found:
    kind: DiscrepancyKind
    status: DiscrepancyStatus
    a: tuple[int, int]
    b: tuple[int, int]
    explain: Explain


def find_discrepancies(
    doc_a: int,
    a: Sentence,
    doc_b: int,
    b: Sentence,
    labels: tuple[str, str] = ("A", "B"),
    contexts: tuple[SentenceContext, SentenceContext] = (NO_CONTEXT, NO_CONTEXT),
) -> list[Discrepancy]:
    """Contradiction candidates between two aligned sentences.

    ``labels`` name the articles in explanations that say who says what; ``contexts`` give
    each sentence's article date and the sentences before it (``context.context_of``), so
    "it", "he said" and "on Tuesday" can be read. Mirrors exactly when the sides are
    swapped.
    """
    return list(_find_cached(doc_a, a, doc_b, b, labels, contexts))


def discrepancies_between(
    articles: Sequence[Article], doc_a: int, sentence_a: int, doc_b: int, sentence_b: int
) -> list[Discrepancy]:
    """``find_discrepancies`` of two sentences of a corpus, read in their articles' context
    and explained with the articles' labels: what the aligner and the reader's own links
    both use."""
    a, b = articles[doc_a], articles[doc_b]
    return find_discrepancies(
        doc_a,
        a.sentences[sentence_a],
        doc_b,
        b.sentences[sentence_b],
        (a.label, b.label),
        (context_of(a, sentence_a), context_of(b, sentence_b)),
    )


@lru_cache(maxsize=8192)
def _find_cached(
    doc_a: int,
    a: Sentence,
    doc_b: int,
    b: Sentence,
    labels: tuple[str, str],
    contexts: tuple[SentenceContext, SentenceContext],
) -> tuple[Discrepancy, ...]:
    swapped = (b.text, doc_b, b.start) < (a.text, doc_a, a.start)
    x, y = (b, a) if swapped else (a, b)
    cx, cy = (contexts[1], contexts[0]) if swapped else contexts
    found = _candidates(x.text, cx, y.text, cy)
    out: list[Discrepancy] = []
    for f in found:
        ra, rb = (f.b, f.a) if swapped else (f.a, f.b)
        out.append(
            Discrepancy(
                kind=f.kind,
                status=f.status,
                a=_span(doc_a, a, ra),
                b=_span(doc_b, b, rb),
                explanation=f.explain(swapped, labels),
            )
        )
    out.sort(key=lambda d: (SEVERITY[d.status], d.a.start, d.b.start, d.kind))
    return tuple(out)


def _span(doc: int, s: Sentence, rng: tuple[int, int]) -> Span:
    start, end = rng
    return Span(doc, s.index, s.start + start, s.start + end, s.text[start:end])


MAX_DAYS_APART = 2
"""Reports published further apart than this are not compared on figures, lists of names or
dates: a toll rises over a day or two, but a month into a story a poll, a count of senators
or the date of "the vote" is most often of another moment or another vote (on the
173-article scale corpus, 61 of the 90 candidates labelled a different fact came from reports
three days apart or more, against 2 of the 5 labelled a conflict; bench/README.md,
"Candidates over a month of coverage")."""


@lru_cache(maxsize=8192)
def _candidates(
    text_x: str, cx: SentenceContext, text_y: str, cy: SentenceContext
) -> tuple[_Found, ...]:
    """All candidates between two sentence texts, in the canonical (x, y) order."""
    if text_x == text_y:
        return ()
    if days_apart(cx.published, cy.published) > MAX_DAYS_APART:
        # figures, lists and dates of another moment are not compared; names and quotes are
        return (*_name_candidates(text_x, text_y), *_quote_candidates(text_x, cx, text_y, cy))
    return (
        *_number_candidates(text_x, cx, text_y, cy),
        *_name_candidates(text_x, text_y),
        *_list_candidates(text_x, text_y),
        *_quote_candidates(text_x, cx, text_y, cy),
        *_timing_candidates(text_x, cx, text_y, cy),
    )


def _generic(slot: FigureSlot) -> bool:
    """A share or a count of plain things ("40 percent", "five senators", "26 pages")."""
    return slot.measure == "percent" or slot.measure.startswith("count:")


@lru_cache(maxsize=8192)
def linking_differences(
    text_x: str, cx: SentenceContext, text_y: str, cy: SentenceContext
) -> frozenset[tuple[DiscrepancyKind, DiscrepancyStatus]]:
    """The kinds and statuses of the differences that link two sentences sharing few words:
    one event's figure ("14 killed" / "seven people were killed"), one list of names or one
    event's date given differently. A share or a count of plain things is left out: which
    poll, which senators? On a month of coverage, all 44 such candidates labelled ("40
    percent" against "23 percent", "100 senators" against "five senators") were a different
    fact (bench/README.md, "Candidates over a month of coverage"); two such sentences are one
    fact only if the rest of their wording says so.
    """
    if text_x == text_y or days_apart(cx.published, cy.published) > MAX_DAYS_APART:
        return frozenset()
    found = (
        *_number_candidates(text_x, cx, text_y, cy, specific=True),
        *_list_candidates(text_x, text_y),
        *_timing_candidates(text_x, cx, text_y, cy),
    )
    return frozenset((f.kind, f.status) for f in found)


def _pick(x: str, y: str, swapped: bool) -> tuple[str, str]:
    return (y, x) if swapped else (x, y)


def _flat(text: str) -> str:
    """``text`` on one line, whole: an explanation is saved into notes and exports as it is,
    so it is never cut here (the status line and the report cut it for display)."""
    return " ".join(text.split())


def _versus(prefix: str, x: str, y: str) -> Explain:
    """'Spelling variant: "x" vs "y"', in the caller's order of sides."""

    def explain(swapped: bool, sides: tuple[str, str]) -> str:
        a, b = _pick(x, y, swapped)
        return f'{prefix}: "{a}" vs "{b}"'

    return explain


# --- numbers ---------------------------------------------------------------------------


def _relation(a: FigureSlot, b: FigureSlot) -> str:
    """ "same", "refines" (a narrower), "refined", "overlap" or "conflict"."""
    if a.hedge == b.hedge and a.hedge in ("most", "less") and a.value != b.value:
        return "conflict"  # "up to 10 years" / "up to five years": two stated maxima
    return nb.relation(a, b)


def _number_candidates(
    text_x: str, cx: SentenceContext, text_y: str, cy: SentenceContext, specific: bool = False
) -> list[_Found]:
    xs, ys = figure_slots(text_x, cx), figure_slots(text_y, cy)
    if specific:  # (see linking_differences)
        xs = tuple(s for s in xs if not _generic(s))
        ys = tuple(s for s in ys if not _generic(s))
    if not xs or not ys:
        return []
    rank = {"same": 0, "refines": 1, "refined": 1, "overlap": 1, "conflict": 2}
    options: list[tuple[int, int, int, str]] = []
    for i, sx in enumerate(xs):
        for j, sy in enumerate(ys):
            if not same_slot(sx, sy):
                continue
            rel = _relation(sx, sy)
            if rel != "same" and "vague" in (sx.hedge, sy.hedge):
                continue  # "thousands" vs "seven": too loose to compare
            options.append((rank[rel], i, j, rel))
    options.sort()
    used_x: set[int] = set()
    used_y: set[int] = set()
    out: list[_Found] = []
    for _, i, j, rel in options:
        if i in used_x or j in used_y:
            continue
        used_x.add(i)
        used_y.add(j)
        if rel == "same":
            continue
        sx, sy = xs[i], ys[j]
        if rel == "conflict":
            total = _sum_of_parts(sx, xs, sy, ys) or _sum_of_parts(sy, ys, sx, xs)
            if total is not None:
                out.append(_sum_found(text_x, sx, text_y, sy, total))
                continue
        out.append(_number_found(text_x, sx, cx, text_y, sy, cy, rel))
    return out


_MAX_PARTS = 6


def _exact(s: FigureSlot) -> bool:
    return not s.hedge


def _sum_of_parts(
    total: FigureSlot,
    own: tuple[FigureSlot, ...],
    other: FigureSlot,
    others: tuple[FigureSlot, ...],
) -> tuple[FigureSlot, tuple[FigureSlot, ...]] | None:
    """``total`` and the figures of the same measure that add up to it, when ``other`` is
    one of them ("60 = 48 + 12")."""
    if not _exact(total) or not _exact(other) or other.value >= total.value:
        return None
    for pool in (others, tuple(m for m in own if m is not total)):
        exact = [
            m
            for m in pool
            if _exact(m)
            and m.value < total.value
            and (m.measure == total.measure or (m.unit is not None and m.unit == total.unit))
        ][:_MAX_PARTS]
        if not any(m.value == other.value for m in exact):
            continue
        for size in range(2, len(exact) + 1):
            for parts in combinations(exact, size):
                if sum(m.value for m in parts) == total.value and any(
                    m.value == other.value for m in parts
                ):
                    return total, parts
    return None


def _sum_found(
    text_x: str,
    sx: FigureSlot,
    text_y: str,
    sy: FigureSlot,
    found: tuple[FigureSlot, tuple[FigureSlot, ...]],
) -> _Found:
    """A total against one of its parts: a refinement, not a conflict."""
    total, parts = found
    sums = " + ".join(nb.format_value(m.value) for m in parts)
    text, slot = (text_x, sx) if total is sx else (text_y, sy)
    phrase = _flat(text[slot.start : slot.context_end])
    label = _slot_label(sx, sy)

    def explain(swapped: bool, sides: tuple[str, str]) -> str:
        return (
            f'{label}: "{phrase}" is the total of the parts '
            f"({nb.format_value(total.value)} = {sums})"
        )

    return _Found(
        "number", "refinement", (sx.start, sx.context_end), (sy.start, sy.context_end), explain
    )


def _slot_label(a: FigureSlot, b: FigureSlot) -> str:
    """ "Wounded", "Expelled (Canada)", "Age (Knight)": what was compared, and whose."""
    holder = a.holder or b.holder
    label = a.label
    if holder and a.measure != "distance":
        label = f"{label} ({holder})"
    elif a.measure == "distance" and a.subject:
        where = next(iter(a.subject)).removeprefix("from:")
        label = f"Distance from {where}"
    return label


def _number_found(
    text_x: str,
    sx: FigureSlot,
    cx: SentenceContext,
    text_y: str,
    sy: FigureSlot,
    cy: SentenceContext,
    rel: str,
) -> _Found:
    span_x = (sx.start, sx.context_end)
    span_y = (sy.start, sy.context_end)
    label = _slot_label(sx, sy)
    if rel == "conflict":
        order = _publication_order(cx.published, cy.published)
        if order:

            def explain_update(swapped: bool, sides: tuple[str, str]) -> str:
                side_x, side_y = (sides[1], sides[0]) if swapped else sides
                (d1, s1, f1), (d2, s2, f2) = sorted(
                    [(cx.published, side_x, sx), (cy.published, side_y, sy)],
                    key=lambda e: str(e[0]),
                    reverse=True,
                )
                return (
                    f"{label}: later report ({s1}, {d1}) says {f1.describe()}; "
                    f"earlier ({s2}, {d2}) says {f2.describe()}"
                )

            return _Found("number", "updated", span_x, span_y, explain_update)

        phrase_x, phrase_y = _flat(text_x[slice(*span_x)]), _flat(text_y[slice(*span_y)])

        def explain(swapped: bool, sides: tuple[str, str]) -> str:
            pa, pb = _pick(phrase_x, phrase_y, swapped)
            va, vb = _pick(sx.describe(), sy.describe(), swapped)
            return f'{label}: {sides[0]} "{pa}", {sides[1]} "{pb}" ({va} ≠ {vb})'

        return _Found("number", "conflict", span_x, span_y, explain)
    if rel == "overlap":

        def explain_overlap(swapped: bool, sides: tuple[str, str]) -> str:
            va, vb = _pick(sx.describe(), sy.describe(), swapped)
            return f"{label}: {sides[0]} {va}, {sides[1]} {vb} (compatible)"

        return _Found("number", "refinement", span_x, span_y, explain_overlap)
    narrow, wide = (sx, sy) if rel == "refines" else (sy, sx)

    def explain_refine(swapped: bool, sides: tuple[str, str]) -> str:
        return f'{label}: "{narrow.text}" refines "{wide.text}" ({_reason(narrow, wide)})'

    return _Found("number", "refinement", span_x, span_y, explain_refine)


def _reason(narrow: FigureSlot, wide: FigureSlot) -> str:
    n, w = nb.format_value(narrow.value), nb.format_value(wide.value)
    if narrow.value == wide.value:
        return f"{narrow.describe()} vs {wide.describe()}"
    symbol = {"more": ">", "least": "≥", "most": "≤", "less": "<", "nearly": "≲", "about": "≈"}
    if wide.hedge in symbol:
        return f"{n} {symbol[wide.hedge]} {w}"
    return f"{narrow.describe()} within {wide.describe()}"


def _publication_order(x: dt.date | None, y: dt.date | None) -> int:
    """1 when x was published later, -1 when y was, 0 when unknown or the same day."""
    if x is None or y is None or x == y:
        return 0
    return 1 if x > y else -1


# --- names -----------------------------------------------------------------------------


def _name_candidates(text_x: str, text_y: str) -> list[_Found]:
    tx, ty = nm.name_tokens(text_x), nm.name_tokens(text_y)
    out: list[_Found] = []
    if not tx or not ty:
        return out
    keys_x = {t.key for t in tx}
    keys_y = {t.key for t in ty}
    only_x = [t for t in tx if t.key not in keys_y]
    only_y = [t for t in ty if t.key not in keys_x]
    seen: set[tuple[str, str]] = set()
    for t in only_x:
        best: tuple[float, nm.NameToken, str] | None = None
        for u in only_y:
            kind = nm.variant_kind(t.text, u.text)
            if kind is None:
                continue
            score = Levenshtein.normalized_similarity(t.key, u.key)
            if best is None or score > best[0]:
                best = (score, u, kind)
        if best is None:
            continue
        _, u, kind = best
        if (t.key, u.key) in seen:
            continue
        seen.add((t.key, u.key))
        label = "Spelling variant" if kind == "spelling" else "Transliteration variant"
        out.append(
            _Found(
                "name",
                "variant",
                (t.start, t.end),
                (u.start, u.end),
                _versus(label, t.text, u.text),
            )
        )
    out.extend(_role_conflicts(text_x, text_y, keys_x, keys_y))
    return out


def _role_conflicts(text_x: str, text_y: str, keys_x: set[str], keys_y: set[str]) -> list[_Found]:
    """The same role ("Chernihiv Mayor") filled by different people."""
    out: list[_Found] = []
    ry, rx = nm.role_names(text_y), nm.role_names(text_x)
    used: set[int] = set()
    for p in rx:
        for j, q in enumerate(ry):
            if j in used or p.role != q.role:
                continue
            if not p.modifier or p.modifier != q.modifier:
                continue  # "Russian President" and "Ukrainian President" are two roles
            sur_p, sur_q = p.name.split()[-1], q.name.split()[-1]
            if sur_p.casefold() == sur_q.casefold() or nm.variant_kind(sur_p, sur_q):
                used.add(j)
                break
            if sur_p.casefold() in keys_y or sur_q.casefold() in keys_x:
                continue  # both people are named on both sides: no swap of roles
            used.add(j)
            out.append(
                _Found(
                    "name",
                    "conflict",
                    (p.start, p.end),
                    (q.start, q.end),
                    _versus(f"Different {p.role} named", p.name, q.name),
                )
            )
            break
    return out


# --- lists -----------------------------------------------------------------------------

_OPEN_BEFORE = re.compile(
    r"\b(?:including|includes|include|such\s+as|like|among\s+(?:them|others|those|the\s+\w+"
    r"(?:\s+\w+){0,4})?|among)\b[^.;]{0,80}$",
    re.IGNORECASE,
)
_OPEN_AFTER = re.compile(r"^\s*(?:,?\s*(?:and|or)\s+others|,?\s*etc\b|,?\s*among\s+others)", re.I)


def _is_open(text: str, found: nm.NameList) -> bool:
    """A list that does not claim to be complete: "etc.", "including", "among", "such as",
    "and others"."""
    if found.open_ended:
        return True
    if _OPEN_AFTER.match(text[found.end : found.end + 20]):
        return True
    lo, _ = clause_bounds(text, found.start, found.end)
    return bool(_OPEN_BEFORE.search(text[max(0, lo - 40) : found.start]))


_LIST_STOP = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "as",
        "a",
        "an",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "said",
        "says",
        "that",
        "this",
        "which",
        "who",
        "including",
        "include",
        "includes",
        "among",
        "such",
        "like",
        "other",
        "others",
        "each",
        "also",
        "have",
        "has",
        "had",
        "their",
        "its",
        "his",
        "her",
        "they",
        "them",
    ]
)


def _predicate(text: str, found: nm.NameList) -> set[str]:
    """The content words of a list's clause, outside the list, by their first five letters."""
    lo, hi = clause_bounds(text, found.start, found.end)
    words = _WORD.findall(text[lo : found.start] + " " + text[found.end : hi])
    return {w.casefold()[:5] for w in words if len(w) > 3 and w.casefold() not in _LIST_STOP}


def _same_predicate(text_x: str, p: nm.NameList, text_y: str, q: nm.NameList) -> bool:
    """Two lists say who did one thing when their clauses share a content word
    ("guarantees" / "Guarantor", "expel" / "expelled")."""
    words_x, words_y = _predicate(text_x, p), _predicate(text_y, q)
    return bool(words_x & words_y) or not (words_x and words_y)


def _list_candidates(text_x: str, text_y: str) -> list[_Found]:
    lx, ly = nm.name_lists(text_x), nm.name_lists(text_y)
    out: list[_Found] = []
    used: set[int] = set()
    for p in lx:
        best: tuple[int, int] | None = None
        for j, q in enumerate(ly):
            common = len(set(p.canonical) & set(q.canonical))
            enough = common >= 2 or (common == 1 and len(p.items) == len(q.items) == 2)
            if j not in used and enough and (best is None or common > best[0]):
                best = (common, j)
        if best is None:
            continue
        q = ly[best[1]]
        used.add(best[1])
        if not _same_predicate(text_x, p, text_y, q):
            continue  # who was named for one thing against who did another
        set_p, set_q = set(p.canonical), set(q.canonical)
        if set_p == set_q:
            continue
        only_p = [it for it, c in zip(p.items, p.canonical, strict=True) if c not in set_q]
        only_q = [it for it, c in zip(q.items, q.canonical, strict=True) if c not in set_p]
        if not only_p or not only_q:
            continue  # one list within the other: some of the same names, nothing at odds
        open_lists = _is_open(text_x, p) or _is_open(text_y, q)
        closed_both = only_p and only_q and not open_lists and min(len(p.items), len(q.items)) >= 3
        status: DiscrepancyStatus = "conflict" if closed_both else "refinement"
        topic = nm.list_topic(text_x, p, text_y, q)
        note = " (an open list: members may be left out)" if open_lists else ""

        def explain(
            swapped: bool,
            sides: tuple[str, str],
            op: list[str] = only_p,
            oq: list[str] = only_q,
            topic: str = topic,
            note: str = note,
            closed: bool = bool(closed_both),
        ) -> str:
            ia, ib = _pick(", ".join(op) or "nothing", ", ".join(oq) or "nothing", swapped)
            verb = "differs" if closed else "names"
            return f"{topic} {verb}: only in {sides[0]}: {ia}; only in {sides[1]}: {ib}{note}"

        out.append(_Found("list", status, (p.start, p.end), (q.start, q.end), explain))
    return out


# --- quotes ----------------------------------------------------------------------------

_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "it",
        "its",
        "that",
        "this",
        "these",
        "those",
        "we",
        "they",
        "he",
        "she",
        "you",
        "i",
        "there",
        "here",
        "so",
        "do",
        "does",
        "did",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "shall",
        "may",
        "might",
        "must",
        "just",
        "very",
        "really",
        "also",
        "about",
    ]
)
_NEGATIONS = frozenset({"not", "no", "never", "nothing", "none", "nobody", "without", "nor"})
_CONTRACTIONS = (
    (re.compile(r"\b(\w+)n[’']t\b", re.I), r"\1 not"),
    (re.compile(r"\bcan[’']t\b", re.I), "can not"),
    (re.compile(r"\bwon[’']t\b", re.I), "will not"),
    (re.compile(r"\b(\w+)[’']re\b", re.I), r"\1 are"),
    (re.compile(r"\b(\w+)[’']ve\b", re.I), r"\1 have"),
    (re.compile(r"\b(\w+)[’']ll\b", re.I), r"\1 will"),
    (re.compile(r"\b(\w+)[’']d\b", re.I), r"\1 would"),
    (re.compile(r"\b(it|that|there|he|she|what|who)[’']s\b", re.I), r"\1 is"),
    (re.compile(r"\bi[’']m\b", re.I), "i am"),
)
_WORD = re.compile(r"\d[\d,.]*|[A-Za-z]+")


def _quote_words(text: str) -> list[str]:
    """The quote's words, contractions expanded, casefolded, canonical ("four" = "4")."""
    return list(_quote_words_of(text))


@lru_cache(maxsize=8192)
def _quote_words_of(text: str) -> tuple[str, ...]:
    """``_quote_words`` read once per text: a sentence's quotes are read again for every
    pair the sentence is in."""
    for pattern, repl in _CONTRACTIONS:
        text = pattern.sub(repl, text)
    text = re.sub(r"(?<=\w)-(?=\w)", " ", text)  # "not-too-distant" is "not too distant"
    return tuple(t.norm for t in tokenize(text) if t.norm)


def _content(words: list[str]) -> list[str]:
    return [w for w in words if w not in _FUNCTION_WORDS]


def _overlap(a: list[str], b: list[str]) -> float:
    """Share of the shorter side's content words found in the other (by their first five
    letters: "ally"/"allies", "Russia"/"Russians")."""
    ca, cb = {w[:5] for w in _content(a)}, {w[:5] for w in _content(b)}
    smaller = min(len(ca), len(cb))
    return len(ca & cb) / smaller if smaller else 0.0


def _meaning_change(a: list[str], b: list[str]) -> str:
    """How two wordings of one quote differ where they overlap: "substantive" for a
    negation on one side only, or a figure replaced; "wording" for another content word
    replaced (a synonym or a translation, perhaps); "" for no change. Quoting more or
    fewer words at either end, reordering, contractions and inflections ("Russia" /
    "Russians") are no change."""
    a, b = _without_emphasis(a), _without_emphasis(b)
    if sorted(_content(a)) == sorted(_content(b)):
        return ""
    whole_a, whole_b = a, b
    a, b = _shared_stretch(a, b)
    ops = [  # aligned on the first five letters: "Russia" / "Russians" line up
        (op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end)
        for op in Levenshtein.opcodes([w[:5] for w in a], [w[:5] for w in b])
        if op.tag != "equal"
    ]
    while ops and ops[0][0] != "replace" and (ops[0][1] == 0 or ops[0][3] == 0):
        ops = ops[1:]  # one side quotes more before the shared words
    while ops and ops[-1][0] != "replace" and (ops[-1][2] == len(a) or ops[-1][4] == len(b)):
        ops = ops[:-1]  # or after them
    left = [w for _, i1, i2, _, _ in ops for w in a[i1:i2]]
    right = [w for _, _, _, j1, j2 in ops for w in b[j1:j2]]
    # A negation that only moved ("I don't think it should" / "it shouldn't") leaves as many
    # on each side.
    if _negations(left) != _negations(right) and _negations(whole_a) != _negations(whole_b):
        return "substantive"
    if sorted(w for w in left if w[:1].isdigit()) != sorted(w for w in right if w[:1].isdigit()):
        return "substantive"
    stems_a, stems_b = {w[:5] for w in a}, {w[:5] for w in b}
    changed_a = {w for w in _content(left) if w[:5] not in stems_b}
    changed_b = {w for w in _content(right) if w[:5] not in stems_a}
    return "wording" if changed_a and changed_b else ""


_RESTATED_SCOPE = frozenset(
    {"in", "at", "on", "for", "with", "to", "from", "during", "ever", "once", "even", "a", "one"}
)
"""Words after a "not" that only restates where an earlier negation holds ("never … anyone,
not in high school, not ever", "not once", "not a word")."""


_AUXILIARIES = frozenset(
    {"am", "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "have"}
    | {"has", "had", "will", "would", "can", "could", "shall", "should", "may", "might", "must"}
)
"""A "not" after one of these negates its verb ("I was not in the room"), never emphasis."""


def _without_emphasis(words: list[str]) -> list[str]:
    """The quote's words without the "not"s that repeat an earlier negation for emphasis:
    "I never sexually assaulted anyone, not in high school, not ever" says no more "not"
    than "I've never sexually assaulted anyone, in high school or otherwise"."""
    out: list[str] = []
    negated = False
    for i, word in enumerate(words):
        after = words[i + 1] if i + 1 < len(words) else ""
        before = words[i - 1] if i else ""
        if word == "not" and negated and after in _RESTATED_SCOPE and before not in _AUXILIARIES:
            continue
        negated = negated or word in _NEGATIONS
        out.append(word)
    return out


def _negations(words: list[str]) -> list[str]:
    return sorted(w for w in words if w in _NEGATIONS)


def _shared_stretch(a: list[str], b: list[str]) -> tuple[list[str], list[str]]:
    """The stretch of each wording from the first to the last run of two words or more the
    two share, with as many words either side as both have there (a word replaced at an end
    is a change): a quote given in part ("I've never sexually assaulted anyone") is the end
    of the longer one, not a rewording of its beginning ("I am not questioning ...")."""
    stems_a, stems_b = [w[:5] for w in a], [w[:5] for w in b]
    runs = [
        block
        for block in SequenceMatcher(None, stems_a, stems_b, autojunk=False).get_matching_blocks()
        if block.size >= 2
    ]
    if not runs:
        return a, b
    first, last = runs[0], runs[-1]
    end_a, end_b = last.a + last.size, last.b + last.size
    before = min(first.a, first.b)
    after = min(len(a) - end_a, len(b) - end_b)
    return a[first.a - before : end_a + after], b[first.b - before : end_b + after]


def _opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    out: list[tuple[str, int, int, int, int]] = []
    for op in Levenshtein.opcodes(a, b):
        if op.tag == "equal":
            continue
        if out and out[-1][2] == op.src_start and out[-1][4] == op.dest_start:
            _, i1, _, j1, _ = out[-1]
            out[-1] = ("replace", i1, op.src_end, j1, op.dest_end)
        else:
            out.append((op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end))
    return [
        ("replace" if i2 > i1 and j2 > j1 else tag, i1, i2, j1, j2) for tag, i1, i2, j1, j2 in out
    ]


ATTRIBUTION_WORDS = 8
ATTRIBUTION_SHARE = 0.6
"""Two speakers' quotes are one statement credited twice when each has eight content
words or more and they share three fifths of the shorter's: "the largest collective
expulsion of Russian intelligence officers in history" (seven words, said by May and by
Johnson) is a phrase two people used, not a misattribution."""
NEAR_VERBATIM = 0.7
"""Share of content words two wordings of one quote share at least: below it they are a
paraphrase or another remark, and no misquotation can be read from them."""
_ORGANISATIONS = frozenset(
    [
        "news",
        "fox",
        "house",
        "office",
        "ministry",
        "department",
        "kremlin",
        "police",
        "post",
        "times",
        "service",
        "agency",
        "council",
        "government",
        "embassy",
        "network",
        "channel",
        "cnn",
        "reuters",
        "bloomberg",
        "guardian",
        "commission",
        "committee",
        "court",
        "party",
        "company",
        "university",
    ]
)


def _is_person(name: str) -> bool:
    """A speaker named as a person ("Sarah Sanders", "Raj Shah"), not an outlet, a body or
    a country."""
    words = [w for w in name.split() if w[:1].isupper()]
    if len(words) < 2:
        return False
    return words[-1].casefold().strip("’'s") not in _ORGANISATIONS


SAME_QUOTE_SHARE = 0.5
"""Share of the shorter quote's content words the other must hold to be the same quote."""


def _quote_candidates(
    text_x: str, cx: SentenceContext, text_y: str, cy: SentenceContext
) -> list[_Found]:
    qx, qy = quotes(text_x, cx), quotes(text_y, cy)
    if not qx or not qy:
        return []
    out: list[_Found] = []
    used: set[int] = set()
    for a in qx:
        wa = _quote_words(text_x[a.start : a.end])
        framed_a = _quote_words(_framed(text_x, a))
        best: tuple[float, int] | None = None
        for j, b in enumerate(qy):
            if j in used:
                continue
            share = _overlap(framed_a, _quote_words(_framed(text_y, b)))
            if share >= SAME_QUOTE_SHARE and (best is None or share > best[0]):
                best = (share, j)
        if best is None:
            continue
        b = qy[best[1]]
        used.add(best[1])
        found = _quote_pair(text_x, a, wa, text_y, b)
        if found is not None:
            out.append(found)
    return out


def _words_before(text: str, at: int) -> list[str]:
    """The two words before a quote, casefolded, its marks left out."""
    return [w.casefold() for w in _WORD.findall(text[max(0, at - 60) : at])][-2:]


def _framed(text: str, q: Quote) -> str:
    """A quote with the two words either side of it: a one-word quote ('called "meaningful"
    progress') is recognised by the words around it."""
    before = text[: q.start].split()[-2:]
    after = text[q.end :].split()[:2]
    return " ".join([*before, text[q.start : q.end], *after])


def _quote_pair(text_x: str, a: Quote, wa: list[str], text_y: str, b: Quote) -> _Found | None:
    if not a.speaker or not b.speaker:
        return None  # who said it cannot be told: the engine says nothing
    wb = _quote_words(text_y[b.start : b.end])
    shortest = min(len(_content(wa)), len(_content(wb)))
    qa, qb = _flat(text_x[a.start : a.end]), _flat(text_y[b.start : b.end])
    if a.speaker != b.speaker and nm.variant_kind(a.speaker, b.speaker) is None:
        if not (_is_person(a.speaker_name) and _is_person(b.speaker_name)):
            return None  # a speaker that is an outlet, a body or a country is no evidence
        if "continued" in (a.attribution, b.attribution):
            return None  # a speaker carried over from another sentence is no evidence
        if shortest < ATTRIBUTION_WORDS or _overlap(wa, wb) < ATTRIBUTION_SHARE:
            return None  # two people saying a similar phrase, not one quote
        name_a, name_b = a.speaker_name, b.speaker_name

        def explain_attribution(swapped: bool, sides: tuple[str, str]) -> str:
            na, nb_ = _pick(name_a, name_b, swapped)
            ta, tb = _pick(qa, qb, swapped)
            return (
                f'Same words, different speaker: {sides[0]}: {na} said "{ta}"; '
                f'{sides[1]}: {nb_} said "{tb}"'
            )

        return _Found(
            "attribution", "conflict", (a.start, a.end), (b.start, b.end), explain_attribution
        )
    if shortest >= 3 and _overlap(wa, wb) < NEAR_VERBATIM:
        return None  # a paraphrase or another remark, not one quotation reworded
    if shortest < 3 and _words_before(text_x, a.start) != _words_before(text_y, b.start):
        return None  # a word or two quoted: one quote only when framed alike ('called "…"')
    change = _meaning_change(wa, wb)
    if not change:
        return None
    span_x, span_y = _changed_words(text_x, a, text_y, b)
    px, py = _flat(text_x[slice(*span_x)]), _flat(text_y[slice(*span_y)])
    speaker = a.speaker_name or b.speaker_name
    # A negation, a figure or a name changed is a misquotation to resolve (⚑); another
    # content word may be a synonym or a translation of the same words, shown quietly (≈).
    status: DiscrepancyStatus = "conflict" if change == "substantive" else "variant"

    def explain(swapped: bool, sides: tuple[str, str]) -> str:
        pa, pb = _pick(px, py, swapped)
        return f'Quote of {speaker} worded differently: "{pa}" vs "{pb}"'

    return _Found("quote", status, (a.start, a.end), (b.start, b.end), explain)


def _changed_words(
    text_x: str, a: Quote, text_y: str, b: Quote
) -> tuple[tuple[int, int], tuple[int, int]]:
    """The stretch of each quote around its changed words, never past the quote's marks."""
    inner_x, inner_y = text_x[a.start : a.end], text_y[b.start : b.end]
    tx, ty = tokenize(inner_x), tokenize(inner_y)
    ops = list(token_opcodes(inner_x, inner_y))
    while (
        len(ops) > 1
        and ops[-1][0] != "replace"
        and (ops[-1][2] == len(tx) or ops[-1][4] == len(ty))
    ):
        ops.pop()  # more of the quote given on one side: not the change
    while len(ops) > 1 and ops[0][0] != "replace" and (ops[0][1] == 0 or ops[0][3] == 0):
        ops.pop(0)
    if not ops or not tx or not ty:
        return (a.start, a.end), (b.start, b.end)
    i1, i2 = min(o[1] for o in ops), max(o[2] for o in ops)
    j1, j2 = min(o[3] for o in ops), max(o[4] for o in ops)
    sx = char_range(tx, max(0, i1 - 1), min(len(tx), max(i2, i1 + 1) + 1))
    sy = char_range(ty, max(0, j1 - 1), min(len(ty), max(j2, j1 + 1) + 1))
    return (a.start + sx[0], a.start + sx[1]), (b.start + sy[0], b.start + sy[1])


# --- timing ----------------------------------------------------------------------------

_DAY = re.compile(
    r"\b(?:(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+"
    r"(?P<day>\d{1,2})(?!\d|:)|(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
    r"|Sunday))\b"
)
_OTHER_EVENT_DAYS = 31
"""Dates further apart than this are of two events unless both name the event (a trial)."""
_YEAR_AFTER = re.compile(r",?\s+((?:19|20)\d\d)\b")
_MONTH_NUMBER = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}
_EVENT_WORDS = re.compile(r"[a-z]{4,}")
_TIMING_STOP = frozenset(
    [
        "said",
        "says",
        "told",
        "would",
        "will",
        "have",
        "been",
        "were",
        "that",
        "this",
        "with",
        "from",
        "their",
        "there",
        "about",
        "after",
        "before",
        "when",
        "where",
        "which",
        "while",
        "since",
        "also",
        "more",
        "than",
        "into",
        "over",
        "under",
        "week",
        "weeks",
        "days",
    ]
)


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_FUTURE = re.compile(
    r"\b(?:will|set\s+to|scheduled|due\s+to|was\s+to|were\s+to|is\s+to|expected\s+to|next)\b",
    re.IGNORECASE,
)
_SCHEDULED = re.compile(
    r"\b(?<!re)(?:start|starts|begin|begins|open|opens|set\s+for|scheduled\s+for|slated\s+for|"
    r"due\s+to\s+(?:start|begin|open))\s+(?:on\s+)?$",
    re.IGNORECASE,
)
"""A weekday that dates an event ("was due to start Monday"), not the telling of it."""
_EVENT_NOUNS = frozenset(
    [
        "trial",
        "hearing",
        "vote",
        "meeting",
        "talks",
        "election",
        "attack",
        "shooting",
        "summit",
        "arrest",
        "sentencing",
        "verdict",
        "plea",
        "funeral",
        "ceremony",
        "speech",
        "announcement",
        "deadline",
        "launch",
        "strike",
        "raid",
    ]
)


def _day_mentions(
    text: str, context: SentenceContext
) -> list[tuple[int, int, dt.date, set[str], bool]]:
    """Dates of the sentence (month and day, or a weekday resolved against the article's
    date), each with the content words of its clause."""
    published = context.published
    out: list[tuple[int, int, dt.date, set[str], bool]] = []
    if published is None:
        return out
    for m in _DAY.finditer(text):
        lo, hi = clause_bounds(text, m.start(), m.end())
        if m["weekday"] and not _SCHEDULED.search(text[max(lo, m.start() - 40) : m.start()]):
            continue  # "talks with Ukraine on Wednesday": the day of the telling, perhaps
        if m["weekday"]:
            target = _WEEKDAY_NAMES.index(m["weekday"].casefold())
            if _FUTURE.search(text[lo:hi]):
                day = published + dt.timedelta(days=(target - published.weekday()) % 7 or 7)
            else:
                day = published - dt.timedelta(days=(published.weekday() - target) % 7)
        else:
            month = _MONTH_NUMBER[m["month"].casefold()[:3]]
            year = _YEAR_AFTER.match(text, m.end())  # "Jan. 17, 2002": not this year's
            try:
                day = dt.date(int(year[1]) if year else published.year, month, int(m["day"]))
            except ValueError:
                continue
        words = {w for w in _EVENT_WORDS.findall(text[lo:hi].casefold()) if w not in _TIMING_STOP}
        # The event a date is said of sits next to it ("a trial set to begin Sept. 24"),
        # not anywhere in the sentence ("agreed Friday ... and avoided a second trial"); of
        # two, the nearer ("if a vote takes place closer to the November 6 midterm
        # elections": the date of the elections).
        words = (words - _EVENT_NOUNS) | _nearest_event(text[lo : m.start()], text[m.end() : hi])
        out.append((m.start(), m.end(), day, words, bool(m["month"])))
    return out


def _nearest_event(before: str, after: str) -> set[str]:
    """The event noun nearest a date, among the eight words before it and the four after."""
    ahead = [w.casefold() for w in before.split()[-8:]]
    behind = [w.casefold() for w in after.split()[:4]]
    by_distance = [(len(ahead) - i, w) for i, w in enumerate(ahead)]
    by_distance += [(i + 1, w) for i, w in enumerate(behind)]
    found = [
        (distance, noun if noun in _EVENT_NOUNS else noun[:-1])
        for distance, word in by_distance
        for noun in _EVENT_WORDS.findall(word)
        if noun in _EVENT_NOUNS or noun[:-1] in _EVENT_NOUNS  # "elections"
    ]
    if not found:
        return set()
    nearest = min(distance for distance, _ in found)
    return {noun for distance, noun in found if distance == nearest}


def dated_events(text: str, context: SentenceContext) -> set[str]:
    """The events (a trial, a vote) the sentence puts on a day: how sentences that date one
    event are found across articles."""
    return {w for _, _, _, words, _ in _day_mentions(text, context) for w in words} & _EVENT_NOUNS


def _timing_candidates(
    text_x: str, cx: SentenceContext, text_y: str, cy: SentenceContext
) -> list[_Found]:
    """The same event put on different days: one side names the date ("Sept. 24"), the
    other a date or a weekday read against its article's date, and their clauses name the
    same event (a trial, a vote) or share two other content words."""
    out: list[_Found] = []
    dx, dy = _day_mentions(text_x, cx), _day_mentions(text_y, cy)
    for sx, ex, day_x, words_x, dated_x in dx:
        for sy, ey, day_y, words_y, dated_y in dy:
            shared = words_x & words_y
            if day_x == day_y or not (dated_x or dated_y):
                continue
            if not (shared & _EVENT_NOUNS) and (
                len(shared) < 2 or abs((day_x - day_y).days) > _OTHER_EVENT_DAYS
            ):
                continue  # (two shared words say little: an email of 2002, an attack of 2001)
            events = sorted(shared & _EVENT_NOUNS)
            what = f"the {events[0]}" if events else "the same event"
            phrase_x, phrase_y = text_x[sx:ex], text_y[sy:ey]

            def explain(
                swapped: bool,
                sides: tuple[str, str],
                fx: str = f"{phrase_x} ({day_x.isoformat()})",
                fy: str = f"{phrase_y} ({day_y.isoformat()})",
                what: str = what,
            ) -> str:
                pa, pb = _pick(fx, fy, swapped)
                return f"Date of {what}: {sides[0]} {pa}, {sides[1]} {pb}"

            out.append(_Found("timing", "conflict", (sx, ex), (sy, ey), explain))
            return out
    return out
