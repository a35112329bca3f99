"""Readable terminal summary of annotated articles (rich)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table

from newstrace.records import AnnotatedArticle, AuditReport, StoryEntity
from newstrace.story.compare import StoryReport


def print_article(console: Console, ann: AnnotatedArticle, max_rows: int = 12) -> None:
    a = ann.article
    facts = [
        f"published {a.published.isoformat() if a.published else 'unknown'}",
        f"place {a.place or '-'}",
        f"source {a.source or '-'}",
        f"language {a.language or '?'}",
        f"{len(ann.sentences)} sentences",
    ]
    title = f" - {a.title}" if a.title else ""
    console.print(f"[bold]{a.id}[/bold]{title}  [dim]{a.path}[/dim]")
    console.print("  " + " | ".join(facts))
    if ann.entities:
        table = Table(show_header=True, header_style="bold", box=None, padding=(0, 2))
        table.add_column("entity")
        table.add_column("type")
        table.add_column("mentions", justify="right")
        table.add_column("as written")
        ranked = sorted(ann.entities, key=lambda e: (-len(e.mentions), e.mentions[0].start))
        for e in ranked[:max_rows]:
            forms = Counter(m.text for m in e.mentions)
            table.add_row(e.name, e.type, str(len(e.mentions)), ", ".join(f for f, _ in forms.most_common(4)))
        console.print(table)
        if len(ranked) > max_rows:
            console.print(f"  [dim]... {len(ranked) - max_rows} more entities (use --json for all)[/dim]")
    if ann.times:
        table = Table(show_header=True, header_style="bold", box=None, padding=(0, 2))
        table.add_column("time expression")
        table.add_column("type")
        table.add_column("value")
        for t in ann.times[:max_rows]:
            value = t.value if t.anchored else f"{t.value} [yellow](unanchored)[/yellow]"
            table.add_row(repr(t.text), t.type, value)
        console.print(table)
        if len(ann.times) > max_rows:
            console.print(f"  [dim]... {len(ann.times) - max_rows} more time expressions[/dim]")
    if ann.quotes:
        table = Table(show_header=True, header_style="bold", box=None, padding=(0, 2))
        table.add_column("speaker")
        table.add_column("via")
        table.add_column("kind")
        table.add_column("said")
        text = a.text
        for q in ann.quotes[:max_rows]:
            said = " ".join(text[q.content.start : q.content.end].split())
            said = said if len(said) <= 90 else said[:87] + "..."
            table.add_row(q.speaker or "[dim](unattributed)[/dim]", ", ".join(q.via) or "-", q.kind, said)
        console.print(table)
        if len(ann.quotes) > max_rows:
            console.print(f"  [dim]... {len(ann.quotes) - max_rows} more quotes[/dim]")
    for w in ann.warnings:
        console.print(f"  [yellow]warning[/yellow] {w}")
    console.print()


def print_story(console: Console, entities: Sequence[StoryEntity], max_rows: int = 25) -> None:
    """Entities found in more than one article, with why their names were merged."""
    shared = [e for e in entities if len({m.article for m in e.mentions}) > 1]
    console.print(
        f"[bold]Across articles[/bold]: {len(entities)} entities, {len(shared)} in more than one article"
    )
    table = Table(show_header=True, header_style="bold", box=None, padding=(0, 2))
    table.add_column("entity")
    table.add_column("type")
    table.add_column("articles", justify="right")
    table.add_column("also written")
    table.add_column("why merged")
    ranked = sorted(shared, key=lambda e: (-len({m.article for m in e.mentions}), e.id))
    for e in ranked[:max_rows]:
        reasons = sorted({m.reason for m in e.merges if not m.reason.startswith("same name")})
        table.add_row(
            e.name,
            e.type,
            str(len({m.article for m in e.mentions})),
            ", ".join(e.aliases[:4]),
            "; ".join(reasons[:2]) or "same name",
        )
    console.print(table)
    if len(ranked) > max_rows:
        console.print(f"  [dim]... {len(ranked) - max_rows} more (use --json for all)[/dim]")


_VERDICT_STYLE = {
    "conflict": "bold red",
    "update": "cyan",
    "single_source": "yellow",
    "corroborated": "green",
    "opinion": "dim",
}


def print_compare(console: Console, report: StoryReport, max_rows: int = 15) -> None:
    """Conflicts first, then single-source claims, corroborated ones, opinion, the timeline."""
    from newstrace.story.compare import claim_index
    from newstrace.story.verdicts import source_groups

    idx = claim_index(report)
    counts: Counter[str] = Counter(g.verdict for g in report.groups)
    console.print(
        f"[bold]{len(report.articles)} articles[/bold], "
        f"{len(set(report.source_of.values()))} independent sources, {len(report.groups)} claim groups: "
        + ", ".join(f"{counts.get(v, 0)} {v.replace('_', ' ')}" for v in _VERDICT_STYLE)
    )
    for verdict, style in _VERDICT_STYLE.items():
        groups = [g for g in report.groups if g.verdict == verdict]
        if not groups:
            continue
        console.print(f"\n[{style}]{verdict.replace('_', ' ').upper()}[/{style}] ({len(groups)})")
        for g in groups[:max_rows]:
            conf = f" [dim](confidence {g.conflicts[0].confidence:.2f})[/dim]" if g.conflicts else ""
            if g.statement:
                # A fact: what is established, how many independent sources, each one's words.
                console.print(f"  [{style}]{g.id}[/{style}] {_short(g.statement, 140)}")
                console.print(f"     [dim]{g.explanation}[/dim]")
                for sp in g.spans[:6]:
                    marks = (
                        f" [dim]({', '.join(m.replace('_', ' ') for m in sp.marks)})[/dim]"
                        if sp.marks
                        else ""
                    )
                    console.print(f'     [dim]{sp.article}:{sp.claim}[/dim] "{_short(sp.text, 100)}"{marks}')
                if len(g.spans) > 6:
                    console.print(
                        f"     [dim]... {len(g.spans) - 6} more sources' words (use --json or --markdown)[/dim]"
                    )
                continue
            console.print(f"  [{style}]{g.id}[/{style}] {g.explanation}{conf}")
            for ref in g.claims[:4]:
                _, c = idx[ref]
                text = " ".join(c.text.split())
                text = text if len(text) <= 110 else text[:107] + "..."
                console.print(f"     [dim]{ref.article}:{ref.claim}[/dim] {text}")
        if len(groups) > max_rows:
            console.print(f"  [dim]... {len(groups) - max_rows} more (use --json or --markdown)[/dim]")
    if report.timeline:
        console.print("\n[bold]TIMELINE[/bold]")
        for t in report.timeline[:max_rows]:
            text = " ".join(t.text.split())
            console.print(f"  {t.value:<10} {text[:100]}  [dim]({', '.join(t.articles)})[/dim]")
    groups_of = source_groups([a.article.id for a in report.articles], report.source_of, report.source_links)
    if any(len(arts) > 1 for _, arts, _ in groups_of):
        # Which articles were counted as one source, and why, said once for the whole report.
        console.print("\n[bold]SOURCES[/bold] (articles counted as one independent source)")
        for label, arts, why in groups_of:
            if len(arts) > 1:
                console.print(f"  {label}: {', '.join(arts)}")
                console.print(f"     [dim]{why}[/dim]")
    if report.lineage:
        console.print("\n[bold]COPIES[/bold]")
        for link in report.lineage:
            orig = f", original {link.original}" if link.original else ""
            console.print(f"  {link.a} ~ {link.b} (similarity {link.similarity}{orig})")


_LABEL_STYLE = {
    "supported": "green",
    "partially_supported": "cyan",
    "unsupported": "yellow",
    "contradicted": "bold red",
    "opinion": "dim",
}


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def audit_counts(report: AuditReport) -> dict[str, int]:
    """Sentences per label, in a fixed order (every label present, zero or not)."""
    counts: Counter[str] = Counter(s.label for s in report.sentences)
    return {label: counts.get(label, 0) for label in _LABEL_STYLE}


def print_audit(console: Console, report: AuditReport, max_omissions: int = 10) -> None:
    """Each derived sentence with its label, score, reason and best evidence; then what the
    derived text left out, most important first; then the verdict."""
    console.print(
        f"[bold]{report.derived}[/bold] audited against {', '.join(report.sources)}: "
        f"{len(report.sentences)} sentences"
    )
    for s in report.sentences:
        style = _LABEL_STYLE.get(s.label, "")
        label = s.label.replace("_", " ").upper()
        console.print(f"\n  [{style}]{label}[/{style}] {s.score:.2f}  {_short(s.text, 110)}", markup=True)
        if s.reason:
            console.print(f"     [dim]why[/dim] {s.reason}")
        for d in s.distortions:
            kind = d.type.replace("_", " ")
            said = d.explanation and d.explanation in (s.reason or "")  # already the "why" line
            # A whole source sentence is the evidence line below: not repeated here.
            whole = len(d.source) > 40 and any(d.source.strip() in e.text for e in s.evidence)
            if said or whole:
                why = "" if said else f": {d.explanation}"
                console.print(f"     [{style}]{kind}[/{style}] {_short(d.derived, 100)!r}{why}")
            else:
                console.print(
                    f"     [{style}]{kind}[/{style}] {_short(d.derived, 80)!r} vs {_short(d.source, 80)!r}: "
                    f"{d.explanation}"
                )
        if s.evidence:
            best = max(s.evidence, key=lambda e: e.score)
            console.print(
                f"     [dim]evidence {best.source} ({best.score:.2f})[/dim] {_short(best.text, 100)}"
            )
    omissions = sorted(report.omissions, key=lambda o: -o.importance)
    if omissions:
        console.print(f"\n[bold]OMISSIONS[/bold] ({len(omissions)}, most important first)")
        for o in omissions[:max_omissions]:
            why = f"  [dim]({o.reason})[/dim]" if o.reason else ""
            console.print(f"  {o.importance:.2f} [dim]{o.source}[/dim] {_short(o.text, 100)}{why}")
        if len(omissions) > max_omissions:
            console.print(
                f"  [dim]... {len(omissions) - max_omissions} more (use --json or --markdown)[/dim]"
            )
    console.print("\n" + audit_verdict_line(report, len(omissions)))


def audit_verdict_line(report: AuditReport, omissions: int) -> str:
    """The verdict with what decides it first: a derived text is consistent when none of its
    sentences is contradicted or unsupported ("NOT CONSISTENT with its sources: 1 contradicted
    and 1 unsupported of 6 sentences; also 1 supported, ...")."""
    counts = audit_counts(report)
    total = sum(counts.values())
    bad = [f"{counts[k]} {k}" for k in ("contradicted", "unsupported") if counts[k]]
    rest = ", ".join(
        f"{n} {k.replace('_', ' ')}"
        for k, n in counts.items()
        if n and k not in ("contradicted", "unsupported")
    )
    if report.consistent:
        head = (
            f"[green]CONSISTENT[/green] with its sources: no sentence contradicted or unsupported of {total}"
        )
    else:
        head = (
            f"[bold red]NOT CONSISTENT[/bold red] with its sources: {' and '.join(bad)} of {total} sentences"
        )
    also = f"; also {rest}" if rest else ""
    return f"{head}{also}; {omissions} omission(s)"
