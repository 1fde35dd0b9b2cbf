"""``export -o`` / ``align -o`` on what is not a plain new file: a symlink, a FIFO, a device,
standard output, or an existing file with its own permissions.

A symlink stays a link (its target gets the report), a FIFO or device is written in place
rather than swapped for a regular file, and a private file stays private.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tui.cli import main


def test_export_through_a_symlink_writes_its_target(notes_file: Path, tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old report\n")
    link = tmp_path / "link.md"
    link.symlink_to("real.md")
    assert main(["export", str(notes_file), "-o", str(link)]) == 0
    assert link.is_symlink() and os.readlink(link) == "real.md"
    assert "toll" in real.read_text()


def test_align_through_a_symlink_writes_its_target(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("{}\n")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert main(["align", "-o", str(link)]) == 0
    assert link.is_symlink() and '"pairs"' in real.read_text()


def test_export_keeps_a_private_file_private(notes_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    out.write_text("old\n")
    out.chmod(0o600)
    assert main(["export", str(notes_file), "-o", str(out)]) == 0
    assert "toll" in out.read_text() and stat.S_IMODE(out.stat().st_mode) == 0o600


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_export_to_a_fifo_writes_into_it(notes_file: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []

    def drain() -> None:
        with open(fifo, "rb") as handle:
            got.append(handle.read())

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    assert main(["export", str(notes_file), "--format", "csv", "-o", str(fifo)]) == 0
    reader.join(timeout=10)
    assert len(got) == 1 and b"toll" in got[0]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.parametrize("via_link", [False, True], ids=["proc-fd", "link-to-proc-fd"])
def test_export_to_standard_output_by_name(
    notes_file: Path, tmp_path: Path, via_link: bool
) -> None:
    """``-o /dev/stdout`` is ``/proc/self/fd/1``: the report goes down the pipe. (The real
    ``/dev/stdout`` is never used in a test: a regression run as root would replace it.)"""
    target = "/proc/self/fd/1"
    if not Path("/proc/self/fd").is_dir():
        pytest.skip("no /proc here")
    if via_link:
        link = tmp_path / "stdout"
        link.symlink_to(target)
        target = str(link)
    env = {**os.environ, "READER_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run(
        [sys.executable, "-m", "tui", "export", str(notes_file), "-o", target],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert "toll" in done.stdout
    if via_link:
        assert Path(target).is_symlink()


def test_full_device_is_one_line(
    notes_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A private node of /dev/full's kind in tmp_path (root only), never the real one."""
    if not Path("/dev/full").is_char_device():
        pytest.skip("/dev/full is not a character device here")
    node = tmp_path / "full"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.stat("/dev/full").st_rdev)
        with open(node, "wb", buffering=0) as handle:
            handle.write(b"x")
    except OSError as exc:
        if exc.errno != 28:
            pytest.skip(f"cannot use a device node here: {exc}")
    assert main(["export", str(notes_file), "-o", str(node)]) == 1
    assert capsys.readouterr().err == f"reader: could not write {node}: No space left on device\n"
    assert stat.S_ISCHR(node.lstat().st_mode)
