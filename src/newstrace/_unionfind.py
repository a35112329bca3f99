"""Union-find (disjoint sets), shared by every step that merges things into groups."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)


class UnionFind(Generic[K]):
    """Disjoint sets over hashable keys; the smallest key (by insertion order) leads a set,
    so groupings are deterministic for a given input order."""

    def __init__(self, keys: Iterable[K] = ()) -> None:
        self._parent: dict[K, K] = {}
        self._order: dict[K, int] = {}
        for k in keys:
            self.add(k)

    def add(self, key: K) -> None:
        if key not in self._parent:
            self._parent[key] = key
            self._order[key] = len(self._order)

    def find(self, key: K) -> K:
        parent = self._parent
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def union(self, a: K, b: K) -> bool:
        """Join the sets of ``a`` and ``b``; False if they were already one."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self._order[rb] < self._order[ra]:
            ra, rb = rb, ra
        self._parent[rb] = ra
        return True

    def groups(self) -> list[list[K]]:
        """All sets, each in insertion order, ordered by their first key."""
        out: dict[K, list[K]] = {}
        for k in self._parent:
            out.setdefault(self.find(k), []).append(k)
        return list(out.values())
