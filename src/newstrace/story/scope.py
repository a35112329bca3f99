"""When a claim is about: its dates, the dated words of its events, and whether two dates can be
the same day (weekday-aware across dated and undated articles)."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

from newstrace.story.claims import REPORTING, StoryClaim

__all__ = [
    "DAY",
    "WEEKDAY",
    "WEEKDAY_NAMES",
    "dates",
    "dates_disagree",
    "event_dates",
    "same_date",
    "weekday_of",
]

DAY = re.compile(r"^(\d{4}|XXXX)-(\d{2})-(\d{2})$")
_DATE_PART = re.compile(r"^((?:\d{4}|XXXX)(?:-\d{2}(?:-\d{2})?)?)(?:T.*)?$")
# A weekday the tagger could not anchor (an undated article's "on Monday"): XXXX-WXX-1..7.
WEEKDAY = re.compile(r"^XXXX-WXX-([1-7])(?:T.*)?$")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def dates(sc: StoryClaim) -> set[str]:
    return {v for v in sc.claim.frame.times if DAY.match(v)}


def event_dates(sc: StoryClaim) -> dict[str, set[str]]:
    """Dates of events (not of reporting: "said on Tuesday"): dated word -> date values, times
    of day cut to their date ("2025-06-08TNI" -> "2025-06-08")."""
    f = sc.claim.frame
    heads = f.time_heads if len(f.time_heads) == len(f.times) else ("",) * len(f.times)
    out: dict[str, set[str]] = defaultdict(set)
    for v, h in zip(f.times, heads, strict=True):
        if not h or h in REPORTING or h[:1].isdigit():
            continue
        m = _DATE_PART.match(v)
        if m:
            out[h].add(m.group(1))
        elif w := WEEKDAY.match(v):
            out[h].add(f"XXXX-WXX-{w.group(1)}")
    return out


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
