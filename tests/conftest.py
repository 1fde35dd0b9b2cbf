"""Suite-wide fixtures: keep every test away from the user's real data folder, and make sure
no ``reader`` process a test started outlives the run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.leftovers import describe, kill, wait_for_exit

LEFTOVER_GRACE = 10.0
"""Seconds a reader still running at the end of the run gets to finish saving and exit."""


@pytest.fixture(autouse=True)
def isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point READER_DATA_DIR at a fresh temp folder and drop NO_COLOR from the environment."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("READER_DATA_DIR", str(folder))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return folder


@pytest.fixture(autouse=True, scope="session")
def no_reader_left_behind(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Fail the run, loudly, if a reader started by a test is still running at its end
    (after killing it, so the machine is left clean either way)."""
    yield
    root = tmp_path_factory.getbasetemp()
    left = wait_for_exit(root, LEFTOVER_GRACE)
    if left:
        message = describe(left)
        kill(left)
        pytest.fail(f"reader processes outlived the tests (killed now):\n{message}")
