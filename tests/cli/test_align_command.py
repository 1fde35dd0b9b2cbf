"""``reader align`` end to end through the CLI entry point (no UI)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tui.cli import main


def test_default_prints_json_of_the_seeds(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["align"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["documents"]) == 5 and data["pairs"]


def test_json_lists_possible_pairs_beside_the_pairs(capsys: pytest.CaptureFixture[str]) -> None:
    """``possible``: the same shape as ``pairs``, scores from ``possible_floor`` up to below
    the threshold; none of them is also a pair."""
    assert main(["align"]) == 0
    data = json.loads(capsys.readouterr().out)
    keys = list(data)
    assert keys.index("possible") == keys.index("pairs") + 2  # after pairs, possible_floor
    assert data["possible"] and data["possible_floor"] < data["threshold"]
    assert {tuple(p) for p in data["possible"]} == {("a", "b", "score")}
    assert all(data["possible_floor"] <= p["score"] < data["threshold"] for p in data["possible"])

    def key(p: dict[str, dict[str, object]]) -> tuple[object, ...]:
        return p["a"]["doc"], p["a"]["sentence"], p["b"]["doc"], p["b"]["sentence"]

    assert not {key(p) for p in data["possible"]} & {key(p) for p in data["pairs"]}
    # each side counted from 1 beside its 0-based index, as in the pairs
    for p in data["possible"]:
        assert set(p["a"]) == set(p["b"]) == {"doc", "sentence", "number"}
        assert (p["a"]["number"], p["b"]["number"]) == (
            p["a"]["sentence"] + 1,
            p["b"]["sentence"] + 1,
        )


def test_yaml_to_file_with_threshold(tmp_path: Path) -> None:
    out = tmp_path / "a.yaml"
    assert main(["align", "--format", "yaml", "--threshold", "90", "-o", str(out)]) == 0
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["threshold"] == 90 and all(p["score"] >= 90 for p in data["pairs"])


def test_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["align", "--format", "markdown"]) == 0
    assert capsys.readouterr().out.startswith("# Alignment report")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["align", "/no/such/file.txt"], "no such file"),
        (["align", "--threshold", "120"], "between 0 and 100"),
        (["align", "-o", "/no/such/dir/out.json"], "the folder /no/such/dir does not exist"),
    ],
)
def test_bad_input_is_one_line(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(args) != 0
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
