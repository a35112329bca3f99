"""High-level entry points shared by the command line and library users."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from newstrace.config import Settings, load_settings
from newstrace.errors import require_unique_ids
from newstrace.records import Article, ReadError
from newstrace.story.compare import Embed, StoryReport, compare


def read_articles(
    paths: Iterable[str | Path],
    settings: Settings | None = None,
    date: dt.date | None = None,
    on_error: Callable[[ReadError], None] | None = None,
) -> tuple[list[Article], int]:
    """Read every input; returns (articles, number of inputs that failed).

    ``date`` is the reference date given to articles that carry none of their own (recorded in
    ``metadata.published_from``); it never overrides an article's own date.
    """
    from newstrace.readers import read_paths

    articles: list[Article] = []
    failures = 0
    for rec in read_paths(paths, settings or load_settings()):
        if isinstance(rec, ReadError):
            failures += 1
            if on_error is not None:
                on_error(rec)
            continue
        articles.append(with_reference_date(rec, date))
    return articles, failures


def with_reference_date(article: Article, date: dt.date | None, origin: str = "--date") -> Article:
    """``article`` with ``date`` as its publication date when it carries none of its own, noting
    where the date came from in ``metadata.published_from``; an article's own date always wins."""
    if article.published is not None or date is None:
        return article
    return replace(article, published=date, metadata={**article.metadata, "published_from": origin})


# How far from the other articles' dates a dateline's day may fall to be given their year.
DATELINE_REACH = dt.timedelta(days=60)


def dated_by_datelines(articles: Sequence[Article]) -> list[Article]:
    """Articles of one story with no date of their own but a dateline's month and day ("LIMA,
    Nov 13 (Andes Wire) -", as wires write it) dated to that day in the year that puts it nearest
    the story's dated articles (their median), when within two months of it; the date's origin is
    noted in ``metadata.published_from``. A date ``--date`` gave (``published_from`` "--date")
    is only a fallback: such an article is dated by its dateline too, and the fallback dates
    count among the dated articles' for the year. Others are returned as they are."""
    from newstrace.readers.text import month_day

    pubs = sorted(a.published for a in articles if a.published)
    if not pubs:
        return list(articles)
    mid = pubs[(len(pubs) - 1) // 2]
    out: list[Article] = []
    for a in articles:
        # A date given by ``--date`` is only a fallback: the article's own dateline is nearer
        # the truth ("Nov 13" in a story run on the 14th).
        fallback = a.metadata.get("published_from") == "--date"
        md = month_day(str(a.metadata.get("dateline_date", ""))) if a.published is None or fallback else None
        if md is None:
            out.append(a)
            continue
        month, day = md
        best: dt.date | None = None
        for year in (mid.year - 1, mid.year, mid.year + 1):
            try:
                cand = dt.date(year, month, day)
            except ValueError:
                continue
            if best is None or abs(cand - mid) < abs(best - mid):
                best = cand
        if best is None or abs(best - mid) > DATELINE_REACH:
            out.append(a)
            continue
        undated = replace(a, published=None) if fallback else a
        out.append(with_reference_date(undated, best, "dateline, year of the story's dated articles"))
    return out


def embedder(settings: Settings) -> Embed:
    """Sentence embeddings as unit vectors, from the configured local model."""
    from newstrace.models import load_embedder

    model = load_embedder(settings.embeddings_model)

    def embed(texts: list[str]) -> np.ndarray[Any, Any]:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        vecs = model.encode(texts, batch_size=64, normalize_embeddings=True, convert_to_numpy=True)
        return np.asarray(vecs, dtype=np.float32)

    return embed


# progress(what, done, total): what a long call is doing; total None while it cannot count.
Progress = Callable[[str, int, int | None], None]


def _quiet(what: str, done: int = 0, total: int | None = None) -> None:
    return None


def compare_articles(
    articles: Sequence[Article],
    settings: Settings | None = None,
    embed: Embed | None = None,
    all_conflicts: bool = False,
    progress: Progress | None = None,
) -> StoryReport:
    """Annotate one story's articles and compare them across sources. Conflicts below
    ``compare.min_confidence`` are left out unless ``all_conflicts``; ``progress`` hears of each
    step (models loading, articles annotated, the comparison)."""
    from newstrace.models import load_word_vectors
    from newstrace.pipeline import Pipeline

    say = progress or _quiet
    require_unique_ids([(a.id, a.path) for a in articles], "comparison")  # before the costly parse
    articles = dated_by_datelines(articles)
    settings = settings or load_settings()
    say("Loading the language model", 0, None)
    pipeline = Pipeline(settings)
    done = 0

    def annotated(n: int) -> None:
        nonlocal done
        done += n
        say("Annotating articles", done, len(articles))

    say("Annotating articles", 0, len(articles))
    anns = list(pipeline.annotate(articles, progress=annotated))
    floor = 0.0 if all_conflicts else settings.min_confidence
    say("Loading sentence embeddings and word vectors", 0, None)
    embed = embed or embedder(settings)
    vectors = load_word_vectors(settings.word_vectors)
    say(f"Comparing {len(anns)} articles", 0, None)
    return compare(anns, embed, min_confidence=floor, vectors=vectors)
