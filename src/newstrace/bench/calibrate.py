"""Calibration of the audit's carried-in-other-words rule, and its figures across sets.

The rule (``SupportModel.carried``) calls a sentence carried when every name and number has a
counterpart in the sources, at most T other content words have none, and its best sentence
cosine is at least C; with ``support_by = "score"`` it only rescues what the support score
rejects, with ``"alignment"`` it decides alone. The settings are chosen on some sets and scored
on another, never on the set they were fitted on: CNN/DM -> XSum and the reverse (QAGS), and
each set against all the others (leave one set out: the two QAGS files and the two halves of
the summaries written by hand).

Each record is audited once (``Auditor.trace``); every (T, C) of the grid then re-labels the
traces without parsing again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any

from newstrace.audit import Decision
from newstrace.bench.audit import QagsRecord, record_articles

__all__ = ["ENTAIL_GRID", "GRID", "CalibrationRow", "choose", "collect", "cross_table", "sentence_bacc"]

# (support_by, T, C, threshold of the support score); the threshold only matters with "score".
GRID: tuple[Decision, ...] = tuple(
    Decision(by, t, c, th)
    for by in ("score", "alignment")
    for t in (-1, 0, 1, 2, 3, 4)
    for c in (0.0, 0.4, 0.5, 0.6, 0.7, 0.8)
    for th in ((0.2, 0.3, 0.4, 0.5, 0.6, 0.7) if by == "score" else (0.5,))
)


# (entailed_from, doubted_below) of the entailment rule: 2.0 and -1.0 are "off".
ENTAIL_GRID: tuple[tuple[float, float], ...] = tuple(
    (e, d)
    for e in (2.0, 0.6, 0.5, 0.4, 0.3, 0.25, 0.2, 0.15, 0.1)
    for d in (-1.0, 0.01, 0.02, 0.03, 0.05, 0.08)
)


@dataclass(frozen=True, slots=True)
class CalibrationRow:
    """One gold summary sentence: its judgement and the traces of the audit sentences over it."""

    consistent: bool
    traces: tuple[Any, ...]  # newstrace.audit.Trace

    def predicted(self, rule: Decision) -> bool:
        return all(tr.consistent(rule) for tr in self.traces)


def collect(
    records: Sequence[QagsRecord],
    auditor: Any,
    settings: Any,
    progress: Callable[[str, int, int], None] | None = None,
    name: str = "",
) -> list[CalibrationRow]:
    """Audit each record once and keep, per gold sentence, the traces over it."""
    out: list[CalibrationRow] = []
    for i, rec in enumerate(records, start=1):
        source, derived = record_articles(rec, settings)
        _, traces = auditor.trace([source], derived)
        for g in rec.sentences:
            over = tuple(tr for tr in traces if tr.start < g.end and g.start < tr.end)
            out.append(CalibrationRow(g.consistent, over))
        if progress is not None:
            progress(name, i, len(records))
    return out


def sentence_bacc(rows: Sequence[CalibrationRow], rule: Decision) -> tuple[float, float, float]:
    """(balanced accuracy, consistent passed, inconsistent caught) under ``rule``."""
    pos = [r.predicted(rule) for r in rows if r.consistent]
    neg = [not r.predicted(rule) for r in rows if not r.consistent]
    passed = sum(pos) / len(pos) if pos else 1.0
    caught = sum(neg) / len(neg) if neg else 1.0
    return (passed + caught) / 2, passed, caught


def _mean_bacc(sets: Sequence[Sequence[CalibrationRow]], rule: Decision) -> float:
    return round(sum(sentence_bacc(s, rule)[0] for s in sets) / len(sets), 6)


def choose(sets: Sequence[Sequence[CalibrationRow]]) -> Decision:
    """The (support_by, T, C, threshold) of the grid with the best mean sentence balanced
    accuracy over ``sets`` (ties go to the score, then to the stricter rule: fewer unaligned
    words, higher cosine, then to the threshold nearest 0.5), then, with those, the entailment
    rule's (entailed_from, doubted_below) of ``ENTAIL_GRID`` (ties go to the rule off)."""
    support = max(
        GRID,
        key=lambda g: (
            _mean_bacc(sets, g),
            g.support_by == "score",
            -g.carried_unaligned,
            g.carried_cosine,
            -abs(g.threshold - 0.5),
        ),
    )
    e, d = max(
        ENTAIL_GRID,
        key=lambda g: (
            _mean_bacc(sets, replace(support, entailed_from=g[0], doubted_below=g[1])),
            g[0],  # ties: the rescue as strict as possible,
            -g[1],  # and the doubt as seldom
        ),
    )
    return replace(support, entailed_from=e, doubted_below=d)


def cross_table(
    named: dict[str, list[CalibrationRow]], splits: Sequence[tuple[Sequence[str], str]]
) -> list[dict[str, Any]]:
    """For each (fit sets, scored set): the chosen thresholds and the scored set's figures, with
    the rule off (the support score alone) beside them."""
    out: list[dict[str, Any]] = []
    for fit, scored in splits:
        if scored not in named or any(f not in named for f in fit):
            continue
        rule = choose([named[f] for f in fit])
        bacc, passed, caught = sentence_bacc(named[scored], rule)
        # The support score alone: no carried-in-other-words rule, no entailment rule.
        off = sentence_bacc(
            named[scored], Decision("score", -1, 2.0, rule.threshold if rule.support_by == "score" else 0.5)
        )
        out.append(
            {
                "fit": list(fit),
                "scored": scored,
                **asdict(rule),
                "sentence_bacc": round(bacc, 3),
                "consistent_passed": round(passed, 3),
                "inconsistent_caught": round(caught, 3),
                "rule_off_bacc": round(off[0], 3),
                "sentences": len(named[scored]),
            }
        )
    return out
