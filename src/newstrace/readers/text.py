"""Plain-text articles: optional ``date YYYY-MM-DD`` header, dateline, wire credit, title.

Accepted shapes (leading whitespace ignored)::

    date 2025-05-21 Moscow, May 21 Displaced residents ...      header + dateline + lead on one line
    date 2025-05-21\\nMOSCOW (Reuters) - The Kremlin said ...   header alone, dateline below
    Kyiv, March 3 — Baltic Press Agency. Officials said ...      no header: dateline still parsed

Offsets of every field index the decoded file text; ``body_start`` points just past the header
(and a title line, if any), so the dateline stays part of the analysed body.
"""

from __future__ import annotations

import datetime as dt
import re

from newstrace.errors import E_DATE, InputError
from newstrace.records import Span

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
    _parse_dateline(text, pos, head)
    return head


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


def parse_dateline(text: str, pos: int = 0) -> tuple[str | None, Span | None, str | None, Span | None]:
    """Dateline alone (for records whose date comes from a field): place, its span, credit, its span."""
    head = TextHeader()
    _parse_dateline(text, pos, head)
    return head.place, head.place_span, head.credit, head.credit_span
