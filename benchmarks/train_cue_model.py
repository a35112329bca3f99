"""Train the quotes stage's cue model (``newstrace/data/cue_model.json``) on brat attribution data.

    python benchmarks/train_cue_model.py ../shared/data/polnear/train \\
        --dev ../shared/data/polnear/dev --out src/newstrace/data/cue_model.json

Every verb, noun and adjective of the parsed training texts is one example, positive when it lies
inside a gold Cue span. The model is an L1-regularised logistic regression (scikit-learn's
liblinear, deterministic) over the named features of ``newstrace.stages._cue_model.features``;
L1 keeps a few thousand of the ~200k features, so the JSON stays small and readable. With
``--dev`` the script also prints the dev split's token-level P/R/F1 and the quotes benchmark with
the new model, next to the lexicon-only stage. Needs scikit-learn (``pip install scikit-learn``),
at training time only.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newstrace.bench.brat import BratDoc, read_brat_dir
from newstrace.bench.quotes import _stages
from newstrace.config import load_settings
from newstrace.records import AnnotatedArticle, Article
from newstrace.stages._cue_model import POS, CueModel, features
from newstrace.stages.quotes import _Doc

Parsed = list[tuple[BratDoc, AnnotatedArticle]]


def parse(path: Path, batch: int = 16) -> Parsed:
    """segment -> entities on every annotated text under ``path`` (what the quotes stage sees)."""
    docs = read_brat_dir(path)
    # No cue model while parsing: this script is what writes the bundled one.
    segment, entities, _ = _stages(load_settings(**{"models.cue_model": "none"}))
    out: Parsed = []
    for i in range(0, len(docs), batch):
        chunk = docs[i : i + batch]
        anns = entities(segment([AnnotatedArticle(Article(d.name, d.name, d.text)) for d in chunk]))
        out.extend(zip(chunk, anns, strict=True))
        print(f"  parsed {min(i + batch, len(docs))}/{len(docs)}", file=sys.stderr, end="\r")
    print(file=sys.stderr)
    return out


def examples(parsed: Parsed) -> tuple[list[list[str]], list[bool]]:
    """(features, is inside a gold cue) for every scored token."""
    xs: list[list[str]] = []
    ys: list[bool] = []
    for doc, ann in parsed:
        ctx = _Doc(ann)
        cues = [frag for a in doc.attributions for frag in a.cue]
        for off, sdoc in ann.docs:
            for tok in sdoc:
                if tok.pos_ not in POS:
                    continue
                start = off + tok.idx
                end = start + len(tok.text)
                xs.append(features(tok, ctx.mark_at(start) is not None))
                ys.append(any(s < end and start < e for s, e in cues))
    return xs, ys


def fit(xs: list[list[str]], ys: list[bool], *, c: float = 0.5, threshold: float = 0.5) -> CueModel:
    try:
        import numpy as np
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        raise SystemExit("training needs scikit-learn: pip install scikit-learn") from None
    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(f, 1) for f in xs]).tocsr()
    x.indices = x.indices.astype(np.int32)  # liblinear takes 32-bit indices only
    x.indptr = x.indptr.astype(np.int32)
    model = LogisticRegression(l1_ratio=1.0, C=c, solver="liblinear", max_iter=1000, random_state=0).fit(x, ys)
    names = vec.get_feature_names_out()
    weights = {
        str(n): round(float(w), 4) for n, w in zip(names, model.coef_[0], strict=True) if abs(w) >= 1e-4
    }
    meta = {"examples": len(ys), "positives": int(sum(ys)), "C": c, "features_seen": len(names)}
    return CueModel(weights, round(float(model.intercept_[0]), 4), threshold, meta=meta)


def token_scores(model: CueModel, xs: list[list[str]], ys: list[bool]) -> tuple[float, float, float]:
    pred = [model.prob(f) >= model.threshold for f in xs]
    tp = sum(p and y for p, y in zip(pred, ys, strict=True))
    p = tp / max(1, sum(pred))
    r = tp / max(1, sum(ys))
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def bench(parsed: Parsed, model: CueModel | None) -> dict[str, Any]:
    from newstrace.bench.quotes import SystemScores, gold_items, group_quotes
    from newstrace.stages.quotes import extract_quotes

    scores = SystemScores()
    for doc, ann in parsed:
        quotes, _ = extract_quotes(ann, model)
        scores.add_doc(gold_items(doc), group_quotes(quotes), doc.text)
    return scores.to_dict(1)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("train", type=Path, help="brat folder (text/*.txt + attributions/*.ann)")
    ap.add_argument("--dev", type=Path, help="a held-out brat folder to report on")
    ap.add_argument("--out", type=Path, help="where to write the model JSON")
    ap.add_argument("--c", type=float, default=0.5, help="inverse L1 strength (default 0.5)")
    ap.add_argument("--threshold", type=float, default=0.5, help="cue probability cut (default 0.5)")
    args = ap.parse_args(argv)
    train = parse(args.train)
    xs, ys = examples(train)
    model = fit(xs, ys, c=args.c, threshold=args.threshold)
    model = CueModel(
        model.weights,
        model.bias,
        model.threshold,
        trained_on="/".join(args.train.resolve().parts[-2:]),
        meta=model.meta,
    )
    print(f"trained on {len(ys)} tokens ({sum(ys)} in cues); {len(model.weights)} weights kept")
    if args.dev:
        dev = parse(args.dev)
        dxs, dys = examples(dev)
        p, r, f = token_scores(model, dxs, dys)
        print(f"dev tokens: P {p:.3f} R {r:.3f} F1 {f:.3f}")
        for name, m in (("lexicons only", None), ("with cue model", model)):
            r = bench(dev, m)
            src, cue, cont = r["source"]["exact"], r["cue"]["exact"], r["content"]["overlap"]
            print(
                f"dev {name:15s} source exact F1 {src['f1']:.4f} (P {src['precision']:.3f} R {src['recall']:.3f})"
                f"  cue exact F1 {cue['f1']:.4f}  content overlap F1 {cont['f1']:.4f}"
            )
    if args.out:
        args.out.write_text(model.to_json(), encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
