"""Fixtures of the HTML report tests: the page of a corpus, parsed strictly as HTML5."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from xml.etree.ElementTree import Element

import html5lib
import pytest

from tui.cli import main

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


def stories_dir() -> Path | None:
    """The shared real stories (../shared/corpora/stories beside the checkout or a worktree)."""
    for parent in ROOT.parents:
        found = parent / "shared" / "corpora" / "stories"
        if found.is_dir():
            return found
    return None


def stories() -> list[Path]:
    """Every story folder, or none when the shared corpora are not on this machine."""
    folder = stories_dir()
    return sorted(p for p in folder.iterdir() if p.is_dir()) if folder else []


def parse(page: str) -> Element:
    """The page as an element tree; any HTML5 parse error fails the test (strict parser)."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(page)


def write_report(out: Path, *args: str) -> str:
    """Run ``reader report ARGS -o OUT``; the page written."""
    assert main(["report", *args, "-o", str(out)]) == 0
    return out.read_text(encoding="utf-8")


@pytest.fixture
def report(tmp_path: Path) -> Callable[..., str]:
    """``report(*args)``: the page ``reader report *args`` writes."""
    count = iter(range(1000))

    def run(*args: str) -> str:
        return write_report(tmp_path / f"report-{next(count)}.html", *args)

    return run


@pytest.fixture(scope="session")
def seeds_page(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The report of the bundled seeds (made once)."""
    return write_report(tmp_path_factory.mktemp("seeds") / "report.html", str(SEEDS))


def figures(tree: Element) -> dict[str, int]:
    """The summary's figures by key (``data-figure``)."""
    return {
        li.get("data-figure", ""): int(li.find("span").text or "0")  # type: ignore[union-attr]
        for li in tree.iter("li")
        if li.get("data-figure")
    }


def rows(tree: Element) -> list[Element]:
    """The rows of the comparison (not their detail lines)."""
    return [tr for tr in tree.iter("tr") if "row" in (tr.get("class") or "").split()]


def row_holding(tree: Element, doc: int, sentence: int) -> str | None:
    """The id of the row showing sentence ``sentence`` of article ``doc``."""
    wanted = f"d{doc}s{sentence}"
    for tr in rows(tree):
        if any(span.get("id") == wanted for span in tr.iter("span")):
            return tr.get("id")
    return None


SCRIPT = "<script>window.pwned = 'script'</script>"
BREAKOUT = "\"'><img src=x onerror=\"window.pwned='img'\">"
HOSTILE_URL = "javascript:window.pwned='url'"


def hostile_corpus(folder: Path) -> tuple[list[Path], Path]:
    """Two articles and a notes file whose every field tries to inject markup or script.

    Metadata breaks out of attributes, the text closes the table and opens a script and an
    iframe to the network, the URL is ``javascript:``, the notes' comment and tags do the same.
    """
    texts = [
        (
            "a.md",
            f"Police said {SCRIPT} four people died at the diner on Sunday.\n\n"
            '</td></tr></table><iframe src="http://evil.example/"></iframe> The gunman fled '
            "on foot after the shooting, police said.\n",
        ),
        (
            "b.md",
            f"Police said {SCRIPT} five people died at the diner on Sunday.\n\n"
            "<style>body{display:none}</style> The gunman fled on foot after the shooting, "
            "officers said.\n",
        ),
    ]
    paths = []
    for name, body in texts:
        path = folder / name
        front = (
            "---\n"
            f"title: '{BREAKOUT} {SCRIPT}'\n"
            f"source: '{BREAKOUT}'\n"
            f'url: "{HOSTILE_URL}"\n'
            f"published: '2022-01-01\" onmouseover=\"window.pwned=1'\n"
            "---\n"
        )
        path.write_text(front + body, encoding="utf-8")
        paths.append(path)
    from tui.core.anchoring import target_for_sentence
    from tui.core.corpus import load_paths
    from tui.core.notes_store import NotesStore

    articles = load_paths(paths).articles
    notes = folder / "notes.yaml"
    NotesStore(notes).add(
        "contradiction",
        [target_for_sentence(a, a.sentences[0]) for a in articles],
        comment=f"{SCRIPT}\n</li></ul>{BREAKOUT}",
        tags=[SCRIPT, '"><b>x</b>'],
    )
    return paths, notes
