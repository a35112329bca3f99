"""Cross-source comparison: align claims across articles, then judge each group.

Steps (each a function, so a newcomer finds one place per concern):

1. ``sources``: which articles are independent (copy lineage, same outlet, one citing another);
2. ``align``: candidate pairs from sentence embeddings (blockwise top-k, so cost grows with the
   number of claims, not its square in memory), confirmed by agreement of entities, dates and
   action; greedy grouping with at most one claim per article in a group;
3. ``conflicts``: typed disagreements inside a group (date, number, attribution, actor,
   negation), each with both sides' spans and normalized values. Conservative on purpose: a
   false conflict costs a fact-checker more than a missed one;
4. ``verdicts`` and the ``timeline``.
Nothing here re-parses text: it reads the annotated articles' records.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from newstrace.records import (
    AnnotatedArticle,
    Claim,
    ClaimRef,
    Conflict,
    ConflictValue,
    CopyLink,
    Group,
    StoryEntity,
    TimelineEntry,
)
from newstrace.story.lineage import copy_groups, find_copies
from newstrace.story.resolve import resolve_entities

Embed = Callable[[list[str]], "np.ndarray[Any, Any]"]
Severity = Literal["low", "medium", "high"]

CANDIDATE_MIN = 0.45  # cosine below which two claims are never compared
CONFIRM_STRONG = 0.72  # cosine that aligns on its own
TOP_K = 8
_REPORTING = {"announce", "say", "declare", "state", "report", "confirm", "claim", "tell", "deny", "reveal"}
_CUMULATIVE_UNITS = {"dead", "death", "people", "person", "toll", "victim", "casualty", "body", "injured"}
_DAY = re.compile(r"^(\d{4}|XXXX)-(\d{2})-(\d{2})$")


@dataclass
class StoryClaim:
    """A claim with its article and its frame's entities mapped to story entity ids."""

    ref: ClaimRef
    claim: Claim
    ann: AnnotatedArticle
    actors: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    objects: set[str] = field(default_factory=set)
    speaker: str | None = None

    @property
    def entities(self) -> set[str]:
        return self.actors | self.places | self.objects | ({self.speaker} if self.speaker else set())

    @property
    def checkable(self) -> bool:
        return self.claim.kind in ("report", "quote", "background")


@dataclass(frozen=True, slots=True)
class StoryReport:
    articles: tuple[AnnotatedArticle, ...]
    entities: tuple[StoryEntity, ...]
    groups: tuple[Group, ...]
    lineage: tuple[CopyLink, ...]
    timeline: tuple[TimelineEntry, ...]
    source_of: dict[str, str]


# ---------------------------------------------------------------------------- sources


def sources(anns: Sequence[AnnotatedArticle], links: Sequence[CopyLink]) -> dict[str, str]:
    """Article id -> independent-source id. Copies, one outlet's articles, and an article that
    cites another outlet of the story collapse into one source."""
    ids = [a.article.id for a in anns]
    parent = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for group in copy_groups(ids, links):
        for other in group[1:]:
            union(group[0], other)
    outlet: dict[str, str] = {}
    for a in anns:
        name = _outlet(a)
        if name:
            if name in outlet:
                union(outlet[name], a.article.id)
            else:
                outlet[name] = a.article.id
    # An article relaying a statement "via" another outlet of the story depends on it.
    for a in anns:
        for q in a.quotes:
            for via in q.via:
                key = via.casefold().removeprefix("the ")
                for name, aid in outlet.items():
                    if name == key or (len(key) > 3 and key in name):
                        union(a.article.id, aid)
    return {i: find(i) for i in ids}


def _outlet(a: AnnotatedArticle) -> str | None:
    name = a.article.source or a.article.credit
    return name.casefold().removeprefix("the ") if name else None


# ---------------------------------------------------------------------------- alignment


def _story_claims(anns: Sequence[AnnotatedArticle], story_ids: dict[str, str]) -> list[StoryClaim]:
    out: list[StoryClaim] = []
    for ann in anns:
        aid = ann.article.id
        for c in ann.claims:
            f = c.frame
            sc = StoryClaim(ClaimRef(aid, c.id), c, ann)
            sc.actors = {s for e in f.actors if (s := story_ids.get(f"{aid}/{e}"))}
            sc.places = {s for e in f.places if (s := story_ids.get(f"{aid}/{e}"))}
            sc.objects = {s for e in f.objects if (s := story_ids.get(f"{aid}/{e}"))}
            if f.speaker:
                sc.speaker = story_ids.get(f"{aid}/{f.speaker}") or f.speaker
            out.append(sc)
    return out


def _neighbours(vecs: np.ndarray[Any, Any], k: int, block: int = 1024) -> list[list[tuple[int, float]]]:
    """Top-k cosine neighbours of each row (rows are unit vectors), computed in row blocks."""
    n = len(vecs)
    out: list[list[tuple[int, float]]] = []
    k = min(k, max(0, n - 1))
    for lo in range(0, n, block):
        sims = vecs[lo : lo + block] @ vecs.T
        for r in range(sims.shape[0]):
            sims[r, lo + r] = -1.0
        if k == 0:
            out.extend([] for _ in range(sims.shape[0]))
            continue
        idx = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        for r in range(sims.shape[0]):
            out.append([(int(j), float(sims[r, j])) for j in idx[r]])
    return out


def _dates(sc: StoryClaim) -> set[str]:
    return {v for v in sc.claim.frame.times if _DAY.match(v)}


def _dates_agree(a: str, b: str) -> bool | None:
    """True/False for two day values (X-aware: XXXX-05-21 vs 2025-05-21 compares month-day)."""
    ma, mb = _DAY.match(a), _DAY.match(b)
    if not ma or not mb:
        return None
    ya, yb = ma.group(1), mb.group(1)
    same_md = ma.group(2, 3) == mb.group(2, 3)
    if "XXXX" in (ya, yb):
        return same_md
    return same_md and ya == yb


def _evidence(a: StoryClaim, b: StoryClaim) -> float:
    """Agreement beyond wording: shared entities, a shared date, the same action."""
    score = 0.0
    shared = a.entities & b.entities
    score += min(0.15, 0.05 * len(shared))
    if any(_dates_agree(x, y) for x in _dates(a) for y in _dates(b)):
        score += 0.1
    if a.claim.frame.action and a.claim.frame.action == b.claim.frame.action:
        score += 0.05
    return score


def align(claims: Sequence[StoryClaim], embed: Embed, source_of: dict[str, str]) -> list[list[int]]:
    """Group claim indices that state the same fact (at most one claim per article per group)."""
    if not claims:
        return []
    vecs = embed([c.claim.text for c in claims])
    pairs: dict[tuple[int, int], float] = {}
    for i, row in enumerate(_neighbours(vecs, TOP_K)):
        for j, cos in row:
            a, b = claims[i], claims[j]
            if a.ref.article == b.ref.article or cos < CANDIDATE_MIN:
                continue
            ev = _evidence(a, b)
            # Weak paraphrase must be backed by agreeing entities, dates or action.
            if cos >= CONFIRM_STRONG or (cos >= CANDIDATE_MIN and ev >= 0.1 and cos + ev >= 0.62):
                key = (min(i, j), max(i, j))
                pairs[key] = max(pairs.get(key, 0.0), cos + ev)
    group_of = list(range(len(claims)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(claims))}
    for (i, j), _ in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0])):
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        arts_i = {claims[x].ref.article for x in members[gi]}
        arts_j = {claims[x].ref.article for x in members[gj]}
        if arts_i & arts_j:
            continue  # one claim per article per group keeps a group one fact
        keep, drop = min(gi, gj), max(gi, gj)
        for x in members.pop(drop):
            group_of[x] = keep
            members[keep].append(x)
    return [sorted(m) for _, m in sorted(members.items())]


# ---------------------------------------------------------------------------- conflicts


def _value(sc: StoryClaim, text: str, value: str) -> ConflictValue:
    body = sc.ann.article.text
    at = body.find(text, sc.claim.start, sc.claim.end) if text else -1
    start, end = (at, at + len(text)) if at >= 0 else (sc.claim.start, sc.claim.end)
    return ConflictValue(sc.ref.article, start, end, body[start:end], value)


def _time_text(sc: StoryClaim, value: str) -> str:
    for t in sc.ann.times:
        if t.value == value and sc.claim.start <= t.start < sc.claim.end:
            return t.text
    return ""


def _date_conflict(a: StoryClaim, b: StoryClaim) -> Conflict | None:
    da, db = _dates(a), _dates(b)
    if not da or not db:
        return None
    if any(_dates_agree(x, y) for x in da for y in db):
        return None
    x, y = sorted(da)[0], sorted(db)[0]
    if len(da) > 1 or len(db) > 1:
        return None  # several dates on one side: which event each dates is unclear
    va, vb = _value(a, _time_text(a, x), x), _value(b, _time_text(b, y), y)
    return Conflict("date", (va, vb), _explain_date(a, va, b, vb), "high")


def _explain_date(a: StoryClaim, va: ConflictValue, b: StoryClaim, vb: ConflictValue) -> str:
    def side(sc: StoryClaim, v: ConflictValue) -> str:
        pub = sc.ann.article.published
        rel = (
            f" (relative to its date {pub.isoformat()})"
            if pub and v.text and not v.text[:1].isdigit()
            else ""
        )
        shown = v.value if not v.value.startswith("XXXX") else v.value.replace("XXXX-", "--")
        return f"article {sc.ref.article} says {v.text!r} = {shown}{rel}"

    return f"Dates differ for the same event: {side(a, va)}; {side(b, vb)}."


def _number_conflict(a: StoryClaim, b: StoryClaim) -> Conflict | None:
    for qa in a.claim.frame.quantities:
        for qb in b.claim.frame.quantities:
            if not qa.unit or qa.unit != qb.unit or qa.value == qb.value:
                continue
            if abs(qa.value - qb.value) <= 0.01 * max(abs(qa.value), abs(qb.value)):
                continue
            pa, pb = a.ann.article.published, b.ann.article.published
            if qa.unit in _CUMULATIVE_UNITS and pa and pb and pa != pb:
                later_larger = (qa.value > qb.value) == (pa > pb)
                if later_larger:
                    continue  # a toll that rises between editions is an update, not a conflict
            va = ConflictValue(a.ref.article, qa.start, qa.end, qa.text, _num(qa.value))
            vb = ConflictValue(b.ref.article, qb.start, qb.end, qb.text, _num(qb.value))
            why = (
                f"Numbers differ for the same fact: article {a.ref.article} says {qa.text!r}, "
                f"article {b.ref.article} says {qb.text!r}."
            )
            return Conflict("number", (va, vb), why, "high")
    return None


def _num(v: float) -> str:
    return str(int(v)) if v == int(v) else str(v)


def _source_of_statement(sc: StoryClaim) -> str | None:
    if sc.speaker:
        return sc.speaker
    if sc.claim.frame.action in _REPORTING and len(sc.actors) == 1:
        return next(iter(sc.actors))
    return None


def _attribution_conflict(a: StoryClaim, b: StoryClaim, names: dict[str, StoryEntity]) -> Conflict | None:
    sa, sb = _source_of_statement(a), _source_of_statement(b)
    if not sa or not sb or sa == sb or sa not in names or sb not in names:
        return None
    if names[sa].type != "PERSON" or names[sb].type != "PERSON":
        return None  # "Russia" vs "Putin" is not a different source
    acts = {a.claim.frame.action, b.claim.frame.action} & _REPORTING
    if not acts and not (a.speaker and b.speaker):
        return None
    va = _entity_value(a, names[sa])
    vb = _entity_value(b, names[sb])
    why = (
        f"The same statement is attributed to different people: article {a.ref.article} has "
        f"{names[sa].name}, article {b.ref.article} has {names[sb].name}."
    )
    return Conflict("attribution", (va, vb), why, "high")


def _entity_value(sc: StoryClaim, ent: StoryEntity) -> ConflictValue:
    for m in ent.mentions:
        if m.article == sc.ref.article and sc.claim.start <= m.start < sc.claim.end:
            return ConflictValue(m.article, m.start, m.end, m.text, ent.name)
    return ConflictValue(sc.ref.article, sc.claim.start, sc.claim.end, sc.claim.text, ent.name)


def _negation_conflict(a: StoryClaim, b: StoryClaim) -> Conflict | None:
    fa, fb = a.claim.frame, b.claim.frame
    if fa.negated == fb.negated or not fa.action or fa.action != fb.action:
        return None
    if not (a.entities & b.entities):
        return None
    va = ConflictValue(
        a.ref.article, a.claim.start, a.claim.end, a.claim.text, "negated" if fa.negated else "affirmed"
    )
    vb = ConflictValue(
        b.ref.article, b.claim.start, b.claim.end, b.claim.text, "negated" if fb.negated else "affirmed"
    )
    why = f"One source affirms what the other denies ({fa.action!r})."
    return Conflict("negation", (va, vb), why, "medium")


def conflicts(group: Sequence[StoryClaim], names: dict[str, StoryEntity]) -> list[Conflict]:
    found: list[Conflict] = []
    seen: set[tuple[str, ...]] = set()
    checkable = [c for c in group if c.checkable]
    for x, a in enumerate(checkable):
        for b in checkable[x + 1 :]:
            for c in (
                _date_conflict(a, b),
                _number_conflict(a, b),
                _attribution_conflict(a, b, names),
                _negation_conflict(a, b),
            ):
                if c is not None:
                    key = (c.type, *sorted(f"{v.article}:{v.start}" for v in c.values))
                    if key not in seen:
                        seen.add(key)
                        found.append(c)
    return found


# ---------------------------------------------------------------------------- verdicts


def compare(anns: Sequence[AnnotatedArticle], embed: Embed) -> StoryReport:
    """The whole cross-source analysis of one story's annotated articles."""
    entities = resolve_entities(anns)
    story_ids = {ref: e.id for e in entities for ref in e.members}
    names = {e.id: e for e in entities}
    links = find_copies(anns)
    source_of = sources(anns, links)
    claims = _story_claims(anns, story_ids)
    grouped = align(claims, embed, source_of)
    groups: list[Group] = []
    for n, idx in enumerate(grouped, start=1):
        members = [claims[i] for i in idx]
        found = conflicts(members, names)
        independent = len({source_of[m.ref.article] for m in members if m.checkable})
        if found:
            verdict = "conflict"
        elif all(not m.checkable for m in members):
            verdict = "opinion"
        elif independent >= 2:
            verdict = "corroborated"
        else:
            verdict = "single_source"
        groups.append(
            Group(
                id=f"g{n}",
                verdict=verdict,  # type: ignore[arg-type]
                claims=tuple(m.ref for m in members),
                independent_sources=independent,
                conflicts=tuple(found),
                explanation=_explain_group(verdict, members, independent, found),
                severity=_severity(verdict, found),
            )
        )
    groups.sort(key=_group_order)
    groups = [
        Group(f"g{n}", g.verdict, g.claims, g.independent_sources, g.conflicts, g.explanation, g.severity)
        for n, g in enumerate(groups, start=1)
    ]
    by_ref = {c.ref: c for c in claims}
    return StoryReport(
        articles=tuple(anns),
        entities=entities,
        groups=tuple(groups),
        lineage=links,
        timeline=timeline(groups, by_ref),
        source_of=source_of,
    )


_ORDER = {"conflict": 0, "single_source": 1, "corroborated": 2, "opinion": 3}


def _group_order(g: Group) -> tuple[int, int, str, str]:
    first = g.claims[0]
    return (_ORDER[g.verdict], -g.independent_sources, first.article, first.claim.zfill(6))


def _severity(verdict: str, found: Sequence[Conflict]) -> Severity:
    if found:
        return "high" if any(c.severity == "high" for c in found) else "medium"
    return "medium" if verdict == "single_source" else "low"


def _explain_group(
    verdict: str, members: Sequence[StoryClaim], independent: int, found: Sequence[Conflict]
) -> str:
    arts = sorted({m.ref.article for m in members})
    if verdict == "conflict":
        return " ".join(c.explanation for c in found)
    if verdict == "corroborated":
        return f"Reported by {independent} independent sources ({', '.join(arts)})."
    if verdict == "opinion":
        kinds = sorted({m.claim.kind for m in members})
        return f"{' and '.join(kinds).capitalize()}, not a checkable fact ({', '.join(arts)})."
    if len(arts) > 1:
        return f"Only one independent source: {', '.join(arts)} are copies of or depend on one another."
    return f"Only {arts[0]} reports this."


def timeline(groups: Sequence[Group], by_ref: dict[ClaimRef, StoryClaim]) -> tuple[TimelineEntry, ...]:
    """The story's dated events in date order (day or month precision, anchored values only)."""
    entries: dict[str, list[Group]] = defaultdict(list)
    texts: dict[str, str] = {}
    for g in groups:
        if g.verdict == "opinion":
            continue
        for ref in g.claims:
            sc = by_ref[ref]
            if not sc.checkable:
                continue
            for v in sc.claim.frame.times:
                if re.match(r"^\d{4}-\d{2}(-\d{2})?$", v):
                    if g not in entries[v]:
                        entries[v].append(g)
                    texts.setdefault(v, sc.claim.text)
    out = []
    for v in sorted(entries):
        gs = entries[v]
        arts = sorted({r.article for g in gs for r in g.claims})
        out.append(TimelineEntry(v, texts[v], tuple(g.id for g in gs), tuple(arts)))
    return tuple(out)


def claim_index(report: StoryReport) -> dict[ClaimRef, tuple[AnnotatedArticle, Claim]]:
    """ClaimRef -> (its article, the claim), for renderers."""
    return {ClaimRef(a.article.id, c.id): (a, c) for a in report.articles for c in a.claims}
