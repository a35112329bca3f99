"""newstrace: offline, CPU-first cross-checking of news coverage.

Public API::

    from newstrace import load_settings, read_paths, Pipeline
    pipeline = Pipeline(load_settings())
    for ann in pipeline.annotate(a for a in read_paths(["articles/"]) if isinstance(a, Article)):
        ...

Everything not listed in ``__all__`` is private and may change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

from newstrace.config import Settings, load_settings
from newstrace.errors import ConfigError, InputError, MissingExtraError, ModelError, NewstraceError
from newstrace.records import AnnotatedArticle, Article, Entity, Mention, ReadError, Sentence, Span, TimeExpr

if TYPE_CHECKING:
    from newstrace.pipeline import Pipeline
    from newstrace.readers import article_from_text, read_paths
    from newstrace.timex import tag_times

__all__ = [
    "AnnotatedArticle",
    "Article",
    "ConfigError",
    "Entity",
    "InputError",
    "Mention",
    "MissingExtraError",
    "ModelError",
    "NewstraceError",
    "Pipeline",
    "ReadError",
    "Sentence",
    "Settings",
    "Span",
    "TimeExpr",
    "__version__",
    "article_from_text",
    "load_settings",
    "read_paths",
    "tag_times",
]

# Heavy modules (spaCy, trafilatura) load on first use, so `newstrace --help` stays fast.
_LAZY = {
    "Pipeline": "newstrace.pipeline",
    "read_paths": "newstrace.readers",
    "article_from_text": "newstrace.readers",
    "tag_times": "newstrace.timex",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'newstrace' has no attribute {name!r}")
