"""Blind reading in the app: what the reader sees instead of the articles, and the seed kept.

``reader --blind`` (or the palette's "Blind mode", or ``B``) shows the articles as
``blind.blind_articles`` makes them: "Source A"… in an order shuffled by the session's seed,
metadata gone, outlets, titles, URLs and authors masked in the text, credit lines masked
whole. The notes still point at the real articles: :class:`BlindView` keeps them in the order
shown, for the notes layer to build targets from (``Annotations(originals=...)``). Notices
are masked too, file names and article ids included, since they may quote any of them.
No Textual here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from tui.core.blind import Masker, blind_articles, hidden_names, new_seed
from tui.core.model import Article
from tui.core.sessions import Session

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
