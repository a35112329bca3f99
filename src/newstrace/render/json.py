"""JSON form of annotated articles (the ``extract --json`` schema, ``schema/extract.schema.json``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from newstrace.records import AnnotatedArticle, Span, StoryEntity


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
        "warnings": list(ann.warnings),
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
