"""Summaries written by hand for the audit (issue 23): faithful abstractive summaries of ECB+
and PolNeAR articles, each with 2-3 edited copies of known type (a name, number or date changed,
a negation, an opposite word, roles or attribution swapped, an invented detail).

The gold (``bench/gold/summaries/*.json``, format in the README there) holds the summaries and
points at each source article; :func:`written_records` turns it into the records the audit bench
scores (:class:`newstrace.bench.audit.QagsRecord`): one per faithful summary (every sentence
consistent) and one per edit (the edited sentence inconsistent, the others consistent), with the
summary's kind ("faithful" or the edit's type) so the report gives the share judged right per kind.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

from newstrace.bench.audit import QagsRecord, parse_record
from newstrace.errors import InputError

__all__ = ["default_gold_dir", "source_text", "written_records"]

EDIT_TYPES = ("entity", "number", "date", "negation", "antonym", "role_swap", "attribution", "addition")


def default_gold_dir() -> Path:
    return Path(str(resources.files("newstrace.bench") / "gold" / "summaries"))


def source_text(source: dict[str, Any], ecbplus: Path | None, polnear: Path | None) -> str:
    """The article a summary was written from: an ECB+ document as the reader rebuilds it, or a
    PolNeAR text file (E107 when its folder was not given or the file is missing)."""
    corpus = source.get("corpus")
    if corpus == "ecbplus":
        from newstrace.bench.ecbplus import read_ecb

        doc = str(source.get("doc", ""))
        path = (ecbplus / doc.split("_")[0] / f"{doc}.xml") if ecbplus else None
        if path is None or not path.is_file():
            raise InputError(f"ECB+ document {doc!r} not found", path=str(path or "--ecbplus"), code="E107")
        return read_ecb(path).article.text
    if corpus == "polnear":
        path = (polnear / str(source.get("file", ""))) if polnear else None
        if path is None or not path.is_file():
            raise InputError(f"PolNeAR file {source.get('file')!r} not found", path=str(path or "--polnear"),
                             code="E107")  # fmt: skip
        return path.read_text(encoding="utf-8")
    raise InputError(f"unknown corpus {corpus!r} (ecbplus or polnear)", path="source", code="E106")


def _qags(
    article: str, sentences: list[str], bad: int | None, kind: str, rid: str, path: str, source: str
) -> QagsRecord:
    obj = {
        "article": article,
        "kind": kind,
        "summary_sentences": [
            {"sentence": s, "responses": [{"response": "no" if k == bad else "yes"}]}
            for k, s in enumerate(sentences)
        ],
    }
    # The summary and its edited copies audit one source article (``source``: the summary's id).
    return replace(parse_record(obj, rid, path), source=source)


def written_records(
    gold_dir: Path | None,
    ecbplus: Path | None,
    polnear: Path | None,
    on_error: Callable[[InputError], None] | None = None,
) -> dict[str, list[QagsRecord]]:
    """Records per gold file (its name without .json), faithful and edited. A file or summary
    that cannot be read goes to ``on_error`` (raised without one) and the rest are still read."""
    folder = gold_dir or default_gold_dir()
    files = sorted(folder.glob("*.json"))
    if not files:
        raise InputError("no written summaries (*.json)", path=str(folder), code="E107")
    out: dict[str, list[QagsRecord]] = {}
    for f in files:
        try:
            try:
                gold = json.loads(f.read_text(encoding="utf-8"))
            except json.JSONDecodeError as e:
                raise InputError(f"malformed JSON: {e.msg}", path=str(f), line=e.lineno, code="E105") from e
            records: list[QagsRecord] = []
            for n, summ in enumerate(gold.get("summaries", [])):
                sid = str(summ.get("id", n))
                try:
                    sentences = [str(x) for x in summ["sentences"]]
                    article = source_text(summ["source"], ecbplus, polnear)
                    records.append(_qags(article, sentences, None, "faithful", sid, f"{f}#{sid}", sid))
                    for ed in summ.get("edits", []):
                        k = int(ed["sentence"])
                        if not 0 <= k < len(sentences) or ed.get("type") not in EDIT_TYPES:
                            raise InputError(f"summary {sid}: edit {ed.get('id')} has a bad sentence or type",
                                             path=str(f), code="E106")  # fmt: skip
                        edited = [*sentences[:k], str(ed["text"]), *sentences[k + 1 :]]
                        kind = str(ed["type"])
                        records.append(
                            _qags(article, edited, k, kind, str(ed.get("id", sid)), f"{f}#{sid}", sid)
                        )
                except (KeyError, TypeError, ValueError) as exc:
                    raise InputError(f"summary {sid}: {exc}", path=str(f), code="E106") from None
            out[f.stem] = records
        except InputError as e:
            if on_error is None:
                raise
            on_error(e)
    return out


def run_written_bench(
    ecbplus: Path | None,
    polnear: Path | None,
    *,
    gold_dir: Path | None = None,
    baseline: bool = True,
    settings: Any = None,
    on_error: Callable[[InputError], None] | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> Any:
    """Audit every written summary against its source, scored like ``bench audit`` (sentence and
    summary balanced accuracy, a max-cosine baseline in the same process) with the share judged
    right per kind; one row per gold file and one pooled."""
    from newstrace.audit import Auditor
    from newstrace.bench.audit import AuditBenchReport, _Baseline, score_file
    from newstrace.config import load_settings

    settings = settings or load_settings()
    data = written_records(gold_dir, ecbplus, polnear, on_error)
    auditor = Auditor(settings)  # models load here, before any clock starts
    base = _Baseline(settings, auditor.embed) if baseline else None
    files = []
    for name, records in data.items():

        def step(i: int, name: str = name, total: int = len(records)) -> None:
            if progress is not None:
                progress(name, i, total)

        files.append(score_file(name, records, auditor, settings, base, step))
    return AuditBenchReport(
        path=str(gold_dir or default_gold_dir()), files=files, title="Audit on summaries written by hand"
    )
