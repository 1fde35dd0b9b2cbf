"""Loading articles from files, folders and web pages into the model.

Every input either becomes an :class:`Article` or one line in
``LoadResult.errors``; one bad file never stops the others. Text is decoded
as UTF-8 (a BOM is honoured), falling back to Windows-1252 or Latin-1 with a
warning. Newlines are normalised to ``\\n`` before anything else, so sentence
offsets always index ``Article.text`` exactly.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.controls import drop_control_sequences, strip_controls
from tui.core.frontmatter import meta_from_mapping, split_front_matter
from tui.core.furniture import LineKind, classify_lines
from tui.core.link_cards import drop_link_cards
from tui.core.model import Article, ArticleMeta, Sentence, is_url
from tui.core.segment import split_spans
from tui.core.storage import LINK_LOOP, StorageError, is_link_loop, load_yaml
from tui.core.text import counted, cut_on_word

if TYPE_CHECKING:  # the web module (http, ssl, email) loads only for a page
    from tui.core.web import ExtractedPage

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MAX_FILE_BYTES = 5_000_000
"""Largest file or page we open: a long article is 50 kB; 5 MB leaves room for saved HTML."""
MAX_LABEL = 16
SIDECAR_NAME = "metadata.yaml"

_DATE_MARKER = re.compile(r"\A\s*date (\d{4}-\d{2}-\d{2})\s+")
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+", re.MULTILINE)
_NAMED_FILE = re.compile(r"^(?P<num>\d+(?:[-_.]\d+)*)[_-](?P<rest>.+)$")
_HASHY = re.compile(r"[_-]?(?=[A-Za-z0-9]*\d)[A-Za-z0-9]{10,}$")
_BINARY_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/EPUB file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
)


class LoadError(Exception):
    """A file that cannot be opened as an article; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class LoadResult:
    """Articles that loaded, and one-line errors for the inputs that did not."""

    articles: tuple[Article, ...]
    errors: tuple[str, ...]
    notices: tuple[str, ...] = ()
    """Harmless things worth a line (an input named twice, opened once)."""


def make_article(
    article_id: str,
    path: str,
    text: str,
    meta: ArticleMeta | None = None,
    *,
    label: str = "",
    warnings: Sequence[str] = (),
) -> Article:
    """Build an article from its body text: date marker, sentences, furniture, label.

    ``text`` may still carry CRLF newlines or a BOM; both are normalised here
    so that the sentence offsets index the returned ``Article.text``.
    """
    meta = _clean_meta(meta or ArticleMeta())
    text, controls = drop_control_sequences(normalise_newlines(text).lstrip("\ufeff"))
    if controls:  # one line per article, however many there were
        warnings = [
            *warnings,
            f"{counted(controls, 'terminal control sequence')} in the text "
            "(colour codes, title or clipboard changes), dropped",
        ]
    text, cards = drop_link_cards(text)
    if cards:
        warnings = [
            *warnings,
            f"{counted(cards, 'link card')} glued into the text (a name's latest headlines, "
            "up to MORE), dropped",
        ]
    match = _DATE_MARKER.match(text)
    if match:
        text = text[match.end() :]
        if not meta.published:
            meta = replace(meta, published=match.group(1))
    text = text.strip()
    sentences = segment_article(text)
    if not meta.title:
        meta = replace(meta, title=_title_from(sentences))
    return Article(
        id=strip_controls(article_id, keep="") or "article",
        path=path,
        label=shorten(strip_controls(label or meta.source or label_from_name(path), keep="")),
        text=text,
        meta=meta,
        sentences=tuple(sentences),
        warnings=tuple(warnings),
    )


def _clean_meta(meta: ArticleMeta) -> ArticleMeta:
    """Title, outlet, URL and date without control characters: they are shown and exported."""
    return replace(
        meta,
        title=strip_controls(meta.title, keep=""),
        source=strip_controls(meta.source, keep=""),
        url=strip_controls(meta.url, keep=""),
        published=strip_controls(meta.published, keep=""),
    )


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF (offsets are then taken on the result)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def segment_article(text: str) -> list[Sentence]:
    """Split a body into sentences with paragraph numbers and line-level flags.

    Each non-blank line is a paragraph; furniture and heading verdicts belong
    to the line, so every sentence of a furniture line is furniture.
    """
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    verdicts = classify_lines([text[s:e] for s, e in lines])
    starts = [s for s, _ in lines]
    sentences: list[Sentence] = []
    for start, end in split_spans(text):
        line = max(bisect.bisect_right(starts, start) - 1, 0)
        kind = verdicts[line].kind if verdicts else LineKind.BODY
        sentences.append(
            Sentence(
                index=len(sentences),
                start=start,
                end=end,
                text=text[start:end],
                paragraph=line,
                furniture=kind is LineKind.FURNITURE,
                heading=kind is LineKind.HEADING,
            )
        )
    return sentences


def load_paths(paths: Sequence[str | Path], *, max_bytes: int = MAX_FILE_BYTES) -> LoadResult:
    """Load every article named by ``paths``: files, folders (sorted) or http(s) URLs.

    Bad inputs become one-line errors (``"PATH: reason"``) and are skipped.
    """
    errors: list[str] = []
    notices: list[str] = []
    sources = _expand(paths, errors, notices)
    sidecars: dict[Path, dict[str, ArticleMeta]] = {}
    loaded: list[Article] = []
    for source in sources:
        try:
            if isinstance(source, str):
                loaded.append(_load_url(source, max_bytes))
            else:
                side = _sidecar(source.parent, sidecars, notices).get(source.name)
                loaded.append(_load_file(source, max_bytes, side))
        except LoadError as exc:
            errors.append(f"{source}: {exc}")
    return LoadResult(_unique(loaded), tuple(errors), tuple(notices))


def _expand(paths: Sequence[str | Path], errors: list[str], notices: list[str]) -> list[Path | str]:
    """Turn arguments into an ordered list of files and URLs, each once."""
    sources: list[Path | str] = []
    seen: set[Path | str] = set()

    def add(source: Path | str, shown: str) -> None:
        key = source if isinstance(source, str) else _identity(source)
        if key in seen:
            notices.append(f"{shown}: named more than once; opened once")
            return
        seen.add(key)
        sources.append(source)

    for raw in paths:
        if raw == "":  # Path("") is the current folder: an unset "$FILE" must not open it
            errors.append("'': empty path (no file or folder named)")
            continue
        if isinstance(raw, str) and is_url(raw):
            add(raw, raw)
            continue
        path = Path(raw)
        if path.is_dir():
            files = _folder_files(path, errors)
            for file in files:
                add(file, str(file))
        elif path.is_file():
            add(path, str(path))
        elif path.exists():
            errors.append(f"{path}: not a regular file or folder")
        elif is_link_loop(path):
            errors.append(f"{path}: {LINK_LOOP}")
        elif path.is_symlink():
            errors.append(f"{path}: broken link (its target does not exist)")
        else:
            errors.append(f"{path}: no such file or folder")
    return sources


def _folder_files(folder: Path, errors: list[str]) -> list[Path]:
    """Article files directly in ``folder``, sorted; other files are ignored silently."""
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        errors.append(f"{folder}: cannot list folder ({_reason(exc)})")
        return []
    files = [
        p
        for p in entries
        if not p.name.startswith(".")
        and p.suffix.lower() in TEXT_SUFFIXES + HTML_SUFFIXES
        and p.is_file()
    ]
    if not files:
        errors.append(f"{folder}: no readable text in folder (no .txt, .md or .html files)")
    return files


def _identity(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


def _load_file(path: Path, max_bytes: int, sidecar: ArticleMeta | None) -> Article:
    data = _read_bytes(path, max_bytes)
    text, warnings = decode_text(data)
    if not text.strip():
        raise LoadError("contains only whitespace")
    if path.suffix.lower() in HTML_SUFFIXES or _looks_like_html(text):
        page = _extract_html(text)
        return make_article(
            path.stem, str(path), page.text, _merge(sidecar, page.meta), warnings=warnings
        )
    front = split_front_matter(normalise_newlines(text).lstrip("\ufeff"))
    if front.warning:
        warnings = [*warnings, front.warning]
    if not front.body.strip():
        raise LoadError("has front matter but no article text")
    meta = _merge(sidecar, front.meta)
    body = front.body
    if path.suffix.lower() in (".md", ".markdown"):
        body = _MD_HEADING.sub("", body)  # "## Cross-head" reads as the cross-head
    return make_article(path.stem, str(path), body, meta, warnings=warnings)


def _load_url(url: str, max_bytes: int) -> Article:
    from tui.core.web import WebError, fetch_url  # http, ssl, email: only to fetch a page

    try:
        data, final_url = fetch_url(url, max_bytes)
    except WebError as exc:
        raise LoadError(str(exc)) from None
    page = _extract_html(data, url=final_url)
    return make_article(_id_from_url(final_url), url, page.text, page.meta)


def _extract_html(html: str | bytes, url: str | None = None) -> ExtractedPage:
    from tui.core.web import WebError, extract_html

    try:
        return extract_html(html, url=url)
    except WebError as exc:
        raise LoadError(str(exc)) from None


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise LoadError(
                f"file is too large ({size / 1_000_000:.1f} MB; "
                f"the limit is {max_bytes / 1_000_000:g} MB)"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(f"cannot read ({_reason(exc)})") from None
    if not data:
        raise LoadError("empty file")
    return data


def decode_text(data: bytes) -> tuple[str, list[str]]:
    """Decode file bytes as text; fall back from UTF-8 with a warning, refuse binary data.

    UTF-16 without a byte-order mark is recognised and read (with a warning); a few stray NUL
    bytes in otherwise plain text are dropped with a warning rather than refusing the file.

    Raises:
        LoadError: when the bytes are not text (images, PDFs, programs...).
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError:
            raise LoadError("not a text file (broken UTF-16)") from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            raise LoadError(f"not a text file (looks like {what})")
    warnings: list[str] = []
    nuls = data.count(0)
    if nuls:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        rest = data.replace(b"\x00", b"")
        if nuls > max(len(data) // 100, 2) or _control_bytes(rest[:8192]):
            # many zeros, or zeros among other control bytes: binary, not a stray NUL
            raise LoadError("not a text file (binary data)")
        data = rest
        warnings.append(f"{counted(nuls, 'NUL byte')} (binary zero) in the text, dropped")
    if _looks_binary(data[:8192]):
        raise LoadError("not a text file (binary data)")
    try:
        return data.decode("utf-8"), warnings
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), [*warnings, "not UTF-8; decoded as Windows-1252 (cp1252)"]
    except UnicodeDecodeError:
        return data.decode("latin-1"), [*warnings, "not UTF-8; decoded as Latin-1 (ISO-8859-1)"]


def _utf16_without_bom(data: bytes) -> tuple[str, list[str]] | None:
    """UTF-16 text saved without its byte-order mark, or None.

    Mostly-Latin UTF-16 has a zero in every other byte, on one side only; it is taken as such
    when it also decodes cleanly to printable text (binary data rarely does both).
    """
    if len(data) < 4 or len(data) % 2:
        return None
    head = data[:8192]
    pairs = len(head) // 2
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd >= pairs * 0.3 and even <= pairs * 0.02:
        codec, order = "utf-16-le", "little-endian"
    elif even >= pairs * 0.3 and odd <= pairs * 0.02:
        codec, order = "utf-16-be", "big-endian"
    else:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    sample = text[:4096]
    printable = sum(1 for ch in sample if ch.isprintable() or ch in "\t\n\r\f\v")
    if "\x00" in text or printable < len(sample) * 0.98:
        return None
    return text, [f"UTF-16 without a byte-order mark; read as UTF-16 ({order})"]


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        return True
    return _control_bytes(head) > max(len(head) // 20, 2)


_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f\v\x1b")


def _control_bytes(head: bytes) -> int:
    """Bytes no text file holds (layout characters and ESC aside)."""
    return len(head) - len(head.translate(None, _CONTROL_BYTES))


def _looks_like_html(text: str) -> bool:
    start = text.lstrip("\ufeff \t\r\n")[:200].lower()
    return start.startswith(("<!doctype html", "<html"))


def _sidecar(
    folder: Path, cache: dict[Path, dict[str, ArticleMeta]], notices: list[str]
) -> dict[str, ArticleMeta]:
    """Per-file metadata from a ``metadata.yaml`` beside the articles, if any.

    The format is ``articles: [{file: NAME, outlet: ..., title: ..., date: ..., url: ...}]``
    (the shape of the bundled robustness corpora); an unreadable sidecar is
    reported once and ignored.
    """
    if folder in cache:
        return cache[folder]
    cache[folder] = {}
    path = folder / SIDECAR_NAME
    if not path.is_file():
        return cache[folder]
    try:
        data = load_yaml(path)
    except StorageError:
        notices.append(f"{path}: unreadable metadata file; ignored")
        return cache[folder]
    entries = data.get("articles") if isinstance(data, dict) else None
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("file"), str):
            fields = {k: v for k, v in entry.items() if k not in ("file", "origin")}
            cache[folder][entry["file"]] = meta_from_mapping(fields)
    return cache[folder]


def _merge(base: ArticleMeta | None, over: ArticleMeta | None) -> ArticleMeta | None:
    """Fields from ``over`` win; empty ones fall back to ``base``."""
    if base is None or over is None:
        return over or base
    return ArticleMeta(
        title=over.title or base.title,
        source=over.source or base.source,
        url=over.url or base.url,
        published=over.published or base.published,
        extra={**base.extra, **over.extra},
    )


def _title_from(sentences: Sequence[Sentence]) -> str:
    """The first line when it is a headline, else the opening sentence, shortened."""
    first = next((s for s in sentences if not s.furniture), None)
    if first is None:
        return ""
    return shorten(first.text, 80)


def label_from_name(path: str) -> str:
    """A pane label from a file name: "01_fox-online-news_oeyiv…" gives "fox online news".

    Leading numbers and trailing hash-like ids are dropped when words remain;
    a name that is only a number and a hash ("000_1839c884…") keeps the number.
    """
    stem = Path(path).stem if not is_url(path) else _id_from_url(path)
    match = _NAMED_FILE.match(stem)
    number, rest = (match.group("num"), match.group("rest")) if match else ("", stem)
    words = _HASHY.sub("", rest).replace("_", " ").replace("-", " ").strip()
    if re.search(r"[^\W\d_]", words):
        return words
    return number if number and not words else stem


def shorten(text: str, limit: int = MAX_LABEL) -> str:
    """Cut ``text`` to ``limit`` characters (a label by default), between words, marking the
    cut with "…"."""
    return cut_on_word(text, limit)


def _unique(articles: list[Article]) -> tuple[Article, ...]:
    """Make ids and labels unique within the corpus by numbering repeats."""
    ids: set[str] = set()
    labels: set[str] = set()
    result: list[Article] = []
    for article in articles:
        new_id = _numbered(article.id, ids, sep="-", limit=None)
        new_label = _numbered(article.label, labels, sep=" ", limit=MAX_LABEL)
        result.append(replace(article, id=new_id, label=new_label))
    return tuple(result)


def _numbered(name: str, taken: set[str], sep: str, limit: int | None) -> str:
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        suffix = f"{sep}{n}"
        # Cut between words ("the washington 2", "fox online… 2"), never inside one: the
        # label may itself be a cut one ("the washington…"), its words end where it does.
        base = name if limit is None else shorten(name.removesuffix("…"), limit - len(suffix))
        candidate = base + suffix
    taken.add(candidate)
    return candidate


def _id_from_url(url: str) -> str:
    """A short stable id for a page: host and last path segment, e.g. "cbc.ca-talks"."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    host = (parts.hostname or "web").removeprefix("www.")
    segment = next((s for s in reversed(parts.path.split("/")) if s), "")
    segment = re.sub(r"\.(html?|php|aspx?)$", "", segment)
    slug = re.sub(r"[^A-Za-z0-9]+", "-", segment).strip("-")[:32]
    return f"{host}-{slug}" if slug else host


def _reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or str(exc)
