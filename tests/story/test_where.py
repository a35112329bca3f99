"""Where a figure is of (``story/where.py``): a population is its place's, and a count over
several places is no rival to one place's. Articles are written here; each test pairs a trap
with a real conflict so a rule that simply stops reporting fails."""

from __future__ import annotations

from newstrace import article_from_text
from newstrace.api import compare_articles


def _shown(texts: dict[str, str], kind: str, all_conflicts: bool = False) -> list[set[str]]:
    arts = [article_from_text(t, id=k) for k, t in texts.items()]
    report = compare_articles(arts, all_conflicts=all_conflicts)
    return [{v.text for v in c.values} for g in report.groups for c in g.conflicts if c.type == kind]


def test_a_population_is_the_places_and_is_set_only_against_the_same_places():
    """ "Home to 120,000 people" and "a population of 200,000" give how many live on one island:
    a conflict, though worded apart. Not against a count of people the event touched ("20,000
    people fled"), nor against the population of another place (the port city)."""
    a = "date 2025-11-28\nThe quake struck Qeshm island, home to 120,000 people, on Sunday, state media said."
    b = "date 2025-11-28\nQeshm is the largest island in the gulf, with a population of 200,000, officials said."
    assert _shown({"a": a, "b": b}, "number") == [{"120,000 people", "200,000"}]
    fled = "date 2025-11-28\nOn Sunday 20,000 people fled Qeshm island after the quake, state media said."
    city = "date 2025-11-28\nThe port city of Bandar Abbas, home to 500,000 people, felt the quake on Sunday."
    assert _shown({"a": a, "c": fled}, "number", all_conflicts=True) == []
    assert _shown({"a": a, "d": city}, "number", all_conflicts=True) == []


def test_a_toll_over_several_places_is_no_rival_to_one_places_toll():
    """Two bombings, two cities: "the explosions at the embassies in Nairobi and Dar-es-Salaam
    killed 110" is the total; "Six people were also killed ... in Dar-es-Salaam" and "killed 247
    people in Kenya and 12 people in Tanzania" give one city's part (each figure its own place).
    Totals that differ still conflict, and so do two tolls of one city."""
    total = (
        "date 1998-08-08\nThe Friday explosions at U.S. embassies in Nairobi, Kenya, and Dar-es-Salaam, "
        "Tanzania, killed 110 people, officials said."
    )
    part = (
        "date 1998-08-08\nSix people were killed and at least 58 injured in a car bomb attack on Friday "
        "outside the U.S. embassy in the Tanzanian capital Dar-es-Salaam, officials said."
    )
    split = (
        "date 1998-08-08\nThe embassy bombings on Friday killed 247 people in Kenya and 12 people in "
        "Tanzania, officials said."
    )
    other_total = (
        "date 1998-08-08\nThe Friday explosions at U.S. embassies in Nairobi, Kenya, and Dar-es-Salaam, "
        "Tanzania, killed 150 people, officials said."
    )
    other_part = (
        "date 1998-08-08\nNine people were killed and at least 58 injured in a car bomb attack on Friday "
        "outside the U.S. embassy in the Tanzanian capital Dar-es-Salaam, officials said."
    )
    assert _shown({"a": total, "b": part}, "number", all_conflicts=True) == []
    split_shown = _shown({"a": total, "c": split}, "number", all_conflicts=True)
    assert not any(s & {"247 people", "12 people"} for s in split_shown)
    assert {"110 people", "150 people"} in _shown({"a": total, "d": other_total}, "number")
    assert {"Six people", "Nine people"} in _shown({"b": part, "e": other_part}, "number")
    # Tanzania's 12 is a toll of one place, like Dar-es-Salaam's six: they still conflict.
    assert {"Six people", "12 people"} in _shown({"b": part, "c": split}, "number", all_conflicts=True)
    # A magnitude is no count over places: felt in two countries, it is still one reading.
    felt = (
        "date 2025-11-28\nThe magnitude 6.1 quake on Sunday was felt in Iran and in Pakistan, officials said."
    )
    iran = "date 2025-11-28\nThe magnitude 5.2 quake on Sunday was felt in Iran, officials said."
    assert {"6.1", "5.2"} in [
        {t.split()[0] for t in s} for s in _shown({"f": felt, "g": iran}, "number", True)
    ]


def test_residents_of_a_place_are_its_population_but_residents_moved_are_not():
    """ "The island, which has about 200,000 residents" gives a population (against "home to
    120,000 people"); "the evacuation of 5,000 residents" counts people moved."""
    a = "date 2025-11-28\nThe quake struck Qeshm island, home to 120,000 people, on Sunday, state media said."
    b = "date 2025-11-28\nQeshm island, which has about 200,000 residents, was struck by the quake on Sunday."
    moved = "date 2025-11-28\nOfficials ordered the evacuation of 5,000 residents of Qeshm island on Sunday."
    assert {"120,000 people", "200,000 residents"} in _shown({"a": a, "b": b}, "number", all_conflicts=True)
    assert not any("5,000 residents" in s for s in _shown({"a": a, "c": moved}, "number", all_conflicts=True))


def test_a_province_named_after_province_of_is_where_a_count_is():
    prov = (
        "date 2022-10-24\nFlash floods triggered by the storm killed 18 people in the eastern province "
        "of Albay on Sunday, officials said."
    )
    town = "date 2022-10-24\nIn Guinobatan, seven people died in the floods on Sunday, officials said."
    other = "date 2022-10-24\nIn Guinobatan, six people died in the floods on Sunday, officials said."
    found = _shown({"a": prov, "b": town, "c": other}, "number", all_conflicts=True)
    assert not any("18 people" in f for f in found)  # the province's toll against a town's
    assert {"seven people", "six people"} in found  # the town's two tolls still conflict
