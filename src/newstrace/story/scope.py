"""When a claim is about: its dates, the dated words of its events, whether two dates can be the
same day (weekday-aware across dated and undated articles), and the story's own period.

Articles mix the story's event with others: background paragraphs ("a 6.7 quake killed 26,000
in Bam in December 2003"), earlier hearings, a previous outage. Facts about another event are
never set against the story's facts. A claim whose dates all fall outside the story's period
(:class:`StoryWindow`, built from the articles' own dates) is about another event; two such
claims are compared only when they date the same earlier event alike.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from newstrace.records import AnnotatedArticle, TimeExpr
from newstrace.story.claims import REPORTING, StoryClaim

__all__ = [
    "DAY",
    "WEEKDAY",
    "WEEKDAY_NAMES",
    "dates",
    "dates_disagree",
    "event_dates",
    "ClockTime",
    "clock_times",
    "event_values",
    "same_date",
    "weekday_of",
    "Scopes",
    "StoryWindow",
    "period",
    "same_scope",
    "story_window",
]

DAY = re.compile(r"^(\d{4}|XXXX)-(\d{2})-(\d{2})$")
_DATE_PART = re.compile(r"^((?:\d{4}|XXXX)(?:-\d{2}(?:-\d{2})?)?)(?:T.*)?$")
# A weekday the tagger could not anchor (an undated article's "on Monday"): XXXX-WXX-1..7.
WEEKDAY = re.compile(r"^XXXX-WXX-([1-7])(?:T.*)?$")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Words a page dates itself with ("Last updated at", "Posted on", a bare "November 11, 2011"
# line): the page's date, not an event's.
_PAGE_DATE_HEADS = {"update", "post", "publish"} | {
    m.casefold()
    for m in (*WEEKDAY_NAMES, "January", "February", "March", "April", "May", "June", "July",
              "August", "September", "October", "November", "December")
}  # fmt: skip
# Days around the articles' median date that still belong to the story's own event: a follow-up
# a week later is the same story; a hearing two months on, or last year's quake, is not.
WINDOW_BEFORE = 7
WINDOW_AFTER = 7


def dates(sc: StoryClaim) -> set[str]:
    return {v for v in sc.claim.frame.times if DAY.match(v)}


def _heads(sc: StoryClaim) -> tuple[str, ...]:
    """The dated word of each of the claim's time values ("" where the claims stage gave none)."""
    f = sc.claim.frame
    return f.time_heads if len(f.time_heads) == len(f.times) else ("",) * len(f.times)


# A page's own stamp: "Posted at 3:21 PM ET", "Updated: January 6, 2011".
_STAMP_BEFORE = re.compile(
    r"\b(?:posted|updated|published|last updated|first published)\b[\s:,-]*(?:at|on)?\s*$", re.I
)


def _stamped(sc: StoryClaim, value: str) -> bool:
    """Whether the claim's time expression with this value dates the page, not an event: after
    "Posted" or "Updated", or a date closing a short line (a headline or byline: "... sequel
    'Catching Fire' April 4, 2012")."""
    text = sc.ann.article.text
    for t in sc.ann.times:
        if t.value != value or not (sc.claim.start <= t.start < sc.claim.end):
            continue
        if _STAMP_BEFORE.search(text, max(0, t.start - 30), t.start):
            return True
        line_start = text.rfind("\n", 0, t.start) + 1
        line_end = text.find("\n", t.end)
        line_end = len(text) if line_end < 0 else line_end
        rest = text[t.end : line_end]
        # A full date ("April 4, 2012") ending a short line with no full stop: a headline's stamp.
        headline = re.fullmatch(r"[\s,;:)\]-]*", rest) and re.search(r"\b\d{4}\b", t.text)
        if headline and len(text[line_start:line_end].split()) <= 20:
            line = text[line_start : t.start]
            if not re.search(r"[.!?]\s", line):  # a headline, not a sentence's last words
                return True
    return False


def event_values(sc: StoryClaim) -> list[tuple[str, str]]:
    """(dated word, raw time value) of the claim's events: not of reporting ("said on
    Tuesday"), not the page's own stamp."""
    out = []
    for v, h in zip(sc.claim.frame.times, _heads(sc), strict=True):
        if not h or h in REPORTING or h in _PAGE_DATE_HEADS or h[:1].isdigit():
            continue
        if not _stamped(sc, v):
            out.append((h, v))
    return out


def event_dates(sc: StoryClaim) -> dict[str, set[str]]:
    """Dates of events (not of reporting: "said on Tuesday", nor the page's own stamp): dated
    word -> date values, times of day cut to their date ("2025-06-08TNI" -> "2025-06-08")."""
    out: dict[str, set[str]] = defaultdict(set)
    for h, v in event_values(sc):
        if "T" in v and _bare_clock(sc, v):
            continue  # "around 11 p.m.": the day is the page's guess, not the writer's word
        m = _DATE_PART.match(v)
        if m:
            out[h].add(m.group(1))
        elif w := WEEKDAY.match(v):
            out[h].add(f"XXXX-WXX-{w.group(1)}")
    return out


def times_in(sc: StoryClaim) -> list[TimeExpr]:
    """The article's time expressions that start inside the claim (the stage gives them in text
    order: found by bisection, not by a scan of the whole article per claim)."""
    times = sc.ann.times
    lo = bisect.bisect_left(times, sc.claim.start, key=lambda t: t.start)
    hi = bisect.bisect_left(times, sc.claim.end, key=lambda t: t.start)
    return list(times[lo:hi])


# A time of day in a TIMEX value ("2025-02-22T16:52", "XXXX-XX-XXT21:30").
_CLOCK = re.compile(r"T(\d\d):(\d\d)$")
# The zone a clock time is given in, inside its words or right after them: "21:52 UTC", "5:30
# p.m. EDT", "4:52 p.m. local time" (not the "(1330 GMT)" restating it).
_ZONE = re.compile(r"\b(?-i:(GMT|UTC|[A-Z]{1,3}T))\b|\b(local time)\b", re.I)
_ZONE_AFTER = re.compile(r"\s*(?:(?-i:(GMT|UTC|[A-Z]{1,3}T))\b|(local time)\b)", re.I)
# What the words before a clock time (or at the head of its expression) make of it, as minutes
# it may lie before and after the time written: a bound ("shortly after 6 p.m.": from 6 to half
# an hour after), an approximation ("about 9:30"), or nothing (the written minute, give or take
# rounding).
_CLOCK_WORDS = (
    (re.compile(r"\b(?:shortly|just|soon)\s+after\s+$", re.I), (0, 30)),
    (re.compile(r"\b(?:shortly|just)\s+before\s+$", re.I), (30, 0)),
    (re.compile(r"\bafter\s+$", re.I), (0, 180)),
    (re.compile(r"\bbefore\s+$", re.I), (180, 0)),
    (re.compile(r"\b(?:about|around|approximately|roughly|some|circa|nearly|almost)\s+$", re.I), (30, 30)),
)
# A limit, not the time it happened: "by 5 p.m.", "until 9 p.m.", "from 6 p.m.".
_CLOCK_LIMIT = re.compile(r"\b(?:by|until|till|from|since|through|within|no later than)\s+$", re.I)
_DAY_MINUTES = 24 * 60


@dataclass(frozen=True, slots=True)
class ClockTime:
    """A clock time of an event as its words allow it: minutes of the day from ``earliest`` to
    ``latest`` (either may run past midnight), in ``zone`` ("local" unless one is named)."""

    earliest: int
    latest: int
    zone: str
    expr: TimeExpr

    def overlaps(self, other: ClockTime) -> bool:
        """Whether the two can be the same moment, the day before or after included ("11:50
        p.m." / "12:10 a.m.")."""
        return any(
            self.earliest <= other.latest + shift and other.earliest + shift <= self.latest
            for shift in (-_DAY_MINUTES, 0, _DAY_MINUTES)
        )


def clock_times(sc: StoryClaim) -> dict[str, list[ClockTime]]:
    """The claim's clock times of events by the word they date (not of reporting, nor the page's
    own stamp). A time in brackets after another ("4:52 p.m. local time (2152 GMT)") restates it
    in another zone and is left out, as are limits ("by 5 p.m.")."""
    text = sc.ann.article.text
    out: dict[str, list[ClockTime]] = defaultdict(list)
    inside = times_in(sc)
    seen: set[int] = set()
    for h, v in event_values(sc):
        m = _CLOCK.search(v)
        part = None if m else _DAY_PARTS.get(v[-3:])
        if not m and part is None:
            continue
        t = next((t for t in inside if t.value == v and t.start not in seen), None)
        if t is None:
            continue
        seen.add(t.start)
        if m is None:
            if part and not _CLOCK_LIMIT.search(text[max(sc.claim.start, t.start - 24) : t.start]):
                out[h].append(ClockTime(part[0], part[1], "local", t))
            continue
        digit = next((k for k, ch in enumerate(t.text) if ch.isdigit()), 0)
        # The words before the figure, the expression's own head ("about 9:30 p.m.") included.
        lead = text[max(sc.claim.start, t.start - 24) : t.start] + t.text[:digit]
        if re.search(r"\(\s*$", lead) or _CLOCK_LIMIT.search(lead) or t.mod in ("BEFORE", "AFTER"):
            continue
        minute = int(m.group(1)) * 60 + int(m.group(2))
        # Rounding: a written minute is within 10 of the event's, a whole hour within 20.
        before, after = (10, 10) if minute % 60 else (20, 20)
        if t.mod == "APPROX":
            before, after = 30, 30
        for words, (lo, hi) in _CLOCK_WORDS:
            if words.search(lead):
                before, after = lo, hi
                break
        zone = _ZONE.search(t.text[digit:]) or _ZONE_AFTER.match(text, t.end)
        name = (zone.group(1) or "local").casefold() if zone else "local"
        out[h].append(ClockTime(minute - before, minute + after, "utc" if name == "gmt" else name, t))
    return out


# A part of the day as minutes from midnight, generous at the edges ("late morning" may be noon;
# "early Sunday morning" is often 2 a.m.): morning, afternoon, evening, night (past midnight).
_DAY_PARTS = {"TMO": (0, 12 * 60 + 30), "TAF": (11 * 60 + 30, 18 * 60 + 30), "TEV": (16 * 60 + 30, 23 * 60),
              "TNI": (19 * 60, 30 * 60)}  # fmt: skip


# A clock time written with no day: "4:52 p.m.", "around 11 p.m. local time", "21:52 UTC".
_BARE_CLOCK = re.compile(
    r"(?:about|around|approximately|roughly|some|shortly|just|after|before|at|\s)*"
    r"\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?\s?m\.?|h(?:ours|rs)?)?(?:\s*(?:local time|[A-Z]{2,4}))?\.?",
    re.I,
)


def _bare_clock(sc: StoryClaim, value: str) -> bool:
    """The claim's time expressions of this value are clock times alone, with no word for the
    day: the tagger gave them the page's day."""
    texts = [t.text for t in times_in(sc) if t.value == value]
    return bool(texts) and all(_BARE_CLOCK.fullmatch(x.strip()) for x in texts)


def dates_disagree(x: str, y: str) -> bool:
    """Two event dates that cannot both be right: an unanchored weekday against another weekday
    or a full date on another day of the week; otherwise two values of the same precision. A
    coarser date ("2025-05") says nothing against a finer one."""
    if WEEKDAY.match(x) or WEEKDAY.match(y):
        return not same_date(x, y)
    return len(x) == len(y) and not same_date(x, y)


def same_date(x: str, y: str) -> bool:
    """Could be the same day: XXXX-05-21 and 2025-05-21 agree, and so do an unanchored
    "Wednesday" (XXXX-WXX-3) and 2025-05-21, a Wednesday."""
    if WEEKDAY.match(x) or WEEKDAY.match(y):
        wx, wy = weekday_of(x), weekday_of(y)
        return wx is None or wy is None or wx == wy
    # Parts known on both sides must agree; a coarser value ("2025-04") agrees with a finer one.
    return all(p == q or "X" in p or "X" in q for p, q in zip(x.split("-"), y.split("-"), strict=False))


def weekday_of(v: str) -> str | None:
    """ISO weekday ("1" = Monday) of an unanchored weekday or of a full date; None when the
    value does not fix one ("2025-05", "XXXX-05-21")."""
    if w := WEEKDAY.match(v):
        return w.group(1)
    m = DAY.match(v)
    if m is None or "X" in v:
        return None
    try:
        return str(dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoweekday())
    except ValueError:  # an impossible date the tagger still produced ("2025-02-30")
        return None


def period(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day of an anchored TIMEX3 date value ("2003-12", "2025-05-20T14:00",
    "2005"); None for unanchored, relative or unparseable values."""
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T.*)?$", value)
    if m is None:
        return None
    y = int(m.group(1))
    try:
        if m.group(3):
            d = dt.date(y, int(m.group(2)), int(m.group(3)))
            return d, d
        if m.group(2):
            mo = int(m.group(2))
            first = dt.date(y, mo, 1)
            nxt = dt.date(y + (mo == 12), mo % 12 + 1, 1)
            return first, nxt - dt.timedelta(days=1)
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class StoryWindow:
    """The days the story's own event and its aftermath fall in; None ends are open."""

    start: dt.date | None = None
    end: dt.date | None = None

    def outside(self, value: str) -> bool:
        """Whether an anchored date value lies wholly outside the window."""
        if self.start is None or self.end is None:
            return False
        if value.startswith("XXXX-") and re.match(r"^XXXX-\d{2}", value):
            # An undated article's "April 26": outside if it is outside in every year the window touches.
            years = range(self.start.year, self.end.year + 1)
            periods = [period(f"{y}{value[4:]}") for y in years]
            return all(p is not None and (p[1] < self.start or p[0] > self.end) for p in periods)
        p = period(value)
        if p is None:
            return False
        return p[1] < self.start or p[0] > self.end


def story_window(anns: Sequence[AnnotatedArticle]) -> StoryWindow:
    """The story's period: around the median of the articles' own dates (a late follow-up does
    not stretch it). Open when no article is dated."""
    pubs = sorted(a.article.published for a in anns if a.article.published)
    if not pubs:
        return StoryWindow()
    mid = pubs[(len(pubs) - 1) // 2]
    return StoryWindow(mid - dt.timedelta(days=WINDOW_BEFORE), mid + dt.timedelta(days=WINDOW_AFTER))


def _dated(sc: StoryClaim) -> list[str]:
    """The claim's anchored date values, the page's own date lines left out."""
    return [
        v
        for v, h in zip(sc.claim.frame.times, _heads(sc), strict=True)
        if h not in _PAGE_DATE_HEADS and (period(v) or re.match(r"^XXXX-\d{2}", v))
    ]


def _event_days(sc: StoryClaim) -> set[str]:
    """Anchored days the claim's events are dated to (not report dates or page dates)."""
    return {v for vals in event_dates(sc).values() for v in vals if DAY.match(v) and not v.startswith("X")}


def out_of_window(sc: StoryClaim, window: StoryWindow) -> bool:
    """A claim about another event: it is dated, and every date it gives is outside the window."""
    vals = _dated(sc)
    return bool(vals) and all(window.outside(v) for v in vals)


# A claim that opens with a pronoun goes on about what the claim before it was about ("A quake
# hit Zarand in February. It killed 612 people.").
_CONTINUES = re.compile(r"^\W*(?:it|they|this|that|these|those|he|she)\b", re.I)


# How news dates the story's own event: by weekday or "today" (an undated page's "on Friday" is
# XXXX-WXX-5, its "today" XXXX-XX-XX). Style books (AP, Reuters) keep the weekday for the week
# around the report and write the month ("in January", "in September 2003") or the year for
# anything older, so on pages that carry no date of their own, a claim dated only by a month or a
# year while the story's articles date its event by weekday is about another, earlier event.
_NEAR = re.compile(r"^(?:XXXX-WXX-[1-7]|XXXX-XX-XX)(?:T.*)?$|^PRESENT_REF$")
_FAR = re.compile(r"^(?:XXXX-\d{2}|\d{4}(?:-\d{2})?)$")
# Articles that must date an event by weekday or "today" before the dating style says anything.
NEAR_ARTICLES = 2


def _far_dated(sc: StoryClaim) -> bool:
    """Dated by a month or a year only (the page's own stamps and reporting dates left out)."""
    vals = [_DATE_PART.sub(r"\1", v) for _, v in event_values(sc)]
    return not any(_NEAR.match(v) for v in vals) and any(_FAR.match(v) for v in vals)


def _near_dated(sc: StoryClaim) -> bool:
    return any(_NEAR.match(v) for _, v in event_values(sc))


class Scopes:
    """Which claims of a story are about another event than the story's: dated outside the
    window, or (undated) going on from a claim that is. When no article carries its own date
    (the window is open), by the dating style: a claim dated by a month or a year alone, in a
    story whose articles date the event by weekday, is about another event."""

    def __init__(self, claims: Sequence[StoryClaim], window: StoryWindow) -> None:
        self.window = window
        self._out: dict[int, bool] = {}
        self._dated_out: dict[int, bool] = {}  # by the window alone, not by the dating style
        self._dates: dict[int, list[str]] = {}
        prev: dict[str, tuple[bool, bool, list[str]]] = {}
        by_style = window.start is None and (
            len({sc.ref.article for sc in claims if _near_dated(sc)}) >= NEAR_ARTICLES
        )
        for sc in claims:
            dated_out, dated = out_of_window(sc, window), _dated(sc)
            out = dated_out or (by_style and _far_dated(sc))
            if not out and not dated and _CONTINUES.match(sc.claim.text):
                out, dated_out, dated = prev.get(sc.ref.article, (False, False, []))
            self._out[id(sc)] = out
            self._dated_out[id(sc)] = dated_out
            self._dates[id(sc)] = dated
            prev[sc.ref.article] = (out, dated_out, dated)
        # The story's main day: the event day most articles give (each article counted once).
        votes: dict[str, set[str]] = defaultdict(set)
        for sc in claims:
            for v in _event_days(sc):
                votes[v].add(sc.ref.article)
        self.main_day = max(sorted(votes), key=lambda v: len(votes[v])) if votes else None

    def off_day(self, a: StoryClaim, b: StoryClaim) -> bool:
        """One claim tells of a day other than the story's main day and the other gives no time
        at all: the first one's figure may be another day's event (an aftershock on Monday, not
        Sunday's quake)."""
        if self.main_day is None:
            return False
        for x, y in ((a, b), (b, a)):
            dx = _event_days(x)
            if dx and self.main_day not in dx and not y.claim.frame.times:
                return True
        return False

    def outside(self, sc: StoryClaim) -> bool:
        out = self._out.get(id(sc))
        return out_of_window(sc, self.window) if out is None else out

    def outside_window(self, sc: StoryClaim) -> bool:
        """Dated outside the story's window (or going on from a claim that is), leaving the
        dating style aside: what corroboration asks. "In 2004, Gomes was charged with stealing
        his sister's guitar" and an undated "he was accused of stealing her guitar" state one
        earlier fact; the style only keeps such claims from being set against the story's own."""
        out = self._dated_out.get(id(sc))
        return out_of_window(sc, self.window) if out is None else out

    def overlap(self, a: StoryClaim, b: StoryClaim) -> bool:
        """Whether the two claims' dates (their own, or those of the claim they go on from) can
        be the same time: an undated side says nothing against it."""
        da, db = self._dates.get(id(a)), self._dates.get(id(b))
        da = _dated(a) if da is None else da
        db = _dated(b) if db is None else db
        if not da or not db:
            return True
        pa = [p for v in da if (p := period(v))]
        pb = [p for v in db if (p := period(v))]
        if not pa or not pb:
            return True
        return any(x[0] <= y[1] and y[0] <= x[1] for x in pa for y in pb)

    def same(self, a: StoryClaim, b: StoryClaim) -> bool:
        return same_scope(a, b, self.window, self.outside(a), self.outside(b))


def same_scope(
    a: StoryClaim, b: StoryClaim, window: StoryWindow, oa: bool | None = None, ob: bool | None = None
) -> bool:
    """Whether two claims may speak of one event: both about the story's own period, or both
    about an earlier or later one (the same renovation, the same past quake; which one is left to
    the conflict rules). A claim told as background is not set against the story's report."""
    oa = out_of_window(a, window) if oa is None else oa
    ob = out_of_window(b, window) if ob is None else ob
    if oa != ob:
        return False
    if oa:
        return True
    return (a.claim.kind == "background") == (b.claim.kind == "background")
