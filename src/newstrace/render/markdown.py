"""Markdown report of a story comparison (``compare --markdown FILE``)."""

from __future__ import annotations

from newstrace.story.compare import StoryReport, claim_index

_TITLES = {
    "conflict": "Conflicts",
    "single_source": "Single-source claims",
    "corroborated": "Corroborated claims",
    "opinion": "Opinion and speculation",
}


def _quote(text: str, limit: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def compare_markdown(report: StoryReport) -> str:
    idx = claim_index(report)
    lines = ["# newstrace story report", ""]
    lines += ["| article | source | published | independent source |", "|---|---|---|---|"]
    for a in report.articles:
        art = a.article
        pub = art.published.isoformat() if art.published else "undated"
        lines.append(f"| {art.id} | {art.source or '-'} | {pub} | {report.source_of[art.id]} |")
    counts = {v: sum(g.verdict == v for g in report.groups) for v in _TITLES}
    lines += ["", " · ".join(f"{_TITLES[v]}: {n}" for v, n in counts.items()), ""]
    for verdict, title in _TITLES.items():
        groups = [g for g in report.groups if g.verdict == verdict]
        if not groups:
            continue
        lines += [f"## {title}", ""]
        for g in groups:
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
                lines.append(f"- conflict **{conflict.type}**: {vals}")
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
