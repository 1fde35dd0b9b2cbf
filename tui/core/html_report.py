"""A comparison as one self-contained HTML5 page: ``reader report`` and "Export HTML report".

Everything is inline: the style sheet (``report.css`` beside this module), no script, no font,
no image, and a Content-Security-Policy that forbids fetching anything or running a script,
so the page reads the same offline, from a mail attachment or a USB stick. The filters are
check boxes the style sheet reads (``:has()``); without them every row shows. Every text that
comes from an article, its metadata or the notes file goes through :func:`text` (escaped), and
a URL becomes a link only when it is http(s).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from importlib import resources
from urllib.parse import urlsplit

from tui import __version__
from tui.core.comparison import Comparison, Row
from tui.core.html_cells import cell_html
from tui.core.html_details import row_details, unplaced_notes
from tui.core.html_text import Mask, text
from tui.core.model import Article
from tui.core.text import counted, excerpt

STACKED_ABOVE = 8
"""More sources than this are not columns side by side (a row of 173 cells, nearly all gaps,
reads as nothing and weighs 100 MB): each row lists the sources that report it, one under
another, as on a phone. The app's table shows at most as many columns at once."""
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)
"""Nothing is fetched, nothing runs: even a markup mistake could not reach the network."""


def render_html(
    comparison: Comparison,
    *,
    mask: Mask | None = None,
    notes_name: str = "",
) -> str:
    """The page for ``comparison``.

    Args:
        comparison: what to show (``comparison.build_comparison``).
        mask: blind mode: applied to every text shown (``blind.Masker.mask``); the articles
            are expected to be blinded already (``blind.blind_articles``), so their metadata
            is empty and their labels are "Source A"…
        notes_name: the notes file's name, said under the title (empty: none).
    """
    articles = comparison.alignment.articles
    n = len(articles)
    head = f"{n} accounts compared" if n != 1 else "1 account"
    css = _style_sheet(stacked=n > STACKED_ABOVE)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="referrer" content="no-referrer">',
        f'<meta name="generator" content="reader {text(__version__)}">',
        f"<title>{text(head)}</title>",
        f"<style>\n{css}</style>",
        "</head>",
        f'<body class="{"blind" if mask else "named"}">',
        '<header class="page">',
        f"<h1>{text(head)}</h1>",
        f'<p class="made">{_made_line(comparison, notes_name, mask)}</p>',
        "</header>",
        *_summary(comparison, mask),
        *_filters(comparison),
        *_table(comparison, mask),
        *unplaced_notes(comparison, mask),
        *_legend(comparison),
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _style_sheet(stacked: bool) -> str:
    """The page's CSS: the stacked layout for phones, and for every width when ``stacked``."""
    folder = resources.files("tui.core")
    base = folder.joinpath("report.css").read_text(encoding="utf-8")
    rows = folder.joinpath("report-stacked.css").read_text(encoding="utf-8")
    return f"{base}\n@media (max-width: 44rem) {{\n{rows}}}\n" + (rows if stacked else "")


def _made_line(comparison: Comparison, notes_name: str, mask: Mask | None) -> str:
    alignment = comparison.alignment
    said = [
        f"Rows in the reading order of <strong>{text(alignment.articles[comparison.by].label)}"
        "</strong>",
        f"alignment threshold {alignment.threshold:g}",
    ]
    if notes_name:
        said.append(f"the reader's notes from <code>{text(notes_name, mask)}</code>")
    if mask:
        said.append("blind: outlets, titles, dates, URLs and authors hidden")
    return " · ".join(said) + f" · made by reader {text(__version__)}"


def _summary(comparison: Comparison, mask: Mask | None) -> Iterator[str]:
    s = comparison.summary
    n = len(s.sources)
    yield '<section id="summary" aria-labelledby="summary-title">'
    yield '<h2 id="summary-title">Summary</h2>'
    yield '<ul class="figures">'
    for key, figure, one, many in (
        ("sources", n, "source", "sources"),
        ("facts", s.facts, "fact (a row each)", "facts (a row each)"),
        ("in-all", s.in_all, f"fact in all {n} sources", f"facts in all {n} sources"),
        ("lacking", s.lacking, "fact some source lacks", "facts some source lacks"),
        ("confirmed", s.confirmed, "contradiction confirmed", "contradictions confirmed"),
        ("open", s.open, "⚑ contradiction open", "⚑ contradictions open"),
        ("compatible", s.compatible, "≈ compatible difference", "≈ compatible differences"),
        ("dismissed", s.dismissed, "candidate dismissed", "candidates dismissed"),
        ("annotations", s.annotations, "annotation", "annotations"),
    ):
        words = one if figure == 1 else many
        yield f'<li data-figure="{key}"><span class="figure">{figure}</span> {text(words)}</li>'
    yield "</ul>"
    yield '<ol class="sources">'
    for doc, (article, figures) in enumerate(
        zip(comparison.alignment.articles, s.sources, strict=True)
    ):
        share = f"{figures.matched / figures.body:.0%}" if figures.body else "0%"
        by = ' <span class="reading-badge">reading order</span>' if doc == comparison.by else ""
        yield f'<li id="source-{doc}">'
        yield f'<p class="outlet">{text(article.label)}{by}</p>'
        yield from _metadata(article, mask)
        data = (
            f'data-facts="{figures.facts}" data-matched="{figures.matched}" '
            f'data-body="{figures.body}" data-groups="{figures.grouped}" '
            f'data-unique="{figures.unique}"'
        )
        yield (
            f'<p class="covers" {data}>{text(counted(figures.facts, "fact"))} · '
            f"{figures.matched} of {text(counted(figures.body, 'body sentence'))} matched "
            f"({share}) · in {text(counted(figures.grouped, 'group'))} · "
            f"{figures.unique} with no match found ◦</p>"
        )
        yield "</li>"
    yield "</ol>"
    yield "</section>"


def _metadata(article: Article, mask: Mask | None) -> Iterator[str]:
    meta = article.meta
    if meta.title:
        yield f'<p class="title">{text(meta.title, mask)}</p>'
    said = []
    if meta.source and meta.source != article.label:
        said.append(text(meta.source, mask))
    if meta.published:
        said.append(f"<time>{text(meta.published, mask)}</time>")
    if meta.url:
        said.append(_url(meta.url, mask))
    if said:
        yield f'<p class="about">{" · ".join(said)}</p>'


def _url(url: str, mask: Mask | None) -> str:
    """A link for an http(s) URL; any other (``javascript:``, ``data:``) is shown as text."""
    parts = urlsplit(url.strip())
    if mask is None and parts.scheme.lower() in ("http", "https") and parts.hostname:
        shown = excerpt(parts.hostname.removeprefix("www.") + parts.path, 60)
        return (
            f'<a class="url" href="{text(url.strip())}" rel="noopener noreferrer nofollow">'
            f"{text(shown)}</a>"
        )
    return f'<span class="url">{text(excerpt(url, 80), mask)}</span>'


def _filters(comparison: Comparison) -> Iterator[str]:
    yield '<section id="filters" aria-label="Filters">'
    yield '<p class="filters"><span class="label">Show only:</span>'
    for key, words in (
        ("contradictions", "contradictions ⚑"),
        ("lacking", "facts some source lacks"),
        ("annotated", "annotated rows ✎"),
    ):
        yield (
            f'<label><input type="checkbox" id="only-{key}" name="only-{key}"> {text(words)}'
            "</label>"
        )
    yield "</p>"
    yield "</section>"


def _table(comparison: Comparison, mask: Mask | None) -> Iterator[str]:
    articles = comparison.alignment.articles
    yield '<main id="rows">'
    yield f'<table class="comparison" style="--sources: {len(articles)}">'
    if len(articles) <= STACKED_ABOVE:  # else each row names its sources, one under another
        yield from _column_heads(comparison, mask)
    yield "<tbody>"
    for row in comparison.rows:
        yield from _row(comparison, row, mask)
    yield "</tbody>"
    yield "</table>"
    # after the rows: a CSS counter counts the rows the filters let through
    yield (
        f'<p class="showing">Rows shown: <span class="count"></span> of {len(comparison.rows)}</p>'
    )
    yield "</main>"


def _column_heads(comparison: Comparison, mask: Mask | None) -> Iterator[str]:
    articles = comparison.alignment.articles
    yield "<thead><tr>"
    yield '<th scope="col" class="rowhead">#</th>'
    for doc, article in enumerate(articles):
        by = " reading" if doc == comparison.by else ""
        yield f'<th scope="col" class="source{by}">'
        yield f'<a href="#source-{doc}" class="outlet">{text(article.label)}</a>'
        if article.meta.published and not mask:
            yield f'<span class="date">{text(article.meta.published)}</span>'
        if article.meta.title and not mask:
            yield f'<span class="title">{text(excerpt(article.meta.title, 90))}</span>'
        if article.meta.url and not mask:
            yield _url(article.meta.url, mask)
        yield "</th>"
    yield "</tr></thead>"


def _row_classes(comparison: Comparison, row: Row) -> str:
    classes = ["row", row.kind]
    if row.contradiction:
        classes.append("contradiction")
    if len(row.sources) < len(comparison.alignment.articles):
        classes.append("lacking")
    if row.notes:
        classes.append("annotated")
    return " ".join(classes)


_KIND_WORDS = {
    "group": "",
    "matched": "matched elsewhere",
    "possible": "possible match",
    "unique": "unique",
    "heading": "heading",
}


def _row(comparison: Comparison, row: Row, mask: Mask | None) -> Iterator[str]:
    articles = comparison.alignment.articles
    n = len(articles)
    classes = _row_classes(comparison, row)
    badges = [f'<span class="where">{len(row.sources)} of {n}</span>']
    if row.contradiction:
        badges.append('<span class="glyph conflict" title="contradiction">⚑</span>')
    elif any(c.state != "dismissed" for c in row.candidates):
        badges.append('<span class="glyph compatible" title="compatible difference">≈</span>')
    if row.kind == "unique":
        badges.append(
            '<span class="glyph unique" title="no match found in the other sources">◦</span>'
        )
    if row.notes:
        badges.append('<span class="glyph noted" title="annotated">✎</span>')
    if row.linked_by_reader:
        badges.append('<span class="glyph linked" title="linked by the reader">⇔</span>')
    yield f'<tr id="r{row.number}" class="{classes}">'
    yield (
        f'<th scope="row" class="rowhead"><a href="#r{row.number}">{row.number}</a> '
        f'<span class="kind">{text(_KIND_WORDS[row.kind])}</span> {" ".join(badges)}</th>'
    )
    noted = {ref for i in row.notes for ref in comparison.placed.get(i, ())}
    for doc in range(n):
        yield cell_html(comparison, row, doc, noted, mask, gaps=n <= STACKED_ABOVE)
    yield "</tr>"
    details = list(row_details(comparison, row, mask))
    if details:
        about = classes.replace("row ", "details ", 1)
        yield f'<tr class="{about}" aria-label="About row {row.number}">'
        yield f'<td colspan="{n + 1}"><ul class="about-row">'
        yield from details
        yield "</ul></td></tr>"


def _legend(comparison: Comparison) -> Sequence[str]:
    return (
        '<footer class="legend">',
        "<h2>How to read it</h2>",
        "<ul>",
        "<li>One row per fact; a column per source. A row follows the reading order of the "
        "source marked “reading order”; a fact the other sources report elsewhere sits after "
        "the row before it in its own article.</li>",
        '<li><span class="dw">Underlined words</span> differ from the first account of the row '
        "(the reading-order source’s when it has one), in accounts close enough to it to "
        "compare word by word.</li>",
        '<li><mark class="k conflict">⚑ marked</mark> passages are contradiction candidates; '
        '<mark class="k compatible">≈ marked</mark> ones differ compatibly (a refinement, a '
        "spelling variant, a later figure). Each is explained under its row.</li>",
        "<li>◦ a sentence with no match found in the other sources (one may still report it "
        "in other words); “possible match” a sentence whose counterpart scored below the "
        "threshold; → a sentence matched in another row; — not reported.</li>",
        "<li>✎ the reader’s annotations: ≡ agreement, ⚑ contradiction, ✎ note, ⇔ link, "
        "⇹ unlink.</li>",
        "</ul>",
        "</footer>",
    )
