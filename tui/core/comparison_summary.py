"""The figures at the top of a comparison: what each source covers, what they share, what clashes.

Matched and body sentences are ``report.matched_share``'s, groups and their sources are the
alignment's own, unique sentences ``Alignment.unique_sentences``: the figures ``reader align
--format json`` gives, so the page and the JSON never disagree.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from tui.core.align import Alignment, SentenceRef
from tui.core.candidates import Discrepancy
from tui.core.notes import Annotation
from tui.core.report import matched_share


@dataclass(frozen=True, slots=True)
class SourceFigures:
    """One article's coverage."""

    body: int
    """Body sentences (page furniture left out)."""
    matched: int
    """Of them, matched in another source."""
    facts: int
    """Rows it has a sentence in."""
    grouped: int
    """Groups it has a sentence in."""
    unique: int
    """Sentences no other source reports (◦)."""


@dataclass(frozen=True, slots=True)
class Summary:
    """The figures of the whole comparison."""

    sources: tuple[SourceFigures, ...]
    facts: int
    """Rows."""
    groups: int
    in_all: int
    """Groups with a sentence of every source."""
    lacking: int
    """Rows some source does not report."""
    confirmed: int
    """Contradictions the reader marked (placed in these articles)."""
    open: int
    """⚑ candidates neither confirmed nor dismissed."""
    compatible: int
    """≈ candidates (refinements, variants, updated figures) not dismissed."""
    dismissed: int
    """Candidates the reader dismissed."""
    annotations: int
    """Annotations with a passage in these articles."""


def summarise(
    alignment: Alignment,
    row_docs: Sequence[Collection[int]],
    row_sources: Sequence[int],
    placed: Mapping[str, Sequence[SentenceRef]],
    annotations: Mapping[str, Annotation],
    states: Mapping[Discrepancy, str],
) -> Summary:
    """The figures of a comparison whose rows have cells in ``row_docs`` and whose facts
    ``row_sources`` sources report (``Row.sources``)."""
    n = len(alignment.articles)
    sources = []
    for doc in range(n):
        matched, body = matched_share(alignment, doc)
        sources.append(
            SourceFigures(
                body=body,
                matched=matched,
                facts=sum(1 for docs in row_docs if doc in docs),
                grouped=sum(1 for g in alignment.groups if any(m.doc == doc for m in g.members)),
                unique=len(alignment.unique_sentences(doc)),
            )
        )
    noted = [i for i, refs in placed.items() if refs]
    return Summary(
        sources=tuple(sources),
        facts=len(row_docs),
        groups=len(alignment.groups),
        in_all=sum(1 for g in alignment.groups if g.sources == n),
        lacking=sum(1 for count in row_sources if count < n),
        confirmed=sum(1 for i in noted if annotations[i].kind == "contradiction"),
        open=sum(1 for d, s in states.items() if d.flagged and s == "open"),
        compatible=sum(1 for d, s in states.items() if not d.flagged and s != "dismissed"),
        dismissed=sum(1 for s in states.values() if s == "dismissed"),
        annotations=len(noted),
    )
