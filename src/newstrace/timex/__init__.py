"""Rule-based English time-expression tagging with TIMEX3 normalization (pure ``re``, no parser).

``tag_times(text, dct)`` finds dates, times, durations and sets and gives each a TIMEX3 value
relative to the document creation time (DCT). Conventions (news reading, after HeidelTime):

- Absolute dates keep their value: "April 26, 2025" -> ``2025-04-26``, "August 2024" ->
  ``2024-08``, "1998" -> ``1998``, "the 1990s" -> ``199X``, "the 20th century" -> ``19``.
- Tense decides direction. The tense of an expression is the nearest cue word within its sentence:
  "will", "is to", "is expected to", "next"... mean future; "said", "was", "ago", past-tense
  verbs mean past ("the proposed sale", "an unspecified date": a participle after a determiner is
  an adjective, no cue); "by", "until", "as early as" right before it point forward. A bare
  weekday resolves to the most recent such day on or before the DCT in past narration (the DCT
  itself when it is that weekday) and to the next one on or after it in future; "last Friday"/
  "next Friday" exclude the DCT itself. A month-day without a year goes to the year that fits
  the tense (past: on/before the DCT; future: on/after; no cue: nearest), likewise a bare month
  ("in March") and a season.
- Deictic and relative: "today" is the DCT, "yesterday"/"tomorrow" +-1 day, "tonight" the DCT's
  night (``...TNI``), "last month" the previous calendar month, "next week" the next ISO week
  (``2025-W22``), "this year" the DCT's year, "two days ago" a date, "five months ago" a month,
  "a year earlier" one year back (in a results story that talks of quarters, the quarter one
  year back: ``1988-Q3``; the quarter leaned on is the latest completed one mentioned, never an
  outlook such as "the third quarter of 1990"; after "the nine months"/"the first half" in the
  same sentence, the year back: ``1988``), "the quarter"/"the latest quarter" the last completed
  quarter, "the 1988 quarter"/"the 1988 period" that year's reported quarter (``1988-Q3``).
- Anaphoric: "that day", "later that year", "the following month", "the next morning" lean on the
  last date the text mentioned, not on the DCT ("June 1998 ... later that year" -> ``1998``), as
  do a bare clock time or "mid-afternoon" in past narration ("was shot at 10 p.m."). "the week of
  March 6" is that day's ISO week; "the corresponding period last year" a year-back period.
- Durations: "three days" ``P3D``, "the past three years" ``P3Y``, "2 1/2 years" ``P2Y6M``,
  "four hours" ``PT4H``, "several years" ``PXY``, adjectival "five-year" ``P5Y``.
- Vague: "now", "currently", "current" ``PRESENT_REF``; "recently", "the past" ``PAST_REF``;
  "soon", "the future", "will one day" ``FUTURE_REF``; "for years" ``PXY``.
- Sets: "daily" ``P1D``, "every week" ``P1W``, "$5 a year" ``P1Y``, "every Thursday"
  ``XXXX-WXX-4``.
- Modifiers widen the span and set ``mod``: early/beginning -> START, late/end -> END, mid ->
  MID, about/around -> APPROX, nearly/almost/less than -> LESS_THAN, more than/over ->
  MORE_THAN, at least -> EQUAL_OR_MORE, up to/at most -> EQUAL_OR_LESS.
- Spans follow TimeBank: leading prepositions ("on", "in") and a possessive "'s" are excluded.
- Without a DCT, every part that needed it stays ``X`` (``XXXX-04-26``, ``XXXX-WXX-2`` for
  "Tuesday", ``XXXX-XX`` for "last month") and ``anchored`` is false; absolute dates,
  durations and the ``*_REF`` values stay anchored.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from newstrace.records import TimeExpr
from newstrace.timex import normalize as N
from newstrace.timex.rules import ANAPHOR, PERIOD_OF, RULES, YEAR_BACK, YEAR_BACK_WHOLE, Cand, Ctx

__all__ = ["tag_times"]

_SENT_BREAK = re.compile(r"(?<=[.!?])[\"')\]\u201d\u2019]*\s+(?=[\"'(\[\u201c\u2018]?[A-Z0-9])|\n\s*\n")

_MOD_PREFIX = re.compile(
    r"(?i)(?:(?<![\w-])(?P<m>early|late|mid|the\s+(?:beginning|start|end|middle)\s+of|(?:the\s+)?end\s+of"
    r"|earlier|later|about|around|approximately|roughly|some|nearly|almost|more\s+than|over"
    r"|less\s+than|under|at\s+least|at\s+most|up\s+to|no\s+more\s+than|fewer\s+than"
    r"|at\s+the\s+(?:start|end|beginning)\s+of)[\s-]+|(?<![\w-])mid-)$"
)
_MOD_VALUE = {
    "early": "START", "beginning": "START", "start": "START", "earlier": "START",
    "late": "END", "end": "END", "later": "END", "mid": "MID", "middle": "MID",
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN",
    "under": "LESS_THAN", "fewer than": "LESS_THAN", "more than": "MORE_THAN", "over": "MORE_THAN",
    "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
}  # fmt: skip
# Point modifiers (START/END/MID) only make sense on dates; amount modifiers on lengths and offsets.
_POINT_MODS = {"START", "END", "MID"}
_COUNT_START = re.compile(
    r"\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|a|an|twenty|thirty|forty"
    r"|fifty|hundred)\b"
)
_QUARTER_VALUE = re.compile(r"^(\d{4})-(Q\d|H\d)$")


def _split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = start
    for m in _SENT_BREAK.finditer(text, start, end):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    return out


def _apply_prefix(c: Cand, text: str) -> None:
    """Widen ``c`` over a modifier word before it ("early", "about") and set ``mod``."""
    m = _MOD_PREFIX.search(text, max(0, c.start - 30), c.start)
    if not m:
        return
    word = re.sub(r"\s+", " ", (m["m"] or "mid").lower())
    key = word.split()[-2] if word.endswith(" of") and len(word.split()) >= 3 else word
    key = "end" if word == "end of" else key
    mod = _MOD_VALUE.get(key)
    if mod is None:
        return
    head = text[c.start : c.end].lower()
    if c.value.endswith("_REF"):
        return
    if mod in _POINT_MODS:
        if c.type not in ("DATE", "TIME") or c.value.endswith("_REF"):
            return
        if word in ("earlier", "later") and not re.match(
            r"(?:this|last|next|that|yesterday|today|tonight)\b", head
        ):
            return
    else:
        if c.type == "SET":
            return
        if word in ("some", "over") and not _COUNT_START.match(head):
            return
    c.start = m.start()
    c.mod = mod


_MONTHLIKE = re.compile(r"^(?:\d{4}|XXXX)-(\d\d|SP|SU|FA|WI)$")
_BETWEEN_MONTH_YEAR = re.compile(r"\s+(?:of\s+)?")


def _merge_month_year(cands: list[Cand], text: str) -> list[Cand]:
    """Join a month or season with a year that a separate rule found right after it
    ("January nineteen ninety-seven", "the winter of 1994")."""
    out: list[Cand] = []
    for c in cands:
        prev = out[-1] if out else None
        if (
            prev is not None
            and c.type == "DATE"
            and prev.type == "DATE"
            and re.fullmatch(r"\d{4}", c.value)
            and (mm := _MONTHLIKE.match(prev.value))
            and _BETWEEN_MONTH_YEAR.fullmatch(text, prev.end, c.start)
        ):
            prev.end, prev.value, prev.anchored = c.end, f"{c.value}-{mm[1]}", True
            continue
        out.append(c)
    return out


def _anchor_rank(qm: re.Match[str], dct: dt.date | None) -> tuple[int, int, int] | None:
    """How good a quarter or half value is as the reported period: a completed one beats the
    DCT's own, a later one an earlier one; None for one still ahead at the DCT (an outlook)."""
    year, part = int(qm[1]), qm[2]
    end = int(part[1]) * (3 if part[0] == "Q" else 6)
    if dct is None:
        return (1, year, end)
    own_end = (N.quarter_of(dct) * 3) if part[0] == "Q" else ((dct.month - 1) // 6 + 1) * 6
    if (year, end) > (dct.year, own_end):
        return None
    return (int((year, end) < (dct.year, own_end)), year, end)


def _resolve_year_back(c: Cand, dct: dt.date | None, anchor: str | None) -> None:
    if c.value.endswith(YEAR_BACK_WHOLE):  # "for the nine months ..., up from ... a year earlier"
        anchor = None
    if anchor is not None:
        qm = _QUARTER_VALUE.match(anchor)
        if qm:
            c.value = f"{int(qm[1]) - 1:04d}-{qm[2]}"
            return
    if dct is None:
        c.value, c.anchored = "XXXX", False
    else:
        c.value = f"{dct.year - 1:04d}"


_ANCHOR_VALUE = re.compile(r"^(\d{4})(?:-(?:(\d\d)(?:-(\d\d))?|Q(\d)|W(\d\d)))?(?:T|$)")


def _resolve_anaphor(c: Cand, dct: dt.date | None, last: str | None) -> None:
    """Give "that day", "the following year" the value of the last date mentioned, shifted."""
    _, unit, delta_s, *rest = c.value.split()
    delta = int(delta_s)
    if rest and not re.match(r"\d{4}-\d\d-\d\d", last or ""):
        last = None  # a clock time needs a whole day to lean on; else the DCT
    _resolve_anaphor_date(c, unit, delta, dct, last)
    if rest:  # a clock time on that day
        c.value = f"{c.value}{rest[0]}"


def _resolve_anaphor_date(c: Cand, unit: str, delta: int, dct: dt.date | None, last: str | None) -> None:
    m = _ANCHOR_VALUE.match(last or "")
    if m is None:
        if dct is None:
            c.value, c.anchored = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX",
                                   "quarter": "XXXX-QX"}.get(unit, "XXXX"), False  # fmt: skip
            return
        m = _ANCHOR_VALUE.match(dct.isoformat())
        assert m is not None
    year = int(m[1])
    month = int(m[2]) if m[2] else None
    day = int(m[3]) if m[3] else None
    if m[5]:  # an ISO week: take its Thursday
        d = dt.date.fromisocalendar(year, int(m[5]), 4)
        year, month, day = d.year, d.month, None
    if unit == "year":
        c.value = f"{year + delta:04d}"
    elif unit == "quarter":
        q = int(m[4]) if m[4] else (month - 1) // 3 + 1 if month else None
        c.value = f"{year:04d}-Q{q}" if q else f"{year:04d}-QX"
    elif unit == "month":
        if month is None:
            c.value = f"{year:04d}-XX"
        else:
            y, mo = N.add_months(year, month, delta)
            c.value = f"{y:04d}-{mo:02d}"
    elif month is not None and day is not None:
        d = dt.date(year, month, day) + dt.timedelta(days=delta * (7 if unit == "week" else 1))
        c.value = N.iso_week(d) if unit == "week" else d.isoformat()
    else:
        c.value = (
            f"{year:04d}-WXX" if unit == "week" else f"{year:04d}-{month or 0:02d}-XX".replace("-00-", "-XX-")
        )


def tag_times(
    text: str,
    dct: dt.date | None,
    *,
    start: int = 0,
    end: int | None = None,
    sentences: Sequence[tuple[int, int]] | None = None,
) -> list[TimeExpr]:
    """Tag time expressions in ``text[start:end]``; offsets are global into ``text``."""
    end = len(text) if end is None else min(end, len(text))
    start = max(0, min(start, end))
    if start >= end:
        return []
    sents = sorted(sentences) if sentences else _split_sentences(text, start, end)
    ctx = Ctx(text, dct, [s for s, _ in sents], [e for _, e in sents])
    cands: list[Cand] = []
    for idx, (pattern, handler) in enumerate(RULES):
        for m in pattern.finditer(text, start, end):
            c = handler(m, ctx)
            if c is not None and c.end > c.start:
                c.rule = idx
                cands.append(c)
    # Longest match wins; ties go to the earlier rule (rules are listed most specific first).
    cands.sort(key=lambda c: (c.start - c.end, c.rule, c.start))
    taken: list[Cand] = []
    occupied: list[tuple[int, int]] = []
    for c in cands:
        if any(c.start < e and s < c.end for s, e in occupied):
            continue
        occupied.append((c.start, c.end))
        taken.append(c)
    taken.sort(key=lambda c: c.start)
    taken = _merge_month_year(taken, text)
    out: list[TimeExpr] = []
    prev_end = start
    anchor: str | None = None
    anchor_rank: tuple[int, int, int] | None = None
    last: str | None = None
    for c in taken:
        saved = c.start
        _apply_prefix(c, text)
        if c.start < max(prev_end, start):
            c.start = saved
        if c.value.startswith(YEAR_BACK):
            _resolve_year_back(c, dct, anchor)
        elif c.value.startswith(PERIOD_OF):
            year = c.value.split()[1]
            qm = _QUARTER_VALUE.match(anchor or "")
            c.value = f"{year}-{qm[2]}" if qm and qm[2][0] == "Q" else year
        elif c.value.startswith(ANAPHOR):
            _resolve_anaphor(c, dct, last)
        elif c.type == "DATE" and (qm := _QUARTER_VALUE.match(c.value)):
            # The reported period: the latest completed quarter or half the text has mentioned
            # ("after a flat second quarter" compares); an outlook ("the third quarter of 1990") is none.
            rank = _anchor_rank(qm, dct)
            if rank is not None and (anchor_rank is None or rank >= anchor_rank):
                anchor, anchor_rank = c.value, rank
        if c.type in ("DATE", "TIME") and _ANCHOR_VALUE.match(c.value):
            last = c.value
        prev_end = c.end
        out.append(TimeExpr(c.start, c.end, text[c.start : c.end], c.type, c.value, c.anchored, c.mod))
    return out


# Re-exported for callers that want the calendar helpers alongside the tagger.
normalize = N
