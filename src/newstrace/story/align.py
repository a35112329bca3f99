"""Which claims of different articles state the same fact: candidates from sentence embeddings
(blockwise top-k, so cost grows with the number of claims, not its square in memory), confirmed
by agreement of entities, dates and action; then one group per claim and what confirms it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from newstrace.story.claims import AUTHORED, StoryClaim, head_word
from newstrace.story.scope import dates, event_dates, same_date

__all__ = [
    "embed_claims",
    "measure_pairs",
    "neighbours",
    "CANDIDATE_MIN",
    "CONFIRM_STRONG",
    "CONFIRM_WITH_EVIDENCE",
    "TOP_K",
    "Embed",
    "align",
    "confirmed_pairs",
]

Embed = Callable[[list[str]], "np.ndarray[Any, Any]"]

CANDIDATE_MIN = 0.45  # cosine below which two claims are never compared
CONFIRM_STRONG = 0.72  # cosine that aligns on its own
CONFIRM_WITH_EVIDENCE = 0.55  # cosine + evidence needed when the wording alone is not enough
TOP_K = 8


def neighbours(vecs: np.ndarray[Any, Any], k: int, block: int = 1024) -> list[list[tuple[int, float]]]:
    """Top-k cosine neighbours of each row (rows are unit vectors), computed in row blocks."""
    n = len(vecs)
    out: list[list[tuple[int, float]]] = []
    k = min(k, max(0, n - 1))
    for lo in range(0, n, block):
        sims = vecs[lo : lo + block] @ vecs.T
        for r in range(sims.shape[0]):
            sims[r, lo + r] = -1.0
        if k == 0:
            out.extend([] for _ in range(sims.shape[0]))
            continue
        idx = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        for r in range(sims.shape[0]):
            out.append([(int(j), float(sims[r, j])) for j in idx[r]])
    return out


def _evidence(a: StoryClaim, b: StoryClaim) -> float:
    """Agreement beyond wording: shared entities, a shared date, the same action."""
    score = 0.0
    shared = a.entities & b.entities
    score += min(0.15, 0.05 * len(shared))
    if any(same_date(x, y) for x in dates(a) for y in dates(b)):
        score += 0.1
    if a.claim.frame.action and a.claim.frame.action == b.claim.frame.action:
        score += 0.05
    return score


def embed_claims(claims: Sequence[StoryClaim], embed: Embed) -> np.ndarray[Any, Any]:
    """Unit vectors of the claims' texts, one row per claim (computed once per story)."""
    return embed([c.claim.text for c in claims])


def confirmed_pairs(
    claims: Sequence[StoryClaim], embed: Embed, vecs: np.ndarray[Any, Any] | None = None
) -> dict[tuple[int, int], float]:
    """Pairs of claims from different articles that state the same fact, with their score.

    Candidates are each claim's nearest neighbours by sentence embedding; weak paraphrase must be
    backed by agreeing entities, dates or action. Claims that share a day-precise date, a
    reporting verb and a subject entity are paired too: outlets often word one announcement so
    differently that embeddings miss it ("Putin announced ..." / "... was announced by Gerasimov").
    """
    pairs: dict[tuple[int, int], float] = {}
    if not claims:
        return pairs
    if vecs is None:
        vecs = embed_claims(claims, embed)
    for i, row in enumerate(neighbours(vecs, TOP_K)):
        for j, cos in row:
            a, b = claims[i], claims[j]
            if a.ref.article == b.ref.article or cos < CANDIDATE_MIN:
                continue
            ev = _evidence(a, b)
            if cos >= CONFIRM_STRONG or (ev >= 0.1 and cos + ev >= CONFIRM_WITH_EVIDENCE):
                key = (min(i, j), max(i, j))
                pairs[key] = max(pairs.get(key, 0.0), cos + ev)
    # Claims that date the same word ("broke out") or report the same authored act on the same
    # thing ("announced the decision") are compared even when worded far apart.
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        for head in event_dates(c):
            by_key["t:" + head].append(i)
        f = c.claim.frame
        if f.action in AUTHORED:
            for o in f.objects:
                if w := head_word(o):
                    by_key[f"a:{f.action}:{w}"].append(i)
    for members in by_key.values():
        for x, i in enumerate(members):
            for j in members[x + 1 : x + 1 + 50]:  # bounded: a common key must not go quadratic
                a, b = claims[i], claims[j]
                if a.ref.article == b.ref.article:
                    continue
                cos = float(vecs[i] @ vecs[j])
                if cos >= 0.4:
                    key = (min(i, j), max(i, j))
                    pairs[key] = max(pairs.get(key, 0.0), cos + _evidence(a, b))
    by_day: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        if c.cues:
            for d in dates(c):
                by_day[d[5:]].append(i)  # month-day: X-aware across dated and undated articles
    for members in by_day.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                a, b = claims[i], claims[j]
                if a.ref.article == b.ref.article or not a.cues & b.cues:
                    continue
                if not any(same_date(p, q) for p in dates(a) for q in dates(b)):
                    continue
                cos = float(vecs[i] @ vecs[j])
                if cos >= 0.3:
                    key = (min(i, j), max(i, j))
                    pairs[key] = max(pairs.get(key, 0.0), cos + _evidence(a, b))
    return pairs


def measure_pairs(
    claims: Sequence[StoryClaim],
    vecs: np.ndarray[Any, Any],
    known: dict[tuple[int, int], float],
    min_cos: float = 0.3,
) -> dict[tuple[int, int], float]:
    """Pairs of claims that give a figure of the same kind of measure (the same count noun and
    count kind, or the same physical dimension or currency) and are about the same topic, though
    worded too differently to be confirmed as one fact ("A 5.9 magnitude earthquake has leveled
    seven villages" / "The 6.1-magnitude quake struck Qeshm island"). Used to look for number
    conflicts only: they do not make groups."""
    from newstrace.story.quantities import measure_key

    keys: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        if not c.checkable:
            continue
        seen: set[str] = set()
        for q in c.claim.frame.quantities:
            key = measure_key(c, q)
            if key is None:
                continue
            if key not in seen:
                seen.add(key)
                keys[key].append(i)
    out: dict[tuple[int, int], float] = {}
    for members in keys.values():
        for x, i in enumerate(members):
            for j in members[x + 1 : x + 1 + 50]:  # bounded: a common measure must not go quadratic
                if claims[i].ref.article == claims[j].ref.article or (i, j) in known:
                    continue
                cos = float(vecs[i] @ vecs[j])
                if cos >= min_cos:
                    out[(i, j)] = cos
    return out


def align(claims: Sequence[StoryClaim], pairs: dict[tuple[int, int], float]) -> list[list[int]]:
    """One group per claim and everything confirmed to state the same fact (identical groups
    merged). A claim can sit in several groups: a sentence may carry several facts."""
    adj: dict[int, set[int]] = defaultdict(set)
    for i, j in pairs:
        adj[i].add(j)
        adj[j].add(i)
    groups: list[list[int]] = []
    seen: set[frozenset[int]] = set()
    for i in range(len(claims)):
        members = frozenset({i, *adj[i]})
        if members not in seen:
            seen.add(members)
            groups.append(sorted(members))
    return groups
