"""The open notes file seen from the reading screen: sentences in, annotations out.

Translates between what the panes speak (``SentenceRef``: article index, sentence index) and what
the notes file speaks (targets with quotes and offsets), keeps the anchors of every annotation
in step with the store, and filters dismissed candidates out of the alignment the screen shows.
No Textual here: the annotation keys (tui/screens/annotating.py) drive it. Placing the notes
(rapidfuzz) and the reader's links (the alignment core) are imported when first needed: the
notes open once the articles are on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.model import Article, SentenceRef
from tui.core.text import excerpt

if TYPE_CHECKING:
    from tui.core.align import Alignment
    from tui.core.anchoring import NoteAnchors
    from tui.core.candidates import Discrepancy
    from tui.core.notes import Annotation, AnnotationKind, CandidateQuote, Target
    from tui.core.notes_store import NotesStore
    from tui.core.user_links import Corrections

KIND_GLYPHS = {"agreement": "≡", "contradiction": "⚑", "note": "✎", "link": "⇔", "unlink": "⇹"}
"""One glyph per annotation kind, used in lists and notices (not colour alone)."""


class Annotations:
    """A notes store bound to the open articles.

    Args:
        store: the open notes file.
        articles: the articles on screen, in pane order (``SentenceRef.doc`` indexes them).
        originals: the real articles in the same order, when ``articles`` are not (blind
            mode: masked text, "Source A"): notes are written and placed against these.
        mask: what hides the real names in the text shown (blind mode).
    """

    def __init__(
        self,
        store: NotesStore,
        articles: Sequence[Article],
        originals: Sequence[Article] | None = None,
        mask: Callable[[str], str] | None = None,
    ) -> None:
        self.store = store
        self.articles = tuple(articles)
        self.originals = tuple(originals) if originals is not None else self.articles
        self.mask = mask
        self._doc_of = {article.id: doc for doc, article in enumerate(self.articles)}
        self.anchors: NoteAnchors = self._placed()

    @property
    def path(self) -> Path:
        """The notes file."""
        return self.store.path

    def reanchor(self) -> None:
        """Place every annotation again (after a change, an undo or a merge from disk)."""
        self.anchors = self._placed()

    def _placed(self) -> NoteAnchors:
        from tui.core.anchoring import anchor_notes

        return anchor_notes(self.store.document, self.originals)

    # -- sentences -> notes ---------------------------------------------------------------

    def targets(self, refs: Iterable[SentenceRef]) -> list[Target]:
        """Targets for whole sentences, in pane order then sentence order."""
        from tui.core.anchoring import target_for_sentence

        return [
            target_for_sentence(
                self.originals[ref.doc], self.originals[ref.doc].sentences[ref.sentence]
            )
            for ref in sorted(set(refs))
        ]

    def at(self, ref: SentenceRef) -> list[Annotation]:
        """Annotations with a target on this sentence."""
        return self.anchors.at_sentence(self.articles[ref.doc].id, ref.sentence)

    def annotated_refs(self) -> frozenset[SentenceRef]:
        """Every sentence carrying an annotation (the ✎ marks)."""
        refs: set[SentenceRef] = set()
        for doc, article in enumerate(self.articles):
            refs.update(SentenceRef(doc, s) for s in self.anchors.annotated_sentences(article.id))
        return frozenset(refs)

    def refs_of(self, annotation_id: str) -> list[SentenceRef]:
        """Where an annotation's targets landed (orphans and absent articles left out)."""
        refs = []
        for placed in self.anchors.of_annotation(annotation_id):
            doc = self._doc_of.get(placed.article_id or "")
            if doc is not None and placed.anchor.located and placed.anchor.sentence is not None:
                refs.append(SentenceRef(doc, placed.anchor.sentence))
        return refs

    def orphan_ids(self) -> set[str]:
        """Annotations with at least one target that could not be found in its article."""
        return {t.annotation_id for t in self.anchors.orphans()}

    def absent_ids(self) -> set[str]:
        """Annotations with at least one target in an article that is not open."""
        return {t.annotation_id for t in self.anchors.absent()}

    # -- engine candidates ----------------------------------------------------------------

    def fingerprint(self, disc: Discrepancy) -> str:
        """The stable id of a candidate, as stored when it is dismissed."""
        a, b = self.quotes(disc)
        from tui.core.notes import candidate_fingerprint

        return candidate_fingerprint(disc.kind, a.article, a.exact, b.article, b.exact)

    def quotes(self, disc: Discrepancy) -> tuple[CandidateQuote, CandidateQuote]:
        """Both sides of a candidate as the notes file records them."""
        from tui.core.notes import CandidateQuote

        a, b = self.originals[disc.a.doc], self.originals[disc.b.doc]
        return (  # the real words (a blind alignment's are masked, one character for one)
            CandidateQuote(a.id, a.text[disc.a.start : disc.a.end], a.label),
            CandidateQuote(b.id, b.text[disc.b.start : disc.b.end], b.label),
        )

    def is_dismissed(self, disc: Discrepancy) -> bool:
        """Whether the reader dismissed this candidate (in this or an earlier session)."""
        return self.store.is_dismissed(self.fingerprint(disc))

    def confirmed(self, alignment: Alignment) -> frozenset[Discrepancy]:
        """The candidates of ``alignment`` the reader confirmed (``x``): those a contradiction
        records by fingerprint, or, in files from before fingerprints were recorded, by kind
        and explanation on both of its sentences."""
        fingerprints: set[str] = set()
        worded: list[tuple[str, str, frozenset[SentenceRef]]] = []
        for annotation in self.store.annotations:
            info = annotation.discrepancy
            if annotation.kind != "contradiction" or info is None:
                continue
            if info.fingerprint:
                fingerprints.add(info.fingerprint)
            else:
                refs = frozenset(self.refs_of(annotation.id))
                worded.append((info.kind, info.explanation, refs))
        if not fingerprints and not worded:
            return frozenset()
        found: set[Discrepancy] = set()
        for disc in alignment.discrepancies:
            if self.fingerprint(disc) in fingerprints:
                found.add(disc)
                continue
            sides = {SentenceRef(s.doc, s.sentence) for s in (disc.a, disc.b)}
            if any(
                kind == disc.kind and explanation == disc.explanation and sides <= refs
                for kind, explanation, refs in worded
            ):
                found.add(disc)
        return frozenset(found)

    def without_dismissed(self, alignment: Alignment) -> Alignment:
        """The alignment the screen shows: dismissed candidates left out.

        Returns ``alignment`` itself when nothing is dismissed, so the common case costs nothing.
        """
        kept = tuple(d for d in alignment.discrepancies if not self.is_dismissed(d))
        if len(kept) == len(alignment.discrepancies):
            return alignment
        return replace(alignment, discrepancies=kept)  # possible matches and all kept

    # -- corrections of the alignment -----------------------------------------------------

    def corrections(self) -> Corrections:
        """The links and unlinks the notes make among the open articles, as placed now."""
        from tui.core.user_links import corrections_of

        return corrections_of(self.store.document, self.articles, self.anchors)

    def corrections_within(
        self, kind: AnnotationKind, refs: Collection[SentenceRef]
    ) -> list[Annotation]:
        """The ``kind`` annotations (link or unlink) every target of which is one of ``refs``:
        those a new correction of ``refs`` supersedes (a link replaces the unlink of two of
        its sentences; an unlink, the link of exactly its two)."""
        wanted = set(refs)
        found = []
        for annotation in self.store.annotations:
            if annotation.kind != kind:
                continue
            placed = self.refs_of(annotation.id)
            if len(placed) == len(annotation.targets) and set(placed) <= wanted:
                found.append(annotation)
        return found

    # -- describing -----------------------------------------------------------------------

    def describe(self, annotation: Annotation, width: int = 60) -> str:
        """One line: kind glyph, the sources, the comment or the first quote; a confirmed
        engine candidate says its kind and status (``contradiction (attribution conflict)``)."""
        labels = []
        for target in annotation.targets:
            label = self.label_of(target)
            if label not in labels:
                labels.append(label)
        text = annotation.comment or (
            annotation.targets[0].quote.exact if annotation.targets else ""
        )
        glyph = KIND_GLYPHS.get(annotation.kind, "?")
        kind: str = annotation.kind
        if (info := annotation.discrepancy) is not None:
            kind += f" ({' '.join(filter(None, (info.kind, info.status)))})"
        return f"{glyph} {kind} · {', '.join(labels)} · {self.shown(excerpt(text, width))}"

    def label_of(self, target: Target) -> str:
        """The name of a target's article as shown: its pane's label when it is open, else the
        label recorded in the notes (masked in blind mode)."""
        doc = self._doc_of.get(target.article.id)
        if doc is not None:
            return self.articles[doc].label
        return self.shown(target.article.label or target.article.id)

    def shown(self, text: str) -> str:
        """Text from the notes file as it may be shown (names masked in blind mode)."""
        return self.mask(text) if self.mask else text
