"""Readable terminal summary of annotated articles (rich)."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.table import Table

from newstrace.records import AnnotatedArticle


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
    for w in ann.warnings:
        console.print(f"  [yellow]warning[/yellow] {w}")
    console.print()
