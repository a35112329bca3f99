"""Score `compare` against hand-made gold stories (``gold.json`` beside each story's articles).

A story folder holds the articles and a ``gold.json`` with ``conflicts`` (type, the two sides
as file + exact substring), ``corroborated`` facts (file -> substring evidence) and
``near_copies``. Matching works through claims: a gold side is the claim whose span contains
its substring.

- conflict precision: found conflicts whose type matches a gold conflict and whose two sides
  fall in the gold sides' claims, over all found conflicts (a false conflict is the costly error);
- conflict recall: gold conflicts found, over gold conflicts;
- corroboration recall: gold facts with the evidence claims of at least two files together in one
  `corroborated` group; corroboration precision: `corroborated` groups that contain the evidence
  of some gold fact, over all `corroborated` groups (a lower bound: gold lists the main facts only).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newstrace.records import ClaimRef
from newstrace.story.compare import StoryReport


@dataclass
class StoryScore:
    name: str
    found_conflicts: int = 0
    correct_conflicts: int = 0
    gold_conflicts: int = 0
    found_gold_conflicts: int = 0
    corroborated_groups: int = 0
    corroborated_matching: int = 0
    gold_facts: int = 0
    gold_facts_found: int = 0
    false_conflicts: list[str] = field(default_factory=list)


def _p(a: int, b: int) -> float:
    return a / b if b else 1.0


@dataclass
class StoriesReport:
    stories: list[StoryScore]

    def totals(self) -> dict[str, Any]:
        t = {k: sum(getattr(s, k) for s in self.stories) for k in (
            "found_conflicts", "correct_conflicts", "gold_conflicts", "found_gold_conflicts",
            "corroborated_groups", "corroborated_matching", "gold_facts", "gold_facts_found")}  # fmt: skip
        return {
            **t,
            "conflict_precision": round(_p(t["correct_conflicts"], t["found_conflicts"]), 3),
            "conflict_recall": round(_p(t["found_gold_conflicts"], t["gold_conflicts"]), 3),
            "corroboration_precision": round(_p(t["corroborated_matching"], t["corroborated_groups"]), 3),
            "corroboration_recall": round(_p(t["gold_facts_found"], t["gold_facts"]), 3),
        }

    def format(self) -> str:
        lines = [f"{'story':32} conflicts found/correct/gold-found/gold   corroborated facts found/gold"]
        for s in self.stories:
            lines.append(
                f"{s.name:32} {s.found_conflicts:>5} {s.correct_conflicts:>5} {s.found_gold_conflicts:>5} "
                f"{s.gold_conflicts:>5}          {s.gold_facts_found:>5} {s.gold_facts:>5}"
            )
        t = self.totals()
        lines.append(
            f"conflict precision {t['conflict_precision']:.3f}  recall {t['conflict_recall']:.3f}   "
            f"corroboration precision {t['corroboration_precision']:.3f}  recall {t['corroboration_recall']:.3f}"
        )
        for s in self.stories:
            for f in s.false_conflicts:
                lines.append(f"  false conflict in {s.name}: {f}")
        return "\n".join(lines)


def _claim_at(report: StoryReport, article: str, text: str) -> ClaimRef | None:
    for ann in report.articles:
        if ann.article.id != article:
            continue
        at = ann.article.text.find(text)
        if at < 0:
            return None
        for c in ann.claims:
            if c.start <= at < c.end:
                return ClaimRef(article, c.id)
    return None


def _claim_of_value(report: StoryReport, article: str, start: int) -> ClaimRef | None:
    for ann in report.articles:
        if ann.article.id == article:
            for c in ann.claims:
                if c.start <= start < c.end:
                    return ClaimRef(article, c.id)
    return None


def score_story(
    name: str, gold: dict[str, Any], report: StoryReport, file_to_id: dict[str, str]
) -> StoryScore:
    s = StoryScore(name)
    gold_sides = []
    texts = {a.article.id: a.article.text for a in report.articles}
    gold_spans: list[list[tuple[str, int, int]]] = []
    for c in gold.get("conflicts", []):
        a = _claim_at(report, file_to_id[c["a"]["file"]], c["a"]["text"])
        b = _claim_at(report, file_to_id[c["b"]["file"]], c["b"]["text"])
        gold_sides.append((c["type"], frozenset(x for x in (a, b) if x is not None)))
        spans = []
        for side in (c["a"], c["b"]):
            aid = file_to_id[side["file"]]
            at = texts[aid].find(side["text"])
            spans.append((aid, at, at + len(side["text"])))
        gold_spans.append(spans)
    s.gold_conflicts = len(gold_sides)
    found_keys: list[tuple[str, frozenset[ClaimRef]]] = []
    for g in report.groups:
        for c in g.conflicts:
            # The pair the rules found decides whether the conflict is right; every pair across
            # its two sides (when it lists each side's other sources) counts as found.
            refs = frozenset(
                r for v in c.values[:2] if (r := _claim_of_value(report, v.article, v.start)) is not None
            )
            side_a, side_b = c.sides()
            for x in side_a:
                for y in side_b:
                    rx = _claim_of_value(report, x.article, x.start)
                    ry = _claim_of_value(report, y.article, y.start)
                    if rx is not None and ry is not None:
                        found_keys.append((c.type, frozenset((rx, ry))))
            ok = any(t == c.type and len(sides) == 2 and refs == sides for t, sides in gold_sides)
            s.correct_conflicts += ok
            if not ok:
                s.false_conflicts.append(c.explanation)
    s.found_conflicts = sum(len(g.conflicts) for g in report.groups)
    s.found_gold_conflicts = sum(any(k == (t, sides) for k in found_keys) for t, sides in gold_sides)
    corroborated = [set(g.claims) for g in report.groups if g.verdict == "corroborated"]
    s.corroborated_groups = len(corroborated)
    facts: list[frozenset[ClaimRef]] = []
    for fact in gold.get("corroborated", []):
        found = (_claim_at(report, file_to_id[f], t) for f, t in fact["evidence"].items())
        facts.append(frozenset(r for r in found if r is not None))
    s.gold_facts = len(facts)
    # Found when one corroborated group holds the evidence of at least two articles.
    s.gold_facts_found = sum(any(len(refs & g) >= 2 for g in corroborated) for refs in facts)
    s.corroborated_matching = sum(
        any(len(refs) >= 2 and len(refs & g) >= 2 for refs in facts) for g in corroborated
    )
    return s


def run_stories_bench(paths: Sequence[Path]) -> StoriesReport:
    """Compare each story folder (one with a gold.json) and score it."""
    from newstrace.api import compare_articles, embedder, read_articles
    from newstrace.config import load_settings

    settings = load_settings()
    embed = embedder(settings)
    folders: list[Path] = []
    for p in paths:
        folders += sorted(g.parent for g in Path(p).rglob("gold.json"))
    scores = []
    for folder in folders:
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        files = sorted(folder / f for f in gold["articles"])
        arts, _ = read_articles(files, settings)
        report = compare_articles(arts, settings, embed)
        file_to_id = {Path(a.path).name: a.id for a in arts}
        scores.append(score_story(folder.name, gold, report, file_to_id))
    return StoriesReport(scores)
