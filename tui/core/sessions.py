"""Reading sessions: which articles, which notes file, and the view, saved and reopened exactly.

Sessions live under a root folder the caller injects (the CLI passes ``data_dir()``), as
``ROOT/sessions/NAME.yaml``, with ``ROOT/sessions/last`` naming the one ``--resume`` reopens.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from tui.core.clock import Clock, format_time, utc_now
from tui.core.model import Article
from tui.core.storage import StorageError, atomic_write_text, dump_yaml, load_yaml, read_text
from tui.core.text import text_sha256

SESSION_SCHEMA_VERSION = 1
DEFAULT_SESSION = "default"
"""The session of a plain ``reader`` run (no ``--session`` or ``--resume``)."""
NOTES_SUFFIX = ".notes"
"""A session's own notes file is ``NAME.notes.yaml``, so no session may be named ``*.notes``."""
MAX_SESSION_BYTES = 5_000_000
"""Largest session file read: one lists its articles and the view, a few kB."""
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


class SessionError(StorageError):
    """A session that cannot be found, read or saved; the message is for people."""


def check_session_name(name: str) -> str:
    """Return ``name`` if usable as a file name; raise :class:`SessionError` otherwise."""
    if not _NAME.match(name) or name.endswith(".yaml"):
        raise SessionError(
            f"invalid session name {name!r}: use letters, digits, '.', '_' or '-' "
            "(up to 64, starting with a letter or digit)"
        )
    if name.lower().endswith(NOTES_SUFFIX):
        # NAME.notes.yaml is the notes file of session NAME: the two would share one file.
        owner = name[: -len(NOTES_SUFFIX)]
        raise SessionError(
            f"invalid session name {name!r}: a name may not end in {NOTES_SUFFIX!r}, its file "
            f"would be {name}.yaml, the notes file of session {owner!r}"
        )
    return name


@dataclass(frozen=True)
class SessionArticle:
    """An article of a session: where it was, and the hash of its text then."""

    path: str
    sha256: str
    id: str = ""
    label: str = ""
    missing: bool = False
    """Not found when the session was last opened: kept so it reopens once it is back."""


@dataclass(frozen=True)
class ViewState:
    """Everything needed to put the screen back as it was."""

    pane_order: tuple[str, ...] = ()
    """Article ids, left to right."""
    hidden: tuple[str, ...] = ()
    """Article ids of hidden panes."""
    focused: str | None = None
    """Article id of the focused pane."""
    cursors: Mapping[str, int] = field(default_factory=dict)
    """Sentence index under the cursor, per article id."""
    sync: bool = True
    view_mode: str = ""
    theme: str = ""
    threshold: float | None = None
    hidden_kinds: tuple[str, ...] = ()
    """Kinds of contradiction candidate hidden for the session (``quote``, ``list``...)."""
    extra: Mapping[str, Any] = field(default_factory=dict)
    """Other view settings, kept as given (UI-owned keys this module does not know)."""

    def to_data(self) -> dict[str, Any]:
        """Plain data for YAML, keys in a fixed order."""
        data: dict[str, Any] = {
            "pane_order": list(self.pane_order),
            "hidden": list(self.hidden),
            "focused": self.focused,
            "cursors": {k: int(v) for k, v in self.cursors.items()},
            "sync": self.sync,
            "view_mode": self.view_mode,
            "theme": self.theme,
            "threshold": self.threshold,
            "hidden_kinds": list(self.hidden_kinds),
        }
        data.update({k: v for k, v in self.extra.items() if k not in data})
        return data

    @classmethod
    def from_data(cls, data: Any) -> ViewState:
        """Tolerant reading: a bad or missing view value falls back to its default."""
        if not isinstance(data, dict):
            return cls()
        default = cls()

        def strings(key: str) -> tuple[str, ...]:
            value = data.get(key)
            return tuple(str(v) for v in value) if isinstance(value, list) else ()

        cursors = data.get("cursors")
        threshold = data.get("threshold")
        known = {"pane_order", "hidden", "focused", "cursors", "sync", "view_mode", "theme"}
        known |= {"threshold", "hidden_kinds"}
        return cls(
            pane_order=strings("pane_order"),
            hidden=strings("hidden"),
            focused=str(data["focused"]) if data.get("focused") is not None else None,
            cursors={
                str(k): v
                for k, v in (cursors.items() if isinstance(cursors, dict) else ())
                if isinstance(v, int) and not isinstance(v, bool)
            },
            sync=data["sync"] if isinstance(data.get("sync"), bool) else default.sync,
            view_mode=str(data.get("view_mode") or ""),
            theme=str(data.get("theme") or ""),
            threshold=float(threshold)
            if isinstance(threshold, int | float)
            and not isinstance(threshold, bool)
            and 0.0 <= threshold <= 100.0
            else None,
            hidden_kinds=strings("hidden_kinds"),
            extra={k: v for k, v in data.items() if k not in known},
        )


@dataclass(frozen=True)
class Session:
    """A named reading session."""

    name: str
    articles: tuple[SessionArticle, ...] = ()
    notes: str | None = None
    """Path of the notes file (the session's own unless ``--notes`` chose another); None: the
    session file names none (:func:`notes_for_run` then falls back to the session's own)."""
    view: ViewState = field(default_factory=ViewState)
    created: str = ""
    last_opened: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)
    keep_notes: bool = True
    """Whether a notes file used in this run is saved as the session's (not written to the
    file): False for the ``default`` session, which always goes back to its own."""

    @property
    def article_paths(self) -> list[str]:
        """Paths to load when reopening."""
        return [a.path for a in self.articles]


ArticleProblem = Literal["missing", "changed"]


@dataclass(frozen=True)
class ArticleNotice:
    """An article of a session that moved away or changed since the session was saved."""

    article: SessionArticle
    problem: ArticleProblem

    @property
    def message(self) -> str:
        """One line for the user."""
        name = self.article.label or self.article.path
        if self.problem == "missing":
            return (
                f"{name}: not found at {self.article.path} (moved or deleted); kept in the "
                "session, it reopens when it is back there"
            )
        return f"{name}: text changed since the session was saved; notes are re-anchored"


@dataclass(frozen=True)
class SessionSummary:
    """One row of ``reader sessions``."""

    name: str
    articles: int
    notes: int | None
    """Annotations in the notes file; None when it is missing or unreadable."""
    last_opened: str
    is_last: bool
    problem: str | None = None


def shown_time(stamp: str) -> str:
    """A saved time as people read it, the same in ``reader sessions`` and the Sessions dialog:
    ``2026-11-22T00:03:27Z`` is ``2026-11-22 00:03:27 UTC``; no time is ``-``."""
    if not stamp:
        return "-"
    return stamp.replace("T", " ").replace("Z", " UTC")


def session_articles(articles: Sequence[Article]) -> tuple[SessionArticle, ...]:
    """Session records of loaded articles (path and text hash)."""
    return tuple(SessionArticle(a.path, text_sha256(a.text), a.id, a.label) for a in articles)


def merge_articles(
    saved: Sequence[SessionArticle], loaded: Sequence[Article]
) -> tuple[SessionArticle, ...]:
    """The session's articles after this run: those loaded, fresh, in the session's order, and
    those not found kept as they were (marked missing), so an article that was away once is
    never dropped; loaded articles the session did not have come last."""
    fresh = {item.path: item for item in session_articles(loaded)}
    merged: list[SessionArticle] = []
    for item in saved:
        if item.path in fresh:
            merged.append(fresh.pop(item.path))
        else:
            merged.append(replace(item, missing=True))
    merged.extend(fresh.values())
    return tuple(merged)


def check_articles(session: Session, articles: Sequence[Article]) -> list[ArticleNotice]:
    """Compare a session's articles with those loaded now: what is missing, what changed."""
    loaded = {a.path: text_sha256(a.text) for a in articles}
    notices: list[ArticleNotice] = []
    for item in session.articles:
        digest = loaded.get(item.path)
        if digest is None:
            notices.append(ArticleNotice(item, "missing"))
        elif item.sha256 and digest != item.sha256:
            notices.append(ArticleNotice(item, "changed"))
    return notices


def notes_for_run(session: Session, chosen: str | None, own: str) -> tuple[str, Session]:
    """Which notes file a run of ``session`` uses, and the session as it then records it.

    Called when the run starts, with ``chosen`` the ``--notes`` file, and again when the
    session is saved, with ``chosen`` the file the run ended up using (the app may have
    switched to a new one). A chosen file is always the run's. A named session keeps it, so
    reopening the session goes back to that file; without one it uses the file it recorded,
    else its own. The ``default`` session never keeps one: it always goes back to its own,
    so one ``reader --notes X`` does not send every later plain ``reader`` into X.

    Args:
        session: the session as opened (or as it is now, when saving).
        chosen: the notes file named for this run; None when none was.
        own: the session's own notes file (``SessionStore.default_notes_path``).

    Returns:
        The notes file of the run, and the session recording the notes file it keeps.
    """
    if session.name == DEFAULT_SESSION:
        session = replace(session, notes=own, keep_notes=False)
    elif chosen is not None and session.keep_notes:
        session = replace(session, notes=chosen)
    return chosen or session.notes or own, session


def _session_to_data(session: Session) -> dict[str, Any]:
    data: dict[str, Any] = {
        "schema_version": SESSION_SCHEMA_VERSION,
        "name": session.name,
        "created": session.created,
        "last_opened": session.last_opened,
        "notes": session.notes or "",
        "articles": [_article_to_data(a) for a in session.articles],
        "view": session.view.to_data(),
    }
    data.update({k: v for k, v in session.extra.items() if k not in data})
    return data


def _article_to_data(article: SessionArticle) -> dict[str, Any]:
    data: dict[str, Any] = {
        "path": article.path,
        "sha256": article.sha256,
        "id": article.id,
        "label": article.label,
    }
    if article.missing:
        data["missing"] = True
    return data


def _session_from_data(data: Any, source: str) -> Session:
    if not isinstance(data, dict):
        raise SessionError(f"{source}: not a session file")
    version = data.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise SessionError(f"{source}: schema_version must be a whole number, found {version!r}")
    if version > SESSION_SCHEMA_VERSION:
        raise SessionError(
            f"{source}: schema_version {version} was written by a newer reader (this one reads "
            f"up to {SESSION_SCHEMA_VERSION})"
        )
    articles: list[SessionArticle] = []
    for i, item in enumerate(data.get("articles") or []):
        if not isinstance(item, dict) or not isinstance(item.get("path"), str):
            raise SessionError(f"{source}: articles[{i}] needs a path")
        articles.append(
            SessionArticle(
                item["path"],
                str(item.get("sha256") or ""),
                str(item.get("id") or ""),
                str(item.get("label") or ""),
                item.get("missing") is True,
            )
        )
    known = {"schema_version", "name", "created", "last_opened", "notes", "articles", "view"}
    return Session(
        name=str(data.get("name") or Path(source).stem),
        articles=tuple(articles),
        notes=str(data["notes"]) if data.get("notes") else None,
        view=ViewState.from_data(data.get("view")),
        created=str(data.get("created") or ""),
        last_opened=str(data.get("last_opened") or ""),
        extra={k: v for k, v in data.items() if k not in known},
    )


class SessionStore:
    """Saves, loads and lists sessions under ``root/sessions``.

    Args:
        root: the data folder (``tui.commands.common.data_dir(option)``; a tmp folder in tests).
        clock: gives "now" for created/last-opened times.
    """

    def __init__(self, root: Path | str, clock: Clock = utc_now) -> None:
        self.root = Path(root)
        self.folder = self.root / "sessions"
        self.clock = clock

    def path_for(self, name: str) -> Path:
        """The session file of ``name``."""
        return self.folder / f"{check_session_name(name)}.yaml"

    def default_notes_path(self, name: str) -> Path:
        """The session's own notes file, used unless ``--notes`` names another."""
        return self.folder / f"{check_session_name(name)}{NOTES_SUFFIX}.yaml"

    def exists(self, name: str) -> bool:
        """Whether a session of this name was saved, or something else (a folder) sits where
        its file goes: either way it is never taken for a new session and saved over."""
        return self.path_for(name).exists()

    def new(
        self, name: str, articles: Sequence[Article], notes: Path | str | None = None
    ) -> Session:
        """A fresh session (not saved yet) for these articles."""
        now = format_time(self.clock())
        return Session(
            name=check_session_name(name),
            articles=session_articles(articles),
            notes=str(notes) if notes else str(self.default_notes_path(name)),
            created=now,
            last_opened=now,
        )

    def save(self, session: Session, *, make_last: bool = True) -> Session:
        """Write the session (atomically) and, by default, make it the one ``--resume`` opens.

        Returns:
            The session as saved (``last_opened`` set to now).

        Raises:
            SessionError: a file of that name exists but cannot be read as a session: it is
                never overwritten (it may hold a hand edit gone wrong, or a newer version's
                session), whoever asks.
            StorageError: the file could not be written.
        """
        saved = replace(session, last_opened=format_time(self.clock()))
        if not saved.created:
            saved = replace(saved, created=saved.last_opened)
        path = self.path_for(saved.name)
        problem = self.unreadable(saved.name)
        if problem:
            raise SessionError(f"{problem}; {path.name} is left as it is")
        atomic_write_text(path, dump_yaml(_session_to_data(saved)))
        if make_last:
            atomic_write_text(self.folder / "last", saved.name + "\n", backup=False)
        return saved

    def load(self, name: str) -> Session:
        """Read a saved session.

        Raises:
            SessionError: no such session, or the file is unreadable.
        """
        path = self.path_for(name)
        if not path.exists():
            raise SessionError(f"no session named {name!r} (in {self.folder})")
        if not path.is_file():
            what = "is a folder" if path.is_dir() else "is not a regular file"
            raise SessionError(f"{path}: {what} where the session file goes")
        try:
            return _session_from_data(_read_session(path), str(path))
        except SessionError:
            raise
        except StorageError as exc:
            raise SessionError(str(exc)) from exc

    def unreadable(self, name: str) -> str | None:
        """Why the saved session ``name`` cannot be read (with the line, when YAML says it),
        or None when it reads fine or was never saved."""
        try:
            self.load(name)
        except StorageError as exc:
            return None if not self.path_for(name).exists() else str(exc)
        return None

    def unused_name(self, name: str) -> str:
        """A name for saving ``name`` anew beside its unreadable file: ``NAME.new``, then
        ``NAME.new-2``...; valid, and never that of an existing session file."""
        stem = check_session_name(name)
        number = 1
        while True:
            suffix = ".new" if number == 1 else f".new-{number}"
            candidate = stem[: 64 - len(suffix)] + suffix
            if not self.path_for(candidate).exists():
                return candidate
            number += 1

    def last_name(self) -> str | None:
        """Name of the session ``--resume`` reopens, or None."""
        try:
            name = read_text(self.folder / "last").strip()
        except StorageError:
            return None
        return name if name and _NAME.match(name) and self.exists(name) else None

    def resume(self) -> Session:
        """The last session.

        Raises:
            SessionError: there is none to resume.
        """
        name = self.last_name()
        if name is None:
            raise SessionError(f"no session to resume (in {self.folder})")
        return self.load(name)

    def names(self) -> list[str]:
        """The names of the saved sessions (readable or not), sorted."""
        if not self.folder.is_dir():
            return []
        return sorted(
            path.stem
            for path in self.folder.glob("*.yaml")
            if not path.name.lower().endswith(f"{NOTES_SUFFIX}.yaml")
        )

    def close_names(self, name: str) -> list[str]:
        """Saved sessions whose name is close to ``name`` (a typo, another case), closest
        first: what ``--session`` on a new name was perhaps meant to open."""
        return close_names(name, self.names())

    def list(self) -> list[SessionSummary]:
        """Every saved session, most recently opened first; unreadable ones are listed too."""
        if not self.folder.is_dir():
            return []
        last = self.last_name()
        rows: list[SessionSummary] = []
        for path in sorted(self.folder.glob("*.yaml")):
            if path.name.lower().endswith(f"{NOTES_SUFFIX}.yaml"):
                continue
            name = path.stem
            if path.is_dir():  # said as loading it would say it
                problem = f"{path}: is a folder where the session file goes"
                rows.append(SessionSummary(name, 0, None, "", name == last, problem))
                continue
            try:
                session = _session_from_data(_read_session(path), str(path))
            except StorageError as exc:
                rows.append(SessionSummary(name, 0, None, "", name == last, str(exc)))
                continue
            rows.append(
                SessionSummary(
                    name,
                    len(session.articles),
                    _count_notes(session.notes),
                    session.last_opened,
                    name == last,
                )
            )
        rows.sort(key=lambda r: (r.last_opened, r.name), reverse=True)
        return rows

    def delete(self, name: str) -> None:
        """Remove a session file (its notes file is kept: notes are never deleted for you)."""
        path = self.path_for(name)
        if not path.is_file():
            raise SessionError(f"no session named {name!r}")
        path.unlink()


def close_names(name: str, names: Sequence[str], limit: int = 3) -> list[str]:
    """Those of ``names`` close to ``name``, closest first (case ignored), at most ``limit``."""
    by_folded: dict[str, str] = {}
    for known in names:
        by_folded.setdefault(known.casefold(), known)
    folded = name.casefold()
    close = difflib.get_close_matches(folded, list(by_folded), n=limit, cutoff=0.6)
    close += [k for k in by_folded if (folded in k or k in folded) and k not in close]
    return [by_folded[k] for k in close if by_folded[k] != name][:limit]


def _read_session(path: Path) -> Any:
    return load_yaml(path, MAX_SESSION_BYTES, "session file")


def _count_notes(notes_path: str | None) -> int | None:
    if not notes_path:
        return None
    from tui.core.notes import MAX_NOTES_BYTES, parse_document  # only to count the notes

    try:
        text = read_text(notes_path, MAX_NOTES_BYTES, "notes file")
        return len(parse_document(text, notes_path).annotations)
    except StorageError:
        return None
