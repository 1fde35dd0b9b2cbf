"""The reader's corrections read back from a notes file: links, unlinks, and the agreements
and contradictions that link too, placed as every annotation is."""

from __future__ import annotations

from tui.core.align import SentenceRef
from tui.core.anchoring import target_for_sentence
from tui.core.corpus import make_article
from tui.core.model import Article
from tui.core.notes import Annotation, AnnotationKind, NotesDocument
from tui.core.user_links import Corrections, corrections_of

WIRE = make_article("wire", "/n/wire.txt", "The mayor said 12 died. Rain fell. Roads shut.")
AP = make_article("ap", "/n/ap.txt", "The mayor said 14 died. It rained. Roads closed.")
BBC = make_article("bbc", "/n/bbc.txt", "Storms hit. Twelve were killed, the mayor said.")
r = SentenceRef


def note(kind: AnnotationKind, *places: tuple[Article, int], id: str = "a-1") -> Annotation:
    targets = tuple(target_for_sentence(a, a.sentences[i]) for a, i in places)
    return Annotation(id, kind, targets, created=f"2026-01-01T10:00:0{id[-1]}Z")


def read(*annotations: Annotation, articles: tuple[Article, ...] = (WIRE, AP, BBC)) -> Corrections:
    return corrections_of(NotesDocument().with_annotations(annotations), articles)


def test_links_unlinks_agreements_and_contradictions_are_read_notes_are_not() -> None:
    found = read(
        note("link", (WIRE, 0), (AP, 0), (BBC, 1), id="a-1"),
        note("unlink", (WIRE, 2), (AP, 2), id="a-2"),
        note("agreement", (WIRE, 1), (AP, 1), id="a-3"),
        note("contradiction", (AP, 0), (BBC, 1), id="a-4"),
        note("note", (WIRE, 1), (BBC, 0), id="a-5"),
    )
    assert found.links == (
        frozenset({r(0, 0), r(1, 0), r(2, 1)}),
        frozenset({r(0, 1), r(1, 1)}),
        frozenset({r(1, 0), r(2, 1)}),
    )
    assert found.unlinks == ((r(0, 2), r(1, 2)),)


def test_positions_follow_the_order_of_the_open_articles() -> None:
    found = read(note("link", (WIRE, 0), (BBC, 1)), articles=(BBC, WIRE))
    assert found.links == (frozenset({r(1, 0), r(0, 1)}),)


def test_a_correction_needs_two_open_articles_and_its_passages_found() -> None:
    assert not read(note("link", (WIRE, 0), (BBC, 1)), articles=(WIRE, AP))  # BBC not open
    assert not read(note("agreement", (WIRE, 0), (WIRE, 1)))  # one article: no link
    changed = make_article("ap", "/n/ap.txt", "Entirely new text. Nothing like before.")
    orphan = note("unlink", (WIRE, 0), (AP, 0))
    assert not read(orphan, articles=(WIRE, changed))  # the passage is gone: not applied


def test_a_correction_follows_its_passage_when_the_article_moves_it() -> None:
    moved = make_article(
        "ap", "/n/ap.txt", "A new first line. The mayor said 14 died. Roads closed."
    )
    found = read(note("unlink", (WIRE, 0), (AP, 0)), articles=(WIRE, moved))
    assert found.unlinks == ((r(0, 0), r(1, 1)),)
