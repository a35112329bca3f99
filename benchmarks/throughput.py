"""Throughput of `extract` against bare spaCy over the same texts, in the same process.

    python benchmarks/throughput.py [PATH ...] [--repeat N] [--json]

PATH defaults to examples/corpus; any folder of articles works (../shared/seeds, a JSONL dump).
Both sides get the same article bodies, repeated --repeat times. The bare side runs
``nlp.pipe`` with the same model and batch size; the extract side runs the whole per-article
pipeline (segment + entities + times) exactly as `newstrace extract` does. Reported: words/s of
each and their ratio (target: extract >= 0.5x bare spaCy).
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from newstrace.config import load_settings
from newstrace.models import load_spacy
from newstrace.pipeline import Pipeline
from newstrace.readers import read_paths
from newstrace.records import Article


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=["examples/corpus"])
    ap.add_argument("--repeat", type=int, default=20, help="times to repeat the corpus (default 20)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    settings = load_settings()
    articles = [a for a in read_paths(args.paths, settings) if isinstance(a, Article)]
    if not articles:
        print("no articles read", file=sys.stderr)
        return 1
    articles = articles * args.repeat
    words = sum(len(a.body.split()) for a in articles)

    nlp = load_spacy(settings.spacy_model)
    pipeline = Pipeline(settings)  # loads the same cached model
    # Warm both paths once so model loading and first-call costs are outside the timings.
    list(nlp.pipe([a.body for a in articles[:4]]))
    list(pipeline.annotate(articles[:4]))

    t0 = time.perf_counter()
    for _ in nlp.pipe((a.body for a in articles), batch_size=settings.batch_size):
        pass
    bare = time.perf_counter() - t0

    t0 = time.perf_counter()
    for _ in pipeline.annotate(articles):
        pass
    full = time.perf_counter() - t0

    report = {
        "articles": len(articles),
        "words": words,
        "spacy_version": __import__("spacy").__version__,
        "bare_spacy_words_per_s": round(words / bare),
        "extract_words_per_s": round(words / full),
        "ratio": round(bare / full, 3),
    }
    if args.json:
        print(json.dumps(report))
    else:
        print(f"{report['articles']} articles, {words:,} words (spaCy {report['spacy_version']})")
        print(f"bare spaCy : {report['bare_spacy_words_per_s']:>8,} words/s")
        print(f"extract    : {report['extract_words_per_s']:>8,} words/s")
        print(f"ratio      : {report['ratio']:.2f}x bare spaCy (target >= 0.5)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
