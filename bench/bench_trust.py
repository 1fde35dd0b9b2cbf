"""How far the engine's judgements can be trusted on real news, against blind labels.

Run from the repository root: ``.venv/bin/python bench/bench_trust.py [--baseline REV]``.
Needs ../shared/corpora/stories (the seven real stories). For the engine as it is and for
the engine at ``REV`` (default: the last commit before the slot rules, run from a
``git archive`` of it in the same run), prints:

- contradiction candidates by kind and status on the stories and on the seeds, with the
  share the blind annotators labelled right (⚑ conflict: "conflict"; ≈ refinement or
  variant: "compatible"; updated: "conflict" about the same fact), and how many are not
  labelled yet (bench/gold/story_candidates.yaml; bench/labelling makes the packets);
- recall of the real disagreements the blind annotators found reading the stories in full
  (bench/gold/full_read), high and medium weight: a disagreement is surfaced when a
  candidate joins sentences of two of its positions;
- link precision (same fact) and group purity (groups of 3+ whose members all report one
  fact) on the stories (bench/gold/story_links.yaml, story_groups.yaml);
- link precision on the scale corpus (173 articles, never used to fit anything): 100 links
  drawn from each version's output by the hash of their key (seed 2027), against
  bench/gold/scale_links.yaml; and its ⚑ and updated candidates against
  bench/gold/scale_candidates.yaml;
- the seed contradiction gold (tests/data/gold_contradictions.yaml) per kind;
- what "◦ unique" and "◌ possible" claim, against sentences read against their whole story
  (bench/gold/story_counterparts.yaml): how many called unique are, how many counterparts
  the annotators found are linked or offered.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench" / "labelling"))
sys.path.insert(0, str(ROOT / "tests" / "core"))

from common import (  # noqa: E402
    SCALE,
    SCALE_GROUP_SAMPLE,
    SCALE_GROUP_SEED,
    SCALE_LINK_SAMPLE,
    SCALE_LINK_SEED,
    SEEDS,
    drawn_by_hash,
    load_story,
    resolve_key,
    sentence_key,
    short_id,
    story_dirs,
)
from compare_gold import evaluate_candidates, load_gold  # noqa: E402
from packets import item_id  # noqa: E402

from tui.core.model import Article  # noqa: E402

GOLD = ROOT / "bench" / "gold"
BASELINE = "181e6a1"
"""main before contradiction candidates compared slots (2026-12-04)."""
RIGHT = {"conflict": "conflict", "updated": "conflict", "refinement": "compatible"}


def _labels(name: str) -> dict[str, dict[str, Any]]:
    path = GOLD / name
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
    return {item["id"]: item for item in (data or {}).get("items", [])}


def reports_now(folders: dict[str, Path]) -> dict[str, dict[str, Any]]:
    """``reader align --format json`` of every story, from this checkout."""
    return {name: _align(folder, ROOT) for name, folder in folders.items()}


def reports_at(rev: str, folders: dict[str, Path]) -> dict[str, dict[str, Any]]:
    """The same, from the engine at ``rev`` (exported with git archive)."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", rev], check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        return {name: _align(folder, Path(tmp)) for name, folder in folders.items()}


def _align(folder: Path, tree: Path) -> dict[str, Any]:
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "from tui.cli import main; raise SystemExit(main())",
            "align",
            str(folder),
            "--format",
            "json",
        ],
        check=True,
        capture_output=True,
        text=True,
        cwd=tree,
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin", "READER_DATA_DIR": str(tree)},
    ).stdout
    return json.loads(out)


def candidate_key(story: str, by_id: dict[str, Article], d: dict[str, Any]) -> str:
    sides = []
    for side in (d["a"], d["b"]):
        article = by_id[side["doc"]]
        sides.append([short_id(article), sentence_key(article, side["sentence"]), side["text"]])
    return item_id("candidate", [story, sorted(sides)])


def link_key(story: str, by_id: dict[str, Article], p: dict[str, Any]) -> str:
    sides = []
    for side in (p["a"], p["b"]):
        article = by_id[side["doc"]]
        sides.append([short_id(article), sentence_key(article, side["sentence"])])
    return item_id("link", [story, sorted(sides)])


def group_key(story: str, by_id: dict[str, Article], members: Iterable[dict[str, Any]]) -> str:
    keyed = sorted(
        [short_id(by_id[m["doc"]]), sentence_key(by_id[m["doc"]], m["sentence"])] for m in members
    )
    return item_id("group", [story, keyed])


def candidate_figures(
    reports: dict[str, dict[str, Any]],
    articles: dict[str, tuple[Article, ...]],
    gold: str = "story_candidates.yaml",
) -> dict[str, Counter[str]]:
    """Per "kind status": how many, how many labelled right, wrong, not labelled."""
    labels = _labels(gold)
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for story, report in reports.items():
        by_id = {a.id: a for a in articles[story]}
        for d in report["discrepancies"]:
            status = d["status"]
            group = "⚑" if status == "conflict" else ("updated" if status == "updated" else "≈")
            rows = [f"{group} {d['kind']}", f"{group} all"]
            label = labels.get(candidate_key(story, by_id, d))
            for row in rows:
                out[row]["n"] += 1
                if label is None:
                    out[row]["unlabelled"] += 1
                elif label["label"] == RIGHT.get(status, "compatible"):
                    out[row]["right"] += 1
                else:
                    out[row][f"was {label['label']}"] += 1
    return out


def recall(
    reports: dict[str, dict[str, Any]], articles: dict[str, tuple[Article, ...]]
) -> tuple[list[str], list[str], list[str]]:
    """Real disagreements (high/medium) surfaced and missed, and the checkable ones missed
    (number, quote, attribution, timing, list, name)."""
    found, missed, missed_checkable = [], [], []
    for path in sorted((GOLD / "full_read").glob("*_*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        story = data["story"]
        if story not in reports:
            continue
        ids = {short_id(a): a.id for a in articles[story]}
        flagged = set()
        for d in reports[story]["discrepancies"]:
            if d["status"] in ("conflict", "updated"):
                a = (d["a"]["doc"], d["a"]["sentence"])
                b = (d["b"]["doc"], d["b"]["sentence"])
                flagged.add(frozenset((a, b)))
        for item in data.get("disagreements", []):
            if item["weight"] not in ("high", "medium"):
                continue
            places = [
                {(ids[w["article"]], int(w["sentence"])) for w in position["where"]}
                for position in item["positions"]
            ]
            hit = any(
                frozenset((x, y)) in flagged
                for i, first in enumerate(places)
                for second in places[i + 1 :]
                for x in first
                for y in second
            )
            line = f"{story[:12]} {item['weight']:6} {item['type']:11} {item['fact'][:60]}"
            (found if hit else missed).append(line)
            if not hit and item["type"] != "other":
                missed_checkable.append(line)
    return found, missed, missed_checkable


def link_figures(
    reports: dict[str, dict[str, Any]], articles: dict[str, tuple[Article, ...]]
) -> tuple[Counter[str], Counter[str]]:
    links, groups = _labels("story_links.yaml"), _labels("story_groups.yaml")
    lc: Counter[str] = Counter()
    gc: Counter[str] = Counter()
    for story, report in reports.items():
        if story == "seeds":
            continue
        by_id = {a.id: a for a in articles[story]}
        for p in report["pairs"]:
            label = links.get(link_key(story, by_id, p))
            lc[label["label"] if label else "unlabelled"] += 1
        for g in report["groups"]:
            if len(g["members"]) < 3:
                continue
            label = groups.get(group_key(story, by_id, g["members"]))
            gc[label["label"] if label else "unlabelled"] += 1
    return lc, gc


SCORE_BANDS = ((80.0, "80 or more"), (65.0, "65 to 80"), (50.0, "50 to 65"), (0.0, "under 50"))
"""Where a link's score puts it; the app's pane header asks "≡ match?" under 80."""


def by_score(scored_labels: Iterable[tuple[float, str]]) -> str:
    """Same-fact share of labelled links in each score band (unlabelled ones left out)."""
    bands: dict[str, Counter[str]] = {name: Counter() for _, name in SCORE_BANDS}
    for score, label in scored_labels:
        name = next(name for floor, name in SCORE_BANDS if score >= floor)
        bands[name][label] += 1
    return "; ".join(f"{name} {c['same']}/{sum(c.values())}" for name, c in bands.items() if c)


def story_links_by_score(
    reports: dict[str, dict[str, Any]], articles: dict[str, tuple[Article, ...]]
) -> str:
    links = _labels("story_links.yaml")
    scored = []
    for story, report in reports.items():
        by_id = {a.id: a for a in articles[story]}
        for p in report["pairs"]:
            if label := links.get(link_key(story, by_id, p)):
                scored.append((p["score"], label["label"]))
    return by_score(scored)


def scale_links_by_score(report: dict[str, Any], articles: tuple[Article, ...]) -> str:
    """Every link of the report that carries a label, from any round (not only the sample)."""
    labels = _labels("scale_links.yaml")
    by_id = {a.id: a for a in articles}
    scored = []
    for p in report["pairs"]:
        if label := labels.get(link_key(SCALE.name, by_id, p)):
            scored.append((p["score"], label["label"]))
    return f"{len(scored)} labelled: " + by_score(scored)


def scale_sample(report: dict[str, Any], articles: tuple[Article, ...]) -> list[dict[str, Any]]:
    """``SCALE_LINK_SAMPLE`` of a report's links: those whose key hashes lowest (with the seed), so
    two versions share the links they both make and only new ones need labels."""
    by_id = {a.id: a for a in articles}
    by_key = {link_key(SCALE.name, by_id, p): p for p in report["pairs"]}
    return [by_key[k] for k in drawn_by_hash(list(by_key), SCALE_LINK_SEED, SCALE_LINK_SAMPLE)]


def scale_figures(report: dict[str, Any], articles: tuple[Article, ...]) -> Counter[str]:
    labels = _labels("scale_links.yaml")
    by_id = {a.id: a for a in articles}
    out: Counter[str] = Counter()
    for p in scale_sample(report, articles):
        label = labels.get(link_key(SCALE.name, by_id, p))
        out[label["label"] if label else "unlabelled"] += 1
    return out


def _gold_ref(by_short: dict[str, Article], item: dict[str, Any]) -> tuple[str, int]:
    """(article id, sentence index) of a gold item keyed by article number and opening (the
    index it had when labelled tells apart a sentence an article prints twice)."""
    article = by_short[item["article"]]
    try:
        return article.id, resolve_key(article, item["key"])
    except KeyError:
        if " ".join(article.sentences[item["index"]].text.split()).startswith(item["key"]):
            return article.id, item["index"]
        raise


def counterpart_figures(
    reports: dict[str, dict[str, Any]], articles: dict[str, tuple[Article, ...]]
) -> list[str]:
    """What the engine says of each sentence in the counterpart gold (matched, possible only,
    unique) against what the annotators found reading the stories in full."""
    path = GOLD / "story_counterparts.yaml"
    if not path.exists():
        return ["Counterparts: no gold yet (bench/gold/story_counterparts.yaml)"]
    gold = yaml.safe_load(path.read_text(encoding="utf-8"))["items"]
    c: Counter[str] = Counter()
    for item in gold:
        story = item["story"]
        if story not in reports:
            continue
        by_short = {short_id(a): a for a in articles[story]}
        here = _gold_ref(by_short, item)
        truth = {_gold_ref(by_short, same) for same in item["same"]}
        linked: set[tuple[str, int]] = set()
        possible: set[tuple[str, int]] = set()
        report = reports[story]
        for pairs, into in ((report["pairs"], linked), (report.get("possible", []), possible)):
            for p in pairs:
                a = (p["a"]["doc"], p["a"]["sentence"])
                b = (p["b"]["doc"], p["b"]["sentence"])
                if a == here:
                    into.add(b)
                elif b == here:
                    into.add(a)
        status = "matched" if linked else "possible" if possible else "unique"
        c[status] += 1
        c[f"{status} has counterpart"] += bool(truth)
        c[f"{status} shows one"] += bool(truth & (linked | possible))
        c["counterparts"] += len(truth)
        c["counterparts linked"] += len(truth & linked)
        c["counterparts shown"] += len(truth & (linked | possible))

    def share(k: int, n: int) -> str:
        return f"{k}/{n} = {k / n:.2f}" if n else "-"

    n_u, n_p, n_m, n_c = c["unique"], c["possible"], c["matched"], c["counterparts"]
    return [
        f"Counterparts ({n_u + n_p + n_m} sentences read against their whole story, blind):",
        f"  ◦ unique     {n_u:3}: truly unique {share(n_u - c['unique has counterpart'], n_u)}",
        f"  ◌ possible   {n_p:3}: reported elsewhere {share(c['possible has counterpart'], n_p)};"
        f" a possible shown is one {share(c['possible shows one'], n_p)}",
        f"  matched      {n_m:3}: a partner is a counterpart {share(c['matched shows one'], n_m)}",
        f"  counterparts {n_c:3}: linked {share(c['counterparts linked'], n_c)}; linked or"
        f" possible {share(c['counterparts shown'], n_c)}",
    ]


def scale_group_figures(report: dict[str, Any], articles: tuple[Article, ...]) -> Counter[str]:
    """Groups of 3+ on the scale corpus: the ``SCALE_GROUP_SAMPLE`` whose key hashes lowest (as
    bench/labelling/scale_sample_packets.py draws them), against bench/gold/scale_groups.yaml."""
    labels = _labels("scale_groups.yaml")
    by_id = {a.id: a for a in articles}
    keys = [
        group_key(SCALE.name, by_id, g["members"])
        for g in report["groups"]
        if len(g["members"]) >= 3
    ]
    out: Counter[str] = Counter()
    for key in drawn_by_hash(keys, SCALE_GROUP_SEED, SCALE_GROUP_SAMPLE):
        out[labels[key]["label"] if key in labels else "unlabelled"] += 1
    out["all"] = len(keys)
    return out


def seed_figures(report: dict[str, Any], seeds: tuple[Article, ...]) -> str:
    from tui.core.candidates import Discrepancy, Span

    position = {a.id: i for i, a in enumerate(seeds)}

    def span(side: dict[str, Any]) -> Span:
        return Span(position[side["doc"]], side["sentence"], side["start"], side["end"], "")

    cands = [
        Discrepancy(d["kind"], d["status"], span(d["a"]), span(d["b"]), d["explanation"])
        for d in report["discrepancies"]
    ]
    figures = evaluate_candidates(cands, load_gold(seeds))
    kinds = ", ".join(
        f"{k} {f.true_positives}/{f.true_positives + f.missed} fa {f.false_positives}"
        for k, f in figures.kinds.items()
        if f.true_positives + f.missed + f.false_positives
    )
    return f"P {figures.total.precision:.2f} R {figures.total.recall:.2f} ({kinds})"


def _share(c: Counter[str]) -> str:
    labelled = c["n"] - c["unlabelled"]
    share = f"{c['right'] / labelled:.2f}" if labelled else "  - "
    wrong = ", ".join(f"{k} {v}" for k, v in sorted(c.items()) if k.startswith("was"))
    return (
        f"{c['n']:4} right {share} ({c['right']}/{labelled})  unlabelled {c['unlabelled']}  {wrong}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--baseline", default=BASELINE)
    args = parser.parse_args()
    folders = {f.name: f for f in story_dirs()} | {"seeds": SEEDS}
    articles = {name: load_story(folder) for name, folder in folders.items()}
    if SCALE.is_dir():
        folders["scale"] = SCALE
        articles["scale"] = load_story(SCALE)
    runs = {
        f"baseline {args.baseline}": reports_at(args.baseline, folders),
        "now": reports_now(folders),
    }
    for name, reports in runs.items():
        stories = {k: v for k, v in reports.items() if k not in ("seeds", "scale")}
        print(f"\n=== {name}")
        print("Candidates on the seven stories (blind labels):")
        figures = candidate_figures(stories, articles)
        for row in sorted(figures):
            print(f"  {row:18} {_share(figures[row])}")
        print("Candidates on the seeds (blind labels):")
        figures = candidate_figures({"seeds": reports["seeds"]}, articles)
        for row in sorted(figures):
            print(f"  {row:18} {_share(figures[row])}")
        print(f"Seed contradiction gold: {seed_figures(reports['seeds'], articles['seeds'])}")
        found, missed, checkable = recall(stories, articles)
        total = len(found) + len(missed)
        print(
            f"Real disagreements surfaced (high/medium): {len(found)}/{total}"
            f" = {len(found) / total:.2f}; of the checkable kinds (not 'other'): "
            f"{len(found)}/{len(found) + len(checkable)}"
        )
        for line in found:
            print(f"  found  {line}")
        for line in missed:
            print(f"  missed {line}")
        lc, gc = link_figures(stories, articles)
        labelled = sum(v for k, v in lc.items() if k != "unlabelled")
        print(
            f"Links: {sum(lc.values())}, same fact {lc['same']}/{labelled} = "
            f"{lc['same'] / max(1, labelled):.3f} (related {lc['related']}, none {lc['none']},"
            f" unlabelled {lc['unlabelled']})"
        )
        print(f"  same fact by score: {story_links_by_score(stories, articles)}")
        glabelled = sum(v for k, v in gc.items() if k != "unlabelled")
        print(
            f"Groups of 3+: {sum(gc.values())}, pure {gc['pure']}/{glabelled} = "
            f"{gc['pure'] / max(1, glabelled):.3f} (mixed {gc['mixed']}, chained "
            f"{gc['chained']}, unlabelled {gc['unlabelled']})"
        )
        for line in counterpart_figures(stories, articles):
            print(line)
        if "scale" in reports:
            print("Candidates on the scale corpus (⚑ and updated; labels read to write rules):")
            figures = candidate_figures(
                {SCALE.name: reports["scale"]},
                {SCALE.name: articles["scale"]},
                "scale_candidates.yaml",
            )
            for row in sorted(figures):
                if not row.startswith("≈"):
                    print(f"  {row:18} {_share(figures[row])}")
            sg = scale_group_figures(reports["scale"], articles["scale"])
            glabelled = SCALE_GROUP_SAMPLE - sg["unlabelled"]
            print(
                f"Scale corpus groups of 3+: {sg['all']}; of {SCALE_GROUP_SAMPLE} drawn by hash, "
                f"pure {sg['pure']}/{glabelled} (mixed {sg['mixed']}, chained {sg['chained']}, "
                f"unlabelled {sg['unlabelled']})"
            )
            sc = scale_figures(reports["scale"], articles["scale"])
            slabelled = sum(v for k, v in sc.items() if k != "unlabelled")
            print(
                f"Scale corpus (held out), {len(reports['scale']['pairs'])} links; of "
                f"{SCALE_LINK_SAMPLE} drawn by hash, same fact {sc['same']}/{slabelled} = "
                f"{sc['same'] / max(1, slabelled):.3f} (related {sc['related']}, none "
                f"{sc['none']}, unlabelled {sc['unlabelled']})"
            )
            print(f"  by score, {scale_links_by_score(reports['scale'], articles['scale'])}")


if __name__ == "__main__":
    main()
