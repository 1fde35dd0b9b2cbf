"""Suite-wide fixtures: keep every test away from the user's real data folder."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point READER_DATA_DIR at a fresh temp folder and drop NO_COLOR from the environment."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("READER_DATA_DIR", str(folder))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return folder
