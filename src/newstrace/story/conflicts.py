"""Typed conflicts between two claims confirmed to state one fact: date, number, attribution,
actor, place, negation; each with both sides' spans and normalized values. Conservative on
purpose: a false conflict costs a fact-checker more than a missed one. Public: the audit uses the
same rules."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from spacy.lang.en.stop_words import STOP_WORDS

from newstrace.lexicon import name_key, strip_titles
from newstrace.records import Conflict, ConflictValue, Quantity, Quote, StoryEntity, TimeExpr
from newstrace.story.claims import AUTHORED, REPORTING, StoryClaim, head_word
from newstrace.story.places import apart, compatible_places
from newstrace.story.quantities import (
    APPROX,
    CONVERSION,
    CUMULATIVE_UNITS,
    Measure,
    MeasureIndex,
    agree_within_bound,
    bound,
    casualty_pair,
    coordinated,
    count_kind,
    governed_kind,
    measure,
    measure_key_of,
    mentions_value,
    num,
    partial,
    restated,
    same_quantity,
    shock,
    spans,
    within_precision,
)
from newstrace.story.scope import (
    WEEKDAY,
    WEEKDAY_NAMES,
    Scopes,
    clock_times,
    dates_disagree,
    event_dates,
    period,
    same_date,
    weekday_of,
)
from newstrace.story.where import country_names, other_places_counted, other_scope

__all__ = ["conflicts", "loose_identity", "loose_number_ok", "may_be_one_person", "same_amount"]


def _value(sc: StoryClaim, text: str, value: str) -> ConflictValue:
    body = sc.ann.article.text
    at = body.find(text, sc.claim.start, sc.claim.end) if text else -1
    start, end = (at, at + len(text)) if at >= 0 else (sc.claim.start, sc.claim.end)
    return ConflictValue(sc.ref.article, start, end, body[start:end], value)


def _time_of(sc: StoryClaim, value: str) -> TimeExpr | None:
    for t in sc.ann.times:
        if t.value.startswith(value) and sc.claim.start <= t.start < sc.claim.end:
            return t
    return None


# "by Saturday", "until Friday", "since Monday": a limit, not the day something happened.
_TIME_BOUND = re.compile(
    r"\b(?:by|until|till|before|after|since|from|through|within|no later than)\s+$", re.I
)
# Said from where the writer sits: a day off across a date line ("this afternoon" in Sydney is
# the day before in Detroit).
_DEICTIC = re.compile(
    r"\b(?:today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening)|last night)\b", re.I
)
# Two dates of one event this many days apart are more likely two events (another hearing,
# another outage) than a misdating.
FAR_DAYS = 7


def _bounded(sc: StoryClaim, t: TimeExpr | None) -> bool:
    if t is None:
        return False
    text = sc.ann.article.text
    return bool(t.mod in ("BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER")) or bool(
        _TIME_BOUND.search(text, max(sc.claim.start, t.start - 16), t.start)
    )


def _people(sc: StoryClaim, names: dict[str, StoryEntity]) -> set[str]:
    return {x for x in sc.actors | sc.mentioned if x in names and names[x].type == "PERSON"}


def owner(
    sc: StoryClaim, start: int, end: int, names: dict[str, StoryEntity], said: bool = False
) -> str | None:
    """The person a figure or date in the claim belongs to: the nearest person named in the
    claim, one named before it counting nearer ("Rait fell 150 metres"; "Buckley, 32"). None
    when the claim names nobody."""
    best: tuple[float, str] | None = None
    # With ``said``, the figure is taken as part of what is said: who says it owns none of it
    # ("Kalnina announced that nine states ..."); a day may well be the speaker's own.
    sayers: set[str] = set()
    if said:
        sayers = {sc.speaker} if sc.speaker else set()
        if sc.claim.frame.action in REPORTING or sc.cues:
            sayers |= sc.actors
    for pid in _people(sc, names) - sayers:
        for m in names[pid].mentions:
            if m.article != sc.ref.article or not (sc.claim.start <= m.start < sc.claim.end):
                continue
            if _PLACE_BEFORE.search(sc.ann.article.text, max(sc.claim.start, m.start - 8), m.start):
                continue  # "falling 150 metres at Aoraki Mount Cook": a place, whatever its tag says
            dist = start - m.end if m.end <= start else (m.start - end) * 1.5 if m.start >= end else 0
            if best is None or dist < best[0]:
                best = (dist, pid)
    return best[1] if best else None


# A name right after a preposition of place is where something happened, not who did it.
_PLACE_BEFORE = re.compile(r"\b(?:at|in|near|on)\s+$", re.I)


def _none_alike(pa: set[str], pb: set[str], names: dict[str, StoryEntity]) -> bool:
    """Both sides name people, and none of one side can be anyone of the other."""
    if not pa or not pb or pa & pb:
        return False
    return not any(may_be_one_person(names[x], names[y]) for x in pa for y in pb)


def _other_participants(a: StoryClaim, b: StoryClaim, names: dict[str, StoryEntity]) -> bool:
    """Both claims name the people who act or are acted on, and none of one side can be one of
    the other ("Novak raised the bid to 40" / "Kowal raised it to 50"), or both name the bodies
    that act and none is alike; who says it (the speaker) is no participant, and places are left
    to the other rules."""

    def people(sc: StoryClaim) -> set[str]:
        return {
            x for x in sc.actors | sc.objects
            if x != sc.speaker and x in names and names[x].type == "PERSON"
        }  # fmt: skip

    def bodies(sc: StoryClaim) -> set[str]:
        return {x for x in sc.actors if x != sc.speaker and x in names and names[x].type == "ORG"}

    # Bodies that act count too ("the Nationals offered $160 million" / "the Red Sox offered
    # $200 million"): two bidders, two offers.
    return _none_alike(people(a), people(b), names) or _none_alike(bodies(a), bodies(b), names)


def _holder_forms(sc: StoryClaim, q: Quantity, names: dict[str, StoryEntity]) -> list[set[str]]:
    """The words of the quantity's holder (the named subject of its verb) as written, and of every
    name of the story entity written there; empty when the amount has no named holder."""
    if q.holder is None:
        return []
    lo, hi = q.holder
    texts = {sc.ann.article.text[lo:hi]}
    for e in names.values():
        if any(m.article == sc.ref.article and m.start < hi and lo < m.end for m in e.mentions):
            texts |= {e.name, *e.aliases}
    return [w for w in _name_words(texts) if w]


def _other_holders(a: StoryClaim, qa: Quantity, b: StoryClaim, qb: Quantity,
                   names: dict[str, StoryEntity]) -> bool:  # fmt: skip
    """Both amounts have named holders and no name of one is part of a name of the other ("the
    Boston Red Sox" and "Red Sox" are one; "the Nationals" another): two holders, two amounts."""
    fa, fb = _holder_forms(a, qa, names), _holder_forms(b, qb, names)
    return bool(fa and fb) and not any(x <= y or y <= x for x in fa for y in fb)


def _same_owner(a: StoryClaim, sa: tuple[int, int], b: StoryClaim, sb: tuple[int, int],
                names: dict[str, StoryEntity]) -> bool:  # fmt: skip
    """Both figures belong to one named person."""
    oa, ob = owner(a, *sa, names), owner(b, *sb, names)
    return bool(oa and ob and (oa == ob or may_be_one_person(names[oa], names[ob])))


def _other_owner(a: StoryClaim, sa: tuple[int, int], b: StoryClaim, sb: tuple[int, int],
                 names: dict[str, StoryEntity], said: bool = False) -> bool:  # fmt: skip
    """Both figures belong to named people, and not to the same one."""
    oa, ob = owner(a, *sa, names, said), owner(b, *sb, names, said)
    return bool(oa and ob and oa != ob and not may_be_one_person(names[oa], names[ob]))


def _towns(sc: StoryClaim, names: dict[str, StoryEntity]) -> list[str]:
    """The claim's places below country level (a country contains the towns named with it)."""
    countries = country_names()
    return [
        p
        for p in sc.places
        if p in names and names[p].type in ("GPE", "LOC", "FAC") and names[p].name not in countries
    ]


def _elsewhere(a: StoryClaim, b: StoryClaim, names: dict[str, StoryEntity]) -> bool:
    """Both claims place what they tell, in places that cannot both hold it: two events (a quake
    in Bam, another in Zarand), not one event dated or counted differently."""
    # Towns and regions only: a "Gulf" or a building says too little about where the event was.
    ta = [x for x in _towns(a, names) if names[x].type == "GPE"]
    tb = [x for x in _towns(b, names) if names[x].type == "GPE"]
    if not ta or not tb or set(ta) & set(tb):
        return False
    return apart([names[x] for x in ta], [names[y] for y in tb])


def _different_doers(a: StoryClaim, b: StoryClaim, names: dict[str, StoryEntity]) -> bool:
    """Both claims name who acts (a person or a country), and none of one side can be one of the
    other: "Iran on Saturday condemned the bombings" and "Philippine President Joseph Estrada on
    Tuesday condemned the bombings" are two condemnations, each on its own day. Bodies are left
    out: two names of one ("Scotland Yard", "the Metropolitan Police") are not told apart here."""

    def doers(sc: StoryClaim) -> set[str]:
        return {
            x for x in sc.actors
            if x != sc.speaker and x in names and names[x].type in ("PERSON", "GPE", "NORP")
        }  # fmt: skip

    da, db = doers(a), doers(b)
    if not da or not db or da & db:
        return False
    for x in da:
        for y in db:
            ex, ey = names[x], names[y]
            if ex.type == ey.type == "PERSON" and may_be_one_person(ex, ey):
                return False
            if ex.type == ey.type == "GPE" and compatible_places(ex, ey):
                return False
            if ex.type == ey.type and _name_overlap(ex, ey):
                return False
    return True


def _name_overlap(x: StoryEntity, y: StoryEntity) -> bool:
    """One name's words inside the other's ("the Red Sox" / "the Boston Red Sox")."""
    wx, wy = _name_words({x.name, *x.aliases}), _name_words({y.name, *y.aliases})
    return any(p and q and (p <= q or q <= p) for p in wx for q in wy)


def _different_people(a: StoryClaim, b: StoryClaim, names: dict[str, StoryEntity]) -> bool:
    """Both claims name people and none of one side can be anyone of the other: two events
    (one climber's fall on Friday, another's on Saturday)."""
    return _none_alike(_people(a, names), _people(b, names), names)


# A plan, not a happening: its day may move, and it is often read as the wrong week's day.
_SCHEDULE = re.compile(
    r"\b(?:will|shall|'ll)\s+\w+|\b(?:set|scheduled|due|expected|slated|plans?|planning|advances?|advancing)\s+to\s+\w+",
    re.I,
)


def _date_confidence(a: StoryClaim, x: str, ta: TimeExpr | None, b: StoryClaim, y: str,
                     tb: TimeExpr | None) -> float:  # fmt: skip
    conf = 0.9
    # A month-day with no year ("March 11") is read in the other side's year for the gap.
    px, py = period(_in_year_of(x, y)), period(_in_year_of(y, x))
    if (
        px and py and px[0] == px[1] and py[0] == py[1]
    ):  # two days: a month or a year apart is the conflict itself
        gap = max((px[0] - py[1]).days, (py[0] - px[1]).days)
        if gap > FAR_DAYS:
            conf = min(conf, 0.3)
        deictic = any(t is not None and _DEICTIC.search(t.text) for t in (ta, tb))
        if gap <= 1 and deictic:
            conf = min(conf, 0.4)  # local date against another time zone's
        if gap <= 1 and _across_midnight(x, ta, y, tb):
            conf = min(conf, 0.4)  # "late Thursday" / "early Friday": one night, two ways to name it
    for sc, p in ((a, px), (b, py)):
        pub = sc.ann.article.published
        if p and pub and p[0] > pub:
            conf = min(conf, 0.4)  # a date still ahead when written: a schedule, which moves
        if _SCHEDULE.search(sc.claim.text):
            conf = min(conf, 0.4)  # "will play Friday's winner", "advances to play Saturday"
    if WEEKDAY.match(x) or WEEKDAY.match(y):
        conf = min(conf, 0.8)
    return conf


def _in_year_of(x: str, y: str) -> str:
    """``x`` with its unknown year ("XXXX-03-11") taken from ``y`` when ``y`` has one."""
    if x.startswith("XXXX-") and re.match(r"^\d{4}-", y):
        return y[:4] + x[4:]
    return x


_LATE = re.compile(r"\b(?:late|night|overnight|evening|midnight)\b", re.I)
_EARLY = re.compile(r"\b(?:early|morning|overnight|dawn|midnight|a\.\s?m\.)", re.I)


def _across_midnight(x: str, ta: TimeExpr | None, y: str, tb: TimeExpr | None) -> bool:
    """Adjacent days where the earlier is "late" or "night" and the later "early" or "morning":
    the same hours named from either side of midnight."""
    if ta is None or tb is None:
        return False
    px, py = period(x), period(y)
    if px and py:
        x_first = px[0] < py[0]
    else:  # an unanchored weekday: which is the day after the other
        wx, wy = weekday_of(x), weekday_of(y)
        if wx is None or wy is None:
            return False
        x_first = int(wx) % 7 + 1 == int(wy)
        if not x_first and int(wy) % 7 + 1 != int(wx):
            return False
    first, then = (ta, tb) if x_first else (tb, ta)
    late = bool(_LATE.search(first.text) or first.value.endswith(("TNI", "TEV")))
    early = bool(_EARLY.search(then.text) or then.value.endswith("TMO"))
    return late and early


def _date_conflict(
    a: StoryClaim, b: StoryClaim, names: dict[str, StoryEntity] | None = None
) -> Conflict | None:
    """The same dated word ("broke out on Monday" / "broke out on Sunday night") with one date
    on each side, of the same precision, that disagree; not a limit ("by Saturday"), and not
    when the two claims are about different people."""
    if names is not None and (
        _different_people(a, b, names) or _elsewhere(a, b, names) or _different_doers(a, b, names)
    ):
        return None
    if a.claim.frame.action and a.claim.frame.action == b.claim.frame.action:
        oa, ob = ({head_word(o).rstrip("s") for o in sc.claim.frame.objects} - {""} for sc in (a, b))
        if oa and ob and not oa & ob:
            return None  # "signed an omnibus bill" / "signed an executive order": two acts
    ea, eb = event_dates(a), event_dates(b)
    for head in sorted(ea.keys() & eb.keys()):
        da, db = ea[head], eb[head]
        if len(da) != 1 or len(db) != 1:
            continue  # several dates for one word: which is which is unclear
        x, y = next(iter(da)), next(iter(db))
        if not dates_disagree(x, y):
            continue
        ta, tb = _time_of(a, x), _time_of(b, y)
        if _bounded(a, ta) or _bounded(b, tb):
            continue
        if _same_relative_words(ta, tb):
            continue  # both say "on Saturday": only the pages' dates differ (a copy posted later)
        if (
            names is not None
            and ta
            and tb
            and _other_owner(a, (ta.start, ta.end), b, (tb.start, tb.end), names)
        ):
            continue  # one person's day against another's
        va, vb = _value(a, ta.text if ta else "", x), _value(b, tb.text if tb else "", y)
        conf = _date_confidence(a, x, ta, b, y, tb)
        return Conflict("date", (va, vb), _explain_date(a, va, b, vb), "high", conf)
    return None


def _clock_conflict(
    a: StoryClaim, b: StoryClaim, names: dict[str, StoryEntity] | None = None, one_fact: bool = False
) -> Conflict | None:
    """The same dated word at two times of day that cannot both be right ("landed at 4:52 p.m."
    / "landed shortly after 6 p.m."; "sank at about 9:30 p.m." / "sank at around 11 p.m."):
    each time read with what its words allow (``scope.clock_times``: rounding, "about", "shortly
    after"), in the same zone (local, or one named alike), across midnight; one time for the
    word on each side, and neither a second happening ("a second explosion at 2:15 p.m."). The
    day is left to the date rule (a bare clock time takes the page's day, often not the
    event's). ``one_fact``: the claims were confirmed as one fact beyond doubt, so one clock time
    on each side dates the same happening even under two words ("the blast occurred at about
    11:30 a.m." / "the explosion ripped through the reactor at around 2:15 p.m.")."""
    if names is not None and (
        _different_people(a, b, names) or _elsewhere(a, b, names) or _different_doers(a, b, names)
    ):
        return None
    if _ANOTHER.search(a.claim.text) or _ANOTHER.search(b.claim.text):
        return None  # "a second explosion hit at 2:15 p.m.": another happening of the kind
    ca, cb = clock_times(a), clock_times(b)
    # "is due to end at 6 a.m. on Wednesday": a plan, which moves, not a happening (the words
    # right before the time: "crashed at 5:40 p.m., and an investigation will follow" is no plan)
    ca, cb = ({h: v for h, v in c.items() if not any(_scheduled(sc, k.expr) for k in v)}
              for c, sc in ((ca, a), (cb, b)))  # fmt: skip
    pairs = [(ca[h], cb[h]) for h in sorted(ca.keys() & cb.keys())]
    if one_fact and not pairs and len(ca) == len(cb) == 1 and not _other_phase(next(iter(ca)), next(iter(cb))):
        pairs = [(next(iter(ca.values())), next(iter(cb.values())))]
    for xa, xb in pairs:
        if len(xa) != 1 or len(xb) != 1:
            continue
        ka, kb = xa[0], xb[0]
        if ka.zone != kb.zone or ka.overlaps(kb):
            continue
        ta, tb = ka.expr, kb.expr
        if names is not None and _other_owner(a, (ta.start, ta.end), b, (tb.start, tb.end), names):
            continue
        va, vb = _value(a, ta.text, ta.value), _value(b, tb.text, tb.value)
        why = (
            f"Times differ for the same event: article {a.ref.article} says {ta.text!r}, "
            f"article {b.ref.article} says {tb.text!r}."
        )
        return Conflict("date", (va, vb), why, "high", 0.75)
    return None


def _scheduled(sc: StoryClaim, t: TimeExpr) -> bool:
    """The time is a plan's: a schedule's words right before it ("due to end at 6 a.m.")."""
    text = sc.ann.article.text
    return bool(_SCHEDULE.search(text[max(sc.claim.start, t.start - 30) : t.start]))


# A happening's start and its end: "began at midday" and "ended at 6 a.m." time two moments.
_START_WORDS = frozenset({"begin", "start", "open", "launch", "commence", "kick"})
_END_WORDS = frozenset({"end", "finish", "close", "conclude", "stop", "expire", "wrap", "halt"})


def _other_phase(x: str, y: str) -> bool:
    """Whether one dated word starts a happening and the other ends it."""
    return (x in _START_WORDS and y in _END_WORDS) or (x in _END_WORDS and y in _START_WORDS)


# Words that tell of another happening of the same kind: "a second blast", "struck again".
_ANOTHER = re.compile(r"\b(?:second|third|fourth|another|again|subsequent|renewed)\b", re.I)


# A calendar date in a time expression: a month, a year, "10/11" (a time of day is none).
_CALENDAR = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b\d{4}\b|\d{1,2}/\d{1,2}", re.I
)


def _same_relative_words(ta: TimeExpr | None, tb: TimeExpr | None) -> bool:
    """Both sides date the event by the same words relative to their page ("Saturday" /
    "on Saturday", "yesterday" / "yesterday"), with no calendar date: the two reports agree, and
    the dates differ only because the pages are dated differently (a copy posted days later
    reads "Saturday" off its own date)."""
    if ta is None or tb is None or _CALENDAR.search(ta.text) or _CALENDAR.search(tb.text):
        return False
    wa, wb = (
        {w for w in re.findall(r"[a-z]+", t.text.casefold()) if w in _RELATIVE_DAY_WORDS} for t in (ta, tb)
    )
    return bool(wa) and wa == wb


_RELATIVE_DAY_WORDS = {n.casefold() for n in WEEKDAY_NAMES} | {"today", "yesterday", "tomorrow", "tonight"}


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


def _number_conflict(
    a: StoryClaim, b: StoryClaim, names: dict[str, StoryEntity] | None = None
) -> list[Conflict]:
    """The same quantity of the same thing with values that cannot both be right as written:
    same kind of measure (a length in any unit, a sum in one currency, the same count noun),
    beyond the rounding either figure is written with, not admitted by a bound ("more than
    100" / 116), not a part of the other ("two other victims"), and not a figure the other
    claim gives too. A count that moves (a toll) and is higher in the later-published article is
    an ``update``. Claims about different people or places count different things."""
    found: list[Conflict] = []
    # Whose figure it is is asked of each figure (its owner) below, not of the whole claims.
    if names is not None and _elsewhere(a, b, names):
        return found
    if _denied_amount(a) or _denied_amount(b):
        return found  # "none of the teams offered more than eight years" asserts no amount
    used: set[int] = set()  # each figure of b answers one figure of a at most
    span_a, span_b = spans(a), spans(b)
    for qa in a.claim.frame.quantities:
        for qb in b.claim.frame.quantities:
            # The same number in another unit may be another amount ("200 ft" / "200 m").
            if (qa.value == qb.value and qa.unit == qb.unit) or qb.start in used:
                continue
            ma, mb = measure(a, qa), measure(b, qb)
            if ma is None or mb is None or restated(a, qa) or restated(b, qb):
                continue
            if ma.kind != mb.kind and (ma.physical or mb.physical or not casualty_pair(a, qa, b, qb)):
                continue
            if within_precision(a, qa, ma, b, qb, mb):
                continue
            if not same_quantity(a, qa, ma, b, qb, mb):
                continue
            ka, kb = bound(a, qa), bound(b, qb)
            # A bound admitting the other figure agrees with it ("more than 100 bodies" / "116
            # bodies"), unless the count moves and the later page has the larger figure: "at
            # least 42" one day and "has risen to 45" the next is the toll rising (an update).
            admitted = agree_within_bound(ka, ma.value, kb, mb.value) or agree_within_bound(
                kb, mb.value, ka, ma.value
            )
            if admitted and not (_rose(a, qa, ma, b, qb) and _says_rise(a, b)):
                continue
            if partial(a, qa) or partial(b, qb):
                continue
            if coordinated(a, qa) != coordinated(b, qb):
                continue  # "one English climber" of "One Australian and one English climber" / "Two climbers"
            if span_a.get(qa.start) != span_b.get(qb.start):
                continue  # "43 RBIs in 54 games" / "121 RBIs" over the season: two tallies
            if mentions_value(a, qb.value, mb, count_kind(b, qb)) or mentions_value(b, qa.value, ma, count_kind(a, qa)):
                continue
            if _sums_to(a, ma, mb.value) or _sums_to(b, mb, ma.value):
                continue  # "12 Somali and 11 Yemeni pirates" are the "23 Somali and Yemeni pirates"
            if names is not None and _other_owner(
                a, (qa.start, qa.end), b, (qb.start, qb.end), names, said=True
            ):
                continue  # Rait's fall against Buckley's
            if names is not None and other_scope(a, qa, ma, b, qb, mb, names):
                continue  # both embassies' toll against one embassy's
            if ma.kind == "population" and (names is None or other_places_counted(a, qa, b, qb, names)):
                continue  # an island's population against a city's
            if ma.kind == "age" and (
                names is None or not _same_owner(a, (qa.start, qa.end), b, (qb.start, qb.end), names)
            ):
                continue  # an age is one person's: "a 36-year-old climber" may not be "a 32-year-old" one
            if ma.kind == "age" and _years_apart(a, b):
                continue  # ages grow: a page two years later may say 29 for 27
            undated_age = ma.kind == "age" and not (a.ann.article.published and b.ann.article.published)
            if names is not None and _other_holders(a, qa, b, qb, names):
                continue  # "the Nationals offered an eight-year deal" / "the Red Sox a seven-year one"
            if names is not None and _other_participants(a, b, names):
                continue  # "its neighbour raised rates by 0.25 points" / "the bank raised them by 0.5"
            va = ConflictValue(a.ref.article, qa.start, qa.end, qa.text, num(qa.value))
            vb = ConflictValue(b.ref.article, qb.start, qb.end, qb.text, num(qb.value))
            pa, pb = a.ann.article.published, b.ann.article.published
            if pa and pb and _rose(a, qa, ma, b, qb):
                old, new = (vb, va) if pa > pb else (va, vb)
                why = (
                    f"The count rose between reports: {old.text!r} in article {old.article} "
                    f"({min(pa, pb).isoformat()}), {new.text!r} in article {new.article} "
                    f"({max(pa, pb).isoformat()})."
                )
                found.append(Conflict("update", (old, new), why, "low", 0.9))
                used.add(qb.start)
                break
            conf = 0.9 if _beyond_hedges(ka, ma.value, kb, mb.value) else 0.75
            if undated_age:
                conf *= 0.75  # an undated page may be years apart: ages grow
            why = (
                f"Numbers differ for the same fact: article {a.ref.article} says {qa.text!r}, "
                f"article {b.ref.article} says {qb.text!r}."
            )
            found.append(Conflict("number", (va, vb), why, "high", conf))
            used.add(qb.start)
            break  # one conflict per figure of a: "14 rifles, 31 magazines" against "six, 12"
    return found


_NONE_OF = re.compile(r"^\W*(?:none|no one|nobody|neither|no\s+\w+)\b", re.I)


def _rose(a: StoryClaim, qa: Quantity, ma: Measure, b: StoryClaim, qb: Quantity) -> bool:
    """A count that moves between editions (only casualties do: a fall's length or the number of
    villages hit does not rise as the day goes on) is larger on the later-published page."""
    pa, pb = a.ann.article.published, b.ann.article.published
    moving = ma.kind == "casualties" or (qa.unit in CUMULATIVE_UNITS and not ma.physical)
    return bool(moving and pa and pb and pa != pb and (qa.value > qb.value) == (pa > pb))


_RISE = re.compile(
    r"\b(?:rose|ris(?:en|es|ing)|climb(?:ed|s|ing)?|increas(?:ed|es|ing)|jump(?:ed|s)|grew|grown)\b", re.I
)


def _says_rise(a: StoryClaim, b: StoryClaim) -> bool:
    """The later-published claim says the count rose ("has risen to 45")."""
    pa, pb = a.ann.article.published, b.ann.article.published
    later = a if pa and pb and pa > pb else b
    return bool(_RISE.search(later.claim.text))


def _denied_amount(sc: StoryClaim) -> bool:
    """The claim's main predicate is denied ("has not offered more than eight years", "None of
    the other teams ... has offered more than eight years"): its figures are no amounts it
    asserts."""
    return sc.claim.frame.negated or bool(_NONE_OF.match(sc.claim.text))


def _sums_to(sc: StoryClaim, of: Measure, total: float) -> bool:
    """Two or more counts of the claim add up to ``total``, a count: the parts of a whole
    the other claim gives ("12 Somali and 11 Yemeni pirates" / "23 Somali and Yemeni pirates").
    Counts of other things that happen to add up only keep a conflict out, never make one."""
    if of.physical or of.kind == "age":
        return False
    parts = [
        q.value
        for q in sc.claim.frame.quantities
        if (q.unit or "") not in _TIME_UNITS
        and not ((m := measure(sc, q)) is not None and (m.physical or m.kind == "age"))
    ]
    return len(parts) >= 2 and math.isclose(sum(parts), total)


def _beyond_hedges(ka: str | None, va: float, kb: str | None, vb: float) -> bool:
    """Whether the hedges leave no room for doubt: no bound on either side, or only "about"
    with figures far further apart than any "about" stretches ("about 150 metres" / "about
    60 m"). A minimum or maximum ("at least 7" / "5") is a softer disagreement."""
    if ka is None and kb is None:
        return True
    if {ka, kb} - {None, "approx"}:
        return False
    return abs(va - vb) > 2 * APPROX * max(abs(va), abs(vb))


def _years_apart(a: StoryClaim, b: StoryClaim) -> bool:
    """Both articles are dated, a year or more apart."""
    pa, pb = a.ann.article.published, b.ann.article.published
    return bool(pa and pb and abs((pa - pb).days) >= 365)


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

    fx, fy = _name_words({x.name, *x.aliases}), _name_words({y.name, *y.aliases})
    return any(p <= q or q <= p for p in fx for q in fy)


def _name_words(texts: set[str]) -> list[set[str]]:
    """Each name's words as compared ("the Boston Red Sox" -> {boston, red, sox}), titles off."""
    return [set(name_key(strip_titles(t)).split()) for t in texts]


def _attribution_conflict(a: StoryClaim, b: StoryClaim, names: dict[str, StoryEntity]) -> Conflict | None:
    quoted = _same_quotation(a, b)
    sa, sb = _source_of_statement(a, names), _source_of_statement(b, names)
    if quoted:
        # A speaker given in words ("the Deschutes County sheriff, Karl Brenner") is the person
        # named inside those words.
        sa = sa if sa in names else _named_speaker(a, quoted[0], names)
        sb = sb if sb in names else _named_speaker(b, quoted[1], names)
    if not sa or not sb or sa == sb or sa not in names or sb not in names:
        return None
    if may_be_one_person(names[sa], names[sb]):
        return None
    if names[sa].type != "PERSON" or names[sb].type != "PERSON":
        return None  # "Russia" vs "Putin" is not a different source
    if not quoted and not a.cues & b.cues and not _same_act(a, b):
        return None
    if not (_named_in(a, names[sa]) and _named_in(b, names[sb])):
        return None  # '"God approves of nudity," she said': whom "she" stands for is a guess
    if _number_conflict(a, b, None) or _other_figures(a, b):
        return None  # each reports its own figure: two statements, not one said by two people
    va = _entity_value(a, names[sa])
    vb = _entity_value(b, names[sb])
    why = (
        f"The same statement is attributed to different people: article {a.ref.article} has "
        f"{names[sa].name}, article {b.ref.article} has {names[sb].name}."
    )
    return Conflict("attribution", (va, vb), why, "high", 0.85)


# Two quotations are one statement when nearly all their content words are shared (this share) and they
# say something specific: a stock phrase ("Our thoughts and prayers are with the families of the
# victims tonight": 12 words, 5 content words) is said by many. A specific one has this many
# content words, or fewer in a long quotation.
_QUOTE_SHARED = 0.8
_QUOTE_CONTENT = 7
_QUOTE_LONG = (14, 5)


def _quoted(sc: StoryClaim) -> list[tuple[Quote, set[str], set[str]]]:
    """Each direct quotation inside the claim with its words, when it says something specific."""
    text = sc.ann.article.text
    out = []
    for q in sc.ann.quotes:
        c = q.content
        if q.kind == "indirect" or not (sc.claim.start <= c.start < sc.claim.end):
            continue
        words = re.findall(r"\w+", text[c.start : c.end].casefold())
        # Content words, a plural's "s" cut: a reworded quotation ("A notice was served on the
        # company in September after our inspectors found leaking valves" / "Our inspectors found
        # leaking valves in September and served the company a notice") keeps its content words.
        stems = [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words]
        content = {w for w in stems if w not in STOP_WORDS}
        # The content words a denial reaches (the next few words after "never", "not", ...).
        denied = {w for k, w in enumerate(stems) if w in content and any(x in _POLARITY for x in stems[max(0, k - 4) : k])}
        if len(content) >= _QUOTE_CONTENT or (len(words) >= _QUOTE_LONG[0] and len(content) >= _QUOTE_LONG[1]):
            out.append((q, content, denied))
    return out


# Words spaCy counts as stop words that turn a statement around: a word shared by two quotations
# that one of them denies makes them two statements ("There was never any evidence that ..." /
# "There is clear evidence that ..."); a denial of what only one says does not ("... and that is
# simply not sustainable").
_POLARITY = frozenset({"not", "no", "never", "nothing", "none", "nobody", "neither", "nor", "cannot", "without", "t"})


def _same_quotation(a: StoryClaim, b: StoryClaim) -> tuple[Quote, Quote] | None:
    """The quotations by which both claims quote the same words (nearly all of them shared, and
    something specific): one statement, whoever each page says made it."""
    for qa, x, nx in _quoted(a):
        for qb, y, ny in _quoted(b):
            if (nx ^ ny) & x & y:
                continue  # a shared word denied on one side only: "never any evidence" / "clear evidence"
            if len(x & y) >= _QUOTE_SHARED * len(x | y):
                return qa, qb
    return None


def _named_speaker(sc: StoryClaim, q: Quote, names: dict[str, StoryEntity]) -> str | None:
    """The one person named inside the words the quotation gives for its speaker (a speaker the
    reader kept as words, not as an entity)."""
    if q.speaker_span is None:
        return None
    lo, hi = q.speaker_span.start, q.speaker_span.end
    found = {
        e.id
        for e in names.values()
        if e.type == "PERSON" and any(m.article == sc.ref.article and lo <= m.start and m.end <= hi for m in e.mentions)
    }
    return found.pop() if len(found) == 1 else None


def _other_figures(a: StoryClaim, b: StoryClaim) -> bool:
    """The claims give amounts of one measure with different values, and neither gives the
    other's ("an eight-year deal worth $184 million" / "an eight-year, $200 million offer"):
    whatever the rules say of whether they are one amount, what each says is not the same."""
    for qa in a.claim.frame.quantities:
        ma = measure(a, qa)
        if ma is None:
            continue
        for qb in b.claim.frame.quantities:
            mb = measure(b, qb)
            if mb is None or mb.kind != ma.kind or math.isclose(ma.value, mb.value, rel_tol=CONVERSION):
                continue
            if not (mentions_value(a, qb.value, mb) or mentions_value(b, qa.value, ma)):
                return True
    return False


def _named_in(sc: StoryClaim, ent: StoryEntity) -> bool:
    """The entity is named by a proper name inside the claim (not only reached through a pronoun)."""
    text = sc.ann.article.text
    return any(
        m.article == sc.ref.article
        and sc.claim.start <= m.start < sc.claim.end
        and text[m.start : m.start + 1].isupper()
        and text[m.start : m.end].casefold() not in _PRONOUNS
        for m in ent.mentions
    )


_PRONOUNS = {"he", "she", "him", "her", "his", "they", "them", "their", "it", "its", "we", "i", "you"}


def _entity_value(sc: StoryClaim, ent: StoryEntity) -> ConflictValue:
    for m in ent.mentions:
        if m.article == sc.ref.article and sc.claim.start <= m.start < sc.claim.end:
            return ConflictValue(m.article, m.start, m.end, m.text, ent.name)
    return ConflictValue(sc.ref.article, sc.claim.start, sc.claim.end, sc.claim.text, ent.name)


# Verbs whose negation says little on its own ("is not deep enough", "was not unfamiliar").
_LIGHT_VERBS = {"be", "have", "do", "get", "seem", "become", "remain", "appear", "make", "take", "go"}
# Negative words that do not deny: litotes and comparatives ("nothing less than", "not only",
# "no small feat", "not unfamiliar", "hardly a newcomer").
_NOT_A_DENIAL = re.compile(
    r"\b(?:nothing|no|not)\s+(?:less|more|fewer|other|only|just|small|stranger)\b|\bnot\s+un\w+|\bhardly\s+an?\b|"
    r"\bno\s+(?:doubt|wonder|longer)\b|\bnot\s+without\b"
    # no answer to a reporter is no denial of a fact: "did not return a call", "didn't respond
    # to requests for comment"
    r"|\b(?:return|answer|respond)\w*\s+(?:to\s+)?(?:\w+\s+){0,2}(?:calls?|messages?|e-?mails?|requests?|inquir\w+)\b"
    # a hypothesis is no denial: "would not have placed him on injured reserve if ..."
    r"|\b(?:would|could|might)(?:n't|n\u2019t|\s+not)\s+have\b",
    re.I,
)


# A sentence that sets its subject against others ("Unlike X, Y is not ..."): it says X differs.
_UNLIKE = re.compile(r"\b(?:unlike|in contrast to|as opposed to)\b", re.I)
# Words that deny: a sentence with one of them is not the affirming side of a negation conflict.
# (Only reasons: a contrast, "landed safely, although it did not land at Heathrow", may carry the
# very denial the other side makes.)
_BECAUSE = re.compile(r",?\s+\b(?:because|since|as a result of)\b", re.I)
_NEGATIVE = re.compile(r"\b(?:not|never|no|nothing|none|neither|nor|nobody|cannot)\b|n[’']t\b", re.I)


def _negation_conflict(
    a: StoryClaim, b: StoryClaim, names: dict[str, StoryEntity] | None = None
) -> Conflict | None:
    """One claim denies what the other affirms: the same content verb, the same participants,
    one side negated; never a light verb, a reporting verb (not saying denies nothing) or a
    negative idiom, and not when each side's verb has its own, different doers ("the stars are
    signed" / "Ross is not signed")."""
    fa, fb = a.claim.frame, b.claim.frame
    if fa.negated == fb.negated or not fa.action or fa.action != fb.action or fa.action in _LIGHT_VERBS:
        return None
    if fa.action in REPORTING:
        return None
    if not (a.entities & b.entities):
        return None
    if names is not None and _none_alike(_doers(a, names), _doers(b, names), names):
        return None
    if _NOT_A_DENIAL.search(a.claim.text) or _NOT_A_DENIAL.search(b.claim.text):
        return None
    if _UNLIKE.search(a.claim.text) or _UNLIKE.search(b.claim.text):
        # "Unlike stars Lawrence and Hutcherson, Ross is not signed": the sentence itself says
        # the others are signed; it agrees with the side it seems to deny.
        return None
    affirmed = b if fa.negated else a
    # A reason given after the act is another statement: "stood down about 300 employees ...
    # because there was no work for them" still affirms the standing down.
    said = _BECAUSE.split(affirmed.claim.text, maxsplit=1)[0]
    if _NEGATIVE.search(said):
        # Both sentences deny something: the parses put the negation on different verbs ("I
        # didn't feel we were executing" / "I feel we weren't executing"; "would not reveal" /
        # "did not say"), which is wording, not one source affirming what the other denies.
        return None
    va = ConflictValue(
        a.ref.article, a.claim.start, a.claim.end, a.claim.text, "negated" if fa.negated else "affirmed"
    )
    vb = ConflictValue(
        b.ref.article, b.claim.start, b.claim.end, b.claim.text, "negated" if fb.negated else "affirmed"
    )
    why = f"One source affirms what the other denies ({fa.action!r})."
    return Conflict("negation", (va, vb), why, "medium", 0.6)


def _doers(sc: StoryClaim, names: dict[str, StoryEntity]) -> set[str]:
    """The named people and bodies that do or undergo what the claim tells (not who reports
    it): "Ross is not signed" is about Ross."""
    return {
        x
        for x in sc.actors | sc.objects
        if x != sc.speaker and x in names and names[x].type in ("PERSON", "ORG")
    }


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
    if not (_named_in(a, names[pa[0]]) and _named_in(b, names[pb[0]])):
        return None  # "he spotted Orozco": whom "he" stands for is a guess
    va, vb = _entity_value(a, names[pa[0]]), _entity_value(b, names[pb[0]])
    why = (
        f"Different people are said to have done the same thing ({fa.action!r}): article "
        f"{a.ref.article} names {names[pa[0]].name}, article {b.ref.article} names {names[pb[0]].name}."
    )
    return Conflict("actor", (va, vb), why, "high", 0.8)


def _place_conflict(a: StoryClaim, b: StoryClaim, names: dict[str, StoryEntity]) -> Conflict | None:
    """The same dated event placed in two different towns or regions. Countries are left out: a
    country contains the towns named with it, so "in Russia" and "in Kursk" can both be right."""
    ea, eb = event_dates(a), event_dates(b)
    shared = [h for h in ea.keys() & eb.keys() if any(same_date(x, y) for x in ea[h] for y in eb[h])]
    if not shared:
        return None
    ta, tb = _towns(a, names), _towns(b, names)
    if len(ta) != 1 or len(tb) != 1 or ta[0] == tb[0] or ta[0] in b.entities or tb[0] in a.entities:
        return None
    if not (_located(a, names[ta[0]]) and _located(b, names[tb[0]])):
        return None  # "New Orleans picked up Wynn", "the Philadelphia Eagles": a team, not where
    if compatible_places(names[ta[0]], names[tb[0]]):
        return None  # one contains the other, or names it more precisely
    va, vb = _entity_value(a, names[ta[0]]), _entity_value(b, names[tb[0]])
    why = (
        f"The same event ({shared[0]!r}) is placed differently: article {a.ref.article} says "
        f"{names[ta[0]].name}, article {b.ref.article} says {names[tb[0]].name}."
    )
    # A place named right by the event's date ("took place in Tarnov on Monday") is the event's;
    # one further off may be a court's town against the crime's, or a building's city against a
    # meeting's: read by hand outside the gold, none of 7 such conflicts shown at 0.7 was real,
    # so they stay below the default floor.
    head = shared[0]
    near = all(_place_by_date(sc, names[t], head) for sc, t in ((a, ta[0]), (b, tb[0])))
    return Conflict("place", (va, vb), why, "medium", 0.7 if near else 0.45)


def _place_by_date(sc: StoryClaim, place: StoryEntity, head: str) -> bool:
    """The place is named within a few words of a time expression that dates ``head`` in the claim."""
    values = event_dates(sc).get(head, set())
    times = [
        t
        for t in sc.ann.times
        if sc.claim.start <= t.start < sc.claim.end
        and any(t.value.startswith(v[:10]) or v.startswith("XXXX-WXX") for v in values)
    ]
    spans = [
        (m.start, m.end)
        for m in place.mentions
        if m.article == sc.ref.article and sc.claim.start <= m.start < sc.claim.end
    ]
    return any(max(ts.start - pe, ps - ts.end) <= _NEAR_CHARS for ts in times for ps, pe in spans)


_NEAR_CHARS = 12


_LOCATIVE = re.compile(r"\b(?:in|at|near|outside|inside|into)\s+(?:the\s+)?(?:\w+\s+of\s+)?$", re.I)


def _located(sc: StoryClaim, place: StoryEntity) -> bool:
    """The place is named where something happened ("in Norwalk", "at the port of Aden"), not
    as a team, a body or a modifier."""
    text = sc.ann.article.text
    return any(
        m.article == sc.ref.article
        and sc.claim.start <= m.start < sc.claim.end
        and _LOCATIVE.search(text, max(sc.claim.start, m.start - 25), m.start)
        and not re.match(r"\s*[A-Z]", text[m.end : m.end + 2])  # "in Philadelphia Eagles ..."
        for m in place.mentions
    )


def _same_act_object(oa: Sequence[str], ob: Sequence[str]) -> bool:
    return bool({head_word(o) for o in oa} & {head_word(o) for o in ob} - {""})


def conflicts(
    group: Sequence[StoryClaim],
    names: dict[str, StoryEntity],
    linked: Callable[[StoryClaim, StoryClaim], bool],
    scopes: Scopes | None = None,
    score: Callable[[StoryClaim, StoryClaim], float] | None = None,
    measures: MeasureIndex | None = None,
) -> list[Conflict]:
    """Typed conflicts between checkable claims of the group that were confirmed as one fact.

    With the story's ``scopes``, claims about different events (the story's and an earlier one)
    are never set against each other. ``score`` (how strongly the pair was confirmed as one
    fact) lowers the confidence of conflicts between loosely aligned claims. With the story's
    ``measures``, a figure of a measure its article gives several amounts of (a game's points)
    needs its own words to say which amount it is."""
    found: list[Conflict] = []
    seen: set[tuple[str, ...]] = set()
    checkable = [c for c in group if c.checkable]
    for x, a in enumerate(checkable):
        for b in checkable[x + 1 :]:
            if not linked(a, b):
                continue
            if scopes is not None and not scopes.same(a, b):
                continue
            weak = score is not None and score(a, b) < WEAK_PAIR
            for c in (
                _date_conflict(a, b, names)
                or _clock_conflict(a, b, names, score is not None and score(a, b) >= ONE_FACT),
                *_number_conflict(a, b, names),
                _attribution_conflict(a, b, names),
                _actor_conflict(a, b, names),
                _place_conflict(a, b, names),
                _negation_conflict(a, b, names),
            ):
                if c is not None:
                    if (
                        c.type in ("number", "update")
                        and scopes is not None
                        and scopes.outside(a)
                        and not scopes.overlap(a, b)
                    ):
                        continue  # two past events' figures: the Bam quake's toll is not Zarand's
                    if c.type == "number" and measures is not None and _conversions(c, a, b, measures):
                        continue  # "$137-million" (Canadian) / "$108 million" for "85 million euros"
                    conf = c.confidence * _doubt(c, a, b, names)
                    if c.type in ("number", "update") and scopes is not None and scopes.off_day(a, b):
                        conf *= 0.5
                    if weak:
                        # A date between loosely aligned claims is most often another event's:
                        # outside the trust gold, 5 of 6 shown at 0.68 were (the Oscars in 2007 /
                        # the Emmys in 2003; one award in 1998 / another in 2008).
                        conf *= 0.5 if c.type == "date" else 0.75
                    both = c.type == "number" and measures is not None and _gives_both(c, a, b, measures)
                    if both:
                        conf *= 0.5  # one page gives both figures: two things, or before and after
                    elif (
                        measures is not None
                        and c.type in ("number", "update")
                        and _unnamed_amount(c, a, b, measures)
                    ):
                        conf *= 0.5  # (the same doubt as above, from the same evidence: once)
                    if c.type == "date" and measures is not None and (
                        measures.several_dates(a, b) or measures.several_clocks(a, b)
                    ):
                        conf *= 0.5  # "hosted the Oscars in 2007" / "fronted the Emmys in 2001 and 2005"
                    c = replace(c, confidence=round(conf, 2))
                    key = (c.type, *sorted(f"{v.article}:{v.start}" for v in c.values))
                    if key not in seen:
                        seen.add(key)
                        found.append(c)
    return found


def _conversions(c: Conflict, a: StoryClaim, b: StoryClaim, measures: MeasureIndex) -> bool:
    """One figure is a sum the story gives converted from another currency ("85 million euros
    ($108 million)"): each outlet converts at its own rate, perhaps into its own country's
    dollar ("$137-million" in a Canadian paper); the sums as first given are the ones to
    compare. Other sums in that currency are still compared."""
    found = _figures(c, a, b)
    if found is None:
        return False
    (sa, qa), (sb, qb) = found
    ma, mb = measure(sa, qa), measure(sb, qb)
    return ma is not None and mb is not None and (measures.converted(ma) or measures.converted(mb))


def _gives_both(c: Conflict, a: StoryClaim, b: StoryClaim, measures: MeasureIndex) -> bool:
    """One side's article also gives the other side's figure of the measure, about the story's
    own event: it tells the two amounts apart ("The Aero 5 starts at $699 ... The Aero 5 Pro
    starts at $999" against another page's $699 for the standard model; "eight seats" for one
    party and "six seats" for another), or gives the count before and after a change. Either
    way that page does not disagree with the other side's figure."""
    found = _figures(c, a, b)
    if found is None:
        return False
    (sa, qa), (sb, qb) = found
    ma, mb = measure(sa, qa), measure(sb, qb)
    if ma is None or mb is None:
        return False
    ka, kb = measure_key_of(sa, qa, ma), measure_key_of(sb, qb, mb)
    return measures.gives_own(sb.ref.article, kb, ma.value) or measures.gives_own(sa.ref.article, ka, mb.value)


def _unnamed_amount(c: Conflict, a: StoryClaim, b: StoryClaim, measures: MeasureIndex) -> bool:
    """One side's article gives several amounts of the measure ("23 points", "17 points",
    "2,129 points"), and the two figures' own words do not say they are the same amount (the
    same content word above both, or the same casualty named by their verbs). Magnitudes are
    named by their shock: "a magnitude 6.8 earthquake" and "the magnitude 7.1 quake" are the
    quake's on pages that also give an aftershock's or an earlier quake's, unless a page gives
    two readings of the story's quake."""
    found = _figures(c, a, b)
    if found is None:
        return False
    (sa, qa), (sb, qb) = found
    if not (measures.several(sa, qa) or measures.several(sb, qb)):
        return False
    readings = _quake_readings(sa, qa, sb, qb, measures)
    if readings is not None:
        return readings
    return not _named_alike(sa, qa, sb, qb)


def _quake_readings(
    sa: StoryClaim, qa: Quantity, sb: StoryClaim, qb: Quantity, measures: MeasureIndex
) -> bool | None:
    """For two magnitudes both named as the story's quake's (``shock``; not an aftershock's: a
    quake has many): whether either page gives two readings of that quake, so the figure alone
    does not say which it is. None when the figures are not both the quake's magnitudes."""
    ma, mb = measure(sa, qa), measure(sb, qb)
    if ma is None or mb is None or not ma.kind == mb.kind == "magnitude":
        return None
    if not shock(sa, qa) == shock(sb, qb) == "quake":
        return None
    return measures.several_of_shock(sa, qa) or measures.several_of_shock(sb, qb)


def _named_alike(sa: StoryClaim, qa: Quantity, sb: StoryClaim, qb: Quantity) -> bool:
    """The figures' own words say they measure one thing: the same content word above both
    ("falling 150 metres" / "fell 200m"), or verbs that name the same casualty ("killing 10" /
    "three were killed")."""
    if qa.governor and qa.governor == qb.governor and qa.governor not in _LIGHT_VERBS:
        return True
    ka, kb = governed_kind(sa, qa), governed_kind(sb, qb)
    return ka is not None and ka == kb


def _figures(
    c: Conflict, a: StoryClaim, b: StoryClaim
) -> tuple[tuple[StoryClaim, Quantity], tuple[StoryClaim, Quantity]] | None:
    """The quantity behind each value of a number conflict, claim ``a``'s first; None when a
    value is no quantity of its claim."""
    out = []
    for sc, v in zip((a, b), _sides(c, a), strict=True):
        q = next((q for q in sc.claim.frame.quantities if q.start == v.start), None)
        if q is None:
            return None
        out.append((sc, q))
    return out[0], out[1]


def _sides(c: Conflict, a: StoryClaim) -> tuple[ConflictValue, ConflictValue]:
    """The conflict's two values, claim ``a``'s first."""
    va, vb = c.values[0], c.values[1]
    return (va, vb) if va.article == a.ref.article else (vb, va)


# Units of time: a number of years is an age or a span, tied to one person or period.
_TIME_UNITS = {"year", "month", "week", "day", "hour", "minute", "second", "decade", "century"}


def loose_number_ok(a: StoryClaim, b: StoryClaim, c: Conflict, measures: MeasureIndex | None = None) -> bool:
    """For claims aligned only by their measure: the conflict stands when the figures are no
    spans of time and both claims tell the same act ("intercepted three boats" is not "five
    boats approached") or count the same kind of casualty. What names one measure elsewhere is
    not enough here: the same word above both amounts (in a game report "threw for 364 yards"
    and "threw a 41-yard pass" hang from one verb), a magnitude (an aftershock's, another
    agency's reading), a distance from one place (the building's "15 miles north of Detroit",
    the car's "50 miles north of Detroit"). A magnitude named by the story's quake on both sides
    ("a magnitude 6.8 earthquake" / "the 7.1-magnitude quake") stands, with the story's
    ``measures``, when neither page gives two readings of that quake (``shock``)."""
    found = _figures(c, a, b)
    if found is None or any((q.unit or "") in _TIME_UNITS for _, q in found):
        return False
    (sa, qa), (sb, qb) = found
    kind = count_kind(sa, qa)
    if kind is not None and kind == count_kind(sb, qb):
        return True  # the kind of casualty says what is counted ("50 hurt" / "80 wounded")
    ma, mb = measure(sa, qa), measure(sb, qb)
    if ma is not None and mb is not None and ma.kind == mb.kind == "population":
        return True  # how many live in a place (the conflict rule asked which place)
    readings = None if measures is None else _quake_readings(sa, qa, sb, qb, measures)
    if readings is not None:
        return not readings
    ga, gb = (q.governor if q.governor not in _LIGHT_VERBS else None for q in (qa, qb))
    if ga and gb and ga != gb:
        # What each amount hangs from says they measure two things: "finished with 269 yards" /
        # "rushed for 716 yards".
        return False
    fa, fb = sa.claim.frame.action, sb.claim.frame.action
    return bool(fa) and fa == fb


def loose_identity(
    a: StoryClaim, b: StoryClaim, c: Conflict, names: dict[str, StoryEntity], measures: MeasureIndex
) -> bool:
    """For claims aligned only by their measure: whether the figures' own words say they measure
    one thing, beyond sharing a unit: both a quake's magnitude, or the same content word above
    both or verbs that name the same casualty (``_named_alike``: "shot seven times" / "shot 11
    times", "falling 150 metres" / "fell 200m", "killing 10" / "three were killed") -- unless an
    article gives several amounts under that word (one climber's fall and another's) and the
    figures do not belong to one named person. Without it a loose conflict is only listed with
    --all ("three victims" / "100 people were in the building")."""
    found = _figures(c, a, b)
    if found is None:
        return False
    (sa, qa), (sb, qb) = found
    ma, mb = measure(sa, qa), measure(sb, qb)
    if ma is not None and mb is not None and ma.kind == mb.kind and ma.kind in ("magnitude", "population"):
        return True
    if not _named_alike(sa, qa, sb, qb):
        return False
    if measures.several_governed(sa, qa) or measures.several_governed(sb, qb):
        return _same_owner(sa, (qa.start, qa.end), sb, (qb.start, qb.end), names)
    return True


def same_amount(
    sc: StoryClaim,
    q: Quantity,
    m: Measure,
    other: StoryClaim,
    oq: Quantity,
    om: Measure,
    names: dict[str, StoryEntity],
    measures: MeasureIndex,
    scopes: Scopes,
) -> bool:
    """Whether another article's figure (``oq``, its measure ``om`` of the same measure key as
    ``m``) gives the same amount of the same thing as a conflict side's figure, so that its
    article is one more source of that side: the same value (within a conversion's drift) with
    the same bound, or a hedged amount that admits it ("about 200,000" for "200,000"; the caller
    asks that it does not admit the other side's too); both about the story's own event; neither
    a part, a restatement in brackets or a tally over another span; the figures' own words name
    them alike (``_named_alike``; a magnitude is one; a population is its place's), not as two
    people's, nor as one of several amounts its article gives under that word unless both belong
    to one named person; and not a total over several places against one place's. The cheap
    tests come first: this runs for every figure of the measure."""
    k, ok = bound(sc, q), bound(other, oq)
    same = math.isclose(m.value, om.value, rel_tol=CONVERSION) and k == ok
    if not same and not (ok is not None and k is None and agree_within_bound(ok, om.value, k, m.value)):
        return False  # "about 200,000 residents" may stand with "200,000"; "at least 5.9" with neither
    if not other.checkable or other.claim.kind == "background" or scopes.outside(other):
        return False
    if not scopes.same(sc, other) or _denied_amount(other) or restated(other, oq):
        return False
    if partial(sc, q) or partial(other, oq) or coordinated(sc, q) != coordinated(other, oq):
        return False
    if spans(sc).get(q.start) != spans(other).get(oq.start):
        return False
    if m.kind == "population":
        if other_places_counted(sc, q, other, oq, names):
            return False
    elif m.kind != "magnitude" and not _named_alike(sc, q, other, oq):
        return False
    at, oat = (q.start, q.end), (oq.start, oq.end)
    if _other_owner(sc, at, other, oat, names, said=True):
        return False  # Rait's fall is not Buckley's
    if measures.several_governed(other, oq) and not _same_owner(sc, at, other, oat, names):
        return False
    return not other_scope(sc, q, m, other, oq, om, names)  # one embassy's toll is no source of both's


def _doubt(c: Conflict, a: StoryClaim, b: StoryClaim, names: dict[str, StoryEntity]) -> float:
    """How much to trust that both sides tell the same event, from what surrounds them: a
    background aside on both sides (a past quake's toll), different people named on each side
    (the number or date may be another person's), a sentence that dates two events ("shook on
    Monday as the toll from the quake a day before rose")."""
    factor = 1.0
    if a.claim.kind == b.claim.kind == "background":
        factor *= 0.5
    aa = {x for x in a.actors if x in names and names[x].type == "PERSON"}
    ab = {x for x in b.actors if x in names and names[x].type == "PERSON"}
    if c.type in ("number", "update") and (aa or ab):
        va, vb = _sides(c, a)
        oa, ob = owner(a, va.start, va.end, names, said=True), owner(b, vb.start, vb.end, names, said=True)
        if bool(oa) != bool(ob) and not _shared_figure(a, b, (va.start, vb.start)):
            factor *= 0.5  # whose count is it? one side says, the other does not
    if c.type == "date" and bool(aa) != bool(ab) and a.claim.frame.action != b.claim.frame.action:
        factor *= 0.5  # what a named person did that day against what someone unnamed did
    if any(_relates_events(sc) for sc in (a, b)):
        factor *= 0.5  # "Thursday's shooting came just weeks after a driver shot eight people"
    return factor


def _shared_figure(a: StoryClaim, b: StoryClaim, skip: tuple[int, int]) -> bool:
    """Both claims give another figure of the same measure with the same value ("a 36-year-old
    climber" / "36-year-old Duncan Rait"): they tell of the same person or thing, named on one
    side only. ``skip``: the starts of the figures in conflict."""
    for qa in a.claim.frame.quantities:
        if qa.start in skip:
            continue
        ma = measure(a, qa)
        if ma is None:
            continue
        for qb in b.claim.frame.quantities:
            if qb.start in skip:
                continue
            mb = measure(b, qb)
            if mb is not None and mb.kind == ma.kind and math.isclose(ma.value, mb.value):
                return True
    return False


def _relates_events(sc: StoryClaim) -> bool:
    """A sentence that places one event relative to another ("... on Monday, a day after the
    quake"): its dates belong to two events."""
    if _SPAN_APART.search(sc.claim.text):
        return True  # "Thursday's shooting came just weeks after a driver shot eight people"
    if len(sc.claim.frame.times) < 2:
        return False
    return any(
        t.value.startswith("P")
        and bool(
            _RELATIVE.search(t.text)
            or _RELATIVE.match(sc.ann.article.text, t.end, min(t.end + 12, sc.claim.end))
        )
        for t in sc.ann.times
        if sc.claim.start <= t.start < sc.claim.end
    )


# Two events set weeks or more apart: "just weeks after", "two months before", "years since". (A
# day or hours apart is often the story's own sequence: "a day after Rait fell 200ft".)
_SPAN_APART = re.compile(
    r"\b(?:weeks?|months?|years?|decades?)\s+(?:after|before|since|earlier|later)\b", re.I
)
_RELATIVE = re.compile(r"\s*\b(?:before|after|earlier|later|previously|prior)\b", re.I)


# A pair confirmed below this score (cosine plus agreeing evidence) is loosely aligned: its
# conflicts are shown with less confidence.
WEAK_PAIR = 0.65
# A pair confirmed at or above this score tells one fact beyond doubt (the same happening under
# two verbs: "the blast occurred" / "the explosion ripped through").
ONE_FACT = 0.8
