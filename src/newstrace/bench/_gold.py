"""What the benches scored against gold read by hand in ECB+ share: reading a folder of
``TOPIC_SUB.json`` files, and the articles of one sub-topic."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newstrace.bench.ecbplus import EcbDocument, read_ecb, subtopic_files
from newstrace.errors import InputError

__all__ = ["load_gold_files", "ratio", "subtopic_docs"]

_NAME = re.compile(r"^(\d+)_(\d+)$")


def ratio(a: int, b: int) -> float:
    """a / b, and 1.0 when there is nothing to count (no pair reported, no gold item)."""
    return a / b if b else 1.0


def load_gold_files(
    folder: Path, what: str, on_error: Callable[[InputError], None] | None = None
) -> list[tuple[Path, dict[str, Any]]]:
    """The gold files of a folder in sub-topic order. A file that is not ``TOPIC_SUB.json``
    (E106) or not valid JSON (E105, with its line) goes to ``on_error`` (raised without one) and
    is left out; an empty folder is E107."""
    files = sorted(folder.glob("*.json"))
    if not files:
        raise InputError(f"no {what} gold files (*.json)", path=str(folder), code="E107")
    out = []
    for f in files:
        try:
            if not _NAME.match(f.stem):
                raise InputError(f"a {what} gold file is named TOPIC_SUB.json (e.g. 20_2.json)", path=str(f),
                                 code="E106")  # fmt: skip
            try:
                out.append((f, json.loads(f.read_text(encoding="utf-8"))))
            except json.JSONDecodeError as e:
                raise InputError(f"malformed gold JSON: {e.msg}", path=str(f), line=e.lineno, code="E105") from e
        except InputError as e:
            if on_error is None:
                raise
            on_error(e)
    return sorted(out, key=lambda fg: [int(x) for x in fg[0].stem.split("_")])


def subtopic_docs(ecb_dir: str | Path, name: str) -> dict[str, EcbDocument]:
    """The ECB+ documents of sub-topic ``name`` ("20_2"), by article id (E107 when none)."""
    topic, sub = (int(x) for x in name.split("_"))
    files = subtopic_files(ecb_dir, topic, sub)
    if not files:
        raise InputError(f"no ECB+ files for sub-topic {name}", path=str(ecb_dir), code="E107")
    return {d.article.id: d for d in (read_ecb(f) for f in files)}
