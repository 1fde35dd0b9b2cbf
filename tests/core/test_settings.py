"""Settings persist, survive a corrupt file without losing it, and never touch the real home."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.commands.common import data_dir
from tui.settings import SETTINGS_FILE, Settings, SettingsStore


def test_missing_file_gives_defaults_without_notice(tmp_path: Path) -> None:
    settings, notice = SettingsStore(tmp_path / "absent").load()
    assert settings == Settings()
    assert notice is None


def test_theme_round_trips_and_unknown_keys_survive(tmp_path: Path) -> None:
    (tmp_path / SETTINGS_FILE).write_text("schema_version: 1\ntheme: old\nfuture_key: [1, 2]\n")
    store = SettingsStore(tmp_path)
    settings, _ = store.load()
    store.save(settings.with_theme("reader-light"))
    again, notice = SettingsStore(tmp_path).load()
    assert notice is None
    assert again.theme == "reader-light"
    assert again.extra == {"future_key": [1, 2]}
    assert (tmp_path / (SETTINGS_FILE + ".bak")).read_text().count("theme: old") == 1


def test_save_creates_the_folder(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "a" / "b")
    store.save(Settings(theme="reader-dark"))
    assert "theme: reader-dark" in (tmp_path / "a" / "b" / SETTINGS_FILE).read_text()


@pytest.mark.parametrize(
    "content",
    [
        "theme: [unclosed\n",
        "- just\n- a list\n",
        "theme: 42\n",
        "schema_version: 99\ntheme: x\n",
        "!!python/object/apply:os.system ['true']\n",
    ],
)
def test_corrupt_file_gives_defaults_a_notice_and_is_kept(tmp_path: Path, content: str) -> None:
    path = tmp_path / SETTINGS_FILE
    path.write_text(content)
    store = SettingsStore(tmp_path)
    settings, notice = store.load()
    assert settings == Settings()
    assert notice is not None and "\n" not in notice and SETTINGS_FILE in notice
    assert path.read_text() == content  # loading never rewrites it
    store.save(settings.with_theme("reader-light"))
    assert (tmp_path / (SETTINGS_FILE + ".bad")).read_text() == content  # moved aside, not lost
    assert SettingsStore(tmp_path).load()[0].theme == "reader-light"


def test_undecodable_file_is_reported_not_raised(tmp_path: Path) -> None:
    (tmp_path / SETTINGS_FILE).write_bytes(b"theme: \xff\xfe\n")
    settings, notice = SettingsStore(tmp_path).load()
    assert settings == Settings() and notice


def test_write_is_atomic_no_temp_files_left(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    for name in ("a", "b", "c"):
        store.save(Settings(theme=name))
    assert sorted(os.listdir(tmp_path)) == [SETTINGS_FILE, SETTINGS_FILE + ".bak"]


def test_suite_never_uses_the_real_data_dir(tmp_path: Path) -> None:
    # tests/conftest.py points READER_DATA_DIR at a temp folder for every test
    resolved = data_dir(None)
    assert str(resolved).startswith(str(tmp_path.parent.parent))
    assert Path.home() / ".local" not in resolved.parents
