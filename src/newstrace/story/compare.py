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

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

import numpy as np

from newstrace._unionfind import UnionFind
from newstrace.errors import require_unique_ids
from newstrace.lexicon import gazetteer, name_key, strip_titles
from newstrace.records import (
    AnnotatedArticle,
    Claim,
    ClaimRef,
    Conflict,
    ConflictValue,
    CopyLink,
    Group,
    Quantity,
    StoryEntity,
    TimelineEntry,
    Verdict,
)
from newstrace.story.lineage import find_copies
from newstrace.story.resolve import resolve_entities

Embed = Callable[[list[str]], "np.ndarray[Any, Any]"]
Severity = Literal["low", "medium", "high"]

CANDIDATE_MIN = 0.45  # cosine below which two claims are never compared
CONFIRM_STRONG = 0.72  # cosine that aligns on its own
CONFIRM_WITH_EVIDENCE = 0.55  # cosine + evidence needed when the wording alone is not enough
TOP_K = 8
_REPORTING = {"announce", "say", "declare", "state", "report", "confirm", "claim", "tell", "deny", "reveal"}
# Acts whose author is itself a checkable fact: "X announced / ordered / approved Y".
_AUTHORED = _REPORTING | {"order", "approve", "decide", "sign", "launch", "propose", "appoint"}
_CUMULATIVE_UNITS = {"dead", "death", "people", "person", "toll", "victim", "casualty", "body", "injured"}
# Units that count the same thing in casualty reports ("death toll of 17", "21 people killed").
_UNIT_CLASS = {u: "casualties" for u in ("dead", "death", "toll", "victim", "casualty", "body", "fatality")}
_STORY_ID = re.compile(r"^E\d+$")
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
    # Every story entity mentioned inside the claim (demonyms count for their country).
    mentioned: set[str] = field(default_factory=set)
    cues: set[str] = field(default_factory=set)  # reporting verbs of statements it carries ("announce")

    @property
    def entities(self) -> set[str]:
        speaker = {self.speaker} if self.speaker and _STORY_ID.match(self.speaker) else set()
        return self.mentioned | self.actors | self.places | self.objects | speaker

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
    uf: UnionFind[str] = UnionFind(ids)
    union = uf.union
    for link in links:
        union(link.a, link.b)
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
    return {i: uf.find(i) for i in ids}


def _outlet(a: AnnotatedArticle) -> str | None:
    name = a.article.source or a.article.credit
    return name.casefold().removeprefix("the ") if name else None


# ---------------------------------------------------------------------------- alignment


def _story_claims(
    anns: Sequence[AnnotatedArticle], story_ids: dict[str, str], entities: Sequence[StoryEntity] = ()
) -> list[StoryClaim]:
    spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for e in entities:
        for m in (*e.mentions, *e.related):
            spans[m.article].append((m.start, m.end, e.id))
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
            sc.mentioned = {eid for a, b, eid in spans[aid] if c.start <= a and b <= c.end}
            sc.cues = _cue_lemmas(ann, c)
            out.append(sc)
    return out


def _cue_lemmas(ann: AnnotatedArticle, c: Claim) -> set[str]:
    """Reporting verbs of the statements inside the claim, roughly lemmatized ("announced")."""
    out: set[str] = set()
    if c.frame.action in _REPORTING:
        out.add(c.frame.action)
    for q in ann.quotes:
        if q.cue is not None and c.start <= q.cue.start < c.end:
            word = ann.article.text[q.cue.start : q.cue.end].split()[-1].casefold()
            for suffix, repl in (("ied", "y"), ("ed", ""), ("d", ""), ("s", "")):
                if word.endswith(suffix) and (stem := word[: -len(suffix)] + repl) in _REPORTING:
                    out.add(stem)
                    break
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


_DATE_PART = re.compile(r"^((?:\d{4}|XXXX)(?:-\d{2}(?:-\d{2})?)?)(?:T.*)?$")
# A weekday the tagger could not anchor (an undated article's "on Monday"): XXXX-WXX-1..7.
_WEEKDAY = re.compile(r"^XXXX-WXX-([1-7])(?:T.*)?$")
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _event_dates(sc: StoryClaim) -> dict[str, set[str]]:
    """Dates of events (not of reporting: "said on Tuesday"): dated word -> date values, times
    of day cut to their date ("2025-06-08TNI" -> "2025-06-08")."""
    f = sc.claim.frame
    heads = f.time_heads if len(f.time_heads) == len(f.times) else ("",) * len(f.times)
    out: dict[str, set[str]] = defaultdict(set)
    for v, h in zip(f.times, heads, strict=True):
        if not h or h in _REPORTING or h[:1].isdigit():
            continue
        m = _DATE_PART.match(v)
        if m:
            out[h].add(m.group(1))
        elif w := _WEEKDAY.match(v):
            out[h].add(f"XXXX-WXX-{w.group(1)}")
    return out


def _dates_disagree(x: str, y: str) -> bool:
    """Two event dates that cannot both be right: an unanchored weekday against another weekday
    or a full date on another day of the week; otherwise two values of the same precision. A
    coarser date ("2025-05") says nothing against a finer one."""
    if _WEEKDAY.match(x) or _WEEKDAY.match(y):
        return not _same_date(x, y)
    return len(x) == len(y) and not _same_date(x, y)


def _evidence(a: StoryClaim, b: StoryClaim) -> float:
    """Agreement beyond wording: shared entities, a shared date, the same action."""
    score = 0.0
    shared = a.entities & b.entities
    score += min(0.15, 0.05 * len(shared))
    if any(_same_date(x, y) for x in _dates(a) for y in _dates(b)):
        score += 0.1
    if a.claim.frame.action and a.claim.frame.action == b.claim.frame.action:
        score += 0.05
    return score


def confirmed_pairs(claims: Sequence[StoryClaim], embed: Embed) -> dict[tuple[int, int], float]:
    """Pairs of claims from different articles that state the same fact, with their score.

    Candidates are each claim's nearest neighbours by sentence embedding; weak paraphrase must be
    backed by agreeing entities, dates or action. Claims that share a day-precise date, a
    reporting verb and a subject entity are paired too: outlets often word one announcement so
    differently that embeddings miss it ("Putin announced ..." / "... was announced by Gerasimov").
    """
    pairs: dict[tuple[int, int], float] = {}
    if not claims:
        return pairs
    vecs = embed([c.claim.text for c in claims])
    for i, row in enumerate(_neighbours(vecs, TOP_K)):
        for j, cos in row:
            a, b = claims[i], claims[j]
            if a.ref.article == b.ref.article or cos < CANDIDATE_MIN:
                continue
            ev = _evidence(a, b)
            if cos >= CONFIRM_STRONG or (ev >= 0.1 and cos + ev >= CONFIRM_WITH_EVIDENCE):
                key = (min(i, j), max(i, j))
                pairs[key] = max(pairs.get(key, 0.0), cos + ev)
    # Claims that date the same word ("broke out") or report the same authored act on the same
    # thing ("announced the decision") are compared even when worded far apart.
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        for head in _event_dates(c):
            by_key["t:" + head].append(i)
        f = c.claim.frame
        if f.action in _AUTHORED:
            for o in f.objects:
                if w := _head_word(o):
                    by_key[f"a:{f.action}:{w}"].append(i)
    for members in by_key.values():
        for x, i in enumerate(members):
            for j in members[x + 1 : x + 1 + 50]:  # bounded: a common key must not go quadratic
                a, b = claims[i], claims[j]
                if a.ref.article == b.ref.article:
                    continue
                cos = float(vecs[i] @ vecs[j])
                if cos >= 0.4:
                    key = (min(i, j), max(i, j))
                    pairs[key] = max(pairs.get(key, 0.0), cos + _evidence(a, b))
    by_day: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        if c.cues:
            for d in _dates(c):
                by_day[d[5:]].append(i)  # month-day: X-aware across dated and undated articles
    for members in by_day.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                a, b = claims[i], claims[j]
                if a.ref.article == b.ref.article or not a.cues & b.cues:
                    continue
                if not any(_same_date(p, q) for p in _dates(a) for q in _dates(b)):
                    continue
                cos = float(vecs[i] @ vecs[j])
                if cos >= 0.3:
                    key = (min(i, j), max(i, j))
                    pairs[key] = max(pairs.get(key, 0.0), cos + _evidence(a, b))
    return pairs


def align(claims: Sequence[StoryClaim], pairs: dict[tuple[int, int], float]) -> list[list[int]]:
    """One group per claim and everything confirmed to state the same fact (identical groups
    merged). A claim can sit in several groups: a sentence may carry several facts."""
    adj: dict[int, set[int]] = defaultdict(set)
    for i, j in pairs:
        adj[i].add(j)
        adj[j].add(i)
    groups: list[list[int]] = []
    seen: set[frozenset[int]] = set()
    for i in range(len(claims)):
        members = frozenset({i, *adj[i]})
        if members not in seen:
            seen.add(members)
            groups.append(sorted(members))
    return groups


# ---------------------------------------------------------------------------- conflicts


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
    ea, eb = _event_dates(a), _event_dates(b)
    for head in sorted(ea.keys() & eb.keys()):
        da, db = ea[head], eb[head]
        if len(da) != 1 or len(db) != 1:
            continue  # several dates for one word: which is which is unclear
        x, y = next(iter(da)), next(iter(db))
        if not _dates_disagree(x, y):
            continue
        va, vb = _value(a, _time_text(a, x), x), _value(b, _time_text(b, y), y)
        return Conflict("date", (va, vb), _explain_date(a, va, b, vb), "high")
    return None


def _same_date(x: str, y: str) -> bool:
    """Could be the same day: XXXX-05-21 and 2025-05-21 agree, and so do an unanchored
    "Wednesday" (XXXX-WXX-3) and 2025-05-21, a Wednesday."""
    if _WEEKDAY.match(x) or _WEEKDAY.match(y):
        wx, wy = _weekday_of(x), _weekday_of(y)
        return wx is None or wy is None or wx == wy
    # Parts known on both sides must agree; a coarser value ("2025-04") agrees with a finer one.
    return all(p == q or "X" in p or "X" in q for p, q in zip(x.split("-"), y.split("-"), strict=False))


def _weekday_of(v: str) -> str | None:
    """ISO weekday ("1" = Monday) of an unanchored weekday or of a full date; None when the
    value does not fix one ("2025-05", "XXXX-05-21")."""
    if w := _WEEKDAY.match(v):
        return w.group(1)
    m = _DAY.match(v)
    if m is None or "X" in v:
        return None
    try:
        return str(dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoweekday())
    except ValueError:  # an impossible date the tagger still produced ("2025-02-30")
        return None


def _explain_date(a: StoryClaim, va: ConflictValue, b: StoryClaim, vb: ConflictValue) -> str:
    def side(sc: StoryClaim, v: ConflictValue) -> str:
        pub = sc.ann.article.published
        rel = (
            f" (relative to its date {pub.isoformat()})"
            if pub and v.text and not v.text[:1].isdigit()
            else ""
        )
        w = _WEEKDAY.match(v.value)
        if w:  # nothing to anchor it: the weekday is all there is
            return f"article {sc.ref.article} says {v.text!r} (a {_WEEKDAY_NAMES[int(w.group(1)) - 1]}){rel}"
        shown = v.value if not v.value.startswith("XXXX") else v.value.replace("XXXX-", "--")
        return f"article {sc.ref.article} says {v.text!r} = {shown}{rel}"

    return f"Dates differ for the same event: {side(a, va)}; {side(b, vb)}."


def _number_conflict(a: StoryClaim, b: StoryClaim) -> Conflict | None:
    for qa in a.claim.frame.quantities:
        for qb in b.claim.frame.quantities:
            if not qa.unit or not qb.unit or qa.value == qb.value:
                continue
            if qa.unit != qb.unit and not _casualty_pair(qa.unit, qb.unit, a, b):
                continue
            if abs(qa.value - qb.value) <= 0.01 * max(abs(qa.value), abs(qb.value)):
                continue
            if not _same_quantity(a, qa, b, qb):
                continue
            ka, kb = _bound(a, qa), _bound(b, qb)
            if _agree_within_bound(ka, qa.value, kb, qb.value) or _agree_within_bound(
                kb, qb.value, ka, qa.value
            ):
                continue  # "more than 100 bodies" and "116 bodies" agree
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


_BOUND_BEFORE = re.compile(
    r"\b(?:(?P<min>more than|over|at least|upwards of|in excess of|no fewer than|no less than)"
    r"|(?P<max>fewer than|less than|under|up to|at most)"
    r"|(?P<approx>about|around|roughly|approximately|some|an estimated|estimated|nearly|almost|close to))"
    r"\s+$",
    re.IGNORECASE,
)
APPROX = 0.15  # "about 100" agrees with anything from 85 to 115


def _bound(sc: StoryClaim, q: Quantity) -> str | None:
    """ "min" ("more than 100"), "max" ("up to 50"), "approx" ("about 3,000") or None (exact)."""
    m = _BOUND_BEFORE.search(sc.ann.article.text, max(sc.claim.start, q.start - 25), q.start)
    return None if m is None else m.lastgroup


def _agree_within_bound(ka: str | None, va: float, kb: str | None, vb: float) -> bool:
    """Whether ``va`` with bound ``ka`` admits ``vb``: "more than 100" admits an exact 116, "about
    100" admits 110. Two minimums ("at least nine" / "at least 12") are two tolls: no agreement."""
    if ka == "approx":
        return abs(va - vb) <= APPROX * max(abs(va), abs(vb))
    if ka is None or kb in ("min", "max"):
        return False
    return vb >= va if ka == "min" else vb <= va


# Words that say what a count counts; two counts with different ones are different facts.
_COUNT_KIND = {
    **dict.fromkeys(("killed", "dead", "died", "death", "deaths", "toll", "lives", "fatalities"), "dead"),
    **dict.fromkeys(("injured", "injuring", "wounded", "hurt", "hospitalised", "hospitalized"), "injured"),
    **dict.fromkeys(("missing",), "missing"),
    **dict.fromkeys(("evacuated", "displaced", "rescued", "arrested", "detained"), "other"),
}
_CONTEXT_STOP = set(
    """the a an of to in on at by for from with and or but as that this than about some more
    least most nearly almost around over under up down its their his her has have had was were
    is are be been said says after before since per""".split()
)


def _context(sc: StoryClaim, start: int, end: int) -> tuple[set[str], str | None]:
    """Content-word stems near a quantity, and the count kind of the nearest kind word
    ("killing two people and injuring 47": 47 counts the injured)."""
    text = sc.ann.article.text
    lo = max(sc.claim.start, start - 45)
    hi = min(sc.claim.end, end + 45)
    words = re.findall(r"[a-z]+", (text[lo:start] + " " + text[end:hi]).casefold())
    kind: str | None = None
    best = 10**9
    for m in re.finditer(r"[a-z]+", text[lo:hi].casefold()):
        w = m.group(0)
        if w in _COUNT_KIND:
            pos = lo + m.start()
            dist = 0 if start <= pos < end else min(abs(pos - end), abs(start - pos))
            if dist < best:
                best, kind = dist, _COUNT_KIND[w]
    return {w[:5] for w in words if w not in _CONTEXT_STOP and len(w) > 2}, kind


def _same_quantity(a: StoryClaim, qa: Quantity, b: StoryClaim, qb: Quantity) -> bool:
    """Whether two numbers count the same thing: shared words around them, no different count
    kind ("killed" against "injured"), and the same actors when both claims name any."""
    # A number the other claim repeats is agreed, not contradicted by its other numbers.
    if any(q.value == qa.value and q.unit == qa.unit for q in b.claim.frame.quantities):
        return False
    if any(q.value == qb.value and q.unit == qb.unit for q in a.claim.frame.quantities):
        return False
    wa, ka = _context(a, qa.start, qa.end)
    wb, kb = _context(b, qb.start, qb.end)
    if ka != kb:
        return False
    if not wa & wb:
        return False
    # Numbers about different actors or places are different facts ("its neighbour raised
    # rates by 0.25 points" is no conflict with "the bank raised them by 0.5").
    return not (a.entities and b.entities and not a.entities & b.entities)


def _casualty_pair(ua: str, ub: str, a: StoryClaim, b: StoryClaim) -> bool:
    """ "toll ... 17" and "21 people killed" both count the dead."""

    def counts_dead(unit: str, sc: StoryClaim) -> bool:
        if _UNIT_CLASS.get(unit) == "casualties":
            return True
        text = sc.claim.text.casefold()
        return unit in ("people", "person") and ("killed" in text or "dead" in text or "died" in text)

    return counts_dead(ua, a) and counts_dead(ub, b)


def _num(v: float) -> str:
    return str(int(v)) if v == int(v) else str(v)


def _source_of_statement(sc: StoryClaim, names: dict[str, StoryEntity]) -> str | None:
    """Who made the statement or act the claim reports: the person agent of "announce", "order"
    ("was announced by X", "X ordered") before the relay that reports it ("..., officials said")."""
    people = sorted(a for a in sc.actors if a in names and names[a].type == "PERSON")
    if sc.claim.frame.action in _AUTHORED and len(people) == 1:
        return people[0]
    if sc.speaker:
        return sc.speaker
    if sc.cues and len(people) == 1:
        return people[0]
    return None


def _same_act(a: StoryClaim, b: StoryClaim) -> bool:
    """Both claims report the same authored act on the same thing ("ordered an investigation")."""
    fa, fb = a.claim.frame, b.claim.frame
    if not fa.action or fa.action != fb.action or fa.action not in _AUTHORED:
        return False
    return _same_act_object(fa.objects, fb.objects)


def _head_word(obj: str) -> str:
    words = re.findall(r"[a-z]+", obj.casefold())
    return words[-1] if words else ""


def _may_be_one_person(x: StoryEntity, y: StoryEntity) -> bool:
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
    if _may_be_one_person(names[sa], names[sb]):
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
    if not fa.action or fa.action != fb.action or fa.action in _AUTHORED or fa.negated != fb.negated:
        return None
    if not _same_act_object(fa.objects, fb.objects):
        return None
    pa = [x for x in a.actors if x in names and names[x].type == "PERSON"]
    pb = [x for x in b.actors if x in names and names[x].type == "PERSON"]
    if len(pa) != 1 or len(pb) != 1 or pa[0] == pb[0] or pa[0] in b.entities or pb[0] in a.entities:
        return None  # a person named on both sides may have acted together with the other
    if _may_be_one_person(names[pa[0]], names[pb[0]]):
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
    ea, eb = _event_dates(a), _event_dates(b)
    shared = [h for h in ea.keys() & eb.keys() if any(_same_date(x, y) for x in ea[h] for y in eb[h])]
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
    return bool({_head_word(o) for o in oa} & {_head_word(o) for o in ob} - {""})


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


# ---------------------------------------------------------------------------- verdicts


def compare(anns: Sequence[AnnotatedArticle], embed: Embed) -> StoryReport:
    """The whole cross-source analysis of one story's annotated articles (ids must be unique: E111)."""
    require_unique_ids([(a.article.id, a.article.path) for a in anns], "comparison")
    entities = resolve_entities(anns)
    story_ids = {ref: e.id for e in entities for ref in e.members}
    names = {e.id: e for e in entities}
    links = find_copies(anns)
    source_of = sources(anns, links)
    claims = _story_claims(anns, story_ids, entities)
    pairs = confirmed_pairs(claims, embed)
    index = {id(c): i for i, c in enumerate(claims)}

    def linked(a: StoryClaim, b: StoryClaim) -> bool:
        i, j = index[id(a)], index[id(b)]
        return (min(i, j), max(i, j)) in pairs

    groups: list[Group] = []
    # Conflicts first, one group per distinct conflict with the two claims it opposes.
    seen_conflicts: set[tuple[str, ...]] = set()
    for i, j in sorted(pairs):
        a, b = claims[i], claims[j]
        for c in conflicts([a, b], names, linked):
            ckey = (c.type, *sorted(f"{v.article}:{v.start}:{v.end}" for v in c.values))
            if ckey in seen_conflicts:
                continue
            seen_conflicts.add(ckey)
            groups.append(
                Group(
                    id="",
                    verdict="conflict",
                    claims=(a.ref, b.ref),
                    independent_sources=len({source_of[a.ref.article], source_of[b.ref.article]}),
                    conflicts=(c,),
                    explanation=c.explanation,
                    severity=c.severity,
                )
            )
    # Then every claim with what confirms it; a group inside a larger one of the same verdict
    # adds nothing and is dropped.
    stars: list[tuple[frozenset[int], Verdict, list[StoryClaim]]] = []
    # Conflicting pairs stay in: two reports of one event that disagree on its date still both
    # report the event (the conflict group says where they differ).
    for idx in align(claims, pairs):
        members = [claims[i] for i in idx]
        independent = len({source_of[m.ref.article] for m in members if m.checkable})
        if all(not m.checkable for m in members):
            verdict: Verdict = "opinion"
        elif independent >= 2:
            verdict = "corroborated"
        else:
            verdict = "single_source"
        stars.append((frozenset(idx), verdict, members))
    details: dict[tuple[ClaimRef, str], Group] = {}
    containing: dict[int, list[int]] = defaultdict(list)
    for n, (key, _, _) in enumerate(stars):
        for i in key:
            containing[i].append(n)
    known = _Known(anns, entities, source_of)
    for key, verdict, members in stars:
        # A larger group holding this one must contain its smallest member: look only there.
        if any(key < stars[o][0] and verdict == stars[o][1] for o in containing[min(key)]):
            continue
        independent = len({source_of[m.ref.article] for m in members if m.checkable})
        groups.append(
            Group(
                id="",
                verdict=verdict,
                claims=tuple(m.ref for m in members),
                independent_sources=independent,
                explanation=_explain_group(verdict, members, independent, ()),
                severity=_severity(verdict, ()),
            )
        )
        if verdict != "single_source":
            for g in _single_source_details(members, names, source_of, known):
                details.setdefault((g.claims[0], g.explanation), g)
    groups.extend(details.values())
    groups.sort(key=_group_order)
    groups = [replace(g, id=f"g{n}") for n, g in enumerate(groups, start=1)]
    by_ref = {c.ref: c for c in claims}
    return StoryReport(
        articles=tuple(anns),
        entities=entities,
        groups=tuple(groups),
        lineage=links,
        timeline=timeline(groups, by_ref),
        source_of=source_of,
    )


_DETAIL_TYPES = {"PERSON", "ORG", "FAC", "GPE", "LOC", "EVENT", "LAW", "PRODUCT"}


class _Known:
    """What each independent source mentions or quotes, indexed once per story so the
    single-source checks cost the same per claim however large the story is."""

    def __init__(
        self, anns: Sequence[AnnotatedArticle], entities: Sequence[StoryEntity], source_of: dict[str, str]
    ) -> None:
        self.entity_sources = {e.id: {source_of[m.article] for m in e.mentions} for e in entities}
        self.ngrams: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for a in anns:
            words = _WORDS.findall(a.article.text.casefold())
            src = source_of[a.article.id]
            for n in (1, 2, 3):
                for i in range(len(words) - n + 1):
                    self.ngrams[tuple(words[i : i + n])].add(src)

    def quoted_by_others(self, words: str, src: str) -> bool:
        """Whether another source has these words (every word trigram of them, or the short phrase)."""
        toks = _WORDS.findall(words.casefold())
        if not toks:
            return True
        n = min(3, len(toks))
        grams = [tuple(toks[i : i + n]) for i in range(len(toks) - n + 1)]
        common = set.intersection(*(self.ngrams.get(g, set()) for g in grams))
        return bool(common - {src})


_WORDS = re.compile(r"\w+")


def _single_source_details(
    members: Sequence[StoryClaim],
    names: dict[str, StoryEntity],
    source_of: dict[str, str],
    known: _Known,
) -> list[Group]:
    """Details inside a shared claim that only one source gives: a person, place or body no
    other source mentions anywhere in the story ("Kiriyenko"), or a direct quote nobody else has."""
    out: list[Group] = []
    for m in members:
        src = source_of[m.ref.article]
        art = m.ann.article
        details: list[str] = []
        for eid in sorted(m.mentioned):
            ent = names.get(eid)
            if ent is None or ent.type not in _DETAIL_TYPES or _is_relay(ent, m.ann):
                continue
            if known.entity_sources.get(eid) == {src}:
                details.append(ent.name)
        for q in m.ann.quotes:
            if q.kind == "direct" and m.claim.start <= q.content.start < m.claim.end and q.speaker:
                words = art.text[q.content.start : q.content.end].strip(" .,'\u2018\u2019\"")
                if words and not known.quoted_by_others(words, src):
                    details.append(f"{q.speaker}'s words '{words}'")
        if details:
            out.append(
                Group(
                    id="",
                    verdict="single_source",
                    claims=(m.ref,),
                    independent_sources=1,
                    explanation=f"Only {m.ref.article} gives this detail: {'; '.join(details)}.",
                    severity="medium",
                )
            )
    return out


def _is_relay(ent: StoryEntity, ann: AnnotatedArticle) -> bool:
    """Outlets and wire services that relay a statement are sourcing, not story facts."""
    names = {ent.name.casefold(), *(a.casefold() for a in ent.aliases)}
    relays = {v.casefold() for q in ann.quotes for v in q.via}
    credit = {(ann.article.credit or "").casefold(), (ann.article.source or "").casefold()}
    return bool(names & (relays | credit)) or any(
        w in ent.name.casefold() for w in ("news agency", "agency", "wire", "media")
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
    facts = sorted({m.ref.article for m in members if m.checkable})
    others = [a for a in arts if a not in facts]
    if len(facts) > 1:
        return f"Only one independent source: {', '.join(facts)} are copies of or depend on one another."
    if others:
        return f"Only {facts[0]} reports this as fact; {', '.join(others)} touches on it only in analysis."
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
                    if not entries[v] or entries[v][-1] is not g:
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
