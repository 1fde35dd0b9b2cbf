"""Writing a command's result to ``-o FILE`` or standard output, failing in one clear line.

The ``-o`` path is checked before any work or write, by the same rules as the app's Export
dialog (:mod:`tui.core.output_path`): no folder is ever created, and a folder given where a file
is meant, or a file where a folder is meant, is one clear line.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tui.commands.common import CliError
from tui.core.output_path import output_path_problem
from tui.core.storage import StorageError, atomic_write_text


def output_option(value: str | None) -> Path | None:
    """``-o FILE`` as a path (None: standard output); an empty FILE is a usage mistake.

    Raises:
        CliError: ``-o ""`` (an unset shell variable, typically), which would mean the
            current folder, not standard output.
    """
    if value == "":
        raise CliError("-o: empty file name", 2)
    return None if value is None else Path(value)


def check_output_file(path: Path) -> None:
    """Refuse an output path that names a folder or whose folder does not exist.

    Raises:
        CliError: ``path`` is a folder, or its folder is missing or is a file
            (:func:`tui.core.output_path.output_path_problem` gives the words).
    """
    problem = output_path_problem(path)
    if problem:
        raise CliError(problem)


def write_output(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically (never half a file), after the checks above.

    An existing file keeps its permissions; a symlink stays a link and its target is replaced;
    a FIFO, a device or ``/dev/stdout`` is written in place, as a shell's ``>`` would (see
    :func:`tui.core.storage.atomic_write_bytes`), so a full device is one line.

    Raises:
        CliError: the path is refused (see :func:`check_output_file`) or the write failed.
    """
    check_output_file(path)
    try:
        atomic_write_text(path, text, backup=False)
    except StorageError as exc:
        raise CliError(str(exc)) from exc


def write_stdout(text: str) -> None:
    """Write ``text`` to standard output; a closed pipe or a full disk is not a traceback.

    ``reader align | head`` closes the pipe early: that is the reader's choice, so the exit is
    quiet (status 141, as if killed by SIGPIPE). Any other failure is one line.

    Raises:
        CliError: standard output could not be written.
    """
    try:
        _write_all(text)
    except BrokenPipeError:
        _discard_stdout()
        raise CliError("", 141) from None
    except OSError as exc:
        _discard_stdout()
        raise CliError(f"cannot write to standard output: {exc.strerror or exc}") from None


def _write_all(text: str) -> None:
    """Write every byte of ``text`` or raise.

    ``TextIOWrapper.write`` ignores a short write of its raw stream: with unbuffered stdout
    (``PYTHONUNBUFFERED``, ``python -u``) a pipe closed mid-write returns the bytes taken so
    far, the rest is silently dropped and the exit status says all went well. Writing the
    bytes ourselves, until none is left, turns the closed pipe into ``BrokenPipeError``.
    """
    stream = sys.stdout
    binary = getattr(stream, "buffer", None)
    if binary is None:  # not backed by a file (a test's StringIO): nothing can be cut short
        stream.write(text)
        stream.flush()
        return
    stream.flush()
    data = memoryview(text.encode(stream.encoding or "utf-8", stream.errors or "strict"))
    while data:
        written = binary.write(data)
        data = data[written or 0 :]
    binary.flush()


def _discard_stdout() -> None:
    """Point stdout at the null device, so the flush at exit does not fail a second time."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a real file (a test's capture): nothing will be flushed at exit
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)
