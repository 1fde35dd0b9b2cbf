"""Our command-palette commands (``ctrl+p``), beside Textual's system commands.

Commands act on the reading screen through its public methods and actions
(``move_cursor``, ``set_pane_shown``, ``set_kind_shown``, ``toggle_sync``, ``toggle_view``,
``toggle_furniture``), found on the screen the palette was opened from; on any other screen
only the screen-independent commands (themes, help) are offered. Sentence search is fuzzy over
every body sentence of every article (rapidfuzz, in a thread, so 50 articles do not stall typing).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any, Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from tui.core.model import Article
from tui.core.text import excerpt

SENTENCE_MIN_QUERY = 3
"""Characters typed before sentences are searched (shorter queries match everything)."""
SENTENCE_LIMIT = 20
SENTENCE_CUTOFF = 70.0
"""rapidfuzz partial_ratio (0-100) a sentence needs to be offered."""
SENTENCE_WEIGHT = 0.9
"""Sentence hits rank just under a command whose name matches as well."""


@runtime_checkable
class ReadingTarget(Protocol):
    """What the palette needs from the reading screen (tui/screens/reading.py)."""

    articles: tuple[Article, ...]
    sync: bool
    view_mode: str
    hide_furniture: bool
    hidden_docs: frozenset[int]
    hidden_kinds: frozenset[str]
    cursors: tuple[int, ...]

    def move_cursor(self, doc: int, sentence: int) -> None: ...

    def set_pane_shown(self, doc: int, shown: bool) -> None: ...

    def set_kind_shown(self, kind: str, shown: bool) -> None: ...


Command = tuple[str, Callable[[], Any], str]
"""(name shown, callback, help line)."""


class ReaderCommands(Provider):
    """Jump to a source or sentence, toggle sync/view/furniture/panes, hide a kind of
    candidate, pick a theme."""

    async def startup(self) -> None:
        self._sentences: list[str] = []
        self._refs: list[tuple[int, int]] = []
        target = self._target()
        if target is None:
            return
        for doc, article in enumerate(target.articles):
            for sentence in article.body_sentences:
                self._sentences.append(" ".join(sentence.text.split()))
                self._refs.append((doc, sentence.index))

    def _target(self) -> ReadingTarget | None:
        screen = self.screen
        return screen if isinstance(screen, ReadingTarget) else None

    def commands(self) -> Iterator[Command]:
        """Every command that applies right now (names reflect the current state)."""
        target = self._target()
        if target is not None:
            run = target.run_action  # type: ignore[attr-defined]
            for doc, article in enumerate(target.articles):
                cursor = target.cursors[doc] if doc < len(target.cursors) else 0
                yield (
                    f"Go to source: {article.label}",
                    partial(target.move_cursor, doc, cursor),
                    f"Put the cursor in the {article.label} pane" + _title_hint(article),
                )
            sync = "Turn sync off" if target.sync else "Turn sync on"
            yield sync, partial(run, "toggle_sync"), "Other panes follow the cursor (s)"
            table = "Show panes" if target.view_mode == "table" else "Show alignment table"
            yield table, partial(run, "toggle_view"), "Switch panes / alignment table (v)"
            furniture = "Show page furniture" if target.hide_furniture else "Hide page furniture"
            yield furniture, partial(run, "toggle_furniture"), "Ads, captions, share links (f)"
            for doc, article in enumerate(target.articles):
                hidden = doc in target.hidden_docs
                yield (
                    f"{'Show' if hidden else 'Hide'} pane: {article.label}",
                    partial(target.set_pane_shown, doc, hidden),
                    "Choose which articles are side by side (p)",
                )
            from tui.core.candidates import KINDS  # loaded with the alignment

            for kind in KINDS:
                hidden = kind in target.hidden_kinds
                yield (
                    f"{'Show' if hidden else 'Hide'} {kind} candidates",
                    partial(target.set_kind_shown, kind, hidden),
                    "Not marked, listed, counted or visited by ] [ (saved with the session)"
                    if not hidden
                    else "Mark, list and visit them again",
                )
        for name in sorted(self.app.available_themes):
            marker = " (current)" if name == self.app.theme else ""
            yield (
                f"Theme: {name}{marker}",
                partial(setattr, self.app, "theme", name),
                "Colours of the whole app; the choice is remembered",
            )
        app_actions = (
            ("Notes panel", "notes_panel", "Every annotation: filter by kind, jump to one (m)"),
            ("Export notes…", "export_notes", "Markdown, CSV or JSON-LD to a file you confirm"),
            (
                "Export HTML report…",
                "export_report",
                "The comparison as one page for any browser (as reader report writes it)",
            ),
            ("Save session", "save_session", "Panes, cursors, view, theme and notes file (S)"),
            ("Sessions…", "sessions", "Switch to another saved session (this one is saved)"),
        )
        for name, action, help_text in app_actions:  # the app's, or the reading screen's
            owner = next(
                (o for o in (self.app, self.screen) if hasattr(o, f"action_{action}")), None
            )
            if owner is not None:
                yield name, partial(owner.run_action, action), help_text
        if hasattr(self.app, "action_toggle_blind") and target is not None:
            blind = getattr(self.app, "blind", None) is not None
            yield (
                "Blind mode: reveal the sources" if blind else "Blind mode: hide the sources",
                partial(self.app.run_action, "toggle_blind"),
                "Outlets, titles, dates and URLs hidden, sources as Source A… (B)",
            )
        if hasattr(self.app, "action_help"):
            yield "Keys and help", partial(self.app.run_action, "help"), "Every key, as mapped (?)"

    async def discover(self) -> Hits:
        for name, callback, help_text in self.commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self.commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
        target = self._target()
        if target is None or len(query.strip()) < SENTENCE_MIN_QUERY or not self._sentences:
            return
        from rapidfuzz import fuzz, process, utils

        matches = await asyncio.to_thread(
            process.extract,
            query,
            self._sentences,
            scorer=fuzz.partial_ratio,
            processor=utils.default_process,
            limit=SENTENCE_LIMIT,
            score_cutoff=SENTENCE_CUTOFF,
        )
        for text, score, index in matches:
            doc, sentence = self._refs[index]
            label = target.articles[doc].label
            display = Content.assemble((f"{label} · ", "bold"), excerpt(text, 90))
            yield Hit(
                score / 100 * SENTENCE_WEIGHT,
                display,
                partial(target.move_cursor, doc, sentence),
                text=f"{label} {text}",
                help=f"Sentence {sentence + 1} of {label}",
            )


def _title_hint(article: Article) -> str:
    title = article.meta.title
    return f" ({excerpt(title, 60)})" if title and title != article.label else ""
