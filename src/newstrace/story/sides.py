"""Each side of a number conflict with all its sources, and one entry per disagreement.

The conflict rules find a disagreement between two claims; a reporter needs every outlet behind
each value ("5.9 per seven outlets, 6.1 per two"), and one entry for it, not one per pair of
articles. ``gather_sides`` adds each side's other sources; ``merge_sides`` folds a conflict whose
two values already stand on the two sides of one listed before into that one.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

from newstrace.records import ClaimRef, ConflictValue, Group, Quantity, StoryEntity, value_sides
from newstrace.story.claims import StoryClaim
from newstrace.story.conflicts import same_amount
from newstrace.story.facts import Fact
from newstrace.story.quantities import (
    CONVERSION,
    Measure,
    MeasureIndex,
    agree_within_bound,
    bound,
    measure,
    measure_key_of,
    num,
)
from newstrace.story.scope import Scopes

__all__ = ["Amounts", "gather_sides", "merge_sides"]


class Amounts:
    """Every figure of the story's claims by measure ("casualties:dead", "length", "magnitude"),
    in claim order: where ``gather_sides`` looks for the other sources of a side."""

    def __init__(self, claims: Sequence[StoryClaim], facts: Sequence[Fact] = ()) -> None:
        self.by_key: dict[str, list[tuple[StoryClaim, Quantity, Measure]]] = {}
        self._measure: dict[tuple[int, int], Measure | None] = {}
        for sc in claims:
            if not sc.checkable:
                continue
            for q in sc.claim.frame.quantities:
                m = self.measure_of(sc, q)
                if m is not None:
                    self.by_key.setdefault(measure_key_of(sc, q, m), []).append((sc, q, m))
        # The corroborated facts each claim states (where a side's first other sources are).
        self._facts: dict[int, list[Fact]] = {}
        for f in facts:
            for x in f.claims:
                self._facts.setdefault(id(x), []).append(f)
        self._keys = {
            (sc.ref.article, q.start): k for k, figures in self.by_key.items() for sc, q, _ in figures
        }
        # A side's figure -> the figures of other claims that give the same amount of it. Many
        # conflicts share a side (one toll against several), so each is looked up once.
        self._same: dict[tuple[int, int], list[tuple[StoryClaim, Quantity, Measure]]] = {}

    def measure_of(self, sc: StoryClaim, q: Quantity) -> Measure | None:
        """``quantities.measure``, read once per figure (each conflict asks again)."""
        key = (id(sc), q.start)
        if key not in self._measure:
            self._measure[key] = measure(sc, q)
        return self._measure[key]

    def facts_of(self, sc: StoryClaim) -> list[Fact]:
        return self._facts.get(id(sc), [])

    def key_at(self, article: str, start: int) -> str | None:
        """The measure key of the figure that starts there (None for none known)."""
        return self._keys.get((article, start))

    def same_as(
        self,
        sc: StoryClaim,
        q: Quantity,
        m: Measure,
        key: str,
        names: dict[str, StoryEntity],
        measures: MeasureIndex,
        scopes: Scopes,
    ) -> list[tuple[StoryClaim, Quantity, Measure]]:
        """The figures of other articles' claims that give the same amount as ``q`` (of measure
        ``key``; in claim order; ``conflicts.same_amount``)."""
        at = (id(sc), q.start)
        if at not in self._same:
            self._same[at] = [
                (other, oq, om)
                for other, oq, om in self.by_key.get(key, ())
                if other.ref.article != sc.ref.article
                and same_amount(sc, q, m, other, oq, om, names, measures, scopes)
            ]
        return self._same[at]


def gather_sides(
    g: Group,
    by_ref: dict[ClaimRef, StoryClaim],
    source_of: dict[str, str],
    amounts: Amounts,
    names: dict[str, StoryEntity],
    measures: MeasureIndex,
    scopes: Scopes,
) -> Group:
    """A number conflict with each side's other sources ("6.1" per two agencies, "5.9" per
    seven). An article is one more source of a side when a claim of it gives the same amount of
    the same measure (in any unit, with the same bound) as that side's claim, and either states
    the same fact (a corroborated fact holds both) or, short of that, names the figure alike
    about the story's own event (``conflicts.same_amount``: "fell 700 meters" / "fell about
    2,300 feet"; a hedged "about 200,000" stands with "200,000") and neither gives the other
    side's amount of that measure too (such a page tells two amounts apart, "six rifles" in this
    raid and "14" over five, or is torn) nor hedges its own so that it admits the other's.
    The first two values stay the pair the rules found; every value says its side."""
    c = g.conflicts[0]
    if c.type != "number" or len(c.values) != 2 or len(g.claims) != 2:
        return g
    found: list[tuple[int, StoryClaim, Quantity, Measure, str]] = []
    for side, v in enumerate(c.values):
        ref = next((r for r in g.claims if r.article == v.article), None)
        sc = by_ref.get(ref) if ref is not None else None
        q = next((q for q in sc.claim.frame.quantities if q.start == v.start), None) if sc else None
        m = amounts.measure_of(sc, q) if sc is not None and q is not None else None
        if sc is not None and q is not None and m is not None:
            found.append((side, sc, q, m, measure_key_of(sc, q, m)))
    taken = {ref.article for ref in g.claims}
    added: list[tuple[ClaimRef, ConflictValue]] = []

    def torn(other: StoryClaim, oq: Quantity, om: Measure, key: str, side: int) -> bool:
        """The page gives the other side's amount too (of the measure ``key`` its figure is
        of), or a hedged one that admits it."""
        for s, rsc, rq, rm, _ in found:
            if s != side and (
                measures.gives(other.ref.article, key, rm.value)
                or agree_within_bound(bound(other, oq), om.value, bound(rsc, rq), rm.value)
            ):
                return True
        return False

    def take(other: StoryClaim, oq: Quantity, side: int) -> None:
        taken.add(other.ref.article)
        added.append(
            (other.ref, ConflictValue(other.ref.article, oq.start, oq.end, oq.text, num(oq.value), side))
        )

    # Claims that state the same fact as a side first, then figures named alike.
    for side, sc, q, m, _ in found:
        for f in amounts.facts_of(sc):
            for other in f.claims:
                if other.ref.article in taken or not other.checkable:
                    continue
                for oq in other.claim.frame.quantities:
                    om = amounts.measure_of(other, oq)
                    if (
                        om is not None
                        and om.kind == m.kind
                        and math.isclose(om.value, m.value, rel_tol=CONVERSION)
                        and bound(other, oq) == bound(sc, q)  # "at least 17" may be the other side's 21
                    ):
                        take(other, oq, side)
                        break
    for side, sc, q, m, key in found:
        # same_as draws from the figures of this measure key: each is of the same key.
        for other, oq, om in amounts.same_as(sc, q, m, key, names, measures, scopes):
            if other.ref.article not in taken and not torn(other, oq, om, key, side):
                take(other, oq, side)
    if not added:
        return g
    refs = (*g.claims, *(r for r, _ in added))
    values = (*(replace(v, side=n) for n, v in enumerate(c.values)), *(v for _, v in added))
    why = _by_source(c.explanation, values)
    return replace(
        g,
        claims=refs,
        conflicts=(replace(c, values=values, explanation=why),),
        explanation=why,
        independent_sources=len({source_of[r.article] for r in refs}),
    )


def merge_sides(groups: list[Group], source_of: dict[str, str], amounts: Amounts) -> list[Group]:
    """One entry per disagreement: a number conflict whose two values both stand, on the two
    sides, in a conflict listed before (once each side's other sources are gathered) is that
    conflict; it adds its own sources there instead of being listed again. A value stands on a
    side where its figure is, or where its article gives the same amount of the same measure
    (a headline's "five hurt" and the body's "five people"; not "two suspects" for "two people"
    killed)."""
    out: list[Group] = []
    # Where each value of each number conflict listed so far stands: by figure, and by article,
    # amount and measure (kept up to date as conflicts merge, not rebuilt for every pair).
    stands: dict[int, tuple[dict[tuple[str, int], int], dict[tuple[str, str, str | None], int]]] = {}

    def where(h: Group) -> tuple[dict[tuple[str, int], int], dict[tuple[str, str, str | None], int]]:
        hc = h.conflicts[0]
        at = {(v.article, v.start): hc.side_of(k) for k, v in enumerate(hc.values)}
        said = {
            (v.article, v.value, amounts.key_at(v.article, v.start)): hc.side_of(k)
            for k, v in enumerate(hc.values)
        }
        return at, said

    for g in groups:
        c = g.conflicts[0] if g.verdict == "conflict" and g.conflicts else None
        if c is None or c.type != "number" or len(c.values) < 2:
            out.append(g)
            continue
        into = None
        mine = [(v.article, v.start, v.value, amounts.key_at(v.article, v.start)) for v in c.values[:2]]
        for n, (at, said) in stands.items():
            s0, s1 = (at.get((art, start), said.get((art, value, key))) for art, start, value, key in mine)
            if s0 is not None and s1 is not None and s0 != s1:
                into = (n, s0)
                break
        if into is None:
            stands[len(out)] = where(g)
            out.append(g)
            continue
        n, s0 = into
        h = out[n]
        hc = h.conflicts[0]
        have = {(v.article, v.start) for v in hc.values}
        extra = [
            replace(v, side=s0 if c.side_of(k) == 0 else 1 - s0)
            for k, v in enumerate(c.values)
            if (v.article, v.start) not in have
        ]
        refs = list(h.claims)
        refs += [r for r in g.claims if r not in refs]
        values = (*(replace(v, side=hc.side_of(k)) for k, v in enumerate(hc.values)), *extra)
        why = _by_source(hc.explanation, values)
        out[n] = replace(
            h,
            claims=tuple(refs),
            conflicts=(
                replace(hc, values=values, confidence=max(hc.confidence, c.confidence), explanation=why),
            ),
            explanation=why,
            independent_sources=len({source_of[r.article] for r in refs}),
        )
        stands[n] = where(out[n])
    return out


def _by_source(explanation: str, values: Sequence[ConflictValue]) -> str:
    """The rule's explanation with each side's sources after it ("By source: 5.9 in a, b; 6.1
    in c.")."""
    sides = value_sides(values)
    said = "; ".join(
        f"{vs[0].text!r} in {', '.join(dict.fromkeys(v.article for v in vs))}" for vs in sides if vs
    )
    return f"{explanation.split(' By source: ')[0]} By source: {said}."
