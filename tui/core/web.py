"""Web pages as articles: extract the story from HTML, fetch a page by URL.

Extraction uses trafilatura, the reference extractor, which is an optional
dependency (the ``web`` extra) so a plain install stays small. Without it,
HTML inputs fail with one line naming the extra to install.
"""

from __future__ import annotations

import contextlib
import http.client
import logging
import socket
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from typing import Any
from urllib.parse import urljoin, urlsplit

from tui.core.model import ArticleMeta

WEB_EXTRA_INSTALL = "pip install 'accounts-reader[web]'"
FETCH_TIMEOUT_S = 20.0
"""Longest wait for any one network operation (connecting, a read)."""
FETCH_DEADLINE_S = 30.0
"""Longest a whole fetch may take: a server sending a few bytes a second never trips the
per-read timeout, and held reader for minutes."""
FETCHED_SCHEMES = ("http", "https")
_CHUNK = 65536
_USER_AGENT = "accounts-reader (+https://pypi.org/project/accounts-reader/)"


class WebError(Exception):
    """A web page that cannot become an article; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class ExtractedPage:
    """The article body and metadata found in a web page."""

    text: str
    meta: ArticleMeta


def extract_html(html: str | bytes, url: str | None = None) -> ExtractedPage:
    """Extract the article text (one paragraph per line) and metadata from a page.

    Raises:
        WebError: when the ``web`` extra is missing or the page holds no article text.
    """
    trafilatura = _import_trafilatura()
    # trafilatura logs extraction trouble as warnings; without a handler Python
    # would print them raw on stderr, breaking the one-line-per-problem rule.
    logging.getLogger("trafilatura").addHandler(logging.NullHandler())
    logging.getLogger("trafilatura").propagate = False
    document: Any = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    text = (getattr(document, "text", None) or "").strip()
    if not text:
        raise WebError("no article text found in the page")
    meta = ArticleMeta(
        title=_field(document, "title"),
        source=_field(document, "sitename") or _host(_field(document, "url") or url or ""),
        url=_field(document, "url") or (url or ""),
        published=_field(document, "date"),
        extra={
            key: value
            for key in ("author", "description", "hostname")
            if (value := _field(document, key))
        },
    )
    return ExtractedPage(text, meta)


def fetch_url(
    url: str,
    max_bytes: int,
    timeout: float = FETCH_TIMEOUT_S,
    deadline: float = FETCH_DEADLINE_S,
) -> tuple[bytes, str]:
    """Download a page (at most ``max_bytes``); return its bytes and the final URL.

    The extra is checked first, so a missing extra is reported before any network traffic.
    Only http and https are fetched, at every redirect too. ``timeout`` bounds each network
    operation, ``deadline`` the whole fetch (seconds).

    Raises:
        WebError: on a missing extra, another scheme, a network or HTTP error, a redirect
            loop, a page over the limit, or a fetch that took longer than ``deadline``.
    """
    _import_trafilatura()
    _check_scheme(url, url)
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
    sockets = _Sockets()
    opener = urllib.request.build_opener(
        _HTTPHandler(sockets), _HTTPSHandler(sockets), _RedirectHandler()
    )
    finished = threading.Event()
    threading.Thread(
        target=sockets.cut_at, args=(deadline, finished), name="reader-fetch-deadline", daemon=True
    ).start()
    started = time.monotonic()
    try:
        with opener.open(request, timeout=min(timeout, deadline)) as response:
            kind = _content_type(response.headers)
            if kind and "html" not in kind and not kind.startswith("text/"):
                raise WebError(f"not a web page (content type {kind})")
            data = _read_until(response, max_bytes + 1, started + deadline)
            final_url: str = response.geturl()
    except urllib.error.HTTPError as exc:
        if sockets.expired:
            raise _too_slow(deadline) from None
        if str(exc.msg).startswith(urllib.request.HTTPRedirectHandler.inf_msg):
            raise WebError(
                f"redirect loop: the server kept redirecting (gave up at {exc.url})"
            ) from None
        raise WebError(_one_line(f"the server answered {exc.code} {exc.reason}")) from None
    except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
        if sockets.expired:
            raise _too_slow(deadline) from None
        reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
        raise WebError(_one_line(f"cannot fetch: {reason}")) from None
    finally:
        finished.set()
    if sockets.expired or time.monotonic() - started > deadline:
        raise _too_slow(deadline)
    if len(data) > max_bytes:
        raise WebError(f"page is larger than the {max_bytes / 1_000_000:g} MB limit")
    return data, final_url


def _too_slow(deadline: float) -> WebError:
    return WebError(f"the page took longer than {deadline:g} s to download; gave up")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _check_scheme(url: str, shown: str) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in FETCHED_SCHEMES:
        raise WebError(f"{shown}: only http and https pages are fetched, not {scheme or 'this'}")


def _read_until(response: Any, limit: int, deadline: float) -> bytes:
    """Read the body, at most ``limit`` bytes, stopping at the deadline (``read`` would wait
    for a whole chunk, however slowly it comes)."""
    chunks: list[bytes] = []
    size = 0
    while size < limit and time.monotonic() < deadline:
        chunk: bytes = response.read1(min(_CHUNK, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


class _Sockets:
    """The sockets of one fetch, so the deadline can cut a read that is still waiting."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self.expired = False

    def connection(self, base: type[http.client.HTTPConnection]) -> Any:
        """``base`` (HTTP or HTTPS connection) recording its socket once connected (urllib
        drops the connection's own reference to it once the headers are in)."""
        track = self._track

        class Tracked(base):  # type: ignore[misc,valid-type]
            def connect(self) -> None:
                super().connect()
                track(self.sock)

        return Tracked

    def _track(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)

    def cut_at(self, deadline: float, finished: threading.Event) -> None:
        """Past the deadline (seconds from now), shut every socket so a blocked read returns
        at once; again every moment until the fetch is over (a socket still connecting, or
        one a redirect opens, is there a moment later)."""
        if finished.wait(deadline):
            return
        while not finished.is_set():
            with self._lock:
                self.expired = True
                for sock in self._sockets:
                    with contextlib.suppress(OSError):
                        sock.shutdown(socket.SHUT_RDWR)
            finished.wait(0.1)


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, sockets: _Sockets) -> None:
        super().__init__()
        self._sockets = sockets

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._sockets.connection(http.client.HTTPConnection), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, sockets: _Sockets) -> None:
        super().__init__()
        self._sockets = sockets

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._sockets.connection(http.client.HTTPSConnection), req)


class _RedirectHandler(urllib.request.HTTPRedirectHandler):
    """Follows redirects to http(s) pages only (urllib also follows ``ftp://``)."""

    def http_error_302(
        self,
        req: urllib.request.Request,
        fp: Any,
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
    ) -> Any:
        location = headers.get("location") or headers.get("uri")
        if location:
            target = urljoin(req.full_url, location)
            if urlsplit(target).scheme.lower() not in FETCHED_SCHEMES:
                fp.close()
                _check_scheme(target, f"redirected to {target}")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _import_trafilatura() -> Any:
    try:
        import trafilatura
    except ImportError:
        raise WebError(f"reading web pages needs the 'web' extra: {WEB_EXTRA_INSTALL}") from None
    return trafilatura


def _content_type(headers: Message) -> str:
    return (headers.get_content_type() if headers.get("Content-Type") else "").lower()


def _field(document: Any, name: str) -> str:
    value = getattr(document, name, None)
    return str(value).strip() if value else ""


def _host(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")
