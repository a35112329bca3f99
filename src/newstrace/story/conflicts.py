"""Typed conflicts between two claims confirmed to state one fact: date, number, attribution,
actor, place, negation; each with both sides' spans and normalized values. Conservative on
purpose: a false conflict costs a fact-checker more than a missed one. Public: the audit uses the
same rules."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from newstrace.lexicon import gazetteer, name_key, strip_titles
from newstrace.records import Conflict, ConflictValue, StoryEntity
from newstrace.story.claims import AUTHORED, StoryClaim, head_word
from newstrace.story.quantities import (
    CUMULATIVE_UNITS,
    agree_within_bound,
    bound,
    casualty_pair,
    num,
    same_quantity,
)
from newstrace.story.scope import WEEKDAY, WEEKDAY_NAMES, dates_disagree, event_dates, same_date

__all__ = ["conflicts", "may_be_one_person"]


def _value(sc: StoryClaim, text: str, value: str) -> ConflictValue:
    body = sc.ann.article.text
    at = body.find(text, sc.claim.start, sc.claim.end) if text else -1
    start, end = (at, at + len(text)) if at >= 0 else (sc.claim.start, sc.claim.end)
    return ConflictValue(sc.ref.article, start, end, body[start:end], value)


def _time_text(sc: StoryClaim, value: str) -> str:
    for t in sc.ann.times:
        if t.value.startswith(value) and sc.claim.start <= t.start < sc.claim.end:
            return t.text
    return ""


def _date_conflict(a: StoryClaim, b: StoryClaim) -> Conflict | None:
    """The same dated word ("broke out on Monday" / "broke out on Sunday night") with one date
    on each side, of the same precision, that disagree."""
    ea, eb = event_dates(a), event_dates(b)
    for head in sorted(ea.keys() & eb.keys()):
        da, db = ea[head], eb[head]
        if len(da) != 1 or len(db) != 1:
            continue  # several dates for one word: which is which is unclear
        x, y = next(iter(da)), next(iter(db))
        if not dates_disagree(x, y):
            continue
        va, vb = _value(a, _time_text(a, x), x), _value(b, _time_text(b, y), y)
        return Conflict("date", (va, vb), _explain_date(a, va, b, vb), "high")
    return None


def _explain_date(a: StoryClaim, va: ConflictValue, b: StoryClaim, vb: ConflictValue) -> str:
    def side(sc: StoryClaim, v: ConflictValue) -> str:
        pub = sc.ann.article.published
        rel = (
            f" (relative to its date {pub.isoformat()})"
            if pub and v.text and not v.text[:1].isdigit()
            else ""
        )
        w = WEEKDAY.match(v.value)
        if w:  # nothing to anchor it: the weekday is all there is
            return f"article {sc.ref.article} says {v.text!r} (a {WEEKDAY_NAMES[int(w.group(1)) - 1]}){rel}"
        shown = v.value if not v.value.startswith("XXXX") else v.value.replace("XXXX-", "--")
        return f"article {sc.ref.article} says {v.text!r} = {shown}{rel}"

    return f"Dates differ for the same event: {side(a, va)}; {side(b, vb)}."


def _number_conflict(a: StoryClaim, b: StoryClaim) -> Conflict | None:
    for qa in a.claim.frame.quantities:
        for qb in b.claim.frame.quantities:
            if not qa.unit or not qb.unit or qa.value == qb.value:
                continue
            if qa.unit != qb.unit and not casualty_pair(qa.unit, qb.unit, a, b):
                continue
            if abs(qa.value - qb.value) <= 0.01 * max(abs(qa.value), abs(qb.value)):
                continue
            if not same_quantity(a, qa, b, qb):
                continue
            ka, kb = bound(a, qa), bound(b, qb)
            if agree_within_bound(ka, qa.value, kb, qb.value) or agree_within_bound(
                kb, qb.value, ka, qa.value
            ):
                continue  # "more than 100 bodies" and "116 bodies" agree
            pa, pb = a.ann.article.published, b.ann.article.published
            if qa.unit in CUMULATIVE_UNITS and pa and pb and pa != pb:
                later_larger = (qa.value > qb.value) == (pa > pb)
                if later_larger:
                    continue  # a toll that rises between editions is an update, not a conflict
            va = ConflictValue(a.ref.article, qa.start, qa.end, qa.text, num(qa.value))
            vb = ConflictValue(b.ref.article, qb.start, qb.end, qb.text, num(qb.value))
            why = (
                f"Numbers differ for the same fact: article {a.ref.article} says {qa.text!r}, "
                f"article {b.ref.article} says {qb.text!r}."
            )
            return Conflict("number", (va, vb), why, "high")
    return None


def _source_of_statement(sc: StoryClaim, names: dict[str, StoryEntity]) -> str | None:
    """Who made the statement or act the claim reports: the person agent of "announce", "order"
    ("was announced by X", "X ordered") before the relay that reports it ("..., officials said")."""
    people = sorted(a for a in sc.actors if a in names and names[a].type == "PERSON")
    if sc.claim.frame.action in AUTHORED and len(people) == 1:
        return people[0]
    if sc.speaker:
        return sc.speaker
    if sc.cues and len(people) == 1:
        return people[0]
    return None


def _same_act(a: StoryClaim, b: StoryClaim) -> bool:
    """Both claims report the same authored act on the same thing ("ordered an investigation")."""
    fa, fb = a.claim.frame, b.claim.frame
    if not fa.action or fa.action != fb.action or fa.action not in AUTHORED:
        return False
    return _same_act_object(fa.objects, fb.objects)


def may_be_one_person(x: StoryEntity, y: StoryEntity) -> bool:
    """Whether the words of one name, as written anywhere, are all in the other's: "Aidy" and
    "Aidy Boothroyd", "Kun" and "Kun Kun". Two such entities were not merged (a bare first name
    has too little evidence), but neither can be called a different person."""

    def forms(e: StoryEntity) -> list[set[str]]:
        return [set(name_key(strip_titles(t)).split()) for t in {e.name, *e.aliases}]

    return any(p <= q or q <= p for p in forms(x) for q in forms(y))


def _attribution_conflict(a: StoryClaim, b: StoryClaim, names: dict[str, StoryEntity]) -> Conflict | None:
    sa, sb = _source_of_statement(a, names), _source_of_statement(b, names)
    if not sa or not sb or sa == sb or sa not in names or sb not in names:
        return None
    if may_be_one_person(names[sa], names[sb]):
        return None
    if names[sa].type != "PERSON" or names[sb].type != "PERSON":
        return None  # "Russia" vs "Putin" is not a different source
    if not a.cues & b.cues and not _same_act(a, b):
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


def _actor_conflict(a: StoryClaim, b: StoryClaim, names: dict[str, StoryEntity]) -> Conflict | None:
    """The same act on the same thing done by different people ("Novak opened the bridge" /
    "Kowal opened the bridge"). Statements and authored acts are attribution conflicts instead."""
    fa, fb = a.claim.frame, b.claim.frame
    if not fa.action or fa.action != fb.action or fa.action in AUTHORED or fa.negated != fb.negated:
        return None
    if not _same_act_object(fa.objects, fb.objects):
        return None
    pa = [x for x in a.actors if x in names and names[x].type == "PERSON"]
    pb = [x for x in b.actors if x in names and names[x].type == "PERSON"]
    if len(pa) != 1 or len(pb) != 1 or pa[0] == pb[0] or pa[0] in b.entities or pb[0] in a.entities:
        return None  # a person named on both sides may have acted together with the other
    if may_be_one_person(names[pa[0]], names[pb[0]]):
        return None
    va, vb = _entity_value(a, names[pa[0]]), _entity_value(b, names[pb[0]])
    why = (
        f"Different people are said to have done the same thing ({fa.action!r}): article "
        f"{a.ref.article} names {names[pa[0]].name}, article {b.ref.article} names {names[pb[0]].name}."
    )
    return Conflict("actor", (va, vb), why, "high")


def _place_conflict(a: StoryClaim, b: StoryClaim, names: dict[str, StoryEntity]) -> Conflict | None:
    """The same dated event placed in two different towns or regions. Countries are left out: a
    country contains the towns named with it, so "in Russia" and "in Kursk" can both be right."""
    ea, eb = event_dates(a), event_dates(b)
    shared = [h for h in ea.keys() & eb.keys() if any(same_date(x, y) for x in ea[h] for y in eb[h])]
    if not shared:
        return None
    countries = {p.name for p in gazetteer().values() if p.demonyms}  # entries with a demonym are countries

    def towns(sc: StoryClaim) -> list[str]:
        return [
            p
            for p in sc.places
            if p in names and names[p].type in ("GPE", "LOC", "FAC") and names[p].name not in countries
        ]

    ta, tb = towns(a), towns(b)
    if len(ta) != 1 or len(tb) != 1 or ta[0] == tb[0] or ta[0] in b.entities or tb[0] in a.entities:
        return None
    va, vb = _entity_value(a, names[ta[0]]), _entity_value(b, names[tb[0]])
    why = (
        f"The same event ({shared[0]!r}) is placed differently: article {a.ref.article} says "
        f"{names[ta[0]].name}, article {b.ref.article} says {names[tb[0]].name}."
    )
    return Conflict("place", (va, vb), why, "medium")


def _same_act_object(oa: Sequence[str], ob: Sequence[str]) -> bool:
    return bool({head_word(o) for o in oa} & {head_word(o) for o in ob} - {""})


def conflicts(
    group: Sequence[StoryClaim],
    names: dict[str, StoryEntity],
    linked: Callable[[StoryClaim, StoryClaim], bool],
) -> list[Conflict]:
    """Typed conflicts between checkable claims of the group that were confirmed as one fact."""
    found: list[Conflict] = []
    seen: set[tuple[str, ...]] = set()
    checkable = [c for c in group if c.checkable]
    for x, a in enumerate(checkable):
        for b in checkable[x + 1 :]:
            if not linked(a, b):
                continue
            for c in (
                _date_conflict(a, b),
                _number_conflict(a, b),
                _attribution_conflict(a, b, names),
                _actor_conflict(a, b, names),
                _place_conflict(a, b, names),
                _negation_conflict(a, b),
            ):
                if c is not None:
                    key = (c.type, *sorted(f"{v.article}:{v.start}" for v in c.values))
                    if key not in seen:
                        seen.add(key)
                        found.append(c)
    return found
