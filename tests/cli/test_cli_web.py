"""``reader https://...``: fetch and extract a page served on 127.0.0.1, never the internet."""

from __future__ import annotations

import contextlib
import http.server
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.corpus import load_paths
from tui.core.model import Article
from tui.core.web import WebError, fetch_url

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
    with serving(partial(QuietHandler, directory=str(tmp_path))) as base:
        yield base


@contextlib.contextmanager
def serving(handler: Callable[..., http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve ``handler`` on a free port of 127.0.0.1 (never the internet); the base URL."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True  # a handler still trickling bytes does not hold the shutdown
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


# --- hostile servers: other schemes, loops, pages that never end ---------------------------


class TrickHandler(http.server.BaseHTTPRequestHandler):
    """Redirects elsewhere, in circles, or answers a few bytes at a time."""

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output clean."""

    def redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def drip(self, data: bytes) -> None:
        """13 bytes a second: never slow enough for a per-read timeout."""
        for start in range(0, len(data), 13):
            try:
                self.wfile.write(data[start : start + 13])
                self.wfile.flush()
            except OSError:
                return  # the client gave up
            time.sleep(1.0)

    def do_GET(self) -> None:
        routes = {
            "/to-ftp": lambda: self.redirect("ftp://127.0.0.1/page.html"),
            "/hop": lambda: self.redirect("/to-ftp"),
            "/to-file": lambda: self.redirect("file:///etc/passwd"),
            "/loop": lambda: self.redirect("/loop"),
            "/round-a": lambda: self.redirect("/round-b"),
            "/round-b": lambda: self.redirect("/round-a"),
            "/drip-body": self.drip_body,
            "/drip-headers": self.drip_headers,
        }
        routes[self.path]()

    def drip_body(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.drip(b"<html><body><p>" + b"Slow news. " * 200 + b"</p></body></html>")

    def drip_headers(self) -> None:
        self.drip(b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nX-Slow: " + b"a" * 400)


@pytest.fixture
def tricks() -> Iterator[str]:
    with serving(TrickHandler) as base:
        yield base


@pytest.mark.parametrize(
    ("path", "where"),
    [
        ("/to-ftp", "ftp://127.0.0.1/page.html"),
        ("/hop", "ftp://127.0.0.1/page.html"),  # at the second hop too
        ("/to-file", "file:///etc/passwd"),
    ],
)
def test_redirects_lead_to_http_pages_only(tricks: str, path: str, where: str) -> None:
    result = load_paths([f"{tricks}{path}"])
    scheme = where.split(":")[0]
    assert result.errors == (
        f"{tricks}{path}: redirected to {where}: only http and https pages are fetched, "
        f"not {scheme}",
    )


@pytest.mark.parametrize("path", ["/loop", "/round-a"])
def test_a_redirect_loop_is_one_line(
    tricks: str,
    path: str,
    capsys: pytest.CaptureFixture[str],
    fake_ui: list[tuple[Article, ...]],
) -> None:
    assert main([f"{tricks}{path}"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert err.startswith(f"reader: {tricks}{path}: redirect loop: the server kept redirecting")


def test_a_scheme_other_than_http_is_refused_before_any_traffic() -> None:
    with pytest.raises(WebError, match="only http and https pages are fetched, not ftp"):
        fetch_url("ftp://127.0.0.1/page.html", 1000)


@pytest.mark.parametrize("path", ["/drip-body", "/drip-headers"])
def test_a_page_that_trickles_in_is_given_up_at_the_deadline(tricks: str, path: str) -> None:
    started = time.monotonic()
    with pytest.raises(WebError) as caught:
        fetch_url(f"{tricks}{path}", 5_000_000, timeout=5.0, deadline=1.5)
    took = time.monotonic() - started
    assert str(caught.value) == "the page took longer than 1.5 s to download; gave up"
    assert took < 2.5, f"took {took:.1f} s"
