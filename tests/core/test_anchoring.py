"""Re-anchoring: targets found again after the article was edited, or reported as orphans."""

from __future__ import annotations

import pytest

from tui.core.anchoring import (
    anchor_notes,
    anchor_target,
    find_article,
    target_for_sentence,
    target_for_span,
    text_sha256,
)
from tui.core.corpus import make_article
from tui.core.model import Article
from tui.core.notes import Annotation, NotesDocument, Target

ORIGINAL = (
    "Flooding hit the valley on Tuesday.\n\n"
    "The mayor said 12 people had died and 40 were missing. "
    "Rescue teams worked through the night.\n\n"
    "Officials blamed a burst dam upstream. "
    "Residents said warnings came too late."
)


def article(text: str = ORIGINAL, article_id: str = "wire", path: str = "/n/wire.txt") -> Article:
    return make_article(article_id, path, text)


def sentence_with(doc: Article, words: str) -> int:
    return next(s.index for s in doc.sentences if words in s.text)


def target_of(doc: Article, words: str) -> tuple[int, Target]:
    index = sentence_with(doc, words)
    return index, target_for_sentence(doc, doc.sentences[index])


def test_target_records_quote_context_offsets_sentence_and_hash() -> None:
    doc = article()
    index = sentence_with(doc, "mayor")
    sentence = doc.sentences[index]
    target = target_for_sentence(doc, sentence)
    assert target.quote.exact == sentence.text
    assert doc.text.endswith(target.quote.suffix, 0, sentence.end + len(target.quote.suffix))
    assert doc.text[: sentence.start].endswith(target.quote.prefix)
    assert 0 < len(target.quote.prefix) <= 32 and 0 < len(target.quote.suffix) <= 32
    assert (target.position.start, target.position.end) == (sentence.start, sentence.end)
    assert target.sentence == index
    assert target.article.sha256 == text_sha256(doc.text)
    assert (target.article.id, target.article.path) == ("wire", "/n/wire.txt")


def test_unchanged_text_anchors_by_offset() -> None:
    doc = article()
    index, target = target_of(doc, "mayor")
    anchor = anchor_target(target, doc)
    assert anchor.status == "intact"
    assert anchor.sentence == index


def test_changed_word_in_the_sentence_anchors_fuzzily() -> None:
    doc = article()
    _, target = target_of(doc, "mayor")
    edited = article(ORIGINAL.replace("12 people had died", "13 people had died"))
    anchor = anchor_target(target, edited)
    assert anchor.status == "fuzzy"
    assert edited.sentences[anchor.sentence or 0].text.startswith("The mayor said 13")
    assert edited.text[anchor.start : anchor.end] == edited.sentences[anchor.sentence or 0].text
    assert 80 <= anchor.score < 100


def test_changed_text_before_the_sentence_moves_it_exactly() -> None:
    doc = article()
    _, target = target_of(doc, "burst dam")
    edited = article(ORIGINAL.replace("on Tuesday", "early on Tuesday morning"))
    anchor = anchor_target(target, edited)
    assert anchor.status == "moved"
    assert edited.text[anchor.start : anchor.end] == "Officials blamed a burst dam upstream."


def test_moved_paragraph_is_found() -> None:
    doc = article()
    _, target = target_of(doc, "Rescue teams")
    paragraphs = ORIGINAL.split("\n\n")
    edited = article("\n\n".join([paragraphs[2], paragraphs[0], paragraphs[1]]))
    anchor = anchor_target(target, edited)
    assert anchor.status == "moved"
    assert edited.sentences[anchor.sentence or 0].text == "Rescue teams worked through the night."


def test_deleted_sentence_becomes_orphan() -> None:
    doc = article()
    _, target = target_of(doc, "burst dam")
    edited = article(ORIGINAL.replace("Officials blamed a burst dam upstream. ", ""))
    anchor = anchor_target(target, edited)
    assert anchor.status == "orphan"
    assert not anchor.located


def test_repeated_sentence_is_disambiguated_by_context() -> None:
    text = (
        "Police arrived. No comment was given. Then the mayor spoke.\n\n"
        "Firefighters arrived. No comment was given. Then the governor spoke."
    )
    doc = article(text)
    second = [s for s in doc.sentences if s.text == "No comment was given."][1]
    target = target_for_sentence(doc, second)
    edited = article("Breaking: " + text)
    anchor = anchor_target(target, edited)
    assert anchor.status == "moved"
    assert edited.text[anchor.end : anchor.end + 16] == " Then the govern"


def test_partial_span_found_inside_an_edited_sentence() -> None:
    doc = article()
    start = doc.text.index("40 were missing")
    target = target_for_span(doc, start, start + len("40 were missing"))
    assert target.sentence == sentence_with(doc, "mayor")
    edited = article(ORIGINAL.replace("40 were missing", "40 were misssing"))
    anchor = anchor_target(target, edited)
    assert anchor.status == "fuzzy"
    assert edited.text[anchor.start : anchor.end].startswith("40 were mis")


def test_span_outside_the_article_is_refused() -> None:
    with pytest.raises(ValueError, match="outside"):
        target_for_span(article(), 5, 10_000)


def test_find_article_prefers_same_text_then_path_then_id() -> None:
    doc = article()
    target = target_for_sentence(doc, doc.sentences[0])
    moved = article(path="/elsewhere/wire.txt", article_id="w2")
    other = article("Different text entirely.", article_id="wire", path="/x/other.txt")
    assert find_article(target.article, [other, moved]) is moved
    edited_same_path = article("Edited.", article_id="zz", path="/n/wire.txt")
    assert find_article(target.article, [other, edited_same_path]) is edited_same_path
    assert find_article(target.article, [other]) is other
    assert find_article(target.article, [article("x", "nope", "/p")]) is None


def test_note_anchors_mark_sentences_and_list_orphans() -> None:
    doc = article()
    ap = article("The mayor said 14 people had died. Nothing else.", "ap", "/n/ap.txt")
    agree = Annotation(
        "a-1",
        "contradiction",
        (target_of(doc, "mayor")[1], target_for_sentence(ap, ap.sentences[0])),
        created="2026-01-01T00:00:00Z",
    )
    lost = Annotation(
        "a-2", "note", (target_of(doc, "burst dam")[1],), created="2026-01-02T00:00:00Z"
    )
    elsewhere = Annotation(
        "a-3",
        "note",
        (target_for_sentence(article("Gone.", "gone", "/g"), article("Gone.").sentences[0]),),
        created="2026-01-03T00:00:00Z",
    )
    document = NotesDocument().with_annotations([agree, lost, elsewhere])
    edited = article(ORIGINAL.replace("Officials blamed a burst dam upstream. ", ""))
    anchors = anchor_notes(document, [edited, ap])
    mayor = sentence_with(edited, "mayor")
    assert [a.id for a in anchors.at_sentence("wire", mayor)] == ["a-1"]
    assert [a.id for a in anchors.at_sentence("ap", 0)] == ["a-1"]
    assert anchors.annotated_sentences("wire") == {mayor}
    assert [(t.annotation_id, t.index) for t in anchors.orphans()] == [("a-2", 0)]
    assert [t.annotation_id for t in anchors.absent()] == ["a-3"]
    assert [t.anchor.status for t in anchors.of_annotation("a-1")] == ["intact", "intact"]
    assert len(anchors.targets) == 4
