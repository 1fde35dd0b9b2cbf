"""PaneChooser: pick which articles get a pane when there are more than fit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, SelectionList

from tui.core.model import Article


class PaneChooser(ModalScreen[set[int] | None]):
    """A checklist of the articles; enter applies, escape cancels."""

    DEFAULT_CSS = """
    PaneChooser { align: center middle; }
    PaneChooser > Vertical {
        width: 60; max-width: 90%; height: auto; max-height: 80%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    PaneChooser SelectionList { height: auto; max-height: 20; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "apply",
            "Apply",
            tooltip="Show the ticked articles",
            id="reader.panes-apply",
            priority=True,
        ),
        Binding(
            "escape",
            "cancel",
            "Cancel",
            tooltip="Keep the panes as they were",
            id="reader.panes-cancel",
        ),
    ]

    def __init__(self, articles: Sequence[Article], shown: set[int]) -> None:
        super().__init__()
        self.articles = articles
        self.shown = shown

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Articles to show (space ticks, enter applies)", markup=False)
            yield SelectionList[int](
                *(
                    (Content(f"{a.label}  {a.meta.published[:10]}"), doc, doc in self.shown)
                    for doc, a in enumerate(self.articles)
                )
            )

    def action_apply(self) -> None:
        chosen = set(self.query_one(SelectionList).selected)
        if not chosen:
            self.notify("Keep at least one article.", severity="warning")
            return
        self.dismiss(chosen)

    def action_cancel(self) -> None:
        self.dismiss(None)
