"""Rules that lean on the discourse or on finer tense cues (anaphoric dates, vague references)."""

from __future__ import annotations

import datetime as dt

from newstrace.records import TimeExpr
from newstrace.timex import tag_times

WED = dt.date(2025, 5, 21)  # a Wednesday
Q_DCT = dt.date(1989, 10, 26)  # a results-season date in the fourth quarter


def tags(text: str, dct: dt.date | None = WED) -> list[TimeExpr]:
    out = tag_times(text, dct)
    for t in out:
        assert text[t.start : t.end] == t.text
    return out


def values(text: str, dct: dt.date | None = WED) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tags(text, dct)]


def find(text: str, needle: str, dct: dt.date | None = WED) -> TimeExpr:
    hits = [t for t in tags(text, dct) if t.text == needle]
    assert len(hits) == 1, tags(text, dct)
    return hits[0]


# --- anaphoric dates: the last date mentioned, not the DCT -------------------------------------


def test_that_year_takes_last_mentioned_year() -> None:
    text = "She fled in June 1998 and returned later that year."
    t = find(text, "later that year")
    assert (t.value, t.mod) == ("1998", "END")


def test_following_year_and_month_shift_the_anchor() -> None:
    assert (
        find("On May 22, 1995, he was promoted, and the following year he left.", "the following year").value
        == "1996"
    )
    assert find(
        "Talks began in March 1989. The following month, the company was sold.", "The following month"
    ).value == ("1989-04")


def test_that_day_and_next_morning() -> None:
    text = "The doctor was killed on Oct. 23, 1998. That same day, his family sent a fax."
    assert find(text, "That same day").value == "1998-10-23"
    text2 = "He was arrested on Feb. 22, 2000, and appeared in court the next morning."
    assert find(text2, "the next morning").value == "2000-02-23"


def test_that_day_without_day_anchor_keeps_x() -> None:
    assert (
        find("The site opened in October 1998 and was closed that same day.", "that same day").value
        == "1998-10-XX"
    )


def test_anaphor_without_any_date_uses_dct_or_x() -> None:
    assert find("Officials met that day to discuss it.", "that day").value == "2025-05-21"
    t = find("Officials met that day to discuss it.", "that day", None)
    assert (t.value, t.anchored) == ("XXXX-XX-XX", False)


def test_past_clock_time_uses_story_day() -> None:
    text = "Slepian was killed on Oct. 23, 1998. He was shot at 10 p.m. in his kitchen."
    assert find(text, "10 p.m.", dt.date(1999, 4, 19)).value == "1998-10-23T22:00"
    # In the present or future the DCT stays the anchor.
    assert find("The vote will close at 10 p.m.", "10 p.m.").value == "2025-05-21T22:00"


def test_part_of_day() -> None:
    assert (
        find("By mid afternoon, officials said the offensive had ended.", "mid afternoon").value
        == "2025-05-21TAF"
    )
    t = find("In London at mid-afternoon yesterday, shares were up.", "mid-afternoon yesterday")
    assert (t.type, t.value) == ("TIME", "2025-05-20TAF")
    text = "The market crashed on Oct. 13, 1989. Dealers placed heavy buy orders in the morning."
    assert find(text, "the morning", dt.date(1989, 10, 30)).value == "1989-10-13TMO"


# --- quarters and periods in results stories ---------------------------------------------------


def test_corresponding_period_last_year_follows_the_quarter() -> None:
    text = "Net rose in the third quarter, against a loss for the corresponding period last year."
    assert find(text, "the corresponding period last year", Q_DCT).value == "1988-Q3"
    text2 = "Third-quarter sales rose. U.K. sales for last year's quarter were about $3 million."
    assert find(text2, "last year's quarter", Q_DCT).value == "1988-Q3"
    text3 = "Net fell in the third quarter. For the quarter a year ago, it earned $16 million."
    assert find(text3, "the quarter a year ago", Q_DCT).value == "1988-Q3"


def test_last_half_of_year() -> None:
    assert (
        find("Earnings will be lower for the last half of 1989.", "the last half of 1989", Q_DCT).value
        == "1989-H2"
    )
    # "the last quarter" alone stays the previous calendar quarter.
    assert find("Sales fell in the last quarter.", "last quarter", Q_DCT).value == "1989-Q3"


def test_week_of_a_date() -> None:
    t = find(
        "The case may be heard the week of March 6, officials said.",
        "the week of March 6",
        dt.date(2000, 2, 24),
    )
    assert (t.type, t.value) == ("DATE", "2000-W10")


def test_year_earlier_months_is_a_length() -> None:
    text = "Net for the year-earlier nine months included a gain."
    assert values(text, Q_DCT) == [("nine months", "DURATION", "P9M")]


# --- vague references and bare plurals ---------------------------------------------------------


def test_soon_is_future_ref_but_not_as_a_conjunction() -> None:
    assert values("Prosecutors may soon seek an indictment.") == [("soon", "DATE", "FUTURE_REF")]
    assert values("He left soon after the vote.") == []
    assert values("They will go as soon as Tuesday.") == [("Tuesday", "DATE", "2025-05-27")]
    assert values("He was soon released.") == []


def test_now_that_is_present() -> None:
    assert values("Aqaba is the only outlet now that the noose has tightened.") == [
        ("now", "DATE", "PRESENT_REF")
    ]


def test_for_years_is_vague_duration() -> None:
    assert values("He marched from protest to protest for years.") == [("years", "DURATION", "PXY")]
    assert values("For weeks the government has held rallies.") == [("weeks", "DURATION", "PXW")]


def test_one_day_in_the_future() -> None:
    assert values("Islam will one day be the second largest religion.") == [("one day", "DATE", "FUTURE_REF")]
    assert values("He had only been in the job one day.") == [("one day", "DURATION", "P1D")]


def test_season_after_into() -> None:
    assert values("Demand will stay strong well into the summer.") == [("summer", "DATE", "2025-SU")]


# --- tense cues ----------------------------------------------------------------------------------


def test_next_to_is_not_a_future_cue() -> None:
    text = "Hundreds were wounded in the blasts next to the embassies on Friday."
    assert find(text, "Friday").value == "2025-05-16"


def test_passive_participle_is_not_past() -> None:
    # "be paid" is a participle: the nearer real cue is "would".
    assert find("The dividend would be paid in January.", "January", dt.date(1989, 10, 26)).value == "1990-01"


def test_from_and_before_do_not_point_forward() -> None:
    t = find("It bought 100,000 shares from Aug. 26 to Oct. 20.", "Aug. 26", dt.date(1989, 10, 30))
    assert t.value == "1989-08-26"


def test_until_in_a_past_clause_is_past() -> None:
    assert find("Until Thursday, they had not called him a suspect.", "Thursday").value == "2025-05-15"
    assert find("The offer runs until Thursday.", "Thursday").value == "2025-05-22"


def test_had_been_due_is_past() -> None:
    assert find("The offer had been due to expire Friday evening.", "Friday evening").value == "2025-05-16TEV"
    assert find("The offer is due to expire Friday evening.", "Friday evening").value == "2025-05-23TEV"


# --- results stories: which period "a year earlier" and "the 1988 quarter" lean on ---------------


def test_year_back_after_a_stretch_of_quarters_is_the_year() -> None:
    text = "For the nine months, the maker earned $40 million, up from $31 million a year earlier."
    assert find(text, "a year earlier", Q_DCT).value == "1988"
    text = "Orders for the first half rose, compared with year-earlier orders of 2,000 units."
    assert find(text, "year-earlier", Q_DCT).value == "1988"


def test_year_back_leans_on_the_latest_completed_quarter() -> None:
    text = (
        "After a weak second quarter, the grocer's third-quarter sales rose. It expects losses in "
        "the third quarter of 1990. In the year-ago period, it earned $3 million."
    )
    assert find(text, "the year-ago period", Q_DCT).value == "1988-Q3"


def test_year_period_takes_the_reported_quarter() -> None:
    text = "Third-quarter net fell to $2 million from $5 million in the 1988 quarter."
    assert find(text, "the 1988 quarter", Q_DCT).value == "1988-Q3"
    text = "In the first nine months, net rose, compared with a loss in the 1988 period."
    assert find(text, "the 1988 period", Q_DCT).value == "1988"
    assert find("Sales dipped in the 1988 period.", "the 1988 period", Q_DCT).value == "1988"


# --- tense cues -----------------------------------------------------------------------------


def test_attributive_participle_is_not_a_past_cue() -> None:
    # "unspecified" modifies "date"; the clause is future ("would be paid"), so next January.
    text = "The split would be paid on an as yet unspecified date in January."
    assert find(text, "January", Q_DCT).value == "1990-01"
    # "the stalled accord": no tense cue left, so the nearest Jan. 9 (not the one that is past).
    assert find("Talks on the stalled accord resume Jan. 9.", "Jan. 9", Q_DCT).value == "1990-01-09"


def test_as_early_as_points_forward() -> None:
    text = "The father, who arrived from Havana, could meet the boy as early as Friday."
    assert find(text, "Friday", WED).value == "2025-05-23"
