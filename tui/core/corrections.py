"""The reader's corrections applied to an alignment: links added, links removed.

No aligner finds every paraphrase, and some links it finds are wrong, so the reader
corrects it: a *link* says that two or more sentences of different articles report one
fact, an *unlink* that two sentences do not. ``apply_corrections`` turns the engine's
alignment and the reader's corrections into the alignment everything else shows: pairs
(the reader's marked ``origin="user"``), groups, possible matches and contradiction
candidates. It reuses the engine's scores and never scores again, so it is cheap enough
to run after every change (about a millisecond on the five seeds; bench/README.md).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import replace
from itertools import combinations

from tui.core.align import USER, Alignment, Pair, SentenceRef, build_groups
from tui.core.candidates import Discrepancy, discrepancies_between

USER_SCORE = 100.0
"""The score of a pair the reader linked: their word is certain, so it ranks first among a
sentence's partners (``Alignment.partners``) and counts as a link for grouping."""

Link = Collection[SentenceRef]
"""Sentences the reader linked as one fact: two or more, in two articles or more."""
Unlink = tuple[SentenceRef, SentenceRef]
"""Two sentences the reader says are not a pair (either order)."""


def _key(first: SentenceRef, second: SentenceRef) -> tuple[SentenceRef, SentenceRef]:
    return (first, second) if first < second else (second, first)


def _check(alignment: Alignment, ref: SentenceRef) -> None:
    if not 0 <= ref.doc < len(alignment.articles) or not 0 <= ref.sentence < len(
        alignment.articles[ref.doc].sentences
    ):
        raise ValueError(f"no sentence {ref.sentence} in article {ref.doc}")


def apply_corrections(
    alignment: Alignment, links: Iterable[Link] = (), unlinks: Iterable[Unlink] = ()
) -> Alignment:
    """``alignment`` with the reader's links added and unlinks removed.

    Each two sentences of different articles in a link become a pair with ``origin``
    ``"user"`` and score ``USER_SCORE`` (an engine pair between them is replaced); the
    sentences of a link are one group. An unlink removes the pair between its two
    sentences, whoever made it, and the possible pair too; it wins over a link naming the
    same two sentences (that link still links its other pairs, but is no longer a group
    by itself), and the two are never in one group. Groups are built again
    (``align.build_groups``: the engine's rules, the links as groups from the start,
    the unlinked pairs apart); contradiction candidates of removed pairs go, and those of the
    pairs the engine had not made are found (``candidates.discrepancies_between``, as the aligner
    calls it).

    Args:
        alignment: the engine's alignment (``align_corpus``); corrections are not stacked.
        links: sets of sentences linked as one fact.
        unlinks: pairs of sentences that are not one fact.

    Raises:
        ValueError: a sentence that is not in the corpus, or a link with sentences of one
            article only.
    """
    removed: set[tuple[SentenceRef, SentenceRef]] = set()
    for first, second in unlinks:
        _check(alignment, first)
        _check(alignment, second)
        removed.add(_key(first, second))
    added: dict[tuple[SentenceRef, SentenceRef], Pair] = {}
    groups: list[list[SentenceRef]] = []
    for link in links:
        refs = sorted(set(link))
        for ref in refs:
            _check(alignment, ref)
        if len({ref.doc for ref in refs}) < 2:
            raise ValueError("a link needs sentences of two articles or more")
        keys = [_key(x, y) for x, y in combinations(refs, 2) if x.doc != y.doc]
        added.update((key, Pair(*key, USER_SCORE, USER)) for key in keys if key not in removed)
        if not any(key in removed for key in keys):
            groups.append(refs)
    if not added and not removed:
        return alignment
    engine = {(p.a, p.b): p for p in alignment.pairs}
    pairs = tuple(
        sorted(
            [p for key, p in engine.items() if key not in removed and key not in added]
            + list(added.values()),
            key=lambda p: (p.a, p.b),
        )
    )
    gone = removed | {key for key in added if key not in engine}
    possible = tuple(p for p in alignment.possible_pairs if (p.a, p.b) not in gone)
    discrepancies = [
        d for d in alignment.discrepancies if _key(*_sides(d)) not in removed
    ] + _found(alignment, [p for key, p in added.items() if key not in engine])
    return replace(
        alignment,
        pairs=pairs,
        groups=build_groups(pairs, alignment.articles, groups, removed),
        discrepancies=tuple(discrepancies),
        possible_pairs=possible,
    )


def _sides(disc: Discrepancy) -> tuple[SentenceRef, SentenceRef]:
    return SentenceRef(disc.a.doc, disc.a.sentence), SentenceRef(disc.b.doc, disc.b.sentence)


def _found(alignment: Alignment, pairs: Iterable[Pair]) -> list[Discrepancy]:
    """Contradiction candidates of new pairs, found as ``align_corpus`` finds them."""
    articles = alignment.articles
    out: list[Discrepancy] = []
    for pair in pairs:
        out.extend(
            discrepancies_between(
                articles, pair.a.doc, pair.a.sentence, pair.b.doc, pair.b.sentence
            )
        )
    return out
