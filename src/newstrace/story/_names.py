"""Name comparison for transliteration variants ("Khinshtein" ~ "Khinstin", "Sydorenko" ~ "Sidorenko").

Names are folded to a rough phonetic spelling (diacritics dropped, common romanization
alternatives unified) and compared with Jaro-Winkler similarity, which rewards a shared start,
as transliterations of one name usually have.
"""

from __future__ import annotations

import re
import unicodedata

# Romanization alternatives seen across wire services (Russian/Ukrainian/Arabic/Korean names):
# order matters, longer patterns first.
_FOLDS = (
    ("shch", "sch"),
    ("kh", "h"),
    ("zh", "j"),
    ("ts", "c"),
    ("tz", "c"),
    ("ck", "k"),
    ("ph", "f"),
    ("iy", "i"),
    ("yi", "i"),
    ("ii", "i"),
    ("ij", "i"),
    ("ey", "e"),
    ("ei", "i"),
    ("ie", "e"),
    ("yo", "e"),
    ("yu", "u"),
    ("ya", "a"),
    ("ou", "u"),
    ("w", "v"),
    ("y", "i"),
    ("j", "i"),
    ("q", "k"),
    ("x", "ks"),
)
_DOUBLE = re.compile(r"(.)\1+")


def fold(name: str) -> str:
    """Lower-case, strip diacritics and unify romanization variants."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[^a-z ]", "", text)
    for a, b in _FOLDS:
        text = text.replace(a, b)
    return _DOUBLE.sub(r"\1", text)


def skeleton(folded: str) -> str:
    """Consonants only: "hinshtin" -> "hnshtn"."""
    return re.sub(r"[aeiou ]", "", folded)


def jaro_winkler(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    window = max(0, max(len(a), len(b)) // 2 - 1)
    a_hit = [False] * len(a)
    b_hit = [False] * len(b)
    matches = 0
    for i, ch in enumerate(a):
        for j in range(max(0, i - window), min(len(b), i + window + 1)):
            if not b_hit[j] and b[j] == ch:
                a_hit[i] = b_hit[j] = True
                matches += 1
                break
    if not matches:
        return 0.0
    a_seq = [c for c, h in zip(a, a_hit, strict=True) if h]
    b_seq = [c for c, h in zip(b, b_hit, strict=True) if h]
    transpositions = sum(x != y for x, y in zip(a_seq, b_seq, strict=True)) / 2
    jaro = (matches / len(a) + matches / len(b) + (matches - transpositions) / matches) / 3
    prefix = 0
    for x, y in zip(a[:4], b[:4], strict=False):
        if x != y:
            break
        prefix += 1
    return jaro + prefix * 0.1 * (1 - jaro)


def name_similarity(a: str, b: str) -> float:
    """Similarity of two name tokens after folding, in [0, 1]."""
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return 1.0
    return jaro_winkler(fa, fb)
