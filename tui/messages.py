"""Messages the reading UI's parts send each other (intent up, results back)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from tui.core.align import Alignment


class AlignmentProgress(Message):
    """The alignment worker's share of work done, 0.0 to 1.0."""

    def __init__(self, done: float) -> None:
        super().__init__()
        self.done = done

    def can_replace(self, message: Message) -> bool:
        """Only the newest progress matters when the UI is busy."""
        return isinstance(message, AlignmentProgress)


class AlignmentReady(Message):
    """The alignment worker finished."""

    def __init__(self, alignment: Alignment) -> None:
        super().__init__()
        self.alignment = alignment


class AlignmentFailed(Message):
    """The alignment worker raised; ``error`` is one line for the user."""

    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class SentenceClicked(Message):
    """The user clicked a sentence of article ``doc``."""

    def __init__(self, doc: int, sentence: int) -> None:
        super().__init__()
        self.doc = doc
        self.sentence = sentence


class PaneWheelScrolled(Message):
    """The user scrolled article ``doc`` with the wheel; synced panes may follow."""

    def __init__(self, doc: int) -> None:
        super().__init__()
        self.doc = doc

    def can_replace(self, message: Message) -> bool:
        """A burst of wheel events needs one follow-up, not one each."""
        return isinstance(message, PaneWheelScrolled) and message.doc == self.doc
