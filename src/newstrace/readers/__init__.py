"""Readers: paths, directories and globs -> Article records, or ReadError for what can't be read.

A bad file (or a bad line of a JSON Lines file) never stops the batch: it is yielded as a
:class:`~newstrace.records.ReadError` naming the file and line, and reading goes on.
"""

from __future__ import annotations

import glob
import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from newstrace.config import Settings, load_settings
from newstrace.errors import E_NOT_FOUND, E_UNSUPPORTED, InputError
from newstrace.readers._decode import decode, read_bytes
from newstrace.readers._lang import detect_language
from newstrace.readers.html import extract_html
from newstrace.readers.jsonl import KNOWN_FIELDS, iter_records, parse_published
from newstrace.readers.text import parse_dateline, parse_header
from newstrace.records import Article, ReadError

__all__ = ["read_paths", "read_file", "article_from_text", "SUPPORTED_SUFFIXES"]

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
_GLOB_CHARS = re.compile(r"[*?\[]")


def _expand(paths: Iterable[str | Path]) -> Iterator[Path | ReadError]:
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(
                f
                for f in p.rglob("*")
                if f.is_file()
                and f.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
            if not found:
                yield ReadError(str(p), None, E_NOT_FOUND, "directory holds no .txt, .html or .jsonl files")
            yield from found
        elif p.is_file():
            yield p
        elif _GLOB_CHARS.search(str(raw)):
            matches = sorted(Path(m) for m in glob.glob(str(raw), recursive=True) if os.path.isfile(m))
            if not matches:
                yield ReadError(str(raw), None, E_NOT_FOUND, "pattern matches no file")
            yield from matches
        else:
            yield ReadError(str(raw), None, E_NOT_FOUND, "no such file or directory")


def _finish(article: Article, settings: Settings) -> Article:
    """Language check, shared by every reader."""
    lang, prob = detect_language(article.body, settings.language_min_chars)
    warnings = list(article.warnings)
    if lang is not None and lang != settings.expected_language:
        warnings.append(
            f"W001 language looks like {lang!r} (p={prob:.2f}); analysis is tuned for English "
            "and may miss or mislabel things"
        )
    return replace(article, language=lang, warnings=tuple(warnings))


def article_from_text(
    text: str, *, id: str, path: str = "<text>", settings: Settings | None = None, **fields: Any
) -> Article:
    """Build an Article from plain text, parsing the optional header, dateline and credit."""
    settings = settings or load_settings()
    head = parse_header(text, path)
    values: dict[str, Any] = {
        "published": head.published,
        "place": head.place,
        "place_span": head.place_span,
        "credit": head.credit,
        "credit_span": head.credit_span,
        "title": head.title,
        "source": head.credit,
    }
    meta: dict[str, Any] = {}
    if head.dateline_date:
        meta["dateline_date"] = head.dateline_date
    if head.date_line is not None:
        # Where the date came from, so a reader can check it: the page's own date line.
        meta["published_from"] = "date line"
        meta["date_line"] = [head.date_line.start, head.date_line.end]
    values.update({k: v for k, v in fields.items() if v is not None})
    art = Article(id=id, path=path, text=text, body_start=head.body_start, metadata=meta, **values)
    return _finish(art, settings)


def _read_jsonl(text: str, path: Path, settings: Settings) -> Iterator[Article | ReadError]:
    for lineno, rec in iter_records(text, str(path)):
        if isinstance(rec, InputError):
            yield ReadError(str(path), lineno, rec.code, rec.message)
            continue
        try:
            published = parse_published(rec.get("published"), str(path), lineno)
        except InputError as exc:
            yield ReadError(str(path), lineno, exc.code, exc.message)
            continue
        body: str = rec["text"]
        head = parse_dateline(body, len(body) - len(body.lstrip()))
        place, place_span, credit, credit_span = head.place, head.place_span, head.credit, head.credit_span
        meta = {k: v for k, v in rec.items() if k not in KNOWN_FIELDS}
        meta["line"] = lineno
        if head.dateline_date and published is None:
            # A wire's "Nov 13" without a year: a story dates it by its other articles
            # (api.dated_by_datelines), as it does a text file's.
            meta["dateline_date"] = head.dateline_date
        rid = str(rec["id"]) if rec.get("id") not in (None, "") else f"{path.stem}-{lineno}"
        art = Article(
            id=rid,
            path=str(path),
            text=body,
            title=rec.get("title") or None,
            published=published,
            place=place,
            place_span=place_span,
            credit=credit,
            credit_span=credit_span,
            source=rec.get("source") or credit,
            url=rec.get("url") or None,
            author=rec.get("author") or None,
            metadata=meta,
        )
        yield _finish(art, settings)


def read_file(path: str | Path, settings: Settings | None = None) -> Iterator[Article | ReadError]:
    """Read one file (any supported format); yields Articles and ReadErrors."""
    settings = settings or load_settings()
    p = Path(path)
    suffix = p.suffix.lower()
    try:
        data = read_bytes(p, settings.max_bytes)
        text, encoding = decode(data, str(p), settings.fallback_encodings)
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(text, p, settings)
            return
        if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and text.lstrip()[:1] == "<"):
            fields = extract_html(text, str(p))
            art = Article(id=p.stem, path=str(p), metadata={"encoding": encoding, "format": "html"}, **fields)
            yield _finish(art, settings)
            return
        if suffix not in TEXT_SUFFIXES and suffix:
            raise InputError(
                f"unsupported file type {suffix!r} (use .txt, .html or .jsonl)",
                path=str(p),
                code=E_UNSUPPORTED,
            )
        art = article_from_text(text, id=p.stem, path=str(p), settings=settings)
        meta = dict(art.metadata)
        meta["encoding"] = encoding
        yield replace(art, metadata=meta)
    except InputError as exc:
        yield ReadError(exc.path, exc.line, exc.code, exc.message)
    except OSError as exc:
        yield ReadError(str(p), None, "E100", f"cannot read file: {exc.strerror or exc}")


def read_paths(
    paths: Iterable[str | Path], settings: Settings | None = None
) -> Iterator[Article | ReadError]:
    """Read every file named, found under a directory, or matched by a glob, in a stable order.

    Article ids are unique within one call: a repeated id gets a short hash of its path appended.
    A file reached twice (named, and inside a folder named) is read once.
    """
    settings = settings or load_settings()
    seen: set[str] = set()
    read: set[Path] = set()
    for item in _expand(paths):
        if isinstance(item, ReadError):
            yield item
            continue
        # A file named twice (a folder and a file inside it, two globs) is read once.
        key = item.resolve()
        if key in read:
            continue
        read.add(key)
        for rec in read_file(item, settings):
            if isinstance(rec, Article):
                if rec.id in seen:
                    digest = hashlib.sha1(f"{rec.path}:{rec.metadata.get('line', '')}".encode()).hexdigest()[
                        :6
                    ]
                    rec = replace(rec, id=f"{rec.id}~{digest}")
                seen.add(rec.id)
            yield rec
