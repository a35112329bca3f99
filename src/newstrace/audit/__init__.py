"""Derived-text audit: how far a rewrite, summary or machine-written article is carried by its
sources, sentence by sentence, and what it leaves out.

    from newstrace.audit import Auditor
    auditor = Auditor(settings)              # models load once
    report = auditor.audit(sources, derived)  # Articles in, AuditReport out
"""

from __future__ import annotations

from newstrace.audit._engine import CONSISTENT_LABELS, Auditor, Trace, audit_articles
from newstrace.audit._model import Decision

__all__ = ["CONSISTENT_LABELS", "Auditor", "Decision", "Trace", "audit_articles"]
