"""Markdown reports: a story comparison (``compare --markdown FILE``) and a derived-text audit
(``audit --markdown FILE``)."""

from __future__ import annotations

from collections.abc import Mapping

from newstrace.records import Article, AuditReport
from newstrace.render.json import file_span
from newstrace.story.compare import StoryReport, claim_index

_TITLES = {
    "conflict": "Conflicts",
    "update": "Updates (a later report gives a later figure)",
    "single_source": "Single-source claims",
    "corroborated": "Corroborated facts",
    "opinion": "Opinion and speculation",
}


def _quote(text: str, limit: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def compare_markdown(report: StoryReport) -> str:
    from newstrace.story.verdicts import source_groups

    idx = claim_index(report)
    lines = ["# newstrace story report", ""]
    groups_of = source_groups([a.article.id for a in report.articles], report.source_of, report.source_links)
    label_of = {aid: label for label, arts, _ in groups_of for aid in arts}
    lines += ["| article | outlet | published | independent source |", "|---|---|---|---|"]
    for a in report.articles:
        art = a.article
        pub = art.published.isoformat() if art.published else "undated"
        lines.append(f"| {art.id} | {art.source or art.credit or '-'} | {pub} | {label_of[art.id]} |")
    shared = [(label, arts, why) for label, arts, why in groups_of if len(arts) > 1]
    if shared:
        lines += ["", "Articles counted as one independent source:", ""]
        lines += [f"- **{label}** ({', '.join(arts)}): {why}." for label, arts, why in shared]
    counts = {v: sum(g.verdict == v for g in report.groups) for v in _TITLES}
    lines += ["", " · ".join(f"{_TITLES[v]}: {n}" for v, n in counts.items()), ""]
    for verdict, title in _TITLES.items():
        groups = [g for g in report.groups if g.verdict == verdict]
        if not groups:
            continue
        lines += [f"## {title}", ""]
        for g in groups:
            if g.statement:
                lines += [f"### {g.id} — {g.statement}", "", g.explanation, ""]
                for sp in g.spans:
                    marks = f" _({', '.join(m.replace('_', ' ') for m in sp.marks)})_" if sp.marks else ""
                    lines.append(
                        f'- **{sp.article}** `{sp.claim}` ({sp.start}-{sp.end}): "{_quote(sp.text)}"{marks}'
                    )
                lines.append("")
                continue
            lines.append(f"### {g.id} ({g.severity}) — {g.explanation}")
            lines.append("")
            for ref in g.claims:
                _, c = idx[ref]
                lines.append(
                    f"- **{ref.article}** `{ref.claim}` [{c.kind}] ({c.start}-{c.end}): {_quote(c.text)}"
                )
            for conflict in g.conflicts:
                vals = "; ".join(
                    f"{v.article} {v.text!r} = {v.value} ({v.start}-{v.end})" for v in conflict.values
                )
                lines.append(f"- {conflict.type} (confidence {conflict.confidence:.2f}): {vals}")
            lines.append("")
    if report.timeline:
        lines += ["## Timeline", ""]
        for t in report.timeline:
            lines.append(f"- **{t.value}** ({', '.join(t.articles)}): {_quote(t.text, 160)}")
        lines.append("")
    if report.lineage:
        lines += ["## Copy lineage", ""]
        for link in report.lineage:
            orig = f", original {link.original}" if link.original else ""
            lines.append(f"- {link.a} ~ {link.b}: similarity {link.similarity}{orig}")
        lines.append("")
    return "\n".join(lines)


_LABELS = {
    "supported": "Supported",
    "partially_supported": "Partially supported",
    "unsupported": "Unsupported",
    "contradicted": "Contradicted",
    "opinion": "Opinion",
}


def _at(article: Article | None, start: int, end: int) -> str:
    a, b = file_span(article, start, end)
    return "?" if a is None else f"{a}-{b}"


def audit_markdown(report: AuditReport, articles: Mapping[str, Article] | None = None) -> str:
    """The audit for people: verdict, sentences in order with label and evidence, omissions.
    Offsets (``start-end``) are into each file's original text, as in the JSON."""
    articles = articles or {}
    derived = articles.get(report.derived)
    verdict = "consistent" if report.consistent else "**not consistent**"
    counts = {label: sum(s.label == label for s in report.sentences) for label in _LABELS}
    lines = [
        f"# newstrace audit: {report.derived}",
        "",
        f"Sources: {', '.join(report.sources)}",
        "",
        f"Verdict: {verdict} with its sources (score {report.score:.2f}).",
        "",
        " · ".join(f"{title}: {counts[label]}" for label, title in _LABELS.items())
        + f" · Omissions: {len(report.omissions)}",
        "",
        "## Sentences",
        "",
    ]
    for i, s in enumerate(report.sentences, start=1):
        lines.append(
            f"{i}. **{_LABELS.get(s.label, s.label)}** ({s.score:.2f}, {_at(derived, s.start, s.end)}): "
            f"{_quote(s.text)}"
        )
        if s.reason:
            lines.append(f"   - why: {s.reason}")
        for d in s.distortions:
            lines.append(f"   - {d.type.replace('_', ' ')}: {d.derived!r} vs {d.source!r} — {d.explanation}")
        for e in s.evidence[:2]:
            lines.append(
                f"   - evidence {e.source} ({e.score:.2f}, {_at(articles.get(e.source), e.start, e.end)}): "
                f"{_quote(e.text, 160)}"
            )
    lines.append("")
    if report.omissions:
        lines += ["## Omissions", ""]
        for o in sorted(report.omissions, key=lambda o: -o.importance):
            why = f" — {o.reason}" if o.reason else ""
            lines.append(
                f"- {o.importance:.2f} **{o.source}** ({_at(articles.get(o.source), o.start, o.end)}): "
                f"{_quote(o.text, 160)}{why}"
            )
        lines.append("")
    return "\n".join(lines)
