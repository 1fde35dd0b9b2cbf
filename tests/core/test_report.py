"""The JSON/YAML contract of ``reader align`` and the Markdown report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tui.core.align import Alignment, SentenceRef, align_corpus
from tui.core.candidates import Discrepancy, Span
from tui.core.corpus import load_paths
from tui.core.report import (
    alignment_data,
    matched_label,
    matched_share,
    to_json,
    to_markdown,
    to_yaml,
)

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def alignment() -> Alignment:
    return align_corpus(load_paths([SEEDS]).articles)


def test_json_has_the_documented_shape(alignment: Alignment) -> None:
    data = json.loads(to_json(alignment))
    assert {"documents", "pairs", "groups", "discrepancies"} <= set(data)
    ids = [d["id"] for d in data["documents"]]
    for document, article in zip(data["documents"], alignment.articles, strict=True):
        assert {"id", "path", "label", "sentences"} <= set(document)
        for entry, sentence in zip(document["sentences"], article.sentences, strict=True):
            assert {"index", "text", "start", "end", "furniture"} <= set(entry)
            assert article.text[entry["start"] : entry["end"]] == entry["text"] == sentence.text
    assert data["pairs"], "the seeds have matches"
    for pair in data["pairs"]:
        assert pair["a"]["doc"] in ids and pair["b"]["doc"] in ids
        # "number" (from 1, as people count) was added beside the 0-based "sentence"
        assert set(pair["a"]) == {"doc", "sentence", "number"} and 0 <= pair["score"] <= 100
        assert pair["a"]["number"] == pair["a"]["sentence"] + 1
    for group in data["groups"]:
        assert {"id", "members", "sources"} <= set(group)
        assert group["sources"] == len({m["doc"] for m in group["members"]})


def test_yaml_is_the_same_structure(alignment: Alignment) -> None:
    assert yaml.safe_load(to_yaml(alignment)) == json.loads(to_json(alignment))


def test_discrepancies_use_document_ids(alignment: Alignment) -> None:
    span_a = Span(0, 1, 10, 14, "4.01")
    span_b = Span(2, 3, 5, 8, "3.9")
    fake = Alignment(
        alignment.articles,
        alignment.pairs,
        alignment.groups,
        (Discrepancy("number", "refinement", span_a, span_b, "4.01 million within >3.9 million"),),
        alignment.threshold,
    )
    [entry] = alignment_data(fake)["discrepancies"]
    assert entry["a"] == {
        "doc": alignment.articles[0].id,
        "sentence": 1,
        "number": 2,
        "start": 10,
        "end": 14,
        "text": "4.01",
    }
    assert entry["b"]["doc"] == alignment.articles[2].id
    assert (entry["kind"], entry["status"]) == ("number", "refinement")
    assert "4.01 million within" in to_markdown(fake)


def test_markdown_has_groups_as_rows_sources_as_columns(alignment: Alignment) -> None:
    text = to_markdown(alignment)
    header = next(line for line in text.splitlines() if line.startswith("| # | sources |"))
    assert header.count("|") == len(alignment.articles) + 3
    assert f"of {len(alignment.articles)} |" in text
    assert "## Discrepancies" in text


def test_markdown_counts_agree_with_the_json_and_read_as_english(alignment: Alignment) -> None:
    """Sentence counts are the documents' (as the JSON and the pane headers give them), the
    matched share beside them says of how many body sentences; one source is "1 source"."""
    text = to_markdown(alignment)
    data = alignment_data(alignment)
    for article, document in zip(alignment.articles, data["documents"], strict=True):
        row = next(line for line in text.splitlines() if f"| {article.id} |" in line)
        share = matched_label(document["matched_sentences"], len(article.body_sentences))
        assert f"| {len(document['sentences'])} | {share} |" in row
    single = Alignment(alignment.articles[:1], (), (), ())
    assert to_markdown(single).splitlines()[2].startswith("1 source, 0 groups, 0 matched pairs")


def test_matched_is_one_measure_of_body_sentences(alignment: Alignment) -> None:
    """The report, the JSON and the pane headers say "matched" of the same thing: whole body
    sentences with a partner, furniture in neither count (it was body characters here and
    body sentences in the panes)."""
    cbc = 0
    matched, body = matched_share(alignment, cbc)
    article = alignment.articles[cbc]
    assert body == len(article.body_sentences) < len(article.sentences)
    assert matched == sum(
        1 for s in article.body_sentences if alignment.partners(SentenceRef(cbc, s.index))
    )
    assert 0 < matched < body
    document = alignment_data(alignment)["documents"][cbc]
    assert (document["matched_sentences"], document["body_sentences"]) == (matched, body)
    assert document["matched_share"] == round(matched / body, 3)
    assert alignment.matched_share(cbc) == matched / body
    label = f"{matched / body:.0%} of {body} body sentences matched"
    assert label in to_markdown(alignment)
    assert matched_label(0, 0) == "0% of 0 body sentences matched"


def test_sentences_carry_their_number_from_one_beside_the_index(alignment: Alignment) -> None:
    data = alignment_data(alignment)
    for document in data["documents"]:
        for entry in document["sentences"]:
            assert entry["number"] == entry["index"] + 1
    for group in data["groups"]:
        for member in group["members"]:
            assert member["number"] == member["sentence"] + 1


def test_documents_carry_outlet_title_date_and_url(tmp_path: Path) -> None:
    (tmp_path / "wire.md").write_text(
        "---\ntitle: Bridge falls\nsource: Wire Service\npublished: 2024-05-01\n"
        "url: https://wire.example/bridge\n---\nThe bridge fell. Twelve were hurt.\n",
        encoding="utf-8",
    )
    (tmp_path / "plain.txt").write_text("The bridge fell. Twelve were hurt.\n", encoding="utf-8")
    aligned = align_corpus(load_paths([tmp_path / "wire.md", tmp_path / "plain.txt"]).articles)
    wire, plain = alignment_data(aligned)["documents"]
    assert (wire["outlet"], wire["title"], wire["published"], wire["url"]) == (
        "Wire Service",
        "Bridge falls",
        "2024-05-01",
        "https://wire.example/bridge",
    )
    assert (plain["outlet"], plain["published"], plain["url"]) == ("", "", "")
    report = to_markdown(aligned)
    row = next(line for line in report.splitlines() if "| wire |" in line)
    assert row.endswith(
        "| Wire Service | Bridge falls | 2024-05-01 | https://wire.example/bridge |"
    )


def test_markdown_groups_are_numbered_one_to_n_with_sentence_numbers(
    alignment: Alignment,
) -> None:
    rows = [
        line
        for line in to_markdown(alignment)
        .split("## Groups")[1]
        .split("## Discrepancies")[0]
        .splitlines()
        if line.startswith("| ") and not line.startswith(("| #", "| ---"))
    ]
    assert [int(row.split("|")[1]) for row in rows] == list(range(1, len(alignment.groups) + 1))
    first = max(alignment.groups, key=lambda g: (g.sources, -g.id))
    member = first.members[0]
    text = alignment.articles[member.doc].sentences[member.sentence].text
    assert f"({member.sentence + 1}) {text[:40]}" in rows[0]


def test_markdown_discrepancies_give_sentence_numbers(alignment: Alignment) -> None:
    disc = alignment.discrepancies[0]
    label = alignment.articles[disc.a.doc].label
    assert f"{label}, sentence {disc.a.sentence + 1}: “" in to_markdown(alignment)
