"""Groups hold one fact: no chains through one shared member, no headings with body text,
two sentences of one article only as the pieces of a split."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest

from tui.core.align import Alignment, Pair, SentenceRef, align_corpus, build_groups
from tui.core.corpus import load_paths, make_article
from tui.core.grouping import MAX_SPLIT_GAP, MIN_LINKED_SHARE, group_places
from tui.core.model import Article

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
r = SentenceRef


def _articles(*texts: list[str]) -> list[Article]:
    """One article per list of lines (a line without final punctuation is a heading)."""
    return [
        make_article(f"d{doc}", f"d{doc}.txt", "\n".join(lines) + "\n")
        for doc, lines in enumerate(texts)
    ]


def _members(groups: tuple[object, ...]) -> list[tuple[SentenceRef, ...]]:
    return sorted(g.members for g in groups)  # type: ignore[attr-defined]


def test_a_chain_of_single_links_is_no_group() -> None:
    """A links B, B links C, C links D: each shares a member with the next, no fact with the
    one after it."""
    pairs = [Pair(r(0, 0), r(1, 0), 90.0), Pair(r(1, 0), r(2, 0), 80.0)]
    pairs.append(Pair(r(2, 0), r(3, 0), 70.0))
    assert _members(build_groups(pairs)) == [(r(0, 0), r(1, 0)), (r(2, 0), r(3, 0))]


def test_a_clique_is_one_group_and_a_member_needs_most_of_it() -> None:
    """Four articles all linked: one group. A fifth sentence linked to two of the four
    (not more than half) stays out; linked to three, it joins."""
    clique = [Pair(r(a, 0), r(b, 0), 90.0) for a, b in combinations(range(4), 2)]
    two = [Pair(r(0, 0), r(4, 0), 85.0), Pair(r(1, 0), r(4, 0), 85.0)]
    assert _members(build_groups(clique + two)) == [tuple(r(d, 0) for d in range(4))]
    three = [*two, Pair(r(2, 0), r(4, 0), 85.0)]
    assert _members(build_groups(clique + three)) == [tuple(r(d, 0) for d in range(5))]
    assert MIN_LINKED_SHARE == 0.5


def test_a_star_around_one_long_sentence_is_no_group() -> None:
    """One long sentence restating three facts links to each of three sentences that share
    nothing with one another: the first pair is a group, the rest stay out."""
    pairs = [Pair(r(0, 0), r(d, 0), 80.0 - d) for d in (1, 2, 3)]
    assert _members(build_groups(pairs)) == [(r(0, 0), r(1, 0))]


def test_two_sentences_of_one_article_only_as_a_split() -> None:
    """B0 and B1 (one sentence of A split in two) are both linked to A0: one group. B0 and
    B5 (the same fact told twice, or two facts A0 sums up) are not."""
    split = [Pair(r(0, 0), r(1, 0), 80.0), Pair(r(0, 0), r(1, 1), 75.0)]
    assert _members(build_groups(split)) == [(r(0, 0), r(1, 0), r(1, 1))]
    apart = [Pair(r(0, 0), r(1, 0), 80.0), Pair(r(0, 0), r(1, 2 + MAX_SPLIT_GAP), 75.0)]
    assert _members(build_groups(apart)) == [(r(0, 0), r(1, 0))]
    # pieces next to each other but with no counterpart linked to both: two facts
    separate = [Pair(r(0, 0), r(1, 0), 80.0), Pair(r(0, 1), r(1, 1), 75.0)]
    separate.append(Pair(r(0, 0), r(1, 1), 60.0))
    groups = _members(build_groups(separate))
    assert (r(0, 0), r(0, 1), r(1, 0), r(1, 1)) not in groups


def test_headings_group_only_with_headings() -> None:
    articles = _articles(
        ["Storm floods the harbour", "The storm flooded the harbour of Valparaiso on Monday."],
        ["Harbour flooded by storm", "A storm flooded Valparaiso's harbour on Monday."],
    )
    assert articles[0].sentences[0].heading and not articles[0].sentences[1].heading
    pairs = [
        Pair(r(0, 0), r(1, 0), 70.0),  # headline with headline
        Pair(r(0, 1), r(1, 1), 90.0),  # body with body
        Pair(r(0, 0), r(1, 1), 60.0),  # headline with body: a pair, never a group
    ]
    assert _members(build_groups(pairs, articles)) == [(r(0, 0), r(1, 0)), (r(0, 1), r(1, 1))]
    assert _members(build_groups(pairs[2:], articles)) == []


def test_the_readers_links_are_one_group_whatever_the_rules_say() -> None:
    assert group_places([], fixed=[[(0, 3), (1, 7), (2, 1)]]) == [[(0, 3), (1, 7), (2, 1)]]
    # others join the reader's group by the usual rule: linked to most of it
    fixed = [{r(0, 0), r(2, 5)}]
    one = [Pair(r(0, 0), r(1, 0), 90.0)]
    assert _members(build_groups(one, (), fixed)) == [(r(0, 0), r(2, 5))]
    both = [*one, Pair(r(1, 0), r(2, 5), 60.0)]
    assert _members(build_groups(both, (), fixed)) == [(r(0, 0), r(1, 0), r(2, 5))]


# The examples, with the pairs and scores the aligner gives on the whole story (the
# scores come from the story's IDF, so a small corpus could not reproduce the pairs).


def test_scalise_security_detail_time_and_toll_are_separate() -> None:
    """Scalise story: the security detail, the police arriving at 7:12 and six people in
    hospital were one group through Vox's lede and CBN's lede."""
    articles = _articles(
        [
            "Rep. Steve Scalise, R-La., remains in critical condition at MedStar Washington "
            "Hospital Center after being shot around 7:15 a.m. Wednesday morning when a "
            "gunman fired dozens of shots at Republican members of Congress who were "
            "gathered to practice baseball before tomorrow's congressional baseball game.",
            "He underwent emergency surgery but his condition will require additional opperations.",
            "Several other people were also wounded, including several police officers.",
            "Scalise had a security detail with him because he serves as the current U.S. "
            "House of Representatives Majority Whip, one of the most powerful positions in "
            "Congress.",
        ],
        [
            "One of the top Republicans in Congress, House Majority Whip Steve Scalise "
            "(R-LA), was shot and wounded after a gunman opened fire during a congressional "
            "baseball practice Wednesday morning in Northern Virginia.",
            "Scalise was hit in the hip and underwent surgery; he is currently in critical "
            "condition at MedStar Washington Hospital Center.",
            "Four others, including a congressional staffer, a lobbyist, and two members of "
            "the Capitol Police, were also hit in the attack.",
            "They arrived at 7:12 a.m. to shots fired in the vicinity of Eugene Simpson "
            "Stadium Park, where members of a congressional baseball team were practicing.",
        ],
        [
            "At least six people including Scalise, the third ranking member of House "
            "Republican leadership as the majority whip, were hospitalized."
        ],
    )
    pairs = [
        Pair(r(0, 0), r(1, 0), 72.0),
        Pair(r(0, 0), r(1, 3), 60.7),
        Pair(r(0, 3), r(1, 0), 60.0),
        Pair(r(1, 0), r(2, 0), 55.4),
    ]
    detail, arrival, toll = r(0, 3), r(1, 3), r(2, 0)
    for group in build_groups(pairs, articles):
        assert len({detail, arrival, toll} & set(group.members)) <= 1, group
        assert len(group.members) == 2


def test_different_quotes_of_one_spokesman_are_not_one_group() -> None:
    """Waffle House: Don Aaron's "two other weapons", "call the police" (twice) and "is a
    hero" were one group; only the two "call the police" quotes are one fact."""
    articles = _articles(
        [
            '"There is a chance that Reinking at this moment is at large with two other '
            'weapons," police spokesman Don Aaron said.',
            '"If you see a nude guy walking around, call the police immediately," Aaron said.',
        ],
        [
            "Don Aaron, spokesman of the Metro Nashville Police Department, initially told "
            'WTVF: "If you see a nude guy walking around this morning call the police '
            'department."'
        ],
        [
            "“The man who wrestled the gun away is a hero,” Metro Nashville police "
            "spokesperson Don Aaron told CNN."
        ],
    )
    pairs = [
        Pair(r(0, 0), r(1, 0), 63.7),
        Pair(r(0, 0), r(2, 0), 66.2),
        Pair(r(0, 1), r(1, 0), 94.3),
        Pair(r(1, 0), r(2, 0), 76.7),
    ]
    groups = _members(build_groups(pairs, articles))
    assert (r(0, 1), r(1, 0)) in groups  # the same quote
    for members in groups:
        assert len(members) == 2
        assert not {r(0, 1), r(2, 0)} <= set(members)


def test_seed_headline_is_not_grouped_with_the_talks_lede(seeds: Alignment) -> None:
    """CBC's cross-head "Threat to Kyiv not over, Pentagon warns" was grouped with RFE/RL's
    lede "Russia and Ukraine appeared to be making progress ..."."""
    labels = [a.label for a in seeds.articles]
    heading = r(labels.index("CBC News"), 65)
    lede = r(labels.index("RFE/RL repost"), 1)
    assert (
        seeds.articles[heading.doc]
        .sentences[heading.sentence]
        .text.startswith("Threat to Kyiv not over")
    )
    assert seeds.articles[heading.doc].sentences[heading.sentence].heading
    assert seeds.pair_between(heading, lede) is not None  # still a pair
    group = seeds.group_of(heading)
    assert group is None or lede not in group.members
    assert seeds.group_of(lede) is not None  # the lede keeps its own group
    # and no heading anywhere shares a group with a body sentence
    for g in seeds.groups:
        kinds = {seeds.articles[m.doc].sentences[m.sentence].heading for m in g.members}
        assert len(kinds) == 1, g


@pytest.fixture(scope="module")
def seeds() -> Alignment:
    return align_corpus(load_paths([SEEDS]).articles)


def test_seed_groups_keep_the_rules(seeds: Alignment) -> None:
    """Every group of the seeds: each member linked to most of the members of other
    articles; sentences of one article near one another with a counterpart in common."""
    assert seeds.groups
    for group in seeds.groups:
        members = set(group.members)
        assert group.sources == len({m.doc for m in members}) >= 2
        for ref in members:
            others = [m for m in members if m.doc != ref.doc]
            linked = [m for m in others if seeds.pair_between(ref, m) is not None]
            assert len(linked) > MIN_LINKED_SHARE * len(others), (ref, group)
        for doc in {m.doc for m in members}:
            pieces = sorted(m for m in members if m.doc == doc)
            if len(pieces) > 1:
                assert pieces[-1].sentence - pieces[0].sentence <= (len(pieces) - 1) * (
                    MAX_SPLIT_GAP + 1
                )
                assert any(
                    all(seeds.pair_between(c, p) is not None for p in pieces)
                    for c in members - set(pieces)
                ), group


def test_two_sentences_the_reader_unlinked_never_share_a_group() -> None:
    """A, B, C and D are each linked to each but A-B, which the reader unlinked: A and B
    each still have most of the others, yet they are two facts, so not one group."""
    pairs = [
        Pair(r(x, 0), r(y, 0), 90.0 - x - y)
        for x, y in combinations(range(4), 2)
        if (x, y) != (0, 1)
    ]
    together = _members(build_groups(pairs))
    assert together == [(r(0, 0), r(1, 0), r(2, 0), r(3, 0))]
    apart = _members(build_groups(pairs, apart=[(r(1, 0), r(0, 0))]))
    assert apart and all(not {r(0, 0), r(1, 0)} <= set(members) for members in apart)
