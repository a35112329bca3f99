"""The per-article pipeline: configured stages, run in declared order over batches of articles."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from newstrace.config import Settings, load_settings
from newstrace.records import AnnotatedArticle, Article
from newstrace.stages import check_order
from newstrace.stages._registry import Stage

ProgressFn = Callable[[int], None]


class Pipeline:
    """Build once (models load here), then call :meth:`annotate` on any number of articles."""

    def __init__(self, settings: Settings | None = None, stages: Iterable[str] | None = None) -> None:
        self.settings = settings or load_settings()
        names = tuple(stages) if stages is not None else self.settings.stages
        self.infos = check_order(names)
        self.stages: list[Stage] = [info.factory(self.settings) for info in self.infos]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(i.name for i in self.infos)

    def run_batch(self, articles: list[Article]) -> list[AnnotatedArticle]:
        batch = [AnnotatedArticle(article=a, warnings=a.warnings) for a in articles]
        for stage in self.stages:
            batch = stage(batch)
        return batch

    def annotate(
        self, articles: Iterable[Article], *, keep_docs: bool = False, progress: ProgressFn | None = None
    ) -> Iterator[AnnotatedArticle]:
        """Annotate articles lazily in batches of ``pipeline.batch_size``, in input order."""
        pending: list[Article] = []
        for art in articles:
            pending.append(art)
            if len(pending) >= self.settings.batch_size:
                yield from self._flush(pending, keep_docs, progress)
                pending = []
        if pending:
            yield from self._flush(pending, keep_docs, progress)

    def _flush(
        self, pending: list[Article], keep_docs: bool, progress: ProgressFn | None
    ) -> Iterator[AnnotatedArticle]:
        for ann in self.run_batch(pending):
            yield ann if keep_docs else ann.replace(docs=())
        if progress is not None:
            progress(len(pending))
