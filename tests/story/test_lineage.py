from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from newstrace.records import AnnotatedArticle, Article
from newstrace.story.lineage import copy_groups, find_copies, jaccard, shingles

EXAMPLES = Path(__file__).parent.parent.parent / "examples"

WIRE = (
    "Rescue teams recovered two more bodies on Tuesday from the flooded suburb of Vila Nova, raising "
    "the death toll from the dam failure to 14, Governor Helena Duarte said. Duarte said the reservoir "
    "wall gave way shortly after midnight on Monday, sending water through three districts of the city "
    "and forcing thousands of residents to flee to higher ground before dawn."
)


def _ann(aid: str, text: str, day: int | None = None) -> AnnotatedArticle:
    date = dt.date(2025, 3, day) if day else None
    return AnnotatedArticle(article=Article(id=aid, path=f"{aid}.txt", text=text, published=date))


def test_near_copy_found_with_original_and_unrelated_left_out():
    copy = WIRE.replace("Rescue teams", "Rescuers").replace("thousands of", "many")
    other = "The central bank left interest rates unchanged on Thursday, citing slowing inflation. " * 3
    links = find_copies([_ann("wire", WIRE, 10), _ann("copy", copy, 11), _ann("other", other, 10)])
    assert len(links) == 1
    [link] = links
    assert (link.a, link.b) == ("wire", "copy")
    assert link.original == "wire"
    assert 0.5 <= link.similarity < 1.0
    assert link.similarity == round(jaccard(shingles(WIRE), shingles(copy)), 3)


def test_groups_count_copies_as_one_source():
    anns = [
        _ann("a", WIRE),
        _ann("b", WIRE + " Officials said."),
        _ann("c", "Something else entirely. " * 10),
    ]
    links = find_copies(anns)
    groups = copy_groups([a.article.id for a in anns], links)
    assert sorted(map(sorted, groups)) == [["a", "b"], ["c"]]
    assert links[0].original is None  # no dates: no direction claimed


def test_example_corpus_near_copy():
    from newstrace.readers import read_paths

    gold = json.loads((EXAMPLES / "gold" / "expected.json").read_text(encoding="utf-8"))
    arts = [r for r in read_paths([EXAMPLES / "corpus"]) if isinstance(r, Article)]
    ids = {}
    for a in arts:
        name = Path(a.path).name
        ids[f"{name}#{a.id}" if name.endswith(".jsonl") else name] = a.id
    links = find_copies([AnnotatedArticle(article=a) for a in arts])
    found = {frozenset((link.a, link.b)) for link in links}
    expected = {frozenset((ids[x], ids[y])) for x, y in gold["near_copies"]}
    assert found == expected
