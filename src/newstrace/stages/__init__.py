"""Per-article stages and the pipeline that runs them.

Importing this package registers the built-in stages: ``segment`` (spaCy sentences and raw
entity mentions), ``entities`` (in-document grouping), ``times`` (normalized time expressions),
``quotes`` (who said what, via whom), ``claims`` (check-worthy statements, their kind and frame).
"""

from __future__ import annotations

from newstrace.stages import claims, entities, quotes, segment, times  # noqa: F401  (registration side effect)
from newstrace.stages._registry import StageInfo, check_order, get_stage, register, registered

__all__ = ["StageInfo", "check_order", "get_stage", "register", "registered"]
