"""How sure the engine is that two sentences report one fact, scored 0-100, in two steps.

**Wording** (``PairEvidence``, the lexical score). Between outlets most true links are
partial (one sentence restates a clause of the other), so the main evidence is asymmetric:
the IDF-weighted share of the shorter sentence's informative stems that the other carries,
or the same share for one clause. It is combined with rapidfuzz's token-set ratio of the
normalised texts, the number of shared stems and the number of shared *rare* stems (names,
places, figures) in a logistic model::

    z = 4.943·cont + 6.697·tsr + 0.362·log1p(shared) + 2.227·log1p(rare) − 7.3

fitted on the hand-labelled seed pairs and chosen under leave-one-gold-file-out
cross-validation (bench/README.md, "Alignment"); ``score_of`` maps it to 0-100 (50 at
``Z_CUT``). The bulk search (``pair_search``) finds candidates with it.

**What happened** (``ContentEvidence``, ``same_fact_score``). Wording alone cannot tell one
fact from two facts about the same people: on the real stories a fifth of the pairs it kept
shared names and a speaker and reported different things. The same-fact model weighs the
lexical ``z`` with what the two share once names and the speaker's attribution are set
aside; its score is the one a pair shows and the threshold applies to (bench/README.md,
"Same-fact model"). A pair's score depends only on its two sentences and the corpus.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from rapidfuzz import fuzz

from tui.core.normalize import (
    attribution_clauses,
    build_variant_map,
    clause_words,
    informative,
    name_terms,
)

WEIGHT_CONTAINMENT = 4.943
WEIGHT_TOKEN_SET = 6.697
WEIGHT_SHARED = 0.362
WEIGHT_RARE = 2.227
BIAS = -7.3
"""Logistic weights on the raw features (see the module docstring)."""
Z_CUT = 2.51
"""``z`` where the pooled gold links reach precision 0.9 (in-sample 2.509; cross-validated
per-fold cut-offs give P 0.902 R 0.411)."""
SCORE_SPREAD = 2.0
"""``z`` units per logistic unit of the 0-100 score: spreads the useful range
(``z`` 0 to 9) over scores 22 to 97 instead of crowding it above 90."""
SENTENCE_MIN_WEIGHT = 0.7
"""In whole-sentence containment: weight of the share of the shorter sentence (rest: longer)."""
CLAUSE_FACTOR = 0.9
"""A clause fully restated counts a little below a whole sentence fully restated."""
MIN_CLAUSE_TERMS = 3
"""Shorter clauses ("he said") are not evidence on their own."""
MIN_CLAUSE_SHARED = 2
"""A clause counts as restated only through two shared stems or more."""
MIN_MASS_IN_RARE_WORDS = 2.5
"""Containment is measured against at least this many of the rarest words' weight, so a
fragment ("Ukrainian capital.") is not "fully contained" in every sentence that repeats
its two common words."""
RARE_SHARE = 0.6
"""A stem is rare when its IDF exceeds this share of the corpus's highest IDF."""


def score_of(z: float) -> float:
    """The 0-100 score of a logistic value ``z`` (monotonic; 50 at ``Z_CUT``), to 0.1."""
    return round(100.0 / (1.0 + math.exp(-(z - Z_CUT) / SCORE_SPREAD)), 1)


def z_of(score: float) -> float:
    """The ``z`` of a 0-100 score (inverse of ``score_of`` before rounding)."""
    share = min(max(score, 1e-9), 100.0 - 1e-9) / 100.0
    return Z_CUT + SCORE_SPREAD * math.log(share / (1.0 - share))


@dataclass(frozen=True, slots=True)
class SentenceProfile:
    """What the scorer knows of one sentence: weighted stems, clauses, normalised text."""

    doc: int
    sentence: int
    terms: frozenset[str]
    mass: float
    """Sum of the IDF weights of ``terms``."""
    clauses: tuple[tuple[frozenset[str], float], ...]
    """Stem sets of the clauses worth matching alone, with their mass."""
    normalized: str
    speaker: frozenset[str] = frozenset()
    """Stems of the clauses that only say who spoke ("..., European Council President Donald
    Tusk said"; ``normalize.attribution_clauses``): not matched as a clause of their own, and
    a pair sharing nothing else is the same speaker, not the same fact (``speaker_only``)."""
    content: frozenset[str] = frozenset()
    """``terms`` less names and the speaker's words: what the sentence says happened."""
    content_mass: float = 0.0
    """Sum of the IDF weights of ``content``."""
    words: int = 0
    """Words in the sentence as written."""
    phrases: frozenset[tuple[str, str]] = frozenset()
    """Consecutive pairs of its stems (stopwords skipped) with a ``content`` stem in them:
    "ordered 23", "23 british"; not "supreme court"."""


def speaker_only(first: SentenceProfile, second: SentenceProfile) -> bool:
    """Whether all the two sentences share is who spoke, in one of them an attribution clause:
    three different statements of Donald Tusk, or Don Aaron's "two other weapons" and "is a
    hero", are three facts."""
    shared = first.terms & second.terms
    return bool(shared) and (shared <= first.speaker or shared <= second.speaker)


def build_profiles(
    sentences: Sequence[tuple[int, int, str]],
) -> tuple[list[SentenceProfile], dict[str, float]]:
    """Profiles for ``(doc, sentence index, text)`` triples, and the IDF of every stem.

    IDF is computed over these sentences, so "Russia" weighs little in a corpus about
    Russia and a lot in one about a shooting in Tennessee.
    """
    variants = build_variant_map(text for _, _, text in sentences)
    memo: dict[str, str] = {}
    # Wire copy repeats sentences verbatim across outlets: each distinct text is split,
    # stemmed and weighed once.
    parsed: dict[str, tuple[str, list[frozenset[str]], frozenset[str]]] = {}
    speakers: dict[str, frozenset[str]] = {}
    for _, _, text in sentences:
        if text not in parsed:
            word_pieces = clause_words(text, variants, memo)
            pieces = [frozenset(informative(piece)) for piece in word_pieces]
            parsed[text] = (
                " ".join(w for piece in word_pieces for w in piece),
                pieces,
                frozenset().union(*pieces),
            )
            speakers[text] = frozenset(
                t
                for piece in attribution_clauses(text)
                for words in clause_words(piece, variants, memo)
                for t in informative(words)
            )
    df: Counter[str] = Counter()
    for _, _, text in sentences:
        df.update(parsed[text][2])
    total = len(sentences) + 1
    idf = {term: math.log(1.0 + total / count) for term, count in df.items()}
    weighed: dict[str, tuple[float, tuple[tuple[frozenset[str], float], ...]]] = {}
    for text, (_, pieces, terms) in parsed.items():
        clause_sets: list[tuple[frozenset[str], float]] = []
        if len(terms) > MIN_CLAUSE_TERMS and len(pieces) > 1:
            speaker = speakers[text]
            for piece_terms in pieces:
                # an attribution restated is the same speaker, not the same fact
                if MIN_CLAUSE_TERMS <= len(piece_terms) < len(terms) and not (
                    speaker and piece_terms <= speaker
                ):
                    clause_sets.append((piece_terms, sum(idf[t] for t in piece_terms)))
        weighed[text] = (sum(idf[t] for t in terms), tuple(clause_sets))
    names = name_terms(parsed, variants, memo)
    contents: dict[str, frozenset[str]] = {}
    phrases: dict[str, frozenset[tuple[str, str]]] = {}
    for text, (normalized, _, terms) in parsed.items():
        content = contents[text] = terms - names - speakers[text]
        stems = informative(normalized.split())
        # "supreme court" or "brett kavanaugh" is a name, not something that happened
        phrases[text] = frozenset(
            pair for pair in pairwise(stems) if pair[0] in content or pair[1] in content
        )
    profiles: list[SentenceProfile] = []
    for doc, index, text in sentences:
        normalized, _, terms = parsed[text]
        mass, clauses = weighed[text]
        content = contents[text]
        profiles.append(
            SentenceProfile(
                doc=doc,
                sentence=index,
                terms=terms,
                mass=mass,
                clauses=clauses,
                normalized=normalized,
                speaker=speakers[text],
                content=content,
                content_mass=sum(idf[t] for t in content),
                words=len(text.split()),
                phrases=phrases[text],
            )
        )
    return profiles, idf


@dataclass(frozen=True, slots=True)
class PairEvidence:
    """The features of one sentence pair that enter ``z``."""

    containment: float
    token_set: float
    """rapidfuzz token_set_ratio of the normalised texts, 0-1."""
    shared: int
    rare: int

    @property
    def z(self) -> float:
        """The logistic value of the evidence."""
        return (
            WEIGHT_CONTAINMENT * self.containment
            + WEIGHT_TOKEN_SET * self.token_set
            + WEIGHT_SHARED * math.log1p(self.shared)
            + WEIGHT_RARE * math.log1p(self.rare)
            + BIAS
        )


class Scorer:
    """The reference scorer of one pair; ``pair_search`` scores in bulk, to equal results."""

    def __init__(self, profiles: Sequence[SentenceProfile], idf: dict[str, float]) -> None:
        self.profiles = profiles
        self.idf = idf
        top = max(idf.values(), default=1.0)
        self.min_mass = MIN_MASS_IN_RARE_WORDS * top
        self.rare_idf = RARE_SHARE * top
        self.content_min_mass = CONTENT_MIN_MASS * top

    def evidence(self, first: SentenceProfile, second: SentenceProfile) -> PairEvidence | None:
        """The features of a pair; None when they share no stem at all."""
        shared = first.terms & second.terms
        if not shared:
            return None
        idf = self.idf
        overlap = sum(idf[t] for t in shared)
        small, large = sorted((max(first.mass, self.min_mass), max(second.mass, self.min_mass)))
        best = SENTENCE_MIN_WEIGHT * overlap / small + (1 - SENTENCE_MIN_WEIGHT) * overlap / large
        for own, other in ((first, second), (second, first)):
            for terms_of_clause, clause_mass in own.clauses:
                inside = terms_of_clause & other.terms
                if len(inside) >= MIN_CLAUSE_SHARED:
                    share = sum(idf[t] for t in inside) / max(clause_mass, self.min_mass)
                    best = max(best, CLAUSE_FACTOR * share)
        ratio = fuzz.token_set_ratio(first.normalized, second.normalized) / 100.0
        rare = sum(1 for t in shared if idf[t] > self.rare_idf)
        return PairEvidence(best, ratio, len(shared), rare)

    def score(self, first: SentenceProfile, second: SentenceProfile) -> float:
        """Similarity 0-100 of two sentences (``score_of`` their ``z``); 0 when unrelated."""
        found = self.evidence(first, second)
        return 0.0 if found is None else score_of(found.z)


CONTENT_MIN_MASS = 1.0
"""Content containment is measured against at least this many of the rarest word's weight,
so a sentence left with one or two content words is not "fully restated" by every sentence
that repeats them."""


@dataclass(frozen=True, slots=True)
class ContentEvidence:
    """What a pair shares besides names and speakers.

    Sentences that share only who is involved ("Theresa May", "the National Center for
    Missing & Exploited Children", "Raj Shah told reporters") score well lexically and
    report different facts; sentences that share what happened ("ordered 23 British
    diplomats to leave") report one, in however few words.
    """

    shared: int
    """Content stems (``SentenceProfile.content``) the two have in common."""
    containment: float
    """IDF-weighted share of the shorter content the other restates, 0-1."""
    length_ratio: float
    """Words of the shorter sentence over words of the longer, 0-1."""
    phrases: int
    """Consecutive stem pairs the two have in common (``SentenceProfile.phrases``)."""


def content_evidence(
    first: SentenceProfile, second: SentenceProfile, idf: dict[str, float], min_mass: float
) -> ContentEvidence:
    """The content evidence of a pair (``min_mass``: see ``CONTENT_MIN_MASS``)."""
    shared = first.content & second.content
    small = max(min(first.content_mass, second.content_mass), min_mass)
    short, long = sorted((max(first.words, 1), max(second.words, 1)))
    return ContentEvidence(
        shared=len(shared),
        containment=min(1.0, sum(idf[t] for t in shared) / small),
        length_ratio=short / long,
        phrases=len(first.phrases & second.phrases),
    )


SAME_FACT_LEXICAL = 0.2372
SAME_FACT_SHARED = 0.5892
SAME_FACT_CONTAINMENT = 2.3628
SAME_FACT_RATIO = 0.8384
SAME_FACT_PHRASES = 0.4514
SAME_FACT_BIAS = -2.5534
"""Logistic weights of the same-fact model, fitted by ``bench/fit_same_fact.py``."""
SAME_FACT_CUT = 0.6000
"""The model's logit where its links on the real stories reach precision 0.85 out of fold:
score 50, the default threshold."""


def same_fact_score(lexical_z: float, content: ContentEvidence) -> float:
    """How sure the engine is, 0-100, that two sentences report one fact: a logistic model
    over the lexical evidence (``PairEvidence.z``) and the content evidence, fitted on the
    blind link labels of the real stories and the seed gold pairs, and chosen under
    leave-one-story-out cross-validation (``bench/fit_same_fact.py``, bench/README.md).
    50 is ``SAME_FACT_CUT``. This is the score a link shows and the threshold applies to."""
    z = (
        SAME_FACT_LEXICAL * lexical_z
        + SAME_FACT_SHARED * math.log1p(content.shared)
        + SAME_FACT_CONTAINMENT * content.containment
        + SAME_FACT_RATIO * content.length_ratio
        + SAME_FACT_PHRASES * math.log1p(content.phrases)
        + SAME_FACT_BIAS
    )
    return round(100.0 / (1.0 + math.exp(-(z - SAME_FACT_CUT))), 1)


def same_fact_of(
    scorer: Scorer, first: SentenceProfile, second: SentenceProfile, lexical: float | None = None
) -> float:
    """``same_fact_score`` of a pair, from its lexical score when already known (0 when the
    two share no stem)."""
    if lexical is None:
        found = scorer.evidence(first, second)
        if found is None:
            return 0.0
        lexical_z = found.z
    elif lexical <= 0.0:
        return 0.0
    else:
        lexical_z = z_of(lexical)
    content = content_evidence(first, second, scorer.idf, scorer.content_min_mass)
    return same_fact_score(lexical_z, content)
