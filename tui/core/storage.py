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
import os
import re
import stat
import tempfile
from collections.abc import Sequence
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


def read_text(path: Path | str) -> str:
    """Read a UTF-8 text file; OS and decoding errors become one clear :class:`StorageError`."""
    target = Path(path)
    try:
        return target.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise StorageError(f"{target}: not UTF-8 text (byte {exc.start})") from exc
    except OSError as exc:
        raise StorageError(f"could not read {target}: {exc.strerror or exc}") from exc


SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML was built with it (about 10x faster), else the pure one."""


def parse_yaml(text: str, source: str = "<text>") -> Any:
    """Parse one YAML document with the safe loader.

    Raises:
        UnsafeYaml: the document carries Python tags (``!!python/object/apply:os.system``...).
        YamlProblem: the document does not parse; the message gives the line.
    """
    try:
        return yaml.load(text, Loader=SAFE_LOADER)
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


def load_yaml(path: Path | str) -> Any:
    """Read and safely parse a YAML file (see :func:`parse_yaml`)."""
    return parse_yaml(read_text(path), str(path))


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
