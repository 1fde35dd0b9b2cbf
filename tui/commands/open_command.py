"""``reader [PATH...]``: pick the session, load its articles, run the reading UI.

Every UI run is a session, so ``reader`` then ``q`` then ``reader --resume`` comes back to the
same place: ``--session NAME`` names it, ``--resume`` reopens the last one, and otherwise the
session is ``default`` (its articles are those given, or the seeds). Switching sessions from the
app (palette "Sessions…") ends the app with ``SwitchSession`` and this loop starts the other.
"""

from __future__ import annotations

import argparse
import io
import re
import shlex
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from tui.commands.common import CliError
from tui.commands.loading import load_or_fail
from tui.commands.user_paths import check_notes_option, checked_data_dir
from tui.core.model import BUNDLED_SEEDS, Article
from tui.core.sessions import (
    DEFAULT_SESSION,
    Session,
    SessionError,
    SessionStore,
    ViewState,
    check_articles,
    check_session_name,
    notes_for_run,
    session_articles,
)
from tui.core.storage import is_link_loop
from tui.core.text import counted
from tui.resources import as_bundled

_URL = re.compile(r"^https?://", re.IGNORECASE)


@dataclass(frozen=True)
class OpenPlan:
    """What to open: the session (notes path included), its articles, notices for the user."""

    session: Session
    articles: tuple[Article, ...]
    notices: tuple[str, ...] = ()
    session_problem: str | None = None
    """Why the session's saved file could not be read (it is then never saved over)."""
    notes_path: str | None = None
    """The notes file the app writes to this run (decided last, by :func:`_with_notes`)."""


def _with_notes(plan: OpenPlan, store: SessionStore, option: Path | None) -> OpenPlan:
    """The plan with the notes file of the run decided (:func:`notes_for_run`)."""
    own = str(store.default_notes_path(plan.session.name))
    notes, session = notes_for_run(plan.session, str(option) if option else None, own)
    return replace(plan, session=session, notes_path=notes)


def _absolute(paths: list[str]) -> list[str]:
    """Paths as absolute, so a session reopens from any folder (URLs untouched; a symlink
    loop as given, for loading to report)."""
    return [
        p
        if _URL.match(p) or not p or p.startswith(BUNDLED_SEEDS) or is_link_loop(p)
        else str(Path(p).expanduser().resolve())
        for p in paths
    ]


def _seeds_as_bundled(session: Session) -> Session:
    """A session saved when seeds were recorded by their file path (inside site-packages),
    with those named ``bundled:seeds/NAME`` as loading now names them, so they still match."""
    articles = tuple(replace(a, path=as_bundled(a.path)) for a in session.articles)
    return session if articles == session.articles else replace(session, articles=articles)


def _load(paths: list[str]) -> tuple[tuple[Article, ...], tuple[str, ...]]:
    """Load articles; every skipped input or warning goes to stderr AND comes back as a
    notice, because the full-screen app hides stderr until it quits."""
    captured = io.StringIO()
    try:
        articles = load_or_fail(paths, stderr=captured)
    finally:
        sys.stderr.write(captured.getvalue())
    lines = captured.getvalue().splitlines()
    return articles, tuple(line.removeprefix("reader: ") for line in lines)


def _reopen(store: SessionStore, session: Session) -> OpenPlan:
    """Load a saved session's own articles; note what moved or changed."""
    session = _seeds_as_bundled(session)
    articles, problems = _load(session.article_paths)
    notices = problems + tuple(n.message for n in check_articles(session, articles))
    return OpenPlan(session, articles, notices)


def replaced_notice(session: Session, paths: list[str]) -> str | None:
    """What to say when PATHs give a saved session another set of articles (its view is then
    lost), or None when it had none or the same ones."""
    before = set(session.article_paths)
    after = set(paths)
    if not before or after == before:
        return None
    if not after & before:
        holds = counted(len(after), "other article")
    elif after < before:
        holds = f"{len(after)} of its {counted(len(before), 'article')}"
    else:
        holds = f"{counted(len(after), 'article')}, {len(after - before)} of them new"
    other = "" if session.name == DEFAULT_SESSION else "another "
    return (
        f"Session “{session.name}” now holds {holds}; its previous view "
        f"({counted(len(before), 'article')}) was replaced — use {other}--session NAME to keep "
        "stories apart"
    )


def new_session_notice(store: SessionStore, name: str) -> str:
    """What to say when ``--session NAME`` names no saved session: a typo would otherwise
    start an empty one without a word."""
    close = store.close_names(name)
    quoted = ", ".join(f"'{n}'" for n in close)
    return f"new session '{name}'" + (
        f" (saved sessions with a close name: {quoted})" if close else ""
    )


def _with_articles(
    store: SessionStore, name: str, paths: list[str], *, named: bool = False
) -> OpenPlan:
    """Open (or create) session ``name`` on the articles given (the seeds when none);
    ``named``: the user named it (``--session``), so a new one is announced."""
    articles, problems = _load(_absolute(paths))
    if store.exists(name):
        try:
            session = _seeds_as_bundled(store.load(name))
        except SessionError as exc:
            # Read the articles all the same, in a fresh session that is never saved over the
            # unreadable file: the app says why and offers a new name (its notes file is kept).
            return OpenPlan(store.new(name, articles), articles, problems, str(exc))
        fresh = session_articles(articles)
        if [a.path for a in fresh] != session.article_paths:
            session = replace(session, view=ViewState())  # other articles: start at the top
            replaced = replaced_notice(session, [a.path for a in fresh])
            if replaced:  # said before the app starts and inside it
                sys.stderr.write(f"reader: {replaced}\n")
                problems = (*problems, replaced)
        return OpenPlan(replace(session, articles=fresh), articles, problems)
    if named:  # said before the app starts and inside it
        notice = new_session_notice(store, name)
        sys.stderr.write(f"reader: {notice}\n")
        problems = (*problems, notice)
    return OpenPlan(store.new(name, articles), articles, problems)


def plan_open(args: argparse.Namespace, store: SessionStore) -> OpenPlan:
    """Decide the session and articles from ``--resume`` / ``--session`` / PATHs / ``--notes``.

    Raises:
        CliError: ``--resume`` with ``--session`` or a PATH, nothing to resume, a bad session
            name, or no article could be opened.
    """
    if getattr(args, "notes", None) == "":  # an unset "$NOTES": refused, not "no --notes"
        raise CliError("--notes '': empty path (no file named)", 2)
    if args.resume and args.session is not None:
        # "The last session" and "session NAME" may be two different sessions: never guess.
        raise CliError(
            "--session and --resume cannot be used together (--resume reopens the last "
            f"session; --session {shlex.quote(args.session)} alone reopens that session as it was)",
            2,
        )
    if args.session is not None:  # "" is a bad name, not "no name"
        try:
            check_session_name(args.session)
        except SessionError as exc:
            raise CliError(str(exc), 2) from None
    try:
        if args.resume:
            if args.paths:
                raise CliError("--resume takes no PATH (use --session NAME PATH... instead)", 2)
            plan = _reopen(store, store.resume())
        elif args.session is not None:
            name = args.session
            if store.exists(name) and not args.paths:
                plan = _reopen(store, store.load(name))
            else:
                plan = _with_articles(store, name, list(args.paths), named=True)
        else:
            plan = _with_articles(store, DEFAULT_SESSION, list(args.paths))
    except SessionError as exc:
        raise CliError(str(exc)) from None
    notes = Path(args.notes).expanduser() if getattr(args, "notes", None) else None
    if notes is not None:
        check_notes_option(notes)  # before resolving: a symlink loop has nothing to resolve to
        notes = notes.resolve()
    return _with_notes(plan, store, notes)


def run_open(args: argparse.Namespace) -> int:
    """Open the session the command line asks for and run the app until it quits."""
    from tui.app import ReaderApp
    from tui.session_keeper import SwitchSession

    root = checked_data_dir(args.data_dir)
    store = SessionStore(root)
    plan = plan_open(args, store)
    while True:
        view = plan.session.view
        app = ReaderApp(
            plan.articles,
            threshold=args.threshold if args.threshold is not None else view.threshold,
            data_dir=root,
            theme=args.theme or view.theme or None,
            notes_path=None if plan.notes_path is None else Path(plan.notes_path),
            session=plan.session,
            sessions=store,
            notices=plan.notices,
            session_problem=plan.session_problem,
            blind=getattr(args, "blind", False),
        )
        app.run()
        unsaved = getattr(app, "unsaved_problem", None)  # test doubles may not have it
        if unsaved:  # said inside the app too, but quitting takes that off the screen
            sys.stderr.write(f"reader: {unsaved}\n")
        result = getattr(app, "return_value", None)
        if not isinstance(result, SwitchSession):
            return app.return_code or 0
        try:
            plan = _with_notes(_reopen(store, store.load(result.name)), store, None)
        except SessionError as exc:
            raise CliError(str(exc)) from None
        args.threshold, args.theme = None, None  # the other session's own view applies
