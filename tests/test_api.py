"""Entry points shared by the command line and library users (``newstrace.api``)."""

from __future__ import annotations

import datetime as dt

from newstrace import article_from_text
from newstrace.api import compare_articles, dated_by_datelines


def test_a_wire_dateline_without_a_year_takes_the_year_of_the_storys_dated_articles():
    wire = article_from_text(
        "LIMA, Dec 30 (Andes Wire) - A quake struck on Monday, officials said.\n", id="w"
    )
    later = article_from_text("date 2024-01-02\nThe toll rose on Tuesday, officials said.\n", id="l")
    far = article_from_text("LIMA, Jun 3 (Andes Wire) - Officials said more on Monday.\n", id="f")
    assert wire.published is None
    out = {a.id: a for a in dated_by_datelines([wire, later, far])}
    # the year that puts Dec 30 nearest the story's dates, across the turn of the year
    assert out["w"].published == dt.date(2023, 12, 30)
    assert "dateline" in out["w"].metadata["published_from"]
    assert out["l"] is later
    assert out["f"].published is None  # five months away: not this story's day
    # alone, nothing dates it
    assert dated_by_datelines([wire])[0].published is None


def test_a_wire_dateline_wins_over_the_date_given_for_undated_articles(tmp_path):
    """``compare --date D`` gives D to articles with no date of their own; a wire's year-less
    dateline is its own (nearer) date and still dates it, in the year nearest the story's; the
    JSON Lines reader keeps the dateline's month and day as the text reader does."""
    from newstrace.api import read_articles, with_reference_date

    wire = with_reference_date(
        article_from_text("LIMA, Dec 30 (Andes Wire) - A quake struck on Monday.\n", id="w"),
        dt.date(2024, 1, 2),
    )
    assert wire.published == dt.date(2024, 1, 2) and wire.metadata["published_from"] == "--date"
    [out] = dated_by_datelines([wire])
    assert out.published == dt.date(2023, 12, 30)
    assert "dateline" in out.metadata["published_from"]

    path = tmp_path / "wires.jsonl"
    path.write_text(
        '{"id": "a", "text": "LIMA, Dec 30 (Andes Wire) - A quake struck on Monday."}\n'
        '{"id": "b", "published": "2024-01-02", "text": "LIMA, Jan 2 (Andes Wire) - The toll rose."}\n',
        encoding="utf-8",
    )
    arts, failed = read_articles([path])
    assert failed == 0
    a, b = arts
    assert a.metadata["dateline_date"] == "Dec 30" and "dateline_date" not in b.metadata
    dated = {x.id: x for x in dated_by_datelines(arts)}
    assert dated["a"].published == dt.date(2023, 12, 30)
    assert dated["b"].published == dt.date(2024, 1, 2)


def test_a_rising_toll_from_an_undated_wire_is_an_update_once_its_dateline_is_read():
    wire = article_from_text(
        "TULSA, June 9 (Continental Press) - A gunman killed five people at a festival on Saturday, police said.\n",
        id="w",
    )
    later = article_from_text(
        "Sixth victim dies\nPublished: 10 June 2024\n\nA gunman killed six people at the festival on Saturday, "
        "police said.\n",
        id="l",
    )
    report = compare_articles([wire, later])
    kinds = [c.type for g in report.groups for c in g.conflicts]
    assert "update" in kinds and "number" not in kinds
