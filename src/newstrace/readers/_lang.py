"""Language identification (py3langid's bundled model; no download)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)


def detect_language(text: str, min_chars: int) -> tuple[str | None, float]:
    """Return (ISO 639-1 code, probability); (None, 0.0) for texts too short to tell."""
    sample = text[:4000].strip()
    if len(sample) < min_chars:
        return None, 0.0
    lang, prob = _identifier().classify(sample)
    return str(lang), float(prob)
