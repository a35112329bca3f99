"""Conflicts and updates of `compare` on eight multi-outlet stories written blind to the code
(``benchmarks/written_stories``: see its README), scored against the discrepancies their writer
listed by reading, following ``shared/guides/discrepancies.md``.

    python benchmarks/written_stories.py [DIR] [--all] [--min-precision 0.6]

DIR: a folder of story folders (default ``benchmarks/written_stories``; a second set written
the same way are ``benchmarks/written_stories_2`` and ``_3``).

A shown conflict or update is real when each of its two values overlaps the words of one side of
the same listed discrepancy, in that side's file; the writer listed every real discrepancy, so
any other shown one is counted false (and printed, to be read). Recall is per discrepancy: one
found pair of its sides finds it. Exits 1 below ``--min-precision``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from newstrace.api import compare_articles, embedder, read_articles
from newstrace.config import load_settings

ROOT = Path(__file__).resolve().parent / "written_stories"


def _overlap(a: str, b: str) -> bool:
    return a in b or b in a


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("root", nargs="?", type=Path, default=ROOT, help="folder of story folders (default: %(default)s)")
    ap.add_argument("--all", action="store_true", help="score every conflict found, not only those shown")
    ap.add_argument("--min-precision", type=float, default=None)
    args = ap.parse_args(argv)
    settings = load_settings()
    embed = embedder(settings)
    shown = real = 0
    found: set[tuple[str, int]] = set()
    listed = 0
    if not args.root.is_dir():
        sys.exit(f"{args.root}: no such folder of stories")
    for story in sorted(p for p in args.root.iterdir() if p.is_dir()):
        path = story / "gold.json"
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as e:
            sys.exit(f"{path}:{e.lineno}: [E106] not JSON: {e.msg}")
        listed += len(gold["discrepancies"])
        articles, failures = read_articles(sorted(story.glob("*.txt")), settings)
        if failures:
            sys.exit(f"{story}: {failures} article(s) could not be read")
        texts = {a.id: a.text for a in articles}
        report = compare_articles(articles, settings, embed, all_conflicts=args.all)
        for group in report.groups:
            for c in group.conflicts:
                va, vb = c.values[0], c.values[-1]
                said_a, said_b = texts[va.article][va.start : va.end], texts[vb.article][vb.start : vb.end]
                hit = None
                for n, d in enumerate(gold["discrepancies"]):
                    sides = [(s["file"].removesuffix(".txt"), s["text"]) for s in d["sides"]]
                    if (
                        va.article != vb.article
                        and any(f == va.article and _overlap(t, said_a) for f, t in sides)
                        and any(f == vb.article and _overlap(t, said_b) for f, t in sides)
                    ):
                        hit = n
                        break
                shown += 1
                if hit is not None:
                    real += 1
                    found.add((story.name, hit))
                what = gold["discrepancies"][hit]["measure"] if hit is not None else c.explanation[:140]
                print(
                    f"{story.name:12} {'real ' if hit is not None else 'false'} [{c.type} {c.confidence:.2f}] "
                    f"{va.article} {said_a!r} / {vb.article} {said_b!r} :: {what}"
                )
    precision = real / shown if shown else 1.0
    print(
        f"conflicts and updates {'found' if args.all else 'shown'}: {shown}, real {real}: precision {precision:.3f}"
    )
    print(f"discrepancies found: {len(found)} of {listed} listed: recall {len(found) / listed:.3f}")
    if args.min_precision is not None and precision < args.min_precision:
        print(f"precision {precision:.3f} is below the floor {args.min_precision}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
