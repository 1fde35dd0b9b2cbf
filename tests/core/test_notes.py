"""The notes schema: stable bytes, round trip, unknown keys kept, clear schema errors."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.notes import (
    SCHEMA_VERSION,
    Annotation,
    ArticleRef,
    CandidateQuote,
    DiscrepancyInfo,
    NotesDocument,
    SchemaError,
    Target,
    TextPosition,
    TextQuote,
    candidate_fingerprint,
    dismissed_candidate,
    dump_document,
    format_time,
    new_annotation_id,
    parse_document,
)
from tui.core.storage import UnsafeYaml, YamlProblem


def make_target(exact: str = "The mayor said 12 died.", article: str = "reuters") -> Target:
    return Target(
        article=ArticleRef(article, f"/news/{article}.txt", "ab" * 32, "Reuters", "Reuters"),
        quote=TextQuote(exact, "Before. ", " After."),
        position=TextPosition(8, 8 + len(exact)),
        sentence=1,
    )


def make_annotation(annotation_id: str = "a-0001", **changes: object) -> Annotation:
    base = Annotation(
        id=annotation_id,
        kind="contradiction",
        targets=(make_target(), make_target("The mayor said 14 died.", "ap")),
        comment="12 or 14?\nAsk the ministry.",
        tags=("toll", "casualties"),
        created="2026-01-02T03:04:05Z",
        updated="2026-01-02T03:04:05Z",
        discrepancy=DiscrepancyInfo("number", "12 vs 14 dead", "conflict"),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_document_round_trip_is_exact() -> None:
    document = NotesDocument(annotations=(make_annotation(),))
    text = dump_document(document)
    assert parse_document(text) == document
    assert dump_document(parse_document(text)) == text


def test_output_is_readable_yaml_with_block_comments() -> None:
    text = dump_document(NotesDocument(annotations=(make_annotation(),)))
    assert text.startswith("# reader notes file")
    assert "\nschema_version: 1\n" in text
    assert "  comment: |-\n    12 or 14?\n    Ask the ministry.\n" in text
    assert "exact: The mayor said 12 died." in text


def test_same_notes_same_bytes_whatever_the_order() -> None:
    one = make_annotation("a-0001", created="2026-01-01T00:00:00Z")
    two = make_annotation("a-0002", created="2026-01-01T00:00:00Z", kind="agreement")
    three = make_annotation("a-0000", created="2026-01-03T00:00:00Z")
    forward = NotesDocument().with_annotations([one, two, three])
    backward = NotesDocument().with_annotations([three, two, one])
    assert dump_document(forward) == dump_document(backward)
    assert [a.id for a in forward.annotations] == ["a-0001", "a-0002", "a-0000"]


def test_unknown_keys_are_kept_at_every_level() -> None:
    text = dump_document(NotesDocument(annotations=(make_annotation(),)))
    text = text.replace("schema_version: 1\n", "schema_version: 1\nteam: desk-a\n")
    text = text.replace("- id: a-0001\n", "- id: a-0001\n  reviewed_by: sam\n")
    text = text.replace("    selectors:\n", "    role: primary\n    selectors:\n", 1)
    text = text.replace("      sha256:", "      lang: en\n      sha256:", 1)
    document = parse_document(text)
    assert document.extra == {"team": "desk-a"}
    assert document.annotations[0].extra == {"reviewed_by": "sam"}
    assert document.annotations[0].targets[0].extra == {"role": "primary"}
    assert document.annotations[0].targets[0].article.extra == {"lang": "en"}
    again = dump_document(document)
    for key in ("team: desk-a", "reviewed_by: sam", "role: primary", "lang: en"):
        assert key in again
    assert parse_document(again) == document


def test_empty_file_is_an_empty_document() -> None:
    assert parse_document("") == NotesDocument()
    assert parse_document("# just a comment\n") == NotesDocument()


def test_hand_written_unquoted_timestamps_are_read_as_text() -> None:
    text = dump_document(NotesDocument(annotations=(make_annotation(),)))
    text = text.replace("created: '2026-01-02T03:04:05Z'", "created: 2026-01-02T03:04:05Z")
    assert parse_document(text).annotations[0].created == "2026-01-02T03:04:05Z"


@pytest.mark.parametrize(
    ("edit", "message", "line"),
    [
        (("kind: contradiction", "kind: rumour"), "unknown kind 'rumour'", 5),
        (("schema_version: 1", "schema_version: 99"), "newer reader", 2),
        (("schema_version: 1", "schema_version: one"), "whole number", 2),
        (("        start: 8", "        start: -3"), "must not be negative", None),
        (("        end: 31", "        end: x"), "expected a whole number", None),
        (("- id: a-0001", "- ident: a-0001"), "missing 'id'", None),
    ],
)
def test_schema_mismatch_names_what_and_where(
    edit: tuple[str, str], message: str, line: int | None
) -> None:
    text = dump_document(NotesDocument(annotations=(make_annotation(),)))
    assert edit[0] in text
    bad = text.replace(edit[0], edit[1], 1)
    with pytest.raises(SchemaError) as info:
        parse_document(bad, "notes.yaml")
    assert message in str(info.value)
    assert str(info.value).startswith("notes.yaml, line ")
    assert str(info.value).count("schema_version") <= 1  # the field is named once
    assert info.value.line is not None
    if line is not None:
        assert info.value.line == line
    assert edit[1].strip() in bad.splitlines()[info.value.line - 1] or line is None


def test_annotation_without_targets_is_refused() -> None:
    text = "schema_version: 1\nannotations:\n- id: a-1\n  kind: note\n  targets: []\n"
    with pytest.raises(SchemaError, match=r"line 5.*at least one target"):
        parse_document(text, "n.yaml")


def test_duplicate_ids_refused() -> None:
    text = dump_document(
        NotesDocument(annotations=(make_annotation("a-1"), make_annotation("a-2")))
    ).replace("id: a-2", "id: a-1")
    with pytest.raises(SchemaError, match="duplicate id 'a-1'"):
        parse_document(text)


def test_a_list_is_not_a_notes_file() -> None:
    with pytest.raises(SchemaError, match="expected a mapping"):
        parse_document("- 1\n- 2\n", "n.yaml")


def test_malicious_yaml_refused() -> None:
    with pytest.raises(UnsafeYaml):
        parse_document("schema_version: 1\nannotations: !!python/object/apply:os.system ['ls']\n")


def test_corrupt_yaml_is_a_yaml_problem() -> None:
    with pytest.raises(YamlProblem, match="line"):
        parse_document("schema_version: 1\nannotations: [\n", "n.yaml")


def test_upgrade_path_runs_each_step_in_order() -> None:
    def v0_to_v1(data: dict[str, object]) -> dict[str, object]:
        data["annotations"] = data.pop("notes", [])
        return data

    text = "schema_version: 0\nnotes: []\nkept: yes\n"
    document = parse_document(text, upgrades={0: v0_to_v1})
    assert document.schema_version == SCHEMA_VERSION
    assert document.extra == {"kept": True}
    with pytest.raises(SchemaError, match="no upgrade from schema_version 0"):
        parse_document(text)


def test_fingerprint_is_stable_and_order_independent() -> None:
    one = candidate_fingerprint("number", "reuters", "12 dead", "ap", "14 dead")
    assert one == candidate_fingerprint("number", "ap", "14 dead", "reuters", "12 dead")
    assert one != candidate_fingerprint("name", "reuters", "12 dead", "ap", "14 dead")
    assert one != candidate_fingerprint("number", "reuters", "12 dead", "ap", "15 dead")
    assert one.startswith("c-") and len(one) == 18


def test_dismissed_candidates_round_trip() -> None:
    item = dismissed_candidate(
        "number",
        CandidateQuote("reuters", "12 dead"),
        CandidateQuote("ap", "14 dead"),
        datetime(2026, 1, 1, tzinfo=UTC),
    )
    document = NotesDocument(dismissed=(item,))
    again = parse_document(dump_document(document))
    assert again == document
    assert again.is_dismissed(item.fingerprint)


def test_a_dismissed_candidate_keeps_its_explanation_and_older_files_still_load() -> None:
    item = dismissed_candidate(
        "quote",
        CandidateQuote("reuters", "with Russia", "Reuters"),
        CandidateQuote("ap", "with the Russians"),
        datetime(2026, 1, 1, tzinfo=UTC),
        'Quote of Raj Shah worded differently: "with Russia" vs "with the Russians"',
    )
    text = dump_document(NotesDocument(dismissed=(item,)))
    assert "  explanation: 'Quote of Raj Shah worded differently:" in text
    assert text.index("explanation:") < text.index("dismissed: '2026")  # read in that order
    assert parse_document(text).dismissed == (item,)
    assert "    label: Reuters\n" in text and text.count("label:") == 1  # written when known
    older = text.replace(text[text.index("  explanation:") : text.index("  dismissed: '")], "")
    (loaded,) = parse_document(older).dismissed
    assert loaded.explanation == "" and loaded.fingerprint == item.fingerprint


def test_a_confirmed_candidate_records_its_fingerprint_and_older_files_still_load() -> None:
    target = Target(
        ArticleRef("a", "a.txt", "0" * 64), TextQuote("Twelve died."), TextPosition(0, 12)
    )
    info = DiscrepancyInfo("number", "12 vs 14 dead", "conflict", "c-0123456789abcdef")
    annotation = Annotation("a-1", "contradiction", (target, target), discrepancy=info)
    text = dump_document(NotesDocument(annotations=(annotation,)))
    assert "    fingerprint: c-0123456789abcdef\n" in text
    assert parse_document(text).annotations == (annotation,)
    older = text.replace("    fingerprint: c-0123456789abcdef\n", "")
    (loaded,) = parse_document(older).annotations
    assert loaded.discrepancy == DiscrepancyInfo("number", "12 vs 14 dead", "conflict")


def test_times_are_iso_utc() -> None:
    assert format_time(datetime(2026, 5, 6, 7, 8, 9, 999, tzinfo=UTC)) == "2026-05-06T07:08:09Z"


def test_new_ids_are_short_and_distinct() -> None:
    ids = {new_annotation_id() for _ in range(500)}
    assert len(ids) == 500
    assert all(i.startswith("a-") and len(i) == 12 for i in ids)


# -- property: dump(load(dump(x))) == dump(x) and load(dump(x)) == x ----------------------------

texts = st.text(max_size=40)
words = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
offsets = st.integers(min_value=0, max_value=10_000)


@st.composite
def targets(draw: st.DrawFn) -> Target:
    start = draw(offsets)
    return Target(
        article=ArticleRef(
            draw(st.text(min_size=1, max_size=12)), draw(texts), draw(texts), draw(texts)
        ),
        quote=TextQuote(draw(st.text(min_size=1, max_size=60)), draw(texts), draw(texts)),
        position=TextPosition(start, start + draw(st.integers(0, 500))),
        sentence=draw(st.none() | st.integers(0, 500)),
    )


@st.composite
def annotations(draw: st.DrawFn, annotation_id: str) -> Annotation:
    return Annotation(
        id=annotation_id,
        kind=draw(st.sampled_from(["agreement", "contradiction", "note"])),
        targets=tuple(draw(st.lists(targets(), min_size=1, max_size=3))),
        comment=draw(st.text(max_size=120)),
        tags=tuple(draw(st.lists(words, max_size=3))),
        created=draw(texts),
        updated=draw(texts),
        discrepancy=draw(
            st.none()
            | st.builds(
                DiscrepancyInfo, kind=words, explanation=texts, status=texts, fingerprint=texts
            )
        ),
        conflict_of=draw(st.none() | st.text(min_size=1, max_size=10)),
    )


@st.composite
def documents(draw: st.DrawFn) -> NotesDocument:
    ids = draw(st.lists(st.text(min_size=1, max_size=10), unique=True, max_size=4))
    items = [draw(annotations(i)) for i in ids]
    return NotesDocument().with_annotations(items)


@settings(max_examples=150, deadline=None)
@given(documents())
def test_round_trip_property(document: NotesDocument) -> None:
    text = dump_document(document)
    loaded = parse_document(text)
    assert loaded == document
    assert dump_document(loaded) == text
