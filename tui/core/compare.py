"""Word-level differences and contradiction candidates inside an aligned pair.

The aligner decides which sentences report the same thing; this module says
how they differ. ``diff_words`` feeds the highlighting (called on every cursor
move, so it is cached and works on token ids, not characters).
``find_discrepancies`` proposes candidates a person confirms or dismisses:
numbers read as intervals (tui.core.numbers), names and lists of names
(tui.core.names), and quotes worded differently. Both are pure and
deterministic; ``find_discrepancies(b, a)`` is the mirror of ``(a, b)``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from typing import Literal

from rapidfuzz.distance import Levenshtein

from tui.core import names as nm
from tui.core import numbers as nb
from tui.core.model import Sentence
from tui.core.normalize import canonical_word

DiffKind = Literal["insert", "delete", "replace"]
DiscrepancyKind = Literal["number", "name", "list", "quote"]
DiscrepancyStatus = Literal["conflict", "refinement", "variant"]


@dataclass(frozen=True, slots=True)
class DiffSpan:
    """A word-level change between two sentences, in article-text offsets of each side.

    ``insert``: present only in b (a side empty); ``delete``: only in a;
    ``replace``: different words on both sides.
    """

    kind: DiffKind
    a_start: int
    a_end: int
    b_start: int
    b_end: int


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


# --- tokens and word diff ---------------------------------------------------------------

_TOKEN_RE = re.compile(r"\d+(?:[.,:]\d+)*|\w+(?:['’.\-]\w+)*")
_STRIP_RE = re.compile(r"['’.\-]")


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a sentence: offsets within the sentence and its comparison form."""

    start: int
    end: int
    norm: str


@lru_cache(maxsize=8192)
def tokenize(text: str) -> tuple[Token, ...]:
    """Words of ``text`` with offsets; the comparison form ignores case, quotes, punctuation.

    "Russia’s" and "russia's" compare equal, as do "U.S." and "US", "four" and "4", "thirty"
    and "30", "travelled" and "traveled", "Kiev" and "Kyiv" (``normalize.canonical_word``).
    """
    out: list[Token] = []
    for m in _TOKEN_RE.finditer(text):
        norm = _STRIP_RE.sub("", m.group().casefold()).replace(",", "")
        out.append(Token(m.start(), m.end(), canonical_word(norm) if norm else norm))
    return tuple(out)


Opcode = tuple[str, int, int, int, int]


@lru_cache(maxsize=4096)
def _token_alignment(
    text_a: str, text_b: str
) -> tuple[tuple[Opcode, ...], tuple[tuple[int, int, int, int], ...]]:
    """Merged non-equal token edits and the equal blocks between them (token indices)."""
    ta, tb = tokenize(text_a), tokenize(text_b)
    ops = Levenshtein.opcodes([t.norm for t in ta], [t.norm for t in tb])
    merged: list[list[int]] = []
    equal: list[tuple[int, int, int, int]] = []
    for op in ops:
        if op.tag == "equal":
            equal.append((op.src_start, op.src_end, op.dest_start, op.dest_end))
            continue
        if merged and merged[-1][1] == op.src_start and merged[-1][3] == op.dest_start:
            merged[-1][1], merged[-1][3] = op.src_end, op.dest_end
        else:
            merged.append([op.src_start, op.src_end, op.dest_start, op.dest_end])
    out: list[Opcode] = []
    for i1, i2, j1, j2 in merged:
        tag = "replace" if i2 > i1 and j2 > j1 else ("delete" if i2 > i1 else "insert")
        out.append((tag, i1, i2, j1, j2))
    return tuple(out), tuple(equal)


def _token_opcodes(text_a: str, text_b: str) -> tuple[Opcode, ...]:
    """Merged non-equal token edit operations (token indices), adjacent changes joined."""
    return _token_alignment(text_a, text_b)[0]


def _char_range(tokens: tuple[Token, ...], i1: int, i2: int) -> tuple[int, int]:
    """Characters covered by tokens[i1:i2]; an empty range sits where the tokens would go."""
    if i2 > i1:
        return tokens[i1].start, tokens[i2 - 1].end
    if i1 < len(tokens):
        return tokens[i1].start, tokens[i1].start
    end = tokens[-1].end if tokens else 0
    return end, end


def diff_words(a: Sentence, b: Sentence) -> list[DiffSpan]:
    """Word-level differences between two sentences, ignoring case, punctuation, quotes.

    Spans are in article-text offsets of each side (``Sentence.start`` added), in order.
    Token-level Levenshtein operations (rapidfuzz), not difflib: difflib's autojunk
    mis-highlights long sentences.
    """
    return list(_diff_cached(a.text, a.start, b.text, b.start))


@lru_cache(maxsize=4096)
def _diff_cached(text_a: str, off_a: int, text_b: str, off_b: int) -> tuple[DiffSpan, ...]:
    ta, tb = tokenize(text_a), tokenize(text_b)
    spans: list[DiffSpan] = []
    for tag, i1, i2, j1, j2 in _token_opcodes(text_a, text_b):
        as_, ae = _char_range(ta, i1, i2)
        bs, be = _char_range(tb, j1, j2)
        kind: DiffKind = (
            "replace" if tag == "replace" else ("delete" if tag == "delete" else "insert")
        )
        spans.append(DiffSpan(kind, off_a + as_, off_a + ae, off_b + bs, off_b + be))
    return tuple(spans)


# --- discrepancies ----------------------------------------------------------------------

Explain = Callable[[bool, tuple[str, str]], str]
"""Builds the explanation; the flag says the caller's sides are swapped, the pair names the
caller's sides a and b (article labels) for explanations that must say which is which."""


@dataclass(frozen=True, slots=True)
class _Found:
    kind: DiscrepancyKind
    status: DiscrepancyStatus
    a: tuple[int, int]
    b: tuple[int, int]
    explain: Explain


def find_discrepancies(
    doc_a: int, a: Sentence, doc_b: int, b: Sentence, labels: tuple[str, str] = ("A", "B")
) -> list[Discrepancy]:
    """Contradiction candidates between two aligned sentences.

    Each has a kind (number, name, list, quote), a status (conflict; refinement when
    one figure or list narrows the other; variant for a name spelt two ways), both
    spans in article offsets and a one-line explanation. Mirrors exactly when the
    sides are swapped (the work is done in one canonical order). ``labels`` name sides a
    and b in explanations that must say which side has what ("only in Bloomberg: ...");
    pass the articles' labels.
    """
    return list(_find_cached(doc_a, a, doc_b, b, labels))


@lru_cache(maxsize=8192)
def _find_cached(
    doc_a: int, a: Sentence, doc_b: int, b: Sentence, labels: tuple[str, str]
) -> tuple[Discrepancy, ...]:
    swapped = (b.text, doc_b, b.start) < (a.text, doc_a, a.start)
    x, y = (b, a) if swapped else (a, b)
    found = _candidates(x.text, y.text)
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
    out.sort(key=lambda d: (d.a.start, d.b.start, d.kind))
    return tuple(out)


def _span(doc: int, s: Sentence, rng: tuple[int, int]) -> Span:
    start, end = rng
    return Span(doc, s.index, s.start + start, s.start + end, s.text[start:end])


@lru_cache(maxsize=8192)
def _candidates(text_x: str, text_y: str) -> tuple[_Found, ...]:
    """All candidates between two sentence texts, in the canonical (x, y) order."""
    if text_x == text_y:
        return ()
    return (
        *_number_candidates(text_x, text_y),
        *_name_candidates(text_x, text_y),
        *_list_candidates(text_x, text_y),
        *_quote_candidates(text_x, text_y),
    )


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


# numbers


def _number_candidates(text_x: str, text_y: str) -> list[_Found]:
    xs, ys = nb.find_numbers(text_x), nb.find_numbers(text_y)
    if not xs or not ys:
        return []
    options: list[tuple[int, int, int, int, str]] = []
    rank = {"same": 0, "refines": 1, "refined": 1, "overlap": 1, "conflict": 2}
    for i, mx in enumerate(xs):
        for j, my in enumerate(ys):
            if not nb.comparable(mx, my):
                continue
            rel = nb.relation(mx, my)
            if rel != "same" and "vague" in (mx.hedge, my.hedge):
                continue  # "thousands" vs "seven": a war's toll and one strike's, not a clash
            if rel != "same" and nb.is_duration(mx) and not nb.same_frame(text_x, mx, text_y, my):
                continue  # "in two weeks" vs "five weeks into a war": different stretches
            exact_unit = 0 if mx.unit is not None and mx.unit == my.unit else 1
            options.append((rank[rel], exact_unit, i, j, rel))
    options.sort()
    used_x: set[int] = set()
    used_y: set[int] = set()
    out: list[_Found] = []
    for _, _, i, j, rel in options:
        if i in used_x or j in used_y:
            continue
        used_x.add(i)
        used_y.add(j)
        if rel == "same":
            continue
        if rel == "conflict":
            total = _sum_of_parts(xs[i], xs, ys[j], ys) or _sum_of_parts(ys[j], ys, xs[i], xs)
            if total is not None:
                out.append(_sum_found(text_x, xs[i], text_y, ys[j], total))
                continue
            if _part_of_a_wider_total(text_x, xs[i], text_y, ys[j]):
                continue
        out.append(_number_found(text_x, xs[i], text_y, ys[j], rel))
    return out


_MAX_PARTS = 6
"""Figures of one sentence tried as the parts of a total (subsets of at most 2^6)."""


def _exact(m: nb.NumberMention) -> bool:
    return not m.hedge and not m.modifier and not nb.is_duration(m)


def _sum_of_parts(
    total: nb.NumberMention,
    own: tuple[nb.NumberMention, ...],
    other: nb.NumberMention,
    others: tuple[nb.NumberMention, ...],
) -> tuple[nb.NumberMention, tuple[nb.NumberMention, ...]] | None:
    """``total`` and the figures that add up to it, when ``other`` is one of them: two or
    more exact figures of the other sentence ("48 officials ... and 12 intelligence
    officers" against "60 Russian officials"), or of ``total``'s own sentence ("The 60
    people ... include 48 ... and 12" against "12 people"). None otherwise."""
    if not _exact(total) or not _exact(other) or other.value >= total.value:
        return None
    for pool in (others, tuple(m for m in own if m is not total)):
        exact = [m for m in pool if _exact(m) and m.value < total.value][:_MAX_PARTS]
        if other not in exact and not any(m.value == other.value for m in exact):
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
    mx: nb.NumberMention,
    text_y: str,
    my: nb.NumberMention,
    found: tuple[nb.NumberMention, tuple[nb.NumberMention, ...]],
) -> _Found:
    """A total against one of its parts: a refinement, not a conflict ("60 = 48 + 12")."""
    total, parts = found
    label = nb.event_label(mx, my)
    format_value = nb.format_value
    sums = " + ".join(nb.format_value(m.value) for m in parts)
    text, mention = (text_x, mx) if total is mx else (text_y, my)
    phrase = _flat(text[mention.start : mention.context_end])

    def explain(swapped: bool, sides: tuple[str, str]) -> str:
        return (
            f'{label}: "{phrase}" is the total of the parts ({format_value(total.value)} = {sums})'
        )

    return _Found(
        "number", "refinement", (mx.start, mx.context_end), (my.start, my.context_end), explain
    )


def _part_of_a_wider_total(
    text_x: str, mx: nb.NumberMention, text_y: str, my: nb.NumberMention
) -> bool:
    """A lower bound ("over 100 diplomats") against a smaller exact figure said of an actor
    the bound's sentence does not name ("The U.K. had already expelled 23"): the figure is
    one actor's share of a wider total, not a second account of it."""
    for text_b, bound, text_e, exact in ((text_x, mx, text_y, my), (text_y, my, text_x, mx)):
        if bound.hedge not in ("more", "least") or not _exact(exact):
            continue
        if exact.value >= bound.value:
            continue
        named = {t.key for t in nm.name_tokens(text_b)}
        actors = [
            t
            for t in nm.name_tokens(text_e[: exact.start])
            if not _SAYS.match(text_e, t.end) and t.key not in named
        ]
        if actors:
            return True
    return False


_SAYS = re.compile(r"[’']?s?\s+(?:said|says|told|wrote|added)\b")
"""After a name: the name is who says the figure, not whose figure it is."""


def _number_found(
    text_x: str, mx: nb.NumberMention, text_y: str, my: nb.NumberMention, rel: str
) -> _Found:
    span_x = (mx.start, mx.context_end)
    span_y = (my.start, my.context_end)
    label = nb.event_label(mx, my)
    if rel == "conflict":
        phrase_x, phrase_y = text_x[slice(*span_x)], text_y[slice(*span_y)]

        def explain(swapped: bool, sides: tuple[str, str]) -> str:
            pa, pb = _pick(phrase_x, phrase_y, swapped)
            da, db = _pick(nb.describe(mx), nb.describe(my), swapped)
            return f'{label} differs: "{_flat(pa)}" vs "{_flat(pb)}" ({da} ≠ {db})'

        return _Found("number", "conflict", span_x, span_y, explain)
    if rel == "overlap":

        def explain_overlap(swapped: bool, sides: tuple[str, str]) -> str:
            ta, tb = _pick(mx.text, my.text, swapped)
            da, db = _pick(nb.describe(mx), nb.describe(my), swapped)
            return f'{label}: "{ta}" and "{tb}" are compatible ({da} / {db})'

        return _Found("number", "refinement", span_x, span_y, explain_overlap)
    narrow, wide = (mx, my) if rel == "refines" else (my, mx)

    def explain_refine(swapped: bool, sides: tuple[str, str]) -> str:
        return f'{label}: "{narrow.text}" refines "{wide.text}" ({nb.reason(narrow, wide)})'

    return _Found("number", "refinement", span_x, span_y, explain_refine)


# names


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
    variant_keys: set[tuple[str, str]] = set()
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
        variant_keys.add((t.key, u.key))
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
    """The same role ("Mayor", "Foreign Minister") filled by different people."""
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
            role = p.role
            out.append(
                _Found(
                    "name",
                    "conflict",
                    (p.start, p.end),
                    (q.start, q.end),
                    _versus(f"Different {role} named", p.name, q.name),
                )
            )
            break
    return out


# lists


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
        set_p, set_q = set(p.canonical), set(q.canonical)
        if set_p == set_q:
            continue
        only_p = [it for it, c in zip(p.items, p.canonical, strict=True) if c not in set_q]
        only_q = [it for it, c in zip(q.items, q.canonical, strict=True) if c not in set_p]
        status: DiscrepancyStatus = "conflict" if only_p and only_q else "refinement"
        topic = nm.list_topic(text_x, p, text_y, q)

        def explain(
            swapped: bool,
            sides: tuple[str, str],
            op: list[str] = only_p,
            oq: list[str] = only_q,
            topic: str = topic,
        ) -> str:
            ia, ib = _pick(", ".join(op) or "nothing", ", ".join(oq) or "nothing", swapped)
            return f"{topic} differs: only in {sides[0]}: {ia}; only in {sides[1]}: {ib}"

        out.append(_Found("list", status, (p.start, p.end), (q.start, q.end), explain))
    return out


# quotes

_OPEN = "“«„"
_CLOSE = "”»"
_QUOTE_CHAR_RE = re.compile(r'["“«„”»]')


@lru_cache(maxsize=8192)
def quote_regions(text: str) -> tuple[tuple[int, int], ...]:
    """Quoted stretches (inside the marks) of ``text``.

    A quote may open in an earlier sentence or close in a later one: an unmatched
    closing mark quotes from the sentence start, an unmatched opening one to its end.
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


def _region_at(regions: tuple[tuple[int, int], ...], start: int, end: int) -> int | None:
    for k, (s, e) in enumerate(regions):
        if (start < e and end > s) or (start == end and s < start < e):
            return k
    return None


_QUOTE_MARKS = re.compile(r"[\"“”«»„]")


def _window(tokens: tuple[Token, ...], region: tuple[int, int]) -> tuple[int, int]:
    """Token indices of a quote plus one word either side."""
    inside = [k for k, t in enumerate(tokens) if t.start >= region[0] and t.end <= region[1]]
    if not inside:
        return 0, 0
    return max(0, inside[0] - 1), min(len(tokens), inside[-1] + 2)


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
        "not",
        "no",
    ]
)


def _same_quote(
    tx: tuple[Token, ...],
    qx: tuple[int, int],
    ty: tuple[Token, ...],
    qy: tuple[int, int],
) -> bool:
    """Two quotes are one quote reworded if enough of their content words (or the words
    framing them: 'called "meaningful" progress') are shared."""
    wx, wy = _window(tx, qx), _window(ty, qy)
    words_x = {t.norm for t in tx[wx[0] : wx[1]]} - _FUNCTION_WORDS
    words_y = {t.norm for t in ty[wy[0] : wy[1]]} - _FUNCTION_WORDS
    smaller = min(len(words_x), len(words_y))
    return smaller > 0 and len(words_x & words_y) >= max(1.0, 0.4 * smaller)


def _mostly_outside(tokens: tuple[Token, ...], i1: int, i2: int, region: tuple[int, int]) -> bool:
    """Whether most of the changed words tokens[i1:i2] lie outside the quote ``region``."""
    inside = sum(1 for t in tokens[i1:i2] if t.start >= region[0] and t.end <= region[1])
    return 2 * inside < i2 - i1


def _quote_candidates(text_x: str, text_y: str) -> list[_Found]:
    qx, qy = quote_regions(text_x), quote_regions(text_y)
    if not qx or not qy:
        return []
    tx, ty = tokenize(text_x), tokenize(text_y)
    touched: dict[tuple[int, int], list[tuple[int, int, int, int]]] = {}
    for _, i1, i2, j1, j2 in _token_opcodes(text_x, text_y):
        xs, xe = _char_range(tx, i1, i2)
        ys, ye = _char_range(ty, j1, j2)
        kx, ky = _region_at(qx, xs, xe), _region_at(qy, ys, ye)
        if kx is None or ky is None:
            continue
        if _mostly_outside(tx, i1, i2, qx[kx]) or _mostly_outside(ty, j1, j2, qy[ky]):
            continue  # reported speech on that side ('officials said ... "civilian
            # infrastructure"'): its words are not quoted, so no quote is reworded
        touched.setdefault((kx, ky), []).append((i1, i2, j1, j2))
    out: list[_Found] = []
    for (kx, ky), ops in touched.items():
        if not _same_quote(tx, qx[kx], ty, qy[ky]):
            continue
        if all(j1 == j2 for _, _, j1, j2 in ops) or all(i1 == i2 for i1, i2, _, _ in ops):
            continue  # one quotes more of it ("I'm here, I'm free" / "I'm free"), no rewording
        ix1, ix2 = min(o[0] for o in ops), max(o[1] for o in ops)
        jy1, jy2 = min(o[2] for o in ops), max(o[3] for o in ops)
        # One word of context each side so "meaningful" reads "called meaningful progress".
        cx = _char_range(tx, max(0, ix1 - 1), min(len(tx), ix2 + 1))
        cy = _char_range(ty, max(0, jy1 - 1), min(len(ty), jy2 + 1))
        phrase_x = _QUOTE_MARKS.sub("", text_x[slice(*cx)])
        phrase_y = _QUOTE_MARKS.sub("", text_y[slice(*cy)])

        def explain(
            swapped: bool, sides: tuple[str, str], px: str = phrase_x, py: str = phrase_y
        ) -> str:
            pa, pb = _pick(px, py, swapped)
            return f'Quote worded differently: "{_flat(pa)}" vs "{_flat(pb)}"'

        out.append(_Found("quote", "conflict", qx[kx], qy[ky], explain))
    return out
