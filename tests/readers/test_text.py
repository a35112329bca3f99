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
    head = parse_dateline(text)
    got_place, place_span, got_credit = head.place, head.place_span, head.credit
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


@pytest.mark.parametrize(
    ("top", "day"),
    [
        ("By Maria Lopez\nPublished: 14 March 2023", dt.date(2023, 3, 14)),
        ("Andes Daily, published March 15, 2023", dt.date(2023, 3, 15)),
        ("LIMA, Tuesday, March 14, 2023", dt.date(2023, 3, 14)),
        ("Valley Byte\nOct. 24, 2023 | 5:41 PM PT", dt.date(2023, 10, 24)),
        ("Updated March 16, 2023 09:12 GMT\nPublished: 14 March 2023", dt.date(2023, 3, 14)),
        ("Tulsa Today\nSunday 9 June 2024", dt.date(2024, 6, 9)),
    ],
)
def test_a_pages_own_date_line_dates_it(top: str, day: dt.date):
    text = f"Quake kills 42 in central Peru\n{top}\n\nA magnitude 6.4 earthquake struck central Peru on Monday.\n"
    art = article_from_text(text, id="x")
    assert art.published == day
    assert art.metadata["published_from"] == "date line"
    a, b = art.metadata["date_line"]
    assert str(day.day) in text[a:b]
    # The lines down to the date line are the page's: the headline is its title, the body is the story.
    assert art.title == "Quake kills 42 in central Peru"
    assert art.body.startswith("A magnitude 6.4")


def test_an_updated_stamp_dates_a_page_when_nothing_else_does():
    art = article_from_text(
        "Title\n\nUpdated March 16, 2023 09:12 GMT\n\nOfficials said on Monday.\n", id="x"
    )
    assert art.published == dt.date(2023, 3, 16)


@pytest.mark.parametrize(
    "text",
    [
        # a sentence that gives a date is no date line
        "On May 21, 2025, Russian President Vladimir Putin made a rare visit to the Kursk region.\nMore.\n",
        # a date without its year dates nothing
        "Title\n\nMarch 14\n\nOfficials said on Monday that the quake killed 42 people in the region.\n",
        # below the first paragraph is the story, not the page's top
        "Title\n\n"
        + "Officials said the quake killed 42 people across the province on Monday night. " * 3
        + "\nMarch 14, 2023\n",
    ],
)
def test_no_date_line_leaves_a_page_undated(text: str):
    art = article_from_text(text, id="x")
    assert art.published is None
    assert "published_from" not in art.metadata


def test_a_header_date_wins_over_a_date_line():
    art = article_from_text("date 2023-03-20\nPublished: 14 March 2023\n\nOfficials said.\n", id="x")
    assert art.published == dt.date(2023, 3, 20)
    assert "published_from" not in art.metadata


def test_a_wire_dateline_after_a_byline_is_read():
    """A byline line between the headline and the first paragraph does not hide the dateline
    (its month and day, its place and its credit)."""
    text = (
        "Airliner's landing gear collapses in hailstorm\n\nBy Diego Carrasco\n\n"
        "JULIACA, Peru, Feb 22 (Pacifico Press) - An airliner skidded off the runway on Saturday.\n"
    )
    art = article_from_text(text, id="wire")
    assert art.metadata["dateline_date"] == "Feb 22"
    assert art.place == "JULIACA, Peru"
    assert art.credit == "Pacifico Press"


def test_a_dateline_after_a_byline_line_is_read_alone():
    head = parse_dateline("By Diego Carrasco\nLIMA, Nov 13 (Andes Wire) - A quake struck.")
    assert head.place == "LIMA" and head.credit == "Andes Wire" and head.dateline_date == "Nov 13"
