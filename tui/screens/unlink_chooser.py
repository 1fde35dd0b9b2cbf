"""UnlinkChooser (``U`` on a sentence with several counterparts): which link to remove.

A small list like the candidates view (``i``): the sentence being read on top, then each
sentence paired with it (source, sentence number, who linked the two, the sentence). Up and
down (or ``j`` / ``k``) choose; enter removes the highlighted link; escape leaves everything
as it was. Article text is data, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.core.align import SentenceRef
from tui.core.model import Article
from tui.linking import Counterpart, place_name


def counterpart_row(counterpart: Counterpart, articles: Sequence[Article]) -> Content:
    """Source and number, who linked them, then the sentence on the next line."""
    ref = counterpart.ref
    who = "linked by you" if counterpart.by_user else f"match {counterpart.score:.0f}"
    text = articles[ref.doc].sentences[ref.sentence].text
    return Content.assemble(
        (place_name(articles, ref), "bold"), (f" · {who}", "$text-muted"), "\n  ", text
    )


class UnlinkChooser(ModalScreen[SentenceRef | None]):
    """The counterparts of one sentence; returns the one to unlink, or None.

    Args:
        ref: the sentence being read.
        counterparts: the sentences paired with it (``linking.counterparts_of``).
        articles: the open articles, for labels and sentence text.
    """

    DEFAULT_CSS = """
    UnlinkChooser { align: center middle; }
    UnlinkChooser > Vertical {
        width: 90%; max-width: 120; height: auto; max-height: 85%;
        border: round $primary; background: $surface; padding: 0 1;
        border-subtitle-color: $text-muted;
    }
    UnlinkChooser #unlink-reading { color: $text-muted; margin-bottom: 1; }
    UnlinkChooser OptionList { height: auto; max-height: 20; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,U",
            "close",
            "Close",
            tooltip="Back to reading; no link is removed",
            id="reader.unlink-close",
        ),
        Binding("j", "move(1)", "Next", show=False, id="reader.unlink-next"),
        Binding("k", "move(-1)", "Previous", show=False, id="reader.unlink-previous"),
    ]

    def __init__(
        self, ref: SentenceRef, counterparts: Sequence[Counterpart], articles: Sequence[Article]
    ) -> None:
        super().__init__()
        self.ref = ref
        self.counterparts = tuple(counterparts)
        self.articles = articles

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = Content(f"Unlink {place_name(self.articles, self.ref)} from…")
            box.border_subtitle = "enter: not one fact · escape: keep them"
            sentence = self.articles[self.ref.doc].sentences[self.ref.sentence].text
            yield Static(Content(sentence), id="unlink-reading")
            yield OptionList(
                *(
                    Option(counterpart_row(c, self.articles), id=f"{c.ref.doc}:{c.ref.sentence}")
                    for c in self.counterparts
                ),
                id="unlink-list",
            )

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        listing.highlighted = 0  # enter at once removes the first (the reader's, or the best)
        listing.focus()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_move(self, step: int) -> None:
        """j / k move through the list as down / up do, as in the candidates view."""
        listing = self.query_one(OptionList)
        if step > 0:
            listing.action_cursor_down()
        else:
            listing.action_cursor_up()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.counterparts[event.option_index].ref)
