"""How many sources report a sentence: its group plus its direct partners (pairs may link two
groups), so the status line, the table and the panes name the same sources."""

from __future__ import annotations

from pathlib import Path

from tui.core.align import Alignment, Group, Pair, SentenceRef, align_corpus
from tui.core.corpus import load_paths, make_article

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _three_groups_one_cross_pair() -> Alignment:
    """CBC #8 of the seeds in small: A0 and C0 form group 0, B0 and D0 group 1, and the
    pair A0-B0 links the two groups (a merge too few pairs supported)."""
    articles = tuple(
        make_article(f"d{i}", f"d{i}.txt", "One fact here.\nAnother fact there.\n")
        for i in range(4)
    )
    a0, b0, c0, d0 = (SentenceRef(doc, 0) for doc in range(4))
    pairs = (Pair(a0, b0, 52.5), Pair(a0, c0, 70.0), Pair(b0, d0, 80.0))
    groups = (Group(0, (a0, c0), 2), Group(1, (b0, d0), 2))
    return Alignment(articles, pairs, groups, ())


def test_a_pair_across_groups_counts_on_both_sides() -> None:
    alignment = _three_groups_one_cross_pair()
    a0, b0, c0, _ = (SentenceRef(doc, 0) for doc in range(4))
    group = alignment.group_of(a0)
    assert group is not None and group.sources == 2
    assert alignment.sources_of(a0) == (0, 1, 2)  # its group (0, 2) and its partner in 1
    assert alignment.counterparts(a0) == {2: c0, 1: b0}
    assert alignment.sources_of(c0) == (0, 2)
    assert alignment.sources_of(b0) == (0, 1, 3)
    assert alignment.sources_of(SentenceRef(0, 1)) == (0,)  # unique: its own article only
    assert alignment.sources_of_members(group.members) == (0, 1, 2)
    assert alignment.linked_outside(group.members, 1) == b0
    assert alignment.linked_outside(group.members, 2) is None  # a member is there
    assert alignment.linked_outside(group.members, 3) is None  # nothing links there


def test_on_the_seeds_the_count_names_every_counterpart() -> None:
    """Every paired seed sentence: the sources counted are exactly its article plus those
    where a counterpart is shown, and a sentence whose partner sits in another group counts
    that partner's source beyond its group's."""
    alignment = align_corpus(load_paths([SEEDS]).articles)
    cross = 0
    wider = []
    for pair in alignment.pairs:
        for ref, other in ((pair.a, pair.b), (pair.b, pair.a)):
            sources = alignment.sources_of(ref)
            assert other.doc in sources and ref.doc in sources
            assert set(sources) == {ref.doc, *alignment.counterparts(ref)}
            group = alignment.group_of(ref)
            assert group is None or len(sources) >= group.sources
            if group is not None and len(sources) > group.sources:
                wider.append(ref)
        if alignment.group_of(pair.a) != alignment.group_of(pair.b):
            cross += 1
    assert cross > 0, "the seeds have pairs across groups; this test would prove nothing"
    assert wider, "no sentence counts a partner outside its group; this test proves nothing"
