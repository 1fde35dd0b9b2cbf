"""The core must run without the UI: no textual or rich import, direct or indirect."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import tui.core


def _core_modules() -> list[str]:
    return [f"tui.core.{m.name}" for m in pkgutil.iter_modules(tui.core.__path__)]


def test_core_has_modules() -> None:
    assert {"tui.core.model", "tui.core.segment", "tui.core.align"} <= set(_core_modules())


def test_core_never_imports_textual_or_rich() -> None:
    modules = _core_modules()
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        + "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"core imported: {out.stdout.strip()}"


def test_cli_help_path_does_not_import_textual() -> None:
    code = (
        "import sys\nfrom tui import cli\n"
        "try:\n    cli.main(['--version'])\nexcept SystemExit:\n    pass\n"
        "print(any(m.startswith('textual') for m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith("False")
