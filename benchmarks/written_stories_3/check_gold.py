#!/usr/bin/env python3
"""Sanity checks for the written_stories_3 held-out set (no third-party imports).

- every tN_*/gold.json parses and has the expected keys;
- every discrepancy has >= 2 sides in different files, and every sides[].text occurs verbatim in its file;
- every trap lists files that exist;
- every article is ASCII, has a headline, and is 350-800 words long.
Exit status 0 when everything passes.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = {"number", "date", "place", "actor", "attribution", "negation"}
KINDS = {"conflict", "update"}


def main():
    errors = []
    counts = {}
    n_traps = 0
    n_articles = 0
    stories = sorted(d for d in os.listdir(HERE) if d.startswith("t") and os.path.isdir(os.path.join(HERE, d)))
    for story in stories:
        sdir = os.path.join(HERE, story)
        articles = sorted(f for f in os.listdir(sdir) if f.endswith(".txt"))
        if len(articles) != 5:
            errors.append(f"{story}: expected 5 articles, found {len(articles)}")
        texts = {}
        for a in articles:
            n_articles += 1
            with open(os.path.join(sdir, a), "rb") as fh:
                raw = fh.read()
            try:
                t = raw.decode("ascii")
            except UnicodeDecodeError:
                errors.append(f"{story}/{a}: not ASCII")
                t = raw.decode("utf-8", "replace")
            texts[a] = t
            lines = t.split("\n")
            if not lines[0].strip():
                errors.append(f"{story}/{a}: empty headline line")
            if "" not in [ln.strip() for ln in lines[1:5]]:
                errors.append(f"{story}/{a}: no blank line after the header block")
            n = len(t.split())
            if not 350 <= n <= 800:
                errors.append(f"{story}/{a}: {n} words (want 350-800)")
        gpath = os.path.join(sdir, "gold.json")
        try:
            with open(gpath) as fh:
                gold = json.load(fh)
        except Exception as e:  # noqa: BLE001
            errors.append(f"{story}: gold.json does not parse: {e}")
            continue
        for key in ("event", "discrepancies", "traps"):
            if key not in gold:
                errors.append(f"{story}: gold.json missing '{key}'")
        for i, d in enumerate(gold.get("discrepancies", [])):
            tag = f"{story} discrepancy {i}"
            if d.get("type") not in TYPES:
                errors.append(f"{tag}: bad type {d.get('type')}")
            if d.get("kind") not in KINDS:
                errors.append(f"{tag}: bad kind {d.get('kind')}")
            for k in ("measure", "why"):
                if not d.get(k):
                    errors.append(f"{tag}: missing {k}")
            sides = d.get("sides", [])
            if len(sides) < 2:
                errors.append(f"{tag}: fewer than 2 sides")
            if len({s.get('file') for s in sides}) != len(sides):
                errors.append(f"{tag}: two sides in the same file")
            for s in sides:
                f, txt = s.get("file"), s.get("text", "")
                if f not in texts:
                    errors.append(f"{tag}: unknown file {f}")
                elif not txt or txt not in texts[f]:
                    errors.append(f"{tag}: text not verbatim in {f}: {txt!r}")
            key = (d.get("type"), d.get("kind"))
            counts[key] = counts.get(key, 0) + 1
        for i, tr in enumerate(gold.get("traps", [])):
            n_traps += 1
            for k in ("what", "why", "files"):
                if not tr.get(k):
                    errors.append(f"{story} trap {i}: missing {k}")
            for f in tr.get("files", []):
                if f not in texts:
                    errors.append(f"{story} trap {i}: unknown file {f}")
    total = sum(counts.values())
    print(f"stories: {len(stories)}  articles: {n_articles}  discrepancies: {total}  traps: {n_traps}")
    for t in sorted(TYPES):
        row = {k: counts.get((t, k), 0) for k in sorted(KINDS)}
        print(f"  {t:12s} " + "  ".join(f"{k}={v}" for k, v in row.items()))
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
