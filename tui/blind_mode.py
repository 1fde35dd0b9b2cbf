"""Blind reading in the app: what the reader sees instead of the articles, and the seed kept.

``reader --blind`` (or the palette's "Blind mode", or ``B``) shows the articles as
``blind.blind_articles`` makes them: "Source A"… in an order shuffled by the session's seed,
metadata gone, outlets, titles, URLs and authors masked in the text, credit lines masked
whole. The notes still point at the real articles: :class:`BlindView` keeps them in the order
shown, for the notes layer to build targets from (``Annotations(originals=...)``). Notices
are masked too, file names and article ids included, since they may quote any of them.
:class:`BlindMode` is the app's switch: on or off, the same shuffle each time it is on (the
seed kept in the session). No Textual here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from tui.annotations import Annotations
from tui.core.blind import Masker, blind_articles, hidden_names, new_seed
from tui.core.model import Article
from tui.core.sessions import Session

if TYPE_CHECKING:
    from tui.core.notes_store import NotesStore

SEED_KEY = "blind_seed"
"""The key of the shuffle's seed in the session file (kept like any key reader adds)."""


def session_seed(session: Session | None) -> tuple[int, Session | None]:
    """The session's blind seed, and the session holding it (a new seed is put into it)."""
    if session is not None:
        seed = session.extra.get(SEED_KEY)
        if isinstance(seed, int) and not isinstance(seed, bool):
            return seed, session
    seed = new_seed()
    if session is None:
        return seed, None
    return seed, replace(session, extra={**session.extra, SEED_KEY: seed})


class BlindView:
    """The articles as a blind reader sees them.

    Args:
        articles: as loaded.
        seed: the shuffle's seed.
    """

    def __init__(self, articles: Sequence[Article], seed: int) -> None:
        self.seed = seed
        self.shown, self.order = blind_articles(articles, seed)
        """The blinded articles, and for each the position of its original in ``articles``."""
        self.originals = tuple(articles[i] for i in self.order)
        """The real articles in the order shown: what notes are written against."""
        names = set(hidden_names(articles))
        for article in articles:
            names.update((article.id, article.path, Path(article.path).name))
        self.masker = Masker(n for n in names if len(n) >= 3)

    def mask(self, text: str) -> str:
        """``text`` with every name, id and file name of the articles masked."""
        return self.masker.mask(text)

    def original(self, doc: int) -> int:
        """The position in the loaded articles of the article shown at ``doc``."""
        return self.order[doc]


class HoldsSession(Protocol):
    """Holds the run's session (:class:`~tui.session_keeper.SessionKeeper`)."""

    session: Session | None


class Notice(Protocol):
    """A notice on its way to the screen (Textual's ``Notification``)."""

    message: str
    title: str


class BlindMode:
    """Blind mode of a run, on or off; the shuffle is the session's, the same each time.

    Args:
        articles: as loaded.
        sessions: holds the session the seed is read from, and put into (saved with it).
        on: start blind (``--blind``).
    """

    def __init__(self, articles: Sequence[Article], sessions: HoldsSession, *, on: bool) -> None:
        self.articles = tuple(articles)
        self._sessions = sessions
        self.view: BlindView | None = None
        """The articles as shown while blind mode is on; None: the real ones shown."""
        self.seed: int | None = None
        """The shuffle (the session's), once blind mode has been on."""
        if on:
            self.toggle()

    @property
    def shown(self) -> tuple[Article, ...]:
        """The articles as the panes show them: blinded in blind mode."""
        return self.view.shown if self.view is not None else self.articles

    @property
    def shown_seed(self) -> int | None:
        """The shuffle shown now; None while the real articles are shown."""
        return self.view.seed if self.view is not None else None

    def toggle(self) -> None:
        """Blind mode on (sources as Source A…, in the session's order) or off (revealed)."""
        if self.view is not None:
            self.view = None
            return
        if self.seed is None:  # once a run: the same letters each time B hides them
            self.seed, self._sessions.session = session_seed(self._sessions.session)
        self.view = BlindView(self.articles, self.seed)

    @property
    def toggled(self) -> str:
        """What to tell the reader once the panes show the switch."""
        if self.view is not None:
            return "Blind mode: sources are Source A… in a shuffled order; B reveals them."
        return "Sources revealed; B hides them again."

    def annotations(self, store: NotesStore) -> Annotations:
        """The notes seen from the screen: written against the real articles, always."""
        if (view := self.view) is None:
            return Annotations(store, self.articles)
        return Annotations(store, view.shown, originals=view.originals, mask=view.mask)

    def original(self, doc: int) -> int:
        """The position in the loaded articles of the article shown at ``doc``."""
        return self.view.original(doc) if self.view is not None else doc

    def mask_notice(self, notice: Notice) -> None:
        """In blind mode, mask the names in a notice: it may quote a file name, a title or an
        outlet."""
        if self.view is not None:
            notice.message = self.view.mask(notice.message)
            notice.title = self.view.mask(notice.title)
