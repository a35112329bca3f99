"""Checks examples/gold/expected.json against examples/corpus (stdlib only; exit 1 on problems).

Every gold string must occur verbatim; relative dates are re-derived from the article dates.
Usage: python3 examples/check_gold.py
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
GOLD = HERE / "gold" / "expected.json"

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
NUMBERS = {"one": 1, "two": 2, "three": 3}
JSONL_FIELDS = {"id", "url", "title", "published", "source", "text"}

problems: list[str] = []


def fail(msg: str) -> None:
    problems.append(msg)


class ArticleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.blocks: list[str] = []
        self.buf: list[str] = []
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "meta" and (key := a.get("property") or a.get("name")):
            self.meta[key] = a.get("content", "")
        if tag == "article":
            self.depth += 1
        elif self.depth and tag in {"h1", "p", "div"}:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag in {"h1", "p", "div", "article"}:
            self.flush()
        if tag == "article":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.buf.append(data)

    def flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self.buf)).strip()
        if text:
            self.blocks.append(text)
        self.buf = []


def load() -> dict[str, dict[str, object]]:
    arts: dict[str, dict[str, object]] = {}
    for path in sorted(CORPUS.iterdir()):
        raw = path.read_text(encoding="utf-8")
        if path.suffix == ".txt":
            m = re.match(r"date (\d{4}-\d{2}-\d{2})(?: |\n)", raw)
            body = raw[m.end():] if m else raw
            arts[path.name] = {"text": raw, "body": body, "published": m.group(1) if m else None,
                               "first_line": body.split("\n", 1)[0]}
        elif path.suffix == ".html":
            p = ArticleText()
            p.feed(raw)
            text = "\n\n".join(p.blocks)
            if "cookie" in text.lower():
                fail(f"{path.name}: cookie banner text leaked into <article>")
            arts[path.name] = {"text": text, "body": text,
                               "published": p.meta.get("article:published_time", "")[:10] or None,
                               "source": p.meta.get("og:site_name"), "author": p.meta.get("author"),
                               "title": p.meta.get("og:title")}
        elif path.suffix == ".jsonl":
            for n, line in enumerate(raw.splitlines(), 1):
                rec = json.loads(line)
                missing = JSONL_FIELDS - rec.keys()
                if missing:
                    fail(f"{path.name}:{n}: missing fields {sorted(missing)}")
                arts[f"{path.name}#{rec['id']}"] = {
                    "text": rec["text"], "body": rec["text"], "published": rec["published"][:10],
                    "source": rec["source"], "title": rec["title"],
                    "extra_fields": sorted(rec.keys() - JSONL_FIELDS)}
        else:
            fail(f"unexpected file in corpus: {path.name}")
    return arts


def occurrences(text: str, needle: str) -> int:
    return len(re.findall(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", text))


def resolve(text: str, anchor: dt.date | None, tense: str) -> str | None:
    """TIMEX3 value for the few patterns the corpus uses."""
    t = text.lower()
    if m := re.search(r"\b(in )?(" + "|".join(MONTHS) + r") (\d{4})\b", t):
        return f"{m.group(3)}-{MONTHS.index(m.group(2)) + 1:02d}"
    if m := re.fullmatch(r"(?:\w+ )?in (\d{4})", t):
        return m.group(1)
    if anchor is None:
        return None
    if m := re.search(r"\b(" + "|".join(MONTHS) + r") (\d{1,2})\b", t):
        return dt.date(anchor.year, MONTHS.index(m.group(1)) + 1, int(m.group(2))).isoformat()
    if m := re.search(r"\b(\w+) days ago\b", t):
        return (anchor - dt.timedelta(days=NUMBERS[m.group(1)])).isoformat()
    if "yesterday" in t:
        return (anchor - dt.timedelta(days=1)).isoformat()
    if "today" in t:
        return anchor.isoformat()
    if "last month" in t:
        prev = anchor.replace(day=1) - dt.timedelta(days=1)
        return f"{prev.year}-{prev.month:02d}"
    if "next week" in t or "this week" in t:
        day = anchor + dt.timedelta(days=7 if "next" in t else 0)
        iso = day.isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    for idx, name in enumerate(WEEKDAYS):
        if re.search(r"\b" + name + r"\b", t):
            fwd = (idx - anchor.weekday()) % 7
            delta = fwd if tense == "future" else -((anchor.weekday() - idx) % 7)
            return (anchor + dt.timedelta(days=delta)).isoformat()
    return None


def main() -> int:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    arts = load()

    def text_of(key: str) -> str:
        return str(arts.get(key, {}).get("text", ""))

    def present(key: str, needle: str, what: str, unique: bool = False) -> None:
        n = occurrences(text_of(key), needle)
        if n == 0:
            fail(f"{what}: {needle!r} not found in {key}")
        elif unique and n > 1:
            fail(f"{what}: {needle!r} occurs {n} times in {key} (must be unique)")

    if set(gold["articles"]) != set(arts):
        fail(f"article sets differ: {set(gold['articles']) ^ set(arts)}")
    outlets, events = set(), set()
    for key, exp in gold["articles"].items():
        if key not in arts:
            continue
        a = arts[key]
        outlets.add(exp["outlet"])
        events.add(exp["event"])
        if a["published"] != exp["published"]:
            fail(f"{key}: published {a['published']} != gold {exp['published']}")
        for field in ("source", "author", "title", "extra_fields"):
            if field in exp and a.get(field) != exp[field]:
                fail(f"{key}: {field} {a.get(field)!r} != gold {exp[field]!r}")
        first = str(a.get("first_line", ""))
        if exp["place"] is not None and not first.startswith(exp["place"] + ","):
            fail(f"{key}: dateline does not start with place {exp['place']!r}")
        if exp["credit"] is not None and exp["credit"] not in first[:80]:
            fail(f"{key}: credit {exp['credit']!r} not in dateline")
        if not 150 <= (words := len(str(a["body"]).split())) <= 400:
            fail(f"{key}: {words} words (want 150-400)")
    if len(arts) < 10 or len(outlets) < 5 or len(events) < 2:
        fail(f"corpus too small: {len(arts)} articles, {len(outlets)} outlets, {len(events)} events")

    for t in gold["times"]:
        present(t["file"], t["text"], "times", unique=True)
        pub = gold["articles"].get(t["file"], {}).get("published")
        anchor = dt.date.fromisoformat(pub) if pub else None
        got = resolve(t["text"], anchor, t.get("tense", "past"))
        if got != t["value"]:
            fail(f"times: {t['file']} {t['text']!r}: {got} != {t['value']}")

    for pair in gold["entities_same"] + gold["entities_different"]:
        for side in ("a", "b"):
            present(pair[side][0], pair[side][1], f"entities ({pair['kind']})")
    for q in gold["quotes"]:
        present(q["file"], q["content_contains"], "quote content")
        present(q["file"], q["speaker"].split()[-1], "quote speaker")
        for via in q["via"]:
            if via.lower() not in text_of(q["file"]).lower():
                fail(f"quote via {via!r} not in {q['file']}")
    for c in gold["conflicts"] + gold["non_conflicts"]:
        for side in ("a", "b"):
            present(c[side]["file"], c[side]["text"], f"conflict {c.get('type', 'non')}", unique=True)
    for s in gold["single_source"] + gold["opinion"]:
        present(s["file"], s["text"], "single_source/opinion")
    for c in gold["corroborated"]:
        srcs = {gold["articles"][f]["outlet"] for f in c["files"] if f in gold["articles"]}
        if len(srcs) < 3:
            fail(f"corroborated {c['description']!r}: only {len(srcs)} outlets")
        for f, ev in c["evidence"].items():
            present(f, ev, "corroborated evidence")

    # Near copies must be near-identical; no other pair may be.
    copies = {frozenset(p) for p in gold["near_copies"]}
    keys = sorted(arts)
    for i, k1 in enumerate(keys):
        for k2 in keys[i + 1:]:
            r = difflib.SequenceMatcher(None, str(arts[k1]["body"]), str(arts[k2]["body"]),
                                        autojunk=False).ratio()
            if frozenset((k1, k2)) in copies and r < 0.85:
                fail(f"near copy {k1} / {k2}: similarity only {r:.2f}")
            if frozenset((k1, k2)) not in copies and r > 0.5:
                fail(f"unexpected near copy {k1} / {k2}: similarity {r:.2f}")

    files = [p for p in HERE.rglob("*") if p.is_file() and not any(x[0] in "._" for x in p.parts[-3:])]
    size = sum(p.stat().st_size for p in files)
    if size >= 60_000:
        fail(f"examples/ is {size} bytes (limit 60,000)")

    print("".join(f"FAIL {p}\n" for p in problems), end="")
    print(f"{len(arts)} articles, {len(outlets)} outlets, {size} bytes, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
