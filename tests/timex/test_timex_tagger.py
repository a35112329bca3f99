from __future__ import annotations

import datetime as dt

import pytest

from newstrace.records import TimeExpr
from newstrace.timex import tag_times

WED = dt.date(2025, 5, 21)  # a Wednesday


def tags(text: str, dct: dt.date | None = WED) -> list[TimeExpr]:
    out = tag_times(text, dct)
    for t in out:
        assert text[t.start : t.end] == t.text
    return out


def one(text: str, dct: dt.date | None = WED) -> TimeExpr:
    out = tags(text, dct)
    assert len(out) == 1, out
    return out[0]


def values(text: str, dct: dt.date | None = WED) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tags(text, dct)]


# --- weekdays -------------------------------------------------------------------------------


def test_weekday_past_narration() -> None:
    assert one("During his visit on Tuesday, Putin met officials.").value == "2025-05-20"
    assert one("He said on Monday that the talks had failed.").value == "2025-05-19"


def test_weekday_same_day_in_past_is_dct() -> None:
    t = one("local media reported Wednesday, citing the leader.")
    assert (t.text, t.value) == ("Wednesday", "2025-05-21")


def test_weekday_future() -> None:
    assert one("The talks will resume on Tuesday.").value == "2025-05-27"
    assert one("The minister is to arrive on Friday.").value == "2025-05-23"
    assert one("Officials are expected to vote on Thursday.").value == "2025-05-22"


def test_weekday_last_and_next_exclude_dct() -> None:
    assert one("It happened last Wednesday.").value == "2025-05-14"
    assert one("It will happen next Wednesday.").value == "2025-05-28"


def test_weekday_span_excludes_preposition() -> None:
    assert one("On Tuesday, he left.").text == "Tuesday"


# --- month-days and months ------------------------------------------------------------------


def test_month_day_examples() -> None:
    assert values("On April 26, Putin announced the result.") == [("April 26", "DATE", "2025-04-26")]
    assert values("On April 28, the DPRK announced it.") == [("April 28", "DATE", "2025-04-28")]


def test_month_year_and_full_dates() -> None:
    assert one("In August 2024, the army launched an offensive.").value == "2024-08"
    assert one("It was signed on April 26, 2025.").value == "2025-04-26"
    assert one("It was signed on 26 April 2025.").value == "2025-04-26"
    assert one("Filed 2024-11-05 in court.").value == "2024-11-05"


def test_year_boundary_past() -> None:
    assert one("The deal was signed on Dec. 30.", dt.date(2025, 1, 3)).value == "2024-12-30"


def test_year_boundary_future() -> None:
    t = one("The president will travel to Paris on Jan 4.", dt.date(2024, 12, 28))
    assert (t.text, t.value) == ("Jan 4", "2025-01-04")


def test_bare_month_by_tense() -> None:
    assert one("The summit will take place in March.", dt.date(2025, 12, 10)).value == "2026-03"
    assert one("The deal was signed in August.", WED).value == "2024-08"
    assert one("Prices fell in April.", WED).value == "2025-04"


def test_may_as_modal_is_not_a_month() -> None:
    assert tags("Prices may fall as protesters march. March on, comrades!") == []


# --- relative and deictic -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sales fell last month.", ("last month", "DATE", "2025-04")),
        ("Sales will rise next week.", ("next week", "DATE", "2025-W22")),
        ("Sales rose last year.", ("last year", "DATE", "2024")),
        ("He left yesterday.", ("yesterday", "DATE", "2025-05-20")),
        ("He leaves today.", ("today", "DATE", "2025-05-21")),
        ("He leaves tomorrow.", ("tomorrow", "DATE", "2025-05-22")),
        ("He leaves tonight.", ("tonight", "TIME", "2025-05-21TNI")),
        ("It rained this week.", ("this week", "DATE", "2025-W21")),
        ("He left two days ago.", ("two days ago", "DATE", "2025-05-19")),
        ("Profit rose from a year earlier.", ("a year earlier", "DATE", "2024")),
        ("Over the past three years it grew.", ("the past three years", "DURATION", "P3Y")),
        ("It is quiet now.", ("now", "DATE", "PRESENT_REF")),
        ("He recently left.", ("recently", "DATE", "PAST_REF")),
        ("It is currently closed.", ("currently", "DATE", "PRESENT_REF")),
        ("Sales rose this year.", ("this year", "DATE", "2025")),
        ("The plan was agreed five months ago.", ("five months ago", "DATE", "2024-12")),
    ],
)
def test_relative_expressions(text: str, expected: tuple[str, str, str]) -> None:
    assert values(text) == [expected]


def test_possessive_excluded_from_span() -> None:
    t = one("In his last month's report, he praised the troops.")
    assert (t.text, t.value) == ("last month", "2025-04")


# --- other value types ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It rained for three days.", ("three days", "DURATION", "P3D")),
        ("He served two years.", ("two years", "DURATION", "P2Y")),
        ("The flight took four hours.", ("four hours", "DURATION", "PT4H")),
        ("It lasted 2 1/2 years.", ("2 1/2 years", "DURATION", "P2Y6M")),
        ("It took several years.", ("several years", "DURATION", "PXY")),
        ("A five-year plan.", ("five-year", "DURATION", "P5Y")),
        ("It was built in 1998.", ("1998", "DATE", "1998")),
        ("Growth in the 1990s was fast.", ("the 1990s", "DATE", "199X")),
        ("Results for the first quarter of 1998.", ("the first quarter of 1998", "DATE", "1998-Q1")),
        ("It is hot in the summer of 1998.", ("summer of 1998", "DATE", "1998-SU")),
        ("They meet at 2 p.m. today.", ("2 p.m. today", "TIME", "2025-05-21T14:00")),
        ("The paper is published daily.", ("daily", "SET", "P1D")),
        ("They meet every week.", ("every week", "SET", "P1W")),
        ("It costs $5 a year.", ("a year", "SET", "P1Y")),
        ("They meet every Thursday.", ("every Thursday", "SET", "XXXX-WXX-4")),
        ("The 20th century ended.", ("The 20th century", "DATE", "19")),
    ],
)
def test_value_types(text: str, expected: tuple[str, str, str]) -> None:
    assert values(text) == [expected]


def test_week_and_season_relative() -> None:
    assert one("It happened last summer.").value == "2024-SU"
    assert one("Elections are due next year.").value == "2026"


def test_quarter_anchor_for_year_earlier() -> None:
    out = values("Third-quarter profit rose 5% from a year earlier.", dt.date(1989, 10, 26))
    assert out == [("Third-quarter", "DATE", "1989-Q3"), ("a year earlier", "DATE", "1988-Q3")]


def test_modifiers() -> None:
    t = one("It ended in early 1990.")
    assert (t.text, t.value, t.mod) == ("early 1990", "1990", "START")
    t = one("It took about three hours.")
    assert (t.text, t.value, t.mod) == ("about three hours", "PT3H", "APPROX")
    t = one("It lasted more than four years.")
    assert (t.text, t.mod) == ("more than four years", "MORE_THAN")
    t = one("It will open by the end of 1990.")
    assert (t.text, t.mod) == ("the end of 1990", "END")
    t = one("Talks resumed in mid-November.", dt.date(1989, 10, 27))
    assert (t.text, t.value, t.mod) == ("mid-November", "1989-11", "MID")


# --- no DCT ---------------------------------------------------------------------------------


def test_no_dct_leaves_x_and_unanchored() -> None:
    out = tags("On Tuesday, on April 26 and last month; on April 26, 2025; for three days.", None)
    got = [(t.text, t.value, t.anchored) for t in out]
    assert got == [
        ("Tuesday", "XXXX-WXX-2", False),
        ("April 26", "XXXX-04-26", False),
        ("last month", "XXXX-XX", False),
        ("April 26, 2025", "2025-04-26", True),
        ("three days", "P3D", True),
    ]


def test_no_dct_deictic() -> None:
    t = one("He left yesterday.", None)
    assert (t.value, t.anchored) == ("XXXX-XX-XX", False)


# --- offsets and ranges ---------------------------------------------------------------------


def test_start_end_window_and_global_offsets() -> None:
    text = "Header: on Monday. Body: he left on Tuesday and returns next week."
    body = text.index("Body")
    out = tag_times(text, WED, start=body)
    assert [t.text for t in out] == ["Tuesday", "next week"]
    assert all(text[t.start : t.end] == t.text and t.start >= body for t in out)
    out = tag_times(text, WED, start=body, end=text.index(" and"))
    assert [t.text for t in out] == ["Tuesday"]


def test_sentences_argument_is_used() -> None:
    text = "He will go. On Tuesday he left."
    # With the given bounds, "will" is in another sentence: past reading.
    out = tag_times(text, WED, sentences=[(0, 11), (12, len(text))])
    assert out[0].value == "2025-05-20"


def test_empty_and_plain_text() -> None:
    assert tag_times("", WED) == []
    assert tag_times("No dates here at all.", WED) == []
    assert tag_times("Some text", WED, start=5, end=2) == []


def test_not_times() -> None:
    # Ages, counts and money are not time expressions.
    assert tags("The 6-year-old boy and 12 Americans paid $1990 for 2,000 shares.") == []


def test_day_month_and_two_digit_year() -> None:
    # "10 Nov 11" is 10 November 2011 (as military and British releases write it), not "Nov 11";
    # before a noun the two digits are a count.
    t = one("The ship thwarted a piracy attack on 10 Nov 11. It was escorting five vessels.", dt.date(2011, 11, 15))
    assert (t.text, t.value) == ("10 Nov 11", "2011-11-10")
    assert one("Pirates attacked on 10 Nov 99.", dt.date(1999, 11, 15)).value == "1999-11-10"
    assert [x.value for x in tags("On 10 Nov 11 pirates were caught.", dt.date(2011, 11, 15))] != ["2011-11-10"]
