"""How many sources report a sentence: its group plus its direct partners (pairs may link two
groups), so the status line, the table and the panes name the same sources; a link below the
threshold (a figure link) is shown, but not counted as a source reporting it."""

from __future__ import annotations

from pathlib import Path

from tui.core.align import USER, Alignment, Group, Pair, SentenceRef, align_corpus
from tui.core.corpus import load_paths, make_article
from tui.core.model import Article

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


def test_on_the_seeds_the_count_names_every_counterpart_matched() -> None:
    """Every paired seed sentence: the sources counted are its article and some of those where
    a counterpart is shown, every partner matched at the threshold or above among them; and a
    sentence whose partner sits in another group counts that partner's source beyond its
    group's."""
    alignment = align_corpus(load_paths([SEEDS]).articles)
    cross = below = 0
    wider = []
    for pair in alignment.pairs:
        for ref, other in ((pair.a, pair.b), (pair.b, pair.a)):
            sources = alignment.sources_of(ref)
            assert ref.doc in sources
            assert set(sources) <= {ref.doc, *alignment.counterparts(ref)}
            assert (other.doc in sources) or not alignment.counts_as_match(pair)
            group = alignment.group_of(ref)
            if group is not None and len(sources) > group.sources:
                wider.append(ref)
        if alignment.group_of(pair.a) != alignment.group_of(pair.b):
            cross += 1
        below += not alignment.counts_as_match(pair)
    assert below > 0, "the seeds have figure links below the threshold"
    assert cross > 0, "the seeds have pairs across groups; this test would prove nothing"
    assert wider, "no sentence counts a partner outside its group; this test proves nothing"


def _articles(count: int) -> tuple[Article, ...]:
    return tuple(
        make_article(f"d{i}", f"d{i}.txt", "One fact here.\nAnother fact there.\n")
        for i in range(count)
    )


def test_a_link_below_the_threshold_is_shown_not_counted() -> None:
    """A figure link (below the threshold) puts two sentences side by side to compare their
    figures; it is no match: "in N of M sources" leaves it out, unless the reader made it."""
    a0, b0, c0 = (SentenceRef(doc, 0) for doc in range(3))
    figure_link = Alignment(_articles(2), (Pair(a0, b0, 43.0),), (Group(0, (a0, b0), 2),), ())
    assert figure_link.counterparts(a0) == {1: b0}  # shown beside it
    assert figure_link.sources_of(a0) == (0,) and figure_link.sources_of(b0) == (1,)
    assert figure_link.sources_of_members((a0, b0)) == (0, 1)  # a table row shows both
    readers = Alignment(_articles(2), (Pair(a0, b0, 43.0, USER),), (Group(0, (a0, b0), 2),), ())
    assert readers.sources_of(a0) == (0, 1)
    # one group: a match A-B at 90, a figure link B-C at 40: C is not counted from A or B
    pairs = (Pair(a0, b0, 90.0), Pair(b0, c0, 40.0))
    chain = Alignment(_articles(3), pairs, (Group(0, (a0, b0, c0), 3),), ())
    assert chain.sources_of(a0) == (0, 1) and chain.sources_of(b0) == (0, 1)
    assert chain.sources_of(c0) == (2,)


def test_a_figure_link_of_the_seeds_is_not_a_source() -> None:
    """CBC #61 (the toll "had risen to" ...) and RFE/RL repost #49 ("seven people were killed
    and 22 injured") give one strike's toll: linked below the threshold to compare the figures
    (the status line said "in 2 of 5 sources" for such a link)."""
    alignment = align_corpus(load_paths([SEEDS]).articles)
    labels = [article.label for article in alignment.articles]
    cbc, repost = labels.index("CBC News"), labels.index("RFE/RL repost")
    toll = SentenceRef(cbc, 60)
    assert "death toll" in alignment.articles[cbc].sentences[60].text
    partners = alignment.partners(toll)
    assert [ref.doc for ref, _ in partners] == [repost]
    assert all(score < alignment.threshold for _, score in partners)
    assert alignment.counterparts(toll) == {repost: partners[0][0]}
    assert alignment.sources_of(toll) == (cbc,)
    # every sentence whose links all fall below the threshold counts its own article only
    for doc, article in enumerate(alignment.articles):
        for sentence in article.sentences:
            ref = SentenceRef(doc, sentence.index)
            links = [alignment.pair_between(ref, other) for other, _ in alignment.partners(ref)]
            if links and not any(p is not None and alignment.counts_as_match(p) for p in links):
                assert alignment.sources_of(ref) == (doc,), ref
