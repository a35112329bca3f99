"""Fit the corroboration pair model (``src/newstrace/data/fact_model.json``).

Examples are the candidate proposition pairs ``compare`` itself considers, in ECB+ sub-topics
whose shared facts were read by hand (``src/newstrace/bench/gold/facts``): a pair is positive
when both propositions' spans overlap the words the gold gives for one fact. Sub-topics named
with ``--hold-out`` are left out of the fit (by default 8_1 and 32_1), so ``newstrace bench
facts --subtopic 8_1 --subtopic 32_1`` measures the model on stories it never saw.

    python benchmarks/train_fact_model.py ../shared/data/ecbplus [--write]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from newstrace._logreg import fit_logistic
from newstrace.api import embedder
from newstrace.bench.ecbplus import read_ecb, subtopic_files
from newstrace.bench.facts import default_gold_dir
from newstrace.config import load_settings
from newstrace.models import load_word_vectors
from newstrace.pipeline import Pipeline
from newstrace.story.claims import story_claims
from newstrace.story.facts import FEATURES, FactFinder, FactModel
from newstrace.story.resolve import resolve_entities
from newstrace.story.scope import Scopes, story_window

SENTENCE_LABELS = False
MODEL = Path(__file__).resolve().parent.parent / "src" / "newstrace" / "data" / "fact_model.json"


def examples(ecb: Path, name: str, gold: dict, pipeline: Pipeline, embed, vectors) -> tuple[list, list]:
    t, s = (int(x) for x in name.split("_"))
    docs = {d.article.id: d for d in (read_ecb(f) for f in subtopic_files(ecb, t, s))}
    # Where each gold fact's words are: (doc, start, end) per stating sentence.
    spans: dict[str, list[tuple[int, int, int]]] = {}
    for k, fact in enumerate(gold["facts"]):
        for st in fact["sentences"]:
            doc = docs[st["doc"]]
            a, b = doc.sentence_span(int(st["sentence"]))
            i = doc.article.text.find(st["text"], a, b)
            if i >= 0:
                spans.setdefault(st["doc"], []).append((k, i, i + len(st["text"])))
    anns = list(pipeline.annotate([d.article for d in docs.values()]))
    entities = resolve_entities(anns)
    story_ids = {ref: e.id for e in entities for ref in e.members}
    claims = story_claims(anns, story_ids, entities)
    finder = FactFinder(claims, entities, Scopes(claims, story_window(anns)), embed, vectors=vectors)

    def overlapping(article: str, lo: int, hi: int) -> set[int]:
        return {k for k, a, b in spans.get(article, []) if a < hi and lo < b}

    def facts_of(i: int) -> set[int]:
        """The gold facts whose words the proposition's span overlaps; a fact the claim states
        in words no proposition of it covers (a verbless headline part) counts for each."""
        u = finder.units[i]
        art, c = u.sc.ref.article, u.sc.claim
        if SENTENCE_LABELS:
            return overlapping(art, c.start, c.end)
        covered = set().union(*(overlapping(art, p.start, p.end) for p in c.props)) if c.props else set()
        return overlapping(art, u.prop.start, u.prop.end) | (overlapping(art, c.start, c.end) - covered)

    rows, labels = [], []
    for i, j in finder.candidates():
        if not finder.compatible(i, j):
            continue
        rows.append(finder.features(i, j))
        labels.append(bool(facts_of(i) & facts_of(j)))
    return rows, labels


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("ecbplus", type=Path)
    ap.add_argument("--gold", type=Path, default=default_gold_dir())
    ap.add_argument("--hold-out", nargs="*", default=["8_1", "32_1"])
    ap.add_argument("--confirm", type=float, default=0.5)
    ap.add_argument("--link", type=float, default=0.3)
    ap.add_argument("--write", action="store_true", help=f"write {MODEL}")
    ap.add_argument(
        "--sentence-labels",
        action="store_true",
        help="label a pair by the gold facts of the two claims, not of the two propositions' words",
    )
    args = ap.parse_args()
    global SENTENCE_LABELS
    SENTENCE_LABELS = args.sentence_labels
    settings = load_settings()
    pipeline = Pipeline(settings)
    embed = embedder(settings)
    vectors = load_word_vectors(settings.word_vectors)
    rows, labels, used = [], [], []
    for f in sorted(args.gold.glob("*.json")):
        if f.stem in args.hold_out:
            continue
        r, y = examples(args.ecbplus, f.stem, json.loads(f.read_text()), pipeline, embed, vectors)
        rows += r
        labels += y
        used.append(f.stem)
        print(f"{f.stem}: {len(r)} candidate pairs, {sum(y)} state one fact", file=sys.stderr)
    x = np.array(rows)
    y = np.array(labels, dtype=np.float64)
    mean, scale, coef, b = fit_logistic(x, y, l2=1.0, steps=3000)
    model = FactModel(
        features=FEATURES,
        mean=tuple(round(float(v), 6) for v in mean),
        scale=tuple(round(float(v), 6) for v in scale),
        coef=tuple(round(float(v), 6) for v in coef),
        intercept=round(float(b), 6),
        confirm=args.confirm,
        link=args.link,
        trained_on=f"ECB+ sub-topics {', '.join(used)} (facts gold); held out: {', '.join(args.hold_out)}",
    )
    p = np.array([model.prob(r) for r in x])
    for f, c in zip(FEATURES, model.coef, strict=True):
        print(f"  {f:15} {c:+.3f}")
    for th in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        sel = p >= th
        prec = (y[sel].sum() / sel.sum()) if sel.sum() else 1.0
        print(
            f"  p>={th}: {int(sel.sum())} pairs, precision {prec:.3f}, recall {y[sel].sum() / max(1, y.sum()):.3f}"
        )
    if args.write:
        model.save(MODEL)
        print(f"wrote {MODEL}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
