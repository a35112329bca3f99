"""``times``: time expressions normalized against the article's own date (never today's)."""

from __future__ import annotations

from newstrace.config import Settings
from newstrace.records import AnnotatedArticle
from newstrace.stages._registry import register

W_NO_DCT = "W002 no publication date: relative dates are left unanchored (X in values)"


class TimesStage:
    def __init__(self) -> None:
        from newstrace.timex import tag_times

        self.tag = tag_times

    def __call__(self, batch: list[AnnotatedArticle]) -> list[AnnotatedArticle]:
        out = []
        for ann in batch:
            art = ann.article
            sents = [(s.start, s.end) for s in ann.sentences] or None
            times = self.tag(art.text, art.published, start=art.body_start, sentences=sents)
            warnings = ann.warnings
            if art.published is None and any(not t.anchored for t in times):
                warnings = (*warnings, W_NO_DCT)
            out.append(ann.replace(times=tuple(times), warnings=warnings))
        return out


@register("times", requires=("sentences",), assigns=("times",))
def make_times(settings: Settings) -> TimesStage:
    return TimesStage()
