"""HTML articles through trafilatura: main text without boilerplate, plus title, date, author, site.

``Article.text`` is the extracted text (paragraphs separated by blank lines): analysis offsets
index that text, which every JSON output carries, and ``Article.source_map`` maps them back to
offsets in the original HTML file (``Article.source_span``). The raw markup is never analysed
(scripts, markup and cookie banners would pollute every stage).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from newstrace.errors import E_HTML, InputError
from newstrace.readers._sourcemap import build_source_map

_WORDS = re.compile(r"[^\W\d_]{2,}")
# htmldate validates dates against a maximum that defaults to *today*; pin it so the same page
# always yields the same date, whatever day it is read.
_DATE_PARAMS = {"extensive_search": True, "original_date": True, "max_date": "2099-12-31"}


def extract_html(markup: str, path: str) -> dict[str, Any]:
    """Return text and metadata fields for an Article, or raise InputError (E108)."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # trafilatura/lxml raise many types on hostile markup
        raise InputError(f"HTML could not be parsed: {exc}", path=path, code=E_HTML) from None
    if doc is None:
        raise InputError("no article text found in the HTML", path=path, code=E_HTML)
    meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    raw = (meta.get("text") or "").strip()
    # Fewer than three words is markup debris ("<<<>>>"), not an article.
    if len(_WORDS.findall(raw)) < 3:
        raise InputError("no article text found in the HTML", path=path, code=E_HTML)
    # trafilatura separates paragraphs with single newlines; a blank line keeps paragraphs apparent.
    text = "\n\n".join(line.strip() for line in raw.split("\n") if line.strip())
    title = (meta.get("title") or "").strip() or None
    body_start = 0
    if title and text.startswith(title):
        body_start = len(title)
        while body_start < len(text) and text[body_start].isspace():
            body_start += 1
    published: dt.date | None = None
    if meta.get("date"):
        try:
            published = dt.date.fromisoformat(str(meta["date"])[:10])
        except ValueError:
            published = None
    return {
        "text": text,
        "source_map": build_source_map(text, markup),
        "body_start": body_start,
        "title": title,
        "published": published,
        "author": meta.get("author") or None,
        "source": meta.get("sitename") or meta.get("hostname") or None,
        "url": meta.get("url") or None,
    }
