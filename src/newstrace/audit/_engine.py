"""The audit itself: annotate, find evidence for each derived sentence, label it, list omissions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from newstrace.config import Settings, load_settings
from newstrace.records import AnnotatedArticle, Article, AuditLabel, AuditReport, AuditSentence, Evidence
from newstrace.story.compare import Embed

SUPPORT_MIN = 0.5  # score from which a sentence counts as carried by the sources
# Labels that leave a derived text consistent with its sources (an opinion is no factual claim).
CONSISTENT_LABELS: frozenset[AuditLabel] = frozenset({"supported", "partially_supported", "opinion"})


class Auditor:
    """Build once (spaCy and the embedding model load here), then audit any number of texts."""

    def __init__(self, settings: Settings | None = None, embed: Embed | None = None) -> None:
        from newstrace.api import embedder
        from newstrace.pipeline import Pipeline

        self.settings = settings or load_settings()
        self.pipeline = Pipeline(self.settings)
        self.embed = embed or embedder(self.settings)

    def audit(self, sources: Sequence[Article], derived: Article) -> AuditReport:
        anns = list(self.pipeline.annotate([*sources, derived]))
        return audit_annotated(anns[:-1], anns[-1], self.embed)


def audit_articles(
    sources: Sequence[Article], derived: Article, settings: Settings | None = None, embed: Embed | None = None
) -> AuditReport:
    """One-off audit; for many texts build an :class:`Auditor` once instead."""
    return Auditor(settings, embed).audit(sources, derived)


def audit_annotated(
    sources: Sequence[AnnotatedArticle], derived: AnnotatedArticle, embed: Embed
) -> AuditReport:
    body = derived.article.text
    dsents = [(s.start, s.end) for s in derived.sentences if body[s.start : s.end].strip()]
    ssents = [
        (a, s.start, s.end) for a in sources for s in a.sentences if a.article.text[s.start : s.end].strip()
    ]
    dv = embed([body[s:e] for s, e in dsents])
    sv = embed([a.article.text[s:e] for a, s, e in ssents])
    sims: np.ndarray[Any, Any] = dv @ sv.T if len(ssents) else np.zeros((len(dsents), 0))
    out: list[AuditSentence] = []
    for i, (start, end) in enumerate(dsents):
        row = sims[i]
        order: list[int] = [int(j) for j in np.argsort(-row)[:3]] if row.size else []
        ev = tuple(
            Evidence(
                ssents[j][0].article.id,
                ssents[j][1],
                ssents[j][2],
                ssents[j][0].article.text[ssents[j][1] : ssents[j][2]],
                float(row[j]),
            )
            for j in order
        )
        score = float(row.max()) if row.size else 0.0
        label: AuditLabel = "supported" if score >= SUPPORT_MIN else "unsupported"
        out.append(AuditSentence(start, end, body[start:end], label, score, ev, ""))
    scores = [s.score for s in out]
    consistent = all(s.label in CONSISTENT_LABELS for s in out)
    return AuditReport(
        derived=derived.article.id,
        sources=tuple(a.article.id for a in sources),
        consistent=consistent,
        score=float(min(scores)) if scores else 1.0,
        sentences=tuple(out),
    )
