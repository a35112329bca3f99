"""What a number measures and how exactly: its bound ("more than 100", "about 3,000"), the
words around it and the kind of count it is (dead, injured, missing); its unit and dimension
(pint: "2,000 ft" and "600 m" are both lengths, "1,500 square kilometres" an area); the
precision it is written with ("$4 billion" admits $4.1 billion, "6.1" does not admit 5.9); and
whether it is only a part of a count ("two other victims", "three of the skiffs")."""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from newstrace.records import Quantity
from newstrace.story.claims import StoryClaim
from newstrace.story.scope import ClockTime, clock_times, event_dates

__all__ = [
    "APPROX",
    "CONVERSION",
    "HEDGE",
    "MeasureIndex",
    "Measure",
    "measure",
    "measure_key",
    "measure_key_of",
    "mentions_value",
    "coordinated",
    "partial",
    "restated",
    "tolled",
    "within_precision",
    "CUMULATIVE_UNITS",
    "agree_within_bound",
    "bound",
    "aggregate",
    "casualty_pair",
    "count_kind",
    "governed_kind",
    "num",
    "same_quantity",
    "shock",
    "spans",
]

CUMULATIVE_UNITS = {"dead", "death", "people", "person", "toll", "victim", "casualty", "body", "injured"}


_BOUND_BEFORE = re.compile(
    r"\b(?:(?P<min>more than|over|at least|upwards of|in excess of|no fewer than|no less than)"
    r"|(?P<max>fewer than|less than|under|up to|at most|within)"
    r"|(?P<approx>about|around|roughly|approximately|some|an estimated|estimated|nearly|almost|close to))"
    r"\s+[$€£¥]?$",  # "roughly $22 million": the sign between the bound and its figure
    re.IGNORECASE,
)
APPROX = 0.15  # "about 100" agrees with anything from 85 to 115


def bound(sc: StoryClaim, q: Quantity) -> str | None:
    """ "min" ("more than 100"), "max" ("up to 50"), "approx" ("about 3,000") or None (exact)."""
    m = _BOUND_BEFORE.search(sc.ann.article.text, max(sc.claim.start, q.start - 25), q.start)
    return None if m is None else m.lastgroup


def agree_within_bound(ka: str | None, va: float, kb: str | None, vb: float) -> bool:
    """Whether ``va`` with bound ``ka`` admits ``vb``: "more than 100" admits an exact 116, "about
    100" admits 110. Two minimums ("at least nine" / "at least 12") are two tolls: no agreement."""
    if ka == "approx":
        return abs(va - vb) <= APPROX * max(abs(va), abs(vb))
    if ka is None or kb in ("min", "max"):
        return False
    return vb >= va if ka == "min" else vb <= va


# Words that say what a count counts; two counts with different ones are different facts.
_COUNT_KIND = {
    **dict.fromkeys(
        (
            "killed",
            "killing",
            "kills",
            "kill",
            "dead",
            "died",
            "death",
            "deaths",
            "toll",
            "lives",
            "fatalities",
        ),
        "dead",
    ),
    **dict.fromkeys(
        (
            "injured",
            "injuring",
            "injures",
            "wounded",
            "wounding",
            "wounds",
            "hurt",
            "hospitalised",
            "hospitalized",
        ),
        "injured",
    ),
    **dict.fromkeys(("missing",), "missing"),
    **dict.fromkeys(("shot", "shooting", "shootings"), "shot"),
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
    # A kind verb right before the number governs it ("killing at least three people and
    # injuring others": three were killed).
    lead = _KIND_LEAD.search(text, lo, start)
    if lead is not None and lead.group(1).casefold() in _COUNT_KIND:
        kind, best = _COUNT_KIND[lead.group(1).casefold()], -1
    for m in re.finditer(r"[a-z]+", text[lo:hi].casefold()):
        w = m.group(0)
        if w in _COUNT_KIND:
            pos = lo + m.start()
            dist = 0 if start <= pos < end else min(abs(pos - end), abs(start - pos))
            if dist < best:
                best, kind = dist, _COUNT_KIND[w]
    return {w[:5] for w in words if w not in _CONTEXT_STOP and len(w) > 2}, kind


_KIND_LEAD = re.compile(
    r"\b([a-z]+)\s+(?:(?:at least|about|around|some|nearly|almost|more than|"
    r"over|up to|an estimated)\s+)?$",
    re.I,
)


def governed_kind(sc: StoryClaim, q: Quantity) -> str | None:
    """The count kind the word a count hangs from names ("killing 10 people" -> dead, "80 were
    wounded" -> injured, "the death toll rose to 10" -> dead), or None when that word is no
    kind word."""
    if tolled(sc, q):
        return "dead"
    if q.unit and q.unit.casefold() in _COUNT_KIND:  # "50 hurt", "80 wounded"
        return _COUNT_KIND[q.unit.casefold()]
    g = q.governor
    if not g:
        return None
    for form in (g, g + "ed", g + "d", g + "ing"):
        if form in _COUNT_KIND:
            return _COUNT_KIND[form]
    return "shot" if g == "shoot" else None


# "the death toll rose to 10", "the toll from the collapse of the dam in the west has risen to
# 17", "the number of people killed when the dam failed ... has reached 21": a figure the verb
# brings the toll to is a count of the dead, however far the verb stands from its subject (no
# sentence break between them, nor another figure: see ``tolled``).
_TOLL_BEFORE = re.compile(
    r"\b(?:toll|number\s+of\s+(?:(?:people|persons|those|victims)\s+)?(?:killed|dead|who\s+died|deaths)|"
    r"number\s+of\s+(?:the\s+)?dead)\b(?:[^.;:!?]|(?<=\d)\.(?=\d)){0,140}?\b(?:rose|rises|risen|climbed|climbs|reached|reaches|"
    r"stands?|stood|jumped|is|was|hit|hits|increased|to|at)\s+(?:to\s+|at\s+)?(?:at least\s+|about\s+)?$",
    re.I,
)


def tolled(sc: StoryClaim, q: Quantity) -> bool:
    """Whether a toll's verb brings this figure ("the death toll ... has risen to 17"), with no
    other count between them (a date may stand there: "... failed on March 10 has reached 21";
    so may the quake's magnitude: "the toll from Monday's magnitude 6.4 earthquake rose to 45")."""
    m = _TOLL_BEFORE.search(sc.ann.article.text, max(sc.claim.start, q.start - 200), q.start)
    return m is not None and not any(
        m.start() < o.start < q.start and not _magnitude(sc, o) for o in sc.claim.frame.quantities
    )


def _magnitude(sc: StoryClaim, q: Quantity) -> bool:
    """The figure reads a quake's magnitude ("magnitude 6.4", "a 6.1-magnitude quake", "5.9 on
    the Richter scale"), by the words within the claim on either side of it."""
    if q.unit and q.unit != "magnitude" and _pint(1.0, q.unit, False) is not None:
        return False  # "measuring 65 by 50 centimetres": a size in its unit
    text = sc.ann.article.text
    before = text[max(sc.claim.start, q.start - 25) : q.start]
    after = text[q.end : min(sc.claim.end, q.end + 25)]
    return bool(_MAGNITUDE_BEFORE.search(before) or _MAGNITUDE_AFTER.match(after) or q.unit == "magnitude")


# The words that name a shock; aftershocks and foreshocks are shocks of their own.
_SHOCK = re.compile(r"\b(?:(after|fore)shocks?|(tremor)s?|earthquakes?|quakes?|temblors?)\b", re.I)


def shock(sc: StoryClaim, q: Quantity) -> str | None:
    """What a magnitude is the magnitude of: "quake" (the shock the story is about, however it is
    named: "a magnitude 6.8 earthquake", "the 6.8-magnitude quake"), "aftershock" or "foreshock"
    ("aftershocks of up to magnitude 4.9"), "tremor" (either); None when no such word is by the
    figure."""
    text = sc.ann.article.text
    found = _SHOCK.search(q.text)
    if found is None:
        found = _SHOCK.search(text, q.end, min(sc.claim.end, q.end + 25))
        if found is not None and text[q.end : found.start()].strip(" -").casefold() not in ("", "magnitude"):
            found = None  # "6.8 and a second magnitude 5 quake": another figure's noun
    if found is None:
        before = list(_SHOCK.finditer(text, max(sc.claim.start, q.start - 40), q.start))
        found = before[-1] if before else None
    if found is None:
        return None
    if found.group(2):
        return "tremor"  # the quake or an aftershock: writers use it for both
    return f"{found.group(1).casefold()}shock" if found.group(1) else "quake"


def count_kind(sc: StoryClaim, q: Quantity) -> str | None:
    """What a count counts: the dead for the figure a toll's verb reaches ("the death toll ...
    has risen to 23, with 112 people injured": the nearest kind word is another figure's), else
    by its nearest kind word (dead, injured, missing, other); None when nothing says."""
    if (q.unit is None or q.unit in _PERSON_UNITS) and tolled(sc, q):
        return "dead"
    return _context(sc, q.start, q.end)[1]


# A running or summed figure ("a total of 31 magazines in the five operations", "so far this
# year"): not the same quantity as one operation's count.
_AGGREGATE = re.compile(
    r"\b(?:in all|altogether|so far|to date|cumulative|since|over the past|in the last|operations|incidents|"
    r"attacks)\b",
    re.I,
)


# A count of a union: "420 passengers and crew", "30 students and their teachers" (not "10 people
# and injured 20", where a verb follows, nor "24 points and seven rebounds" or "246 passengers
# and most of its crew", where the other noun has a count of its own).
_UNION_AFTER = re.compile(
    r"\s+(?:and|&|plus)\s+(?:(?:their|his|her|its|the|other)\s+)?(?!\d)(?![a-z]+(?:ed|ing)\b)"
    r"(?!(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|some|several|"
    r"many|more|about|at|over|nearly|almost|around|the|a|an|their|his|her|its|was|were|is|are|has|have|had|"
    r"will|would|could|can|may|said|says|then|also|later|still|now|left|took|made|another|most|all|half|"
    r"none|part|each|every|both)\b)[a-z][a-z-]+\b"
    r"(?!\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten)\b)"
)


def union(sc: StoryClaim, q: Quantity) -> bool:
    """Whether the number counts its noun together with another ("420 passengers and crew"):
    not the count of the noun alone ("246 passengers")."""
    return bool(q.unit) and bool(_UNION_AFTER.match(sc.ann.article.text, q.end, sc.claim.end))


def aggregate(sc: StoryClaim, q: Quantity) -> bool:
    """Whether the number is given as a sum over several events or a period: a marker anywhere
    in its clause ("In their five operations so far, ... 14 rifles, 31 magazines and 923 rounds")."""
    return bool(_AGGREGATE.search(sc.ann.article.text, sc.claim.start, sc.claim.end))


# Units that measure a stretch of time or play: "43 RBIs in 54 games", "716 yards in 12 games",
# "a 5% rise over three years".
_SPAN_UNITS = {
    "game", "match", "season", "year", "month", "week", "day", "start", "appearance", "inning", "race",
    "outing", "quarter", "half", "tournament", "term",
}  # fmt: skip
# What stands between a figure and its span: the span's preposition alone ("43 RBIs in 54 games",
# "in a combined 157 games").
_SPAN_GAP = re.compile(
    r"\s*(?:in|over|during|across|through)\s+(?:a\s+combined\s+|a\s+total\s+of\s+|(?:his|her|their|its|the|"
    r"just|only|first|last)\s+)*",
    re.I,
)
# Between figures of one list: "13 homers and 43 RBIs", "25 points, 16 rebounds".
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)\s*", re.I)


def spans(sc: StoryClaim) -> dict[int, tuple[float, str]]:
    """Figures of the claim stated over a span, by start -> (the span's value, its unit): the
    figures of the list right before "in N games" ("13 homers and 43 RBIs in 54 games"), and the
    span figure itself (it qualifies the others). Two figures are one amount only over the same
    span, or neither over one: "43 RBIs in 54 games" is not the season's "121 RBIs", nor is "54
    games" (the span of a tally) a rival to the "157 games" he played in all."""
    text = sc.ann.article.text
    out: dict[int, tuple[float, str]] = {}
    qs = sorted(sc.claim.frame.quantities, key=lambda q: q.start)
    for i in range(1, len(qs)):
        span = qs[i]
        unit = _singular((span.unit or "").casefold())
        if unit not in _SPAN_UNITS or not _SPAN_GAP.fullmatch(text, qs[i - 1].end, span.start):
            continue
        key = (span.value, unit)
        out[span.start] = key
        j = i - 1
        out[qs[j].start] = key
        while j > 0 and _LIST_GAP.fullmatch(text, qs[j - 1].end, qs[j].start):
            j -= 1
            out[qs[j].start] = key
    return out


def same_quantity(a: StoryClaim, qa: Quantity, ma: Measure, b: StoryClaim, qb: Quantity, mb: Measure) -> bool:
    """Whether two numbers count the same thing: both a single count or both a sum; for a
    count of people, the same count kind ("killed" against "injured"); otherwise words around
    them in common, except where the measure names the thing itself (a quake's magnitude, a
    count of casualties of one kind)."""
    # A number the other claim repeats is agreed, not contradicted by its other numbers.
    if any(q.value == qa.value and q.unit == qa.unit for q in b.claim.frame.quantities):
        return False
    if any(q.value == qb.value and q.unit == qb.unit for q in a.claim.frame.quantities):
        return False
    if aggregate(a, qa) != aggregate(b, qb):
        return False
    if union(a, qa) != union(b, qb):
        return False  # "420 passengers and crew" are not "246 passengers"
    if _other_roles(a, qa, b, qb):
        return False  # "four seasons as director of personnel" are not "19 seasons with the 76ers"
    wa, ka = _context(a, qa.start, qa.end)
    wb, kb = _context(b, qb.start, qb.end)
    if ma.kind == mb.kind:
        if ma.kind == "casualties":
            # "10 killed" / "three people killed": the kind says what is counted (a toll's verb
            # says it of a figure far from the word "death": "the death toll ... rose to 45")
            return count_kind(a, qa) == count_kind(b, qb)
        if ma.kind in ("magnitude", "population"):
            return True  # the measure names the thing (whose population is the rules' question)
        person = ma.kind in _PERSON_UNITS or _singular(ma.kind) in _PERSON_UNITS
        if not ma.physical and person and ka != kb:
            return False  # people evacuated against people injured
    if ma.kind == mb.kind == "percent":
        # A percentage says little of what it measures by itself: the same whole ("52 per cent
        # of the vote" / "48 per cent of the votes cast"; not "82 percent of India's voice
        # traffic capability" / "65% of traffic to India"), or else the same word above both
        # ("won 52 per cent" / "won 48%"; not "turnout was 62 per cent" / "the party won 41%").
        wa_, wb_ = _share_of(a, qa), _share_of(b, qb)
        if wa_ or wb_:
            return wa_ == wb_
        return bool(qa.governor) and qa.governor == qb.governor
    if ma.kind == mb.kind and ma.kind in ("speed", "data") and qa.governor != qb.governor:
        return False  # a storm's movement ("moving at 15 km/h") is not its winds ("winds of 120 mph")
    if ma.kind == mb.kind == "length":
        ra, rb = _reference(a, qa), _reference(b, qb)
        if ra and rb and ra != rb:
            return False  # "940 miles south of Tehran" / "35 miles southwest of Bandar Abbas"
    # The same word above both amounts ("falling about 150 metres" / "fell 200m") says they
    # measure one thing, however the words around them differ.
    if qa.governor and qa.governor == qb.governor:
        return True
    # Participants (who did what) are weighed by the conflict rules, which know names.
    return bool(wa & wb)


# The whole a share is of: "82 percent of India's voice traffic capability to Europe" -> the last
# word before a preposition, a verb or a comma.
_SHARE_OF = re.compile(
    r"\s*of\s+(?:the\s+|its\s+|their\s+)?((?:(?!(?:to|in|on|at|for|from|by|with|was|were|is|are|has|had|have|"
    r"and)\b)[\w'\u2019-]+\s*){1,5})",
    re.I,
)


def _share_of(sc: StoryClaim, q: Quantity) -> str | None:
    """The head word of the whole a percentage is a share of, or None when none is named."""
    m = _SHARE_OF.match(sc.ann.article.text, q.end, sc.claim.end)
    if m is None:
        return None
    # The last word, past a participle after the noun ("of the votes cast", "of the staff
    # affected").
    words = [w for w in m.group(1).split() if not _PARTICIPLE.fullmatch(w.casefold())]
    return _singular(words[-1].casefold()) if words else None


_PARTICIPLE = re.compile(r"\w+ed|cast|held|won|lost|taken|given|spent|made|sold|hit")


# A span of time someone spent in one role ("spent four seasons as the team's director of
# personnel") is a part of their time with the club ("19 seasons with the 76ers"), not a rival
# figure for it.
_DURATION_UNITS = {"year", "season", "month", "week", "day", "term", "decade"}
_AS_ROLE = re.compile(
    r"\s+(?:\w+\s+)?as\s+(?!(?:well|much|many|long|soon|far|good|a\s+result|such)\b)"
    r"(?:(?:a|an|the|his|her|its|their)\s+)?((?:[\w'\u2019-]+\s*){1,3})",
    re.I,
)


def _role(sc: StoryClaim, q: Quantity) -> str | None:
    """The role a span of time was spent in ("four seasons as the team's director"), or None."""
    if _singular(q.unit or "") not in _DURATION_UNITS:
        return None
    m = _AS_ROLE.match(sc.ann.article.text, q.end, sc.claim.end)
    return " ".join(m.group(1).casefold().split()) if m else None


def _other_roles(a: StoryClaim, qa: Quantity, b: StoryClaim, qb: Quantity) -> bool:
    """The two spans of time were spent in different roles, or one in a role and the other not;
    "the team's director of" and "director of personnel" are one role (one's content words
    among the other's)."""
    ra, rb = _role(a, qa), _role(b, qb)
    if ra is None or rb is None:
        return (ra is None) != (rb is None)
    wa, wb = ({w for w in r.split() if not w.endswith(("'s", "\u2019s")) and w != "of"} for r in (ra, rb))
    return not (wa <= wb or wb <= wa)


# What a distance is measured from: "940 miles south of Tehran", "from the port of Bandar Abbas".
_REFERENCE = re.compile(
    r"\s*(?:\(.{0,30}?\)\s*)?(?:\w+\s+){0,2}?(?:of|from)\s+(?:the\s+)?(?:[a-z]+\s+of\s+(?:the\s+)?)?"
    r"([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)"
)


def _reference(sc: StoryClaim, q: Quantity) -> str | None:
    """The named place a distance is measured from, case-folded; None when none is named."""
    m = _REFERENCE.match(sc.ann.article.text, q.end, sc.claim.end)
    return m.group(1).casefold() if m else None


def casualty_pair(a: StoryClaim, qa: Quantity, b: StoryClaim, qb: Quantity) -> bool:
    """ "toll ... 17" and "21 people killed" both count the dead: a unit that names the dead
    ("toll", "deaths", "bodies"), or people (or a bare number) with "killed" or "dead" as their
    count kind. A victim is not always dead ("three victims were taken to hospital")."""

    def counts_dead(sc: StoryClaim, q: Quantity) -> bool:
        unit = q.unit or ""
        if unit in _DEAD_UNITS:
            return True
        return count_kind(sc, q) == "dead" and (unit in _PERSON_UNITS or unit == "")

    return counts_dead(a, qa) and counts_dead(b, qb)


_DEAD_UNITS = {"dead", "death", "toll", "casualty", "body", "fatality"}


def num(v: float) -> str:
    return str(int(v)) if v == int(v) else str(v)


# Physical dimensions compared across units; anything else (people, boats, villages) is compared
# only with the same unit noun.
_DIMENSIONS = {
    "[length]": "length", "[length] ** 2": "area", "[length] ** 3": "volume", "[mass]": "mass",
    "[length] / [time]": "speed",
}  # fmt: skip
# Abbreviations of amounts of data pint does not read in lower case.
_DATA_UNITS = {"kb": "kilobyte", "mb": "megabyte", "gb": "gigabyte", "tb": "terabyte", "pb": "petabyte"}
_CURRENCIES = {
    "$": "usd", "dollar": "usd", "usd": "usd", "€": "eur", "euro": "eur", "eur": "eur",
    "£": "gbp", "pound": "gbp", "sterling": "gbp", "gbp": "gbp", "rupee": "inr", "yen": "jpy",
    "yuan": "cny", "rand": "zar", "ruble": "rub", "rouble": "rub",
}  # fmt: skip
_SCALE = {"thousand": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}
# A hedge-free figure is read to half a unit of its last significant digit, at most this share
# of it: "2,000 ft" admits 1,800-2,200 ft, "6.1" admits 6.05-6.15.
MAX_ROUNDING = 0.10
# Measured amounts this close agree whatever the units (conversion and rounding drift).
CONVERSION = 0.03
# Exact counts below this ("12 injured", "three boats") are never read as rounded.
ROUNDED_COUNT_MIN = 1000


@dataclass(frozen=True, slots=True)
class Measure:
    """What a quantity measures (a dimension, a currency or a unit noun) and its value in the
    base unit of that kind (metres, square metres, ...; the number itself otherwise)."""

    kind: str
    value: float
    physical: bool


@functools.cache
def _units() -> Any:
    """pint's registry, built once (it takes a fraction of a second)."""
    import pint

    return pint.UnitRegistry()


def _pint(value: float, unit: str, square: bool) -> tuple[str, float] | None:
    ureg = _units()
    unit = _DATA_UNITS.get(unit, unit)
    try:
        q = ureg.Quantity(value, unit)
        if square:
            q = ureg.Quantity(value, str((q * ureg.Quantity(1, unit)).units))
        base = q.to_base_units()
        if str(base.units) == "bit":
            return "data", float(base.magnitude)  # pint counts bytes in bits, with no dimension
        dim = _DIMENSIONS.get(str(q.dimensionality))
        if dim is None:
            return None
        return dim, float(base.magnitude)
    # pint raises several kinds (undefined unit, parse errors of odd words) for nouns that are
    # no unit ("people", "boats"); a missing pint still fails loudly above.
    except (ValueError, TypeError, AttributeError, KeyError, AssertionError, SyntaxError):
        return None


# Words pint defines as units that news uses as count nouns: "24 points" (a typographic point
# to pint), "fired 11 shots" (a measure of spirits), "two World Cups", "changed hands three
# times", "threw stones". Read as counts, they are compared only with the same count noun.
_COUNT_NOT_UNIT = frozenset(
    {"point", "shot", "hand", "cup", "chain", "rod", "barn", "pica", "league", "stone", "grain"}
)
# Nouns that count people; with a casualty word nearby they count casualties ("injuring 60
# others": the others are people too; not "passengers" or "soldiers", often a part of the toll).
_PERSON_UNITS = {"people", "person", "persons", "victim", "casualty", "resident", "villager", "worker",
                 "hurt", "injured", "dead", "death", "wounded", "fatality", "body", "other"}  # fmt: skip
# "a magnitude of 5.9", "magnitude 6.1", "measuring 5.9", "5.9 on the Richter scale"
_MAGNITUDE_BEFORE = re.compile(
    r"\b(?:magnitude|measuring|measured|registering|registered|strength)(?:\s+(?:of|at|was|is))?"
    r"(?:\s+(?:at least|about|around|some|nearly|magnitude))?\s*-?\s*$",
    re.I,
)
_MAGNITUDE_AFTER = re.compile(r"^\s*(?:-?\s*magnitude|on the richter|richter)", re.I)
_AGE = re.compile(r"(?:\w+[\s-]*)?\w+\s*-?\s*years?\s*-?\s*old\b", re.I)  # "36-year-old", "six years old"
_NAME_COMMA = re.compile(r"\b[A-Z][a-z]+,\s*$")
_AGE_BEFORE = re.compile(r"\b(?:aged?|ages)\s+(?:\d+\s+and\s+)?$", re.I)
# The hedges a figure may follow ("about 200,000", "more than 100,000"), as a pattern.
HEDGE = r"(?:(?:about|around|roughly|some|nearly|almost|approximately|an estimated|more than|over|at least|fewer than|less than|under|close to)\s+)?"
# How many live in a place: "home to 120,000 people", "has a population of more than 100,000",
# "which has about 200,000 residents", "a town of 5,000 inhabitants". A measure of the place,
# not a count of people the event touched ("200,000 people fled").
_POPULATION_BEFORE = re.compile(
    rf"(?:\b(?:is|are|was|were|be|been|being)\s+|,\s*)home\s+to\s+{HEDGE}$|"  # not "returned home to 30,000 fans"
    rf"\b(?:population\s+of|populated\s+by|inhabited\s+by|population\s+(?:is|was|stands\s+at))\s+{HEDGE}$",
    re.I,
)
_DWELLERS = {"resident", "inhabitant"}
# "which has about 200,000 residents", "a town of 5,000 inhabitants"; not "the evacuation of
# 5,000 residents", "homes of 300 residents".
_DWELLERS_BEFORE = re.compile(
    rf"\b(?:has|have|had|with|(?:town|city|village|island|country|nation|state|region|province|community)\s+of)"
    rf"\s+{HEDGE}$",
    re.I,
)
# A casualty word right by the bare number: "killing 10", "80 injured", "50 hurt".
_CASUALTY_NEAR = re.compile(r"\b(?:kill\w*|dead|died|death\w*|injur\w*|hurt|wound\w*|missing)\b", re.I)


# An amount in brackets right after another amount restates it in other units ("110-billion
# ($143-billion)", "10 km (6 miles)"); for currencies at the rate of the writer's day, so two
# outlets' restatements differ without disagreeing.
_RESTATED = re.compile(
    r"(?:\d[\d.,]*|\b(?:hundred|thousand|million|billion|trillion))(?:[\s-]*[^\W\d]+\.?){0,3}\s*\(\s*(?:about|around|some|roughly)?\s*[$€£¥]?\s*$",
    re.I,
)


_PER = re.compile(
    r"\s*(?:per|a|an|each)\s+(season|year|month|week|day|hour|share|head|person|game|barrel|night)\b", re.I
)


def restated(sc: StoryClaim, q: Quantity) -> bool:
    """An amount in brackets right after another amount: the same amount in other units, not a
    figure of its own to set against another outlet's (its conversion rate is the writer's)."""
    return bool(_RESTATED.search(sc.ann.article.text, max(sc.claim.start, q.start - 60), q.start))


def measure(sc: StoryClaim, q: Quantity) -> Measure | None:
    """The kind and base value of a quantity: its unit (a physical dimension, a currency, a
    count noun), or what the words by a bare number say it is (a quake's magnitude, a count of
    casualties). Counts of people with a casualty kind ("10 people killed", "killing 10",
    "80 hurt") are one kind, "casualties", told apart by their count kind. None when nothing
    says what the number measures."""
    text = sc.ann.article.text
    before = text[max(sc.claim.start, q.start - 25) : q.start]
    after = text[q.end : min(sc.claim.end, q.end + 25)]
    if _magnitude(sc, q):
        return Measure("magnitude", q.value, True)
    if re.search(r"\bthen(?:-\s*|\s)$", before):
        return None  # "then-15-year-old", "then- 15-year-old": an age at another time than the page's
    if (
        _AGE.match(text, q.start)
        or _AGE_BEFORE.search(before)
        or (_NAME_COMMA.search(before) and re.match(r"\s*[,);]", after) and q.value < 120)
    ):
        return Measure("age", q.value, False)  # "63-year-old", "aged 63", "Kafoury, 63, of Warren"
    lead = text[max(sc.claim.start, q.start - 45) : q.start]
    if _POPULATION_BEFORE.search(lead) or (
        _singular(q.unit or "") in _DWELLERS and _DWELLERS_BEFORE.search(lead) and count_kind(sc, q) is None
    ):
        return Measure("population", q.value, False)
    kind = count_kind(sc, q)
    if kind in ("dead", "injured", "missing", "shot") and (q.unit in _PERSON_UNITS or (
        q.unit is None and (_CASUALTY_NEAR.search(text, max(sc.claim.start, q.start - 20), q.start)
                            or _CASUALTY_NEAR.match(after.lstrip()) or tolled(sc, q)))):  # fmt: skip
        return Measure("casualties", q.value, False)
    around = text[max(sc.claim.start, q.start - 2) : q.end].casefold()
    # A currency sign before the amount ("$84 million") is its unit, whatever the reader kept.
    cur = next((c for sym, c in _CURRENCIES.items() if sym in ("$", "€", "£") and sym in around), None)
    if not q.unit and not cur:
        return None
    cur = cur or _CURRENCIES.get(q.unit or "")
    if cur:
        # "$23 million per season", "$5 a share": a rate, not the same measure as a total sum
        rate = _PER.match(text, q.end, sc.claim.end)
        return Measure(f"money:{cur}" + (f"/{rate.group(1).casefold()}" if rate else ""), q.value, True)
    unit = q.unit or ""
    if unit == "%":
        unit = "percent"  # "28%" and "32 per cent" are one measure
    square = bool(re.search(r"\b(?:square|sq)\b", around))
    cubic = bool(re.search(r"\bcubic\b", around))
    if not cubic and _singular(unit) not in _COUNT_NOT_UNIT:
        got = _pint(q.value, unit, square)
        if got is not None:
            return Measure(got[0], got[1], True)
    return Measure(_singular(unit), q.value, False)


def _singular(unit: str) -> str:
    """One spelling per count noun: "Villages" and "village" count the same thing."""
    u = unit.casefold()
    if u.endswith("ies") and len(u) > 4:
        return u[:-3] + "y"
    if u.endswith("s") and not u.endswith("ss") and len(u) > 3:
        return u[:-1]
    return u


def _precision(text: str, value: float | None = None) -> float:
    """Half a unit of the last significant digit of the first number written in ``text``
    ("2,000" -> 500, "6.1" -> 0.05, "1.5 million" -> 50,000); 0 when none is found. With the
    quantity's ``value``, a scale word the value does not carry is a unit: "600m" read as 600
    metres is not "600 million"."""
    m = re.search(r"\d[\d,]*(?:\.(\d+))?", text)
    if m is None:
        return 0.0
    digits = m.group(0).replace(",", "")
    scale = 1.0
    rest = text[m.end() :].lstrip(" -").casefold()
    for word, mult in _SCALE.items():
        if re.match(rf"{word}\b", rest):
            if value is None or abs(value) >= float(digits) * mult / 2:
                scale = mult
            break
    if m.group(1):
        unit = 10.0 ** -len(m.group(1))
    else:
        whole = digits.split(".")[0]
        unit = 10.0 ** (len(whole) - len(whole.rstrip("0"))) if whole.strip("0") else 1.0
    return unit * scale / 2


def within_precision(sc_a: StoryClaim, qa: Quantity, ma: Measure, sc_b: StoryClaim, qb: Quantity,
                     mb: Measure) -> bool:  # fmt: skip
    """Whether two values agree as written: one rounds to the other (a round figure, a unit
    conversion such as "10 km (6 miles)"). Small exact counts of people or things never round."""

    def slack(q: Quantity, m: Measure) -> float:
        if not m.physical and abs(q.value) < ROUNDED_COUNT_MIN:
            return 0.0
        p = _precision(q.text, q.value)
        if m.value != q.value and q.value:  # converted to a base unit: scale the slack with it
            p *= abs(m.value / q.value)
        return min(p, MAX_ROUNDING * abs(m.value))

    gap = abs(ma.value - mb.value)
    top = max(abs(ma.value), abs(mb.value))
    if gap <= 0.01 * top:
        return True
    # Each figure stands for the span it rounds from; spans that only touch ("600 m" up to 650,
    # "700 m" from 650) still disagree.
    if gap < (slack(qa, ma) + slack(qb, mb)) * (1 - 1e-9):
        return True
    # Measured amounts converted between units ("58 km (36 miles)" against "35 miles") drift by
    # a few percent; a magnitude is read to its decimal.
    return (
        ma.physical and ma.kind != "magnitude" and not ma.kind.startswith("money") and gap <= CONVERSION * top
    )


# "the final two games", "the next four games", "the last three victims": the last or next few of
# a larger count are a part of it.
_PART_BEFORE = re.compile(
    r"\b(?:other|another|more|additional|further|remaining|extra|new|final|last|next)\s+(?!than\b)(?:\S+\s+)?$",
    re.I,
)
_PART_AFTER = re.compile(
    r"^[\s-]*(?:\w+\s+)?(?:more|other|others|additional|further|final|remaining|"
    r"of\s+(?:the|them|whom|which|those|its|their))\b",
    re.I,
)


# "two of the three victims died": the three are the whole the count is taken from.
# "10 of the team's first 17 points", "missing 10 of the Saints' 16 games".
# (A preposition or a verb between them ends that phrase: "the value of the stolen works at 12
# million euros" gives the whole's value, not a part.)
_WHOLE_BEFORE = re.compile(
    r"\b\w+\s+of\s+(?:the|its|their|his|her|those)\s+"
    r"(?:(?!(?:at|in|on|to|for|by|from|with|as|was|were|is|are|be|been|has|have|had)\b)[\w\u2019'-]+\s+){0,3}$",
    re.I,
)
# A figure for part of the event's time: "seven points in the first half", "blocked two shots
# during the deciding 15-2 run".
_SUB_PERIOD = re.compile(
    r"\b(?:in|during|over|after)\s+the\s+(?:\w+\s+){0,2}?(?:first|second|third|fourth|final|last|opening|"
    r"closing|deciding)\s+(?:\S+\s+)?(?:half|quarter|period|round|set|inning|minutes?|hours?|run|stretch|lap)\b",
    re.I,
)


def partial(sc: StoryClaim, q: Quantity) -> bool:
    """Whether the number counts only part of something: "two other victims", "three of the
    skiffs", "five more bodies", "another 20,000", "seven points in the first half": a part is
    no rival to the whole."""
    if _part(sc, q) or _SUB_PERIOD.search(sc.ann.article.text, sc.claim.start, sc.claim.end):
        return True
    # An enumeration of parts: "One bullet entered his left shoulder; two other bullets struck
    # his thighs": beside "two other bullets", the "one bullet" is a part too, also when the
    # parser made the rest of the sentence a claim of its own.
    unit = _singular((q.unit or "").casefold())
    if not unit:
        return False
    if any(
        o is not q and _singular((o.unit or "").casefold()) == unit and _part(sc, o)
        for o in sc.claim.frame.quantities
    ):
        return True
    text = sc.ann.article.text
    end = _SENTENCE_END.search(text, sc.claim.end)
    rest = text[sc.claim.end : end.start() if end else len(text)]
    return bool(re.search(rf"\b(?:other|more|additional)\s+(?:\w+\s+)?{re.escape(unit)}", rest, re.I))


_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")

_COUNT = r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen)"
# A count beside another count in one coordination: "One Australian and one English climber",
# "12 Somali and 11 Yemeni pirates".
_CONJUNCT_BEFORE = re.compile(rf"\b{_COUNT}\s+(?:[\w-]+\s+){{0,2}}?(?:and|or|,)\s*$", re.I)
_CONJUNCT_AFTER = re.compile(rf"^(?:\s+[\w-]+){{0,2}}?\s*(?:,|and|or)\s+(?={_COUNT}\s)", re.I)


def coordinated(sc: StoryClaim, q: Quantity) -> bool:
    """Whether the count is one conjunct of a coordination of counts of one thing ("One
    Australian and one English climber", "12 Somali and 11 Yemeni pirates"): a part of the sum
    the coordination makes, so no rival to a figure that counts the whole ("Two climbers
    killed"). Counts of different things side by side ("24 points and seven rebounds", "Nine
    assault rifles, a grenade launcher") are no such parts."""
    text = sc.ann.article.text
    lo, hi = max(sc.claim.start, q.start - 40), min(sc.claim.end, q.end + 40)
    unit = _singular((q.unit or "").casefold())

    def other_thing(o: Quantity) -> bool:
        return bool(o.unit) and _singular((o.unit or "").casefold()) != unit

    near = [o for o in sc.claim.frame.quantities if o is not q and lo <= o.start and o.end <= hi]
    if _CONJUNCT_BEFORE.search(text[lo : q.start]):
        # the conjunct before names no other thing ("One Australian and ...": its noun is ours)
        return not any(other_thing(o) for o in near if o.end <= q.start)
    at = q.start + len(q.text.split()[0] if q.text.split() else q.text)
    m = _CONJUNCT_AFTER.match(text[at:hi])
    if m:
        # the next conjunct is a count of the same thing ("12 Somali and 11 Yemeni pirates")
        nxt = next((o for o in near if o.start == at + m.end()), None)
        return nxt is not None and _singular((nxt.unit or "").casefold()) == unit
    return False


def _part(sc: StoryClaim, q: Quantity) -> bool:
    text = sc.ann.article.text
    before = text[max(sc.claim.start, q.start - 25) : q.start]
    after = text[q.start + len(q.text.split()[0]) : min(sc.claim.end, q.end + 20)]
    return bool(_PART_BEFORE.search(before) or _PART_AFTER.match(after) or _WHOLE_BEFORE.search(before))


_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12,
}  # fmt: skip


def mentions_value(sc: StoryClaim, value: float, of: Measure | None = None, kind: str | None = None) -> bool:
    """Whether the claim gives this number anywhere, with any unit or none ("26 brigands on
    three of the skiffs" gives 3): a claim that states both figures does not contradict either.
    With ``of`` (the measure the number is an amount of), the same number in another unit of the
    same dimension is another amount ("200 feet" is not "200 metres"); with ``kind`` (what the
    number counts: dead, injured, other), the same number counting another known kind is another
    count ("18 people had been injured ... and 12 arrested" does not give 12 injured)."""
    own = [q for q in sc.claim.frame.quantities if math.isclose(q.value, value)]
    if of is not None and of.physical:
        for q in sc.claim.frame.quantities:
            mq = measure(sc, q)
            if mq is None or mq.kind != of.kind:
                if math.isclose(q.value, value):
                    return True  # the number with no unit or another kind's
            elif math.isclose(mq.value, of.value, rel_tol=CONVERSION):
                return True  # the same amount, in this unit or another: "about 26 by 20 inches" gives 65 cm
        spans = [(q.start, q.end) for q in sc.claim.frame.quantities]
    else:
        other = [q for q in own if kind is not None and count_kind(sc, q) not in (None, kind)]
        if len(other) < len(own):
            return True
        spans = [(q.start, q.end) for q in other]
    for m in re.finditer(r"\b\d[\d,]*(?:\.\d+)?\b|\b[a-z]+\b", sc.claim.text.casefold()):
        at = sc.claim.start + m.start()
        if any(a <= at < b for a, b in spans):
            continue  # read above, with its unit
        w = m.group(0)
        if w[0].isdigit():
            try:
                if math.isclose(float(w.replace(",", "")), value):
                    return True
            except ValueError:
                continue
        elif _NUMBER_WORDS.get(w) == value:
            return True
    return False


class MeasureIndex:
    """How many different amounts of each measure (and dates of each dated word) every article
    gives. A page that gives one toll names the toll by its unit alone; a game report that gives
    23, 17, 10 and 2,129 points does not: there the unit says nothing of which amount a figure
    is."""

    def __init__(
        self, claims: Sequence[StoryClaim], outside: Callable[[StoryClaim], bool] | None = None
    ) -> None:
        values: dict[tuple[str, str], list[float]] = {}
        # The same under one governing word, among the claims about the story's own event
        # (``outside``: a claim about another one): an article that says "fell 150 metres" of one
        # climber and "fell 600 metres" of another names neither fall by its verb; the toll of a
        # quake two years before does not make "killed 10" ambiguous.
        governed: dict[tuple[str, str, str], list[float]] = {}
        # Magnitudes by the shock they are of, among the same claims: a page that gives the
        # quake's magnitude and its aftershocks' still names the quake's by "quake"; one that
        # gives two readings of the quake does not.
        shocks: dict[tuple[str, str], list[float]] = {}
        # The amounts each article gives about the story's own event: a page that gives both
        # figures of a disagreement tells two things apart (the standard model's price and the
        # Pro's; the Social Democrats' seats and the Union's) or the count before and after.
        own_values: dict[tuple[str, str], list[float]] = {}
        # Sums the story gives converted from another currency ("85 million euros ($108
        # million)"): each outlet converts at its own rate, and "$" may be another country's dollar.
        self._converted: dict[str, list[float]] = {}
        for sc in claims:
            own = sc.claim.kind != "background" and not (outside is not None and outside(sc))
            for q in sc.claim.frame.quantities:
                m = measure(sc, q)
                if m is not None:
                    key = measure_key_of(sc, q, m)
                    values.setdefault((sc.ref.article, key), []).append(m.value)
                    if own:
                        own_values.setdefault((sc.ref.article, key), []).append(m.value)
                    if q.governor and own:
                        governed.setdefault((sc.ref.article, key, q.governor), []).append(m.value)
                    if m.kind == "magnitude" and own:
                        shocks.setdefault((sc.ref.article, shock(sc, q) or ""), []).append(m.value)
                    if m.kind.startswith("money:") and restated(sc, q):
                        self._converted.setdefault(m.kind, []).append(m.value)
        self._values = values
        self._own_values = own_values
        self._several = {k for k, vs in values.items() if _distinct(vs) > 1}
        self._several_governed = {k for k, vs in governed.items() if _distinct(vs) > 1}
        self._shocks = shocks
        # The same for dates: an article that dates one word ("hosted") on several days or years
        # tells of several such events.
        days: dict[tuple[str, str], set[str]] = {}
        for sc in claims:
            for head, vals in event_dates(sc).items():
                days.setdefault((sc.ref.article, head), set()).update(vals)
        self._dated = {k for k, vs in days.items() if len(vs) > 1}
        # The same for clock times: an article that times one word at moments that cannot be
        # one ("the first blast at 11:30 a.m. ... a blast at 2:15 p.m.") tells of several.
        clocks: dict[tuple[str, str], list[ClockTime]] = {}
        for sc in claims:
            for head, found in clock_times(sc).items():
                clocks.setdefault((sc.ref.article, head), []).extend(found)
        self._clocked = {
            k for k, cs in clocks.items() if any(not x.overlaps(y) for i, x in enumerate(cs) for y in cs[i + 1 :])
        }

    def several(self, sc: StoryClaim, q: Quantity) -> bool:
        """Whether the claim's article gives more than one amount of this quantity's measure."""
        key = measure_key(sc, q)
        return key is not None and (sc.ref.article, key) in self._several

    def gives(self, article: str, key: str, value: float) -> bool:
        """Whether the article gives this amount (within a conversion's drift) of the measure."""
        return any(math.isclose(v, value, rel_tol=CONVERSION) for v in self._values.get((article, key), ()))

    def gives_own(self, article: str, key: str, value: float) -> bool:
        """Whether the article gives this amount of the measure (within a conversion's drift) in
        a claim about the story's own event."""
        return any(math.isclose(v, value, rel_tol=CONVERSION) for v in self._own_values.get((article, key), ()))

    def converted(self, m: Measure) -> bool:
        """Whether some article of the story gives this sum as a conversion into its currency
        (within a conversion's drift): "$108 million" where another page wrote "85 million
        euros ($108 million)"."""
        return any(math.isclose(v, m.value, rel_tol=CONVERSION) for v in self._converted.get(m.kind, ()))

    def several_governed(self, sc: StoryClaim, q: Quantity) -> bool:
        """Whether the claim's article gives more than one amount of this quantity's measure
        under the word it hangs from ("fell 150 metres" / "fell 600 metres")."""
        key = measure_key(sc, q)
        return (
            key is not None
            and bool(q.governor)
            and (sc.ref.article, key, q.governor) in self._several_governed
        )

    def several_of_shock(self, sc: StoryClaim, q: Quantity) -> bool:
        """Whether the claim's article gives more than one magnitude of the shock this one is of
        (``shock``) about the story's own event; a magnitude no word ties to a shock may be of
        any."""
        art, name = sc.ref.article, shock(sc, q) or ""
        return _distinct([*self._shocks.get((art, name), []), *(self._shocks.get((art, ""), []) if name else [])]) > 1

    def several_clocks(self, a: StoryClaim, b: StoryClaim) -> bool:
        """Whether either claim's article times one of the words the claims time by the clock at
        moments that cannot be one."""
        return any(
            (sc.ref.article, h) in self._clocked for sc in (a, b) for h in clock_times(sc)
        )

    def several_dates(self, a: StoryClaim, b: StoryClaim) -> bool:
        """Whether either claim's article dates one of the words both claims date more than once."""
        heads = event_dates(a).keys() & event_dates(b).keys()
        return any((sc.ref.article, h) in self._dated for sc in (a, b) for h in heads)


def measure_key(sc: StoryClaim, q: Quantity) -> str | None:
    """What kind of amount a quantity is, as compared across claims: its measure kind, and for
    casualties the kind of casualty ("casualties:dead")."""
    m = measure(sc, q)
    return None if m is None else measure_key_of(sc, q, m)


def measure_key_of(sc: StoryClaim, q: Quantity, m: Measure) -> str:
    """``measure_key`` for a quantity whose measure is already known."""
    return f"{m.kind}:{count_kind(sc, q)}" if m.kind == "casualties" else m.kind


def _distinct(vs: list[float]) -> int:
    """Values more than 3% apart (a conversion's drift is one value)."""
    out: list[float] = []
    for v in sorted(vs):
        if not out or abs(v - out[-1]) > CONVERSION * max(abs(v), abs(out[-1])):
            out.append(v)
    return len(out)
