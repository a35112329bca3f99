from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from newstrace.timex import tag_times

WORDS = st.sampled_from(
    "on in the last next this year month week Tuesday Friday May March April 26 1998 2025 , . 's "
    "said will ago days three two-year a few recently now daily every at 3 p.m. early late mid- "
    "Dec. 30 Jan 4 quarter third-quarter summer the past of $ 5 and about nearly".split()
)
TEXTS = st.one_of(st.text(max_size=200), st.lists(WORDS, max_size=40).map(" ".join))
DCTS = st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, dct=DCTS, data=st.data())
def test_offsets_valid_and_within_range(text: str, dct: dt.date | None, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    out = tag_times(text, dct, start=start, end=end)
    prev_end = start
    for t in out:
        assert start <= t.start < t.end <= end
        assert t.start >= prev_end  # sorted, non-overlapping
        assert text[t.start : t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert t.value and "@" not in t.value
        if dct is None and "X" in t.value and t.type == "DATE" and t.value[:4] == "XXXX":
            assert not t.anchored
        prev_end = t.end
