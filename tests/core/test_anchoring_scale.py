"""Placing many annotations stays linear: each article hashed and indexed once, every lookup
by annotation or sentence a dict, with the answers a full scan gives."""

from __future__ import annotations

import json
import random

import pytest

import tui.core.anchoring as anchoring
from tui.core.anchoring import anchor_notes, target_for_sentence
from tui.core.export import export_jsonld
from tui.core.model import Article
from tui.core.notes import Annotation, NotesDocument
from tui.resources import seeds_dir


@pytest.fixture(scope="module")
def seeds() -> list[Article]:
    from tui.core.corpus import load_paths

    return list(load_paths([seeds_dir()]).articles)


def many_notes(articles: list[Article], count: int) -> NotesDocument:
    rng = random.Random(3)
    annotations = []
    for n in range(count):
        chosen = rng.sample(articles, rng.choice((1, 2, 3)))
        targets = tuple(target_for_sentence(a, rng.choice(a.sentences)) for a in chosen)
        annotations.append(Annotation(f"a-{n:05d}", "note", targets, comment=f"n{n}"))
    return NotesDocument().with_annotations(annotations)


def test_each_article_is_hashed_once_however_many_targets(
    seeds: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    document = many_notes(seeds, 400)
    calls: list[int] = []
    real = anchoring.text_sha256

    def counting(text: str) -> str:
        calls.append(1)
        return real(text)

    monkeypatch.setattr(anchoring, "text_sha256", counting)
    anchor_notes(document, seeds)
    assert len(calls) == len(seeds)  # it was once per target and article: ~4,000 here


def test_lookups_give_what_a_full_scan_gives(seeds: list[Article]) -> None:
    document = many_notes(seeds, 300)
    anchors = anchor_notes(document, seeds)
    for annotation in document.annotations:
        scanned = [t for t in anchors.targets if t.annotation_id == annotation.id]
        assert anchors.of_annotation(annotation.id) == scanned
    by_id = {a.id: a for a in document.annotations}
    for article in seeds:
        marked = set()
        for sentence in article.sentences:
            expected = [
                a
                for a in document.annotations
                if any(
                    t.article_id == article.id
                    and t.anchor.located
                    and t.anchor.start < max(t.anchor.end, t.anchor.start + 1)
                    and sentence.start < max(t.anchor.end, t.anchor.start + 1)
                    and sentence.end > t.anchor.start
                    for t in anchors.of_annotation(a.id)
                )
            ]
            assert anchors.at_sentence(article.id, sentence.index) == expected
            if expected:
                marked.add(sentence.index)
        assert anchors.annotated_sentences(article.id) == marked
    assert set(by_id) == {t.annotation_id for t in anchors.targets}


def test_jsonld_is_laid_out_as_one_dump_of_the_whole(seeds: list[Article]) -> None:
    """Annotations are written one at a time; the text is what one json.dumps gives."""
    document = many_notes(seeds, 20)
    text = export_jsonld(document, anchor_notes(document, seeds))
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"
    assert json.loads(text)["total"] == 20
