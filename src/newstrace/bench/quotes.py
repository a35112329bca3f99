"""``newstrace bench quotes DIR``: score the ``quotes`` stage against brat attribution data.

Definition of the scores (the same for newstrace and for the textacy baseline):

- Items. A gold attribution (one brat event) gives one source, one cue and one content item,
  each a set of character fragments (missing roles give no item: "Attribution-no-source" has
  no source). System quotes are first grouped into attributions: quotes sharing the same
  speaker span *and* the same cue span are one attribution ("“A,” said X. “B.”" is one
  attribution with a two-fragment content in PolNeAR as in newstrace). The group's source
  item is the speaker span, its cue item the cue span, its content item all its content
  spans. Quotes without a cue are never grouped.
- Exact match. Both items, fragment by fragment after trimming surrounding whitespace,
  quote marks and ``, . ; :`` (newstrace content excludes quote marks, PolNeAR's includes
  them), are the same set of spans.
- Overlap match. The items share at least one character.
- Matching is one-to-one and greedy: candidate pairs are taken by decreasing shared characters
  (exact pairs first for the exact score), each gold and each system item used at most once.
- Precision = matched / system items, recall = matched / gold items, F1 their harmonic mean,
  summed over all documents (micro-averaged), per role (source, cue, content).

The textacy baseline is ``textacy.extract.triples.direct_quotations`` run on the very spaCy
docs newstrace parsed (so its speed figure covers extraction only); a document where it raises
(it refuses unbalanced quote marks) contributes no items and is counted in ``baseline_errors``.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newstrace.bench.brat import BratDoc, read_brat_dir
from newstrace.config import Settings, load_settings
from newstrace.records import AnnotatedArticle, Article, Quote

Frag = tuple[int, int]
Item = tuple[Frag, ...]
ROLES = ("source", "cue", "content")
_STRIP = " \t\r\n\u00a0\"'\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb,.;:"


@dataclass(frozen=True, slots=True)
class AttributionItems:
    source: Item = ()
    cue: Item = ()
    content: Item = ()

    def role(self, name: str) -> Item:
        item: Item = getattr(self, name)
        return item


@dataclass
class Counts:
    tp: int = 0
    n_sys: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.n_sys if self.n_sys else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.n_sys += other.n_sys
        self.n_gold += other.n_gold

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "system": self.n_sys,
            "gold": self.n_gold,
        }


@dataclass
class SystemScores:
    """Per role, per match mode ("exact", "overlap") counts for one system."""

    counts: dict[str, dict[str, Counts]] = field(
        default_factory=lambda: {r: {"exact": Counts(), "overlap": Counts()} for r in ROLES}
    )
    seconds: float = 0.0

    def add_doc(
        self, gold: Sequence[AttributionItems], system: Sequence[AttributionItems], text: str
    ) -> None:
        for role in ROLES:
            g = [x.role(role) for x in gold if x.role(role)]
            s = [x.role(role) for x in system if x.role(role)]
            for mode in ("exact", "overlap"):
                self.counts[role][mode].add(score_items(g, s, text, exact=mode == "exact"))

    def to_dict(self, words: int) -> dict[str, Any]:
        out: dict[str, Any] = {
            role: {mode: c.to_dict() for mode, c in modes.items()} for role, modes in self.counts.items()
        }
        out["seconds"] = round(self.seconds, 3)
        out["words_per_second"] = round(words / self.seconds, 1) if self.seconds else None
        return out


@dataclass
class QuotesReport:
    path: str
    documents: int
    words: int
    gold_attributions: int
    newstrace: SystemScores
    baseline: SystemScores | None = None
    baseline_errors: int = 0
    quotes_stage_seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "path": self.path,
            "documents": self.documents,
            "words": self.words,
            "gold_attributions": self.gold_attributions,
            "newstrace": self.newstrace.to_dict(self.words),
            "quotes_stage_words_per_second": (
                round(self.words / self.quotes_stage_seconds, 1) if self.quotes_stage_seconds else None
            ),
        }
        if self.baseline is not None:
            out["textacy"] = self.baseline.to_dict(self.words)
            out["textacy_errors"] = self.baseline_errors
        return out

    def format(self) -> str:
        lines = [
            f"quotes bench: {self.path}",
            f"{self.documents} documents, {self.words} words, {self.gold_attributions} gold attributions",
            "",
            f"{'system':<10} {'role':<8} {'match':<8} "
            + " ".join(f"{h:>6}" for h in ("P", "R", "F1", "tp", "sys", "gold")),
        ]
        systems = [("newstrace", self.newstrace)]
        if self.baseline is not None:
            systems.append(("textacy", self.baseline))
        for name, sc in systems:
            for role in ROLES:
                for mode in ("exact", "overlap"):
                    c = sc.counts[role][mode]
                    lines.append(
                        f"{name:<10} {role:<8} {mode:<8} {c.precision:>6.3f} {c.recall:>6.3f} {c.f1:>6.3f} "
                        f"{c.tp:>6} {c.n_sys:>6} {c.n_gold:>6}"
                    )
        lines.append("")
        d = self.to_dict()
        lines.append(
            f"newstrace: {d['newstrace']['words_per_second']} words/s (segment+entities+quotes), "
            f"quotes stage alone {d['quotes_stage_words_per_second']} words/s"
        )
        if self.baseline is not None:
            lines.append(
                f"textacy: {d['textacy']['words_per_second']} words/s (extraction on newstrace's parse), "
                f"{self.baseline_errors} documents refused"
            )
        return "\n".join(lines)


def _norm(text: str, item: Item) -> frozenset[Frag]:
    out = set()
    for s, e in item:
        while s < e and text[s] in _STRIP:
            s += 1
        while e > s and text[e - 1] in _STRIP:
            e -= 1
        if e > s:
            out.add((s, e))
    return frozenset(out)


def _shared(a: Item, b: Item) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def score_items(gold: Sequence[Item], system: Sequence[Item], text: str, *, exact: bool) -> Counts:
    """One-to-one greedy matching of system items to gold items (see the module docstring)."""
    pairs: list[tuple[int, int, int]] = []
    gnorm = [_norm(text, g) for g in gold]
    snorm = [_norm(text, s) for s in system]
    for i, g in enumerate(gold):
        for j, s in enumerate(system):
            if exact:
                if gnorm[i] and gnorm[i] == snorm[j]:
                    pairs.append((1, i, j))
            else:
                shared = _shared(g, s)
                if shared > 0:
                    pairs.append((shared, i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    used_g: set[int] = set()
    used_s: set[int] = set()
    tp = 0
    for _, i, j in pairs:
        if i not in used_g and j not in used_s:
            used_g.add(i)
            used_s.add(j)
            tp += 1
    return Counts(tp, len(system), len(gold))


def group_quotes(quotes: Iterable[Quote]) -> list[AttributionItems]:
    """System quotes as attributions: same speaker span and same cue -> one attribution."""
    groups: dict[object, list[Quote]] = {}
    for n, q in enumerate(quotes):
        key: object = (q.speaker_span, q.cue) if q.cue is not None else ("single", n)
        groups.setdefault(key, []).append(q)
    out = []
    for qs in groups.values():
        q0 = qs[0]
        out.append(
            AttributionItems(
                ((q0.speaker_span.start, q0.speaker_span.end),) if q0.speaker_span else (),
                ((q0.cue.start, q0.cue.end),) if q0.cue else (),
                tuple(sorted((q.content.start, q.content.end) for q in qs)),
            )
        )
    return out


def gold_items(doc: BratDoc) -> list[AttributionItems]:
    return [AttributionItems(a.source, a.cue, a.content) for a in doc.attributions]


def _runs(off: int, toks: Sequence[Any]) -> Item:
    """Contiguous token runs as character fragments."""
    frags: list[Frag] = []
    prev = -2
    for t in sorted(toks, key=lambda t: t.i):
        s, e = off + t.idx, off + t.idx + len(t.text)
        if t.i == prev + 1 and frags:
            frags[-1] = (frags[-1][0], e)
        else:
            frags.append((s, e))
        prev = t.i
    return tuple(frags)


def textacy_items(docs: Sequence[tuple[int, Any]]) -> tuple[list[AttributionItems], bool]:
    """The baseline's triples as attributions; the flag is False when textacy refused a chunk."""
    from textacy.extract.triples import direct_quotations

    groups: dict[tuple[Item, Item], list[Frag]] = {}
    ok = True
    for off, doc in docs:
        try:
            triples = list(direct_quotations(doc))
        except ValueError:
            ok = False
            continue
        for t in triples:
            key = (_runs(off, t.speaker), _runs(off, t.cue))
            c = t.content
            groups.setdefault(key, []).append((off + c.start_char, off + c.end_char))
    return [AttributionItems(k[0], k[1], tuple(sorted(v))) for k, v in groups.items()], ok


def _stages(settings: Settings) -> list[Any]:
    import newstrace.stages.entities  # noqa: F401  (registers)
    import newstrace.stages.quotes  # noqa: F401
    import newstrace.stages.segment  # noqa: F401
    from newstrace.stages._registry import get_stage

    return [get_stage(n).factory(settings) for n in ("segment", "entities", "quotes")]


def run_quotes_bench(
    path: Path, *, baseline: bool = True, settings: Settings | None = None, batch: int = 16
) -> QuotesReport:
    """Run segment -> entities -> quotes on every annotated text under ``path`` and score it."""
    settings = settings or load_settings()
    docs = read_brat_dir(Path(path))
    segment, entities, quotes = _stages(settings)
    ours = SystemScores()
    theirs = SystemScores() if baseline else None
    errors = 0
    quotes_seconds = 0.0
    for i in range(0, len(docs), batch):
        chunk = docs[i : i + batch]
        anns = [AnnotatedArticle(Article(d.name, d.name, d.text)) for d in chunk]
        t0 = time.perf_counter()
        anns = entities(segment(anns))
        t1 = time.perf_counter()
        anns = quotes(anns)
        t2 = time.perf_counter()
        ours.seconds += t2 - t0
        quotes_seconds += t2 - t1
        for d, ann in zip(chunk, anns, strict=True):
            ours.add_doc(gold_items(d), group_quotes(ann.quotes), d.text)
            if theirs is not None:
                t3 = time.perf_counter()
                items, ok = textacy_items(ann.docs)
                theirs.seconds += time.perf_counter() - t3
                errors += not ok
                theirs.add_doc(gold_items(d), items, d.text)
    return QuotesReport(
        path=str(path),
        documents=len(docs),
        words=sum(len(d.text.split()) for d in docs),
        gold_attributions=sum(len(d.attributions) for d in docs),
        newstrace=ours,
        baseline=theirs,
        baseline_errors=errors,
        quotes_stage_seconds=quotes_seconds,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m newstrace.bench.quotes DIR [--no-baseline] [--json]``."""
    ap = argparse.ArgumentParser(prog="newstrace bench quotes")
    ap.add_argument("path", type=Path)
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    report = run_quotes_bench(args.path, baseline=not args.no_baseline)
    if args.json:
        import json

        print(json.dumps(report.to_dict(), indent=2))
    else:
        print(report.format())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
