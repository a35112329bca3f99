"""TempEval-3 style scoring of a time tagger on TimeML documents.

Scores (micro-averaged over all documents, as the official TE3 ``TE3-evaluation.py`` does):

- strict span: a system timex matches a gold one when both offsets are equal;
- relaxed span: when the spans overlap. Matching is one-to-one: for each gold timex (in text
  order) the unmatched overlapping system timex with the largest overlap is taken;
- value / type: among relaxed-matched pairs, those whose attribute is equal. Precision is
  correct / #system, recall correct / #gold, so value F1 ~ relaxed F1 x value accuracy.

``words_per_s`` times only the tagger calls (whitespace-separated words of the documents' text
divided by the seconds spent inside the tagger), never the file reading.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from newstrace.bench.timeml import GoldTimex, TimeMLDoc, iter_timeml_dir
from newstrace.records import TimeExpr

Tagger = Callable[[str, dt.date | None], list[TimeExpr]]


def default_tagger(text: str, dct: dt.date | None) -> list[TimeExpr]:
    from newstrace.timex import tag_times

    return tag_times(text, dct)


@dataclass(frozen=True, slots=True)
class PRF:
    correct: int
    n_sys: int
    n_gold: int

    @property
    def precision(self) -> float:
        return self.correct / self.n_sys if self.n_sys else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"p": round(self.precision, 4), "r": round(self.recall, 4), "f1": round(self.f1, 4),
                "correct": self.correct, "system": self.n_sys, "gold": self.n_gold}  # fmt: skip


@dataclass(frozen=True, slots=True)
class TimexError:
    """One disagreement: a miss (no system), a spurious one (no gold) or a wrong attribute."""

    doc: str
    kind: str  # "missed", "spurious", "span", "value", "type"
    gold_text: str | None
    gold_value: str | None
    gold_type: str | None
    sys_text: str | None
    sys_value: str | None
    sys_type: str | None
    context: str = ""


@dataclass
class TimexReport:
    docs: int
    words: int
    seconds: float
    strict: PRF
    relaxed: PRF
    value: PRF
    type: PRF
    error_list: list[TimexError] = field(default_factory=list, repr=False)

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0

    @property
    def n_gold(self) -> int:
        return self.relaxed.n_gold

    @property
    def n_sys(self) -> int:
        return self.relaxed.n_sys

    def errors(self, kinds: Sequence[str] | None = None) -> list[TimexError]:
        """Disagreements, optionally only of some kinds, in document order."""
        return [e for e in self.error_list if kinds is None or e.kind in kinds]

    def to_dict(self) -> dict[str, Any]:
        return {
            "docs": self.docs, "gold_timexes": self.n_gold, "system_timexes": self.n_sys,
            "words": self.words, "seconds": round(self.seconds, 4),
            "words_per_s": round(self.words_per_s, 1),
            "strict": self.strict.to_dict(), "relaxed": self.relaxed.to_dict(),
            "value": self.value.to_dict(), "type": self.type.to_dict(),
        }  # fmt: skip

    def format(self) -> str:
        lines = [
            f"docs {self.docs}  gold timexes {self.n_gold}  system timexes {self.n_sys}  "
            f"words {self.words}  {self.words_per_s:,.0f} words/s",
            f"{'':<16}{'P':>8}{'R':>8}{'F1':>8}",
        ]
        for name, prf in (("strict span", self.strict), ("relaxed span", self.relaxed),
                          ("value", self.value), ("type", self.type)):  # fmt: skip
            lines.append(f"{name:<16}{prf.precision:>8.3f}{prf.recall:>8.3f}{prf.f1:>8.3f}")
        return "\n".join(lines)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def score_doc(
    doc_id: str, text: str, gold: Sequence[GoldTimex], system: Sequence[TimeExpr]
) -> tuple[list[int], list[TimexError]]:
    """Counts ``[strict, relaxed, value, type, n_sys, n_gold]`` and the errors for one document."""
    used: set[int] = set()
    strict = relaxed = value = typ = 0
    errors: list[TimexError] = []

    def ctx(s: int, e: int) -> str:
        return text[max(0, s - 40) : e + 40].replace("\n", " ")

    for g in gold:
        best, best_ov = -1, 0
        for i, s in enumerate(system):
            if i in used:
                continue
            ov = _overlap((g.start, g.end), (s.start, s.end))
            if ov > best_ov:
                best, best_ov = i, ov
        if best < 0:
            errors.append(TimexError(doc_id, "missed", g.text, g.value, g.type, None, None, None,
                                     ctx(g.start, g.end)))  # fmt: skip
            continue
        used.add(best)
        s = system[best]
        relaxed += 1
        if (s.start, s.end) == (g.start, g.end):
            strict += 1
        else:
            errors.append(TimexError(doc_id, "span", g.text, g.value, g.type, s.text, s.value, s.type,
                                     ctx(g.start, g.end)))  # fmt: skip
        if s.value == g.value:
            value += 1
        else:
            errors.append(TimexError(doc_id, "value", g.text, g.value, g.type, s.text, s.value, s.type,
                                     ctx(g.start, g.end)))  # fmt: skip
        if s.type == g.type:
            typ += 1
        else:
            errors.append(TimexError(doc_id, "type", g.text, g.value, g.type, s.text, s.value, s.type,
                                     ctx(g.start, g.end)))  # fmt: skip
    for i, s in enumerate(system):
        if i not in used:
            errors.append(TimexError(doc_id, "spurious", None, None, None, s.text, s.value, s.type,
                                     ctx(s.start, s.end)))  # fmt: skip
    return [strict, relaxed, value, typ, len(system), len(gold)], errors


def score_docs(docs: Sequence[TimeMLDoc], tagger: Tagger = default_tagger) -> TimexReport:
    totals = [0] * 6
    errors: list[TimexError] = []
    seconds = 0.0
    words = 0
    for doc in docs:
        t0 = time.perf_counter()
        system = tagger(doc.text, doc.dct)
        seconds += time.perf_counter() - t0
        words += len(doc.text.split())
        counts, errs = score_doc(doc.doc_id, doc.text, doc.timexes, sorted(system, key=lambda t: t.start))
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
        errors.extend(errs)
    strict, relaxed, value, typ, n_sys, n_gold = totals
    return TimexReport(
        docs=len(docs), words=words, seconds=seconds,
        strict=PRF(strict, n_sys, n_gold), relaxed=PRF(relaxed, n_sys, n_gold),
        value=PRF(value, n_sys, n_gold), type=PRF(typ, n_sys, n_gold), error_list=errors,
    )  # fmt: skip


def run_timex_bench(path: Path, tagger: Tagger = default_tagger) -> TimexReport:
    """Score ``tagger`` on every ``.tml`` file under ``path`` (recursively)."""
    return score_docs(iter_timeml_dir(path), tagger)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m newstrace.bench.timex DIR [DIR...] [--json] [--errors N]``"""
    ap = argparse.ArgumentParser(description=main.__doc__)
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--json", action="store_true", help="print the reports as JSON")
    ap.add_argument("--errors", type=int, default=0, help="also list the first N disagreements")
    args = ap.parse_args(argv)
    all_docs: list[TimeMLDoc] = []
    results: dict[str, Any] = {}
    for p in args.paths:
        docs = iter_timeml_dir(p)
        all_docs.extend(docs)
        rep = score_docs(docs)
        results[str(p)] = rep
    if len(args.paths) > 1:
        results["all"] = score_docs(all_docs)
    if args.json:
        print(json.dumps({k: v.to_dict() for k, v in results.items()}, indent=2))
    else:
        for name, rep in results.items():
            print(f"== {name}\n{rep.format()}\n")
    if args.errors:
        last: TimexReport = list(results.values())[-1]
        for e in last.errors()[: args.errors]:
            print(json.dumps(asdict(e), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
