"""The facts gold and its scorer, on tiny ECB+ token files written here (no ECB+ data needed),
and the packaged gold's own consistency."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newstrace.bench.ecbplus import read_ecb
from newstrace.bench.facts import default_gold_dir, gold_facts, load_facts_gold, score_facts
from newstrace.errors import InputError


def _write(path: Path, sentences: list[str]) -> Path:
    toks, n = [], 0
    for s, sentence in enumerate(sentences):
        for k, w in enumerate(sentence.split()):
            n += 1
            toks.append(f'<token t_id="{n}" sentence="{s}" number="{k}">{w}</token>')
    path.write_text(f'<Document doc_name="{path.name}">\n' + "\n".join(toks) + "\n</Document>\n", encoding="utf-8")
    return path


@pytest.fixture
def docs(tmp_path: Path):  # type: ignore[no-untyped-def]
    a = _write(tmp_path / "9_1ecbplus.xml", ["Quake kills ten", "The quake struck Qarun island .", "Ten people died ."])
    b = _write(tmp_path / "9_2ecbplus.xml", ["Island hit", "A quake hit Qarun island on Sunday .", "Rescuers came ."])
    return {d.article.id: d for d in (read_ecb(a), read_ecb(b))}


GOLD = {
    "subtopic": "9_2",
    "facts": [
        {"id": "f1", "statement": "A quake struck Qarun island",
         "sentences": [{"doc": "9_1ecbplus", "sentence": 1, "text": "quake struck Qarun island"},
                       {"doc": "9_2ecbplus", "sentence": 1, "text": "quake hit Qarun island"}]},
        {"id": "f2", "statement": "only one article", "sentences": [{"doc": "9_1ecbplus", "sentence": 2}]},
    ],
}  # fmt: skip


def _at(docs, doc: str, sentence: int) -> tuple[str, int]:  # type: ignore[no-untyped-def]
    return doc, docs[doc].sentence_span(sentence)[0]


def test_pair_precision_and_fact_recall(docs) -> None:  # type: ignore[no-untyped-def]
    facts = gold_facts(GOLD, docs)
    assert [s for s, _ in facts] == ["A quake struck Qarun island"]  # a one-article fact is no shared fact
    right = [_at(docs, "9_1ecbplus", 1), _at(docs, "9_2ecbplus", 1)]
    wrong = [_at(docs, "9_1ecbplus", 2), _at(docs, "9_2ecbplus", 2)]
    s = score_facts("9_2", facts, [right, wrong, right], docs)
    assert (s.pairs, s.correct, s.gold_facts, s.found_facts) == (2, 1, 1, 1)  # a pair counts once
    s = score_facts("9_2", facts, [wrong], docs, texts={})
    assert (s.pairs, s.correct, s.found_facts) == (1, 0, 0) and s.missed == ["A quake struck Qarun island"]
    assert len(s.false) == 1
    # Sentences of one article are never a pair.
    s = score_facts("9_2", facts, [[_at(docs, "9_1ecbplus", 1), _at(docs, "9_1ecbplus", 2)]], docs)
    assert s.pairs == 0


def test_gold_words_must_be_in_their_sentence(docs) -> None:  # type: ignore[no-untyped-def]
    bad = json.loads(json.dumps(GOLD))
    bad["facts"][0]["sentences"][1]["text"] = "quake struck Qarun island"
    with pytest.raises(InputError) as e:
        gold_facts(bad, docs, "9_2.json")
    assert e.value.code == "E106" and "9_2ecbplus sentence 1" in str(e.value)
    bad["facts"][0]["sentences"][1] = {"doc": "9_7ecbplus", "sentence": 1}
    with pytest.raises(InputError):
        gold_facts(bad, docs)


def test_bad_gold_files_are_reported_by_name_and_line(tmp_path: Path) -> None:
    (tmp_path / "notes.json").write_text("{}")
    (tmp_path / "4_2.json").write_text('{"facts": [\n  oops]}')
    (tmp_path / "3_2.json").write_text('{"facts": []}')
    errors: list[str] = []
    got = load_facts_gold(tmp_path, on_error=lambda e: errors.append(str(e)))
    assert [p.stem for p, _ in got] == ["3_2"]
    assert any("notes.json" in e and "E106" in e for e in errors)
    assert any("4_2.json:2" in e and "E105" in e for e in errors)
    with pytest.raises(InputError):
        load_facts_gold(tmp_path / "empty")


def test_the_packaged_gold_is_well_formed() -> None:
    files = sorted(default_gold_dir().glob("*.json"))
    assert len(files) >= 6  # the issue asks for at least 6 sub-topics
    for f in files:
        gold = json.loads(f.read_text(encoding="utf-8"))
        assert gold["subtopic"] == f.stem
        for fact in gold["facts"]:
            assert len({s["doc"] for s in fact["sentences"]}) >= 2, (f.name, fact["id"])
            assert all(s.get("text") for s in fact["sentences"]), (f.name, fact["id"])
