"""Command line: thin. Parse arguments, call the API, render. Exit codes: 0 all inputs read,
1 some inputs failed (reported on stderr with file and line), 2 bad usage or configuration."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from newstrace import __version__
from newstrace._progress import Steps
from newstrace.config import Settings, load_settings
from newstrace.errors import InputError, NewstraceError
from newstrace.records import AnnotatedArticle, Article, ReadError

app = typer.Typer(
    name="newstrace",
    help="Cross-check news coverage offline: entities, dates, who said what, and where outlets differ.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
bench_app = typer.Typer(help="Benchmarks against evaluation data (paths are arguments; nothing is bundled).")
app.add_typer(bench_app, name="bench")

err = Console(stderr=True, highlight=False, soft_wrap=True)

ConfigOpt = Annotated[Path | None, typer.Option("--config", help="TOML file overriding defaults.toml.")]
ModelOpt = Annotated[
    str | None, typer.Option("--model", help="spaCy pipeline name or folder (models.spacy).")
]
DEMO_AUDIT = ("meridian_dam_20250310.txt", "derived/dam_rewrite.txt")  # source in the corpus, rewrite
MarkdownOpt = Annotated[Path | None, typer.Option("--markdown", help="Also write a Markdown report here.")]
DateOpt = Annotated[
    str | None,
    typer.Option("--date", metavar="YYYY-MM-DD", help="Reference date for articles without their own."),
]


def _settings(config: Path | None, model: str | None) -> Settings:
    return load_settings(config, **{"models.spacy": model})


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form", param_hint="--date") from None


def _version(value: bool) -> None:
    if value:
        print(f"newstrace {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """newstrace: offline, CPU-first cross-checking of news coverage."""


def _run_extract(
    paths: list[str],
    settings: Settings,
    date: dt.date | None,
    as_json: bool,
    quiet: bool,
    resolve: bool = True,
) -> int:
    from newstrace.api import read_articles
    from newstrace.pipeline import Pipeline
    from newstrace.render.json import article_json, story_json
    from newstrace.render.terminal import print_article, print_story
    from newstrace.story import resolve_entities

    batch, failures = read_articles(paths, settings, date, on_error=_report_error)
    if not batch:
        _error("no articles could be read" if failures else "no articles given")
        return 1
    out = Console(highlight=False, soft_wrap=True)
    resolve = resolve and len(batch) > 1
    # Live progress on a terminal; not while articles stream to that same terminal.
    live = not quiet and (resolve or not out.is_terminal)
    done = 0

    def emit(ann: AnnotatedArticle, story_ids: dict[str, str] | None = None) -> None:
        if as_json:
            sys.stdout.write(json.dumps(article_json(ann, story_ids), ensure_ascii=False) + "\n")
        else:
            print_article(out, ann)

    with Steps(err, live) as steps:
        steps("Loading the language model")
        pipeline = Pipeline(settings)

        def progress(n: int) -> None:
            nonlocal done
            done += n
            steps("Annotating articles", done, len(batch))

        steps("Annotating articles", 0, len(batch))
        if not resolve:
            # Streaming: each article is written as soon as it is annotated.
            for ann in pipeline.annotate(batch, progress=progress):
                emit(ann)
        else:
            anns = list(pipeline.annotate(batch, progress=progress))
            steps("Resolving entities across articles")
            story = resolve_entities(anns)
    if resolve:
        story_ids = {ref: e.id for e in story for ref in e.members}
        for ann in anns:
            emit(ann, story_ids)
        if as_json:
            sys.stdout.write(json.dumps(story_json(story), ensure_ascii=False) + "\n")
        else:
            print_story(out, story)
    sys.stdout.flush()
    if not quiet:
        err.print(f"{len(batch)} article(s) annotated, {failures} input error(s)")
    return 1 if failures else 0


@app.command()
def extract(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files, directories or globs (.txt, .html, .jsonl).", metavar="PATH..."),
    ],
    date: Annotated[
        str | None,
        typer.Option(
            "--date", metavar="YYYY-MM-DD", help="Reference date for articles that carry none of their own."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per article per line.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary or progress on stderr.")] = False,
    resolve: Annotated[
        bool,
        typer.Option(
            "--resolve/--no-resolve",
            help="Resolve entities across the articles (a final `story` line). --no-resolve streams output.",
        ),
    ] = True,
    config: ConfigOpt = None,
    model: ModelOpt = None,
) -> None:
    """Read articles and annotate each: sentences, entities, time expressions normalized to its date."""
    try:
        code = _run_extract(paths, _settings(config, model), _parse_date(date), as_json, quiet, resolve)
    except NewstraceError as exc:
        _error(exc)
        raise typer.Exit(2) from None
    raise typer.Exit(code)


@app.command()
def demo(
    path: Annotated[Path, typer.Argument(help="Corpus to run on.")] = Path("examples/corpus"),
    markdown: Annotated[
        Path | None, typer.Option("--markdown", help="Also write the comparison as Markdown here.")
    ] = None,
    config: ConfigOpt = None,
) -> None:
    """Run the main job, `compare`, on the bundled example corpus (examples/corpus in a checkout),
    then `audit` on the example rewrite (examples/derived/dam_rewrite.txt)."""
    import importlib.util

    if not path.exists():
        _error(f"example corpus not found at {path}: run this from the repository root")
        raise typer.Exit(2)
    if importlib.util.find_spec("sentence_transformers") is None:
        err.print(
            "comparison needs the embeddings extra (`pip install 'newstrace[embeddings]'`); "
            "showing the per-article extraction instead"
        )
        try:
            code = _run_extract([str(path)], _settings(config, None), None, False, False)
        except NewstraceError as exc:
            _error(exc)
            raise typer.Exit(2) from None
        raise typer.Exit(code)
    args = ["compare", str(path)]
    if markdown is not None:
        args += ["--markdown", str(markdown)]
    if config is not None:
        args += ["--config", str(config)]
    app(args, standalone_mode=False)
    # Then the audit: a rewrite of one wire report, with a changed number and date, an invented
    # expert, a dropped attribution and the writer's speculation planted in it.
    source, derived = path / DEMO_AUDIT[0], path.parent / DEMO_AUDIT[1]
    if source.exists() and derived.exists():
        # On stdout with the reports, so a saved demo keeps the two reports apart.
        Console(highlight=False, soft_wrap=True).print(
            f"\n[bold]== newstrace audit --source {source} --derived {derived}[/bold]\n"
        )
        audit_args = ["audit", "--source", str(source), "--derived", str(derived)]
        if config is not None:
            audit_args += ["--config", str(config)]
        app(audit_args, standalone_mode=False)


@app.command()
def compare(
    paths: Annotated[
        list[str],
        typer.Argument(help="The articles of one story: files, directories or globs.", metavar="PATH..."),
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the JSON report (schema/compare.schema.json).")
    ] = False,
    markdown: MarkdownOpt = None,
    date: DateOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary on stderr.")] = False,
    all_conflicts: Annotated[
        bool,
        typer.Option(
            "--all-conflicts",
            help="Also show conflicts below compare.min_confidence (each with its confidence).",
        ),
    ] = False,
    config: ConfigOpt = None,
    model: ModelOpt = None,
) -> None:
    """Cross-check one story: conflicts, updates, single-source and corroborated claims, timeline, copies."""
    from newstrace.api import compare_articles, read_articles
    from newstrace.render.json import compare_json
    from newstrace.render.markdown import compare_markdown
    from newstrace.render.terminal import print_compare

    try:
        with Steps(err, not quiet) as steps:
            steps("Reading articles")
            settings = _settings(config, model)
            batch, failures = read_articles(paths, settings, _parse_date(date), on_error=_report_error)
            if not batch:
                _error("no articles could be read" if failures else "no articles given")
                raise typer.Exit(1)
            report = compare_articles(batch, settings, all_conflicts=all_conflicts, progress=steps)
    except NewstraceError as exc:
        _error(exc)
        raise typer.Exit(2) from None
    if as_json:
        sys.stdout.write(json.dumps(compare_json(report), ensure_ascii=False) + "\n")
    else:
        print_compare(Console(highlight=False, soft_wrap=True), report)
    if markdown is not None:
        markdown.write_text(compare_markdown(report), encoding="utf-8")
    if not quiet:
        err.print(f"{len(batch)} article(s) compared, {failures} input error(s)")
    raise typer.Exit(1 if failures else 0)


def _error(problem: object, *, located: bool = False) -> None:
    """One line on stderr per problem, in the stable format the README gives (tools parse it):
    ``path:line: [code] message`` for an input that cannot be read (``located``: a message that
    already begins with its path, as the benchmarks' readers word them), ``newstrace: [code]
    message`` for another coded error, ``newstrace: error: message`` for bad usage."""
    if located or isinstance(problem, InputError | ReadError):
        text = str(problem)
    elif isinstance(problem, NewstraceError):
        text = f"newstrace: {problem}"
    else:
        text = f"newstrace: error: {problem}"
    err.print(text, markup=False, highlight=False, style="red")


def _report_error(rec: ReadError) -> None:
    _error(rec)


def _unique_ids(articles: list[Article]) -> list[Article]:
    """Evidence and omissions name articles by id: give two files with the same stem distinct ids."""
    from dataclasses import replace

    seen: set[str] = set()
    out = []
    for a in articles:
        if a.id in seen:
            a = replace(a, id=a.path if a.path not in seen else f"{a.path}#{len(seen)}")
        seen.add(a.id)
        out.append(a)
    return out


def _pair_texts(obj: Any, path: str, line: int) -> tuple[Any, list[str], str]:
    """Validate one ``--pairs`` record: ``{"id", "source": text | [texts], "derived": text}``."""
    from newstrace.errors import E_EMPTY, E_FIELD, InputError

    if not isinstance(obj, dict):
        raise InputError(
            f"expected a JSON object, got {type(obj).__name__}", path=path, line=line, code=E_FIELD
        )
    pid = obj.get("id")
    if pid is None or pid == "" or not isinstance(pid, (str, int)) or isinstance(pid, bool):
        raise InputError("record has no string or integer field 'id'", path=path, line=line, code=E_FIELD)
    source, derived = obj.get("source"), obj.get("derived")
    sources = [source] if isinstance(source, str) else source
    if not isinstance(sources, list) or not sources or not all(isinstance(t, str) for t in sources):
        raise InputError(
            "record has no field 'source' holding a text or a non-empty list of texts",
            path=path,
            line=line,
            code=E_FIELD,
        )
    if not isinstance(derived, str):
        raise InputError("record has no string field 'derived'", path=path, line=line, code=E_FIELD)
    if not derived.strip() or not all(t.strip() for t in sources):
        which = "'derived'" if not derived.strip() else "'source'"
        raise InputError(f"record has an empty {which} text", path=path, line=line, code=E_EMPTY)
    return pid, sources, derived


def _run_pairs(pairs: Path, settings: Settings, date: dt.date | None, as_json: bool, quiet: bool) -> int:
    from newstrace.api import with_reference_date
    from newstrace.audit import Auditor
    from newstrace.errors import E_EMPTY, E_JSON, E_NOT_FOUND, InputError
    from newstrace.readers import article_from_text
    from newstrace.readers._decode import decode
    from newstrace.render.json import audit_json
    from newstrace.render.terminal import print_audit

    try:
        if not pairs.is_file():
            raise InputError("no such file", path=str(pairs), code=E_NOT_FOUND)
        # A batch file holds many pairs: no readers.max_bytes cap on the file as a whole.
        data = pairs.read_bytes()
        if not data.strip():
            raise InputError("file is empty", path=str(pairs), code=E_EMPTY)
        text, _ = decode(data, str(pairs), settings.fallback_encodings)
    except InputError as exc:
        _error(exc)
        return 1
    lines = [(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
    auditor = Auditor(settings)
    out = Console(highlight=False, soft_wrap=True)
    show_progress = not quiet and err.is_terminal and len(lines) > 1
    failures = 0

    def fail(exc: InputError, pid: Any) -> None:
        nonlocal failures
        failures += 1
        _error(exc)
        if pid is not None:
            error = {"code": exc.code, "message": exc.message, "path": exc.path, "line": exc.line}
            if as_json:
                sys.stdout.write(json.dumps({"id": pid, "error": error}, ensure_ascii=False) + "\n")
            else:
                out.print(f"[bold]{pid}[/bold] [red]error[/red] {exc}")

    def dated(a: Article) -> Article:
        return with_reference_date(a, date)

    for i, (lineno, line) in enumerate(lines, start=1):
        where = f"{pairs}:{lineno}"
        pid: Any = None
        try:
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(
                    f"malformed JSON: {exc.msg} (column {exc.colno})",
                    path=str(pairs),
                    line=lineno,
                    code=E_JSON,
                ) from None
            if isinstance(obj, dict) and isinstance(obj.get("id"), (str, int)):
                pid = obj["id"]
            pid, source_texts, derived_text = _pair_texts(obj, str(pairs), lineno)
            suffix = len(source_texts) > 1
            sources = [
                dated(
                    article_from_text(
                        t, id=f"{pid}/source" + (f"-{k}" if suffix else ""), path=where, settings=settings
                    )
                )
                for k, t in enumerate(source_texts, start=1)
            ]
            derived = dated(
                article_from_text(derived_text, id=f"{pid}/derived", path=where, settings=settings)
            )
            report = auditor.audit(sources, derived)
        except InputError as exc:
            fail(exc, pid)
            continue
        except NewstraceError as exc:
            fail(InputError(exc.message, path=str(pairs), line=lineno, code=exc.code), pid)
            continue
        if as_json:
            doc = audit_json(report, {a.id: a for a in [*sources, derived]})
            sys.stdout.write(json.dumps({"id": pid, **doc}, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            out.print(f"[bold]== {pid}[/bold]")
            print_audit(out, report)
            out.print()
        if show_progress:
            err.print(f"  audited {i}/{len(lines)} pairs", end="\r")
    if not quiet:
        err.print(f"{len(lines) - failures} pair(s) audited, {failures} error(s)")
    return 1 if failures else 0


@app.command()
def audit(
    source: Annotated[
        list[str] | None,
        typer.Option("--source", help="A source article (file, directory or glob); repeat for several."),
    ] = None,
    derived: Annotated[
        str | None, typer.Option("--derived", help="The derived text to check: a rewrite, summary, ...")
    ] = None,
    pairs: Annotated[
        Path | None,
        typer.Option(
            "--pairs",
            help='Batch mode: JSON Lines of {"id", "source": text or [texts], "derived": text}; '
            "one result per line, same id.",
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the JSON report (schema/audit.schema.json).")
    ] = False,
    markdown: MarkdownOpt = None,
    date: DateOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary or progress on stderr.")] = False,
    config: ConfigOpt = None,
    model: ModelOpt = None,
) -> None:
    """Check a derived text (rewrite, summary) against its sources: what it added, changed or dropped.

    Each derived sentence is labelled supported, partially_supported, unsupported, contradicted or
    opinion, with evidence in the sources; the source claims it leaves out are listed by importance.
    """
    from newstrace.api import read_articles
    from newstrace.audit import Auditor
    from newstrace.render.json import audit_json
    from newstrace.render.markdown import audit_markdown
    from newstrace.render.terminal import print_audit

    if pairs is not None:
        if source or derived is not None or markdown is not None:
            _error("--pairs cannot be combined with --source, --derived or --markdown")
            raise typer.Exit(2)
    elif not source or derived is None:
        _error("give --derived PATH and at least one --source PATH (or --pairs FILE)")
        raise typer.Exit(2)
    try:
        settings = _settings(config, model)
        ref_date = _parse_date(date)
        if pairs is not None:
            raise typer.Exit(_run_pairs(pairs, settings, ref_date, as_json, quiet))
        assert source is not None and derived is not None
        derived_arts, derived_failures = read_articles([derived], settings, ref_date, on_error=_report_error)
        if len(derived_arts) != 1:
            what = "could not be read" if not derived_arts else f"holds {len(derived_arts)} articles, not one"
            _error(f"the derived text {derived} {what}")
            raise typer.Exit(1 if not derived_arts else 2)
        sources, failures = read_articles(source, settings, ref_date, on_error=_report_error)
        failures += derived_failures
        if not sources:
            _error("no source article could be read")
            raise typer.Exit(1)
        *sources, derived_art = _unique_ids([*sources, derived_arts[0]])
        with Steps(err, not quiet) as steps:
            steps("Loading the language model and embeddings")
            auditor = Auditor(settings)
            steps(f"Auditing {derived_art.id} against {len(sources)} source(s)")
            report = auditor.audit(sources, derived_art)
    except NewstraceError as exc:
        _error(exc)
        raise typer.Exit(2) from None
    articles = {a.id: a for a in [*sources, derived_art]}
    if as_json:
        sys.stdout.write(json.dumps(audit_json(report, articles), ensure_ascii=False) + "\n")
    else:
        print_audit(Console(highlight=False, soft_wrap=True), report)
    if markdown is not None:
        markdown.write_text(audit_markdown(report, articles), encoding="utf-8")
    if not quiet:
        verdict = "consistent" if report.consistent else "not consistent"
        err.print(
            f"{derived_art.id} audited against {len(sources)} source(s): {verdict}, {failures} input error(s)"
        )
    raise typer.Exit(1 if failures else 0)


@app.command()
def stages(config: ConfigOpt = None) -> None:
    """List the per-article stages in pipeline order (pipeline.stages), with what each requires
    and assigns; registered stages outside the pipeline follow."""
    from rich import box
    from rich.table import Table

    from newstrace.stages import registered

    infos = registered()
    pipeline = [n for n in _settings(config, None).stages if n in infos]
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    for col in ("#", "stage", "requires", "assigns"):
        table.add_column(col)
    for name in pipeline + sorted(n for n in infos if n not in pipeline):
        info = infos[name]
        step = str(pipeline.index(name) + 1) if name in pipeline else "-"  # "-": registered, not run
        table.add_row(step, name, ", ".join(info.requires) or "-", ", ".join(info.assigns))
    Console(highlight=False).print(table)


@bench_app.command("timex")
def bench_timex(
    paths: Annotated[
        list[Path], typer.Argument(help="Folders or .tml files (TimeML), e.g. ../shared/data/tempeval3.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the reports as JSON.")] = False,
    errors: Annotated[int, typer.Option("--errors", help="Also list the first N disagreements.")] = 0,
    min_value_f1: Annotated[
        float | None,
        typer.Option("--min-value-f1", help="Exit 1 if the overall value F1 is below this floor."),
    ] = None,
) -> None:
    """TempEval-3 scores of the time tagger: strict/relaxed span F1, value and type F1, words/s.

    Documents are read recursively; a document id seen twice (a copy in another folder) is scored
    once. Each top-level subfolder is reported on its own, then all together.
    """
    from dataclasses import asdict

    from newstrace.bench.timeml import TimeMLDoc, iter_timeml_dir
    from newstrace.bench.timex import score_docs

    def skip(f: Path, exc: Exception) -> None:
        _error(f"{f}: cannot read TimeML: {exc}", located=True)

    groups: dict[str, list[TimeMLDoc]] = {}
    seen: set[str] = set()
    dups = 0
    for path in paths:
        if not path.exists():
            _error(f"no such file or directory: {path}")
            raise typer.Exit(2)
        subdirs = sorted(d for d in path.iterdir() if d.is_dir()) if path.is_dir() else []
        parts = [(str(d), d) for d in subdirs if any(d.rglob("*.tml"))] or [(str(path), path)]
        for name, part in parts:
            for doc in iter_timeml_dir(part, on_error=skip):
                if doc.doc_id in seen:
                    dups += 1
                    continue
                seen.add(doc.doc_id)
                groups.setdefault(name, []).append(doc)
    if not seen:
        _error("no .tml documents found")
        raise typer.Exit(2)
    reports = {name: score_docs(docs) for name, docs in groups.items()}
    if len(reports) > 1:
        reports["all"] = score_docs([d for docs in groups.values() for d in docs])
    overall = list(reports.values())[-1]
    if as_json:
        print(json.dumps({k: v.to_dict() for k, v in reports.items()}, indent=2))
    else:
        for name, rep in reports.items():
            print(f"== {name}\n{rep.format()}\n")
        if dups:
            print(f"({dups} duplicate document id(s) skipped)")
    for e in overall.errors()[:errors]:
        print(json.dumps(asdict(e), ensure_ascii=False))
    value_f1 = overall.to_dict()["value"]["f1"]
    if min_value_f1 is not None and value_f1 < min_value_f1:
        err.print(f"[red]below floor[/red] value F1 {value_f1:.3f} < {min_value_f1}")
        raise typer.Exit(1)


@bench_app.command("quotes")
def bench_quotes(
    path: Annotated[Path, typer.Argument(help="Folder with text/*.txt and attributions/*.ann (brat).")],
    baseline: Annotated[
        bool, typer.Option("--baseline/--no-baseline", help="Also score textacy's direct_quotations.")
    ] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Quote attribution scores (source, cue, content; exact and overlap P/R/F1) against brat gold."""
    import importlib.util

    from newstrace.bench.quotes import run_quotes_bench

    if not path.is_dir():
        _error(f"not a directory: {path}")
        raise typer.Exit(2)
    if baseline and importlib.util.find_spec("textacy") is None:
        _error("the textacy baseline needs `pip install 'newstrace[bench]'` (or --no-baseline)")
        raise typer.Exit(2)
    report = run_quotes_bench(path, baseline=baseline)
    print(json.dumps(report.to_dict(), indent=2) if as_json else report.format())


@bench_app.command("stories")
def bench_stories(
    paths: Annotated[list[Path], typer.Argument(help="Folders holding story folders with a gold.json each.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the totals as JSON.")] = False,
) -> None:
    """Conflict and corroboration precision/recall of `compare` against gold stories."""
    from newstrace.bench.stories import run_stories_bench

    report = run_stories_bench(paths)
    if not report.stories:
        _error("no gold.json found under the given paths")
        raise typer.Exit(2)
    print(json.dumps(report.totals(), indent=2) if as_json else report.format())


@bench_app.command("trust")
def bench_trust(
    ecbplus: Annotated[Path, typer.Argument(help="The ECB+ folder (topic folders 1, 2, ... of token XML).")],
    gold: Annotated[
        Path | None, typer.Option("--gold", help="Folder of trust gold files (default: the packaged set).")
    ] = None,
    subtopic: Annotated[
        list[str] | None, typer.Option("--subtopic", help="Only this sub-topic (e.g. 20_2); repeatable.")
    ] = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="Score every conflict found, not only those the report shows.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the totals as JSON.")] = False,
    details: Annotated[
        bool, typer.Option("--details/--no-details", help="List false and missed ones.")
    ] = True,
    min_conflict_precision: Annotated[
        float | None, typer.Option("--min-conflict-precision", help="Exit 1 below this conflict precision.")
    ] = None,
    min_conflict_recall: Annotated[
        float | None, typer.Option("--min-conflict-recall", help="Exit 1 below this conflict recall.")
    ] = None,
) -> None:
    """Conflict and update precision/recall of `compare` on real coverage (ECB+ sub-topics read by hand)."""
    from newstrace.bench.trust import run_trust_bench

    _run_gold_bench(
        ecbplus,
        lambda: run_trust_bench(ecbplus, gold, shown_only=not show_all, only=subtopic or ()),
        as_json,
        details,
        {"conflict_precision": min_conflict_precision, "conflict_recall": min_conflict_recall},
    )


def _run_gold_bench(
    ecbplus: Path, run: Any, as_json: bool, details: bool, floors: dict[str, float | None]
) -> None:
    """Run a bench scored against gold read by hand in ECB+ (trust, facts): print the report,
    each gold file or sub-topic it could not score (path:line: [code] message), and exit 1 below
    a floor or when something was left out, 2 on bad usage."""
    if not ecbplus.is_dir():
        _error(f"not a directory: {ecbplus}")
        raise typer.Exit(2)
    try:
        report = run()
    except NewstraceError as exc:
        _error(exc)
        raise typer.Exit(2) from None
    t = report.totals()
    print(json.dumps(t, indent=2) if as_json else report.format(details))
    for message in report.errors:
        _error(message, located=True)  # "path:line: [code] message" from the gold readers
    for key, floor in floors.items():
        if floor is not None and t[key] < floor:
            err.print(f"[red]below floor[/red] {key.replace('_', ' ')} {t[key]:.3f} < {floor}")
            raise typer.Exit(1)
    if report.errors:
        raise typer.Exit(1)  # some sub-topics could not be scored (each reported above)


@bench_app.command("facts")
def bench_facts(
    ecbplus: Annotated[Path, typer.Argument(help="The ECB+ folder (topic folders 1, 2, ... of token XML).")],
    gold: Annotated[
        Path | None, typer.Option("--gold", help="Folder of facts gold files (default: the packaged set).")
    ] = None,
    subtopic: Annotated[
        list[str] | None, typer.Option("--subtopic", help="Only this sub-topic (e.g. 20_2); repeatable.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the totals as JSON.")] = False,
    details: Annotated[
        bool, typer.Option("--details/--no-details", help="List false pairs and missed facts.")
    ] = True,
    min_pair_precision: Annotated[
        float | None, typer.Option("--min-pair-precision", help="Exit 1 below this pair precision.")
    ] = None,
    min_fact_recall: Annotated[
        float | None, typer.Option("--min-fact-recall", help="Exit 1 below this fact recall.")
    ] = None,
) -> None:
    """Corroboration on real coverage: pair precision and fact recall of `compare`'s facts against
    shared facts read by hand (ECB+ sub-topics)."""
    from newstrace.bench.facts import run_facts_bench

    _run_gold_bench(
        ecbplus,
        lambda: run_facts_bench(ecbplus, gold, only=subtopic or ()),
        as_json,
        details,
        {"pair_precision": min_pair_precision, "fact_recall": min_fact_recall},
    )


def _audit_progress(quiet: bool) -> Any:
    """A progress line on stderr for the audit benches, when it is a terminal and not quiet."""

    def progress(name: str, i: int, total: int) -> None:
        if not quiet and err.is_terminal:
            err.print(f"  {name}: audited {i}/{total}", end="\r")

    return progress


def _print_audit_bench(report: Any, as_json: bool, errors: int) -> None:
    """An audit bench's report (JSON or table), then the first ``errors`` sentences it got wrong."""
    from dataclasses import asdict

    print(json.dumps(report.to_dict(), indent=2) if as_json else report.format())
    for e in report.errors()[:errors]:
        print(json.dumps(asdict(e), ensure_ascii=False))


@bench_app.command("written")
def bench_written(
    ecbplus: Annotated[
        Path | None, typer.Option("--ecbplus", help="The ECB+ folder the ECB+ summaries were written from.")
    ] = None,
    polnear: Annotated[
        Path | None,
        typer.Option("--polnear", help="The PolNeAR folder the PolNeAR summaries were written from."),
    ] = None,
    gold: Annotated[
        Path | None, typer.Option("--gold", help="Folder of written summaries (default: the packaged set).")
    ] = None,
    baseline: Annotated[
        bool, typer.Option("--baseline/--no-baseline", help="Also score the embedding-similarity baseline.")
    ] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    errors: Annotated[
        int, typer.Option("--errors", help="Also list the first N sentences the audit got wrong.")
    ] = 0,
    min_sentence_bacc: Annotated[
        float | None,
        typer.Option(
            "--min-sentence-bacc", help="Exit 1 if the pooled sentence-level balanced accuracy is below this."
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress on stderr.")] = False,
    config: ConfigOpt = None,
) -> None:
    """The audit on summaries written by hand: faithful abstractive summaries of ECB+ and PolNeAR
    articles and their edited copies (name, number, date, negation, opposite, roles, attribution,
    addition), scored like `bench audit`, with the share judged right per kind."""
    from newstrace.bench.written import run_written_bench

    failed = 0

    def bad(e: NewstraceError) -> None:
        nonlocal failed
        failed += 1
        _error(e)

    try:
        report = run_written_bench(
            ecbplus, polnear, gold_dir=gold, baseline=baseline, settings=_settings(config, None),
            on_error=bad, progress=_audit_progress(quiet),
        )  # fmt: skip
    except NewstraceError as exc:
        _error(exc)
        raise typer.Exit(2) from None
    _print_audit_bench(report, as_json, errors)
    if failed:
        raise typer.Exit(1)
    _check_floor(report, min_sentence_bacc)


def _check_floor(report: Any, min_sentence_bacc: float | None) -> None:
    """Exit 1 when an audit bench's pooled sentence balanced accuracy is below the floor."""
    bacc = report.pooled().newstrace.sentence.balanced_accuracy
    if min_sentence_bacc is not None and bacc < min_sentence_bacc:
        err.print(f"[red]below floor[/red] sentence balanced accuracy {bacc:.3f} < {min_sentence_bacc}")
        raise typer.Exit(1)


@bench_app.command("calibrate")
def bench_calibrate(
    qags: Annotated[
        Path | None,
        typer.Option("--qags", help="Folder with the QAGS files (mturk_cnndm.jsonl, mturk_xsum.jsonl)."),
    ] = None,
    ecbplus: Annotated[
        Path | None, typer.Option("--ecbplus", help="The ECB+ folder the written summaries come from.")
    ] = None,
    polnear: Annotated[
        Path | None, typer.Option("--polnear", help="The PolNeAR folder the written summaries come from.")
    ] = None,
    write: Annotated[
        Path | None,
        typer.Option(
            "--write", help="Write the settings fitted on all the sets given into this support model file."
        ),
    ] = None,
    min_bacc: Annotated[
        float | None,
        typer.Option(
            "--min-bacc",
            help="Exit 1 if a set scored with settings fitted on the others is below this sentence balanced accuracy.",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the table as JSON.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress on stderr.")] = False,
    config: ConfigOpt = None,
) -> None:
    """The audit's carried-in-other-words settings, fitted on some sets and scored on another:
    CNN/DM -> XSum and back, and each set (QAGS CNN/DM, QAGS XSum, the two halves of the written
    summaries) with settings fitted on all the others. A bad QAGS line or written summary is
    reported (file and line) and left out; the exit code is then 1."""
    import dataclasses

    from newstrace.audit import Auditor
    from newstrace.audit._model import SupportModel
    from newstrace.bench.audit import QAGS_FILES, read_qags
    from newstrace.bench.calibrate import choose, collect, cross_table
    from newstrace.bench.written import written_records

    settings = _settings(config, None)
    progress = _audit_progress(quiet)
    named: dict[str, list[Any]] = {}
    failed = 0

    def bad_line(file: str, line: int, message: str) -> None:
        nonlocal failed
        failed += 1
        _error(f"{file}:{line}: cannot read QAGS record: {message}", located=True)

    def bad_summary(e: NewstraceError) -> None:
        nonlocal failed
        failed += 1
        _error(e)

    if qags is not None:
        missing = [str(qags / f) for f in QAGS_FILES if not (qags / f).is_file()]
        if missing:
            _error(f"QAGS file(s) not found: {', '.join(missing)}")
            raise typer.Exit(2)
    try:
        auditor = Auditor(settings)
        if qags is not None:
            for part in ("cnndm", "xsum"):
                recs = read_qags(qags / f"mturk_{part}.jsonl", on_error=bad_line)
                named[part] = collect(recs, auditor, settings, progress, part)
        if ecbplus is not None or polnear is not None:
            halves: dict[str, list[Any]] = {"written-a": [], "written-b": []}
            for name, recs in written_records(None, ecbplus, polnear, bad_summary).items():
                # Files 1-2 of each corpus are one half, 3-4 the other.
                half = "written-a" if name[-1] in "12" else "written-b"
                halves[half] += collect(recs, auditor, settings, progress, name)
            named.update(halves)
    except NewstraceError as exc:
        _error(exc)
        raise typer.Exit(2) from None
    pool = [n for n in ("cnndm", "xsum", "written-a", "written-b") if n in named]
    splits: list[tuple[list[str], str]] = [(["cnndm"], "xsum"), (["xsum"], "cnndm")]
    splits += [([f for f in pool if f != held], held) for held in pool if len(pool) > 1]  # leave one set out
    table = cross_table(named, splits)
    if as_json:
        print(json.dumps(table, indent=2))
    else:
        print("Audit calibration: settings fitted on some sets, scored on another (sentence level)")
        print(
            f"{'fit on':34s} {'scored':10s} {'by':9s} {'T':>3s} {'C':>5s} {'thr':>5s} {'E':>5s} {'D':>5s} {'bacc':>6s} {'passed':>7s} "
            f"{'caught':>7s} {'score only':>10s}"
        )
        for r in table:
            print(
                f"{'+'.join(r['fit']):34s} {r['scored']:10s} {r['support_by']:9s} {r['carried_unaligned']:3d} "
                f"{r['carried_cosine']:5.2f} {r['threshold']:5.2f} {r['entailed_from']:5.2f} {r['doubted_below']:5.2f} {r['sentence_bacc']:6.3f} {r['consistent_passed']:7.3f} "
                f"{r['inconsistent_caught']:7.3f} {r['rule_off_bacc']:10.3f}"
            )
    if write is not None:
        if not pool:
            _error("--write needs --qags or the written summaries to fit on")
            raise typer.Exit(2)
        rule = choose([named[n] for n in pool])
        model = SupportModel.load(write) if write.is_file() else auditor.model
        model = dataclasses.replace(
            model,
            **dataclasses.asdict(rule),
            calibrated_on=f"sentence judgements of {', '.join(pool)} (newstrace bench calibrate): "
            "best mean sentence balanced accuracy over the sets",
        )
        model.save(write)
        print("wrote " + " ".join(f"{k}={v}" for k, v in dataclasses.asdict(rule).items()) + f" into {write}")
    if min_bacc is not None:
        low = [r for r in table if r["sentence_bacc"] < min_bacc]
        for r in low:
            err.print(f"[red]below the floor[/red] {r['scored']} (fitted on {'+'.join(r['fit'])}): "
                      f"{r['sentence_bacc']:.3f} < {min_bacc}")  # fmt: skip
        if low:
            raise typer.Exit(1)
    if failed:
        raise typer.Exit(1)


@bench_app.command("audit")
def bench_audit(
    path: Annotated[
        Path, typer.Argument(help="Folder with the QAGS files mturk_cnndm.jsonl and mturk_xsum.jsonl.")
    ],
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="Only the first N summaries of each file.")
    ] = None,
    baseline: Annotated[
        bool,
        typer.Option("--baseline/--no-baseline", help="Also score the embedding-similarity baseline."),
    ] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    errors: Annotated[
        int, typer.Option("--errors", help="Also list the first N sentences the audit got wrong.")
    ] = 0,
    min_sentence_bacc: Annotated[
        float | None,
        typer.Option(
            "--min-sentence-bacc", help="Exit 1 if the pooled sentence-level balanced accuracy is below this."
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress on stderr.")] = False,
    config: ConfigOpt = None,
) -> None:
    """Audit scores against QAGS judgements: balanced accuracy (sentence and summary), P/R, pairs/s.

    Reads mturk_cnndm.jsonl and mturk_xsum.jsonl, or else every *.jsonl in the QAGS format. A
    summary sentence is consistent in gold when most of its answers are "yes". A baseline (max
    cosine against the article's sentences >= 0.5) runs in the same process for ratios.
    """
    from newstrace.bench.audit import QAGS_FILES, qags_files, run_audit_bench

    if not path.is_dir() or not qags_files(path):
        _error(f"{path} holds none of {', '.join(QAGS_FILES)} and no other *.jsonl")
        raise typer.Exit(2)

    def skip(file: str, line: int, message: str) -> None:
        _error(f"{file}:{line}: cannot read QAGS record: {message}", located=True)

    try:
        report = run_audit_bench(
            path,
            limit=limit,
            baseline=baseline,
            settings=_settings(config, None),
            on_error=skip,
            progress=_audit_progress(quiet),
        )
    except NewstraceError as exc:
        _error(exc)
        raise typer.Exit(2) from None
    _print_audit_bench(report, as_json, errors)
    _check_floor(report, min_sentence_bacc)


def main() -> None:
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
