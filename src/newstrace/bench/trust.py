"""Score `compare`'s conflicts and updates against discrepancies read by hand in real coverage.

Gold: one JSON file per ECB+ sub-topic (``bench/gold/trust/*.json``, format in its README). A gold
*discrepancy* is one measure stated with different values by two articles ("12 injured" in one,
"18 injured" in the other); its kind is ``update`` when the later-published article has the later
figure of an evolving measure, else ``conflict``. A reported conflict is correct when both its
sides fall in sentences that state that measure with those differing values, in those two
articles, and its type fits the measure's type (``update`` for an update, the measure's type
otherwise; actor and attribution are one family). Figures:

- conflict precision: reported conflicts (type other than ``update``) that are correct, over all
  reported conflicts: a false conflict is the costly error;
- conflict recall: gold conflicts (measure x article pair) that some reported conflict matches
  (with any two values across its sides, when it names each side's other sources);
- update precision and recall, the same for ``update``.

By default only the conflicts the report shows are scored (those at or above its confidence
floor); ``shown_only=False`` scores every conflict found.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from itertools import combinations
from pathlib import Path
from typing import Any

from newstrace.bench._gold import load_gold_files, ratio, subtopic_docs
from newstrace.bench.ecbplus import EcbDocument
from newstrace.errors import InputError
from newstrace.records import value_sides

__all__ = [
    "GoldPair",
    "TrustReport",
    "TrustScore",
    "gold_pairs",
    "load_gold",
    "run_trust_bench",
    "score_subtopic",
]

_FAMILY = {"number": "number", "date": "date", "place": "place", "actor": "who", "attribution": "who",
           "negation": "negation", "update": "update"}  # fmt: skip


@dataclass(frozen=True)
class Statement:
    doc: str
    sentence: int
    text: str
    value: str
    stage: int | None
    start: int  # sentence span in the rebuilt article text
    end: int
    text_start: int  # the statement's own words in that text
    text_end: int


@dataclass(frozen=True)
class GoldPair:
    """One discrepancy: a measure, two articles, the statements on each side, its kind."""

    measure: str
    type: str
    kind: str  # "conflict" | "update"
    docs: tuple[str, str]
    sides: tuple[tuple[Statement, ...], tuple[Statement, ...]]
    # statement pairs (i in sides[0], j in sides[1]) whose values differ
    differing: tuple[tuple[int, int], ...]


@dataclass
class TrustScore:
    subtopic: str
    reported_conflicts: int = 0
    correct_conflicts: int = 0
    reported_updates: int = 0
    correct_updates: int = 0
    gold_conflicts: int = 0
    found_conflicts: int = 0
    gold_updates: int = 0
    found_updates: int = 0
    false: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)


@dataclass
class TrustReport:
    scores: list[TrustScore]
    shown_only: bool = True
    errors: list[str] = field(default_factory=list)  # "path:line: [code] message" of what was left out

    def totals(self) -> dict[str, Any]:
        keys = ("reported_conflicts", "correct_conflicts", "reported_updates", "correct_updates",
                "gold_conflicts", "found_conflicts", "gold_updates", "found_updates")  # fmt: skip
        t: dict[str, Any] = {k: sum(getattr(s, k) for s in self.scores) for k in keys}
        t["conflict_precision"] = round(ratio(t["correct_conflicts"], t["reported_conflicts"]), 3)
        t["conflict_recall"] = round(ratio(t["found_conflicts"], t["gold_conflicts"]), 3)
        t["update_precision"] = round(ratio(t["correct_updates"], t["reported_updates"]), 3)
        t["update_recall"] = round(ratio(t["found_updates"], t["gold_updates"]), 3)
        return t

    def format(self, details: bool = True) -> str:
        head = "conflicts reported/correct  gold/found    updates reported/correct  gold/found"
        lines = [f"{'sub-topic':10} {head}"]
        for s in self.scores:
            lines.append(
                f"{s.subtopic:10} {s.reported_conflicts:>8} {s.correct_conflicts:>8} {s.gold_conflicts:>8} "
                f"{s.found_conflicts:>5} {s.reported_updates:>16} {s.correct_updates:>8} {s.gold_updates:>8} "
                f"{s.found_updates:>5}"
            )
        t = self.totals()
        scope = "shown" if self.shown_only else "all found"
        lines.append(
            f"conflicts ({scope}): precision {t['conflict_precision']:.3f} ({t['correct_conflicts']}/"
            f"{t['reported_conflicts']})  recall {t['conflict_recall']:.3f} ({t['found_conflicts']}/"
            f"{t['gold_conflicts']})"
        )
        lines.append(
            f"updates ({scope}): precision {t['update_precision']:.3f} ({t['correct_updates']}/"
            f"{t['reported_updates']})  recall {t['update_recall']:.3f} ({t['found_updates']}/{t['gold_updates']})"
        )
        if details:
            for s in self.scores:
                lines += [f"  false in {s.subtopic}: {f}" for f in s.false]
                lines += [f"  missed in {s.subtopic}: {m}" for m in s.missed]
        return "\n".join(lines)


def default_gold_dir() -> Path:
    return Path(str(resources.files("newstrace.bench") / "gold" / "trust"))


def load_gold(
    gold_dir: str | Path | None = None, on_error: Callable[[InputError], None] | None = None
) -> list[tuple[Path, dict[str, Any]]]:
    """The gold files, in sub-topic order. A file that is not ``TOPIC_SUB.json`` or not valid
    JSON is reported to ``on_error`` (raised without one) and left out; the others are read."""
    return load_gold_files(Path(gold_dir) if gold_dir else default_gold_dir(), "trust", on_error)


def _published(gold: dict[str, Any], doc: str) -> dt.date | None:
    v = gold.get("articles", {}).get(doc, {}).get("published")
    return dt.date.fromisoformat(v[:10]) if v else None


def gold_pairs(gold: dict[str, Any], docs: dict[str, EcbDocument], path: str = "") -> list[GoldPair]:
    """Every (measure, article pair) the gold file implies, with its kind."""
    out: list[GoldPair] = []
    for m in gold.get("measures", []):
        compatible = {frozenset(p) for p in m.get("compatible", [])}
        by_doc: dict[str, list[Statement]] = {}
        for st in m["statements"]:
            doc = docs.get(st["doc"])
            if doc is None:
                raise InputError(f"unknown document {st['doc']!r} in measure {m['measure']!r}", path=path,
                                 code="E106")  # fmt: skip
            s0, s1 = doc.sentence_span(int(st["sentence"]))
            if st["text"] not in doc.article.text[s0:s1]:
                raise InputError(
                    f"{st['doc']} sentence {st['sentence']} does not contain {st['text']!r}",
                    path=path,
                    code="E106",
                )
            at = doc.article.text.index(st["text"], s0, s1)
            by_doc.setdefault(st["doc"], []).append(
                Statement(
                    st["doc"],
                    int(st["sentence"]),
                    st["text"],
                    str(st["value"]),
                    st.get("stage"),
                    s0,
                    s1,
                    at,
                    at + len(st["text"]),
                )  # fmt: skip
            )
        for da, db in combinations(sorted(by_doc), 2):
            sa, sb = tuple(by_doc[da]), tuple(by_doc[db])
            diff = tuple(
                (i, j)
                for i, x in enumerate(sa)
                for j, y in enumerate(sb)
                if x.value != y.value and frozenset((x.value, y.value)) not in compatible
            )
            if not diff:
                continue
            pa, pb = _published(gold, da), _published(gold, db)
            kind = "conflict"
            if (
                m.get("evolving")
                and pa
                and pb
                and pa != pb
                and all(_later_stage(sa[i], sb[j], b_later=pb > pa) for i, j in diff)
            ):
                kind = "update"
            out.append(GoldPair(m["measure"], m["type"], kind, (da, db), (sa, sb), diff))
    return out


def _later_stage(x: Statement, y: Statement, b_later: bool) -> bool:
    """Whether the later-published side gives the later figure."""
    sx, sy = x.stage or 0, y.stage or 0
    return sy > sx if b_later else sx > sy


def _hits(pair: GoldPair, side: int, article: str, start: int, end: int) -> set[int]:
    """Statements of one side of the pair that the reported value overlaps (the statement's
    own words, not just its sentence: another number of the same sentence is no hit)."""
    if pair.docs[side] != article:
        return set()
    return {i for i, s in enumerate(pair.sides[side]) if start < s.text_end and s.text_start < end}


def _matches(pair: GoldPair, ctype: str, values: Sequence[Any]) -> bool:
    if len(values) != 2:
        return False
    if ctype == "update":
        if pair.kind != "update":
            return False
    elif pair.kind != "conflict" or _FAMILY.get(ctype) != _FAMILY.get(pair.type):
        return False
    for va, vb in (values, values[::-1]):
        ia = _hits(pair, 0, va.article, va.start, va.end)
        ib = _hits(pair, 1, vb.article, vb.start, vb.end)
        if any((i, j) in pair.differing for i in ia for j in ib):
            return True
    return False


def _describe(pair: GoldPair) -> str:
    a = "; ".join(f"{s.text!r}" for s in pair.sides[0])
    b = "; ".join(f"{s.text!r}" for s in pair.sides[1])
    return f"{pair.kind} [{pair.type}] {pair.measure}: {pair.docs[0]} {a} vs {pair.docs[1]} {b}"


def score_subtopic(
    name: str, pairs: Sequence[GoldPair], found: Iterable[tuple[str, Sequence[Any], str]]
) -> TrustScore:
    """``found``: (type, values, explanation) of each reported conflict or update."""
    s = TrustScore(name)
    s.gold_conflicts = sum(p.kind == "conflict" for p in pairs)
    s.gold_updates = sum(p.kind == "update" for p in pairs)
    matched: set[int] = set()
    for ctype, values, why in found:
        # The first two values are the pair the rules found: the conflict is right when they
        # are. The values gathered from each side's other sources (sides.gather_sides) count
        # for recall: every pair across the two sides that the gold lists is found.
        hit = [n for n, p in enumerate(pairs) if _matches(p, ctype, values[:2])]
        matched.update(hit)
        if len(values) > 2:
            side_a, side_b = value_sides(values)
            matched.update(
                n for n, p in enumerate(pairs) for x in side_a for y in side_b if _matches(p, ctype, (x, y))
            )
        if ctype == "update":
            s.reported_updates += 1
            s.correct_updates += bool(hit)
        else:
            s.reported_conflicts += 1
            s.correct_conflicts += bool(hit)
        if not hit:
            s.false.append(f"{ctype}: {why}")
    for n, p in enumerate(pairs):
        if n in matched:
            if p.kind == "conflict":
                s.found_conflicts += 1
            else:
                s.found_updates += 1
        else:
            s.missed.append(_describe(p))
    return s


def run_trust_bench(
    ecb_dir: str | Path, gold_dir: str | Path | None = None, shown_only: bool = True,
    only: Sequence[str] = (),
) -> TrustReport:  # fmt: skip
    """Compare each gold sub-topic's articles and score the conflicts against the gold. A gold
    file or ECB+ folder that cannot be read is listed in the report's ``errors`` (file and line)
    and the other sub-topics are still scored."""
    from newstrace.api import compare_articles, embedder
    from newstrace.config import load_settings

    settings = load_settings()
    embed = embedder(settings)
    report = TrustReport([], shown_only)
    for path, gold in load_gold(gold_dir, on_error=lambda e: report.errors.append(str(e))):
        name = path.stem
        if only and name not in only:
            continue
        try:
            docs = subtopic_docs(ecb_dir, name)
            pairs = gold_pairs(gold, docs, str(path))
        except InputError as e:
            report.errors.append(str(e))
            continue
        found_report = compare_articles(
            [d.article for d in docs.values()], settings, embed, all_conflicts=not shown_only
        )
        found = [(c.type, c.values, c.explanation) for g in found_report.groups for c in g.conflicts]
        report.scores.append(score_subtopic(name, pairs, found))
    return report
