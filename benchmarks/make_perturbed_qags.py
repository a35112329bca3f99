"""Write FactCC-style perturbations of an article folder as a QAGS-format file, for the audit bench.

    python benchmarks/make_perturbed_qags.py ../shared/data/polnear/dev/text /tmp/perturbed \\
        --limit 84 --seed 7
    newstrace bench audit /tmp/perturbed

Each example of ``newstrace.audit.perturb`` (a sentence kept, shortened, or changed: a name, a
number, a date, a negation, subject and object swapped, a sentence from another article) becomes
one QAGS record: ``article`` is its source article, ``summary_sentences`` the one derived sentence
with three identical "yes" (kept, shortened) or "no" (changed) answers. This measures what typed
edits the audit catches, the way SummEdits-style sets do, on articles the support model was not
trained on (the shipped model saw PolNeAR train texts, never dev). Same folder, same seed: same file.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from newstrace.api import read_articles
from newstrace.audit.perturb import perturb
from newstrace.pipeline import Pipeline


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, help="folder of articles")
    ap.add_argument("out", type=Path, help="folder to write perturbed.jsonl into")
    ap.add_argument("--limit", type=int, default=100, help="articles used, in sorted path order")
    ap.add_argument("--per-article", type=int, default=8)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    articles, failed = read_articles([args.corpus])
    articles = sorted(articles, key=lambda a: a.path)[: args.limit]
    anns = list(Pipeline().annotate(articles, keep_docs=True))
    examples = perturb(anns, per_article=args.per_article, seed=args.seed)
    by_id = {a.id: a for a in articles}
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / "perturbed.jsonl"
    with target.open("w", encoding="utf-8") as fh:
        for ex in examples:
            answer = "yes" if ex.supported else "no"
            record = {
                "article": by_id[ex.source].text,
                "summary_sentences": [{"sentence": ex.text, "responses": [{"response": answer}] * 3}],
                "kind": ex.kind,
                "source_id": ex.source,
            }
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    kinds = dict(Counter(e.kind for e in examples))
    print(
        f"wrote {len(examples)} examples from {len(articles)} articles ({failed} unreadable) to {target}: {kinds}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
