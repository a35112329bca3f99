"""Copy lineage: which articles are near-copies of one another (syndication, light rewrites).

Candidates come from MinHash LSH over word 5-gram shingles (datasketch), so a large story is
not compared all-pairs; each candidate pair is then confirmed with the exact Jaccard similarity
of the shingle sets, so the reported figure is not a MinHash estimate.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newstrace._unionfind import UnionFind
from newstrace.records import AnnotatedArticle, CopyLink

SHINGLE = 5
THRESHOLD = 0.5
NUM_PERM = 128
_WORD = re.compile(r"\w+")


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    words = [w.casefold() for w in _WORD.findall(text)]
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def find_copies(anns: Sequence[AnnotatedArticle], threshold: float = THRESHOLD) -> tuple[CopyLink, ...]:
    """Pairs of articles whose bodies have word-5-gram Jaccard similarity >= ``threshold``."""
    from datasketch import MinHash, MinHashLSH

    sets = {ann.article.id: shingles(ann.article.body) for ann in anns}
    dates = {ann.article.id: ann.article.published for ann in anns}
    # The LSH threshold sits below the confirmation threshold so MinHash noise loses no pair.
    lsh = MinHashLSH(threshold=max(0.1, threshold - 0.2), num_perm=NUM_PERM)
    hashes: dict[str, MinHash] = {}
    for aid, sh in sets.items():
        if not sh:
            continue
        mh = MinHash(num_perm=NUM_PERM, seed=1)
        mh.update_batch([s.encode("utf-8") for s in sh])
        hashes[aid] = mh
        lsh.insert(aid, mh)
    order = {ann.article.id: i for i, ann in enumerate(anns)}
    links: list[CopyLink] = []
    for aid, mh in hashes.items():
        for bid in lsh.query(mh):
            if order[bid] <= order[aid]:
                continue
            sim = jaccard(sets[aid], sets[bid])
            if sim >= threshold:
                da, db = dates[aid], dates[bid]
                original = None if da is None or db is None or da == db else (aid if da < db else bid)
                links.append(CopyLink(aid, bid, round(sim, 3), original))
    return tuple(sorted(links, key=lambda link: (order[link.a], order[link.b])))


def copy_groups(ids: Sequence[str], links: Sequence[CopyLink]) -> list[list[str]]:
    """Articles joined by copy links, as groups (each group counts as one independent source)."""
    uf: UnionFind[str] = UnionFind(ids)
    for link in links:
        uf.union(link.a, link.b)
    return uf.groups()
