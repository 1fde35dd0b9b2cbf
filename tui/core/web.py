"""Web pages as articles: extract the story from HTML, fetch a page by URL.

Extraction uses trafilatura, the reference extractor, which is an optional
dependency (the ``web`` extra) so a plain install stays small. Without it,
HTML inputs fail with one line naming the extra to install.
"""

from __future__ import annotations

import logging
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from typing import Any
from urllib.parse import urlsplit

from tui.core.model import ArticleMeta

WEB_EXTRA_INSTALL = "pip install 'accounts-reader[web]'"
FETCH_TIMEOUT_S = 20.0
_USER_AGENT = "accounts-reader (+https://pypi.org/project/accounts-reader/)"


class WebError(Exception):
    """A web page that cannot become an article; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class ExtractedPage:
    """The article body and metadata found in a web page."""

    text: str
    meta: ArticleMeta


def is_url(name: str) -> bool:
    """Whether a command-line argument names a web page rather than a file."""
    return name.lower().startswith(("http://", "https://"))


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


def fetch_url(url: str, max_bytes: int, timeout: float = FETCH_TIMEOUT_S) -> tuple[bytes, str]:
    """Download a page (at most ``max_bytes``); return its bytes and the final URL.

    The extra is checked first, so a missing extra is reported before any
    network traffic.

    Raises:
        WebError: on a missing extra, a network or HTTP error, or a page over the limit.
    """
    _import_trafilatura()
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            kind = _content_type(response.headers)
            if kind and "html" not in kind and not kind.startswith("text/"):
                raise WebError(f"not a web page (content type {kind})")
            data: bytes = response.read(max_bytes + 1)
            final_url: str = response.geturl()
    except urllib.error.HTTPError as exc:
        raise WebError(f"the server answered {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise WebError(f"cannot fetch: {exc.reason}") from None
    except (TimeoutError, OSError) as exc:
        raise WebError(f"cannot fetch: {exc}") from None
    if len(data) > max_bytes:
        raise WebError(f"page is larger than the {max_bytes / 1_000_000:g} MB limit")
    return data, final_url


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
