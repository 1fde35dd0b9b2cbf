"""The same-fact model: sentences about the same people are not one fact unless they share
what happened; a restatement in few shared words is."""

from __future__ import annotations

from tui.core.align import SentenceRef, align_corpus
from tui.core.corpus import make_article
from tui.core.normalize import name_terms

GUARDIAN = "\n".join(
    [
        "Over 100 Russian diplomats alleged to be spies are being told to return to Moscow.",
        "British Prime Minister Theresa May called it the largest collective expulsion of"
        " Russian intelligence officers in history.",
        "Still, Moscow has in turn ordered 23 British diplomats to leave.",
        "The expelled Russians have seven days to leave the country.",
    ]
)
BLOOMBERG = "\n".join(
    [
        "The U.S. and more than a dozen European nations expelled Russian diplomats on Monday.",
        "British Prime Minister Theresa May, welcoming the show of solidarity, said 18"
        " countries had announced plans to expel Russian officials.",
        "Putin's government in turn ordered 23 British diplomats out of Russia over what it"
        " called unsubstantiated accusations.",
        "They have seven days to leave the country, the officials said.",
    ]
)


def _alignment():
    articles = [
        make_article("guardian", "guardian.txt", GUARDIAN),
        make_article("bloomberg", "bloomberg.txt", BLOOMBERG),
    ]
    return align_corpus(articles)


def test_two_statements_of_one_person_are_two_facts() -> None:
    """Both name "British Prime Minister Theresa May" and Russian expulsions; one reports
    her call it the largest expulsion, the other her count of countries."""
    alignment = _alignment()
    assert alignment.pair_between(SentenceRef(0, 1), SentenceRef(1, 1)) is None


def test_what_happened_in_few_shared_words_is_one_fact() -> None:
    alignment = _alignment()
    ordered = alignment.pair_between(SentenceRef(0, 2), SentenceRef(1, 2))
    assert ordered is not None and ordered.score >= alignment.threshold
    leave = alignment.pair_between(SentenceRef(0, 3), SentenceRef(1, 3))
    assert leave is not None


def test_names_are_what_the_corpus_capitalises() -> None:
    names = name_terms(line for line in (GUARDIAN + "\n" + BLOOMBERG).splitlines() if line)
    assert {"theresa", "may", "moscow", "britain"} <= names
    assert not {"diplomat", "expel", "leav", "23"} & names
