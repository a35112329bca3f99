"""JSON form of annotated articles (the ``extract --json`` schema, ``schema/extract.schema.json``),
of story comparisons (``schema/compare.schema.json``) and of audits (``schema/audit.schema.json``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from newstrace.records import AnnotatedArticle, Article, AuditReport, Claim, Group, Span, StoryEntity
from newstrace.story.compare import StoryReport


def _span(s: Span | None) -> dict[str, int] | None:
    return None if s is None else {"start": s.start, "end": s.end}


def article_json(ann: AnnotatedArticle, story_ids: Mapping[str, str] | None = None) -> dict[str, Any]:
    """One article. ``story_ids`` maps ``article/e3`` to the cross-article entity id (``E7``)."""
    a = ann.article
    story_ids = story_ids or {}
    return {
        "kind": "article",
        "id": a.id,
        "path": a.path,
        "title": a.title,
        "published": a.published.isoformat() if a.published else None,
        "place": a.place,
        "place_span": _span(a.place_span),
        "credit": a.credit,
        "credit_span": _span(a.credit_span),
        "source": a.source,
        "url": a.url,
        "author": a.author,
        "language": a.language,
        "body_start": a.body_start,
        "text": a.text,
        "metadata": dict(a.metadata),
        "source_map": [list(r) for r in a.source_map],
        "sentences": [{"start": s.start, "end": s.end} for s in ann.sentences],
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "story_entity": story_ids.get(f"{a.id}/{e.id}"),
                "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in e.mentions],
            }
            for e in ann.entities
        ],
        "times": [
            {
                "start": t.start,
                "end": t.end,
                "text": t.text,
                "type": t.type,
                "value": t.value,
                "anchored": t.anchored,
                "mod": t.mod,
            }
            for t in ann.times
        ],
        "quotes": [
            {
                "speaker": q.speaker,
                "speaker_entity": q.speaker_entity,
                "story_entity": story_ids.get(f"{a.id}/{q.speaker_entity}") if q.speaker_entity else None,
                "speaker_span": _span(q.speaker_span),
                "cue": _span(q.cue),
                "content": _span(q.content),
                "kind": q.kind,
                "via": list(q.via),
            }
            for q in ann.quotes
        ],
        "claims": [claim_json(c, a.id) for c in ann.claims],
        "warnings": list(ann.warnings),
    }


def claim_json(c: Claim, article: str) -> dict[str, Any]:
    f = c.frame
    return {
        "id": c.id,
        "article": article,
        "start": c.start,
        "end": c.end,
        "text": c.text,
        "kind": c.kind,
        "cues": list(c.cues),
        "frame": {
            "actors": list(f.actors),
            "action": f.action,
            "objects": list(f.objects),
            "times": list(f.times),
            "time_heads": list(f.time_heads),
            "places": list(f.places),
            "quantities": [
                {
                    "start": q.start,
                    "end": q.end,
                    "text": q.text,
                    "value": q.value,
                    "unit": q.unit,
                    "governor": q.governor,
                    "holder": list(q.holder) if q.holder else None,
                }
                for q in f.quantities
            ],
            "speaker": f.speaker,
            "via": list(f.via),
            "hedges": list(f.hedges),
            "negated": f.negated,
        },
        "props": [
            {
                "start": p.start,
                "end": p.end,
                "action": p.action,
                "subject": p.subject,
                "actors": list(p.actors),
                "lemmas": list(p.lemmas),
                "actor_lemmas": list(p.actor_lemmas),
                "theme_lemmas": list(p.theme_lemmas),
                "negated": p.negated,
                "future": p.future,
                "text": p.text,
            }
            for p in c.props
        ],
    }


def story_json(entities: Sequence[StoryEntity]) -> dict[str, Any]:
    """The cross-article view: one object after the article lines."""
    return {
        "kind": "story",
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "aliases": list(e.aliases),
                "members": list(e.members),
                "mentions": [
                    {"article": m.article, "start": m.start, "end": m.end, "text": m.text} for m in e.mentions
                ],
                "merges": [{"a": m.a, "b": m.b, "reason": m.reason} for m in e.merges],
                "related": [
                    {"article": m.article, "start": m.start, "end": m.end, "text": m.text} for m in e.related
                ],
            }
            for e in entities
        ],
    }


def compare_json(report: StoryReport) -> dict[str, Any]:
    """The ``compare --json`` document (``schema/compare.schema.json``)."""
    story_ids = {ref: e.id for e in report.entities for ref in e.members}
    facts_of: dict[tuple[str, str], list[str]] = {}
    for g in report.groups:
        if g.verdict == "corroborated":
            for r in g.claims:
                facts_of.setdefault((r.article, r.claim), []).append(g.id)
    return {
        "articles": [
            {
                "id": ann.article.id,
                "path": ann.article.path,
                "title": ann.article.title,
                "published": ann.article.published.isoformat() if ann.article.published else None,
                "source": ann.article.source,
                "independent_source": report.source_of[ann.article.id],
                "text": ann.article.text,
            }
            for ann in report.articles
        ],
        "entities": story_json(report.entities)["entities"],
        "claims": [
            {
                **claim_json(c, ann.article.id),
                "story_entities": _story_refs(c, ann.article.id, story_ids),
                # Groups are numbered in report order and a claim states a fact once.
                "facts": facts_of.get((ann.article.id, c.id), []),
            }
            for ann in report.articles
            for c in ann.claims
        ],
        "groups": [
            {
                "id": g.id,
                "verdict": g.verdict,
                "severity": g.severity,
                "explanation": g.explanation,
                "independent_sources": g.independent_sources,
                "claims": _group_claims(g),
                **({"statement": g.statement, "background": g.background} if g.statement else {}),
                "conflicts": [
                    {
                        "type": c.type,
                        "severity": c.severity,
                        "confidence": round(c.confidence, 2),
                        "explanation": c.explanation,
                        "values": [
                            {
                                "article": v.article,
                                "start": v.start,
                                "end": v.end,
                                "text": v.text,
                                "value": v.value,
                                **({"side": v.side} if v.side is not None else {}),
                            }
                            for v in c.values
                        ],
                    }
                    for c in g.conflicts
                ],
            }
            for g in report.groups
        ],
        "lineage": [
            {"a": link.a, "b": link.b, "similarity": link.similarity, "original": link.original}
            for link in report.lineage
        ],
        # Why articles count as one independent source, pair by pair.
        "source_links": [
            {"a": link.a, "b": link.b, "why": link.why, "detail": link.detail} for link in report.source_links
        ],
        "timeline": [
            {"value": t.value, "text": t.text, "groups": list(t.groups), "articles": list(t.articles)}
            for t in report.timeline
        ],
    }


def _group_claims(g: Group) -> list[dict[str, Any]]:
    """A group's claims; in a fact, with the span where each claim states it."""
    if not g.spans:
        return [{"article": r.article, "claim": r.claim} for r in g.claims]
    return [
        {"article": s.article, "claim": s.claim, "start": s.start, "end": s.end, "text": s.text,
         "marks": list(s.marks)}
        for s in g.spans
    ]  # fmt: skip


def _story_refs(c: Claim, article: str, story_ids: Mapping[str, str]) -> list[str]:
    f = c.frame
    local = [*f.actors, *f.places, *(o for o in f.objects if o.startswith("e") and o[1:].isdigit())]
    return sorted({sid for e in local if (sid := story_ids.get(f"{article}/{e}"))})


# ---------------------------------------------------------------------------- derived-text audit


def file_span(article: Article | None, start: int, end: int) -> tuple[int | None, int | None]:
    """``text[start:end]`` of ``article`` as offsets into its original file text (for HTML through
    the source map); ``(None, None)`` when the span cannot be placed in the markup."""
    if article is None:
        return start, end
    span = article.source_span(start, end)
    return (None, None) if span is None else span


def audit_json(report: AuditReport, articles: Mapping[str, Article]) -> dict[str, Any]:
    """The ``audit --json`` document (``schema/audit.schema.json``). ``articles`` maps ids to the
    audited articles; every offset is turned into an offset into that article's original file."""
    derived = articles.get(report.derived)

    def where(article_id: str, start: int, end: int) -> dict[str, int | None]:
        a, b = file_span(articles.get(article_id), start, end)
        return {"start": a, "end": b}

    sentences = []
    for s in report.sentences:
        start, end = file_span(derived, s.start, s.end)
        sentences.append(
            {
                "start": start,
                "end": end,
                "text": s.text,
                "label": s.label,
                "score": round(float(s.score), 4),
                "evidence": [
                    {
                        "source": e.source,
                        **where(e.source, e.start, e.end),
                        "text": e.text,
                        "score": round(float(e.score), 4),
                    }
                    for e in s.evidence
                ],
                "reason": s.reason,
                "distortions": [
                    {"type": d.type, "derived": d.derived, "source": d.source, "explanation": d.explanation}
                    for d in s.distortions
                ],
            }
        )
    return {
        "derived": report.derived,
        "sources": list(report.sources),
        "consistent": bool(report.consistent),
        "score": round(float(report.score), 4),
        "sentences": sentences,
        "omissions": [
            {
                "source": o.source,
                **where(o.source, o.start, o.end),
                "text": o.text,
                "importance": round(float(o.importance), 4),
                "reason": o.reason,
            }
            for o in report.omissions
        ],
    }
