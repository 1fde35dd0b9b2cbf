"""Groups of sentences that report one fact, built from the aligner's sentence pairs.

A group is what the table shows as one row and what one agreement or contradiction note
speaks for, so it must hold one fact. Single-link clustering chains: "had a security detail
because he is Majority Whip" links to "they arrived at 7:12 a.m. to shots fired", which
links to "six people were hospitalized", and the three become one "fact". Here a group
grows best pair first, and a merge is taken only when the merged group stays tight:

- every member is linked to more than half of the group's members from other articles
  (``MIN_LINKED_SHARE``): a chain through one shared member is never enough;
- two or three sentences of one article are in one group only when they follow one another
  (``MAX_SPLIT_GAP``) and one member of another article is linked to each of them: one
  outlet's sentence split in two, not two facts a long sentence elsewhere sums up;
- headings group only with headings: a headline is linked to the body sentence it sums up,
  but it is not that sentence's fact.

A link is any pair the aligner keeps: at the threshold, or below it when the two give one
figure or list differently (the same fact told with other numbers). A paired sentence that
fits no group stays out of every group; its pairs still stand (``Alignment.partners``).
Sentences the reader linked as one fact (``fixed``) are one group from the start, and two
sentences the reader unlinked (``apart``) are never in one group.

Pure functions on ``(doc, sentence)`` places, shared by ``align`` and ``corrections``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from itertools import pairwise

Place = tuple[int, int]
"""(article position, sentence index)."""
Link = tuple[Place, Place, float]
"""Two places of different articles and the pair's score."""

MIN_LINKED_SHARE = 0.5
"""A member is linked to more than this share of its group's members from other articles."""
MAX_MEMBERS_PER_DOC = 3
"""A split sentence is two or three pieces; more is a chain through one article."""
MAX_SPLIT_GAP = 0
"""Sentences between two pieces of a split: none, the pieces follow one another. On the seed
gold, pairs implied by groups P 0.910 R 0.326 with 0, 0.912/0.332 with 1, 0.867/0.348 with no
limit (then the same fact told twice in one article joins, and with it three facts a long
sentence elsewhere sums up). On the seven stories, allowing one sentence between added 7
members, 5 of them another fact ("our first thoughts are with the victims" beside the
"very sad day" quote), so the pieces must be adjacent."""


class _Clusters:
    """Union-find over integer ids with each cluster's members and kind."""

    def __init__(
        self,
        places: Sequence[Place],
        headings: Collection[Place],
        apart: Collection[tuple[int, int]] = frozenset(),
    ) -> None:
        self.apart = apart
        """Pairs of ids that may not share a cluster (the reader unlinked them)."""
        self.doc = [doc for doc, _ in places]
        self.sentence = [sentence for _, sentence in places]
        self.parent = list(range(len(places)))
        self.members: list[list[int]] = [[i] for i in range(len(places))]
        self.heading = [place in headings for place in places]
        self.mixed = [False] * len(places)
        """Headings and body sentences the reader linked: the aligner adds nothing to it."""

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, ra: int, rb: int) -> None:
        keep, drop = (ra, rb) if ra < rb else (rb, ra)
        self.parent[drop] = keep
        self.members[keep].extend(self.members[drop])
        self.members[drop] = []
        self.mixed[keep] = (
            self.mixed[keep] or self.mixed[drop] or self.heading[keep] != self.heading[drop]
        )

    def may_merge(self, ra: int, rb: int, linked: Sequence[set[int]]) -> bool:
        """Whether clusters ``ra`` and ``rb`` may become one group (see the module doc)."""
        if self.mixed[ra] or self.mixed[rb] or self.heading[ra] != self.heading[rb]:
            return False
        members = self.members[ra] + self.members[rb]
        by_doc: dict[int, list[int]] = {}
        for x in members:
            by_doc.setdefault(self.doc[x], []).append(x)
        inside = set(members)
        if self.apart and any(
            (x, y) in self.apart for x in self.members[ra] for y in self.members[rb]
        ):
            return False
        for x in members:
            others = len(members) - len(by_doc[self.doc[x]])
            if len(linked[x] & inside) <= MIN_LINKED_SHARE * others:
                return False
        for pieces in by_doc.values():
            if len(pieces) < 2:
                continue
            if len(pieces) > MAX_MEMBERS_PER_DOC:
                return False
            at = sorted(self.sentence[x] for x in pieces)
            if any(b - a > MAX_SPLIT_GAP + 1 for a, b in pairwise(at)):
                return False
            if not set.intersection(*(linked[x] for x in pieces)) & inside:
                return False
        return True


def group_places(
    links: Iterable[Link],
    headings: Collection[Place] = frozenset(),
    fixed: Iterable[Collection[Place]] = (),
    apart: Iterable[tuple[Place, Place]] = (),
) -> list[list[Place]]:
    """The groups of two members or more, each in place order, in order.

    Args:
        links: the pairs, ``(a, b, score)``.
        headings: places of headline and cross-head sentences.
        fixed: sets of places the reader linked as one fact; each is (part of) one group,
            whatever the rules say.
        apart: pairs of places the reader unlinked: never in one group.
    """
    links = list(links)
    fixed_lists = [list(found) for found in fixed]
    places = sorted({p for a, b, _ in links for p in (a, b)} | {p for f in fixed_lists for p in f})
    id_of = {place: i for i, place in enumerate(places)}
    separate = {
        key
        for a, b in apart
        if a in id_of and b in id_of
        for key in ((id_of[a], id_of[b]), (id_of[b], id_of[a]))
    }
    clusters = _Clusters(places, headings, separate)
    linked: list[set[int]] = [set() for _ in places]
    ranked: list[tuple[float, int, int]] = []
    for a, b, score in links:
        x, y = sorted((id_of[a], id_of[b]))
        linked[x].add(y)
        linked[y].add(x)
        ranked.append((-score, x, y))
    ranked.sort()
    for found in fixed_lists:
        ids = [id_of[place] for place in found]
        for x in ids:  # the reader linked each to each
            linked[x].update(y for y in ids if clusters.doc[y] != clusters.doc[x])
        for place in found[1:]:
            ra, rb = clusters.find(id_of[found[0]]), clusters.find(id_of[place])
            if ra != rb:
                clusters.union(ra, rb)
    # Best pair first. A refused merge is tried again only when one of the two clusters has
    # grown since (many pairs join the same two clusters).
    refused: dict[tuple[int, int], tuple[int, int]] = {}
    for _, x, y in ranked:
        ra, rb = sorted((clusters.find(x), clusters.find(y)))
        if ra == rb:
            continue
        sizes = (len(clusters.members[ra]), len(clusters.members[rb]))
        if refused.get((ra, rb)) == sizes:
            continue
        if clusters.may_merge(ra, rb, linked):
            clusters.union(ra, rb)
        else:
            refused[ra, rb] = sizes
    return sorted(
        sorted(places[i] for i in members) for members in clusters.members if len(members) > 1
    )
