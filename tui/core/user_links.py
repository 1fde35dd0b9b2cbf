"""The reader's corrections of the alignment, read from the notes file.

A ``link`` annotation says its sentences report one fact; an ``unlink`` that its two
sentences do not. An agreement or a contradiction that spans sentences of two articles or
more is a link as well: the reader has said those passages speak of one thing. Targets are
placed the way every annotation is (re-anchored when the article changed, skipped when
orphaned or not open), so a correction follows its passage like any other note.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.align import Alignment, SentenceRef
from tui.core.anchoring import NoteAnchors
from tui.core.corrections import apply_corrections
from tui.core.model import Article
from tui.core.notes import NotesDocument

LINKING_KINDS = ("link", "agreement", "contradiction")
"""Annotation kinds whose targets in two articles or more are linked as one fact."""


@dataclass(frozen=True)
class Corrections:
    """Links and unlinks to apply to an alignment (``corrections.apply_corrections``)."""

    links: tuple[frozenset[SentenceRef], ...] = ()
    unlinks: tuple[tuple[SentenceRef, SentenceRef], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.links or self.unlinks)

    def applied_to(self, alignment: Alignment) -> Alignment:
        """``alignment`` (the engine's) with these links and unlinks applied."""
        return apply_corrections(alignment, self.links, self.unlinks)


def corrections_of(
    document: NotesDocument, articles: Sequence[Article], anchors: NoteAnchors | None = None
) -> Corrections:
    """The links and unlinks the notes make among ``articles`` (positions in that order)."""
    anchors = anchors or NoteAnchors(document, articles)
    position = {article.id: i for i, article in enumerate(articles)}
    links: list[frozenset[SentenceRef]] = []
    unlinks: list[tuple[SentenceRef, SentenceRef]] = []
    for annotation in document.annotations:
        if annotation.kind not in (*LINKING_KINDS, "unlink"):
            continue
        refs: list[SentenceRef] = []
        for placed in anchors.of_annotation(annotation.id):
            if placed.article_id is None or not placed.anchor.located:
                continue
            if placed.anchor.sentence is None:
                continue
            ref = SentenceRef(position[placed.article_id], placed.anchor.sentence)
            if ref not in refs:
                refs.append(ref)
        if len({ref.doc for ref in refs}) < 2:
            continue  # a correction needs two open articles
        if annotation.kind == "unlink":
            if len(refs) == 2:
                unlinks.append((refs[0], refs[1]))
        else:
            links.append(frozenset(refs))
    return Corrections(tuple(links), tuple(unlinks))
