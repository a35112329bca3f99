"""The story's dated events in date order."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from newstrace.records import ClaimRef, Group, TimelineEntry
from newstrace.story.claims import StoryClaim

__all__ = ["timeline"]


def timeline(groups: Sequence[Group], by_ref: dict[ClaimRef, StoryClaim]) -> tuple[TimelineEntry, ...]:
    """The story's dated events in date order (day or month precision, anchored values only);
    an update (a toll that rose) sits on the day of the report that gives the later figure."""
    entries: dict[str, list[Group]] = defaultdict(list)
    texts: dict[str, str] = {}
    for g in groups:
        if g.verdict == "opinion":
            continue
        if g.verdict == "update" and g.conflicts:
            # A figure that moved is an event of the story on the day the later report gave it.
            later = by_ref.get(
                next((r for r in g.claims if r.article == g.conflicts[0].values[-1].article), g.claims[-1])
            )
            pub = later.ann.article.published if later is not None else None
            if pub is not None:
                v = pub.isoformat()
                entries[v].append(g)
                texts.setdefault(v, g.explanation)
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
