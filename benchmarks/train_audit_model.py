"""Train the audit's support model (src/newstrace/audit/support_model.json), reproducibly.

    python benchmarks/train_audit_model.py CORPUS [CORPUS ...] [--limit N] [--out PATH]

CORPUS: folders or files of news articles in any format newstrace reads (for the shipped model:
the project's own examples/corpus and tests/fixtures/stories, plus the PolNeAR training texts,
../shared/data/polnear/train/text, which are never copied into the project). Each article's
sentences are perturbed (``newstrace.audit.perturb``): kept or shortened ones are supported;
ones with a name, number, date or negation changed, subject and object swapped, or taken from
another article are not. The features of each example against its article train a logistic
regression (``newstrace.audit._model.fit``). Same corpus, same seed: same weights.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
import zlib
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

from newstrace.api import read_articles
from newstrace.audit._engine import Auditor
from newstrace.audit._model import fit
from newstrace.audit.perturb import CHANGES, perturb
from newstrace.readers import article_from_text


def qags_rows(auditor: Auditor, folder: Path) -> Iterator[tuple[dict[str, float], bool, str]]:
    """Features and majority label of every QAGS summary sentence (the weakest audit sentence
    overlapping it speaks for it), read the way ``newstrace bench audit`` reads them."""
    from newstrace.bench.audit import QAGS_FILES, read_qags

    for name in QAGS_FILES:
        for rec in read_qags(folder / name):
            derived = article_from_text(rec.derived, id="derived")
            feats = auditor.features([article_from_text(rec.article, id="source")], derived)
            for g in rec.sentences:
                over = [f for a, b, f in feats if a < g.end and b > g.start]
                if over:
                    yield min(over, key=lambda f: f["cos1"]), g.consistent, rec.id


def balanced_accuracy(gold: Sequence[bool], pred: Sequence[bool]) -> float:
    """Mean of the recalls of the two classes."""
    pos = [p for g, p in zip(gold, pred, strict=True) if g]
    neg = [not p for g, p in zip(gold, pred, strict=True) if not g]
    return 0.5 * (sum(pos) / max(1, len(pos)) + sum(neg) / max(1, len(neg)))


def cross_validate(
    rows: Sequence[dict[str, float]], labels: Sequence[bool], groups: Sequence[str], k: int, threshold: float
) -> None:
    """Held-out figures: folds by QAGS record (zlib hash, so deterministic), per file and pooled."""
    fold = [zlib.crc32(g.encode()) % k for g in groups]
    pred = [False] * len(rows)
    for f in range(k):
        train = [i for i in range(len(rows)) if fold[i] != f]
        m = fit([rows[i] for i in train], [labels[i] for i in train])
        for i in range(len(rows)):
            if fold[i] == f:
                pred[i] = m.score(rows[i]) >= threshold
    for name in sorted({g.rsplit("-", 1)[0] for g in groups}) + ["all"]:
        idx = [i for i, g in enumerate(groups) if name == "all" or g.rsplit("-", 1)[0] == name]
        bacc = balanced_accuracy([labels[i] for i in idx], [pred[i] for i in idx])
        print(f"{k}-fold held-out sentence bacc {name}: {bacc:.3f} (n={len(idx)})", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="*", type=Path, help="articles to perturb")
    ap.add_argument("--qags", type=Path, help="also learn from the QAGS human judgements in this folder")
    ap.add_argument("--limit", type=int, default=200, help="articles used, in sorted path order")
    ap.add_argument("--per-article", type=int, default=8)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument(
        "--threshold", type=float, default=0.5, help="score from which a sentence counts as supported"
    )
    ap.add_argument("--cv", type=int, default=0, help="also report K-fold held-out balanced accuracy on QAGS")
    ap.add_argument("--rows", type=Path, help="also write every example's features and label (JSON lines)")
    ap.add_argument("--out", type=Path, default=Path("src/newstrace/audit/support_model.json"))
    args = ap.parse_args(argv)

    rows: list[dict[str, float]] = []
    labels: list[bool] = []
    groups: list[str] = []  # the QAGS record of each row: cross-validation folds never split one
    auditor = Auditor()
    if args.qags:
        for feats, label, rid in qags_rows(auditor, args.qags):
            rows.append(feats)
            labels.append(label)
            groups.append(rid)
        print(f"{len(rows)} QAGS sentences", file=sys.stderr)
    articles, failed = read_articles(args.corpus) if args.corpus else ([], 0)
    articles = sorted(articles, key=lambda a: a.path)[: args.limit]
    print(f"{len(articles)} articles ({failed} unreadable)", file=sys.stderr)
    anns = list(auditor.pipeline.annotate(articles, keep_docs=True))
    # A word turned into its opposite leaves every feature of a copy (same words but one, same
    # cosine): the typed check (meaning_reversed) catches it, and as a training example it only
    # teaches the model to doubt faithful copies (QAGS sentence bacc 0.751 with it, see
    # BENCHMARKS.md). Held-out sets (make_perturbed_qags.py) keep it.
    changes = tuple(c for c in CHANGES if c != "opposite")
    examples = perturb(anns, per_article=args.per_article, seed=args.seed, changes=changes)
    print(f"{len(examples)} examples: {dict(Counter(e.kind for e in examples))}", file=sys.stderr)
    by_id = {a.id: a for a in articles}
    t0 = time.perf_counter()
    for n, ex in enumerate(examples, 1):
        derived = article_from_text(ex.text, id="derived")
        feats = auditor.features([by_id[ex.source]], derived)
        if not feats:
            continue
        # The weakest sentence speaks for the example (a shortened sentence may split in two).
        rows.append(min((f for _, _, f in feats), key=lambda f: f["cos1"]))
        labels.append(ex.supported)
        if n % 100 == 0:
            print(f"  {n}/{len(examples)} ({n / (time.perf_counter() - t0):.1f}/s)", file=sys.stderr)
    corpus = ", ".join(p.name or str(p) for p in args.corpus)
    parts = []
    if args.qags:
        parts.append(f"{len(groups)} QAGS summary sentences with human judgements ({args.qags.name})")
    if examples:
        parts.append(
            f"{len(rows) - len(groups)} perturbed sentences of {len(articles)} articles ({corpus}), seed {args.seed}"
        )
    if args.rows:
        with args.rows.open("w", encoding="utf-8") as fh:
            for k, (r, y) in enumerate(zip(rows, labels, strict=True)):
                group = groups[k] if k < len(groups) else "perturbed"
                fh.write(json.dumps({"features": r, "label": y, "group": group}) + "\n")
    model = fit(rows, labels, trained_on="; ".join(parts))
    model = dataclasses.replace(model, threshold=args.threshold)
    if args.cv and groups:
        cross_validate(rows[: len(groups)], labels[: len(groups)], groups, args.cv, args.threshold)
    model.save(args.out)
    acc = sum((model.score(r) >= model.threshold) == y for r, y in zip(rows, labels, strict=True)) / len(rows)
    print(f"wrote {args.out}; training accuracy {acc:.3f}", file=sys.stderr)
    for f, c in sorted(zip(model.features, model.coef, strict=True), key=lambda x: -abs(x[1])):
        print(f"  {f:18s} {c:+.3f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
