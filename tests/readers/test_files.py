"""Reading files: formats, encodings, and bad input that must be reported and skipped."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from newstrace.config import load_settings
from newstrace.readers import read_file, read_paths
from newstrace.records import Article, ReadError


def _one(path: Path) -> Article | ReadError:
    recs = list(read_file(path))
    assert len(recs) == 1
    return recs[0]


def test_html_extracts_article_and_metadata(fixtures):
    art = _one(fixtures / "page.html")
    assert isinstance(art, Article)
    assert art.title == "Flood barrier to be rebuilt by spring"
    assert art.published == dt.date(2025, 3, 12)
    assert art.author == "Maren Visser"
    assert art.source == "Lowland Courier"
    assert "cookies" not in art.text
    assert "do not read me" not in art.text
    assert "\u201cThe barrier will be stronger than before,\u201d" in art.text
    assert art.body.startswith("The regional water board")
    assert art.metadata["format"] == "html"


def test_hostile_html_is_an_error_not_a_crash(fixtures):
    rec = _one(fixtures / "hostile.html")
    assert isinstance(rec, ReadError)
    assert rec.code == "E108"
    assert rec.path.endswith("hostile.html")


def test_jsonl_good_and_bad_lines(fixtures):
    recs = list(read_file(fixtures / "feed.jsonl"))
    arts = [r for r in recs if isinstance(r, Article)]
    errs = [r for r in recs if isinstance(r, ReadError)]
    assert [a.id for a in arts] == ["hx-1", "hx-5"]
    first = arts[0]
    assert first.published == dt.date(2025, 2, 12)
    assert first.source == "Harbour Express"
    assert first.url == "https://harbour.example/a1"
    assert first.metadata["section"] == "business"
    assert first.metadata["line"] == 1
    assert arts[1].published is None
    by_line = {e.line: e.code for e in errs}
    assert by_line == {2: "E105", 3: "E106", 4: "E106", 6: "E110"}
    assert all(e.path.endswith("feed.jsonl") for e in errs)
    assert "feed.jsonl:2" in str(errs[0])


def test_latin1_is_detected(fixtures):
    art = _one(fixtures / "latin1.txt")
    assert isinstance(art, Article)
    assert "terça-feira" in art.text
    assert "café" in art.text
    assert art.metadata["encoding"] != "utf-8"
    assert art.published == dt.date(2025, 4, 2)


def test_utf16_with_bom(tmp_path):
    p = tmp_path / "u16.txt"
    p.write_bytes("date 2025-01-02 Minsk, Jan. 2 - Talks began on Thursday.".encode("utf-16"))
    art = _one(p)
    assert isinstance(art, Article)
    assert art.published == dt.date(2025, 1, 2)
    assert art.place == "Minsk"


def test_crlf_offsets_index_original_text(tmp_path):
    p = tmp_path / "crlf.txt"
    raw = "date 2025-01-02\r\nMINSK (Wire) - Talks began on Thursday.\r\n\r\nThey ended late.\r\n"
    p.write_bytes(raw.encode("utf-8"))
    art = _one(p)
    assert isinstance(art, Article)
    assert art.text == raw
    assert raw[art.place_span.start : art.place_span.end] == "MINSK"


def test_binary_empty_blank(fixtures):
    for name, code in [("image.txt", "E102"), ("empty.txt", "E101"), ("blank.txt", "E101")]:
        rec = _one(fixtures / name)
        assert isinstance(rec, ReadError), name
        assert rec.code == code, name
        assert rec.path.endswith(name)


def test_too_large(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text("word " * 1000, encoding="utf-8")
    settings = load_settings(**{"readers.max_bytes": 1000})
    rec = list(read_file(p, settings))[0]
    assert isinstance(rec, ReadError)
    assert rec.code == "E104"
    assert "over the limit" in rec.message


def test_undecodable_without_fallback(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_bytes(b"Some text \x81\x8d\x8f\x90\x9d and more " * 3)
    settings = load_settings(**{"readers.fallback_encodings": []})
    rec = list(read_file(p, settings))[0]
    # charset detection may still find an 8-bit code page; either way nothing crashes and the
    # outcome is reported precisely.
    if isinstance(rec, ReadError):
        assert rec.code == "E103"
        assert rec.line == 1
    else:
        assert rec.text


def test_unsupported_suffix(tmp_path):
    p = tmp_path / "notes.docx"
    p.write_text("plain words", encoding="utf-8")
    rec = _one(p)
    assert isinstance(rec, ReadError)
    assert rec.code == "E109"


def test_language_warning(fixtures):
    art = _one(fixtures / "german.txt")
    assert isinstance(art, Article)
    assert art.language == "de"
    assert any(w.startswith("W001") and "English" in w for w in art.warnings)


def test_paths_dirs_globs_missing_and_batch_goes_on(fixtures, tmp_path):
    recs = list(
        read_paths([fixtures, str(fixtures / "*.html"), tmp_path / "missing.txt", str(tmp_path / "*.xyz")])
    )
    arts = [r for r in recs if isinstance(r, Article)]
    errs = [r for r in recs if isinstance(r, ReadError)]
    # Every good article is read despite the bad files around it.
    ids = [a.id for a in arts]
    assert {"wire_dam", "alone_header", "undated_analysis", "page", "hx-1", "hx-5", "latin1"} <= set(ids)
    assert len(ids) == len(set(ids)), "ids are unique within a call"
    # The glob reaches page.html again: a file named twice is read once (issue 24).
    assert ids.count("page") == 1 and not any(i.startswith("page~") for i in ids)
    codes = {e.code for e in errs}
    assert {"E101", "E102", "E105", "E107", "E108"} <= codes
    missing = [e for e in errs if e.code == "E107"]
    assert {Path(e.path).name for e in missing} == {"missing.txt", "*.xyz"}


def test_empty_directory(tmp_path):
    recs = list(read_paths([tmp_path]))
    assert len(recs) == 1 and isinstance(recs[0], ReadError) and recs[0].code == "E107"


def test_a_file_named_twice_is_read_once(tmp_path):
    story = tmp_path / "story"
    story.mkdir()
    for name in ("a.txt", "b.txt"):
        (story / name).write_text(f"date 2025-03-10\nText of {name}.\n", encoding="utf-8")
    # the folder, a file inside it, and a glob that matches it again
    recs = list(read_paths([story, story / "a.txt", str(story / "*.txt")]))
    assert sorted(r.id for r in recs) == ["a", "b"]
