"""The tagging rules: each is a compiled pattern plus a function computing the TIMEX3 value.

Rules produce candidates; the longest non-overlapping candidates win (ties go to the earlier
rule), then a modifier prefix ("early", "about", "the end of") may widen a span, and a last
left-to-right pass resolves values that lean on the discourse ("a year earlier" after a quarter).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from newstrace.records import TimeType
from newstrace.timex import normalize as N
from newstrace.timex.patterns import (
    DAY,
    HOLIDAY,
    MONTH,
    NUM,
    PART_OF_DAY,
    SEASON,
    UNIT,
    WEEKDAY,
    YEAR,
)

# Placeholder resolved in the final pass: "the same period one year before the discourse anchor".
YEAR_BACK = "@YEARBACK"
# Suffix for a year-back that compares a multi-quarter stretch ("the nine months"): the year back.
YEAR_BACK_WHOLE = " Y"
# Placeholder "@PERIOD <year>": the reported quarter (the discourse anchor's) in that year.
PERIOD_OF = "@PERIOD"
# Prefix of placeholders resolved against the last date mentioned: "@ANA <unit> <delta>".
ANAPHOR = "@ANA"


@dataclass(slots=True)
class Cand:
    start: int
    end: int
    type: TimeType
    value: str
    anchored: bool = True
    mod: str | None = None
    rule: int = 0


@dataclass(slots=True)
class Ctx:
    text: str
    dct: dt.date | None
    sent_starts: list[int]
    sent_ends: list[int]
    _tense: dict[tuple[int, int, bool], N.Tense] = field(default_factory=dict)

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        if i < 0:
            return 0, len(self.text)
        return self.sent_starts[i], self.sent_ends[i]

    def tense(self, start: int, end: int, *, weak: bool = True) -> N.Tense:
        key = (start, end, weak)
        if key not in self._tense:
            lo, hi = self.sentence(start)
            self._tense[key] = N.detect_tense(self.text, start, end, lo, hi, weak=weak)
        return self._tense[key]

    def before(self, pos: int, n: int = 30) -> str:
        return self.text[max(0, pos - n) : pos]


Handler = Callable[[re.Match[str], Ctx], Cand | None]
_RULES: list[tuple[re.Pattern[str], Handler]] = []


def rule(pattern: str, flags: int = re.IGNORECASE) -> Callable[[Handler], Handler]:
    """Register a handler for ``pattern`` (word-bounded on both sides)."""

    def deco(fn: Handler) -> Handler:
        _RULES.append((re.compile(rf"(?<![\w'$£€])(?:{pattern})(?!\w)", flags), fn))
        return fn

    return deco


def _cand(m: re.Match[str], typ: TimeType, value: str, anchored: bool = True, mod: str | None = None) -> Cand:
    return Cand(m.start(), m.end(), typ, value, anchored, mod)


def _tense_rel(rel: str | None) -> N.Tense | None:
    r = (rel or "").lower()
    if r in ("last", "past", "previous"):
        return "past"
    if r in ("next", "coming", "this"):
        return "future"
    return None


# --- absolute and month-day dates ------------------------------------------------------------


def _day_value(ctx: Ctx, m: re.Match[str], mon: str, day: int, year: str | None) -> Cand | None:
    month = N.month_num(mon)
    if not 1 <= day <= 31:
        return None
    if year:
        try:
            dt.date(int(year), month, day)
        except ValueError:
            return None
        return _cand(m, "DATE", f"{int(year):04d}-{month:02d}-{day:02d}")
    if ctx.dct is None:
        return _cand(m, "DATE", f"XXXX-{month:02d}-{day:02d}", anchored=False)
    y = N.place_month_day(ctx.dct, month, day, ctx.tense(m.start(), m.end()))
    if y is None:
        return None
    return _cand(m, "DATE", f"{y:04d}-{month:02d}-{day:02d}")


@rule(rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<mon>{MONTH})\s*(?P<day>{DAY})(?:(?:,\s*|\s+)(?P<year>{YEAR}))?")
def _mdy(m: re.Match[str], ctx: Ctx) -> Cand | None:
    return _day_value(ctx, m, m["mon"], int(re.sub(r"\D", "", m["day"])), m["year"])


# "10 Nov 11" (a two-digit year, as military and British releases write it): not "Nov 11", and
# not before a noun ("10 Nov 11 pirates").
@rule(
    rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<day>{DAY})\s+(?:of\s+)?(?P<mon>{MONTH})"
    rf"(?:,?\s+(?P<year>{YEAR})|\s+'?(?P<yy>\d\d)(?![\d:])(?!\s+[a-z]))?"
)
def _dmy(m: re.Match[str], ctx: Ctx) -> Cand | None:
    year = m["year"] or (
        str(2000 + int(m["yy"]) if int(m["yy"]) < 50 else 1900 + int(m["yy"])) if m["yy"] else None
    )
    return _day_value(ctx, m, m["mon"], int(re.sub(r"\D", "", m["day"])), year)


@rule(rf"the\s+week\s+of\s+(?P<mon>{MONTH})\s*(?P<day>{DAY})(?:(?:,\s*|\s+)(?P<year>{YEAR}))?")
def _week_of(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """The ISO week holding a day: "the week of March 6"."""
    c = _day_value(ctx, m, m["mon"], int(re.sub(r"\D", "", m["day"])), m["year"])
    if c is None or not c.anchored:
        return c
    c.value = N.iso_week(dt.date.fromisoformat(c.value))
    return c


@rule(r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<hh>[0-2]\d):(?P<mm>[0-5]\d))?")
def _iso(m: re.Match[str], ctx: Ctx) -> Cand | None:
    try:
        d = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    if m["hh"]:
        return _cand(m, "TIME", f"{d.isoformat()}T{m['hh']}:{m['mm']}")
    return _cand(m, "DATE", d.isoformat())


@rule(r"(?<![\d/.])(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>(?:19|20)?\d\d)(?![\d/])")
def _slash(m: re.Match[str], ctx: Ctx) -> Cand | None:
    y = int(m["y"])
    if y < 100:
        y += 1900 if y >= 50 else 2000
    try:
        d = dt.date(y, int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return _cand(m, "DATE", d.isoformat())


@rule(rf"(?P<mon>{MONTH}),?\s+(?:of\s+)?(?:(?P<year>{YEAR})|(?P<rel>last|this|next)\s+year)")
def _month_year(m: re.Match[str], ctx: Ctx) -> Cand | None:
    month = N.month_num(m["mon"])
    if m["year"]:
        return _cand(m, "DATE", f"{m['year']}-{month:02d}")
    if ctx.dct is None:
        return _cand(m, "DATE", f"XXXX-{month:02d}", anchored=False)
    y = ctx.dct.year + {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    return _cand(m, "DATE", f"{y}-{month:02d}")


_MONTH_PREP = re.compile(
    r"(?i)\b(?:in|since|until|till|through|during|before|after|from|of|by|early|late|mid|to|and|or"
    r"|between|last|this|next|since|on|for|each|every|end|beginning|middle)[\s-]*$"
)


@rule(rf"(?:(?P<rel>last|next|this|coming|past)\s+)?(?P<mon>{MONTH})(?!\s*\d)(?!\s+\d)")
def _month(m: re.Match[str], ctx: Ctx) -> Cand | None:
    mon = m["mon"]
    if len(mon) == 3 and mon != "May":
        return None  # "Jan Kavan": a bare abbreviation is a date only with a day number
    # "May" and "March" are common words: accept them only after a preposition or modifier.
    if not m["rel"] and mon in ("May", "March") and not _MONTH_PREP.search(ctx.before(m.start())):
        return None
    month = N.month_num(mon)
    if ctx.dct is None:
        return _cand(m, "DATE", f"XXXX-{month:02d}", anchored=False)
    rel = (m["rel"] or "").lower()
    if rel:
        y = N.place_month(ctx.dct, month, _tense_rel(rel))
        if rel in ("last", "past") and month == ctx.dct.month:
            y -= 1
        if rel == "next" and month == ctx.dct.month:
            y += 1
    else:
        y = N.place_month(ctx.dct, month, ctx.tense(m.start(), m.end()))
    return _cand(m, "DATE", f"{y:04d}-{month:02d}")


# --- years, decades, centuries -----------------------------------------------------------------

_NOT_YEAR_AFTER = re.compile(
    r"(?i)\s*(?:%|percent|to\s+\d|(?:-|\s)(?:\d|year|foot|feet|meter|metre|mile|acre|ton|pound|member|"
    r"people|troops|soldiers|workers|employees|students|shares|miles|barrels|cars|units|jobs|tons|"
    r"acres|residents|households|homes|men|women|cases|dead|deaths|points|kilometers|seats))"
)


@rule(
    rf"(?:(?P<fy>fiscal(?:\s+year)?|calendar(?:\s+year)?|the\s+year|year|FY)\s*)?(?<![.,])(?P<year>{YEAR})"
    r"(?!,\d)"
)
def _year(m: re.Match[str], ctx: Ctx) -> Cand | None:
    if _NOT_YEAR_AFTER.match(ctx.text, m.end()):
        return None
    before = ctx.before(m.start(), 12)
    if not m["fy"] and re.search(r"(?:[$£€#]|No\.|\d[,.]?|\babout|\bnearly|\bsome|\bover)\s*$", before):
        return None  # "$1990", "about 2000 troops": amounts
    return _cand(m, "DATE", m["year"])


@rule(r"(?:the\s+)?(?:(?P<c>1[0-9]|20)(?P<d>\d)0'?s|'(?P<d2>\d)0s|mid-(?P<c2>1[0-9]|20)(?P<d3>\d)0s)")
def _decade(m: re.Match[str], ctx: Ctx) -> Cand | None:
    if m["c"]:
        return _cand(m, "DATE", f"{m['c']}{m['d']}X")
    if m["c2"]:
        return _cand(m, "DATE", f"{m['c2']}{m['d3']}X", mod="MID")
    century = "19" if ctx.dct is None or ctx.dct.year < 2000 or m["d2"] >= "3" else "20"
    return _cand(m, "DATE", f"{century}{m['d2']}X")


_ORD_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21,
}  # fmt: skip


@rule(
    r"(?:the\s+)?(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<w>twenty[\s-]first|twentieth|nineteenth|eighteenth"
    r"|seventeenth|sixteenth|fifteenth|eleventh))[\s-]+century"
)
def _century(m: re.Match[str], ctx: Ctx) -> Cand | None:
    n = int(m["n"]) if m["n"] else _ORD_WORDS[re.sub(r"\s+", " ", m["w"].lower())]
    return _cand(m, "DATE", f"{n - 1:02d}")


# --- weekdays, deictic days, clock times -------------------------------------------------------


def _weekday_date(ctx: Ctx, m: re.Match[str], wd: str, rel: str | None) -> tuple[str, bool]:
    w = N.weekday_num(wd)
    if ctx.dct is None:
        return f"XXXX-WXX-{w + 1}", False
    r = (rel or "").lower().split()[-1] if rel else ""
    if r in ("last", "previous"):
        d = N.weekday_date(ctx.dct, w, "past", strict=True)
    elif r == "next":
        d = N.weekday_date(ctx.dct, w, "future", strict=True)
    elif r in ("this", "coming"):
        d = N.weekday_date(ctx.dct, w, "future")
    else:
        d = N.weekday_date(ctx.dct, w, ctx.tense(m.start(), m.end(), weak=False))
    return d.isoformat(), True


@rule(
    rf"(?:(?P<rel>last|next|this|coming|past|(?:the\s+)?previous)\s+)?(?P<wd>{WEEKDAY})(?P<pl>s)?"
    rf"(?:[\s-](?P<pod>{PART_OF_DAY})s?)?",
    flags=re.IGNORECASE,
)
def _weekday(m: re.Match[str], ctx: Ctx) -> Cand | None:
    wd = m["wd"]
    pod = N.PART_OF_DAY.get((m["pod"] or "").lower(), "")
    if m["pl"]:
        return _cand(m, "SET", f"XXXX-WXX-{N.weekday_num(wd) + 1}" + (f"T{pod}" if pod else ""))
    value, anchored = _weekday_date(ctx, m, wd, m["rel"])
    if pod:
        return _cand(m, "DATE", f"{value}T{pod}", anchored)  # TimeBank types "Friday night" a DATE
    return _cand(m, "DATE", value, anchored)


_DEICTIC = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}


@rule(
    rf"(?P<d>yesterday|today|tomorrow|tonight)(?:[\s-]+(?P<pod>{PART_OF_DAY}))?"
    rf"|(?P<rel>this|last|tomorrow|yesterday)\s+(?P<pod2>{PART_OF_DAY})"
)
def _deictic(m: re.Match[str], ctx: Ctx) -> Cand | None:
    word = (m["d"] or m["rel"]).lower()
    if m["d"] and m["d"][0] == "T" and re.search(r"[A-Z]\w*\s+$", ctx.before(m.start(), 15)):
        return None  # a title: "USA Today", "VOA Today"
    if word == "today" and re.match(
        r"'s\s+(?:world|youth|society|generation|children|kids|young|"
        r"consumers?|standards|economy|personal|modern)\b",
        ctx.text[m.end() :],
    ):
        return None  # generic "today's world"
    pod_word = (m["pod"] or m["pod2"] or "").lower()
    if word == "tonight":
        pod_word = pod_word or "night"
    offset = {"this": 0, "last": -1}.get(word, _DEICTIC.get(word, 0))
    if word == "last" and pod_word != "night":
        return None
    pod = N.PART_OF_DAY.get(pod_word, "")
    if ctx.dct is None:
        value, anchored = "XXXX-XX-XX", False
    else:
        value, anchored = (ctx.dct + dt.timedelta(days=offset)).isoformat(), True
    if pod:
        return _cand(m, "TIME", f"{value}T{pod}", anchored)
    return _cand(m, "DATE", value, anchored)


@rule(
    r"mid[\s-]?(?P<pod>morning|afternoon|evening)(?:\s+(?P<d>yesterday|today|tomorrow))?"
    r"|(?<=\bin\s)the\s+(?P<pod2>morning|afternoon|evening)(?!\s+(?:of|after|before|when|paper|news|show))"
)
def _part_of_day(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """A part of the day the story is about: "mid-afternoon", "(in) the morning"."""
    pod = N.PART_OF_DAY[(m["pod"] or m["pod2"]).lower()]
    if m["d"]:
        if ctx.dct is None:
            return _cand(m, "TIME", f"XXXX-XX-XXT{pod}", anchored=False)
        return _cand(
            m, "TIME", f"{(ctx.dct + dt.timedelta(days=_DEICTIC[m['d'].lower()])).isoformat()}T{pod}"
        )
    if m["pod2"] and ctx.tense(m.start(), m.end(), weak=False) != "past":
        return None  # "in the morning" of habits and plans: no particular day
    return _cand(m, "TIME", f"{ANAPHOR} day 0 T{pod}")


@rule(
    r"(?P<h>[01]?\d)(?:[:.](?P<min>[0-5]\d))?\s*(?P<ap>a\.m\.?|p\.m\.?|am|pm|o'clock)"
    r"(?:\s+(?P<tz>(?-i:[A-Z]{2,4}T|GMT|UTC)))?"
    rf"(?:(?:,\s*|\s+)(?:on\s+)?(?:(?P<wd>{WEEKDAY})|(?P<deic>yesterday|today|tomorrow)"
    rf"|(?P<mon>{MONTH})\s*(?P<day>{DAY})))?"
    r"|(?P<h2>[0-2]?\d):(?P<min2>[0-5]\d)\s+(?P<tz2>(?-i:[A-Z]{2,4}T|GMT|UTC))"
    rf"|(?P<noon>noon|midnight|midday)(?:\s+(?:on\s+)?(?P<wd2>{WEEKDAY}))?"
)
def _clock(m: re.Match[str], ctx: Ctx) -> Cand | None:
    if m["noon"] and ctx.before(m.start(), 6).lower().endswith("high "):
        return None
    if m["noon"]:
        hh, mm = ("24", "00") if m["noon"].lower() == "midnight" else ("12", "00")
    elif m["h2"]:
        hh, mm = f"{int(m['h2']):02d}", m["min2"]
    else:
        h = int(m["h"])
        ap = m["ap"].lower()
        if h > 12 or (h == 0 and ap != "o'clock"):
            return None
        if ap.startswith("p") and h < 12:
            h += 12
        elif ap.startswith("a") and h == 12:
            h = 0
        hh, mm = f"{h:02d}", m["min"] or "00"
    wd = m["wd"] or m["wd2"]
    anchored = True
    if wd:
        date, anchored = _weekday_date(ctx, m, wd, None)
    elif m["mon"]:
        c = _day_value(ctx, m, m["mon"], int(re.sub(r"\D", "", m["day"])), None)
        if c is None:
            return None
        date, anchored = c.value, c.anchored
    elif ctx.dct is None:
        date, anchored = "XXXX-XX-XX", False
    elif not m["deic"] and ctx.tense(m.start(), m.end(), weak=False) == "past":
        # "was shot at 10 p.m.": the day the story is telling about, not necessarily the DCT.
        return _cand(m, "TIME", f"{ANAPHOR} day 0 T{hh}:{mm}")
    else:
        offset = _DEICTIC.get((m["deic"] or "today").lower(), 0)
        date = (ctx.dct + dt.timedelta(days=offset)).isoformat()
    return _cand(m, "TIME", f"{date}T{hh}:{mm}", anchored)


# --- relative periods: "last month", "this week", "the current quarter" ------------------------


def _rel_period(ctx: Ctx, unit: str, delta: int) -> tuple[str, bool]:
    if ctx.dct is None:
        return {"week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX", "decade": "XXXX"}.get(
            unit, "XXXX"
        ), False
    return N.date_at_granularity(N.shift_date(ctx.dct, delta, unit), unit), True


@rule(
    r"(?P<rel>last|next|this|coming|past|previous|current|following|prior|the\s+(?:current|previous"
    r"|following|coming|prior|present|latest|most\s+recent|next))\s+"
    r"(?P<unit>week|month|year|quarter|decade|century|fiscal\s+year|calendar\s+year|weekend)(?!-)"
)
def _relative(m: re.Match[str], ctx: Ctx) -> Cand | None:
    if m.group(0).istitle() and ctx.before(m.start(), 1) in ('"', "'", "`", "\u201c"):
        return None  # a programme title: ABC's "This Week"
    rel = re.sub(r"^the\s+", "", m["rel"].lower())
    unit = m["unit"].lower().split()[-1]
    if unit == "weekend":
        return _weekend(m, ctx, rel)
    delta = {"last": -1, "past": -1, "previous": -1, "prior": -1, "latest": -1, "most recent": -1,
             "next": 1, "coming": 1, "following": 1}.get(rel, 0)  # fmt: skip
    if rel in ("past", "coming", "next") and m["rel"].lower().startswith("the") and unit != "quarter":
        # "the past year", "the next month": a stretch of time, not a calendar unit.
        return _cand(m, "DURATION", N.duration_value(1, unit))
    if rel == "following":
        return None  # relative to narrative time, not the DCT: leave it to the annotator's reading
    value, anchored = _rel_period(ctx, unit, delta)
    return _cand(m, "DATE", value, anchored)


def _weekend(m: re.Match[str], ctx: Ctx, rel: str) -> Cand:
    if ctx.dct is None:
        return _cand(m, "DATE", "XXXX-WXX-WE", anchored=False)
    wd = ctx.dct.weekday()
    tense = _tense_rel(rel) if rel not in ("this", "") else ctx.tense(m.start(), m.end())
    if rel == "last" or (tense != "future" and wd < 5):
        d = ctx.dct - dt.timedelta(days=wd + 1)  # the Sunday before this week
    elif rel == "next" and wd < 5:
        d = ctx.dct + dt.timedelta(days=12 - wd)
    else:
        d = ctx.dct + dt.timedelta(days=max(0, 5 - wd))
    return _cand(m, "DATE", f"{N.iso_week(d)}-WE")


@rule(r"(?:the|this|last|next|over\s+the|that)\s+weekend")
def _the_weekend(m: re.Match[str], ctx: Ctx) -> Cand | None:
    first = m.group(0).split()[0].lower()
    c = _weekend(m, ctx, first if first in ("this", "last", "next") else "")
    if first == "over":  # "over the weekend": the span starts at "the"
        c.start = m.start() + m.group(0).lower().index("the")
    return c


@rule(
    r"(?:the\s+)?(?:(?P<rel>latest|current|same|comparable|year-earlier|year-ago|previous|prior)\s+)?"
    r"(?P<unit>quarter|period)(?!-|\s+(?:of|century|point|mile|inch|percent|%))"
)
def _the_quarter(m: re.Match[str], ctx: Ctx) -> Cand | None:
    text = m.group(0).lower()
    rel = (m["rel"] or "").lower()
    if not text.startswith("the") and not rel:
        return None
    if m["unit"].lower() == "period" and rel not in ("latest", "year-earlier", "year-ago"):
        return None
    if rel in ("year-earlier", "year-ago"):
        return _cand(m, "DATE", YEAR_BACK)
    if rel == "same" or rel == "comparable":
        return None
    if ctx.dct is None:
        return _cand(m, "DATE", "XXXX-QX", anchored=False)
    delta = 0 if rel == "current" else -1  # "the quarter" in a results story: the last one reported
    return _cand(m, "DATE", N.date_at_granularity(N.shift_date(ctx.dct, 3 * delta, "month"), "quarter"))


@rule(
    r"(?:(?:the|its|their|this|last|next|that|(?:this|last|next)\s+year's)\s+)?"
    r"(?:(?:fiscal|calendar|year-earlier|year-ago)\s+)?(?P<yr>(?:19|20)\d\d\s+)?"
    r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|last|final)[\s-]+(?P<what>quarter|half)(?P<pl>s)?"
    rf"(?:\s+of\s+(?:(?:fiscal|calendar)\s+)?(?P<year>{YEAR})|\s+(?P<year2>{YEAR}))?"
)
def _quarter(m: re.Match[str], ctx: Ctx) -> Cand | None:
    n = N.ORDINALS[m["ord"].lower()]
    what = m["what"].lower()
    year_s = m["year"] or m["year2"] or (m["yr"] or "").strip()
    if m["ord"].lower() in ("last", "final"):
        if not year_s or m["pl"]:
            return None  # "the last quarter": the previous one (see _relative)
        n = 2 if what == "half" else 4
    if what == "half" and n > 2:
        return None
    letter = "Q" if what == "quarter" else "H"
    text = m.group(0).lower()
    if m["pl"]:
        return _cand(m, "SET", f"XXXX-{letter}{n}")
    if "year-earlier" in text or "year-ago" in text or text.startswith("last year's"):
        if ctx.dct is None:
            return _cand(m, "DATE", f"XXXX-{letter}{n}", anchored=False)
        return _cand(m, "DATE", f"{ctx.dct.year - 1}-{letter}{n}")
    if year_s:
        return _cand(m, "DATE", f"{year_s}-{letter}{n}")
    if ctx.dct is None:
        return _cand(m, "DATE", f"XXXX-{letter}{n}", anchored=False)
    y = ctx.dct.year
    if text.startswith("next year's"):
        y += 1
    elif text.startswith("last "):
        y -= 1
    elif letter == "Q" and n > N.quarter_of(ctx.dct) and ctx.tense(m.start(), m.end()) == "past":
        y -= 1  # a reported quarter later in the year than the DCT is last year's
    return _cand(m, "DATE", f"{y}-{letter}{n}")


# --- durations and offsets ---------------------------------------------------------------------

_DIRECTION = r"ago|earlier|later|before|after|from\s+now|hence|back|since"


@rule(
    rf"(?P<num>{NUM})(?:\s+or\s+(?:so|two|three|more))?[\s-]+(?:(?:more|full|long|whole)\s+)?"
    rf"(?P<unit>{UNIT})s?(?:\s+or\s+so)?\s+(?P<dir>{_DIRECTION})"
)
def _offset(m: re.Match[str], ctx: Ctx) -> Cand | None:
    n = N.parse_number(m["num"])
    unit = m["unit"].lower().rstrip("s")
    unit = "century" if unit.startswith("centur") else unit
    direction = m["dir"].lower()
    if direction in ("before", "after", "since"):
        return None  # "two days after the vote": anchored on an event, not on the DCT
    if direction in ("earlier", "later") and not (unit == "year" and m["num"].lower() in ("a", "an", "one")):
        return None  # narrative offsets: TimeBank tags the length ("three days") only
    sign = 1 if direction in ("later", "from now", "hence") else -1
    mod = "APPROX" if " or " in m.group(0).lower() else None
    if n is None or n != int(n):
        return _cand(m, "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod=mod)
    if m["num"].lower() in ("a", "an", "one") and unit == "year" and direction in ("ago", "earlier"):
        return _cand(m, "DATE", _year_back_value(m, ctx), mod=mod)
    if ctx.dct is None:
        return _cand(m, "DATE", "XXXX-XX-XX" if unit == "day" else "XXXX", anchored=False, mod=mod)
    if unit in ("hour", "minute", "second"):
        return _cand(m, "DATE", ctx.dct.isoformat(), mod=mod)
    d = N.shift_date(ctx.dct, sign * int(n), unit)
    gran = "year" if unit in ("decade", "century") else unit
    return _cand(m, "DATE", N.date_at_granularity(d, gran), mod=mod)


_SET_BEFORE = re.compile(
    r"(?i)(?:\d|\bcents?|\bdollars?|\bpercent|%|\bonce|\btwice|\btimes|\bbarrels|\bfee|\bbillion|\bmillion"
    r"|\bthousand|\btrillion|\btons?|\bshares|\bpounds|\bhours|\bmiles|\bpeople|\bmeals?)\s*$"
)


@rule(
    rf"(?:(?P<the>the|its|their|his|her)\s+)?(?:(?P<q>past|last|next|previous|coming|first|final|following"
    r"|remaining|additional|further|other|initial|subsequent|latest|recent|prior|same|entire|full|whole"
    rf"|succeeding|preceding)\s+)?(?P<num>{NUM})(?:\s+or\s+(?:so|more|two|three))?(?P<sep>[\s-]+)"
    rf"(?:(?:more|full|long|consecutive|straight|trading|business|calendar|working)[\s-]+)?"
    rf"(?P<unit>{UNIT})(?P<pl>s)?(?P<old>-(?:old|long))?"
)
def _duration(m: re.Match[str], ctx: Ctx) -> Cand | None:
    unit = m["unit"].lower()
    unit = "century" if unit.startswith("centur") else "millennium" if unit.startswith("millenn") else unit
    num = m["num"].lower()
    n = N.parse_number(num)
    vague = n is None
    if vague and m["sep"] == "-":
        return None
    if re.fullmatch(r"(?:1[6-9]|20)\d\d", num):
        return None  # "the 1988 quarter": a year, not a count
    if (m["old"] and m["old"].lower() == "-old") or re.match(r"\s+old\b", ctx.text[m.end() : m.end() + 5]):
        return None  # ages ("the 6-year-old") are not times in TimeBank
    if unit == "second" and num in ("a", "an"):
        return None  # "a second group": an ordinal
    if num in ("some", "many") and not m["pl"]:
        return None
    if num in ("a", "an") and m["the"]:
        return None
    q = (m["q"] or "").lower()
    the = (m["the"] or "").lower()
    if (
        m.group(0).lower() == "one day"
        and re.search(
            r"(?i)\b(?:will|would|could|may|might|can|to|he|she|it|they|we|i|you)\s+$",
            ctx.before(m.start(), 8),
        )
        and not re.match(
            r"\s+(?:of|after|before|later|earlier|and|or|to|in)\b", ctx.text[m.end() : m.end() + 10]
        )
    ):
        return _cand(m, "DATE", "FUTURE_REF")  # "Islam will one day be...": some day in the future
    # "$5 a year", "twice a day": a frequency, not a length.
    if num in ("a", "an", "one") and not q and not the and _SET_BEFORE.search(ctx.before(m.start(), 25)):
        return _cand(m, "SET", N.duration_value(1, unit))
    if the == "a" and num not in ("few", "couple of", "dozen"):
        return None
    if unit == "quarter" and re.match(r"\s+of\b", ctx.text[m.end() : m.end() + 4]):
        return None  # "three-quarters of its food"
    if unit == "quarter" and q in ("", "first", "last") and n in (1.0, 2.0, 3.0, 4.0) and not m["pl"]:
        return None  # "first quarter" etc. are handled as calendar quarters
    mod = "APPROX" if "couple" in num or " or " in m.group(0).lower() else None
    if "couple" in num:
        n = 2
    value = N.duration_value(n, unit)
    c = _cand(m, "DURATION", value, mod=mod)
    if the in ("its", "their", "his", "her") or (the == "the" and not q and vague):
        c.start += len(m["the"]) + 1 if the != "the" or vague else 0
    return c


@rule(
    r"(?:(?P<adj>recent|coming|future|past|previous|prior|the\s+past|the\s+coming|the\s+next|in)\s+)?"
    r"(?P<unit>days|weeks|months|years|decades|centuries|quarters|hours|minutes)(?!-)"
)
def _bare_plural(m: re.Match[str], ctx: Ctx) -> Cand | None:
    adj = (m["adj"] or "").lower()
    unit = m["unit"].lower()
    base = {"centuries": "century"}.get(unit, unit[:-1])
    if not adj:
        if not re.search(r"(?i)\b(?:over|within|for)\s+$", ctx.before(m.start(), 10)):
            return None
        return _cand(m, "DURATION", N.duration_value(None, base))
    if adj == "in":  # "in years": only "for the first time in years" style
        c = _cand(m, "DURATION", N.duration_value(None, base))
        c.start = m.start("unit")
        return c
    if adj in ("recent", "past", "previous", "prior", "the past"):
        if base == "year" or adj == "past":
            return _cand(m, "DATE", "PAST_REF")
        return _cand(m, "DURATION", N.duration_value(None, base))
    return _cand(m, "DATE", "FUTURE_REF")


# --- seasons, holidays, sets -------------------------------------------------------------------

_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@rule(
    rf"(?:(?P<rel>last|next|this|early|late|mid|coming|past)[\s-]+)?(?P<s>{SEASON})"
    rf"(?:\s+(?:of\s+)?(?P<year>{YEAR}))?(?!\s+(?:of\s+(?!\d)|season))"
)
def _season(m: re.Match[str], ctx: Ctx) -> Cand | None:
    s = N.SEASONS[m["s"].lower()]
    rel = (m["rel"] or "").lower()
    if m["year"]:
        return _cand(m, "DATE", f"{m['year']}-{s}")
    before = ctx.before(m.start(), 20)
    if not rel:
        # Without a modifier, only "in (the) summer" and the like; "fall" is too often a drop.
        prep = "in|into|during|this|last|next" + (
            "" if s == "FA" else "|over|since|until|by|through|throughout"
        )
        if not re.search(rf"(?i)\b(?:{prep})\s+(?:the\s+)?$", before):
            return None
    if rel in ("early", "late", "mid"):
        rel = ""
    if ctx.dct is None:
        return _cand(m, "DATE", f"XXXX-{s}", anchored=False)
    # Seasons as (year, start month); winter belongs to the year it starts in.
    cur_m = ctx.dct.month
    cur_s = "WI" if cur_m in (12, 1, 2) else "SP" if cur_m < 6 else "SU" if cur_m < 9 else "FA"
    cur_y = ctx.dct.year - 1 if cur_m in (1, 2) else ctx.dct.year
    order = ["SP", "SU", "FA", "WI"]
    diff = order.index(s) - order.index(cur_s)
    tense = _tense_rel(rel) if rel else ctx.tense(m.start(), m.end())
    y = cur_y
    if rel == "this":
        pass
    elif rel == "last" or (tense == "past" and diff > 0):
        y = cur_y - 1 if diff >= 0 else cur_y
    elif rel == "next" or (tense == "future" and diff < 0):
        y = cur_y + 1 if diff <= 0 else cur_y
    return _cand(m, "DATE", f"{y}-{s}")


def _holiday_date(name: str, year: int) -> dt.date | str:
    n = re.sub(r"\s+", " ", name)
    fixed = {"Christmas": (12, 25), "Christmas Day": (12, 25), "Christmas Eve": (12, 24),
             "New Year's": (1, 1), "New Year's Day": (1, 1), "New Year's Eve": (12, 31),
             "Independence Day": (7, 4), "Halloween": (10, 31), "Veterans Day": (11, 11),
             "Valentine's Day": (2, 14), "Boxing Day": (12, 26)}  # fmt: skip
    if n in fixed:
        return dt.date(year, *fixed[n])
    if n.startswith("Thanksgiving"):
        return N.nth_weekday(year, 11, 3, 4)
    if n.startswith("Easter"):
        return N.easter(year)
    if n == "Good Friday":
        return N.easter(year) - dt.timedelta(days=2)
    if n == "Memorial Day":
        return N.nth_weekday(year, 5, 0, -1)
    if n == "Labor Day":
        return N.nth_weekday(year, 9, 0, 1)
    if n.startswith("Presidents"):
        return N.nth_weekday(year, 2, 0, 3)
    if n == "Mother's Day":
        return N.nth_weekday(year, 5, 6, 2)
    if n == "Father's Day":
        return N.nth_weekday(year, 6, 6, 3)
    return f"{year}"


@rule(rf"(?:(?P<rel>last|next|this)\s+)?(?P<h>{HOLIDAY})(?:,?\s+(?P<year>{YEAR}))?")
def _holiday(m: re.Match[str], ctx: Ctx) -> Cand | None:
    if m["year"]:
        d = _holiday_date(m["h"], int(m["year"]))
        return _cand(m, "DATE", d if isinstance(d, str) else d.isoformat())
    if ctx.dct is None:
        return _cand(m, "DATE", "XXXX-XX-XX", anchored=False)
    rel = (m["rel"] or "").lower()
    tense = _tense_rel(rel) if rel else ctx.tense(m.start(), m.end())
    dates = [_holiday_date(m["h"], y) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)]
    ds = [d for d in dates if isinstance(d, dt.date)]
    if not ds:
        return None
    if tense == "past":
        pick = [d for d in ds if d <= ctx.dct][-1]
    elif tense == "future":
        pick = [d for d in ds if d >= ctx.dct][0]
    else:
        pick = min(ds, key=lambda d: abs((d - ctx.dct).days) if ctx.dct else 0)
    return _cand(m, "DATE", pick.isoformat())


_FREQ = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
         "bimonthly": "P2M", "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H",
         "semiannually": "P6M", "semi-annually": "P6M"}  # fmt: skip


@rule(
    r"(?P<adv>daily|nightly|weekly|biweekly|monthly|bimonthly|yearly|hourly"
    r"|semi-?annually)(?!\s+(?:basis|newspaper|paper|magazine|publication))"
    rf"|(?P<ev>every|each|per)\s+(?:(?P<other>other)\s+)?(?:(?P<num>{NUM})\s+)?"
    rf"(?:(?P<unit>{UNIT})s?|(?P<wd>{WEEKDAY})|(?P<mon>{MONTH})|(?P<pod>{PART_OF_DAY}))"
    rf"|(?P<times>once|twice|\d+\s+times|(?:three|four|five|six|several)\s+times)\s+(?:a|an|per|each)\s+"
    rf"(?P<unit2>{UNIT})"
)
def _set(m: re.Match[str], ctx: Ctx) -> Cand | None:
    if m["adv"]:
        return _cand(m, "SET", _FREQ[m["adv"].lower().replace("-", "")])
    if m["wd"]:
        return _cand(m, "SET", f"XXXX-WXX-{N.weekday_num(m['wd']) + 1}")
    if m["mon"]:
        return _cand(m, "SET", f"XXXX-{N.month_num(m['mon']):02d}")
    if m["pod"]:
        return _cand(m, "SET", f"TXX{N.PART_OF_DAY[m['pod'].lower()]}")
    if m["times"]:
        unit = m["unit2"].lower()
        c = _cand(m, "SET", N.duration_value(1, unit))
        return c
    unit = m["unit"].lower()
    unit = "century" if unit.startswith("centur") else unit
    n = N.parse_number(m["num"]) if m["num"] else 1.0
    if m["other"]:
        n = 2.0
    return _cand(m, "SET", N.duration_value(n if n else 1.0, unit))


# --- vague references --------------------------------------------------------------------------

_REFS = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
    "current": "PRESENT_REF", "presently": "PRESENT_REF", "at present": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "the present": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
    "previously": "PAST_REF", "formerly": "PAST_REF", "once": "PAST_REF", "earlier": "PAST_REF",
    "soon": "FUTURE_REF", "shortly": "FUTURE_REF", "the future": "FUTURE_REF", "future": "FUTURE_REF",
    "as soon as possible": "FUTURE_REF", "a later date": "FUTURE_REF", "the near future": "FUTURE_REF",
    "the foreseeable future": "FUTURE_REF", "more recently": "PAST_REF", "the time being": "PRESENT_REF",
    "the moment": "PRESENT_REF",
}  # fmt: skip


@rule(
    r"right\s+now|now|currently|current|presently|at\s+present|nowadays|these\s+days|the\s+present"
    r"|(?:more\s+)?recently|recent|lately|the\s+past"
    r"|the\s+(?:near\s+)?future|as\s+soon\s+as\s+possible|a\s+later\s+date|(?<!as\s)soon"
)
def _ref(m: re.Match[str], ctx: Ctx) -> Cand | None:
    word = re.sub(r"\s+", " ", m.group(0).lower())
    nxt = ctx.text[m.end() : m.end() + 12].lower()
    if word == "now" and re.match(r"\s*,?\s*then\b", nxt):
        return None
    if word == "current" and re.match(r"[\s-]*accounts?\b", nxt):
        return None  # "current account": economics, not time
    if word == "soon" and (
        re.match(r"\s*(?:after|afterwards?|as|than|enough|thereafter)\b", nxt)
        or re.search(r"(?i)\b(?:was|were|had|been)\s+$", ctx.before(m.start(), 8))
        or re.match(r"\s+(?:became|\w+ed)\b", nxt)
    ):
        return None  # "soon after the vote", "was soon released": narrative, not the future
    return _cand(m, "DATE", _REFS.get(word, "PRESENT_REF"))


@rule(
    r"(?:the\s+(?P<which>end|beginning|start|middle)\s+of\s+(?:the|this)\s+(?P<unit>year|month|week|"
    r"quarter|decade|century))|(?P<unit2>year|month)[\s-]end|(?P<unit3>year)'s\s+end"
)
def _end_of(m: re.Match[str], ctx: Ctx) -> Cand | None:
    unit = (m["unit"] or m["unit2"] or m["unit3"]).lower()
    which = (m["which"] or "end").lower()
    mod = {"end": "END", "beginning": "START", "start": "START", "middle": "MID"}[which]
    value, anchored = _rel_period(ctx, unit, 0)
    return _cand(m, "DATE", value, anchored, mod=mod)


@rule(
    r"(?:that|the\s+same)\s+(?:same\s+)?(?P<unit>day|week|month|year|quarter)"
    r"|the\s+(?P<rel>following|next)\s+(?P<unit2>day|morning|evening|week|month|year)"
)
def _anaphoric(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """Dates of the narrative, not the DCT: "that day", "the following year" (resolved later)."""
    after = ctx.text[m.end() : m.end() + 12]
    if m["unit"]:
        if re.match(r"-|\s+(?:of|when|in|before|after)\b", after):
            return None  # "that day when...", "that year-end": other readings
        return _cand(m, "DATE", f"{ANAPHOR} {m['unit'].lower()} 0")
    unit = m["unit2"].lower()
    if unit in ("week", "month", "year") and m["rel"].lower() == "next":
        return None  # "the next year" is a stretch of time (see _relative)
    if re.match(r"'s|-|\s+or\b", after):
        return None
    return _cand(m, "DATE", f"{ANAPHOR} {'day' if unit in ('morning', 'evening') else unit} 1")


@rule(
    r"(?:the\s+)?(?:comparable|corresponding|same)\s+(?:quarter|period)\s+(?:of\s+)?(?:last\s+year"
    r"|a\s+year\s+(?:ago|earlier))|last\s+year's\s+(?:quarter|period)"
    r"|the\s+(?:quarter|period)\s+a\s+year\s+(?:ago|earlier)"
)
def _period_year_back(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """The reported period a year back: "the corresponding period last year", "last year's quarter"."""
    return _cand(m, "DATE", YEAR_BACK)


@rule(r"the\s+(?P<yr>(?:19|20)\d\d)(?:\s+(?:fiscal|calendar))?\s+(?P<unit>quarter|period)(?![-\w])")
def _year_period(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """The 1988 quarter, the 1989 period: that year's counterpart of the period being reported."""
    whole = m["unit"].lower() == "period" and _year_back_value(m, ctx).endswith(YEAR_BACK_WHOLE)
    return _cand(m, "DATE", m["yr"] if whole else f"{PERIOD_OF} {m['yr']}")


@rule(r"year-(?:earlier|ago)(?=\s+(?!period|quarter|\w+\s+months)\w)|(?:a|one)\s+year\s+(?:earlier|ago)")
def _year_back(m: re.Match[str], ctx: Ctx) -> Cand | None:
    return _cand(m, "DATE", _year_back_value(m, ctx))


def _year_back_value(m: re.Match[str], ctx: Ctx) -> str:
    """YEAR_BACK, marked whole-year when the sentence compares a stretch of several quarters."""
    lo, _ = ctx.sentence(m.start())
    words = list(_PERIOD_WORD.finditer(ctx.text, lo, m.start()))
    return YEAR_BACK + YEAR_BACK_WHOLE if words and words[-1]["whole"] else YEAR_BACK


# The period a results sentence talks about: a quarter, or a stretch of several quarters.
_PERIOD_WORD = re.compile(
    r"(?i)\b(?:quarter|(?P<whole>(?:nine|six)\s+months|(?:first|second)\s+half|fiscal\s+year))\b"
)


@rule(
    r"the\s+(?P<q>(?:fiscal|full|calendar|entire|whole)\s+)?year(?![-'\w])"
    r"(?!\s+(?:before|earlier|ago|after|two|\d|of|in|on|when|that|since))"
)
def _the_year(m: re.Match[str], ctx: Ctx) -> Cand | None:
    after = ctx.text[m.end() : m.end() + 12]
    if (m["q"] and "full" not in m["q"]) or re.match(r"\s+end(?:ed|ing|s)\b", after):
        return _cand(m, "DURATION", "P1Y")  # "the year ended Sept. 30": a twelve-month period
    if not re.search(r"(?i)\b(?:for|in|during|of|through|throughout)\s+$", ctx.before(m.start(), 12)):
        return None
    if ctx.dct is None:
        return _cand(m, "DATE", "XXXX", anchored=False)
    return _cand(m, "DATE", f"{ctx.dct.year:04d}")


_UNITS_W = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9}  # fmt: skip
_TENS_W = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
           "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
           "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}  # fmt: skip


@rule(
    r"(?:(?P<the>the\s+year)\s+)?(?:nineteen\s+(?P<t>ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-](?P<u>one|two|three|four|five|six|seven|eight|nine))?"
    r"|(?<=the\syear\s)two\s+thousand(?:\s+and\s+(?P<u2>one|two|three|four|five|six|seven|eight|nine))?"
    r"|(?P<tt>two\s+thousand)(?:\s+and\s+(?P<u3>one|two|three|four|five|six|seven|eight|nine)))"
)
def _spelled_year(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """Transcripts spell years out: "nineteen ninety-six", "the year two thousand"."""
    if m["t"]:
        year = 1900 + _TENS_W[m["t"].lower()] + _UNITS_W.get((m["u"] or "").lower(), 0)
    else:
        if not m["the"] and not m["u3"]:
            return None
        year = 2000 + _UNITS_W.get((m["u2"] or m["u3"] or "").lower(), 0)
    return _cand(m, "DATE", f"{year}")


RULES: Sequence[tuple[re.Pattern[str], Handler]] = tuple(_RULES)
