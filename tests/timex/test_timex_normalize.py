from __future__ import annotations

import datetime as dt

from newstrace.timex import normalize as N


def test_weekday_date_rules() -> None:
    wed = dt.date(2025, 5, 21)
    assert N.weekday_date(wed, 2, "past") == wed
    assert N.weekday_date(wed, 2, "future") == wed
    assert N.weekday_date(wed, 2, "past", strict=True) == dt.date(2025, 5, 14)
    assert N.weekday_date(wed, 1, None) == dt.date(2025, 5, 20)
    assert N.weekday_date(wed, 1, "future") == dt.date(2025, 5, 27)


def test_place_month_day() -> None:
    assert N.place_month_day(dt.date(2025, 1, 3), 12, 30, "past") == 2024
    assert N.place_month_day(dt.date(2024, 12, 28), 1, 4, "future") == 2025
    assert N.place_month_day(dt.date(2025, 5, 21), 4, 26, None) == 2025
    assert N.place_month_day(dt.date(2025, 5, 21), 2, 30, None) is None


def test_place_month() -> None:
    assert N.place_month(dt.date(2025, 12, 10), 3, "future") == 2026
    assert N.place_month(dt.date(2025, 5, 21), 8, "past") == 2024
    assert N.place_month(dt.date(2025, 5, 21), 5, "past") == 2025


def test_durations_and_numbers() -> None:
    assert N.parse_number("twenty-four") == 24
    assert N.parse_number("2 1/2") == 2.5
    assert N.parse_number("several") is None
    assert N.duration_value(3, "day") == "P3D"
    assert N.duration_value(4, "hour") == "PT4H"
    assert N.duration_value(2.5, "year") == "P2Y6M"
    assert N.duration_value(None, "month") == "PXM"
    assert N.duration_value(None, "minute") == "PTXM"
    assert N.duration_value(2, "decade") == "P20Y"


def test_calendar_helpers() -> None:
    assert N.iso_week(dt.date(2025, 5, 28)) == "2025-W22"
    assert N.date_at_granularity(dt.date(1998, 2, 3), "quarter") == "1998-Q1"
    assert N.date_at_granularity(dt.date(1998, 2, 3), "decade") == "199X"
    assert N.shift_date(dt.date(2024, 3, 31), -1, "month") == dt.date(2024, 2, 29)
    assert N.easter(2000) == dt.date(2000, 4, 23)
    assert N.nth_weekday(1998, 11, 3, 4) == dt.date(1998, 11, 26)  # Thanksgiving
    assert N.nth_weekday(1998, 5, 0, -1) == dt.date(1998, 5, 25)  # Memorial Day


def test_detect_tense_nearest_cue() -> None:
    text = "He said Tuesday that he will resign."
    i = text.index("Tuesday")
    assert N.detect_tense(text, i, i + 7, 0, len(text)) == "past"
    text = "The vote will take place Tuesday, officials said."
    i = text.index("Tuesday")
    assert N.detect_tense(text, i, i + 7, 0, len(text)) == "future"
    assert N.detect_tense("Tuesday.", 0, 7, 0, 8) is None


def test_participle_after_with_is_no_past_tense() -> None:
    # "with added sugar" describes the drinks; it says nothing about when July is.
    text = "The tax takes effect in July and applies to all drinks with added sugar."
    i = text.index("July")
    assert N.detect_tense(text, i, i + 4, 0, len(text)) is None
