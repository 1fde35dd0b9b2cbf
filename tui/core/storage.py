"""Atomic file writes and safe YAML: the two things that keep a reader's notes from being lost.

A write goes to a temporary file in the same folder, is flushed and fsynced, then renamed over
the target, so a crash or ``kill -9`` at any moment leaves either the old file or the new one,
never half of each. The previous version is kept as ``NAME.bak``; the new file keeps the old
one's permissions, a symlink stays a link (its target is replaced) and a FIFO or device is
written in place.

YAML is read with the safe loader only; anything that would build Python objects is refused
with a message that names the file and line.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import os
import re
import stat
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import yaml

BACKUP_SUFFIX = ".bak"


class StorageError(Exception):
    """A file could not be read, parsed or written; the message is fit to show a person."""


class YamlProblem(StorageError):
    """A YAML document that does not parse; ``line`` is 1-based when known."""

    def __init__(self, source: str, line: int | None, detail: str) -> None:
        where = f"{source}, line {line}" if line else source
        super().__init__(f"{where}: {detail}")
        self.source = source
        self.line = line
        self.detail = detail


class UnsafeYaml(YamlProblem):
    """A YAML document carrying tags (``!!python/object`` ...) that would run or build code."""


def backup_path(path: Path) -> Path:
    """Where the previous version of ``path`` is kept: ``NAME.bak`` beside it."""
    return path.with_name(path.name + BACKUP_SUFFIX)


def _fsync_directory(folder: Path) -> None:
    """Make the rename itself durable (POSIX); silently skipped where folders can't be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _umask() -> int:
    """The process umask, read without changing it where Linux allows (threads may be creating
    files meanwhile); elsewhere set and restored at once."""
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status") as status:
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _file_stat(path: Path) -> os.stat_result | None:
    """``os.stat`` of ``path`` (links followed), or None when there is nothing there."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None


def _write_replace(path: Path, data: bytes, *, like: os.stat_result | None = None) -> None:
    """Temp file in the same folder, write, flush, fsync, ``os.replace``.

    The new file takes the permissions (and, where allowed, owner and group) of ``like``, else
    of the file it replaces, so a private ``chmod 600`` notes file stays private and a
    read-only one stays read-only; a new file gets the umask default, as any new file would.
    """
    folder = path.parent
    model = like if like is not None else _file_stat(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if model is None:
            os.chmod(tmp_name, 0o666 & ~_umask())  # mkstemp made it 0600
        else:
            if (model.st_uid, model.st_gid) != (os.getuid(), os.getgid()):
                with contextlib.suppress(OSError):  # only root (or a member, for the group)
                    os.chown(tmp_name, model.st_uid, model.st_gid)
            os.chmod(tmp_name, stat.S_IMODE(model.st_mode))
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_directory(folder)


def _temp_names(name: str) -> re.Pattern[str]:
    """The temporary files :func:`atomic_write_bytes` makes for ``name`` and its backup:
    ``.NAME.`` (or ``.NAME.bak.``), mkstemp's eight random characters, ``.tmp``."""
    return re.compile(rf"\.{re.escape(name)}(?:{re.escape(BACKUP_SUFFIX)})?\.[a-z0-9_]{{8}}\.tmp")


def stale_temps(path: Path | str) -> list[Path]:
    """The temporary files of our own naming that writes of ``path`` left beside the file they
    replace (``kill -9`` between creating one and renaming it)."""
    target = _atomic_destination(Path(path))
    if target is None:
        return []
    pattern = _temp_names(target.name)
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return []
    return [
        Path(entry.path)
        for entry in entries
        if pattern.fullmatch(entry.name) and entry.is_file(follow_symlinks=False)
    ]


def remove_stale_temps(path: Path | str) -> int:
    """Remove :func:`stale_temps` of ``path``; returns how many went.

    The caller makes sure no write of ``path`` is under way (the notes store holds its lock).
    """
    removed = 0
    for temp in stale_temps(path):
        with contextlib.suppress(OSError):
            temp.unlink()
            removed += 1
    return removed


def _through_proc(path: Path) -> bool:
    """Whether ``path``'s chain of symlinks passes through ``/proc`` (``/dev/stdout`` is
    ``/proc/self/fd/1``): such a "link" is an open file of this process, not a name to
    replace."""
    current = Path(os.path.abspath(path))
    for _ in range(40):  # the kernel's own limit on a chain of links
        if current.parts[1:2] == ("proc",):
            return True
        try:
            hop = os.readlink(current)
        except OSError:
            return False
        current = Path(os.path.realpath(current.parent), hop)
    return False


def _atomic_destination(path: Path) -> Path | None:
    """The regular file an atomic write of ``path`` must replace, or None to write in place.

    A symlink is written through: the file at the end of the chain is replaced (at its real
    path), the link stays a link. A FIFO, a device (``/dev/null``, ``/dev/full``), a socket or
    ``/dev/stdout`` is not a document to replace by rename: it is written in place, as a
    shell's ``>`` would.
    """
    found = _file_stat(path)
    if found is not None and not stat.S_ISREG(found.st_mode):
        return None
    if not path.is_symlink():
        return path
    if _through_proc(path):
        return None
    return Path(os.path.realpath(path))


def _write_in_place(path: Path, data: bytes) -> None:
    """Open the existing (non-regular) file and write every byte; a full device raises."""
    fd = os.open(path, os.O_WRONLY | os.O_TRUNC | getattr(os, "O_NOCTTY", 0))
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def _worth_keeping(previous: bytes) -> bool:
    """Whether a version may become ``NAME.bak``: an emptied file (0 bytes, or only blanks,
    as a bad editor save or ``: > FILE`` leaves) never replaces the last good backup."""
    return bool(previous.strip())


def atomic_write_bytes(
    path: Path | str, data: bytes, *, backup: bool = True, backup_data: bytes | None = None
) -> None:
    """Replace ``path`` with ``data`` atomically, keeping the old content as ``NAME.bak``.

    A symlink is written through to its target (replaced atomically at its real path, with the
    ``.bak`` beside it); a FIFO or device file is written in place, without temp file, rename
    or backup. The file keeps its permissions (a new one gets the umask default).

    Args:
        path: the file to write; its folder is created if missing.
        data: the complete new content.
        backup: keep the version being replaced in ``NAME.bak`` (itself written atomically,
            with the file's permissions). A blank version is never kept: the ``.bak`` stays
            the last version with something in it.
        backup_data: what to keep in ``NAME.bak`` instead of the file on disk, when the caller
            knows the disk holds no good version (a notes file emptied under the app).

    Raises:
        StorageError: the folder or file could not be written (permissions, disk full...).
    """
    given = Path(path)
    try:
        given.parent.mkdir(parents=True, exist_ok=True)
        target = _atomic_destination(given)
        if target is None:
            _write_in_place(given, data)
            return
        current = _file_stat(target)
        if backup:
            previous = backup_data
            if previous is None and current is not None:
                previous = target.read_bytes()
            if previous is not None and previous != data and _worth_keeping(previous):
                _write_replace(backup_path(target), previous, like=current)
        _write_replace(target, data, like=current)
    except OSError as exc:
        raise StorageError(f"could not write {given}: {exc.strerror or exc}") from exc


def keep_backup(path: Path | str, data: bytes) -> None:
    """Make ``NAME.bak`` hold ``data`` (a version the caller knows to be good), leaving the file
    itself alone; nothing is written when the backup already holds it or ``data`` is blank.

    Raises:
        StorageError: the backup could not be written.
    """
    given = Path(path)
    try:
        target = _atomic_destination(given)
        if target is None or not _worth_keeping(data):
            return
        backup = backup_path(target)
        if backup.is_file() and backup.read_bytes() == data:
            return
        _write_replace(backup, data, like=_file_stat(target))
    except OSError as exc:
        raise StorageError(f"could not write {backup_path(given)}: {exc.strerror or exc}") from exc


def atomic_write_text(
    path: Path | str, text: str, *, backup: bool = True, backup_data: bytes | None = None
) -> None:
    """Text (UTF-8) version of :func:`atomic_write_bytes`."""
    atomic_write_bytes(path, text.encode("utf-8"), backup=backup, backup_data=backup_data)


LINK_LOOP = "symlink loop (its links lead back to each other, to no file)"
"""What to say of a path whose symlinks go round in circles."""


def is_link_loop(path: Path | str) -> bool:
    """Whether following ``path`` goes round in circles (``Path.exists`` just says False, and
    ``Path.resolve`` raises RuntimeError)."""
    try:
        os.stat(path)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


class TooLarge(StorageError):
    """A file over the size limit for its kind; refused before it is read."""


def check_size(path: Path | str, size: int, limit: int | None, what: str = "file") -> None:
    """Refuse ``size`` bytes of ``path`` when over ``limit`` (None: no limit).

    Raises:
        TooLarge: one line naming the file, its size and the limit.
    """
    if limit is not None and size > limit:
        raise TooLarge(
            f"{path}: too large for a {what} ({size / 1_000_000:.1f} MB; "
            f"the limit is {limit / 1_000_000:g} MB)"
        )


def read_text(path: Path | str, limit: int | None = None, what: str = "file") -> str:
    """Read a UTF-8 text file; OS and decoding errors become one clear :class:`StorageError`.

    With ``limit``, a file larger than that many bytes is refused (:class:`TooLarge`) unread;
    ``what`` names its kind in the message ("notes file").
    """
    target = Path(path)
    try:
        if limit is None:
            return target.read_text(encoding="utf-8")
        with target.open("rb") as stream:  # a FIFO has no size: read one byte past the limit
            check_size(target, os.fstat(stream.fileno()).st_size, limit, what)
            data = stream.read(limit + 1)
        check_size(target, len(data), limit, what)
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise StorageError(f"{target}: not UTF-8 text (byte {exc.start})") from exc
    except OSError as exc:
        raise StorageError(f"could not read {target}: {exc.strerror or exc}") from exc


SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML was built with it (about 10x faster), else the pure one."""


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for a burst of allocations that make no cycles.

    Why (measured, 2-core machine): PyYAML builds a node tree and then the plain data, some
    million small objects for a notes file of 10,000 annotations (13 MB), and the collector
    runs over the growing heap again and again while it does: parsing took 12.1 s with it and
    2.2 s without (1,000 annotations: 0.7 s and 0.2 s). Reference counting still frees
    everything; whatever cycle a parse leaves is collected once the collector runs again.

    Process-wide, like the collector itself: a pause started while another thread has one
    ends that one early (costing it time, never memory or correctness).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def parse_yaml(text: str, source: str = "<text>") -> Any:
    """Parse one YAML document with the safe loader.

    Raises:
        UnsafeYaml: the document carries Python tags (``!!python/object/apply:os.system``...).
        YamlProblem: the document does not parse; the message gives the line.
    """
    try:
        with collector_paused():
            return _load_plain(text)
    except yaml.constructor.ConstructorError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        problem = exc.problem or "unsupported YAML"
        if "python/" in problem or "!!python" in problem:
            raise UnsafeYaml(
                source,
                line,
                "refused: it carries a Python object tag (!!python/...), which could run code; "
                "only plain YAML is accepted",
            ) from exc
        raise YamlProblem(source, line, problem) from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        detail = " ".join(part for part in (exc.context, exc.problem) if part) or "invalid YAML"
        raise YamlProblem(source, line, f"not valid YAML ({detail})") from exc
    except yaml.YAMLError as exc:
        raise YamlProblem(source, None, f"not valid YAML ({exc})") from exc


class _NotPlain(Exception):
    """A document the fast path leaves to PyYAML's own loader (aliases, tags, merge keys)."""


_STR_TAG = "tag:yaml.org,2002:str"


def _load_plain(text: str) -> Any:
    """``yaml.load(text, Loader=SAFE_LOADER)``, faster and smaller for plain documents.

    PyYAML composes the whole node tree before it builds any data: for a notes file of 10,000
    annotations (13 MB) that took 2.7 s and about 500 MB. Built straight from the parser's
    events it takes 1.0 s and holds only the data (the same loader resolves and constructs
    every scalar, so the result is the same). Anything beyond plain mappings, sequences and
    scalars (an alias, an explicit tag, a merge key, a complex key, a second document) or any
    error goes to PyYAML's loader, which gives its usual result or its usual error.
    """
    try:
        return _build_from_events(text)
    except Exception:  # PyYAML decides: the same result, or the same error, as before
        return yaml.load(text, Loader=SAFE_LOADER)


def _build_from_events(text: str) -> Any:
    events = yaml.events
    loader: Any = SAFE_LOADER(text)  # the stubs leave its event API untyped
    try:
        get_event, resolve = loader.get_event, loader.resolve
        constructors = loader.yaml_constructors
        get_event()  # stream start
        if isinstance(get_event(), events.StreamEndEvent):
            return None  # no document at all: an empty file
        stack: list[dict[Any, Any] | list[Any]] = []
        keys: list[tuple[Any] | None] = []  # per open mapping: its key waiting for a value
        root: Any = None
        while True:
            event = get_event()
            kind = type(event)
            if kind is events.ScalarEvent:
                if event.tag not in (None, "!") or event.anchor is not None:
                    raise _NotPlain
                tag = resolve(yaml.ScalarNode, event.value, event.implicit)
                if tag == _STR_TAG:
                    value: Any = event.value
                else:  # int, float, bool, null, timestamp; a merge key has no constructor
                    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark)
                    value = constructors[tag](loader, node)
            elif kind is events.MappingStartEvent or kind is events.SequenceStartEvent:
                if event.tag not in (None, "!") or event.anchor is not None:
                    raise _NotPlain
                stack.append({} if kind is events.MappingStartEvent else [])
                keys.append(None)
                continue
            elif kind is events.MappingEndEvent or kind is events.SequenceEndEvent:
                value = stack.pop()
                if keys.pop() is not None:
                    raise _NotPlain
            elif kind is events.DocumentEndEvent:
                break
            else:  # an alias
                raise _NotPlain
            if not stack:
                root = value
                continue
            top = stack[-1]
            if isinstance(top, list):
                top.append(value)
            elif keys[-1] is None:
                if isinstance(value, dict | list):
                    raise _NotPlain  # a complex key: PyYAML refuses or builds it
                keys[-1] = (value,)
            else:
                top[keys[-1][0]] = value
                keys[-1] = None
        if not isinstance(get_event(), events.StreamEndEvent):
            raise _NotPlain  # a second document: PyYAML's error says so
        return root
    finally:
        loader.dispose()


def load_yaml(path: Path | str, limit: int | None = None, what: str = "file") -> Any:
    """Read and safely parse a YAML file (see :func:`parse_yaml`; ``limit``: :func:`read_text`)."""
    return parse_yaml(read_text(path, limit, what), str(path))


class _BlockDumper(yaml.SafeDumper):
    """Safe dumper that writes multi-line strings as ``|`` block scalars, readable in diffs."""


_ODD_BREAKS = re.compile("[\r\x85\u2028\u2029]")


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if _ODD_BREAKS.search(value):
        # NEL, LS, PS and CR are line breaks to a YAML reader; only escapes preserve them.
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    if "\n" in value:
        # Block scalars only where they read well; edge whitespace would need indentation
        # indicators (``|2-``), so such text (quote context) is written double-quoted.
        clean_edges = value == value.strip() and "\r" not in value
        style = "|" if clean_edges else '"'
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_BlockDumper.add_representer(str, _represent_str)


def dump_yaml(data: Any) -> str:
    """Deterministic, human-readable YAML: keys in given order, unicode kept, block scalars."""
    return yaml.dump(
        data,
        Dumper=_BlockDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
        indent=2,
    )


def line_of(text: str, path: Sequence[str | int]) -> int | None:
    """1-based line of the node reached by ``path`` (mapping keys, sequence indexes) in ``text``.

    Used to say *where* a schema problem is; returns the deepest line found, or None when the
    text does not compose.
    """
    try:
        node: yaml.Node | None = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    if node is None:
        return None
    line = node.start_mark.line + 1
    for step in path:
        child: yaml.Node | None = None
        if isinstance(node, yaml.MappingNode) and isinstance(step, str):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value == step:
                    child = value
                    scalar = isinstance(value, yaml.ScalarNode)
                    line = (value if scalar else key).start_mark.line + 1
                    break
        elif (
            isinstance(node, yaml.SequenceNode)
            and isinstance(step, int)
            and 0 <= step < len(node.value)
        ):
            child = node.value[step]
            line = child.start_mark.line + 1
        if child is None:
            return line
        node = child
    return line
