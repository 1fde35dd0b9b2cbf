"""Atomic file writes and safe YAML: the two things that keep a reader's notes from being lost.

A write goes to a temporary file in the same folder, is flushed and fsynced, then renamed over
the target, so a crash or ``kill -9`` at any moment leaves either the old file or the new one,
never half of each. The previous version is kept as ``NAME.bak``.

YAML is read with the safe loader only; anything that would build Python objects is refused
with a message that names the file and line.
"""

from __future__ import annotations

import contextlib
import os
import re
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


def _write_replace(path: Path, data: bytes) -> None:
    """Temp file in the same folder, write, flush, fsync, ``os.replace``."""
    folder = path.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            # mkstemp creates 0600; a notes file is an ordinary document.
            os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_directory(folder)


def atomic_write_bytes(path: Path | str, data: bytes, *, backup: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically, keeping the old content as ``NAME.bak``.

    Args:
        path: the file to write; its folder is created if missing.
        data: the complete new content.
        backup: keep the version being replaced in ``NAME.bak`` (itself written atomically).

    Raises:
        StorageError: the folder or file could not be written (permissions, disk full...).
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if backup and target.is_file():
            previous = target.read_bytes()
            if previous != data:
                _write_replace(backup_path(target), previous)
        _write_replace(target, data)
    except OSError as exc:
        raise StorageError(f"could not write {target}: {exc.strerror or exc}") from exc


def atomic_write_text(path: Path | str, text: str, *, backup: bool = True) -> None:
    """Text (UTF-8) version of :func:`atomic_write_bytes`."""
    atomic_write_bytes(path, text.encode("utf-8"), backup=backup)


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
