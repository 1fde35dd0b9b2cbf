"""N-way, order-independent sentence alignment across articles.

News reports of one event tell it in different orders and split or merge
sentences, so every sentence is compared with every sentence of every other
article, but only through an inverted index of its informative (rare) terms:
a pair that could reach the threshold must share one of them (prefix
filtering), so the index loses no match that exhaustive scoring would find.
The score combines how much of the shorter sentence (or of one of its clauses)
the other carries, weighted by rarity (IDF), rapidfuzz's token-set ratio on the
normalised text and the counts of shared and rare shared stems (``scoring``).
A sentence may match several sentences of another article (one outlet's sentence
is often two in another).
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from tui.core.candidates import Discrepancy, discrepancies_between, linking_differences
from tui.core.context import context_of, days_apart, published_date
from tui.core.grouping import group_places
from tui.core.model import Article, Sentence
from tui.core.model import SentenceRef as SentenceRef  # where the rest of reader finds it
from tui.core.names import name_lists
from tui.core.numbers import find_numbers
from tui.core.pair_search import PairSearch
from tui.core.scoring import (
    Scorer,
    SentenceProfile,
    build_profiles,
    same_fact_of,
    speaker_only,
    z_of,
)
from tui.core.slot_links import slot_pairs

DEFAULT_THRESHOLD = 50.0
"""Score 50 is ``scoring.SAME_FACT_CUT``: on the seven real stories, 487 of the 563 links
report the same fact (0.854 out of fold); on the blind seed gold (tests/data/LABELLING.md)
it shows 88 pairs, 80 the same fact and 6 the same topic (bench/README.md, "Same-fact
model")."""
CANDIDATE_LEXICAL = 50.0
"""Pairs that cannot reach this lexical score (``scoring.score_of``) even with their best
token-set ratio are never weighed: the bulk search's prefix filter stays as tight as it was
before the same-fact model, and pairs sharing that little are not the same fact."""
LEXICAL_FLOOR = 35.0
"""Candidates scoring lower than this lexically are weighed only when one of the two
sentences has no match yet (``OPEN_LEXICAL_FLOOR``): of the labelled pairs between 25 and
35, one in ten reaches the threshold, and scoring every candidate down to 25 tripled the
time of the bulk search on the scale corpus."""
OPEN_LEXICAL_FLOOR = 25.0
"""The lexical floor for pairs with a sentence no match holds: its possible matches."""
POSSIBLE_FLOOR = 25.0
"""Pairs from this score up to the threshold are possible matches (``Alignment.possible``)
when one of the two sentences has no match: an offer to the reader, not a claim. On the
blind seed gold, 18 of such 28 pairs are the same fact and 6 the same topic; on the seven
stories, 84 of the 210 labelled (bench/README.md, "Same-fact model")."""
NUMBER_LINK_MARGIN = 30.0
"""Pairs down to this far below the threshold are kept when they give one figure or one
list of names differently (a number or list conflict or refinement). On the seeds at the
default threshold: number candidates found 1 of 9 -> 8 of 9, and the pair gold improves
too (P 0.908 -> 0.914, R 0.439 -> 0.472): 6 of the 7 pairs it adds are hand-labelled
links. Lists add the guarantor-states pair (score 32, a hand-labelled link and the one
list conflict of the gold)."""
DISTANT_DAYS = 2
"""Reports published this many days apart or more are distant (``DISTANT_THRESHOLD``)."""
DISTANT_THRESHOLD = 65.0
"""The score a link between distant reports needs (at least the threshold). Weeks into a
story, the same words come back about other days: of the blind-labelled links of a month
of coverage scoring 50 to 65, 28 of 35 were the same fact between reports at most a day
apart, 32 of 95 between reports two days apart or more (65 to 80: 0.71 and 0.68). Below it
such a pair is a possible match, offered, not claimed (bench/README.md, "Links between
distant reports")."""
LINKING_KINDS = frozenset({"number", "list", "timing"})
"""Discrepancy kinds that keep a pair below the threshold (``NUMBER_LINK_MARGIN``)."""
_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    "eighty|ninety|hundred|thousand|million|billion|half"
)
_DIGIT = re.compile(r"\d")
_NUMBER_WORD_START = re.compile(
    rf"\b(?=[{''.join(sorted({w[0] for w in _NUMBER_WORDS.split('|')}))}])(?:{_NUMBER_WORDS})"
)
"""A word starting like a number word; the look-ahead on first letters lets the regex
engine skip most positions (3x faster than a case-insensitive alternation)."""


_MAY_HOLD_LIST = re.compile(
    r"[A-Z][\w.'’-]*(?:,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?[A-Z]"
)
"""Two names joined by a comma, "and" or "or": a cheap gate before ``names.name_lists``."""


def _may_hold_number(text: str) -> bool:
    """A cheap gate before ``find_numbers``: false for sentences with no digit and no
    number word."""
    return bool(_DIGIT.search(text) or _NUMBER_WORD_START.search(text.lower()))


ENGINE = "engine"
"""``Pair.origin`` of a pair the aligner found."""
USER = "user"
"""``Pair.origin`` of a pair the reader linked (``corrections.apply_corrections``)."""
Progress = Callable[[float], None]
"""Called with the share of the work done, 0.0 to 1.0."""


@dataclass(frozen=True, slots=True)
class Pair:
    """Two sentences of different articles that report the same thing (a.doc < b.doc)."""

    a: SentenceRef
    b: SentenceRef
    score: float
    """0-100; higher is a closer match."""
    origin: str = ENGINE
    """Who made the link: ``ENGINE`` (scored) or ``USER`` (the reader linked the two)."""


@dataclass(frozen=True, slots=True)
class Group:
    """One fact or quote: the sentences of every article that report it."""

    id: int
    members: tuple[SentenceRef, ...]
    sources: int
    """How many distinct articles report it."""


@dataclass(frozen=True)
class Alignment:
    """The result of aligning a corpus, with look-ups the UI needs on every keypress.

    Derived from its fields only, so ``dataclasses.replace`` gives a consistent copy.
    """

    articles: tuple[Article, ...]
    pairs: tuple[Pair, ...]
    groups: tuple[Group, ...]
    discrepancies: tuple[Discrepancy, ...]
    threshold: float = DEFAULT_THRESHOLD
    possible_pairs: tuple[Pair, ...] = ()
    """Pairs scoring below the threshold and at ``possible_floor`` or more, of two sentences
    at least one of which has no match: offered to the reader, never shown as matches."""
    possible_floor: float = POSSIBLE_FLOOR
    _partners: dict[SentenceRef, list[tuple[SentenceRef, float]]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _possible: dict[SentenceRef, list[tuple[SentenceRef, float]]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _pair_of: dict[tuple[SentenceRef, SentenceRef], Pair] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _group_of: dict[SentenceRef, Group] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _discrepancies_of: dict[SentenceRef, list[Discrepancy]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        user: set[SentenceRef] = set()
        for pair in self.pairs:
            self._pair_of[pair.a, pair.b] = pair
            self._partners.setdefault(pair.a, []).append((pair.b, pair.score))
            self._partners.setdefault(pair.b, []).append((pair.a, pair.score))
            if pair.origin == USER:
                user.update((pair.a, pair.b))
        for ref, partners in self._partners.items():
            # the reader's own links first, then best score first
            mine = (
                {other for other, _ in partners if self.by_user(ref, other)}
                if ref in user
                else set()
            )
            partners.sort(key=lambda item: (item[0] not in mine, -item[1], item[0]))
        for pair in self.possible_pairs:
            self._possible.setdefault(pair.a, []).append((pair.b, pair.score))
            self._possible.setdefault(pair.b, []).append((pair.a, pair.score))
        for possible in self._possible.values():
            possible.sort(key=lambda item: (-item[1], item[0]))
        for group in self.groups:
            for member in group.members:
                self._group_of[member] = group
        for disc in self.discrepancies:
            for side in (disc.a, disc.b):
                ref = SentenceRef(side.doc, side.sentence)
                self._discrepancies_of.setdefault(ref, []).append(disc)

    def by_user(self, first: SentenceRef, second: SentenceRef) -> bool:
        """Whether the reader linked the two sentences (their pair's ``origin`` is ``USER``)."""
        pair = self.pair_between(first, second)
        return pair is not None and pair.origin == USER

    def partners(self, ref: SentenceRef) -> list[tuple[SentenceRef, float]]:
        """Sentences of other articles matched with ``ref``: the reader's links first, then
        best score first."""
        return self._partners.get(ref, [])

    def pair_between(self, first: SentenceRef, second: SentenceRef) -> Pair | None:
        """The pair linking two sentences, in either order (its ``origin`` says who made
        it); None when they are not linked."""
        return self._pair_of.get((first, second) if first < second else (second, first))

    def possible(self, ref: SentenceRef) -> list[tuple[SentenceRef, float]]:
        """Possible counterparts of ``ref`` (``possible_pairs``), best first: sentences of
        other articles scoring below the threshold but at ``possible_floor`` or more."""
        return self._possible.get(ref, [])

    def best_partner_in(self, ref: SentenceRef, doc: int) -> tuple[SentenceRef, float] | None:
        """The best match of ``ref`` in article ``doc``, or None."""
        for other, score in self.partners(ref):
            if other.doc == doc:
                return other, score
        return None

    def group_of(self, ref: SentenceRef) -> Group | None:
        """The group holding ``ref``; None for unique sentences."""
        return self._group_of.get(ref)

    def discrepancies_of(self, ref: SentenceRef) -> list[Discrepancy]:
        """Contradiction candidates that involve ``ref``."""
        return self._discrepancies_of.get(ref, [])

    def counterparts(self, ref: SentenceRef) -> dict[int, SentenceRef]:
        """For each other article reporting ``ref``'s fact, the sentence to show beside it:
        its best direct partner there, else a member of its group there.

        A pair may link sentences of two groups, or a grouped sentence with one in no group
        (a group holds one fact, ``grouping``), so the group alone undercounts: CBC #8's
        group held CBC and ITV while its partner in RFE/RL repost sat in another group. What
        the panes show beside ``ref``, the sources count and the table row all come from here.
        """
        out: dict[int, SentenceRef] = {}
        for partner, _ in self.partners(ref):  # best first
            out.setdefault(partner.doc, partner)
        group = self.group_of(ref)
        if group is not None:
            for member in group.members:
                if member.doc != ref.doc:
                    out.setdefault(member.doc, member)
        return out

    def counts_as_match(self, pair: Pair) -> bool:
        """Whether ``pair`` is a match "in N of M sources" counts: one at or above the
        threshold, or one the reader made. The figure links below it are shown beside each
        other (``counterparts``) so their figures can be compared, but are not matches."""
        return pair.origin == USER or pair.score >= self.threshold

    def sources_of(self, ref: SentenceRef) -> tuple[int, ...]:
        """The articles reporting ``ref``'s fact, its own included, in order: those reached
        from ``ref`` through matches that count (``counts_as_match``), to its direct partners
        and on through the members of its group. ``(ref.doc,)`` for a unique sentence, and for
        one linked only below the threshold; use ``len()`` of it for "in N of M sources"
        rather than ``Group.sources``."""
        group = self.group_of(ref)
        members = set() if group is None else set(group.members)
        reached = {ref}
        todo = [ref]
        while todo:
            here = todo.pop()
            if here != ref and here not in members:
                continue  # a direct partner outside the group: counted, not followed
            for other, _ in self.partners(here):
                if other in reached or (here != ref and other not in members):
                    continue
                pair = self.pair_between(here, other)
                if pair is not None and self.counts_as_match(pair):
                    reached.add(other)
                    todo.append(other)
        return tuple(sorted({r.doc for r in reached}))

    def sources_of_members(self, members: Sequence[SentenceRef]) -> tuple[int, ...]:
        """The articles a table row of ``members`` (a group's) shows a sentence in: theirs and
        their counterparts', the ones linked below the threshold included (the row shows
        them side by side), in order."""
        docs: set[int] = set()
        for ref in members:
            docs.add(ref.doc)
            docs.update(self.counterparts(ref))
        return tuple(sorted(docs))

    def linked_outside(self, members: Sequence[SentenceRef], doc: int) -> SentenceRef | None:
        """The best direct partner in article ``doc`` of any of ``members`` when none of
        them is in ``doc``: the sentence a table row of a group shows in a column its group
        has no member in (a pair across two groups). None when there is none."""
        if any(ref.doc == doc for ref in members):
            return None
        best: tuple[float, SentenceRef] | None = None
        for ref in members:
            found = self.best_partner_in(ref, doc)
            if found is not None and (best is None or (-found[1], found[0]) < (-best[0], best[1])):
                best = (found[1], found[0])
        return None if best is None else best[1]

    def matched_share(self, doc: int, other: int | None = None) -> float:
        """Share of article ``doc``'s body sentences matched in another source.

        Whole sentences, furniture left out, as ``report.matched_share`` counts them (one
        measure everywhere). With ``other``, only matches in that article count. 0.0 for an
        article without body text.
        """
        body = self.articles[doc].body_sentences
        if not body:
            return 0.0
        matched = sum(
            1
            for s in body
            if any(
                other is None or partner.doc == other
                for partner, _ in self.partners(SentenceRef(doc, s.index))
            )
        )
        return matched / len(body)

    def unique_sentences(self, doc: int) -> list[int]:
        """Indices of the body sentences of ``doc`` that no other source reports: no match
        and no possible match. Headings are never unique (a headline sums up; it is not a
        claim of its own)."""
        return [
            s.index
            for s in self.articles[doc].body_sentences
            if not s.heading
            and SentenceRef(doc, s.index) not in self._partners
            and SentenceRef(doc, s.index) not in self._possible
        ]

    def unmatched_but_possible(self, doc: int) -> list[int]:
        """Indices of the body sentences of ``doc`` with no match but with possible ones
        (``possible``): neither matched nor unique."""
        return [
            s.index
            for s in self.articles[doc].body_sentences
            if SentenceRef(doc, s.index) not in self._partners
            and SentenceRef(doc, s.index) in self._possible
        ]


def align_corpus(
    articles: Sequence[Article],
    threshold: float = DEFAULT_THRESHOLD,
    progress: Progress | None = None,
) -> Alignment:
    """Align every article with every other and group the matches.

    Args:
        articles: the corpus; ``SentenceRef.doc`` is a position in it.
        threshold: minimum score (0-100) of a pair; furniture sentences never align.
        progress: called with the share of the work done, 0.0 to 1.0.
    """
    with _no_cyclic_collection():
        return _align(articles, threshold, progress or (lambda share: None))


@contextmanager
def _no_cyclic_collection() -> Iterator[None]:
    """Pause Python's cyclic garbage collector, restoring its previous state after.

    Alignment builds hundreds of thousands of long-lived, acyclic objects (profiles, stem
    sets, pairs); the collector's full passes over them found nothing to free and cost
    0.3-0.5 s of CPU on the 10,000-sentence scale corpus (4 full collections). Reference
    counting still frees everything as usual.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _align(articles: Sequence[Article], threshold: float, report: Progress) -> Alignment:
    """``align_corpus`` proper."""
    scored, near, alike = _score_pairs(articles, threshold, report)
    pairs = tuple(
        Pair(SentenceRef(a.doc, a.sentence), SentenceRef(b.doc, b.sentence), score)
        for a, b, score in scored
    )
    possible = tuple(
        Pair(SentenceRef(a.doc, a.sentence), SentenceRef(b.doc, b.sentence), score)
        for a, b, score in near
    )
    groups = build_groups(pairs, articles)
    report(0.9)
    discrepancies: list[Discrepancy] = []
    for pair in pairs:
        discrepancies.extend(
            discrepancies_between(
                articles, pair.a.doc, pair.a.sentence, pair.b.doc, pair.b.sentence
            )
        )
    # A name spelt two ways is worth seeing wherever two sources write about the same
    # people, even in sentences that report different facts (the mayor's name in two of
    # his statements).
    for a, b, _ in alike:
        discrepancies.extend(
            d
            for d in discrepancies_between(articles, a.doc, a.sentence, b.doc, b.sentence)
            if d.kind == "name"
        )
    report(1.0)
    return Alignment(
        tuple(articles),
        pairs,
        groups,
        tuple(discrepancies),
        threshold,
        possible,
        min(POSSIBLE_FLOOR, threshold),
    )


Scored = list[tuple[SentenceProfile, SentenceProfile, float]]
"""Pairs as (profile, profile, score), the lower position first, in canonical order."""


def body_sentences(articles: Sequence[Article]) -> list[tuple[int, int, str]]:
    """``(article position, sentence index, text)`` of every sentence that is not page
    furniture: what the aligner scores."""
    return [
        (doc, sentence.index, sentence.text)
        for doc, article in enumerate(articles)
        for sentence in article.sentences
        if not sentence.furniture
    ]


def _score_pairs(
    articles: Sequence[Article], threshold: float, report: Progress
) -> tuple[Scored, Scored, Scored]:
    """The cross-article pairs whose same-fact score (``scoring.same_fact_score``) reaches
    ``threshold`` (with the figure and slot links below it), the possible pairs, and the
    pairs alike in words (lexically at ``threshold`` or more) that the same-fact model
    holds apart, each in a canonical order.

    Candidates are the pairs that can reach ``CANDIDATE_LEXICAL`` lexically (the bulk
    search's prefix filter), scored lexically down to ``LEXICAL_FLOOR``
    (``OPEN_LEXICAL_FLOOR`` for a sentence still unmatched), then weighed by the same-fact
    model: a pair that shares only names or a speaker falls below the threshold however
    many words it shares, and one that restates what happened in a few shared words rises
    above it.
    """
    profiles, idf = build_profiles(body_sentences(articles))
    reaches = _LinkBar(articles, [p.doc for p in profiles], threshold)

    report(0.1)
    scorer = Scorer(profiles, idf)
    report(0.2)
    search = PairSearch(scorer)
    keys = (
        search.candidates(z_of(min(threshold, CANDIDATE_LEXICAL)) - 1e-6)
        if search.count > 1
        else np.zeros(0, dtype=np.int64)
    )
    weighed: list[tuple[int, int, float]] = []
    alike: list[tuple[int, int, float]] = []

    def weigh(scored: Iterable[tuple[int, int, float]]) -> None:
        for low, high, lexical in scored:
            if speaker_only(profiles[low], profiles[high]):
                continue
            score = same_fact_of(scorer, profiles[low], profiles[high], lexical)
            weighed.append((low, high, score))
            if score < threshold <= lexical:
                alike.append((low, high, score))

    floor = min(LEXICAL_FLOOR, threshold)
    weigh(search.score(keys, floor))
    report(0.45)
    # A sentence still unmatched is weighed against pairs sharing less: the few that the
    # model lifts over the threshold, and its possible matches.
    matched = np.zeros(search.count, dtype=bool)
    for low, high, score in weighed:
        if reaches(low, high, score):
            matched[low] = matched[high] = True
    first, second = keys // search.count, keys % search.count
    open_keys = keys[~matched[first] | ~matched[second]]
    weigh(
        (low, high, lexical)
        for low, high, lexical in search.score(open_keys, min(OPEN_LEXICAL_FLOOR, floor))
        if lexical < floor
    )
    found = [w for w in weighed if reaches(*w)]
    report(0.6)
    linked = {(low, high) for low, high, _ in found}
    found.extend(_figure_links(articles, search, threshold, linked))
    found = [f for f in found if not speaker_only(profiles[f[0]], profiles[f[1]])]
    found.extend(_slot_links(articles, profiles, scorer, found))
    report(0.75)
    possible = _possible_links(weighed, found, min(POSSIBLE_FLOOR, threshold), reaches)
    report(0.8)
    return (
        [(profiles[low], profiles[high], score) for low, high, score in sorted(found)],
        [(profiles[low], profiles[high], score) for low, high, score in sorted(possible)],
        [(profiles[low], profiles[high], score) for low, high, score in sorted(alike)],
    )


def _possible_links(
    weighed: Sequence[tuple[int, int, float]],
    found: Sequence[tuple[int, int, float]],
    floor: float,
    reaches: _LinkBar,
) -> list[tuple[int, int, float]]:
    """Pairs of ``weighed`` at ``floor`` or more that do not reach the score of a link, of
    two sentences at least one of which ``found`` leaves without a match: a matched sentence
    is not at risk of being called unique."""
    matched: set[int] = set()
    linked = set()
    for low, high, _ in found:
        matched.update((low, high))
        linked.add((low, high))
    return [
        (x, y, score)
        for x, y, score in weighed
        if floor <= score
        and not reaches(x, y, score)
        and (x, y) not in linked
        and (x not in matched or y not in matched)
    ]


class _LinkBar:
    """Whether a pair scores enough to be linked: ``threshold``, or ``DISTANT_THRESHOLD``
    between reports published ``DISTANT_DAYS`` or more apart (an article without a date is
    never distant). Called for every pair weighed, so the common cases cost a comparison."""

    def __init__(self, articles: Sequence[Article], docs: Sequence[int], threshold: float):
        dates = [published_date(article.meta.published) for article in articles]
        self.threshold = threshold
        self.distant_threshold = max(threshold, DISTANT_THRESHOLD)
        self.docs = docs
        """The article of each position (sentence profile)."""
        self.distant = [[days_apart(a, b) >= DISTANT_DAYS for b in dates] for a in dates]

    def __call__(self, low: int, high: int, score: float) -> bool:
        if score < self.threshold:
            return False
        if score >= self.distant_threshold:
            return True
        return not self.distant[self.docs[low]][self.docs[high]]


def _slot_links(
    articles: Sequence[Article],
    profiles: Sequence[SentenceProfile],
    scorer: Scorer,
    found: Sequence[tuple[int, int, float]],
) -> list[tuple[int, int, float]]:
    """Pairs of sentences that give one named holder's figure differently, however few
    words they share (``slot_links``), with their own score."""
    position = {(p.doc, p.sentence): i for i, p in enumerate(profiles)}
    have = {(low, high) for low, high, _ in found}
    out: list[tuple[int, int, float]] = []
    for a, b in slot_pairs(articles):
        low, high = sorted((position[a], position[b]))
        if (low, high) not in have:
            out.append((low, high, same_fact_of(scorer, profiles[low], profiles[high])))
    return out


def _figure_links(
    articles: Sequence[Article],
    search: PairSearch,
    threshold: float,
    already: set[tuple[int, int]],
) -> list[tuple[int, int, float]]:
    """Pairs below ``threshold`` (down to ``NUMBER_LINK_MARGIN`` under it) that give one
    figure or one list of names differently: the ones a fact-checker most needs side by
    side. The margin is on the lexical score; a pair in ``already`` is left out, and a pair
    found keeps its same-fact score.

    "The death toll had risen to 14" and "seven people were killed" share few words, so
    their score is low; a number conflict or refinement between them is the evidence.
    Likewise "guarantees by the U.S., Britain, France, Canada, Turkey" and "Guarantor
    states (USA, UK, Turkey, France, Germany etc.)": a list conflict.
    """
    floor = max(threshold - NUMBER_LINK_MARGIN, 1.0)
    if floor >= threshold:
        return []
    profiles = search.profiles
    sentence_of = [articles[p.doc].sentences[p.sentence] for p in profiles]
    # Counts can only be compared through the same unit or event ("people", "killed"):
    # an index of those keys gives the candidate pairs.
    holders: dict[tuple[str, ...] | tuple[str, str | None], list[int]] = {}
    keys_of: dict[str, set[tuple[str, ...] | tuple[str, str | None]]] = {}  # read once
    for position, sentence in enumerate(sentence_of):
        keys = keys_of.get(sentence.text)
        if keys is None:
            keys = keys_of[sentence.text] = _number_keys(sentence.text) | _list_keys(sentence.text)
        for key in keys:
            holders.setdefault(key, []).append(position)
    count = len(profiles)
    doc = np.fromiter((p.doc for p in profiles), dtype=np.int64, count=count)
    keyed: list[npt.NDArray[np.int64]] = []
    for members in holders.values():
        if len(members) > 1:
            at = np.asarray(members, dtype=np.int64)
            first, second = np.triu_indices(len(at), k=1)
            lows, highs = at[first], at[second]
            cross = doc[lows] != doc[highs]
            keyed.append(lows[cross] * count + highs[cross])
    candidates = np.unique(np.concatenate(keyed)) if keyed else np.zeros(0, dtype=np.int64)
    if not len(candidates):
        return []
    out: list[tuple[int, int, float]] = []
    scored = search.score(candidates, floor)
    for low, high, _ in scored:
        if (low, high) in already:
            continue
        a, b = profiles[low], profiles[high]
        if linking_differences(
            sentence_of[low].text,
            context_of(articles[a.doc], a.sentence),
            sentence_of[high].text,
            context_of(articles[b.doc], b.sentence),
        ):
            out.append((low, high, same_fact_of(search.scorer, a, b)))
    reached = {low * count + high for low, high, _ in scored}
    for key in candidates.tolist():
        if key in reached or divmod(key, count) in already:
            continue
        low, high = divmod(key, count)
        shared = keys_of[sentence_of[low].text] & keys_of[sentence_of[high].text]
        if any(k[0] == "event" for k in shared):
            linked = _link_in_context(articles, search.scorer, sentence_of, low, high, floor)
            if linked is not None:
                out.append(linked)
    return out


def _link_in_context(
    articles: Sequence[Article],
    scorer: Scorer,
    sentence_of: Sequence[Sentence],
    low: int,
    high: int,
    floor: float,
) -> tuple[int, int, float] | None:
    """A pair that shares no word, linked through the sentence before one side: when that
    sentence reports the other side's event (it scores ``floor`` or more with it) and the
    two give the figure of one event (deaths, injuries) differently. Its score is that of
    the side read with its context. None otherwise.

    News states a toll in a sentence of its own that leans on the one before: "Russian
    forces blasted a hole in a government building in a strike on Mykolaiv." then "the death
    toll from the attack had risen to 14", against "seven people were killed ... in a missile
    strike on the regional government headquarters in ... Mykolaiv". The toll sentence alone
    shares no word with the third.
    """
    profiles = scorer.profiles
    best = 0.0
    for side, other in ((low, high), (high, low)):
        before = side - 1
        if before < 0 or profiles[before].doc != profiles[side].doc:
            continue
        if scorer.score(profiles[before], profiles[other]) < floor:
            continue
        merged = _merged_profile(scorer, profiles[before], profiles[side])
        best = max(best, scorer.score(merged, profiles[other]))
    if best < floor:
        return None
    a, b = profiles[low], profiles[high]
    found = linking_differences(
        sentence_of[low].text,
        context_of(articles[a.doc], a.sentence),
        sentence_of[high].text,
        context_of(articles[b.doc], b.sentence),
    )
    if any(kind == "number" for kind, _ in found):
        return low, high, same_fact_of(scorer, a, b)
    return None


def _merged_profile(
    scorer: Scorer, before: SentenceProfile, sentence: SentenceProfile
) -> SentenceProfile:
    """``sentence`` read together with the sentence ``before`` it (one profile)."""
    terms = before.terms | sentence.terms
    return SentenceProfile(
        doc=sentence.doc,
        sentence=sentence.sentence,
        terms=terms,
        mass=sum(scorer.idf[t] for t in terms),
        clauses=before.clauses + sentence.clauses,
        normalized=f"{before.normalized} {sentence.normalized}",
        speaker=before.speaker | sentence.speaker,
        content=before.content | sentence.content,
        content_mass=sum(scorer.idf[t] for t in before.content | sentence.content),
        words=before.words + sentence.words,
    )


def _list_keys(text: str) -> set[tuple[str, ...] | tuple[str, str | None]]:
    """Keys through which the lists of names of ``text`` compare: each two of a list's
    names (lists are compared when they share two), and each name of a two-name list
    (two such lists are compared on one shared name)."""
    keys: set[tuple[str, ...] | tuple[str, str | None]] = set()
    if not _MAY_HOLD_LIST.search(text):
        return keys
    for found in name_lists(text):
        names = sorted(set(found.canonical))
        keys.update(("names", x, y) for i, x in enumerate(names) for y in names[i + 1 :])
        if len(found.items) == 2:
            keys.update(("pair-list", name) for name in names)
    return keys


def _number_keys(text: str) -> set[tuple[str, ...] | tuple[str, str | None]]:
    """The units and events through which the figures of ``text`` compare."""
    keys: set[tuple[str, ...] | tuple[str, str | None]] = set()
    if not _may_hold_number(text):
        return keys
    for mention in find_numbers(text):
        if mention.modifier:
            keys.add(("modified", mention.unit))
        else:
            keys.add(("unit", mention.unit))
            if mention.event is not None:
                keys.add(("event", mention.event))
    keys.discard(("unit", None))
    return keys


def build_groups(
    pairs: Sequence[Pair],
    articles: Sequence[Article] = (),
    fixed: Sequence[Collection[SentenceRef]] = (),
    apart: Collection[tuple[SentenceRef, SentenceRef]] = (),
) -> tuple[Group, ...]:
    """The groups of one fact that ``pairs`` support (``grouping.group_places``).

    Headings are read from ``articles`` (none without them); ``fixed`` are sets of
    sentences the reader linked as one fact, ``apart`` pairs the reader unlinked.
    """
    headings = {
        (doc, s.index)
        for doc, article in enumerate(articles)
        for s in article.sentences
        if s.heading
    }
    found = group_places(
        (((p.a.doc, p.a.sentence), (p.b.doc, p.b.sentence), p.score) for p in pairs),
        headings,
        [[(r.doc, r.sentence) for r in refs] for refs in fixed],
        [((a.doc, a.sentence), (b.doc, b.sentence)) for a, b in apart],
    )
    return tuple(
        Group(i, tuple(SentenceRef(*place) for place in members), len({d for d, _ in members}))
        for i, members in enumerate(found)
    )
