"""The reader's links and unlinks applied to an alignment: pairs, groups, possible matches,
uniqueness and contradiction candidates all follow."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.align import ENGINE, USER, Alignment, SentenceRef, align_corpus
from tui.core.corpus import load_paths, make_article
from tui.core.corrections import USER_SCORE, apply_corrections

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
r = SentenceRef


@pytest.fixture(scope="module")
def seeds() -> Alignment:
    return align_corpus(load_paths([SEEDS]).articles)


def _unique_in(alignment: Alignment, docs: tuple[int, ...]) -> list[SentenceRef]:
    """One unique body sentence of each of ``docs``."""
    return [r(doc, alignment.unique_sentences(doc)[0]) for doc in docs]


def test_nothing_to_apply_gives_the_same_alignment(seeds: Alignment) -> None:
    assert apply_corrections(seeds) is seeds
    assert apply_corrections(seeds, [], []) is seeds


def test_a_link_across_three_articles_is_one_group_of_three(seeds: Alignment) -> None:
    refs = _unique_in(seeds, (0, 2, 4))
    corrected = apply_corrections(seeds, [set(refs)])
    group = corrected.group_of(refs[0])
    assert group is not None and set(group.members) == set(refs) and group.sources == 3
    for ref in refs:
        assert corrected.sources_of(ref) == (0, 2, 4)
        assert ref.sentence not in corrected.unique_sentences(ref.doc)
        others = [other for other, _ in corrected.partners(ref)]
        assert set(others[:2]) == set(refs) - {ref}  # the reader's links come first
        pair = corrected.pair_between(ref, others[0])
        assert pair is not None and pair.origin == USER and pair.score == USER_SCORE
    assert len(corrected.pairs) == len(seeds.pairs) + 3
    # the engine's alignment is untouched
    assert seeds.group_of(refs[0]) is None and seeds.partners(refs[0]) == []


def test_a_link_over_an_engine_pair_marks_it_as_the_readers(seeds: Alignment) -> None:
    pair = seeds.pairs[0]
    corrected = apply_corrections(seeds, [{pair.a, pair.b}])
    mine = corrected.pair_between(pair.b, pair.a)
    assert mine is not None and mine.origin == USER
    assert len(corrected.pairs) == len(seeds.pairs)
    assert corrected.discrepancies == seeds.discrepancies  # nothing new to compare


def test_an_unlink_removes_an_engine_pair_its_group_and_its_candidates(seeds: Alignment) -> None:
    disc = next(d for d in seeds.discrepancies if d.kind == "number")
    a, b = r(disc.a.doc, disc.a.sentence), r(disc.b.doc, disc.b.sentence)
    found = seeds.pair_between(a, b)
    assert found is not None and found.origin == ENGINE
    corrected = apply_corrections(seeds, unlinks=[(b, a)])
    assert corrected.pair_between(a, b) is None
    assert b not in [other for other, _ in corrected.partners(a)]
    assert len(corrected.pairs) == len(seeds.pairs) - 1
    group = corrected.group_of(a)
    assert group is None or b not in group.members
    for d in corrected.discrepancies:
        assert {(d.a.doc, d.a.sentence), (d.b.doc, d.b.sentence)} != {
            (a.doc, a.sentence),
            (b.doc, b.sentence),
        }
    assert len(corrected.discrepancies) < len(seeds.discrepancies)


def test_an_unlink_wins_over_a_link_of_the_same_two(seeds: Alignment) -> None:
    x, y, z = _unique_in(seeds, (0, 1, 3))
    corrected = apply_corrections(seeds, [{x, y, z}], [(x, y)])
    assert corrected.pair_between(x, y) is None
    assert corrected.pair_between(x, z) is not None and corrected.pair_between(y, z) is not None
    group = corrected.group_of(z)
    assert group is None or not {x, y} <= set(group.members)


def test_a_link_of_two_tolls_raises_their_contradiction() -> None:
    """Two sentences the aligner does not pair (no word in common) but the reader links: their
    figures are compared as the aligner compares its own pairs."""
    articles = [
        make_article(
            "a",
            "a.txt",
            "The emergency agency said the death toll from the attack had risen to 14.\n",
        ),
        make_article("b", "b.txt", "Seven people were killed in the blast at the market.\n"),
    ]
    alignment = align_corpus(articles)
    assert alignment.pairs == () and alignment.discrepancies == ()
    corrected = apply_corrections(alignment, [[r(0, 0), r(1, 0)]])
    (disc,) = corrected.discrepancies
    assert (disc.kind, disc.status) == ("number", "conflict")
    assert corrected.discrepancies_of(r(1, 0)) == [disc]
    assert corrected.group_of(r(0, 0)) == corrected.group_of(r(1, 0)) is not None


def test_possible_pairs_follow_the_corrections(seeds: Alignment) -> None:
    near = seeds.possible_pairs[0]
    linked = apply_corrections(seeds, [{near.a, near.b}])
    assert near not in linked.possible_pairs
    assert linked.possible(near.a) == [p for p in seeds.possible(near.a) if p[0] != near.b]
    pair = linked.pair_between(near.a, near.b)
    assert pair is not None and pair.origin == USER
    unlinked = apply_corrections(seeds, unlinks=[(near.a, near.b)])
    assert near not in unlinked.possible_pairs and unlinked.pair_between(near.a, near.b) is None


@pytest.mark.parametrize(
    ("links", "unlinks", "message"),
    [
        ([{r(0, 1), r(0, 2)}], [], "two articles"),
        ([{r(0, 1), r(9, 2)}], [], "article 9"),
        ([], [(r(0, 1), r(1, 10_000))], "sentence 10000"),
    ],
)
def test_bad_corrections_are_refused(
    seeds: Alignment,
    links: list[set[SentenceRef]],
    unlinks: list[tuple[SentenceRef, SentenceRef]],
    message: str,
) -> None:
    with pytest.raises(ValueError, match=message):
        apply_corrections(seeds, links, unlinks)
