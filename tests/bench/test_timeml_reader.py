from __future__ import annotations

import datetime as dt
from pathlib import Path

from newstrace.bench.timeml import iter_timeml_dir, parse_timeml, read_timeml

FIXTURE = Path(__file__).parent / "fixtures" / "mini.tml"


def test_reads_text_dct_and_gold() -> None:
    doc = read_timeml(FIXTURE)
    assert doc.doc_id == "MINI0001"
    assert doc.dct == dt.date(2025, 5, 21)
    # Tags stripped, entities decoded, EVENT contents kept.
    assert "R&D spending rose last month." in doc.text
    assert "<doubled>" in doc.text
    assert "<EVENT" not in doc.text
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("Tuesday", "DATE", "2025-05-20"),
        ("last month", "DATE", "2025-04"),
        ("the past three years", "DURATION", "P3Y"),
        ("next week", "DATE", "2025-W22"),
    ]
    for t in doc.timexes:
        assert doc.text[t.start : t.end] == t.text


def test_dct_timex_is_not_gold() -> None:
    doc = read_timeml(FIXTURE)
    assert all(t.value != "2025-05-21" for t in doc.timexes)
    assert "20250521" not in doc.text


def test_nested_timex_inside_other_tags() -> None:
    src = (
        '<TimeML><DCT><TIMEX3 tid="t0" value="19980108">x</TIMEX3></DCT><TEXT>A <EVENT>b '
        '<TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3></EVENT> c &amp; '
        '<SIGNAL>on</SIGNAL> <TIMEX3 tid="t2" type="DATE" value="1998">1998</TIMEX3>.</TEXT></TimeML>'
    )
    doc = parse_timeml(src, path="x/doc7.tml")
    assert doc.text == "A b yesterday c & on 1998."
    assert doc.dct == dt.date(1998, 1, 8)
    assert doc.doc_id == "doc7"
    assert [(t.start, t.end, t.text) for t in doc.timexes] == [(4, 13, "yesterday"), (21, 25, "1998")]


def test_iter_dir_walks_recursively(tmp_path: Path) -> None:
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    (sub / "one.tml").write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "skip.txt").write_text("not timeml", encoding="utf-8")
    docs = iter_timeml_dir(tmp_path)
    assert len(docs) == 1 and docs[0].doc_id == "MINI0001"


def test_title_is_read_when_given() -> None:
    src = (
        '<TimeML><DCT><TIMEX3 tid="t0" value="19980807">x</TIMEX3></DCT>'
        "<TITLE>Explosions rock U.S.\n embassies</TITLE><TEXT>Bombs exploded.</TEXT></TimeML>"
    )
    assert parse_timeml(src).title == "Explosions rock U.S. embassies"
    assert parse_timeml("<TimeML><TEXT>x</TEXT></TimeML>").title is None
