"""Acceptance checks on the canonical seed articles (kept outside the project; path is an argument).

    python benchmarks/acceptance_seeds.py ../shared/seeds

Runs the same code path as `newstrace extract --json` and checks what the issues require of
the two seeds. Prints one line per check and exits 1 if any fails. Run by .ci/run when
../shared is present; never part of the unit tests (users without the seeds must pass those).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

WIRE = "000_a36d24e09e45d9f6.txt"
REWRITE = "003_027f026530676de8.txt"


def _extract(paths: list[Path]) -> list[dict]:
    exe = Path(sys.executable).parent / "newstrace"
    proc = subprocess.run(
        [str(exe), "extract", *map(str, paths), "--json", "-q"], capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        raise SystemExit(f"extract failed ({proc.returncode}): {proc.stderr}")
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]


def main() -> int:
    seeds = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/seeds")
    results: list[tuple[bool, str]] = []

    def check(ok: bool, what: str) -> None:
        results.append((bool(ok), what))

    [wire] = [o for o in _extract([seeds / WIRE]) if o["kind"] == "article"]
    check(wire["published"] == "2025-05-21", f"wire published 2025-05-21 (got {wire['published']})")
    check(wire["place"] == "Moscow", f"wire place Moscow (got {wire['place']})")
    text = wire["text"]
    for phrase, value in [
        ("on Tuesday", "2025-05-20"),
        ("In August 2024", "2024-08"),
        ("On April 26", "2025-04-26"),
        ("last month's", "2025-04"),
        ("On April 28", "2025-04-28"),
    ]:
        at = text.find(phrase)
        hits = [t for t in wire["times"] if t["start"] < at + len(phrase) and at < t["end"]]
        got = hits[0]["value"] if hits else None
        check(got == value, f"wire {phrase!r} -> {value} (got {got})")

    objs = _extract([seeds / WIRE, seeds / REWRITE])
    story = next(o for o in objs if o["kind"] == "story")
    names = {a: e for e in story["entities"] for a in [e["name"], *e["aliases"]]}
    check(
        "Alexander Khinstin" in names and names["Alexander Khinstin"] is names.get("Alexander Khinshtein"),
        "Khinshtein and Khinstin are one person",
    )
    korea = names.get("North Korea")
    check(
        korea is not None
        and {"DPRK", "Democratic People's Republic of Korea"} <= set(korea["aliases"]) | {korea["name"]}
        and any(m["article"].startswith("003") for m in korea["mentions"]),
        "DPRK, Democratic People's Republic of Korea and North Korea are one entity across both",
    )
    for ok, what in results:
        print(("PASS " if ok else "FAIL ") + what)
    failed = sum(not ok for ok, _ in results)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
