"""CandidatesScreen (``i``): the contradiction candidates of one sentence, explained in full.

The status line has two rows and cuts the explanation at the window's width; this modal lists
every candidate on the sentence (conflicts first, as ``x`` and ``X`` take them) with its kind,
status, whole explanation and both passages: source, sentence number, the quoted span and the
sentence around it with the span marked. Article text is data, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.core.compare import Discrepancy, Span
from tui.core.model import Article


def candidate_order(candidates: Sequence[Discrepancy]) -> list[Discrepancy]:
    """Conflicts before compatible differences (refinements, variants), else as found."""
    return sorted(candidates, key=lambda d: d.status != "conflict")


def _passage(span: Span, articles: Sequence[Article]) -> Content:
    article = articles[span.doc]
    sentence = article.sentences[span.sentence]
    where = f"{article.label} #{span.sentence + 1}"
    quote = f"“{span.text}”" if span.text else "(no single word)"
    start = max(sentence.start, min(span.start, sentence.end)) - sentence.start
    end = max(sentence.start, min(span.end, sentence.end)) - sentence.start
    text = sentence.text
    return Content.assemble(
        "  ",
        (where, "bold"),
        ": ",
        (quote, "bold"),
        "\n    ",
        text[:start],
        (text[start:end], "bold underline"),
        text[end:],
    )


def describe_candidate(disc: Discrepancy, articles: Sequence[Article]) -> Content:
    """One candidate: glyph, kind and status, the whole explanation, then both passages."""
    if disc.status == "conflict":
        heading = (f"⚑ {disc.kind} conflict", "bold $text-error")
    else:
        heading = (f"≈ {disc.kind} {disc.status}", "bold $text-warning")
    return Content.assemble(
        heading,
        "\n",
        disc.explanation,
        "\n",
        _passage(disc.a, articles),
        "\n",
        _passage(disc.b, articles),
    )


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
    CandidatesScreen .candidate { margin-bottom: 1; }
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
            scroll.border_title = (
                f"{count} candidate{'s' if count != 1 else ''} · {self.title_text}"
            )
            scroll.border_subtitle = (
                "escape closes · ↑↓ scroll · then x confirms, X dismisses the first"
            )
            for disc in self.candidates:
                yield Static(describe_candidate(disc, self.articles), classes="candidate")

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)
