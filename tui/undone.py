"""What ``u`` undid, in words: "Undone: agreement on CBC News #12, Reuters #9".

The notes store only names the step ("add agreement", "edit", ...); the reader needs to know
which passages came back or went away, so the notice compares the notes before and after the
undo. No Textual here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tui.core.model import Article
from tui.core.text import excerpt

if TYPE_CHECKING:
    from tui.core.notes import NotesDocument, Target

MAX_PLACES = 3
"""Passages named in a notice; more are counted ("and 2 more")."""


def places(targets: Sequence[Target], articles: Sequence[Article]) -> str:
    """Where targets point: "Alpha #2, Beta #7" (sentence numbers as in the status line)."""
    labels = {article.id: article.label for article in articles}
    named = []
    for target in targets:
        label = labels.get(target.article.id) or target.article.label or target.article.id
        number = f" #{target.sentence + 1}" if target.sentence is not None else ""
        named.append(f"{label}{number}")
    more = len(named) - MAX_PLACES
    return ", ".join(named[:MAX_PLACES]) + (f" and {more} more" if more > 0 else "")


def describe_undo(
    label: str | None, before: NotesDocument, after: NotesDocument, articles: Sequence[Article]
) -> str:
    """The notice after an undo: which change was reverted, and on which passages.

    Args:
        label: the store's name for the step undone ("add agreement", "delete note", "edit",
            "dismiss candidate"), or None when there was nothing to undo.
        before: the notes just before the undo.
        after: the notes just after it.
        articles: the open articles (their labels name the passages).
    """
    old = {a.id: a for a in before.annotations}
    new = {a.id: a for a in after.annotations}
    gone = [a for key, a in old.items() if key not in new]
    back = [a for key, a in new.items() if key not in old]
    changed = [new[key] for key in old.keys() & new.keys() if old[key] != new[key]]
    step = label or ""
    if step.startswith("add") and gone:
        return f"Undone: {gone[0].kind} on {places(gone[0].targets, articles)}"
    if step.startswith("delete") and back:
        where = places(back[0].targets, articles)
        return f"Undone: deleting the {back[0].kind} on {where} (it is back)"
    if step == "edit" and (changed or gone):
        edited = (changed or gone)[0]
        return f"Undone: edit of the {edited.kind} on {places(edited.targets, articles)}"
    restored = [d for d in before.dismissed if d not in after.dismissed]
    if step.startswith("dismiss") and restored:
        d = restored[0]
        quotes = f"“{excerpt(d.a.exact, 30)}” vs “{excerpt(d.b.exact, 30)}”"
        return f"Undone: dismissing the {d.kind} candidate {quotes} (shown again)"
    return f"Undone: {step}" if step else "Undone"
