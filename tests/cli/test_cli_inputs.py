"""``reader PATH...``: every bad input gives one clear stderr line and a non-zero status."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.corpus import MAX_FILE_BYTES
from tui.core.model import Article


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    status = main(argv)
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return status, err.splitlines()


def write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return write(tmp_path / "good.txt", "Russia said it would scale back around Kyiv.")


# --- a single bad input: one line, status 1, the UI never starts -------------------------


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \r\n\n\t", "contains only whitespace"),
        ("image.txt", b"\x00\x01\x02\x00PNG", "not a text file (binary data)"),
        ("paper.txt", b"%PDF-1.4\n", "not a text file (looks like a PDF document)"),
        ("meta.md", b"---\ntitle: x\n---\n", "has front matter but no article text"),
    ],
)
def test_bad_file_alone(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    fake_ui: list[tuple[Article, ...]],
    name: str,
    data: bytes,
    reason: str,
) -> None:
    path = write(tmp_path / name, data)
    assert run([str(path)], capsys) == (1, [f"reader: {path}: {reason}"])
    assert fake_ui == []


def test_missing_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_ui: list[tuple[Article, ...]]
) -> None:
    missing = tmp_path / "nope.txt"
    assert run([str(missing)], capsys) == (1, [f"reader: {missing}: no such file or folder"])


def test_folder_without_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_ui: list[tuple[Article, ...]]
) -> None:
    write(tmp_path / "picture.png", b"\x89PNG\r\n")
    status, lines = run([str(tmp_path)], capsys)
    assert (status, lines) == (
        1,
        [f"reader: {tmp_path}: no readable text in folder (no .txt, .md or .html files)"],
    )


def test_file_over_the_size_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_ui: list[tuple[Article, ...]]
) -> None:
    big = write(tmp_path / "big.txt", b"a" * (MAX_FILE_BYTES + 1))
    status, lines = run([str(big)], capsys)
    assert (status, lines) == (
        1,
        [f"reader: {big}: file is too large (5.0 MB; the limit is 5 MB)"],
    )


def test_permission_denied(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    fake_ui: list[tuple[Article, ...]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = write(tmp_path / "secret.txt", "Hidden.")

    def deny(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", deny)
    assert run([str(path)], capsys) == (1, [f"reader: {path}: cannot read (permission denied)"])


def test_several_bad_inputs_each_get_a_line_then_a_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_ui: list[tuple[Article, ...]]
) -> None:
    empty = write(tmp_path / "empty.txt", b"")
    missing = tmp_path / "gone.md"
    status, lines = run([str(empty), str(missing)], capsys)
    assert status == 1
    assert lines == [
        f"reader: {missing}: no such file or folder",
        f"reader: {empty}: empty file",
        "reader: no article could be opened",
    ]


# --- one bad input among good ones: reported, skipped, the rest open ---------------------


def test_bad_file_among_good_ones_is_skipped(
    tmp_path: Path,
    good: Path,
    capsys: pytest.CaptureFixture[str],
    fake_ui: list[tuple[Article, ...]],
) -> None:
    binary = write(tmp_path / "scan.txt", b"\x00\x00\x00\x01")
    status, lines = run([str(binary), str(good)], capsys)
    assert status == 0
    assert lines == [f"reader: {binary}: not a text file (binary data); skipped"]
    assert [a.id for a in fake_ui[0]] == ["good"]


def test_non_utf8_opens_with_a_warning(
    inputs: Path, capsys: pytest.CaptureFixture[str], fake_ui: list[tuple[Article, ...]]
) -> None:
    path = inputs / "cp1252.txt"
    status, lines = run([str(path)], capsys)
    assert status == 0
    assert lines == [f"reader: {path}: not UTF-8; decoded as Windows-1252 (cp1252)"]
    assert "café" in fake_ui[0][0].text


def test_duplicate_paths_open_once(
    good: Path, capsys: pytest.CaptureFixture[str], fake_ui: list[tuple[Article, ...]]
) -> None:
    status, lines = run([str(good), str(good)], capsys)
    assert status == 0
    assert lines == [f"reader: {good}: named more than once; opened once"]
    assert len(fake_ui[0]) == 1


def test_no_argument_opens_the_five_seeds(
    capsys: pytest.CaptureFixture[str], fake_ui: list[tuple[Article, ...]]
) -> None:
    assert run([], capsys) == (0, [])
    articles = fake_ui[0]
    assert [a.id[:3] for a in articles] == ["000", "001", "002", "003", "004"]
    # seeds/metadata.yaml names the outlets, so pane headers say who is speaking
    assert [a.label for a in articles] == [
        "CBC News",
        "Global News",
        "RFE/RL repost",
        "RFE/RL",
        "ITV News",
    ]


def test_html_without_the_web_extra_names_the_extra(
    inputs: Path,
    capsys: pytest.CaptureFixture[str],
    fake_ui: list[tuple[Article, ...]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # makes the import fail
    page = inputs / "page.html"
    assert run([str(page)], capsys) == (
        1,
        [f"reader: {page}: reading web pages needs the 'web' extra: "
         "pip install 'accounts-reader[web]'"],
    )  # fmt: skip


# --- the real command, in a subprocess -------------------------------------------------


def reader(
    *args: str, timeout: float = 60, data_dir: Path | None = None
) -> subprocess.CompletedProcess[str]:
    # /dev/null by default: a command that should not touch the data folder cannot.
    env = {**os.environ, "READER_DATA_DIR": str(data_dir or os.devnull)}
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )


def test_subprocess_bad_input_is_one_line_without_traceback(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    done = reader(str(missing), data_dir=tmp_path / "data")  # a data folder that may exist
    assert done.returncode == 1
    assert done.stderr == f"reader: {missing}: no such file or folder\n"
    assert done.stdout == ""


@pytest.mark.parametrize("flag", ["--help", "--version"])
def test_help_and_version_do_not_import_textual(flag: str) -> None:
    code = (
        "import sys\n"
        "from tui.cli import main\n"
        "try:\n"
        f"    main([{flag!r}])\n"
        "except SystemExit as exc:\n"
        "    assert exc.code == 0, exc.code\n"
        "print('textual' in sys.modules, 'rich' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.splitlines()[-1] == "False False"


def test_version_answers() -> None:
    done = reader("--version")
    assert done.returncode == 0
    assert done.stdout.startswith("reader ")
