"""The ECB+ reader and the trust scorer, on tiny token files written here (no ECB+ data needed)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newstrace.bench.ecbplus import header_date, read_ecb, subtopic_files, url_date
from newstrace.bench.trust import gold_pairs, score_subtopic
from newstrace.errors import InputError
from newstrace.records import ConflictValue


def _write(path: Path, sentences: list[list[str]]) -> Path:
    toks = []
    n = 0
    for s, words in enumerate(sentences):
        for k, w in enumerate(words):
            n += 1
            toks.append(f'<token t_id="{n}" sentence="{s}" number="{k}">{w}</token>')
    path.write_text(
        f'<Document doc_name="{path.name}">\n' + "\n".join(toks) + "\n</Document>\n", encoding="utf-8"
    )
    return path


URL = "http : / / www . example . com / news / 2005 / 11 / 28 / iran - quake . html".split()


def test_reader_rebuilds_text_and_reads_the_date_from_the_url(tmp_path: Path) -> None:
    f = _write(
        tmp_path / "20_1ecbplus.xml",
        [URL, ["Ten", "dead", "in", "Iran", "quake"],
         ["The", "6", ".", "1", "-", "magnitude", "quake", "killed", "10", "people", ",", "officials", "said", "."],
         ["It", "struck", "120", ",", "000", "people", "'s", "island", "."]],
    )  # fmt: skip
    doc = read_ecb(f)
    art = doc.article
    assert art.published == dt.date(2005, 11, 28)
    assert art.url == "http://www.example.com/news/2005/11/28/iran-quake.html"
    assert art.source == "example.com"
    assert "The 6.1-magnitude quake killed 10 people, officials said." in art.text
    assert "120,000 people's island." in art.text
    # the headline has no stop: it stands as its own paragraph
    assert art.text.startswith("Ten dead in Iran quake\n\n")
    s0, s1 = doc.sentence_span(2)
    assert art.text[s0:s1].startswith("The 6.1-magnitude")
    with pytest.raises(KeyError):
        doc.sentence_span(99)


def test_dates_from_urls_and_page_headers() -> None:
    assert url_date("http://x.com/2013/may/03/local/story") == dt.date(2013, 5, 3)
    assert url_date("http://x.com/technology/20070503/judge") == dt.date(2007, 5, 3)
    assert url_date("http://x.com/news/2005-11-27-iran-quake_x.htm") == dt.date(2005, 11, 27)
    assert url_date("http://x.com/story/1142198/climber") is None
    assert header_date("Last Updated: Monday, 28 November 2005, 02:24 GMT\n\nTen dead") == dt.date(
        2005, 11, 28
    )
    assert header_date("Posted 11/27/2005 7:21 AM") == dt.date(2005, 11, 27)
    assert header_date("November 28th, 2005, 09:11 GMT") == dt.date(2005, 11, 28)
    assert header_date("No date here at all") is None


def test_subtopic_files_split_ecb_from_ecbplus(tmp_path: Path) -> None:
    (tmp_path / "7").mkdir()
    for name in ("7_2ecb.xml", "7_10ecb.xml", "7_1ecbplus.xml"):
        _write(tmp_path / "7" / name, [["A", "b", "."]])
    assert [p.name for p in subtopic_files(tmp_path, 7, 1)] == ["7_2ecb.xml", "7_10ecb.xml"]
    assert [p.name for p in subtopic_files(tmp_path, 7, 2)] == ["7_1ecbplus.xml"]


def test_malformed_xml_is_a_coded_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "1_1ecb.xml"
    bad.write_text("<Document><token", encoding="utf-8")
    with pytest.raises(InputError) as e:
        read_ecb(bad)
    assert e.value.code == "E105" and str(bad) in str(e.value)


def _docs(tmp_path: Path) -> dict:
    a = _write(tmp_path / "9_1ecbplus.xml", [["http", ":", "/", "/", "a", ".", "com", "/", "2011", "/", "11", "/", "10", "/", "x"],
                                             ["The", "toll", "rose", "to", "12", "."]])  # fmt: skip
    b = _write(tmp_path / "9_2ecbplus.xml", [["http", ":", "/", "/", "b", ".", "com", "/", "2011", "/", "11", "/", "11", "/", "x"],
                                             ["The", "toll", "rose", "to", "18", "."], ["Six", "boats", "."]])  # fmt: skip
    c = _write(tmp_path / "9_3ecbplus.xml", [["At", "least", "10", "died", "."], ["Five", "boats", "."]])
    return {d.article.id: d for d in (read_ecb(p) for p in (a, b, c))}


GOLD = {
    "subtopic": "9_2",
    "articles": {"9_1ecbplus": {"published": "2011-11-10"}, "9_2ecbplus": {"published": "2011-11-11"},
                 "9_3ecbplus": {"published": None}},
    "measures": [
        {"measure": "dead", "type": "number", "evolving": True, "compatible": [["at least 10", "12"], ["at least 10", "18"]],
         "statements": [{"doc": "9_1ecbplus", "sentence": 1, "text": "12", "value": "12", "stage": 1},
                        {"doc": "9_2ecbplus", "sentence": 1, "text": "18", "value": "18", "stage": 2},
                        {"doc": "9_3ecbplus", "sentence": 0, "text": "At least 10", "value": "at least 10", "stage": 1}]},
        {"measure": "boats", "type": "number",
         "statements": [{"doc": "9_2ecbplus", "sentence": 2, "text": "Six", "value": "6"},
                        {"doc": "9_3ecbplus", "sentence": 1, "text": "Five", "value": "5"}]},
    ],
}  # fmt: skip


def test_gold_pairs_kinds_and_compatible_values(tmp_path: Path) -> None:
    pairs = gold_pairs(GOLD, _docs(tmp_path))
    got = {(p.measure, p.docs, p.kind) for p in pairs}
    assert got == {
        ("dead", ("9_1ecbplus", "9_2ecbplus"), "update"),  # later article, later figure
        ("boats", ("9_2ecbplus", "9_3ecbplus"), "conflict"),
    }


def test_gold_statement_must_be_in_its_sentence(tmp_path: Path) -> None:
    bad = {**GOLD, "measures": [{"measure": "x", "type": "number", "statements": [
        {"doc": "9_1ecbplus", "sentence": 1, "text": "nineteen", "value": "19"}]}]}  # fmt: skip
    with pytest.raises(InputError) as e:
        gold_pairs(bad, _docs(tmp_path), "gold.json")
    assert e.value.code == "E106" and "nineteen" in str(e.value)


def test_scoring_matches_sides_by_sentence_and_type(tmp_path: Path) -> None:
    docs = _docs(tmp_path)
    pairs = gold_pairs(GOLD, docs)

    def value(doc: str, word: str) -> ConflictValue:
        text = docs[doc].article.text
        at = text.index(word)
        return ConflictValue(doc, at, at + len(word), word, word)

    found = [
        ("update", (value("9_1ecbplus", "12"), value("9_2ecbplus", "18")), "toll rose"),
        ("number", (value("9_3ecbplus", "Five"), value("9_2ecbplus", "Six")), "boats"),
        ("date", (value("9_3ecbplus", "Five"), value("9_2ecbplus", "Six")), "wrong type"),
        ("number", (value("9_3ecbplus", "10"), value("9_1ecbplus", "12")), "a bound admits it"),
    ]
    s = score_subtopic("9_2", pairs, found)
    assert (s.reported_updates, s.correct_updates, s.found_updates, s.gold_updates) == (1, 1, 1, 1)
    assert (s.reported_conflicts, s.correct_conflicts, s.found_conflicts, s.gold_conflicts) == (3, 1, 1, 1)
    assert len(s.false) == 2 and not s.missed


def test_a_bad_gold_file_is_reported_with_file_and_line_and_the_rest_is_read(tmp_path: Path) -> None:
    from newstrace.bench.trust import load_gold

    (tmp_path / "9_2.json").write_text('{"subtopic": "9_2", "measures": []}', encoding="utf-8")
    (tmp_path / "9_1.json").write_text('{"subtopic": "9_1",\n "measures": [}', encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    errors: list[InputError] = []
    gold = load_gold(tmp_path, on_error=errors.append)
    assert [p.name for p, _ in gold] == ["9_2.json"]
    assert sorted((e.code, Path(e.path).name, e.line) for e in errors) == [
        ("E105", "9_1.json", 2),
        ("E106", "notes.json", None),
    ]
    with pytest.raises(InputError):
        load_gold(tmp_path)  # without a handler the first bad file raises
