"""How `compare` scales with story size: time for 25, 50, 100 and 200 articles.

    python benchmarks/compare_scaling.py ../shared/data/ecbplus [--sizes 25 50 100 200] [--json]

Articles are ECB+ news texts (token XML joined back into text, one story per run, drawn in a
fixed order across topics so every size is a superset of the smaller one). Each size runs the
whole `compare` path (annotation, entity resolution, lineage, embeddings, alignment, verdicts)
in this process, models loaded once beforehand. Reported: seconds, claims, seconds per claim and
the 200/50 time ratio (linear growth in claims gives about 4; the target is <= 5).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from newstrace.api import embedder
from newstrace.config import load_settings
from newstrace.models import load_word_vectors
from newstrace.pipeline import Pipeline
from newstrace.readers import article_from_text
from newstrace.records import Article
from newstrace.story.compare import compare


def ecb_articles(root: Path, limit: int) -> list[Article]:
    """ECB+ documents as articles, round-robin over topics (deterministic order)."""
    topics = sorted(
        (d for d in root.iterdir() if d.is_dir()), key=lambda d: int(d.name) if d.name.isdigit() else 0
    )
    files = [sorted(d.glob("*.xml")) for d in topics]
    out: list[Article] = []
    i = 0
    while len(out) < limit and any(i < len(f) for f in files):
        for f in files:
            if i < len(f) and len(out) < limit:
                tree = ET.parse(f[i])
                sents: dict[str, list[str]] = {}
                for tok in tree.getroot().iter("token"):
                    sents.setdefault(tok.get("sentence", "0"), []).append(tok.text or "")
                text = "\n\n".join(
                    " ".join(words) for _, words in sorted(sents.items(), key=lambda kv: int(kv[0]))
                )
                out.append(article_from_text(text, id=f[i].stem, path=str(f[i])))
        i += 1
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("ecbplus", type=Path)
    ap.add_argument("--sizes", type=int, nargs="+", default=[25, 50, 100, 200])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if not args.ecbplus.is_dir():
        print(f"not a directory: {args.ecbplus}", file=sys.stderr)
        return 2
    settings = load_settings()
    articles = ecb_articles(args.ecbplus, max(args.sizes))
    pipeline = Pipeline(settings)
    embed = embedder(settings)
    vectors = load_word_vectors(settings.word_vectors)
    compare(list(pipeline.annotate(articles[:3])), embed, vectors=vectors)  # warm models and caches
    rows = []
    for n in args.sizes:
        batch = articles[:n]
        t0 = time.perf_counter()
        anns = list(pipeline.annotate(batch))
        report = compare(anns, embed, vectors=vectors)
        dt = time.perf_counter() - t0
        claims = sum(len(a.claims) for a in anns)
        rows.append(
            {
                "articles": len(batch),
                "claims": claims,
                "groups": len(report.groups),
                "seconds": round(dt, 2),
                "ms_per_claim": round(1000 * dt / max(1, claims), 2),
            }
        )
        print(
            json.dumps(rows[-1])
            if args.json
            else f"{len(batch):>4} articles {claims:>6} claims {len(report.groups):>6} groups {dt:8.2f} s "
            f"({1000 * dt / max(1, claims):.1f} ms/claim)",
            flush=True,
        )
    by_n = {r["articles"]: r["seconds"] for r in rows}
    if 200 in by_n and 50 in by_n:
        ratio = by_n[200] / by_n[50]
        print(
            json.dumps({"ratio_200_50": round(ratio, 2)})
            if args.json
            else f"200/50 time ratio: {ratio:.2f} (target <= 5)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
