"""CandidatesScreen (``i``): the contradiction candidates of one sentence, explained in full.

The status line has two rows and cuts the explanation at the window's width; this modal lists
every candidate on the sentence (conflicts first, as ``x`` and ``X`` take them) with its kind,
status, whole explanation and both passages: source, sentence number and the sentence, once,
with the span marked in it. Article text is data, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.core.candidates import Discrepancy, Span
from tui.core.model import Article
from tui.core.text import counted


def candidate_order(candidates: Sequence[Discrepancy]) -> list[Discrepancy]:
    """Conflicts before compatible differences (refinements, variants), else as found."""
    return sorted(candidates, key=lambda d: d.status != "conflict")


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


def candidate_heading(disc: Discrepancy) -> Content:
    """Glyph, kind and status, then the whole explanation."""
    if disc.status == "conflict":
        heading = (f"⚑ {disc.kind} conflict", "bold $text-error")
    else:
        heading = (f"≈ {disc.kind} {disc.status}", "bold $text-warning")
    return Content.assemble(heading, "\n", disc.explanation)


def keys_subtitle(ordered: Sequence[Discrepancy]) -> str:
    """What the keys do after closing, and on which candidate: short enough for 80 columns."""
    if len(ordered) == 1:
        return "escape closes · then x confirms it, X dismisses it"
    return "escape closes · then x confirms, X dismisses the top one"


class CandidateView(Vertical):
    """One candidate: heading and explanation, then each passage as a label over its sentence.

    The sentence is its own widget with a left padding, so its wrapped lines keep the indent
    (a hanging indent) instead of running back to the margin.
    """

    DEFAULT_CSS = """
    CandidateView { height: auto; margin-bottom: 1; }
    CandidateView > .passage-label { padding-left: 2; }
    CandidateView > .passage-text { padding-left: 4; }
    """

    def __init__(self, disc: Discrepancy, articles: Sequence[Article]) -> None:
        super().__init__(classes="candidate")
        self.disc = disc
        self.articles = articles

    def compose(self) -> ComposeResult:
        yield Static(candidate_heading(self.disc), classes="heading")
        for span in (self.disc.a, self.disc.b):
            yield Static(passage_label(span, self.articles), classes="passage-label")
            yield Static(passage_text(span, self.articles), classes="passage-text")

    @property
    def text(self) -> str:
        """The plain text shown, one widget a line (tests read it)."""
        return "\n".join(str(static.render()) for static in self.query(Static))


class CandidatesScreen(ModalScreen[None]):
    """Every candidate on one sentence; escape (or ``i`` again) closes.

    Args:
        candidates: the sentence's candidates (any order; shown conflicts first).
        articles: the open articles, for labels and sentence text.
        title: what the border names (the sentence).
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
    ]

    def __init__(
        self, candidates: Sequence[Discrepancy], articles: Sequence[Article], title: str
    ) -> None:
        super().__init__()
        self.candidates = candidate_order(candidates)
        self.articles = articles
        self.title_text = title

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            count = len(self.candidates)
            scroll.border_title = Content(f"{counted(count, 'candidate')} · {self.title_text}")
            scroll.border_subtitle = keys_subtitle(self.candidates)
            for disc in self.candidates:
                yield CandidateView(disc, self.articles)

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)
