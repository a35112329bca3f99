"""Calendar arithmetic and tense cues used to turn matched words into TIMEX3 values.

Nothing here reads the clock: every relative value is computed from the document creation time
(DCT) handed in by the caller, or left with ``X`` placeholders when there is none.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

Tense = Literal["past", "future"] | None

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "thousand": 1000, "dozen": 12, "single": 1,
}  # fmt: skip
VAGUE_NUMBERS = {"few", "several", "some", "many", "numerous", "couple", "multiple", "various"}

MONTHS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    "last": 4, "final": 4,
}  # fmt: skip
# TIMEX3 unit letters; decades/centuries/millennia use the TimeBank letters E, C, L.
UNIT_LETTER: dict[str, str] = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
    "weekend": "WE", "month": "M", "quarter": "Q", "year": "Y", "decade": "E", "century": "C",
    "centurie": "C", "millennium": "L", "millennia": "L", "fortnight": "W",
}  # fmt: skip
PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}


def month_num(word: str) -> int:
    return MONTHS[word.lower()[:3]]


def weekday_num(word: str) -> int:
    return WEEKDAYS[word.lower()[:3]]


def parse_number(word: str) -> float | None:
    """``"two"`` -> 2, ``"twenty-four"`` -> 24, ``"2 1/2"`` -> 2.5, ``"several"`` -> None."""
    w = word.lower().replace(",", "").strip()
    if not w:
        return None
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?:[\s-]+(\d)/(\d))?", w)
    if m:
        v = float(m[1])
        if m[2]:
            v += int(m[2]) / int(m[3])
        return v
    half = 0.0
    if w.endswith(" and a half") or w.endswith("-and-a-half"):
        half, w = 0.5, w[: -len(" and a half")]
    total = 0.0
    for part in re.split(r"[\s-]+", w):
        if part in ("and", "of"):
            continue
        if part in ("hundred", "thousand"):
            total = max(total, 1.0) * NUMBER_WORDS[part]
        elif part in NUMBER_WORDS:
            total += NUMBER_WORDS[part]
        else:
            return None
    return total + half if total else None


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration: ``P3D``, ``PT4H``, ``P2Y6M`` (halves spill into the smaller unit)."""
    letter = UNIT_LETTER.get(unit, "X")
    t = "T" if letter in ("H", "S") or (letter == "M" and unit == "minute") else ""
    if n is None:
        return f"P{t}X{letter}"
    whole = int(n)
    frac = n - whole
    if frac and unit in ("year", "hour", "day", "minute"):
        smaller = {"year": (12, "M", ""), "hour": (60, "M", "T"), "day": (24, "H", "T"),
                   "minute": (60, "S", "T")}[unit]  # fmt: skip
        part = round(frac * smaller[0])
        first = f"{whole}{letter}" if whole else ""
        if t:
            return f"PT{first}{part}{smaller[1]}"
        return f"P{first}{smaller[2]}{part}{smaller[1]}"
    if letter == "E" and whole:
        return f"P{whole * 10}Y"
    if letter == "C" and whole:
        return f"P{whole * 100}Y"
    return f"P{t}{whole if whole else n}{letter}"


def iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


def shift_date(d: dt.date, n: int, unit: str) -> dt.date:
    """``d`` moved by ``n`` units (negative: back). Month arithmetic clamps the day."""
    if unit in ("day", "night"):
        return d + dt.timedelta(days=n)
    if unit in ("week", "fortnight"):
        return d + dt.timedelta(weeks=n * (2 if unit == "fortnight" else 1))
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}.get(unit, 0) * n
    y, m = add_months(d.year, d.month, months)
    day = min(d.day, [31, 29 if _leap(y) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1])
    return dt.date(y, m, day)


def _leap(y: int) -> bool:
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def date_at_granularity(d: dt.date, unit: str) -> str:
    """The value naming the ``unit``-sized period that contains ``d``."""
    if unit in ("day", "night"):
        return d.isoformat()
    if unit in ("week", "fortnight"):
        return iso_week(d)
    if unit == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "quarter":
        return f"{d.year:04d}-Q{quarter_of(d)}"
    if unit == "decade":
        return f"{d.year // 10:03d}X"
    if unit == "century":
        return f"{d.year // 100:02d}"
    return f"{d.year:04d}"


def weekday_date(dct: dt.date, weekday: int, tense: Tense, *, strict: bool = False) -> dt.date:
    """The weekday nearest the DCT in the direction of ``tense``.

    Past (and no tense): the most recent such day on or before the DCT; future: the next one on or
    after it. ``strict`` excludes the DCT itself ("last Friday" said on a Friday is a week ago).
    """
    diff = (dct.weekday() - weekday) % 7
    if tense == "future":
        ahead = (weekday - dct.weekday()) % 7
        if strict and ahead == 0:
            ahead = 7
        return dct + dt.timedelta(days=ahead)
    if strict and diff == 0:
        diff = 7
    return dct - dt.timedelta(days=diff)


def place_month_day(dct: dt.date, month: int, day: int, tense: Tense) -> int | None:
    """Year for a month-day without one: past -> on/before DCT, future -> on/after, else nearest."""
    cands: list[tuple[int, dt.date]] = []
    for y in (dct.year - 1, dct.year, dct.year + 1):
        try:
            cands.append((y, dt.date(y, month, day)))
        except ValueError:
            continue
    if not cands:
        return None
    nearest = min(cands, key=lambda c: abs((c[1] - dct).days))
    pick = nearest
    if tense == "past":
        before = [c for c in cands if c[1] <= dct]
        pick = before[-1] if before else cands[0]
    elif tense == "future":
        after = [c for c in cands if c[1] >= dct]
        pick = after[0] if after else cands[-1]
    # The tense wins unless it points most of a year away while the other reading is weeks away
    # ("payable Dec. 7" in a past-tense sentence dated October is this December).
    if abs((pick[1] - dct).days) > 300 and abs((nearest[1] - dct).days) < 60:
        pick = nearest
    return pick[0]


def place_month(dct: dt.date, month: int, tense: Tense) -> int:
    """Year for a bare month name, by the same rule at month granularity."""
    if month == dct.month:
        return dct.year
    if tense == "past":
        y = dct.year if month < dct.month else dct.year - 1
        if (dct.month - month) % 12 > 10:
            return dct.year + 1 if month < dct.month else dct.year  # next month, not 11 months back
        return y
    if tense == "future":
        y = dct.year if month > dct.month else dct.year + 1
        if (month - dct.month) % 12 > 10:
            return dct.year if month < dct.month else dct.year - 1
        return y
    diff = month - dct.month
    if diff > 6:
        return dct.year - 1
    if diff < -6:
        return dct.year + 1
    return dct.year


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month = (h + el - 7 * m + 114) // 31
    day = (h + el - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ``weekday`` of a month; ``n == -1`` is the last one."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    y, m = add_months(year, month, 1)
    last = dt.date(y, m, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


# Tense cues: the nearest cue to an expression, within its sentence, decides its direction.
_FUTURE_CUE = (
    r"will|won't|wo|'ll|shall|would|going\s+to|(?:is|are)\s+to|(?:expected|scheduled|set|due|slated|"
    r"planned|planning|poised|likely|plans?|intends?|intended|hopes?|hoped|aims?|aimed)\s+to|upcoming|next(?!\s+to\b)|"
    r"tomorrow|as\s+soon\s+as|(?P<weak>scheduled|payable|effective|expires?|expiring|deadline|record)"
)
_PAST_CUE = (
    r"said|says|told|was|were|had|did|ago|last|earlier|yesterday|previously|been|"
    r"met|made|took|gave|came|went|held|began|left|won|lost|sold|bought|fell|rose|hit|found|saw|got|"
    r"paid|put|cut|led|ran|shot|spoke|wrote|became|brought|thought|knew|struck|sent|spent|"
    r"broke|chose|drove|fled|flew|fought|meant|rang|sank|stood|stole|swore|tore|threw|woke|wore|"
    r"\w{2,}[^e\s]ed|\w{2,}ied|\w+ated|\w+ized"
)
_CUE_RE = re.compile(rf"(?i)\b(?:(?P<fut>{_FUTURE_CUE})|(?P<past>{_PAST_CUE}))\b")
# Words that point forward only when they come right before the expression ("by Friday").
_FUTURE_ADJACENT = re.compile(
    r"(?i)\b(?:by|until|till|through|starting|as\s+(?:soon|early)\s+as)\s+(?:on\s+|at\s+)?$"
)
_PASSIVE_BEFORE = re.compile(r"(?i)\bbe(?:ing)?\s+$")
_ATTRIBUTIVE_BEFORE = re.compile(
    r"(?i)\b(?:the|a|an|its|their|his|her|our|these|those|with|without)\s+(?:(?:still|as\s+yet|newly|previously)\s+)?$"
)
_PAST_PERFECT_BEFORE = re.compile(r"(?i)\bhad\s+been\s+$")
_CLAUSE_BREAK = re.compile(r"[,;\u2014]|\s-\s")
_NOT_PAST = {"need", "indeed", "speed", "united", "red", "bed", "hundred", "proceed", "seed", "feed"}


def detect_tense(text: str, start: int, end: int, lo: int, hi: int, *, weak: bool = True) -> Tense:
    """Direction of the clause around ``text[start:end]`` within the sentence ``[lo, hi)``.

    The cue closest to the expression wins ("said Tuesday it will..." is past: "said" is nearer).
    ``weak`` admits the calendar words of business copy ("payable", "effective", "expires"): they
    point forward for dates ("payable Dec. 7") but mislead on weekdays ("had been due to expire
    Friday").
    """
    adjacent = _FUTURE_ADJACENT.search(text, max(lo, start - 25), start) is not None
    best: tuple[int, Tense, str] | None = None
    lo = max(lo, start - 150)
    hi = min(hi, end + 150)
    for m in _CUE_RE.finditer(text, lo, hi):
        if start <= m.start() < end:
            continue
        word = m.group(0).lower()
        if not weak and m.group("weak"):
            continue
        if m.lastgroup == "past" and word in _NOT_PAST:
            continue
        if m.lastgroup == "past" and _ATTRIBUTIVE_BEFORE.search(text, max(lo, m.start() - 24), m.start()):
            continue  # "the proposed sale", "an unspecified date": an adjective, not a verb
        if (
            m.lastgroup == "past"
            and word not in ("been", "was", "were", "had", "did")
            and _PASSIVE_BEFORE.search(text, max(lo, m.start() - 8), m.start())
        ):
            continue  # "to be adopted", "will be held": a participle, not the past tense
        tense: Tense = "future" if m.lastgroup == "fut" else "past"
        if tense == "future" and _PAST_PERFECT_BEFORE.search(text, max(lo, m.start() - 12), m.start()):
            tense = "past"  # "had been due to expire Friday": a plan that is over
        dist = start - m.end() if m.end() <= start else m.start() - end
        # A cue before the expression binds a little more tightly than one after it, and one
        # after a clause break belongs to another clause ("will visit on Friday, her office said").
        if m.end() > start:
            dist += 40 if _CLAUSE_BREAK.search(text, end, m.start()) else 5
        if best is None or dist < best[0]:
            best = (dist, tense, word)
    if adjacent and not (best and best[1] == "past" and best[2] in ("had", "was", "were")):
        return "future"  # "until Thursday", unless the clause is past ("until Thursday, they had not")
    return best[1] if best else None
