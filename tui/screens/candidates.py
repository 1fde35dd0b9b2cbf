"""CandidatesScreen (``i``): the contradiction candidates of one sentence, explained in full,
one of them chosen to confirm or dismiss.

The status line has two rows and cuts the explanation at the window's width; this modal lists
every candidate on the sentence (open ones most severe first, then those already confirmed, as
the status line orders them) with its kind, status, whole explanation and both passages:
source, sentence number and the sentence, once, with the span marked in it. Up and down (j, k)
choose one; ``x`` confirms it and ``X`` dismisses it, whichever it is. Article text is data,
never markup.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.candidate_marks import name_of
from tui.core.candidates import Discrepancy, Span
from tui.core.model import Article
from tui.core.text import counted


def passage_label(span: Span, articles: Sequence[Article]) -> Content:
    """Where a passage is: source and sentence number (and when no single word is marked)."""
    where = f"{articles[span.doc].label} #{span.sentence + 1}"
    return Content.assemble((where, "bold"), "" if span.text else " (no single word)")


def passage_text(span: Span, articles: Sequence[Article]) -> Content:
    """The passage's sentence, once, with the span marked in it (no separate quote of it)."""
    sentence = articles[span.doc].sentences[span.sentence]
    start = max(sentence.start, min(span.start, sentence.end)) - sentence.start
    end = max(sentence.start, min(span.end, sentence.end)) - sentence.start
    text = sentence.text
    return Content.assemble(text[:start], (text[start:end], "bold underline"), text[end:])


def candidate_heading(disc: Discrepancy, confirmed: Collection[Discrepancy] = ()) -> Content:
    """Glyph, kind and status (and whether it was confirmed), then the whole explanation."""
    name = name_of(disc, confirmed)
    return Content.assemble((name.heading, name.style), "\n", disc.explanation)


def keys_subtitle(ordered: Sequence[Discrepancy]) -> str:
    """What the keys do, and on which candidate: short enough for 80 columns."""
    if len(ordered) == 1:
        return "x confirms it · X dismisses it · escape closes"
    return "↑↓ choose · x confirms · X dismisses · escape closes"


@dataclass(frozen=True)
class CandidateChoice:
    """What the reader did in the list: confirm or dismiss ``candidate``."""

    action: Literal["confirm", "dismiss"]
    candidate: Discrepancy


class CandidateView(Vertical):
    """One candidate: heading and explanation, then each passage as a label over its sentence.

    The sentence is its own widget with a left padding, so its wrapped lines keep the indent
    (a hanging indent) instead of running back to the margin. The chosen one (``-chosen``)
    has a bar down its left edge.
    """

    DEFAULT_CSS = """
    CandidateView { height: auto; margin-bottom: 1; padding-left: 1; border-left: blank; }
    CandidateView.-chosen { border-left: thick $accent; background: $boost; }
    CandidateView > .passage-label { padding-left: 2; }
    CandidateView > .passage-text { padding-left: 4; }
    """

    def __init__(
        self,
        disc: Discrepancy,
        articles: Sequence[Article],
        confirmed: Collection[Discrepancy] = (),
    ) -> None:
        super().__init__(classes="candidate")
        self.disc = disc
        self.articles = articles
        self.confirmed = confirmed

    def compose(self) -> ComposeResult:
        yield Static(candidate_heading(self.disc, self.confirmed), classes="heading")
        for span in (self.disc.a, self.disc.b):
            yield Static(passage_label(span, self.articles), classes="passage-label")
            yield Static(passage_text(span, self.articles), classes="passage-text")

    @property
    def text(self) -> str:
        """The plain text shown, one widget a line (tests read it)."""
        return "\n".join(str(static.render()) for static in self.query(Static))


class CandidatesScreen(ModalScreen[CandidateChoice | None]):
    """Every candidate on one sentence, one of them chosen; ``x`` confirms the chosen one,
    ``X`` dismisses it, escape (or ``i`` again) closes.

    Returns the reader's choice (None when closed without one): the reading screen carries it
    out, as ``x`` and ``X`` there do.

    Args:
        candidates: the sentence's candidates, in the order to list them (open ones most
            severe first, then confirmed ones: ``candidate_marks.ordered``).
        articles: the open articles, for labels and sentence text.
        title: what the border names (the sentence).
        confirmed: those of the candidates the reader already confirmed.
    """

    DEFAULT_CSS = """
    CandidatesScreen { align: center middle; }
    CandidatesScreen > VerticalScroll {
        width: 90%; max-width: 120; height: auto; max-height: 85%;
        border: round $primary; background: $surface; padding: 0 1;
        border-subtitle-color: $text-muted;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,i",
            "close",
            "Close",
            tooltip="Back to reading",
            id="reader.candidates-close",
        ),
        Binding(
            "down,j",
            "choose(1)",
            "Next",
            tooltip="Choose the next candidate",
            id="reader.candidates-next",
        ),
        Binding(
            "up,k",
            "choose(-1)",
            "Previous",
            tooltip="Choose the previous candidate",
            id="reader.candidates-previous",
        ),
        Binding(
            "x",
            "act('confirm')",
            "Confirm",
            tooltip="Confirm the chosen candidate as a contradiction (its explanation the comment)",
            id="reader.candidates-confirm",
        ),
        Binding(
            "X",
            "act('dismiss')",
            "Dismiss",
            tooltip="Dismiss the chosen candidate (remembered in the notes; u brings it back)",
            id="reader.candidates-dismiss",
        ),
    ]

    chosen: reactive[int] = reactive(0, init=False)
    """Position of the chosen candidate in the list."""

    def __init__(
        self,
        candidates: Sequence[Discrepancy],
        articles: Sequence[Article],
        title: str,
        confirmed: Collection[Discrepancy] = frozenset(),
    ) -> None:
        super().__init__()
        self.candidates = list(candidates)
        self.articles = articles
        self.title_text = title
        self.confirmed = frozenset(confirmed)

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            # not focused: up and down choose a candidate (the list scrolls to it) instead
            # of scrolling the list, whose own bindings would come first
            scroll.can_focus = False
            count = len(self.candidates)
            scroll.border_title = Content(f"{counted(count, 'candidate')} · {self.title_text}")
            scroll.border_subtitle = keys_subtitle(self.candidates)
            for disc in self.candidates:
                yield CandidateView(disc, self.articles, self.confirmed)

    def on_mount(self) -> None:
        self.watch_chosen()

    @property
    def views(self) -> list[CandidateView]:
        """One view per candidate, in list order."""
        return list(self.query(CandidateView))

    def watch_chosen(self) -> None:
        views = self.views
        for index, view in enumerate(views):
            view.set_class(index == self.chosen, "-chosen")
        if views:
            self.query_one(VerticalScroll).scroll_to_widget(views[self.chosen], animate=False)

    def action_choose(self, step: int) -> None:
        """Choose the next (1) or previous (-1) candidate; the ends hold (no wrap)."""
        self.chosen = max(0, min(len(self.candidates) - 1, self.chosen + step))

    def action_act(self, action: Literal["confirm", "dismiss"]) -> None:
        self.dismiss(CandidateChoice(action, self.candidates[self.chosen]))

    def action_close(self) -> None:
        self.dismiss(None)
