"""What a number measures and how exactly: its bound ("more than 100", "about 3,000"), the
words around it and the kind of count it is (dead, injured, missing); whether two numbers count
the same thing."""

from __future__ import annotations

import re

from newstrace.records import Quantity
from newstrace.story.claims import StoryClaim

__all__ = [
    "APPROX",
    "CUMULATIVE_UNITS",
    "agree_within_bound",
    "bound",
    "casualty_pair",
    "num",
    "same_quantity",
]

CUMULATIVE_UNITS = {"dead", "death", "people", "person", "toll", "victim", "casualty", "body", "injured"}
# Units that count the same thing in casualty reports ("death toll of 17", "21 people killed").
_UNIT_CLASS = {u: "casualties" for u in ("dead", "death", "toll", "victim", "casualty", "body", "fatality")}


_BOUND_BEFORE = re.compile(
    r"\b(?:(?P<min>more than|over|at least|upwards of|in excess of|no fewer than|no less than)"
    r"|(?P<max>fewer than|less than|under|up to|at most)"
    r"|(?P<approx>about|around|roughly|approximately|some|an estimated|estimated|nearly|almost|close to))"
    r"\s+$",
    re.IGNORECASE,
)
APPROX = 0.15  # "about 100" agrees with anything from 85 to 115


def bound(sc: StoryClaim, q: Quantity) -> str | None:
    """ "min" ("more than 100"), "max" ("up to 50"), "approx" ("about 3,000") or None (exact)."""
    m = _BOUND_BEFORE.search(sc.ann.article.text, max(sc.claim.start, q.start - 25), q.start)
    return None if m is None else m.lastgroup


def agree_within_bound(ka: str | None, va: float, kb: str | None, vb: float) -> bool:
    """Whether ``va`` with bound ``ka`` admits ``vb``: "more than 100" admits an exact 116, "about
    100" admits 110. Two minimums ("at least nine" / "at least 12") are two tolls: no agreement."""
    if ka == "approx":
        return abs(va - vb) <= APPROX * max(abs(va), abs(vb))
    if ka is None or kb in ("min", "max"):
        return False
    return vb >= va if ka == "min" else vb <= va


# Words that say what a count counts; two counts with different ones are different facts.
_COUNT_KIND = {
    **dict.fromkeys(("killed", "dead", "died", "death", "deaths", "toll", "lives", "fatalities"), "dead"),
    **dict.fromkeys(("injured", "injuring", "wounded", "hurt", "hospitalised", "hospitalized"), "injured"),
    **dict.fromkeys(("missing",), "missing"),
    **dict.fromkeys(("evacuated", "displaced", "rescued", "arrested", "detained"), "other"),
}
_CONTEXT_STOP = set(
    """the a an of to in on at by for from with and or but as that this than about some more
    least most nearly almost around over under up down its their his her has have had was were
    is are be been said says after before since per""".split()
)


def _context(sc: StoryClaim, start: int, end: int) -> tuple[set[str], str | None]:
    """Content-word stems near a quantity, and the count kind of the nearest kind word
    ("killing two people and injuring 47": 47 counts the injured)."""
    text = sc.ann.article.text
    lo = max(sc.claim.start, start - 45)
    hi = min(sc.claim.end, end + 45)
    words = re.findall(r"[a-z]+", (text[lo:start] + " " + text[end:hi]).casefold())
    kind: str | None = None
    best = 10**9
    for m in re.finditer(r"[a-z]+", text[lo:hi].casefold()):
        w = m.group(0)
        if w in _COUNT_KIND:
            pos = lo + m.start()
            dist = 0 if start <= pos < end else min(abs(pos - end), abs(start - pos))
            if dist < best:
                best, kind = dist, _COUNT_KIND[w]
    return {w[:5] for w in words if w not in _CONTEXT_STOP and len(w) > 2}, kind


def same_quantity(a: StoryClaim, qa: Quantity, b: StoryClaim, qb: Quantity) -> bool:
    """Whether two numbers count the same thing: shared words around them, no different count
    kind ("killed" against "injured"), and the same actors when both claims name any."""
    # A number the other claim repeats is agreed, not contradicted by its other numbers.
    if any(q.value == qa.value and q.unit == qa.unit for q in b.claim.frame.quantities):
        return False
    if any(q.value == qb.value and q.unit == qb.unit for q in a.claim.frame.quantities):
        return False
    wa, ka = _context(a, qa.start, qa.end)
    wb, kb = _context(b, qb.start, qb.end)
    if ka != kb:
        return False
    if not wa & wb:
        return False
    # Numbers about different actors or places are different facts ("its neighbour raised
    # rates by 0.25 points" is no conflict with "the bank raised them by 0.5").
    return not (a.entities and b.entities and not a.entities & b.entities)


def casualty_pair(ua: str, ub: str, a: StoryClaim, b: StoryClaim) -> bool:
    """ "toll ... 17" and "21 people killed" both count the dead."""

    def counts_dead(unit: str, sc: StoryClaim) -> bool:
        if _UNIT_CLASS.get(unit) == "casualties":
            return True
        text = sc.claim.text.casefold()
        return unit in ("people", "person") and ("killed" in text or "dead" in text or "died" in text)

    return counts_dead(ua, a) and counts_dead(ub, b)


def num(v: float) -> str:
    return str(int(v)) if v == int(v) else str(v)
