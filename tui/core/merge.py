"""Three-way merge of notes documents by annotation id, losing neither side.

Used when the notes file changed on disk while open (another ``reader``, ``git pull``, an
editor): base is what we last read or wrote, mine is what we hold now, theirs is on disk.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from tui.core.notes import Annotation, DismissedCandidate, NotesDocument
from tui.core.text import counted

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


@dataclass(frozen=True)
class MergeReport:
    """What a merge changed in *our* view, for a one-line notice in the UI."""

    added: tuple[str, ...] = ()
    """Annotation ids that arrived from the other side."""
    removed: tuple[str, ...] = ()
    """Annotation ids the other side deleted (and we had not changed)."""
    changed: tuple[str, ...] = ()
    """Annotation ids the other side edited."""
    conflicts: tuple[str, ...] = field(default_factory=tuple)
    """Ids edited differently on both sides: their version kept under the id, ours as a copy."""

    @property
    def anything(self) -> bool:
        """Whether the merge changed what we see."""
        return bool(self.added or self.removed or self.changed or self.conflicts)

    def summary(self) -> str:
        """E.g. "notes changed on disk: 2 added, 1 conflict (both versions kept)"."""
        parts = []
        for count, word in (
            (len(self.added), "added"),
            (len(self.changed), "changed"),
            (len(self.removed), "removed"),
        ):
            if count:
                parts.append(f"{count} {word}")
        if self.conflicts:
            n = len(self.conflicts)
            parts.append(f"{counted(n, 'conflict')} (both versions kept)")
        return "notes changed on disk: " + (", ".join(parts) if parts else "no change")


def _merge_maps(
    base: Mapping[K, V],
    mine: Mapping[K, V],
    theirs: Mapping[K, V],
    on_conflict: Callable[[K, V, V], list[tuple[K, V]]],
) -> dict[K, V]:
    """Generic three-way merge of keyed items; a key present on either side is never lost."""
    result: dict[K, V] = {}
    keys = [*theirs, *(k for k in mine if k not in theirs)]
    keys += [k for k in base if k not in mine and k not in theirs]
    for key in keys:
        b, m, t = base.get(key), mine.get(key), theirs.get(key)
        if m == t:
            chosen: list[tuple[K, V]] = [(key, m)] if m is not None else []
        elif b == m:
            chosen = [(key, t)] if t is not None else []
        elif b == t:
            chosen = [(key, m)] if m is not None else []
        elif m is None:
            chosen = [(key, t)] if t is not None else []  # we deleted, they edited: keep theirs
        elif t is None:
            chosen = [(key, m)]  # they deleted, we edited: keep ours
        else:
            chosen = on_conflict(key, m, t)
        for k, v in chosen:
            result[k] = v
    return result


def merge_documents(
    base: NotesDocument,
    mine: NotesDocument,
    theirs: NotesDocument,
    new_id: Callable[[], str],
) -> tuple[NotesDocument, MergeReport]:
    """Merge three versions of a notes document by annotation id.

    Args:
        base: the common ancestor (last version we read or wrote).
        mine: our current version.
        theirs: the version found on disk.
        new_id: gives the id of the copy kept when both sides edited one annotation.

    Returns:
        The merged document and a report of what changed relative to ``mine``.
    """
    conflicts: list[str] = []
    copies: set[str] = set()
    taken: set[str] = base.ids() | mine.ids() | theirs.ids()

    def keep_both(key: str, m: Annotation, t: Annotation) -> list[tuple[str, Annotation]]:
        conflicts.append(key)
        copy_id = new_id()
        while copy_id in taken:
            copy_id = new_id()
        taken.add(copy_id)
        copies.add(copy_id)
        return [(key, t), (copy_id, replace(m, id=copy_id, conflict_of=key))]

    annotations = _merge_maps(
        {a.id: a for a in base.annotations},
        {a.id: a for a in mine.annotations},
        {a.id: a for a in theirs.annotations},
        keep_both,
    )

    def theirs_wins(
        key: str, m: DismissedCandidate, t: DismissedCandidate
    ) -> list[tuple[str, DismissedCandidate]]:
        return [(key, t)]

    dismissed = _merge_maps(
        {d.fingerprint: d for d in base.dismissed},
        {d.fingerprint: d for d in mine.dismissed},
        {d.fingerprint: d for d in theirs.dismissed},
        theirs_wins,
    )

    def extra_theirs(key: str, m: Any, t: Any) -> list[tuple[str, Any]]:
        return [(key, t)]

    extra = _merge_maps(base.extra, mine.extra, theirs.extra, extra_theirs)
    merged = (
        NotesDocument(
            schema_version=max(mine.schema_version, theirs.schema_version),
            extra=extra,
        )
        .with_annotations(annotations.values())
        .with_dismissed(dismissed.values())
    )

    mine_by_id = {a.id: a for a in mine.annotations}
    merged_by_id = {a.id: a for a in merged.annotations}
    report = MergeReport(
        added=tuple(i for i in merged_by_id if i not in mine_by_id and i not in copies),
        removed=tuple(i for i in mine_by_id if i not in merged_by_id),
        changed=tuple(
            i
            for i, a in merged_by_id.items()
            if i in mine_by_id and mine_by_id[i] != a and i not in conflicts
        ),
        conflicts=tuple(conflicts),
    )
    return merged, report
