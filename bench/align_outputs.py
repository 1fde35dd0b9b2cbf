"""Dump and compare alignment outputs, to prove a speed change altered no link.

Run from the repository root:

    .venv/bin/python bench/align_outputs.py dump OUT [--code DIR]
    .venv/bin/python bench/align_outputs.py diff OUT_BEFORE OUT_AFTER

``dump`` writes, for the code in ``DIR`` (default: this checkout; e.g. a ``git archive`` of
main unpacked in a temporary folder), ``reader align --format json`` of every story in
../shared/corpora/stories and of the seeds (at the default threshold and two others) and of
the 173-article scale corpus, plus the JSON of ``align_corpus`` on the 50 x 200 corpus that
``bench_align.py`` times. Each runs in a fresh process with an empty data folder, so no
session or notes file can change it. ``diff`` compares two dumps byte for byte and exits 1
on any difference.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = next(
    (p / "shared" / "corpora" for p in ROOT.parents if (p / "shared" / "corpora").is_dir()),
    ROOT.parent / "shared" / "corpora",
)

SCALE = CORPORA / "scale" / "kavanaugh_2018-09_2018-10"
BENCH_SCALE = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import bench_align
from tui.core.align import align_corpus
from tui.core.report import to_json
bench_align.SCALE = Path(sys.argv[2])  # a checkout elsewhere would not find the corpora
articles, origin = bench_align.scale_corpus()
assert "Kavanaugh" in origin, origin
sys.stdout.write(to_json(align_corpus(tuple(articles))))
"""


OTHER_THRESHOLDS = (40.0, 65.0)
"""Also compared at these thresholds on the seeds and the stories (small, so cheap)."""


def corpora() -> dict[str, list[str]]:
    """Name -> ``reader align`` arguments for every alignment compared (no path: the seeds)."""
    small: dict[str, list[str]] = {"seeds": []}
    for story in sorted((CORPORA / "stories").glob("*/")):
        small[f"story-{story.name}"] = [str(story)]
    found = dict(small)
    for threshold in OTHER_THRESHOLDS:
        for name, paths in small.items():
            found[f"{name}@{threshold:g}"] = [*paths, "--threshold", f"{threshold:g}"]
    if SCALE.is_dir():
        found["scale-173"] = [str(SCALE)]
    return found


def dump(out: Path, code: Path) -> None:
    """Write each corpus's alignment, as the code in ``code`` makes it, to ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(code), "PYTHONHASHSEED": "0"}
    with tempfile.TemporaryDirectory() as data_dir:
        for name, paths in corpora().items():
            command = [sys.executable, "-m", "tui", "align", "--format", "json"]
            command += ["--data-dir", data_dir, "-o", str(out / f"{name}.json")]
            subprocess.run([*command, *paths], env=env, cwd=code, check=True)
            print(f"{name}: {(out / f'{name}.json').stat().st_size:,} bytes", flush=True)
        if not SCALE.is_dir():
            return
        with open(out / "bench-50x200.json", "w", encoding="utf-8") as target:
            command = [sys.executable, "-c", BENCH_SCALE, str(code / "bench"), str(SCALE)]
            subprocess.run(command, env=env, cwd=code, check=True, stdout=target)
        print(f"bench-50x200: {(out / 'bench-50x200.json').stat().st_size:,} bytes")


def diff(before: Path, after: Path) -> int:
    """Compare two dumps file by file; 1 if any file differs or is missing."""
    names = sorted({p.name for p in before.glob("*.json")} | {p.name for p in after.glob("*.json")})
    failed = 0
    for name in names:
        a, b = before / name, after / name
        same = a.exists() and b.exists() and filecmp.cmp(a, b, shallow=False)
        failed += not same
        print(f"{'same' if same else 'DIFFERENT'}  {name}")
    print(f"{len(names) - failed} of {len(names)} identical")
    return 1 if failed or not names else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    dump_parser = commands.add_parser("dump", help="write every corpus's alignment to OUT")
    dump_parser.add_argument("out", type=Path)
    dump_parser.add_argument("--code", type=Path, default=ROOT, help="checkout whose tui runs")
    diff_parser = commands.add_parser("diff", help="compare two dumps byte for byte")
    diff_parser.add_argument("before", type=Path)
    diff_parser.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.out, args.code.resolve())
        return 0
    return diff(args.before, args.after)


if __name__ == "__main__":
    raise SystemExit(main())
