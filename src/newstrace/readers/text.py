"""Plain-text articles: optional ``date YYYY-MM-DD`` header, dateline, wire credit, title.

Accepted shapes (leading whitespace ignored)::

    date 2025-05-21 Moscow, May 21 Displaced residents ...      header + dateline + lead on one line
    date 2025-05-21\\nMOSCOW (Reuters) - The Kremlin said ...   header alone, dateline below
    Kyiv, March 3 — Baltic Press Agency. Officials said ...      no header: dateline still parsed
    Quake kills 42\\n\\nBy M. Lopez\\nPublished: 14 March 2023\\n\\nA magnitude ...
                                                  no header: the page's own date line is its date

Offsets of every field index the decoded file text; ``body_start`` points just past the header
(and a title line, if any, or the page's top down to its date line), so the dateline stays part
of the analysed body.
"""

from __future__ import annotations

import datetime as dt
import re

from newstrace.errors import E_DATE, InputError
from newstrace.records import Span
from newstrace.timex.normalize import MONTHS as _MONTH_NUMBERS

_MONTHS = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
    r"|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_HEADER = re.compile(r"\A\s*date[ \t]+(?P<date>\S+)[ \t]*(?:\r?\n)?")
# A place: one to four capitalised words ("Moscow", "NEW YORK", "Rio de Janeiro", "St. Petersburg"),
# optionally followed by ", Region" ("Springfield, Ill.").
_WORD = r"[A-Z][A-Za-z.'\u2019\-]*"
_PARTICLE = r"(?:de|da|del|do|of|on|upon|la|le|el)"
_PLACE = (
    rf"(?P<place>{_WORD}(?:[ ]{_PARTICLE}?[ ]?{_WORD}){{0,3}}"
    rf"(?:, (?!{_MONTHS}\b){_WORD}(?: {_WORD})?)?)"
)
# "May 21", "May 21, 2025", and the European "21 May" / "21 May 2025".
_MONTHDAY = rf"(?P<md>{_MONTHS} \d{{1,2}}(?:, \d{{4}})?|\d{{1,2}} {_MONTHS}(?:,? \d{{4}})?)"
_DASH = r"[ \t]*(?:-{1,2}|\u2013|\u2014)[ \t]*"
_CREDIT_PAREN = r"[ \t]*\((?P<credit1>[A-Z][\w .&'\u2019/-]{0,40}?)\)"
_CREDIT_TAIL = rf"{_DASH}(?P<credit2>[A-Z][\w&'\u2019-]*(?: [A-Z][\w&'\u2019-]*){{0,3}})[.:](?=\s)"
_CREDIT_SLASH = r"[. ]*/(?P<credit3>[A-Z][A-Za-z-]{1,20})/\.?"
_DATELINE = re.compile(
    rf"{_PLACE}(?:,[ ]{_MONTHDAY})?(?:{_CREDIT_PAREN}{_DASH}?|{_CREDIT_SLASH}|{_CREDIT_TAIL}|{_DASH})?"
)


# A whole date as pages print their own: "14 March 2023", "March 14, 2023", "Mar. 14 2023",
# "2023-03-14". Numeric "03/04/2023" is left out: day and month cannot be told apart.
_FULL_DATES = (
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTHS})\.?,?\s+(?P<y>(?:19|20)\d\d)\b"),
    re.compile(rf"\b(?P<m>{_MONTHS})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b"),
    re.compile(r"(?<![\d-])(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?![\d-])"),
)
# What may stand on a page's date line besides the date: a stamp word ("Published:", "Last
# updated", "Posted on"), a weekday, a clock time and zone ("09:12 GMT"), a place or outlet name
# before it ("LIMA,", "Andes Daily,"), punctuation.
_STAMP = re.compile(r"\b(?:(?:first|last)\s+)?(?:published|posted|updated|modified|date)\b", re.I)
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
_LINE_FILLER = re.compile(
    rf"(?:{_STAMP.pattern}|\b{_WEEKDAY}\b|\b(?:on|at)\b|\d{{1,2}}[:.]\d\d(?:\s*[ap]\.?m\.?)?|"
    r"\b(?-i:GMT|UTC|[A-Z]{2,4}T)\b|[,;:|()\u2013\u2014-])",  # zones in capitals only: not "most"
    re.I,
)
# Lines read for the page's date: the short ones at the top, before the first paragraph.
_LINE = re.compile(r"[^\n]*")
_DATE_LINES = 6
_DATE_LINE_MAX = 100
_LINE_NAME_WORDS = 4


def full_dates(text: str) -> list[tuple[int, int, dt.date]]:
    """Every whole date (day, month and year) written in ``text``, with its span, in order."""
    found: list[tuple[int, int, dt.date]] = []
    for pat in _FULL_DATES:
        for m in pat.finditer(text):
            mo = m.group("m")
            month = int(mo) if mo.isdigit() else _MONTH_NUMBERS.get(mo[:3].casefold())
            if month is None:
                continue
            try:
                found.append((m.start(), m.end(), dt.date(int(m.group("y")), month, int(m.group("d")))))
            except ValueError:
                continue
    return sorted(found, key=lambda f: f[:2])


# A dateline's month and day alone, as ``TextHeader.dateline_date`` holds it ("Nov. 13", "13 November").
_MONTH_DAY_ONLY = re.compile(rf"(?P<m1>{_MONTHS}) (?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}}) (?P<m2>{_MONTHS})")


def month_day(md: str) -> tuple[int, int] | None:
    """(month, day) of a dateline's month and day written without a year; None otherwise."""
    m = _MONTH_DAY_ONLY.fullmatch(md.strip())
    if m is None:
        return None
    month = _MONTH_NUMBERS.get((m.group("m1") or m.group("m2"))[:3].casefold())
    return None if month is None else (month, int(m.group("d1") or m.group("d2")))


def page_date(text: str, pos: int) -> tuple[dt.date, int, int, bool] | None:
    """The date a page prints as its own on a short line of its top ("Published: 14 March 2023",
    "Tuesday 14 March 2023", "LIMA, Tuesday, March 14, 2023", "Andes Daily, published March 15,
    2023"): (date, line start, line end, whether the line says it was updated). The line holds
    little but the date: a stamp word, a weekday, a clock time, or a name of a few words (a place,
    an outlet). Reading stops at the first long line (the body). A published date is preferred to
    an updated one (a page's "yesterday" was written on the first)."""
    best: tuple[dt.date, int, int, bool] | None = None
    seen = 0
    for line in _LINE.finditer(text, pos):  # from pos, lazily: a 50 MB page is not copied
        raw = line.group(0)
        if not raw.strip():
            continue
        seen += 1
        if seen > _DATE_LINES or len(raw.strip()) > _DATE_LINE_MAX:
            break
        dates = full_dates(raw)
        if len(dates) != 1:
            continue
        a, b, day = dates[0]
        rest = _LINE_FILLER.sub(" ", raw[:a] + " " + raw[b:])
        words = rest.split()
        if len(words) > _LINE_NAME_WORDS or any(not w[:1].isupper() and not w[:1].isdigit() for w in words):
            continue  # a sentence that gives a date, not a page's date line
        start, end = line.start(), line.end()
        updated = bool(re.search(r"\b(?:updated|modified)\b", raw, re.I)) and not re.search(
            r"\b(?:published|posted)\b", raw, re.I
        )
        if best is None or (best[3] and not updated):
            best = (day, start, end, updated)
        if not updated:
            break
    return best


class TextHeader:
    """What was parsed off the top of a plain-text article."""

    __slots__ = (
        "published",
        "place",
        "place_span",
        "credit",
        "credit_span",
        "title",
        "body_start",
        "dateline_date",
        "date_line",
    )

    def __init__(self) -> None:
        self.published: dt.date | None = None
        self.place: str | None = None
        self.place_span: Span | None = None
        self.credit: str | None = None
        self.credit_span: Span | None = None
        self.title: str | None = None
        self.body_start = 0
        self.dateline_date: str | None = None
        # The span of the page's own date line, when the date came from one (no header).
        self.date_line: Span | None = None


def parse_header(text: str, path: str) -> TextHeader:
    head = TextHeader()
    pos = 0
    m = _HEADER.match(text)
    if m:
        raw = m.group("date")
        try:
            head.published = dt.date.fromisoformat(raw)
        except ValueError:
            raise InputError(
                f"header date {raw!r} is not YYYY-MM-DD", path=path, line=1, code=E_DATE
            ) from None
        pos = m.end()
    else:
        pos = len(text) - len(text.lstrip())
        title_end = _title_end(text, pos)
        if title_end is not None:
            head.title = text[pos:title_end].strip()
            pos = title_end
            pos += len(text[pos:]) - len(text[pos:].lstrip())
    head.body_start = pos
    if head.published is None:
        found = page_date(text, pos)
        if found is not None:
            head.published = found[0]
            head.date_line = Span(found[1], found[2])
            # The lines down to the date line (a headline, a byline, the date) are the page's
            # furniture, as a headline above a blank line is: the first of them is the title.
            first = text[pos : found[1]].strip().split("\n", 1)[0].strip()
            if head.title is None and first:
                head.title = first
            end = found[2]
            head.body_start = end + len(text[end:]) - len(text[end:].lstrip())
            pos = head.body_start
    _dateline_after_byline(text, pos, head)
    return head


# A byline on a line of its own: "By Diego Carrasco", "BY MARIA LOPEZ and Tom Reyes, Staff Writers"
# (names and an optional role; not a first paragraph such as "By Tuesday, 40 had been rescued.").
_BYLINE = re.compile(
    r"[ \t]*(?:By|BY)[ \t]+[A-Z][\w.'\u2019-]*(?:[ \t]+(?:and[ \t]+)?[A-Z][\w.'\u2019-]*){0,5}"
    r"(?:[ \t]*,[^\n\d.]{0,60})?[ \t]*\r?\n\s*"
)


def _title_end(text: str, pos: int) -> int | None:
    """A first line that is short, unpunctuated and followed by a blank line is a headline."""
    nl = text.find("\n", pos)
    if nl < 0:
        return None
    line = text[pos:nl].strip()
    after = text[nl + 1 : nl + 3]
    blank_follows = after.startswith("\n") or after.startswith("\r\n")
    if 0 < len(line) <= 160 and line[-1] not in ".!?\"'\u201d:;," and blank_follows:
        return nl
    return None


def _dateline_after_byline(text: str, pos: int, head: TextHeader) -> None:
    """A wire's dateline opens the first paragraph, after a byline line if there is one ("By
    Diego Carrasco")."""
    byline = _BYLINE.match(text, pos)
    _parse_dateline(text, byline.end() if byline else pos, head)


def _parse_dateline(text: str, pos: int, head: TextHeader) -> None:
    m = _DATELINE.match(text, pos)
    if not m:
        return
    has_md = m.group("md") is not None
    credit_group = next((g for g in ("credit1", "credit2", "credit3") if m.group(g)), None)
    place = m.group("place")
    # Without a month-day or a credit, only an ALL-CAPS place followed by a dash is a dateline
    # ("LISBON - ..."); otherwise "Officials said" would look like a place.
    if not has_md and credit_group is None and not (place.isupper() and m.end() > m.end("place")):
        return
    if credit_group == "credit2" and not has_md:
        return  # "Kyiv - Officials said" : too weak to tell a credit from the lead
    head.place = place
    head.place_span = Span(m.start("place"), m.start("place") + len(head.place))
    if has_md:
        head.dateline_date = m.group("md")
    if credit_group is not None:
        head.credit = m.group(credit_group).strip()
        head.credit_span = Span(m.start(credit_group), m.start(credit_group) + len(head.credit))


def parse_dateline(text: str, pos: int = 0) -> TextHeader:
    """The dateline alone, for records whose date comes from a field (JSON Lines): its place,
    credit and month-and-day (``dateline_date``) with their spans, after a byline line if one
    opens the text; the other header fields stay empty."""
    head = TextHeader()
    _dateline_after_byline(text, pos, head)
    return head
