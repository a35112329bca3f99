"""Length of a spaCy Doc's text without building it."""

from __future__ import annotations

from typing import Any


def doc_length(doc: Any) -> int:
    """``len(doc.text)``, read off the last token: spaCy joins every token to make ``doc.text``,
    which a per-sentence lookup would pay once per sentence."""
    if not len(doc):
        return 0
    last = doc[-1]
    return int(last.idx + len(last.text_with_ws))
