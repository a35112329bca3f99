"""JSON Lines: one article per line with ``id``, ``url``, ``title``, ``published``, ``source``,
``text``; other fields are kept in ``metadata``. A bad line is reported and the rest still read."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from newstrace.errors import E_DATE, E_EMPTY, E_FIELD, E_JSON, InputError

KNOWN_FIELDS = ("id", "url", "title", "published", "source", "text", "author")


def parse_published(value: Any, path: str, line: int) -> dt.date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise InputError(
            f"'published' must be a string, got {type(value).__name__}", path=path, line=line, code=E_FIELD
        )
    raw = value.strip()
    try:
        return dt.date.fromisoformat(raw[:10]) if len(raw) >= 10 else dt.date.fromisoformat(raw)
    except ValueError:
        raise InputError(
            f"'published' {raw!r} is not an ISO date", path=path, line=line, code=E_DATE
        ) from None


def iter_records(text: str, path: str) -> Iterator[tuple[int, dict[str, Any] | InputError]]:
    """Yield (line number, record or the error for that line)."""
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield (
                lineno,
                InputError(
                    f"malformed JSON: {exc.msg} (column {exc.colno})", path=path, line=lineno, code=E_JSON
                ),
            )
            continue
        if not isinstance(obj, dict):
            yield (
                lineno,
                InputError(
                    f"expected a JSON object, got {type(obj).__name__}", path=path, line=lineno, code=E_FIELD
                ),
            )
            continue
        body = obj.get("text")
        if not isinstance(body, str):
            yield (
                lineno,
                InputError("record has no string field 'text'", path=path, line=lineno, code=E_FIELD),
            )
            continue
        if not body.strip():
            yield lineno, InputError("record has an empty 'text'", path=path, line=lineno, code=E_EMPTY)
            continue
        for key in ("id", "url", "title", "source", "author"):
            if key in obj and obj[key] is not None and not isinstance(obj[key], (str, int)):
                yield (
                    lineno,
                    InputError(f"field {key!r} must be a string", path=path, line=lineno, code=E_FIELD),
                )
                break
        else:
            yield lineno, obj
