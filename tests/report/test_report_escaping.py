"""Nothing in an article, its metadata or the notes can become markup or script in the page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.report.conftest import BREAKOUT, SCRIPT, hostile_corpus, parse

ACTIVE = {"script", "img", "iframe", "style", "object", "embed", "link", "base", "form", "b"}
"""Elements the hostile input tries to create (the page's own single <style> aside)."""


def test_hostile_input_stays_text(tmp_path: Path, report: Callable[..., str]) -> None:
    paths, notes = hostile_corpus(tmp_path)
    page = report(*map(str, paths), "--notes", str(notes))
    tree = parse(page)
    tags = [element.tag for element in tree.iter()]
    assert tags.count("style") == 1  # the page's own
    assert not {t for t in tags if t != "style"} & ACTIVE
    for element in tree.iter():
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), f"{element.tag} has {name}"
            assert "javascript:" not in value.lower() or name.startswith("data-"), (
                f"{element.tag} {name}={value!r}"
            )
    hrefs = [a.get("href", "") for a in tree.iter("a")]
    assert all(h.startswith("#") for h in hrefs), hrefs  # the javascript: URL is no link
    shown = "".join(tree.itertext())
    assert SCRIPT in shown  # said, as text
    assert BREAKOUT in shown
    assert "javascript:window.pwned='url'" in shown
    assert '<iframe src="http://evil.example/">' in shown


def test_the_page_forbids_scripts_and_fetching_in_its_policy(seeds_page: str) -> None:
    tree = parse(seeds_page)
    policy = next(
        m.get("content", "")
        for m in tree.iter("meta")
        if (m.get("http-equiv") or "").lower() == "content-security-policy"
    )
    assert "default-src 'none'" in policy and "script-src" not in policy
    assert not list(tree.iter("script"))
    css = next(tree.iter("style")).text or ""
    assert "url(" not in css and "@import" not in css
