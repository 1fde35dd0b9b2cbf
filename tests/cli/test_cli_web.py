"""``reader https://...``: fetch and extract a page served on 127.0.0.1, never the internet."""

from __future__ import annotations

import http.server
import shutil
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.corpus import load_paths
from tui.core.model import Article

pytest.importorskip("trafilatura", exc_type=ModuleNotFoundError)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output clean."""


@pytest.fixture
def server(inputs: Path, tmp_path: Path) -> Iterator[str]:
    """Serve the test inputs and a PNG on a free local port; yields the base URL."""
    for name in ("page.html", "front_matter.md"):
        shutil.copy(inputs / name, tmp_path / name)
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    handler = partial(QuietHandler, directory=str(tmp_path))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_url_is_fetched_and_extracted(server: str) -> None:
    result = load_paths([f"{server}/page.html"])
    assert result.errors == ()
    article = result.articles[0]
    assert article.path == f"{server}/page.html"
    assert article.id == "127.0.0.1-page"
    assert article.label == "Example News"
    assert article.meta.title == "Russia pledges to scale back around Kyiv"
    assert "Russia said on Tuesday it would drastically reduce" in article.text
    assert [s.text for s in article.sentences if s.furniture] == [
        "Story continues below advertisement"
    ]


def test_url_opens_in_the_ui_beside_a_file(
    server: str,
    inputs: Path,
    capsys: pytest.CaptureFixture[str],
    fake_ui: list[tuple[Article, ...]],
) -> None:
    assert main([f"{server}/page.html", str(inputs / "front_matter.md")]) == 0
    assert capsys.readouterr().err == ""
    assert [a.label for a in fake_ui[0]] == ["Example News", "Global News"]


def test_missing_page_is_one_line(
    server: str, capsys: pytest.CaptureFixture[str], fake_ui: list[tuple[Article, ...]]
) -> None:
    url = f"{server}/gone.html"
    assert main([url]) == 1
    assert capsys.readouterr().err == f"reader: {url}: the server answered 404 File not found\n"


def test_unreachable_server_is_one_line(
    capsys: pytest.CaptureFixture[str], fake_ui: list[tuple[Article, ...]]
) -> None:
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/page.html"
    assert main([url]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"reader: {url}: cannot fetch: ")
    assert err.count("\n") == 1 and "Traceback" not in err


def test_url_that_is_not_a_page_is_refused(
    server: str, capsys: pytest.CaptureFixture[str], fake_ui: list[tuple[Article, ...]]
) -> None:
    url = f"{server}/photo.png"
    assert main([url, f"{server}/page.html"]) == 0
    assert capsys.readouterr().err == (
        f"reader: {url}: not a web page (content type image/png); skipped\n"
    )
    assert [a.label for a in fake_ui[0]] == ["Example News"]


def test_page_over_the_limit_is_refused(server: str) -> None:
    result = load_paths([f"{server}/page.html"], max_bytes=100)
    assert result.errors == (f"{server}/page.html: page is larger than the 0.0001 MB limit",)
