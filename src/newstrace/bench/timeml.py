"""Read TimeML (``.tml``) documents as used by TempEval-3 (TimeBank, AQUAINT).

A document gives the raw text of its ``<TEXT>`` element with every tag stripped and XML entities
decoded, the document creation time (the ``<DCT>`` TIMEX3 value, as a date) and the gold TIMEX3
annotations inside ``<TEXT>`` with character offsets into that raw text. The DCT TIMEX3 itself
lies outside ``<TEXT>`` and is therefore never a gold item.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

_DATE_RE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """One gold TIMEX3: ``text == doc.text[start:end]``."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


@dataclass(frozen=True, slots=True)
class TimeMLDoc:
    doc_id: str
    path: str
    text: str
    dct: dt.date | None
    timexes: tuple[GoldTimex, ...]
    title: str | None = None  # the ``<TITLE>`` element's text (AQUAINT gives one), if any


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    m = _DATE_RE.match(value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _walk(el: ET.Element, parts: list[str], pos: list[int], out: list[GoldTimex]) -> None:
    """Append ``el``'s text content to ``parts``, recording TIMEX3 spans (nested tags allowed)."""
    start = pos[0]
    if el.text:
        parts.append(el.text)
        pos[0] += len(el.text)
    for child in el:
        _walk(child, parts, pos, out)
        if child.tail:
            parts.append(child.tail)
            pos[0] += len(child.tail)
    if el.tag == "TIMEX3":
        end = pos[0]
        text = "".join(parts)[start:end] if end > start else ""
        out.append(
            GoldTimex(
                start=start,
                end=end,
                text=text,
                type=el.get("type", ""),
                value=el.get("value", ""),
                mod=el.get("mod"),
            )
        )


def parse_timeml(source: str, *, path: str = "") -> TimeMLDoc:
    """Parse TimeML markup given as a string."""
    root = ET.fromstring(source)
    text_el = root.find(".//TEXT")
    dct_el = root.find(".//DCT/TIMEX3")
    docid_el = root.find(".//DOCID")
    title_el = root.find(".//TITLE")
    title = " ".join("".join(title_el.itertext()).split()) if title_el is not None else ""
    parts: list[str] = []
    timexes: list[GoldTimex] = []
    if text_el is not None:
        # Walk TEXT's children only: TEXT itself is not a TIMEX3 and its tail is not text.
        pos = [0]
        if text_el.text:
            parts.append(text_el.text)
            pos[0] += len(text_el.text)
        for child in text_el:
            _walk(child, parts, pos, timexes)
            if child.tail:
                parts.append(child.tail)
                pos[0] += len(child.tail)
    text = "".join(parts)
    dct = _parse_date(dct_el.get("value") if dct_el is not None else None)
    doc_id = (docid_el.text or "").strip() if docid_el is not None else ""
    if not doc_id:
        doc_id = Path(path).stem if path else ""
    timexes.sort(key=lambda t: (t.start, t.end))
    # The text of each timex is re-read from the joined text: one string, one truth.
    fixed = tuple(GoldTimex(t.start, t.end, text[t.start : t.end], t.type, t.value, t.mod) for t in timexes)
    return TimeMLDoc(doc_id=doc_id, path=path, text=text, dct=dct, timexes=fixed, title=title or None)


def read_timeml(path: Path) -> TimeMLDoc:
    """Read one ``.tml`` file."""
    return parse_timeml(path.read_text(encoding="utf-8"), path=str(path))


def iter_timeml_dir(path: Path, on_error: Callable[[Path, Exception], None] | None = None) -> list[TimeMLDoc]:
    """All ``.tml`` documents under ``path`` (recursively, sorted by path); a file is read as is.

    With ``on_error``, a file that cannot be parsed is reported through it and skipped;
    without, the error propagates.
    """
    files = [path] if path.is_file() else sorted(path.rglob("*.tml"))
    docs: list[TimeMLDoc] = []
    for f in files:
        try:
            docs.append(read_timeml(f))
        except Exception as exc:  # malformed XML, bad encoding: one file, not the whole run
            if on_error is None:
                raise
            on_error(f, exc)
    return docs
