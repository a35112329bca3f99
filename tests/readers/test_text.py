from __future__ import annotations

import datetime as dt

import pytest

from newstrace.errors import InputError
from newstrace.readers import article_from_text
from newstrace.readers.text import parse_dateline, parse_header


def test_header_dateline_credit_on_one_line(fixtures):
    text = (fixtures / "wire_dam.txt").read_text(encoding="utf-8")
    art = article_from_text(text, id="wire")
    assert art.published == dt.date(2024, 11, 6)
    assert art.place == "Porto Alegre"
    assert text[art.place_span.start : art.place_span.end] == "Porto Alegre"
    assert art.credit == "Southern Cross Wire"
    assert text[art.credit_span.start : art.credit_span.end] == "Southern Cross Wire"
    assert art.source == "Southern Cross Wire"
    # The body starts at the dateline: the header is skipped but offsets stay global.
    assert art.body.startswith("Porto Alegre, Nov. 6")
    assert art.metadata["dateline_date"] == "Nov. 6"


def test_header_alone_on_first_line(fixtures):
    text = (fixtures / "alone_header.txt").read_text(encoding="utf-8")
    art = article_from_text(text, id="x")
    assert art.published == dt.date(2025, 1, 3)
    assert art.place == "KYIV"
    assert art.credit == "Baltic Press Agency"
    assert art.body.startswith("KYIV")


def test_no_header_title_line(fixtures):
    text = (fixtures / "undated_analysis.txt").read_text(encoding="utf-8")
    art = article_from_text(text, id="x")
    assert art.published is None
    assert art.title == "Why the dam failed"
    assert art.body.startswith("The collapse on Tuesday")
    assert art.place is None


@pytest.mark.parametrize(
    ("text", "place", "credit"),
    [
        ("Moscow, May 21 Displaced residents will return.", "Moscow", None),
        ("MOSCOW, May 21. /TASS/. The Kremlin said", "MOSCOW", "TASS"),
        ("Kyiv, March 3 \u2014 Baltic Press Agency. Officials said", "Kyiv", "Baltic Press Agency"),
        ("WASHINGTON (Reuters) - The Senate voted", "WASHINGTON", "Reuters"),
        ("NEW YORK - Stocks fell", "NEW YORK", None),
        ("Springfield, Ill., June 2 (AP) - A storm", "Springfield, Ill.", "AP"),
        # Not datelines: an ordinary lead, and a title-cased subject followed by a dash.
        ("Officials said on Monday that the bridge was safe.", None, None),
        ("Kyiv - Officials said", None, None),
        ("Moscow, May 21 \u2014 Russian President Vladimir Putin said", "Moscow", None),
    ],
)
def test_datelines(text, place, credit):
    got_place, place_span, got_credit, _ = parse_dateline(text)
    assert got_place == place
    assert got_credit == credit
    if place:
        assert text[place_span.start : place_span.end] == place


def test_bad_header_date_names_file_and_line():
    with pytest.raises(InputError) as info:
        parse_header("date 2025-13-45 Moscow, May 21 text", "bad.txt")
    assert info.value.code == "E110"
    assert info.value.line == 1
    assert "bad.txt:1" in str(info.value)
