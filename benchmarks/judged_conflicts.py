"""Precision of shown conflicts on real coverage outside the trust gold, against conflicts judged
by reading (``src/newstrace/bench/gold/trust_judged``).

    python benchmarks/judged_conflicts.py ../shared/data/ecbplus [--min-precision 0.5]
    python benchmarks/judged_conflicts.py --aquaint ../shared/data/tempeval3/AQUAINT [--min-precision 0.5]

The first runs compare on ECB+ sub-topics (``judged.jsonl``); the second on the AQUAINT news of
TempEval-3's training data (AP, NYT and Xinhua wires of 1998-2000), grouped by hand into the
stories of ``aquaint_stories.json`` (``aquaint.jsonl``; there conflicts and updates are counted
apart). Prints each shown conflict as real / false / unjudged, the precision over the judged ones,
and exits 1 below ``--min-precision``. Unjudged conflicts are new output nobody has read: read
them with the guide and add them to the judged file."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from newstrace.api import compare_articles, embedder
from newstrace.bench._gold import subtopic_docs
from newstrace.bench.timeml import read_timeml
from newstrace.config import load_settings
from newstrace.errors import InputError
from newstrace.readers import article_from_text
from newstrace.records import Article

JUDGED = Path(__file__).resolve().parents[1] / "src/newstrace/bench/gold/trust_judged"
# The sets read, in the order they were read (see the README there): "dev" first, its causes
# fixed; "fresh" read on the code that came of it, before its own causes were looked at.
SETS = {
    "dev": "1_2 2_2 3_2 4_2 5_2 6_2 7_2 9_2 10_2 11_2 13_2 16_2 19_2 21_2 22_2 25_2 26_2 27_2 28_2 29_2 "
    "31_2 33_2 34_2 35_2".split(),
    "fresh": "1_1 3_1 4_1 5_1 6_1 7_1 9_1 10_1 11_1 12_1 13_1 14_1 16_1 18_1 19_1 20_1 21_1 22_1 23_1 24_1 "
    "25_1 26_1 27_1 28_1 29_1 30_1 31_1 33_1 34_1 35_1".split(),
}


def load(path: Path) -> list[dict]:  # type: ignore[type-arg]
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError as e:
            sys.exit(f"{path}:{n}: [E106] not a JSON line: {e.msg}")
    return out


def _side_ok(side: dict, v) -> bool:  # type: ignore[no-untyped-def, type-arg]
    return side["doc"] == v.article and (side["text"] in v.text or v.text in side["text"])


def _judgement(judged: list[dict], name: str, ctype: str, va, vb, key: str = "subtopic") -> dict | None:  # type: ignore[no-untyped-def, type-arg]
    for j in judged:
        if j[key] != name or j["type"] != ctype:
            continue
        if (_side_ok(j["a"], va) and _side_ok(j["b"], vb)) or (_side_ok(j["a"], vb) and _side_ok(j["b"], va)):
            return j
    return None


def aquaint_article(folder: Path, doc_id: str) -> Article:
    """One AQUAINT document as an article: its creation date, title and text; the wire (AP, NYT,
    Xinhua) from its id, so that two stories of one wire count as one source."""
    doc = read_timeml(folder / f"{doc_id}.tml")
    head = f"date {doc.dct.isoformat()}\n" if doc.dct else ""
    title = f"{doc.title}\n\n" if doc.title else ""
    text = f"{head}{title}{doc.text.strip()}\n"
    return article_from_text(text, id=doc_id, path=doc.path, source=doc_id[:3])


def run_aquaint(folder: Path, min_precision: float | None) -> int:
    """Compare each AQUAINT story and score what it shows against ``aquaint.jsonl``."""
    stories: dict[str, list[str]] = json.loads((JUDGED / "aquaint_stories.json").read_text(encoding="utf-8"))
    judged = load(JUDGED / "aquaint.jsonl")
    settings = load_settings()
    embed = embedder(settings)
    tally = {"conflict": [0, 0], "update": [0, 0]}
    unjudged = errors = 0
    for name, ids in stories.items():
        arts = []
        for i in ids:
            try:
                arts.append(aquaint_article(folder, i))
            except (
                OSError,
                ValueError,
                SyntaxError,
            ) as e:  # missing, unreadable, or not XML (ParseError: line, column)
                print(
                    f"{folder / f'{i}.tml'}: [E107] cannot read (story {name} skipped): {e}", file=sys.stderr
                )
                errors += 1
        if len(arts) != len(ids):
            continue  # a story with a document missing would show other conflicts than were judged
        report = compare_articles(arts, settings, embed)
        for g in report.groups:
            for c in g.conflicts:
                va, vb = c.values[:2]
                hit = _judgement(judged, name, c.type, va, vb, key="cluster")
                label = "unjudged" if hit is None else "real" if hit["real"] else "false"
                print(
                    f"{name:13} {label:9} [{c.type}] {va.article} {va.text[:60]!r} / {vb.article} {vb.text[:60]!r}"
                )
                kind = "update" if c.type == "update" else "conflict"
                if hit is None:
                    unjudged += 1
                else:
                    tally[kind][0 if hit["real"] else 1] += 1
    for kind, (real, false) in tally.items():
        shown = real + false
        print(
            f"{kind}s: shown and judged {shown}, real {real}: precision {real / shown if shown else 1.0:.3f}"
        )
    real, false = tally["conflict"]
    precision = real / (real + false) if real + false else 1.0
    print(f"{len(stories)} stories; unjudged {unjudged}")
    if errors:
        print(f"{errors} document(s) could not be read", file=sys.stderr)
        return 1
    if min_precision is not None and precision < min_precision:
        print(f"conflict precision {precision:.3f} is below the floor {min_precision}", file=sys.stderr)
        return 1
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("ecbplus", type=Path, nargs="?", help="the ECB+ folder (topic folders of token XML)")
    ap.add_argument(
        "--aquaint", type=Path, default=None, help="the AQUAINT folder of TempEval-3 (.tml files)"
    )
    ap.add_argument("--min-precision", type=float, default=None)
    args = ap.parse_args()
    if args.aquaint is not None:
        if not args.aquaint.is_dir():
            print(f"{args.aquaint}: [E107] not a folder of TimeML files", file=sys.stderr)
            return 2
        return run_aquaint(args.aquaint, args.min_precision)
    if args.ecbplus is None:
        ap.error("give the ECB+ folder or --aquaint")
    if not args.ecbplus.is_dir():
        print(f"{args.ecbplus}: [E107] not a folder of ECB+ topics", file=sys.stderr)
        return 2
    judged = load(JUDGED / "judged.jsonl")
    settings = load_settings()
    embed = embedder(settings)
    tally: dict[str, list[int]] = {}
    unjudged = errors = 0
    for set_name, names in SETS.items():
        real = false = 0
        for name in names:
            try:
                docs = subtopic_docs(args.ecbplus, name)
            except InputError as e:
                print(e, file=sys.stderr)  # names the folder; the other sub-topics go on
                errors += 1
                continue
            report = compare_articles([d.article for d in docs.values()], settings, embed)
            for g in report.groups:
                for c in g.conflicts:
                    va, vb = c.values[:2]  # the pair the rules found; the others are its sides' other sources
                    hit = _judgement(judged, name, c.type, va, vb)
                    label = "unjudged" if hit is None else "real" if hit["real"] else "false"
                    print(
                        f"{name:6} {label:9} [{c.type}] {va.article} {va.text[:80]!r} / {vb.article} {vb.text[:80]!r}"
                    )
                    if hit is None:
                        unjudged += 1
                    elif hit["real"]:
                        real += 1
                    else:
                        false += 1
        tally[set_name] = [real, false]
    for set_name, (real, false) in tally.items():
        print(f"{set_name:6} ({len(SETS[set_name])} sub-topics): shown and judged {real + false}, real {real}: "
              f"precision {real / (real + false) if real + false else 1.0:.3f}")  # fmt: skip
    real = sum(r for r, _ in tally.values())
    shown = sum(r + f for r, f in tally.values())
    precision = real / shown if shown else 1.0
    print(f"all: shown and judged {shown}, real {real}: precision {precision:.3f}; unjudged {unjudged}")
    if errors:
        print(f"{errors} sub-topic(s) could not be read", file=sys.stderr)
        return 1
    if args.min_precision is not None and precision < args.min_precision:
        print(f"precision {precision:.3f} is below the floor {args.min_precision}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
