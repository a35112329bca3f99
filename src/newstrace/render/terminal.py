"""Readable terminal summary of annotated articles (rich)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table

from newstrace.records import AnnotatedArticle, StoryEntity


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
