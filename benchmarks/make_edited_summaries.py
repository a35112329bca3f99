"""Write typed edits of human-judged faithful summary sentences as a QAGS-format file.

    python benchmarks/make_edited_summaries.py ../shared/data/qags /tmp/edited --seed 7
    newstrace bench audit /tmp/edited

``make_perturbed_qags.py`` edits *source* sentences, so an edited sentence is its source word for
word but the edit. SummEdits-style sets edit a *summary*, which already words things its own way.
This script does that: every QAGS summary sentence most annotators judged consistent is written
twice, as it is (answer "yes") and with one edit (answer "no"): a name replaced by another of the
same type from its article, a number or date changed, a negation put in, a word turned into its
opposite, subject and object swapped (``newstrace.audit.perturb.edit``; the first kind, in a
seeded random order, that the sentence allows). The per-kind share caught and the false alarms on
the unedited sentences show how far the audit's typed checks carry to abstractive summaries.
Same folder, same seed: same file.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from newstrace.audit.perturb import edit, name_pool
from newstrace.bench.audit import QAGS_FILES, read_qags
from newstrace.pipeline import Pipeline
from newstrace.readers import article_from_text

KINDS = ("entity", "number", "date", "negate", "opposite", "swap")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("qags", type=Path, help="folder with the QAGS files")
    ap.add_argument("out", type=Path, help="folder to write edited.jsonl into")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    pipeline = Pipeline()
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / "edited.jsonl"
    kinds: Counter[str] = Counter()
    with target.open("w", encoding="utf-8") as fh:
        for name in QAGS_FILES:
            for rec in read_qags(args.qags / name):
                faithful = [s.text for s in rec.sentences if s.consistent]
                if not faithful:
                    continue
                source, *derived = pipeline.annotate(
                    [article_from_text(rec.article, id="source")]
                    + [article_from_text(t, id=f"s{i}") for i, t in enumerate(faithful)],
                    keep_docs=True,
                )
                pool = name_pool(source.docs)
                for text, ann in zip(faithful, derived, strict=True):
                    sents = [s for _, doc in ann.docs for s in doc.sents]
                    if len(sents) != 1:
                        continue
                    order = list(KINDS)
                    rng.shuffle(order)
                    changed = next(
                        ((k, t) for k in order if (t := edit(sents[0], k, pool, rng)) and t != text),
                        None,
                    )
                    if changed is None:
                        continue
                    kind, new = changed
                    kinds[kind] += 1
                    for sentence, answer, k in ((text, "yes", "faithful"), (new, "no", kind)):
                        record = {
                            "article": rec.article,
                            "summary_sentences": [
                                {"sentence": sentence, "responses": [{"response": answer}] * 3}
                            ],
                            "kind": k,
                            "source_id": rec.id,
                        }
                        fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    n = sum(kinds.values())
    print(f"wrote {2 * n} examples to {target}: {n} unedited and {n} edited, {dict(kinds)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
