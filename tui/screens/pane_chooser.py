"""PaneChooser: pick which articles get a pane when there are more than fit.

With 173 articles a bare checklist is a long scroll: a filter narrows it (outlet, title or
date), ``+`` and ``-`` tick or untick every article listed, and a count says how many are
ticked. Ticks survive filtering: the chooser keeps them, the list only shows some.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, SelectionList
from textual.widgets.selection_list import Selection

from tui.core.model import Article


class PaneChooser(ModalScreen[set[int] | None]):
    """A filterable checklist of the articles; enter applies, escape cancels."""

    DEFAULT_CSS = """
    PaneChooser { align: center middle; }
    PaneChooser > Vertical {
        width: 76; max-width: 95%; height: auto; max-height: 90%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    PaneChooser SelectionList { height: auto; max-height: 20; }
    PaneChooser Label { width: 100%; }
    PaneChooser #pane-count { color: $text-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "apply",
            "Apply",
            tooltip="Show the ticked articles (in the filter: go to the list)",
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
        Binding(
            "plus",
            "tick_listed(True)",
            "Tick listed",
            tooltip="Tick every article the filter lists",
            id="reader.panes-tick-all",
        ),
        Binding(
            "minus",
            "tick_listed(False)",
            "Untick listed",
            tooltip="Untick every article the filter lists",
            id="reader.panes-untick-all",
        ),
        Binding(
            "slash",
            "filter",
            "Filter",
            tooltip="Type to list only the articles whose outlet, title or date match",
            id="reader.panes-filter",
        ),
    ]

    def __init__(self, articles: Sequence[Article], shown: set[int]) -> None:
        super().__init__()
        self.articles = articles
        self.shown = shown
        self.ticked = set(shown)
        """Ticked articles, listed or not (the filter hides some, never unticks them)."""
        self._words = [
            f"{a.label} {a.meta.published[:10]} {a.meta.title or ''} {a.id}".casefold()
            for a in articles
        ]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(
                "Articles to show: space ticks, + / - tick or untick all listed, "
                "/ filters, enter applies",
                markup=False,
            )
            yield Input(placeholder="/ filter by outlet, title or date", id="pane-filter")
            yield SelectionList[int](id="pane-list")
            yield Label("", id="pane-count", markup=False)

    def on_mount(self) -> None:
        self._list_matching("")
        self.query_one(SelectionList).focus()

    def _prompt(self, doc: int) -> Content:
        article = self.articles[doc]
        title = article.meta.title or ""
        return Content(f"{article.label}  {article.meta.published[:10]}  {title}".rstrip())

    def listed(self) -> list[int]:
        """The articles the list shows now, in order."""
        options = self.query_one(SelectionList)
        return [options.get_option_at_index(i).value for i in range(options.option_count)]

    def _list_matching(self, query: str) -> None:
        words = query.casefold().split()
        docs = [d for d, text in enumerate(self._words) if all(w in text for w in words)]
        options = self.query_one(SelectionList)
        options.clear_options()
        options.add_options([Selection(self._prompt(d), d, d in self.ticked) for d in docs])
        if docs:
            options.highlighted = 0  # space ticks the first match straight away
        self._count(query, len(docs))

    def _count(self, query: str, listed: int) -> None:
        text = f"{len(self.ticked)} of {len(self.articles)} ticked"
        if query.strip():
            text += f" · {listed} listed for “{query.strip()}”"
        self.query_one("#pane-count", Label).update(text)

    def _take_ticks_from_list(self) -> None:
        options = self.query_one(SelectionList)
        listed = set(self.listed())
        self.ticked = (self.ticked - listed) | (set(options.selected) & listed)

    @on(Input.Changed, "#pane-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._take_ticks_from_list()
        self._list_matching(event.value)

    @on(SelectionList.SelectedChanged)
    def _ticks_changed(self) -> None:
        self._take_ticks_from_list()
        self._count(self.query_one(Input).value, len(self.listed()))

    def on_key(self, event: events.Key) -> None:
        """Down from the filter goes to the list."""
        if event.key == "down" and self.focused is self.query_one(Input):
            event.stop()
            self.query_one(SelectionList).focus()

    def action_filter(self) -> None:
        self.query_one(Input).focus()

    def action_tick_listed(self, tick: bool) -> None:
        options = self.query_one(SelectionList)
        if tick:
            options.select_all()
        else:
            options.deselect_all()

    def action_apply(self) -> None:
        if self.focused is self.query_one(Input):  # enter ends the filter: now tick
            self.query_one(SelectionList).focus()
            return
        self._take_ticks_from_list()
        if not self.ticked:
            self.notify("Keep at least one article.", severity="warning")
            return
        self.dismiss(set(self.ticked))

    def action_cancel(self) -> None:
        self.dismiss(None)
