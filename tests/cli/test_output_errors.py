"""Where the headless commands write: a closed pipe, a full disk, a bad ``-o`` path.

``reader align | head`` is ordinary use and must end quietly; a full disk or a bad output path
is one ``reader: ...`` line. Never a traceback.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.anchoring import target_for_sentence
from tui.core.corpus import make_article
from tui.core.notes_store import NotesStore


def commands(notes: Path) -> list[list[str]]:
    return [["align"], ["export", str(notes)], ["sessions"]]


def reader(argv: list[str], tmp_path: Path, stdout: int) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "READER_DATA_DIR": str(tmp_path / "data")}
    return subprocess.run(
        [sys.executable, "-m", "tui", *argv],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        timeout=120,
    )


def test_closed_pipe_ends_quietly(tmp_path: Path, notes_file: Path) -> None:
    """As ``reader align | head -0``: the reader stopped reading, nothing to report."""
    for argv in commands(notes_file):
        read_end, write_end = os.pipe()
        os.close(read_end)
        try:
            result = reader(argv, tmp_path, write_end)
        finally:
            os.close(write_end)
        assert (argv, result.returncode, result.stderr) == (argv, 141, "")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_full_disk_is_one_line(tmp_path: Path, notes_file: Path) -> None:
    for argv in commands(notes_file):
        with open("/dev/full", "w") as full:
            result = reader(argv, tmp_path, full.fileno())
        assert (argv, result.returncode) == (argv, 1)
        assert result.stderr == "reader: cannot write to standard output: No space left on device\n"


def test_broken_pipe_in_process_returns_141_silently(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    class ClosedPipe:
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self) -> None:
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert main(["sessions", "--data-dir", str(tmp_path)]) == 141
    assert capsys.readouterr().err == ""


def test_align_output_folder_is_checked_before_the_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The missing article would fail the load: the output path is refused before loading."""
    target = tmp_path / "reprots" / "a.json"
    assert main(["align", str(tmp_path / "missing.txt"), "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"reader: {target}: the folder {target.parent} does not exist (reader creates no folders)\n"
    )
    assert not target.parent.exists()


def test_align_output_that_is_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["align", "-o", str(tmp_path)]) == 1
    assert (
        capsys.readouterr().err
        == f"reader: {tmp_path}: is a folder; give the name of a file to write\n"
    )


@pytest.mark.parametrize("command", [["align"], ["export", "{notes}"]])
def test_empty_output_name_is_refused_not_stdout(
    notes_file: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    argv = [arg.format(notes=notes_file) for arg in command]
    assert main([*argv, "-o", ""]) == 2
    out, err = capsys.readouterr()
    assert (out, err) == ("", "reader: -o: empty file name\n")


def test_empty_notes_argument_to_export(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", ""]) == 2
    assert capsys.readouterr().err == "reader: NOTES.yaml: empty file name\n"


@pytest.mark.parametrize("command", [["align"], ["export", "{notes}"]])
def test_unwritable_output_folder_is_one_line(
    notes_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    """Permission bits cannot deny root (these tests may run as root): deny the write itself."""

    def deny(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tui.core.storage.tempfile.mkstemp", deny)
    target = tmp_path / "report.out"
    argv = [arg.format(notes=notes_file) for arg in command]
    assert main([*argv, "-o", str(target)]) == 1
    out, err = capsys.readouterr()
    assert (out, err) == ("", f"reader: could not write {target}: Permission denied\n")
    assert not target.exists()


SEEDS = Path(__file__).parent.parent.parent / "seeds"


@pytest.mark.parametrize("unbuffered", ["1", ""])
def test_output_cut_short_by_head_exits_141_quietly(
    tmp_path: Path, notes_file: Path, unbuffered: str
) -> None:
    """``reader align | head -c 10`` in a real shell: the output (well over a pipe's 64 KiB) is
    cut short, so the status is 141 and nothing is said, unbuffered stdout included (where a
    short write used to be dropped silently and the status was 0)."""
    rain = make_article("w", "/n/w.txt", "Rain fell.")
    NotesStore(notes_file).add(
        "note", [target_for_sentence(rain, rain.sentences[0])], comment="word " * 40_000
    )
    sessions = tmp_path / "data" / "sessions"
    sessions.mkdir(parents=True)
    for number in range(1_500):
        name = f"session-{number:04d}-" + "x" * 48
        (sessions / f"{name}.yaml").write_text(f"schema_version: 1\nname: {name}\n")
    env = {**os.environ, "READER_DATA_DIR": str(tmp_path / "data"), "PYTHONUNBUFFERED": unbuffered}
    for argv in (["align", str(SEEDS)], ["export", str(notes_file)], ["sessions"]):
        command = shlex.join([sys.executable, "-m", "tui", *argv])
        script = f'{command} 2>"$ERR" | head -c 10 >/dev/null; echo "${{PIPESTATUS[0]}}"'
        err = tmp_path / "stderr"
        result = subprocess.run(
            ["bash", "-c", script],
            capture_output=True,
            text=True,
            env={**env, "ERR": str(err)},
            timeout=120,
        )
        assert (argv, result.stdout.strip(), err.read_text()) == (argv, "141", "")
