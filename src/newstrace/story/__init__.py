"""Cross-article work: takes annotated articles, returns story-level records. Never re-parses text."""

from newstrace.story.resolve import resolve_entities

__all__ = ["resolve_entities"]
