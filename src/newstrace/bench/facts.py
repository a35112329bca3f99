"""Score `compare`'s corroborated facts against shared facts read by hand in real coverage.

Gold: one JSON file per ECB+ sub-topic (``bench/gold/facts/*.json``, format in its README): every
fact that two or more articles state, with every sentence (document, sentence number, and the
exact words) that states it. The definitions are those of ``shared/guides/shared-facts.md``.

Figures, over the sentences of corroborated groups (a group's member maps to the sentence its
span starts in):

- pair precision: the cross-article sentence pairs inside one corroborated group that state one
  gold fact (both sentences listed under the same fact), over all such pairs;
- fact recall: the gold facts for which some corroborated group holds at least one pair of their
  sentences.

A pair counts once however many groups hold it. The scorer reads only what ``compare --json``
gives (groups, their claims and, for facts, each claim's span), so the report of any version can
be scored the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from itertools import combinations
from pathlib import Path
from typing import Any

from newstrace.bench._gold import load_gold_files, ratio, subtopic_docs
from newstrace.bench.ecbplus import EcbDocument
from newstrace.errors import InputError

__all__ = ["FactsReport", "FactsScore", "gold_facts", "load_facts_gold", "run_facts_bench", "score_facts"]

Where = tuple[str, int]  # (document, sentence number)


def default_gold_dir() -> Path:
    return Path(str(resources.files("newstrace.bench") / "gold" / "facts"))


@dataclass
class FactsScore:
    subtopic: str
    pairs: int = 0
    correct: int = 0
    gold_facts: int = 0
    found_facts: int = 0
    groups: int = 0
    false: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)


@dataclass
class FactsReport:
    scores: list[FactsScore]
    errors: list[str] = field(default_factory=list)

    def totals(self) -> dict[str, Any]:
        keys = ("pairs", "correct", "gold_facts", "found_facts", "groups")
        t: dict[str, Any] = {k: sum(getattr(s, k) for s in self.scores) for k in keys}
        t["pair_precision"] = round(ratio(t["correct"], t["pairs"]), 3)
        t["fact_recall"] = round(ratio(t["found_facts"], t["gold_facts"]), 3)
        return t

    def format(self, details: bool = True) -> str:
        lines = [f"{'sub-topic':10} {'groups':>6} {'pairs':>6} {'correct':>8} {'facts':>6} {'found':>6}"]
        for s in self.scores:
            lines.append(
                f"{s.subtopic:10} {s.groups:>6} {s.pairs:>6} {s.correct:>8} {s.gold_facts:>6} {s.found_facts:>6}"
            )
        t = self.totals()
        lines.append(
            f"pair precision {t['pair_precision']:.3f} ({t['correct']}/{t['pairs']})  "
            f"fact recall {t['fact_recall']:.3f} ({t['found_facts']}/{t['gold_facts']})"
        )
        if details:
            for s in self.scores:
                lines += [f"  false in {s.subtopic}: {f}" for f in s.false]
                lines += [f"  missed in {s.subtopic}: {m}" for m in s.missed]
        return "\n".join(lines)


def load_facts_gold(
    gold_dir: str | Path | None = None, on_error: Callable[[InputError], None] | None = None
) -> list[tuple[Path, dict[str, Any]]]:
    """The gold files in sub-topic order; a misnamed or malformed one goes to ``on_error``."""
    return load_gold_files(Path(gold_dir) if gold_dir else default_gold_dir(), "facts", on_error)


def gold_facts(gold: dict[str, Any], docs: dict[str, EcbDocument], path: str = "") -> list[tuple[str, set[Where]]]:
    """(statement, the sentences that state it) per gold fact; every entry's words must be in
    its sentence as the reader rebuilds it (else E106 names the fact)."""
    out: list[tuple[str, set[Where]]] = []
    for n, fact in enumerate(gold.get("facts", [])):
        where: set[Where] = set()
        for s in fact.get("sentences", []):
            doc = docs.get(s.get("doc", ""))
            if doc is None:
                raise InputError(f"fact {fact.get('id', n)}: no document {s.get('doc')!r}", path=path, code="E106")
            try:
                a, b = doc.sentence_span(int(s["sentence"]))
            except (KeyError, ValueError) as e:
                raise InputError(f"fact {fact.get('id', n)}: {e}", path=path, code="E106") from None
            if s.get("text") and s["text"] not in doc.article.text[a:b]:
                raise InputError(
                    f"fact {fact.get('id', n)}: {s['text']!r} is not in {s['doc']} sentence {s['sentence']}",
                    path=path, code="E106",
                )  # fmt: skip
            where.add((s["doc"], int(s["sentence"])))
        if len({d for d, _ in where}) >= 2:
            out.append((str(fact.get("statement", fact.get("id", n))), where))
    return out


def _sentence_of(doc: EcbDocument, pos: int) -> int | None:
    for n, (a, b) in doc.sentences.items():
        if a <= pos < b:
            return n
    return None


def score_facts(
    name: str,
    facts: Sequence[tuple[str, set[Where]]],
    groups: Sequence[Sequence[tuple[str, int]]],
    docs: dict[str, EcbDocument],
    texts: dict[Where, str] | None = None,
) -> FactsScore:
    """``groups``: per corroborated group, (document, character offset) of each member's span."""
    s = FactsScore(name, gold_facts=len(facts), groups=len(groups))
    pairs: set[tuple[Where, Where]] = set()
    for g in groups:
        where = {(d, n) for d, pos in g if (n := _sentence_of(docs[d], pos)) is not None}
        for x, y in combinations(sorted(where), 2):
            if x[0] != y[0]:
                pairs.add((x, y))
    found: set[int] = set()
    for x, y in sorted(pairs):
        hit = [k for k, (_, w) in enumerate(facts) if x in w and y in w]
        s.pairs += 1
        if hit:
            s.correct += 1
            found.update(hit)
        elif texts is not None:
            s.false.append(f"{x[0]}[{x[1]}] {texts.get(x, '')[:90]!r} ~ {y[0]}[{y[1]}] {texts.get(y, '')[:90]!r}")
    s.found_facts = len(found)
    s.missed = [stmt for k, (stmt, _) in enumerate(facts) if k not in found]
    return s


def run_facts_bench(
    ecb_dir: str | Path, gold_dir: str | Path | None = None, only: Sequence[str] = ()
) -> FactsReport:
    """Compare each gold sub-topic's articles and score the corroborated groups against the
    gold. A gold file or ECB+ folder that cannot be read is listed in ``errors`` (file and line);
    the other sub-topics are still scored."""
    from newstrace.api import compare_articles, embedder
    from newstrace.config import load_settings

    settings = load_settings()
    embed = embedder(settings)
    report = FactsReport([])
    for path, gold in load_facts_gold(gold_dir, on_error=lambda e: report.errors.append(str(e))):
        name = path.stem
        if only and name not in only:
            continue
        try:
            docs = subtopic_docs(ecb_dir, name)
            facts = gold_facts(gold, docs, str(path))
        except InputError as e:
            report.errors.append(str(e))
            continue
        result = compare_articles([d.article for d in docs.values()], settings, embed)
        claims = {(a.article.id, c.id): c for a in result.articles for c in a.claims}
        groups = []
        for g in result.groups:
            if g.verdict != "corroborated":
                continue
            if g.spans:
                groups.append([(s.article, s.start) for s in g.spans])
            else:
                groups.append([(r.article, claims[(r.article, r.claim)].start) for r in g.claims])
        texts = {(d, n): doc.article.text[a:b] for d, doc in docs.items() for n, (a, b) in doc.sentences.items()}
        report.scores.append(score_facts(name, facts, groups, docs, texts))
    return report
