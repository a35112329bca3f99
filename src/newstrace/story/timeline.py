"""The story's dated events in date order."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from newstrace.records import ClaimRef, Group, TimelineEntry
from newstrace.story.claims import StoryClaim

__all__ = ["timeline"]


def timeline(groups: Sequence[Group], by_ref: dict[ClaimRef, StoryClaim]) -> tuple[TimelineEntry, ...]:
    """The story's dated events in date order (day or month precision, anchored values only)."""
    entries: dict[str, list[Group]] = defaultdict(list)
    texts: dict[str, str] = {}
    for g in groups:
        if g.verdict == "opinion":
            continue
        for ref in g.claims:
            sc = by_ref[ref]
            if not sc.checkable:
                continue
            for v in sc.claim.frame.times:
                if re.match(r"^\d{4}-\d{2}(-\d{2})?$", v):
                    if not entries[v] or entries[v][-1] is not g:
                        entries[v].append(g)
                    texts.setdefault(v, sc.claim.text)
    out = []
    for v in sorted(entries):
        gs = entries[v]
        arts = sorted({r.article for g in gs for r in g.claims})
        out.append(TimelineEntry(v, texts[v], tuple(g.id for g in gs), tuple(arts)))
    return tuple(out)
