"""Reading YAML: the fast path builds exactly what PyYAML's safe loader builds, and leaves
everything else (aliases, tags, merge keys, errors) to it."""

from __future__ import annotations

import tracemalloc

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.storage import SAFE_LOADER, UnsafeYaml, YamlProblem, dump_yaml, parse_yaml

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(),
    st.sampled_from(["yes", "no", "on", "~", "null", "0x1f", "1e3", "2026-03-01", "0o17", ""]),
)
data = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=20,
)


@settings(max_examples=300)
@given(data)
def test_the_same_data_as_pyyaml(value: object) -> None:
    for text in (yaml.safe_dump(value, allow_unicode=True), dump_yaml({"k": value})):
        assert parse_yaml(text) == yaml.load(text, Loader=SAFE_LOADER)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "# only a comment\n",
        "---\n...\n",
        "a: &x [1, 2]\nb: *x\n",  # aliases
        "base: &b {x: 1}\nderived:\n  <<: *b\n  y: 2\n",  # merge keys
        "a: !!str 12\nb: !!float 1\nc: !!binary aGVsbG8=\n",  # explicit tags
        "? [a, b]\n: c\n",  # a complex key (PyYAML refuses it)
        "created: 2026-03-01T12:00:00Z\nday: 2026-03-01\n",  # timestamps
        "- {a: 1, b: [x, y]}\n- plain\n- 'quoted: yes'\n- \"esc\\te\"\n",
        "a: |\n  two\n  lines\nb: >-\n  folded\n  text\n",
        "dup: 1\ndup: 2\n",
        "&anchored {a: 1}\n",
    ],
)
def test_special_documents_as_pyyaml_reads_them(text: str) -> None:
    try:
        expected = yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError:
        with pytest.raises(YamlProblem):
            parse_yaml(text)
        return
    assert parse_yaml(text) == expected


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("a: [1, 2\nb: 3\n", 2),  # an unclosed flow sequence
        ("a: 1\n b: 2\n", 2),  # bad indentation
        ("one: 1\n---\ntwo: 2\n", 2),  # two documents where one is expected
    ],
)
def test_errors_keep_their_line(text: str, line: int) -> None:
    with pytest.raises(YamlProblem) as caught:
        parse_yaml(text, "notes.yaml")
    assert caught.value.line == line


def test_python_tags_are_still_refused() -> None:
    with pytest.raises(UnsafeYaml):
        parse_yaml("a: !!python/object/apply:os.system ['echo hi']\n")


def test_a_big_document_is_built_without_the_node_tree() -> None:
    """PyYAML holds every node of the document (with its marks) before building any data:
    hundreds of MB for a 13 MB notes file. The fast path holds only the data."""
    text = yaml.safe_dump(
        {
            "annotations": [
                {"id": f"a-{n}", "targets": [{"start": n, "end": n + 5}]} for n in range(3000)
            ]
        }
    )
    tracemalloc.start()
    parse_yaml(text)
    fast = tracemalloc.get_traced_memory()[1]
    tracemalloc.reset_peak()
    yaml.load(text, Loader=SAFE_LOADER)
    full = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert fast < full / 2, (fast, full)
