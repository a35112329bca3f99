"""``newstrace bench audit DIR``: score the derived-text audit against QAGS human judgements.

Data: ``mturk_cnndm.jsonl`` and ``mturk_xsum.jsonl`` (QAGS, Wang et al. 2020), one summary per
line: ``article`` and ``summary_sentences[]`` with ``sentence`` and ``responses[].response``
("yes"/"no": is the sentence supported by the article?).

Definition of the scores:

- Gold. A summary sentence is consistent when a strict majority of its answers is "yes"; a
  summary is consistent when all its sentences are.
- Derived text. The summary sentences joined with a blank line (a blank line always ends a
  sentence in newstrace's segmenter), so each gold sentence keeps known offsets; the source is the
  article. Both are built with :func:`newstrace.readers.article_from_text`.
- Prediction. A gold sentence is predicted consistent iff every audit sentence overlapping it
  has a label in :data:`newstrace.audit.CONSISTENT_LABELS`; a summary iff ``report.consistent``.
- Scores. The positive class is *inconsistent* (what a fact-checker looks for): precision and
  recall of that class, and balanced accuracy = mean of the recalls of both classes (the recall of
  the one class present when the other is absent), at sentence and at summary level.
- Speed. pairs/s = summaries over the wall time of the ``Auditor.audit`` calls only (models are
  loaded before the clock starts).
- Baseline, in the same process: each summary sentence is consistent iff its maximum cosine
  against the article's sentences (newstrace's segmenter, the bundled embedder) is at least 0.5;
  a summary iff all its sentences are. Its time covers segmentation and embedding.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newstrace.config import Settings, load_settings
from newstrace.records import AuditReport

if TYPE_CHECKING:
    from newstrace.audit import Auditor
    from newstrace.story.compare import Embed

QAGS_FILES = ("mturk_cnndm.jsonl", "mturk_xsum.jsonl")
BASELINE_THRESHOLD = 0.5
SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True)
class GoldSentence:
    """A summary sentence, its offsets in the joined derived text, and its gold judgement."""

    text: str
    start: int
    end: int
    consistent: bool
    yes: int
    answers: int


@dataclass(frozen=True, slots=True)
class QagsRecord:
    id: str
    path: str
    article: str
    derived: str
    sentences: tuple[GoldSentence, ...]
    # What the summary is, when the set says (written summaries: "faithful" or the type of its
    # one edit, "number", "entity", ...): the report gives the share judged right per kind.
    kind: str = ""
    # The id of the record's source article when several records share one (a written summary
    # and its edited copies): audited as one article, it is parsed once, as a desk auditing
    # several rewrites of one wire would have it. Empty: the source is the record's own.
    source: str = ""

    @property
    def consistent(self) -> bool:
        return all(s.consistent for s in self.sentences)


def majority_yes(responses: Sequence[str]) -> bool:
    """Strict majority of "yes" (a tie is not a majority)."""
    yes = sum(r.strip().lower() == "yes" for r in responses)
    return yes * 2 > len(responses)


def join_sentences(sentences: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """The derived text (sentences joined by a blank line) and each sentence's offsets in it."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for s in sentences:
        spans.append((pos, pos + len(s)))
        pos += len(s) + len(SEPARATOR)
    return SEPARATOR.join(sentences), spans


def parse_record(obj: Any, rid: str, path: str) -> QagsRecord:
    """One QAGS line; raises ValueError naming what is wrong."""
    if not isinstance(obj, dict):
        raise ValueError(f"expected a JSON object, got {type(obj).__name__}")
    article = obj.get("article")
    if not isinstance(article, str) or not article.strip():
        raise ValueError("no non-empty string 'article'")
    raw = obj.get("summary_sentences")
    if not isinstance(raw, list) or not raw:
        raise ValueError("no non-empty list 'summary_sentences'")
    texts: list[str] = []
    votes: list[list[str]] = []
    for i, s in enumerate(raw):
        text = s.get("sentence") if isinstance(s, dict) else None
        responses = s.get("responses") if isinstance(s, dict) else None
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"summary sentence {i} has no text")
        if not isinstance(responses, list) or not responses:
            raise ValueError(f"summary sentence {i} has no responses")
        answers = [r.get("response") if isinstance(r, dict) else None for r in responses]
        if not all(isinstance(a, str) and a.strip().lower() in ("yes", "no") for a in answers):
            raise ValueError(f"summary sentence {i} has a response that is not yes/no")
        texts.append(text.strip())
        votes.append([str(a) for a in answers])
    derived, spans = join_sentences(texts)
    gold = tuple(
        GoldSentence(
            text=t,
            start=a,
            end=b,
            consistent=majority_yes(v),
            yes=sum(x.strip().lower() == "yes" for x in v),
            answers=len(v),
        )
        for t, (a, b), v in zip(texts, spans, votes, strict=True)
    )
    kind = obj.get("kind", "")
    if not isinstance(kind, str):
        raise ValueError("'kind' is not a string")
    return QagsRecord(id=rid, path=path, article=article, derived=derived, sentences=gold, kind=kind)


def read_qags(
    path: Path, limit: int | None = None, on_error: Callable[[str, int, str], None] | None = None
) -> list[QagsRecord]:
    """The first ``limit`` readable records of one QAGS file; bad lines go to ``on_error``."""
    out: list[QagsRecord] = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if limit is not None and len(out) >= limit:
                break
            if not line.strip():
                continue
            try:
                rec = parse_record(json.loads(line), f"{path.stem}-{lineno}", f"{path}:{lineno}")
            except (json.JSONDecodeError, ValueError) as exc:
                if on_error is not None:
                    on_error(str(path), lineno, str(exc))
                continue
            out.append(rec)
    return out


@dataclass
class Binary:
    """Confusion counts with *inconsistent* as the positive class."""

    tp: int = 0  # gold inconsistent, predicted inconsistent
    fp: int = 0  # gold consistent, predicted inconsistent
    fn: int = 0  # gold inconsistent, predicted consistent
    tn: int = 0  # gold consistent, predicted consistent

    def add(self, gold_consistent: bool, predicted_consistent: bool) -> None:
        if not gold_consistent:
            if predicted_consistent:
                self.fn += 1
            else:
                self.tp += 1
        elif predicted_consistent:
            self.tn += 1
        else:
            self.fp += 1

    def merge(self, other: Binary) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.tn += other.tn

    @property
    def n(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def balanced_accuracy(self) -> float:
        recalls = []
        if self.tp + self.fn:
            recalls.append(self.tp / (self.tp + self.fn))
        if self.tn + self.fp:
            recalls.append(self.tn / (self.tn + self.fp))
        return sum(recalls) / len(recalls) if recalls else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "gold_inconsistent": self.tp + self.fn,
            "balanced_accuracy": round(self.balanced_accuracy, 4),
            "inconsistent_precision": round(self.precision, 4),
            "inconsistent_recall": round(self.recall, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "tn": self.tn,
        }


@dataclass
class SystemScores:
    sentence: Binary = field(default_factory=Binary)
    summary: Binary = field(default_factory=Binary)
    pairs: int = 0
    seconds: float = 0.0

    @property
    def pairs_per_second(self) -> float | None:
        return self.pairs / self.seconds if self.seconds else None

    def merge(self, other: SystemScores) -> None:
        self.sentence.merge(other.sentence)
        self.summary.merge(other.summary)
        self.pairs += other.pairs
        self.seconds += other.seconds

    def to_dict(self) -> dict[str, Any]:
        pps = self.pairs_per_second
        return {
            "sentence": self.sentence.to_dict(),
            "summary": self.summary.to_dict(),
            "pairs": self.pairs,
            "seconds": round(self.seconds, 3),
            "pairs_per_second": round(pps, 2) if pps is not None else None,
        }


@dataclass(frozen=True, slots=True)
class SentenceResult:
    """One gold sentence as the audit saw it (for error analysis)."""

    record: str
    text: str
    gold_consistent: bool
    predicted_consistent: bool
    labels: tuple[str, ...]
    score: float | None
    reason: str
    baseline_cosine: float | None = None


# The label that speaks for a gold sentence several audit sentences overlap: the weakest.
_LABEL_ORDER = ("contradicted", "unsupported", "partially_supported", "opinion", "supported")


def label_accuracy(sentences: Sequence[SentenceResult]) -> dict[str, tuple[int, int]]:
    """Per label, how often it is right: (right, given). A consistent label (supported,
    partially_supported, opinion) is right on a sentence judged consistent, unsupported and
    contradicted on one judged inconsistent; a gold sentence counts under its weakest label."""
    from newstrace.audit import CONSISTENT_LABELS

    out: dict[str, list[int]] = {}
    for s in sentences:
        if not s.labels:
            continue
        label = min(s.labels, key=lambda x: _LABEL_ORDER.index(x) if x in _LABEL_ORDER else len(_LABEL_ORDER))
        tally = out.setdefault(label, [0, 0])
        tally[0] += (label in CONSISTENT_LABELS) == s.gold_consistent
        tally[1] += 1
    return {k: (v[0], v[1]) for k, v in sorted(out.items(), key=lambda kv: _LABEL_ORDER.index(kv[0]))}


@dataclass
class FileResult:
    name: str
    newstrace: SystemScores = field(default_factory=SystemScores)
    baseline: SystemScores | None = None
    sentences: list[SentenceResult] = field(default_factory=list)
    # kind -> [summaries, judged right by newstrace, judged right by the baseline]
    kinds: dict[str, list[int]] = field(default_factory=dict)


@dataclass
class AuditBenchReport:
    path: str
    files: list[FileResult]
    read_errors: int = 0
    title: str = "QAGS audit benchmark"

    def pooled(self) -> FileResult:
        out = FileResult("all", baseline=SystemScores() if self.files and self.files[0].baseline else None)
        for f in self.files:
            out.newstrace.merge(f.newstrace)
            if out.baseline is not None and f.baseline is not None:
                out.baseline.merge(f.baseline)
            out.sentences.extend(f.sentences)
            for k, v in f.kinds.items():
                tot = out.kinds.setdefault(k, [0, 0, 0])
                for n in range(3):
                    tot[n] += v[n]
        return out

    def rows(self) -> list[FileResult]:
        return [*self.files, self.pooled()] if len(self.files) > 1 else list(self.files)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"path": self.path, "read_errors": self.read_errors, "files": {}}
        for f in self.rows():
            entry: dict[str, Any] = {"newstrace": f.newstrace.to_dict()}
            if f.baseline is not None:
                entry["baseline"] = f.baseline.to_dict()
                entry["ratio"] = _ratios(f.newstrace, f.baseline)
            if f.kinds:
                entry["kinds"] = {k: {"summaries": v[0], "newstrace_right": v[1], "baseline_right": v[2]}
                                  for k, v in sorted(f.kinds.items())}  # fmt: skip
            entry["labels"] = {
                k: {"right": r, "given": n} for k, (r, n) in label_accuracy(f.sentences).items()
            }
            out["files"][f.name] = entry
        return out

    def format(self) -> str:
        lines = [
            f"{self.title}: {self.path}  (positive class = inconsistent; "
            f"baseline = max cosine >= {BASELINE_THRESHOLD})",
            f"{'file':18} {'system':10} {'level':9} {'n':>5} {'incons.':>7} {'bacc':>6} "
            f"{'P(inc)':>6} {'R(inc)':>6} {'pairs/s':>8}",
        ]
        for f in self.rows():
            systems = [("newstrace", f.newstrace)] + ([("baseline", f.baseline)] if f.baseline else [])
            for name, sys_ in systems:
                pps = sys_.pairs_per_second
                for level, b in (("sentence", sys_.sentence), ("summary", sys_.summary)):
                    speed = f"{pps:8.2f}" if pps is not None and level == "summary" else ""
                    lines.append(
                        f"{f.name:18} {name:10} {level:9} {b.n:>5} {b.tp + b.fn:>7} "
                        f"{b.balanced_accuracy:6.3f} {b.precision:6.3f} {b.recall:6.3f} {speed:>8}"
                    )
            if f.baseline is not None:
                r = _ratios(f.newstrace, f.baseline)
                lines.append(
                    f"{f.name:18} ratio newstrace/baseline: sentence bacc {r['sentence_bacc']}, "
                    f"summary bacc {r['summary_bacc']}, speed {r['speed']}"
                )
            if f.kinds:
                lines.append(
                    f"{f.name:18} judged right per kind (newstrace / baseline of n): "
                    + ", ".join(f"{k} {v[1]}/{v[2]} of {v[0]}" for k, v in sorted(f.kinds.items()))
                )
            labels = label_accuracy(f.sentences)
            if labels:
                lines.append(
                    f"{f.name:18} right per label (sentences): "
                    + ", ".join(f"{k} {r}/{n} ({r / n:.2f})" for k, (r, n) in labels.items())
                )
        if self.read_errors:
            lines.append(f"({self.read_errors} unreadable line(s) skipped)")
        return "\n".join(lines)

    def errors(self) -> list[SentenceResult]:
        """Gold sentences the audit got wrong, missed inconsistencies first."""
        wrong = [s for f in self.files for s in f.sentences if s.gold_consistent != s.predicted_consistent]
        return sorted(wrong, key=lambda s: s.gold_consistent)


def _ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 3) if a is not None and b else None


def _ratios(ours: SystemScores, base: SystemScores) -> dict[str, float | None]:
    return {
        "sentence_bacc": _ratio(ours.sentence.balanced_accuracy, base.sentence.balanced_accuracy),
        "summary_bacc": _ratio(ours.summary.balanced_accuracy, base.summary.balanced_accuracy),
        "speed": _ratio(ours.pairs_per_second, base.pairs_per_second),
    }


def predicted_sentences(
    report: AuditReport, sentences: Sequence[GoldSentence]
) -> list[tuple[bool, list[Any]]]:
    """For each gold sentence: predicted consistent?, and the audit sentences overlapping it."""
    from newstrace.audit import CONSISTENT_LABELS

    out: list[tuple[bool, list[Any]]] = []
    for g in sentences:
        hits = [s for s in report.sentences if s.start < g.end and g.start < s.end]
        out.append((all(s.label in CONSISTENT_LABELS for s in hits), hits))
    return out


class _Baseline:
    """Max cosine of a summary sentence against the article's sentences, thresholded."""

    def __init__(self, settings: Settings, embed: Embed) -> None:
        from newstrace.pipeline import Pipeline

        self.segmenter = Pipeline(settings, stages=["segment"])
        self.embed = embed

    def cosines(self, source: Any, rec: QagsRecord) -> list[float]:
        import numpy as np

        [ann] = list(self.segmenter.annotate([source]))
        text = ann.article.text
        art = [text[s.start : s.end] for s in ann.sentences if text[s.start : s.end].strip()]
        sv = self.embed(art)
        dv = self.embed([g.text for g in rec.sentences])
        if not len(art):
            return [0.0] * len(rec.sentences)
        sims = np.asarray(dv @ sv.T)
        return [float(x) for x in sims.max(axis=1)]


def record_articles(rec: QagsRecord, settings: Settings) -> tuple[Any, Any]:
    """The source and derived articles of one record, named ``ID/source`` (ID: the record's
    ``source`` when records share one) and ``ID/derived``."""
    from newstrace.readers import article_from_text

    source = article_from_text(
        rec.article, id=f"{rec.source or rec.id}/source", path=rec.path, settings=settings
    )
    derived = article_from_text(rec.derived, id=f"{rec.id}/derived", path=rec.path, settings=settings)
    return source, derived


def score_file(
    name: str,
    records: Sequence[QagsRecord],
    auditor: Auditor,
    settings: Settings,
    baseline: _Baseline | None = None,
    progress: Callable[[int], None] | None = None,
) -> FileResult:
    result = FileResult(name, baseline=SystemScores() if baseline is not None else None)
    for i, rec in enumerate(records, start=1):
        source, derived = record_articles(rec, settings)
        t0 = time.perf_counter()
        report = auditor.audit([source], derived)
        result.newstrace.seconds += time.perf_counter() - t0
        result.newstrace.pairs += 1
        preds = predicted_sentences(report, rec.sentences)
        for g, (pred, _) in zip(rec.sentences, preds, strict=True):
            result.newstrace.sentence.add(g.consistent, pred)
        result.newstrace.summary.add(rec.consistent, report.consistent)
        cos: list[float | None] = [None] * len(rec.sentences)
        base_right = False
        if baseline is not None and result.baseline is not None:
            t0 = time.perf_counter()
            cos = list(baseline.cosines(source, rec))
            result.baseline.seconds += time.perf_counter() - t0
            result.baseline.pairs += 1
            base_preds = [c is not None and c >= BASELINE_THRESHOLD for c in cos]
            for g, bp in zip(rec.sentences, base_preds, strict=True):
                result.baseline.sentence.add(g.consistent, bp)
            result.baseline.summary.add(rec.consistent, all(base_preds))
            base_right = all(base_preds) == rec.consistent
        if rec.kind:
            tally = result.kinds.setdefault(rec.kind, [0, 0, 0])
            tally[0] += 1
            tally[1] += report.consistent == rec.consistent
            tally[2] += base_right
        for g, (pred, hits), c in zip(rec.sentences, preds, cos, strict=True):
            result.sentences.append(
                SentenceResult(
                    record=rec.id,
                    text=g.text,
                    gold_consistent=g.consistent,
                    predicted_consistent=pred,
                    labels=tuple(h.label for h in hits),
                    score=min((h.score for h in hits), default=None),
                    reason="; ".join(h.reason for h in hits if h.reason),
                    baseline_cosine=round(c, 4) if c is not None else None,
                )
            )
        if progress is not None:
            progress(i)
    return result


def qags_files(path: Path) -> list[str]:
    """The QAGS files in ``path``; without them, every ``*.jsonl`` there in the same format (another
    consistency set converted to it, or ``benchmarks/make_perturbed_qags.py`` output)."""
    found = [f for f in QAGS_FILES if (path / f).is_file()]
    return found or sorted(p.name for p in path.glob("*.jsonl") if p.is_file())


def run_audit_bench(
    path: Path,
    *,
    limit: int | None = None,
    baseline: bool = True,
    settings: Settings | None = None,
    on_error: Callable[[str, int, str], None] | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> AuditBenchReport:
    """Audit every (or the first ``limit``) summary of each QAGS file found in ``path``."""
    from newstrace.audit import Auditor

    settings = settings or load_settings()
    errors = 0

    def bad(file: str, line: int, message: str) -> None:
        nonlocal errors
        errors += 1
        if on_error is not None:
            on_error(file, line, message)

    data = [(f, read_qags(path / f, limit, bad)) for f in qags_files(path)]
    auditor = Auditor(settings)  # models load here, before any clock starts
    base = _Baseline(settings, auditor.embed) if baseline else None
    files = []
    for name, records in data:
        stem = name.removesuffix(".jsonl")

        def step(i: int, stem: str = stem, total: int = len(records)) -> None:
            if progress is not None:
                progress(stem, i, total)

        files.append(score_file(stem, records, auditor, settings, base, step))
    return AuditBenchReport(path=str(path), files=files, read_errors=errors)
