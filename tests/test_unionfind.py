from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newstrace._unionfind import UnionFind


def test_groups_and_leaders():
    uf: UnionFind[str] = UnionFind(["a", "b", "c", "d"])
    assert uf.union("c", "b")
    assert not uf.union("b", "c")
    uf.union("d", "c")
    assert uf.find("d") == "b"  # the earliest key leads
    assert uf.groups() == [["a"], ["b", "c", "d"]]


@given(st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20)), max_size=40))
def test_matches_naive_connectivity(edges):
    uf: UnionFind[int] = UnionFind(range(21))
    comp = {i: {i} for i in range(21)}
    for a, b in edges:
        uf.union(a, b)
        merged = comp[a] | comp[b]
        for x in merged:
            comp[x] = merged
    for a in range(21):
        for b in range(21):
            assert (uf.find(a) == uf.find(b)) == (b in comp[a])
