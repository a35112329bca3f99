"""ECB+ documents (token XML) as articles, for gold sets built by reading real coverage.

ECB+ (Cybulska & Vossen, LREC 2014) gives each news article as tokens with a sentence number:
``<token t_id="12" sentence="3" number="4">quake</token>``. This module rebuilds readable text
from them (spaces where English prose has them), keeps a map from (sentence, token) to
character offsets, and reads the article's own date where its URL carries one (the ``ecbplus``
documents open with their URL as sentence 0: ``/2013/may/03/``, ``20070503``, ``2005-11-27``).
Documents without a dated URL stay undated: an update between two such articles cannot be told
from a conflict, as the guide in ``shared/guides/discrepancies.md`` says.

File ``N_Kecb.xml`` is sub-topic 1 of topic N, ``N_Kecbplus.xml`` sub-topic 2; each sub-topic is
one real event reported by several outlets.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from defusedxml import ElementTree as SafeET

from newstrace.errors import InputError
from newstrace.records import Article
from newstrace.timex.normalize import MONTHS

__all__ = ["EcbDocument", "header_date", "read_ecb", "subtopic_files", "url_date"]

# No space before these tokens; none after the opening ones.
_NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", ")", "]", "}", "%", "''", "'s", "'S", "n't", "'re", "'ve",
                    "'ll", "'d", "'m", "’s", "...", "”", "’"}  # fmt: skip
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "“", "‘", "#"}


@dataclass(frozen=True)
class EcbDocument:
    """One ECB+ document: the article, and where each token landed in its text."""

    article: Article
    # (sentence, number-in-sentence) -> (start, end) in article.text; number as in the XML.
    tokens: dict[tuple[int, int], tuple[int, int]]
    # sentence -> (start, end) in article.text
    sentences: dict[int, tuple[int, int]]

    def sentence_span(self, sentence: int) -> tuple[int, int]:
        if sentence not in self.sentences:
            raise KeyError(f"{self.article.id}: no sentence {sentence}")
        return self.sentences[sentence]


def url_date(url: str) -> dt.date | None:
    """The date a news URL carries, when it carries a whole one (year, month and day)."""
    u = url.casefold()
    patterns = (
        r"/(20\d\d|19\d\d)/(\d\d?)/(\d\d?)(?:/|$)",
        r"/(20\d\d|19\d\d)/([a-z]{3})[a-z]*/(\d\d?)(?:/|$)",
        r"(?<!\d)(20\d\d|19\d\d)-(\d\d)-(\d\d)(?!\d)",
        r"(?<![\d.])(20\d\d|19\d\d)(\d\d)(\d\d)(?![\d])",
    )
    for pat in patterns:
        for m in re.finditer(pat, u):
            y, mo, d = m.group(1), m.group(2), m.group(3)
            month = MONTHS.get(mo[:3]) if mo.isalpha() else int(mo)
            if month is None:
                continue
            try:
                return dt.date(int(y), month, int(d))
            except ValueError:
                continue
    return None


_MONTH_NAME = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_HEADER_DATES = (
    re.compile(rf"\b(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH_NAME})\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    re.compile(
        rf"\b(?P<m>{_MONTH_NAME})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I
    ),
    re.compile(r"(?<![\d/])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>(?:19|20)?\d\d)(?![\d/])"),
)


def header_date(text: str, window: int = 160) -> dt.date | None:
    """A full date written at the very top of the page ("Last Updated: Monday, 28 November 2005",
    "Friday, June 7, 2013", "11/28/05"), which web pages print as their own date."""
    head = text[:window]
    best: tuple[int, dt.date] | None = None
    for pat in _HEADER_DATES:
        for m in pat.finditer(head):
            mo = m.group("m")
            month = int(mo) if mo.isdigit() else MONTHS[mo[:3].casefold()]
            year = int(m.group("y"))
            year += 2000 if year < 100 else 0
            try:
                found = dt.date(year, month, int(m.group("d")))
            except ValueError:
                continue
            if best is None or m.start() < best[0]:
                best = (m.start(), found)
    return best[1] if best else None


def _tokens(path: Path) -> Iterator[tuple[int, int, str]]:
    try:
        root = SafeET.parse(str(path)).getroot()
    except SafeET.ParseError as e:
        raise InputError(f"malformed ECB+ XML: {e}", path=str(path), code="E105") from e
    for tok in root.iter("token"):
        text = (tok.text or "").strip()
        if text:
            yield int(tok.get("sentence", "0")), int(tok.get("number", "0")), text


def read_ecb(path: str | Path) -> EcbDocument:
    """Read one ECB+ token file as an article (id: the file name without ``.xml``)."""
    path = Path(path)
    by_sentence: dict[int, list[tuple[int, str]]] = {}
    for s, n, t in _tokens(path):
        by_sentence.setdefault(s, []).append((n, t))
    if not by_sentence:
        raise InputError("ECB+ file holds no tokens", path=str(path), code="E101")
    url = None
    order = sorted(by_sentence)
    first = "".join(t for _, t in by_sentence[order[0]])
    if first.startswith("http"):
        url = first
        order = order[1:]
    parts: list[str] = []
    pos = 0
    tokens: dict[tuple[int, int], tuple[int, int]] = {}
    sentences: dict[int, tuple[int, int]] = {}
    quote_open = False
    for s in order:
        if parts:
            # A headline, dateline or caption (no closing stop) is its own paragraph.
            sep = " " if parts[-1][-1:] in ".!?\"\u201d'" else "\n\n"
            parts.append(sep)
            pos += len(sep)
        start = pos
        prev2 = prev = ""
        toks = by_sentence[s]
        for i, (n, t) in enumerate(toks):
            nxt = toks[i + 1][1] if i + 1 < len(toks) else ""
            if i and not (t in _NO_SPACE_BEFORE or prev in _NO_SPACE_AFTER or (t == '"' and quote_open)
                          or (prev == '"' and quote_open) or _joined(prev, t, nxt)
                          or _joined(prev2, prev, t)):  # fmt: skip
                parts.append(" ")
                pos += 1
            if t == '"':
                quote_open = not quote_open
            shown = {"``": "\u201c", "''": "\u201d", "-LRB-": "(", "-RRB-": ")"}.get(t, t)
            tokens[(s, n)] = (pos, pos + len(shown))
            parts.append(shown)
            pos += len(shown)
            prev2, prev = prev, t
        sentences[s] = (start, pos)
    text = "".join(parts)
    stem = path.name.removesuffix(".xml")
    article = Article(
        id=stem,
        path=str(path),
        text=text,
        published=(url_date(url) if url else None) or header_date(text),
        url=url,
        source=_site(url) if url else None,
        language="en",
    )
    return EcbDocument(article, tokens, sentences)


def _joined(left: str, mid: str, right: str) -> bool:
    """Whether ``mid`` was written without spaces between its neighbours: the tokenizer split
    "6.1", "120,000", "13:59", "11/28/05" and "two-thirds" into three tokens each."""
    if mid in (".", ":", "/") and left[-1:].isdigit() and right[:1].isdigit():
        return True
    if mid == "," and left.isdigit() and len(right) == 3 and right.isdigit():
        return True
    return mid == "-" and left[-1:].isalnum() and right[:1].isalnum()


def _site(url: str) -> str | None:
    """The outlet a URL belongs to: its host without ``www.`` and the like."""
    m = re.match(r"https?://([^/?#]+)", url)
    if not m:
        return None
    host = m.group(1).casefold()
    parts = host.split(".")
    # "news.yahoo.com" and "music.yahoo.com" are one outlet; "bbc.co.uk" keeps its country part.
    keep = 3 if len(parts) >= 3 and parts[-2] in ("co", "com", "org", "net", "ac", "gov") else 2
    return ".".join(parts[-keep:])


def subtopic_files(ecb_dir: str | Path, topic: int, sub: int) -> list[Path]:
    """The files of one sub-topic (1: ``N_Kecb.xml``, 2: ``N_Kecbplus.xml``), in number order."""
    folder = Path(ecb_dir) / str(topic)
    suffix = "ecb.xml" if sub == 1 else "ecbplus.xml"
    files = [p for p in folder.glob(f"{topic}_*{suffix}") if p.name.endswith(suffix)]
    if sub == 1:
        files = [p for p in files if not p.name.endswith("ecbplus.xml")]

    def num(p: Path) -> int:
        m = re.match(rf"{topic}_(\d+)", p.name)
        return int(m.group(1)) if m else 0

    return sorted(files, key=num)
